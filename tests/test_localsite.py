"""Fast checks of the fake IPGirl site (tests/localsite)."""
from __future__ import annotations

import http.client
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite, build_site, expected_items
from tests.localsite import corpus
from tests.localsite.fmt import LANGS, LEGACY_ENCODING, UI, norm

FIXTURES = Path(__file__).parent / "fixtures" / "examples"


@pytest.fixture(scope="module")
def site():
    with LocalSite(n_articles=300, seed=1) as s:
        yield s


def get(site: LocalSite, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    resp = conn.getresponse()
    resp.body = resp.read()  # type: ignore[attr-defined]
    conn.close()
    return resp


def charset_of(resp: http.client.HTTPResponse) -> str:
    return resp.headers.get_content_charset() or "utf-8"


def test_robots_sitemaps_home(site: LocalSite) -> None:
    robots = get(site, "/robots.txt").body.decode()
    assert "Disallow: /*/search" in robots and "Disallow: /*/print" in robots
    assert f"Sitemap: {site.base_url}/sitemap.xml" in robots
    index = get(site, "/sitemap.xml").body.decode()
    assert index.count("<sitemap>") == 9
    fr = get(site, "/sitemaps/fr.xml").body.decode()
    assert f"<loc>{site.base_url}/fr/" in fr and "<lastmod>" in fr
    home = get(site, "/fr/")
    assert home.status == 200 and home.getheader("Date") == "Fri, 20 Nov 2026 12:00:00 GMT"
    assert b"utm_source=home" in home.body


def test_sitemaps_leave_some_articles_out(site: LocalSite) -> None:
    listed = sum(get(site, f"/sitemaps/{lang}.xml").body.count(b"<url>") for lang in LANGS)
    assert 0.8 * 300 < listed < 300


def test_article_redirects_and_404(site: LocalSite) -> None:
    item = next(i for i in site.expected_items() if i["article_id"] != "48213")
    path = item["url"][len(site.base_url):]
    for variant in (f"/{item['language']}/article/{item['article_id']}", path + "/"):
        resp = get(site, variant)
        assert resp.status == 301 and resp.getheader("Location") == item["url"]
    assert get(site, path).status == 200
    assert get(site, path + "?utm_source=x&share=email").status == 200
    assert get(site, path + "/print").status == 200
    assert get(site, "/fr/ai/47000-comprendre-la-distribution-hypergeometrique").status == 404


def test_conditional_get(site: LocalSite) -> None:
    path = site.expected_items()[0]["url"][len(site.base_url):]
    first = get(site, path)
    etag, last_mod = first.getheader("ETag"), first.getheader("Last-Modified")
    assert etag and last_mod
    assert get(site, path, {"If-None-Match": etag}).status == 304
    assert get(site, path, {"If-Modified-Since": last_mod}).status == 304
    assert get(site, path, {"If-None-Match": '"nope"'}).status == 200


def test_legacy_encodings_decode(site: LocalSite) -> None:
    seen = set()
    for a in site.site.articles:
        if a.era != "D" or a.lang in seen:
            continue
        seen.add(a.lang)
        resp = get(site, a.path)
        charset = charset_of(resp)
        assert charset.lower() != "utf-8"
        text = resp.body.decode(LEGACY_ENCODING[a.lang][0])
        assert f"charset={charset}" in text.lower() or f'charset="{charset}"' in text.lower()
        assert a.title in text
    assert len(seen) >= 6


def test_expected_items_count_and_determinism() -> None:
    a = expected_items(build_site(200, 7), "http://h")
    b = expected_items(build_site(200, 7), "http://h")
    c = expected_items(build_site(200, 8), "http://h")
    assert len(a) == 200 and a == b and a != c
    assert len({i["url"] for i in a}) == 200


def test_era_distribution_and_variation() -> None:
    s = build_site(3000, 3)
    eras = Counter(a.era for a in s.articles)
    for era, share in (("A", 0.35), ("B", 0.30), ("C", 0.20), ("D", 0.15)):
        assert abs(eras[era] / 3000 - share) < 0.04
    items = expected_items(s, "http://h")
    assert any(i["total_votes"] == 0 for i in items) and any(i["total_votes"] is None for i in items)
    assert any((i["total_votes"] or 0) >= 1000 for i in items)
    assert any(len(i["authors"]) == 3 for i in items) and any(not i["tags"] for i in items)
    assert any(i["modified_at"] for i in items) and any(i["images"] for i in items)
    assert any(not r["snippet_truncated"] for i in items for r in i["related"])
    assert 0.2 < sum(bool(i["translations"]) for i in items) / 3000 < 0.7


def test_fault_injection(site: LocalSite) -> None:
    site.inject("/robots.txt", 503, 500, 429, "truncated", "reset")
    r = get(site, "/robots.txt")
    assert r.status == 503 and r.getheader("Retry-After") == "1"
    assert get(site, "/robots.txt").status == 500
    assert get(site, "/robots.txt").status == 429
    with pytest.raises(http.client.IncompleteRead):
        get(site, "/robots.txt")
    with pytest.raises((ConnectionResetError, http.client.RemoteDisconnected, ConnectionAbortedError)):
        get(site, "/robots.txt")
    assert get(site, "/robots.txt").status == 200
    log = [e for e in site.requests() if e["path"] == "/robots.txt"]
    assert [e["status"] for e in log[-6:]] == [503, 500, 429, 200, None, 200]


def test_request_log_records_host(site: LocalSite) -> None:
    get(site, "/fr/", {"Host": f"localhost:{site.port}"})
    entry = site.requests()[-1]
    assert entry["host"] == f"localhost:{site.port}" and entry["method"] == "GET" and entry["status"] == 200


def test_corpus_encodable_in_legacy_encodings() -> None:
    for lang in LANGS:
        codec = LEGACY_ENCODING[lang][0]
        pools = [corpus.SENTENCES, corpus.HEADINGS, corpus.SUBJECTS, corpus.PREDICATES, corpus.TAGS,
                 corpus.AUTHORS, corpus.IMAGE_ALTS]
        for text in [t for pool in pools for t in pool[lang]] + list(UI[lang].values()):
            text.encode(codec)


def test_seed_page_is_the_example() -> None:
    example = FIXTURES / "article-A-fr-seed.html"
    if not example.exists():
        pytest.skip("no fixture")
    from tests.localsite.eras import Ctx, render_article
    from tests.localsite.view import ArticleView, expected_item
    s = build_site(50, 1)
    v = ArticleView(s.by_id[48213], s)
    page, _ = render_article(v, Ctx("https://www.ipgirl.com", "http://localhost:1"))
    assert page == example.read_text(encoding="utf-8")
    want = json.loads((FIXTURES / "article-A-fr-seed.expected.json").read_text(encoding="utf-8"))
    got = expected_item(v, "https://www.ipgirl.com")
    assert {k: got[k] for k in want} == want


def _text(node) -> str:
    return norm(node.text_content()) if node is not None else ""


def test_pages_agree_with_expected_items(site: LocalSite) -> None:
    """Every expected field that is plain page text can be found on the page."""
    by_era: Counter[str] = Counter()
    for item in site.expected_items():
        a = site.site.by_id[int(item["article_id"])]
        if by_era[a.era] >= 15:
            continue
        by_era[a.era] += 1
        resp = get(site, item["url"][len(site.base_url):])
        doc = lxml_html.fromstring(resp.body.decode(charset_of(resp).replace("gb2312", "gbk")))
        assert _text(doc.find(".//h1")) == item["title"]
        assert norm(doc.xpath("//meta[@name='description']/@content")[0]) == item["summary"]
        assert doc.xpath("//link[@rel='canonical']/@href") == [item["url"]]
        hreflang = {h: u for h, u in zip(doc.xpath("//link[@hreflang]/@hreflang"), doc.xpath("//link[@hreflang]/@href"))
                    if h not in ("x-default", item["language"])}
        assert hreflang == item["translations"]
        page = norm(" ".join(doc.xpath("//body//text()[not(ancestor::script)]")))
        elements = {_text(el) for el in doc.xpath("//p|//li|//h2|//h3|//blockquote")}
        for block in item["body_text"].split("\n\n"):
            assert block in elements, block
        for value in [item["site_notice"], *item["tags"], *item["authors"], *item["breadcrumbs"]]:
            assert value is None or value in page
        for rel in item["related"]:
            assert rel["title"] in page and rel["snippet"] in page
        if item["total_votes"] is not None:
            digits = re.sub(r"\D", "", page)
            assert str(item["total_votes"]) in digits
    assert set(by_era) == {"A", "B", "C", "D"}
