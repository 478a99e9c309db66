"""Fast checks of the fake IPGirl site (tests/localsite)."""
from __future__ import annotations

import http.client
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite, build_site, corpus, expected_items
from tests.localsite.fmt import LANGS, LEGACY_ENCODING, UI, http_date, norm

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


OLD_ERAS = "A,B,C,D"


@pytest.fixture(scope="module")
def site():
    with LocalSite(n_articles=300, seed=1, eras=OLD_ERAS) as s:
        yield s


@pytest.fixture(scope="module")
def old_site():
    """Only the two oldest templates (E table soup, F div soup)."""
    with LocalSite(n_articles=900, seed=5, eras="E,F") as s:
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
    # A real site's clock: the present (its pages were written at site.now, 2026-11-20)
    assert home.status == 200 and home.getheader("Date") == http_date(site.site.clock)
    assert site.site.clock > site.site.now
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
    a = expected_items(build_site(200, 7, eras=OLD_ERAS), "http://h")
    b = expected_items(build_site(200, 7, eras=OLD_ERAS), "http://h")
    c = expected_items(build_site(200, 8, eras=OLD_ERAS), "http://h")
    assert len(a) == 200 and a == b and a != c
    assert len({i["url"] for i in a}) == 200


def test_era_distribution_and_variation() -> None:
    s = build_site(3000, 3, eras=OLD_ERAS)
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
    example = FIXTURES / "pages" / "article-A-fr-seed" / "page.html"
    from tests.localsite.eras import Ctx, render_article
    from tests.localsite.view import ArticleView, expected_item
    s = build_site(50, 1, eras="A,B,C,D,E,F")
    assert s.by_id[48213].era == "A"
    v = ArticleView(s.by_id[48213], s)
    page, _ = render_article(v, Ctx("https://www.ipgirl.com", "http://localhost:1"))
    assert page == example.read_text(encoding="utf-8")
    want = json.loads((FIXTURES / "pages" / "article-A-fr-seed" / "expected.json").read_text(encoding="utf-8"))
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


# ---------------------------------------------------------------- eras E and F
def test_eras_selectable(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.localsite.model import parse_eras

    assert parse_eras("e, f") == ("E", "F") and parse_eras(("F", "A")) == ("A", "F")
    with pytest.raises(ValueError):
        parse_eras("A,ZZ")  # X is an era now (held-out); no era has a two-letter name
    monkeypatch.delenv("LOCALSITE_ERAS", raising=False)
    assert build_site(10, 1).eras == ("A", "B", "C", "D")  # E and F are opt-in
    only = build_site(400, 2, eras="E,F")
    assert {a.era for a in only.articles} == {"E", "F"}
    assert only.by_id[48213].era == "E"  # the seed article takes the first selected era
    assert {a.era for a in build_site(100, 2, eras=["F"]).articles} == {"F"}
    monkeypatch.setenv("LOCALSITE_ERAS", "F")
    assert {a.era for a in build_site(50, 2).articles} == {"F"}
    with LocalSite(n_articles=30, seed=2, eras="E") as s:
        assert {a.era for a in s.site.articles} == {"E"}
        _, published = s.change(edits=2, new=3)  # articles published later use the same eras
        assert {a.era for a in published} == {"E"} and len(s.expected_items()) == 33
    # determinism: same (articles, seed, eras) -> same site and pages
    from tests.localsite.eras import Ctx, render_article
    from tests.localsite.view import ArticleView
    ctx = Ctx("http://h", "http://l")
    x, y = build_site(300, 9, eras="E,F"), build_site(300, 9, eras="E,F")
    assert expected_items(x, "http://h") == expected_items(y, "http://h")
    assert all(render_article(ArticleView(a, x), ctx) == render_article(ArticleView(b, y), ctx)
               for a, b in zip(x.articles, y.articles))


def test_cli_eras_option(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.localsite.__main__ import main

    assert main(["expected", "--articles", "40", "--seed", "3", "--base-url", "http://h", "--eras", "E,F"]) == 0
    items = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    site = build_site(40, 3, eras="E,F")
    assert items == expected_items(site, "http://h")
    with pytest.raises(SystemExit):
        main(["expected", "--base-url", "http://h", "--eras", "ZZ"])  # an unknown era (X exists now)


def test_all_eras_shares() -> None:
    eras = Counter(a.era for a in build_site(6000, 4, eras="A,B,C,D,E,F").articles)
    for era, share in (("A", 0.28), ("B", 0.24), ("C", 0.16), ("D", 0.12), ("E", 0.10), ("F", 0.10)):
        assert abs(eras[era] / 6000 - share) < 0.025, (era, eras[era])


def test_old_eras_render_in_all_languages(old_site: LocalSite) -> None:
    """Every expected field is visible on E and F pages in all nine languages (a reader's-eye check)."""
    from tests.localsite.pagecheck import check_page

    done: set[tuple[str, str]] = set()
    for item in old_site.expected_items():
        a = old_site.site.by_id[int(item["article_id"])]
        if (a.era, a.lang) in done and len(done) < 18:
            continue
        if len(done) == 18:
            break
        done.add((a.era, a.lang))
        resp = get(old_site, item["url"][len(old_site.base_url):])
        assert resp.status == 200
        problems = check_page(resp.body, resp.getheader("Content-Type"), item, item["url"], old_site.site.clock)
        assert not problems, (a.era, a.lang, item["url"], problems)
    assert done == {(era, lang) for era in "EF" for lang in LANGS}


def test_old_eras_markup(old_site: LocalSite) -> None:
    seen: Counter[str] = Counter()
    for a in old_site.site.articles[:200]:
        seen[a.era] += 1
        resp = get(old_site, a.path)
        text = resp.body.decode(LEGACY_ENCODING[a.lang][0] if a.encoding != "utf-8" else "utf-8")
        doc = lxml_html.fromstring(text)
        if a.era == "E":
            assert not doc.xpath("//script[@type='application/ld+json']|//time|//meta[@charset]|//article")
            assert doc.xpath("//meta[@http-equiv='Content-Type']") and " » " in _text(doc.find("body"))
            assert doc.xpath("//form//input[@type='submit']") or a.votes is None
            seen["E canonical"] += bool(doc.xpath("//link[@rel='canonical']"))
            seen["E logo h1"] += len(doc.findall(".//h1")) == 2
        else:
            assert doc.xpath("//div[@id='wrapper']//div[@id='content']//div[contains(@class,'post')]")
            assert doc.xpath("//div[@id='sidebar']") and doc.xpath("//div[@id='comments']")
            assert not doc.xpath("//time|//script[@type='application/ld+json']|//meta[@property='article:published_time']")
            assert len(doc.xpath("//div[@class='share']/a[@aria-label]")) == 5
            seen[f"F {a.date_mode}"] += 1
            seen["F itemprop date"] += bool(doc.xpath("//meta[@itemprop='datePublished']"))
        body = doc.find("body")
        assert body is not None and a.title in _text(body)
    assert 0.4 * seen["E"] < seen["E canonical"] < 0.8 * seen["E"] and seen["E logo h1"] > 0.3 * seen["E"]
    assert seen["F machine"] and seen["F visible"] and seen["F relative"]
    assert seen["F machine"] < seen["F itemprop date"] < seen["F machine"] + seen["F visible"]


def test_old_eras_legacy_encodings(old_site: LocalSite) -> None:
    labels: set[str] = set()
    langs: set[str] = set()
    for a in old_site.site.articles:
        if a.era != "E" or a.encoding == "utf-8" or len(langs) == 9 and len(labels) >= 6:
            continue
        resp = get(old_site, a.path)
        charset = resp.getheader("Content-Type").split("charset=")[1]
        labels.add(charset)
        langs.add(a.lang)
        assert charset.lower() != "utf-8"
        text = resp.body.decode(LEGACY_ENCODING[a.lang][0])  # strict: the bytes are that encoding
        assert f'content="text/html; charset={charset}"' in text and "<meta charset" not in text
        assert a.title in text and "\ufffd" not in text
    assert langs == set(LANGS)
    assert {"iso-8859-1", "windows-1252", "Shift_JIS", "EUC-KR"} <= labels


def test_all_eras_pages_agree_with_expected_items() -> None:
    from tests.localsite.pagecheck import check_site

    with LocalSite(n_articles=600, seed=11, eras="A,B,C,D,E,F") as s:
        n, failures = check_site(s, limit_per_era=25)
    assert n == 150 and not failures, failures[:3]


def test_a_prerendered_site_answers_what_it_would_render() -> None:
    """The bench serves prerendered pages: the same bytes and validators, conditional GETs still 304."""
    with LocalSite(60, seed=3) as site:
        paths = [article.path for article in site.site.articles]
        rendered = {path: site.app.route(path, {}) for path in paths}
        assert site.app.prerender() == len(paths)
        for path in paths:
            cached = site.app.route(path, {})
            assert (cached.status, cached.body, cached.headers) == (200, rendered[path].body, rendered[path].headers)
        etag = rendered[paths[0]].headers["ETag"]
        assert site.app.route(paths[0], {"If-None-Match": etag}).status == 304
