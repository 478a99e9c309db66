"""Streaming sitemap reading, safe against hostile XML."""
from __future__ import annotations

import pytest

from ipgirl_crawler.discovery.sitemaps import SitemapEntry, sitemap_entries
from tests.support.helpers import FIXTURES

NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


@pytest.mark.parametrize(("body", "entries"), [
    (f'<urlset {NS}><url><loc>https://h/fr/ai/1-x</loc><lastmod>2023-07-04</lastmod></url></urlset>'.encode(),
     [SitemapEntry("urlset", "https://h/fr/ai/1-x", "2023-07-04")]),
    (f'<sitemapindex {NS}><sitemap><loc>https://h/sitemaps/fr.xml</loc></sitemap></sitemapindex>'.encode(),
     [SitemapEntry("sitemapindex", "https://h/sitemaps/fr.xml", None)]),
    (f'<urlset {NS}><url><lastmod>2023</lastmod></url><url><loc> https://h/a </loc></url></urlset>'.encode(),
     [SitemapEntry("urlset", "https://h/a", None)]),
    (b"<html><body><a href='/x'>not a sitemap</a></body></html>", []),
    (b"\x00\xff garbage", []),
    (b"", []),
    # A truncated sitemap gives what it holds (a cut last URL at worst answers 404: a dead link).
    (f'<urlset {NS}><url><loc>https://h/a</loc></url><url><loc>https://h/b'.encode(),
     [SitemapEntry("urlset", "https://h/a", None), SitemapEntry("urlset", "https://h/b", None)]),
])
def test_sitemap_entries(body: bytes, entries: list[SitemapEntry]) -> None:
    assert list(sitemap_entries(body)) == entries


def test_external_entities_are_not_resolved_and_expansion_is_bounded(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    laughs = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY xxe SYSTEM "{secret.as_uri()}"><!ENTITY l0 "lol">{laughs}]>'
            f'<urlset {NS}><url><loc>https://h/&xxe;</loc></url><url><loc>https://h/&l9;</loc></url></urlset>').encode()
    locs = [entry.loc for entry in sitemap_entries(body)]
    assert not any("TOP-SECRET" in loc for loc in locs)
    assert all(len(loc) < 1000 for loc in locs)


def test_the_saved_sitemaps() -> None:
    assert len(list(sitemap_entries((FIXTURES / "examples" / "sitemap-fr.xml").read_bytes()))) == 40
    assert len(list(sitemap_entries((FIXTURES / "examples" / "sitemap.xml").read_bytes()))) == 9
