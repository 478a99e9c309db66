"""URL rules of the site: base URL validation, canonical forms, article references."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

DEFAULT_BASE_URL = "https://www.ipgirl.com"
TRACKING_PARAMS = frozenset({"share", "fbclid", "gclid", "mc_cid", "mc_eid"})
TRACKING_PREFIXES = ("utm_",)
NON_ARTICLE_SECTIONS = frozenset({"category", "tag", "tags", "author", "authors", "search", "page", "media", "static"})
_ARTICLE_PATH = re.compile(r"^/(?P<lang>[a-z]{2})/(?P<section>[a-z0-9_-]+)/(?P<id>\d{1,12})(?:-[^/]*)?/?$")
_CATEGORY_PATH = re.compile(r"^/(?P<lang>[a-z]{2})/category/(?P<slug>[a-z0-9_-]+)/?$")
_HOME_PATH = re.compile(r"^/(?P<lang>[a-z]{2})/?$")
# A link with a scheme and a host (urlsplit drops tab, CR and LF before it reads the host).
_WITH_HOST = re.compile(r"https?://[^/?#\t\r\n]")


class InvalidBaseURL(ValueError):
    pass


def validate_base_url(value: str | None) -> str:
    """The base URL without trailing slash, or InvalidBaseURL saying what is wrong."""
    text = (value or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise InvalidBaseURL(f"base_url must be an http(s) URL, got {text!r}")
    if not parts.hostname or parts.username or parts.password:
        raise InvalidBaseURL(f"base_url has no usable host: {text!r}")
    try:
        parts.port
    except ValueError:
        raise InvalidBaseURL(f"base_url has an invalid port: {text!r}") from None
    if parts.query or parts.fragment or parts.path not in ("", "/"):
        raise InvalidBaseURL(f"base_url must be a bare origin such as https://www.ipgirl.com, got {text!r}")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


_PLAIN_URL = re.compile(r"^https?://[a-z0-9.:\[\]-]+(?:/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$")


@lru_cache(maxsize=4096)
def canonicalize(url: str) -> str:
    """Fragment and tracking parameters removed, host lower-cased, unsafe characters escaped.

    Cached: the same navigation and card links recur on every page of a crawl."""
    if _PLAIN_URL.match(url):
        return url if "/" in url[8:] else url + "/"
    parts = urlsplit(safe_url_string(url))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def absolute(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base``, canonicalized; None for non-http(s) links."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
        return None
    if base and _WITH_HOST.match(href):
        # urljoin reads nothing of the base but its scheme when the link names its own host:
        # cards and translations repeat such links page after page, so they are resolved once.
        return _absolute_with_host(_origin(base).split(":", 1)[0], href)
    return _resolve(base, href)


@lru_cache(maxsize=4096)
def _absolute_with_host(base_scheme: str, href: str) -> str | None:
    return _resolve(f"{base_scheme}://host/", href)


def _resolve(base: str, href: str) -> str | None:
    try:
        # A site-relative path needs only the base's origin (the common case, and cheap).
        plain_path = href[0] == "/" and href[1:2] != "/" and "/." not in href
        url = _origin(base) + href if plain_path else urljoin(base, href)
        # A path joined to the origin keeps the origin's scheme: no need to split the URL again.
        scheme = _origin(base).split(":", 1)[0] if plain_path else urlsplit(url).scheme
        # canonicalize() refuses what urljoin lets through ("https://\x01og:type", a port "type").
        return canonicalize(url) if scheme in ("http", "https") else None
    except (ValueError, IndexError):
        return None


@lru_cache(maxsize=4096)
def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Origin:
    """Scheme, host and port: what makes two URLs the same site (RFC 6454), default ports filled in."""
    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = "" if DEFAULT_PORTS[self.scheme] == self.port else f":{self.port}"
        return f"{self.scheme}://{host}{port}"


@lru_cache(maxsize=8192)
def origin_of(url: str) -> Origin | None:
    """The origin of an http(s) URL; None for any other scheme, no host, a bad port, or userinfo
    (``http://site@elsewhere/`` is elsewhere, and no link of the site needs a password)."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS or not parts.hostname or "@" in parts.netloc:
            return None
        return Origin(scheme, parts.hostname, parts.port or DEFAULT_PORTS[scheme])
    except ValueError:
        return None


def same_origin(url: str, base_url: str) -> bool:
    """Whether ``url`` is on ``base_url``'s origin: scheme, host and port, the one test of what is
    on the site (links, sitemap entries, redirects, translations, cards). A canonical link starts
    with the base's own spelling, which is checked without splitting it: a page asks for hundreds."""
    prefix = _spelling(base_url)
    if url.startswith(prefix) and url[len(prefix):len(prefix) + 1] in ("", "/", "?", "#"):
        return True
    found = origin_of(url)
    return found is not None and found == origin_of(base_url)


@lru_cache(maxsize=64)
def _spelling(base_url: str) -> str:
    origin = origin_of(base_url)
    return str(origin) if origin else "\0"


def rehome(url: str, origin: Origin | str) -> str:
    """``url`` with its scheme, host and port replaced by ``origin``'s: a link to an alias of the
    site (``localhost`` for ``127.0.0.1``, the apex for ``www.``), read as the site's own."""
    parts = urlsplit(url)
    return urlunsplit((*urlsplit(str(origin))[:2], parts.path or "/", parts.query, parts.fragment))


@dataclass(frozen=True)
class ArticleRef:
    language: str
    article_id: str


@lru_cache(maxsize=4096)  # a page's cards, byline and tags ask it of the same links (~15 calls an article page)
def article_ref(url: str) -> ArticleRef | None:
    """The (language, id) an article-shaped URL points at, canonical or legacy form."""
    match = _ARTICLE_PATH.match(urlsplit(url).path)
    if not match or match["section"] in NON_ARTICLE_SECTIONS:
        return None
    return ArticleRef(match["lang"], match["id"])


def article_section(url: str) -> str | None:
    """The section (category) segment of an article-shaped URL: ``ai`` in ``/fr/ai/123-…``."""
    match = _ARTICLE_PATH.match(urlsplit(url).path)
    return match["section"] if match and match["section"] not in NON_ARTICLE_SECTIONS else None


def listing_language(url: str) -> str | None:
    """The language of a home or category listing URL, else None."""
    path = urlsplit(url).path
    match = _HOME_PATH.match(path) or _CATEGORY_PATH.match(path)
    return match["lang"] if match else None


def listing_page(url: str) -> tuple[str, int]:
    """A listing URL reduced to the one query parameter the site's listings use (``page=N``, left
    out for the first page), and its page number: other parameters (sorts, filters, session ids)
    would make one page endless URLs."""
    parts = urlsplit(url)
    if not parts.query:
        return url, 1
    numbers = [value for name, value in parse_qsl(parts.query) if name == "page"]
    text = numbers[0] if numbers else ""
    page = int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else 1
    query = f"page={page}" if page > 1 else ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, "")), max(page, 1)


def path_language(url: str) -> str | None:
    match = re.match(r"^/([a-z]{2})(?:/|$)", urlsplit(url).path)
    return match[1] if match else None


def article_key(language: str | None, article_id: str | None) -> str:
    """The key an article is remembered by in a site's state: its (language, id) as one string."""
    return f"{language}:{article_id}"
