"""The local site's routes: a request path to a ``Response``, pure (no socket code; server.py serves it)."""
from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import render
from .eras import Ctx, render_article
from .fmt import CATEGORIES, LANGS, http_date
from .model import Article, Site
from .view import ArticleView

_L = "|".join(LANGS)
_ARTICLE = re.compile(rf"^/({_L})/([a-z-]+)/(\d+)(?:-([^/]*))?(/print)?(/)?$")
_LEGACY = re.compile(rf"^/({_L})/article/(\d+)/?$")
_SECTION = re.compile(rf"^/({_L})/(category|author|tag)/([^/]+)(/?)$")
_STATIC = re.compile(rf"^(?:/({_L}))?/(about|contact|privacy)$")
_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class App:
    """Routes a request path to a Response. Pure: no socket code."""

    def __init__(self, site: Site, ctx: Ctx) -> None:
        self.site, self.ctx = site, ctx
        self._sitemaps: dict[str, str] = {}
        # article id -> a rewrite of its rendered page (``drift.py``: markup the crawler cannot read)
        self.rewrites: dict[int, Callable[[str], str]] = {}
        # article path -> its rendered 200, when ``prerender()`` was called: the bench's server, whose
        # CPU would otherwise be taken from the crawler's two cores (a real site renders elsewhere)
        self.rendered: dict[str, Response] | None = None

    def prerender(self) -> int:
        """Render every article page once; later requests for them are answered from memory."""
        self.rendered = {}
        for article in self.site.articles:
            resp = self.route(article.path, {})
            if resp.status == 200:
                self.rendered[article.path] = resp
        return len(self.rendered)

    def html(self, text: str | None, status: int = 200, charset: str = "utf-8", codec: str = "utf-8") -> Response:
        if text is None:
            return self.not_found()
        return Response(status, text.encode(codec, "xmlcharrefreplace"),
                        {"Content-Type": f"text/html; charset={charset}"})

    def redirect(self, path: str, status: int = 301) -> Response:
        return Response(status, b"", {"Location": self.ctx.base + path, "Content-Type": "text/html; charset=utf-8"})

    def not_found(self) -> Response:
        return self.html(render.not_found(self.ctx), 404)

    def route(self, target: str, headers: Any) -> Response:
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        if m := _ARTICLE.match(path):
            if m.group(2) not in ("category", "author", "tag", "article", "search"):
                return self.article(m, headers)
        if m := _LEGACY.match(path):
            a = self.site.by_id.get(int(m.group(2)))
            return self.redirect(a.path) if a else self.not_found()
        if m := _SECTION.match(path):
            return self.section(m, query)
        if m := _STATIC.match(path):
            return self.html(render.static(self.site, self.ctx, m.group(1) or "en", m.group(2)))
        return self.misc(path, query)

    def misc(self, path: str, query: dict[str, list[str]]) -> Response:
        lang = path.strip("/").split("/", 1)[0]
        if path == "/robots.txt":
            return Response(200, render.robots(self.ctx).encode(), {"Content-Type": "text/plain; charset=utf-8"})
        if path == "/sitemap.xml":
            return self.xml(self.sitemap("index"))
        if path.startswith("/sitemaps/") and path.endswith(".xml") and path[10:-4] in LANGS:
            return self.xml(self.sitemap(path[10:-4]))
        if path == "/":
            return self.html(render.root(self.ctx))
        if lang in LANGS and path == f"/{lang}":
            return self.redirect(f"/{lang}/")
        if lang in LANGS and path == f"/{lang}/":
            return self.html(render.home(self.site, self.ctx, lang))
        if lang in LANGS and path == f"/{lang}/search":
            q = query.get("q", [""])[0]
            return self.html(render.search(self.site, self.ctx, lang, q, _int(query.get("page", ["1"])[0]) or 1))
        if path.startswith("/media/") and path.endswith(".jpg"):
            return Response(200, _JPEG, {"Content-Type": "image/jpeg"})
        if path in ("/static/css/site.css", "/static/js/app.js"):
            kind = "text/css" if path.endswith(".css") else "application/javascript"
            return Response(200, b"/* ipgirl */\n", {"Content-Type": kind})
        return self.not_found()

    def xml(self, text: str) -> Response:
        return Response(200, text.encode("utf-8"), {"Content-Type": "application/xml; charset=utf-8"})

    def sitemap(self, name: str) -> str:
        if name not in self._sitemaps:
            self._sitemaps[name] = (render.sitemap_index(self.site, self.ctx) if name == "index"
                                    else render.sitemap_lang(self.site, self.ctx, name))
        return self._sitemaps[name]

    def section(self, m: re.Match[str], query: dict[str, list[str]]) -> Response:
        lang, kind, slug, slash = m.groups()
        if not slash:
            return self.redirect(f"/{lang}/{kind}/{slug}/")
        if kind == "category":
            page = _int(query.get("page", ["1"])[0])
            ok = slug in CATEGORIES and page is not None
            return self.html(render.category(self.site, self.ctx, lang, slug, page) if ok else None)
        if kind == "author":
            return self.html(render.author(self.site, self.ctx, lang, slug))
        return self.html(render.tag(self.site, self.ctx, lang, slug))

    def article(self, m: re.Match[str], headers: Any) -> Response:
        lang, cat, aid, slug, printed, slash = m.groups()
        a = self.site.by_id.get(int(aid))
        if a is None:
            return self.not_found()
        if (lang, cat, slug) != (a.lang, a.category, a.slug) or slash:
            return self.redirect(a.path + (printed or ""))
        # The ETag follows the content, so an article edited between runs is served anew.
        rewrite = self.rewrites.get(a.id)
        validators = {"ETag": f'"{self.site.seed:x}-{a.id}-{a.era}-{zlib.crc32(a.body):x}{"-r" if rewrite else ""}"',
                      "Last-Modified": http_date(a.updated)}
        if _not_modified(a, validators["ETag"], headers):
            return Response(304, b"", validators)
        if self.rendered is not None and m.group(0) in self.rendered and rewrite is None:
            return self.rendered[m.group(0)]
        text, charset = render_article(ArticleView(a, self.site), self.ctx)
        if rewrite is not None:
            text = rewrite(text)
        if printed:
            text = text.replace("<head>\n", '<head>\n<meta name="robots" content="noindex">\n', 1)
        resp = self.html(text, charset=charset, codec=a.encoding)
        resp.headers.update(validators)
        return resp


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 7 else None


def _not_modified(a: Article, etag: str, headers: Any) -> bool:
    inm = headers.get("If-None-Match")
    if inm is not None:
        tags = [t.strip().removeprefix("W/") for t in inm.split(",")]
        return "*" in tags or etag in tags
    ims = headers.get("If-Modified-Since")
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=timezone.utc)
        return int(a.updated.timestamp()) <= int(since.timestamp())
    return False
