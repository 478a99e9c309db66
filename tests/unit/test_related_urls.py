"""Related cards, URL rules and byline reading: pure functions, table-driven."""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipgirl_crawler.discovery.urls import (
    ArticleRef,
    InvalidBaseURL,
    absolute,
    article_ref,
    canonicalize,
    same_origin,
    validate_base_url,
)
from ipgirl_crawler.pages.byline import BylineParts, parse_byline
from ipgirl_crawler.run.config import ConfigurationError, CrawlConfig, parse_languages
from pipelines.related import clean_card, split_ellipsis


@pytest.mark.parametrize(("snippet", "expected"), [
    ("Cependant, avez-vous...", ("Cependant, avez-vous", True)),
    ("Das Angebot des…", ("Das Angebot des", True)),
    ("研究者たちは公...", ("研究者たちは公", True)),
    ("A complete sentence.", ("A complete sentence.", False)),
    ("  ", (None, False)),
    (None, (None, False)),
])
def test_split_ellipsis(snippet: str | None, expected: tuple[str | None, bool]) -> None:
    assert split_ellipsis(snippet) == expected


def test_clean_card() -> None:
    raw = {"title": " T ", "url": "https://h/fr/ai/1-x", "category": "AI", "snippet": "S…"}
    assert clean_card(raw) == {"title": "T", "url": "https://h/fr/ai/1-x", "category": "AI", "snippet": "S", "snippet_truncated": True}
    assert clean_card({"title": "", "url": "https://h/x"}) is None


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://www.ipgirl.com/fr/ai/1-x?utm_source=home&utm_medium=web", "https://www.ipgirl.com/fr/ai/1-x"),
    ("https://www.ipgirl.com/fr/ai/1-x?share=email#top", "https://www.ipgirl.com/fr/ai/1-x"),
    ("https://WWW.IPGIRL.COM/fr/category/ai/?page=2&utm_campaign=x", "https://www.ipgirl.com/fr/category/ai/?page=2"),
])
def test_canonicalize(url: str, canonical: str) -> None:
    assert canonicalize(url) == canonical


@pytest.mark.parametrize(("href", "expected"), [
    ("/fr/ai/1-x", "https://www.ipgirl.com/fr/ai/1-x"),
    ("mailto:a@b.c", None), ("javascript:void(0)", None), ("file:///etc/passwd", None), ("#top", None), ("", None),
])
def test_absolute(href: str, expected: str | None) -> None:
    assert absolute("https://www.ipgirl.com/fr/", href) == expected


@pytest.mark.parametrize(("url", "ref"), [
    ("https://h/fr/ai/48213-lunion", ArticleRef("fr", "48213")),
    ("https://h/ja/semiconductors/50129-77", ArticleRef("ja", "50129")),
    ("https://h/de/article/50915", ArticleRef("de", "50915")),
    ("https://h/de/article/50915/", ArticleRef("de", "50915")),
    ("https://h/fr/category/ai/", None), ("https://h/fr/tag/123-x/", None), ("https://h/fr/about", None),
    ("https://h/fr/ai/48213-lunion/print", None),
])
def test_article_ref(url: str, ref: ArticleRef | None) -> None:
    assert article_ref(url) == ref


@pytest.mark.parametrize("value", ["ftp://x", "www.ipgirl.com", "", "http://", "https://h/path", "http://h:99999", "https://u:p@h"])
def test_invalid_base_url(value: str) -> None:
    with pytest.raises(InvalidBaseURL):
        validate_base_url(value)


def test_config_precedence_and_languages() -> None:
    settings = {"IPGIRL_BASE_URL": "https://www.ipgirl.com"}
    assert CrawlConfig.from_arguments(settings, "http://127.0.0.1:8000/", "fr,ja").base_url == "http://127.0.0.1:8000"
    assert CrawlConfig.from_arguments(settings, None, None).languages[0] == "en"
    assert parse_languages("FR, ja") == ("fr", "ja")
    with pytest.raises(ConfigurationError):
        parse_languages("fr,xx")


@pytest.mark.parametrize(("text", "lang", "parts"), [
    ("Von Mei Lin · Veröffentlicht am 7. Juni 2024 · Aktualisiert 8. Juni 2024", "de",
     BylineParts(("Mei Lin",), "7. Juni 2024", "8. Juni 2024")),
    ("Par Camille Durand — 4 juillet 2023", "fr", BylineParts(("Camille Durand",), "4 juillet 2023")),
    ("Par A et B, il y a 3 jours", "fr", BylineParts(("A", "B"), "il y a 3 jours")),
    ("By Ann Lee, Bo Kim and Cy Diaz · July 4, 2023", "en", BylineParts(("Ann Lee", "Bo Kim", "Cy Diaz"), "July 4, 2023")),
    ("著者： Mei Lin、佐藤 花子 · 2023年7月4日", "ja", BylineParts(("Mei Lin", "佐藤 花子"), "2023年7月4日")),
    ("Di Mario Rossi e Anna Bianchi - 3 giorni fa", "it", BylineParts(("Mario Rossi", "Anna Bianchi"), "3 giorni fa")),
    ("Die Europäische Union", "de", BylineParts()),
    ("著者： 伊藤 彩、佐藤 花子 - 2023年2月2日 / 更新日： 2023年2月22日", "ja",
     BylineParts(("伊藤 彩", "佐藤 花子"), "2023年2月2日", "2023年2月22日")),
    ("작성자: 김민수 · 3일 전", "ko", BylineParts(("김민수",), "3일 전")),
])
def test_parse_byline(text: str, lang: str, parts: BylineParts) -> None:
    assert parse_byline(text, lang) == parts


def test_common_ancestor() -> None:
    from lxml.html import fromstring

    from ipgirl_crawler.pages.dom import common_ancestor

    root = fromstring("<html><body><div id='a'><h1>T</h1></div><div id='b'><p>x</p></div></body></html>")
    h1, body, p = root.find(".//h1"), root.find("body"), root.find(".//p")
    assert common_ancestor(h1, body) is body
    assert common_ancestor(h1, p) is body
    assert common_ancestor(p, p.getparent()).get("id") == "b"


def _origin_by_urlsplit(url: str, base_url: str) -> bool:
    """Scheme, host and port (default ports filled in), no userinfo: RFC 6454's origin."""
    def origin(text: str) -> tuple[str, str | None, int | None] | None:
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or "@" in parts.netloc or not parts.hostname:
            return None
        return scheme, parts.hostname, parts.port or {"http": 80, "https": 443}[scheme]
    return origin(url) is not None and origin(url) == origin(base_url)


URL_PIECES = st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "//", "127.0.0.1", ":8800", ":88000", ":443", ":80", "www.ipgirl.com",
                              "WWW.ipgirl.com", "[::1]", "user@", "/", "?", "#", "\\", " ", "\t", "fr", "é", "例", "."])


@settings(max_examples=2000, deadline=None)
@given(st.lists(URL_PIECES, max_size=8).map("".join),
       st.sampled_from(["http://127.0.0.1:8800", "https://www.ipgirl.com", "http://[::1]:8800"]))
def test_same_origin_reads_a_url_as_urlsplit_does(url: str, base_url: str) -> None:
    def answer(check: Callable[[str, str], bool]) -> bool:
        try:
            return check(url, base_url)
        except ValueError:  # a URL urlsplit refuses is on no site
            return False
    assert answer(same_origin) == answer(_origin_by_urlsplit)


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:8800/fr/ai/1-x", True), ("https://127.0.0.1:8800", False), ("http://127.0.0.1:8800?a", True),
    ("http://localhost:8800/x", False), ("http://127.0.0.1/x", False), ("HTTP://127.0.0.1:8800/x", True),
    ("http://user@127.0.0.1:8800/x", False), ("ftp://127.0.0.1:8800/x", False), ("http://127.0.0.1:8801/x", False),
    ("http://127.0.0.1:8800@127.0.0.1:8801/it/x", False), ("http://sub.127.0.0.1:8800/x", False),
    ("http://[::1]:8800/x", False), ("http://127.0.0.1:8800\\@evil/x", False),
])
def test_same_origin(url: str, expected: bool) -> None:
    assert same_origin(url, "http://127.0.0.1:8800") is expected


@pytest.mark.parametrize(("url", "base_url", "expected"), [
    ("http://www.ipgirl.com:80/fr/", "http://www.ipgirl.com", True),
    ("https://www.ipgirl.com:443/fr/", "https://www.ipgirl.com", True),
    ("http://www.ipgirl.com/fr/", "https://www.ipgirl.com", False),
    ("https://ipgirl.com/fr/", "https://www.ipgirl.com", False),
    ("https://cdn.www.ipgirl.com/fr/", "https://www.ipgirl.com", False),
])
def test_same_origin_default_ports_and_hosts(url: str, base_url: str, expected: bool) -> None:
    assert same_origin(url, base_url) is expected
