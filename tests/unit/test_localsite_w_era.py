"""Era W (an email newsletter issue's "view in browser" page, held-out, written blind): every expected
field is visible to a reader in all nine languages and both date modes, a wrong expected field is
caught, what pagecheck learnt for it is narrow, and the design's markup is what the docstring says."""
from __future__ import annotations

import re
import urllib.request

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite
from tests.localsite.fmt import LANGS
from tests.localsite.pagecheck import body_chrome, check_page, check_site, lines_of


@pytest.fixture(scope="module")
def w_site():
    with LocalSite(120, seed=5, eras="W") as site:
        pages = {item["url"]: urllib.request.urlopen(item["url"]).read() for item in site.expected_items()}
        yield site, pages


def _check(site, item: dict, body: bytes) -> list[str]:
    a = site.site.by_id[int(item["article_id"])]
    return check_page(body, "text/html; charset=utf-8", item, item["url"], site.site.clock, body_chrome(a, site.site))


def test_every_expected_field_is_visible_in_all_languages_and_date_modes(w_site):
    site, _ = w_site
    n, failures = check_site(site)
    articles = site.site.articles
    assert n == 120 and failures == []
    assert {a.lang for a in articles} == set(LANGS)
    assert {a.date_mode for a in articles} == {"machine", "visible"}
    assert any(a.modified for a in articles) and any(a.ui_lang == "en" and a.lang != "en" for a in articles)


@pytest.mark.parametrize("field,wrong", [
    ("authors", ["Nobody Here"]),
    ("published_at", "2020-01-01T00:00:00Z"),
    ("summary", "A summary no page shows."),
    ("tags", ["not-a-tag"]),
    ("helpful_votes", 999_999),
])
def test_a_wrong_expected_field_is_caught(w_site, field, wrong):
    site, pages = w_site
    item = next(i for i in site.expected_items() if i["tags"] and i["total_votes"])
    assert _check(site, item, pages[item["url"]]) == []
    assert _check(site, {**item, field: wrong}, pages[item["url"]]) != []


def test_the_sponsor_lines_are_allowed_in_the_body_only_when_declared(w_site):
    site, pages = w_site
    item = next(i for i in site.expected_items() if "mcnBoxedTextBlock" in pages[i["url"]].decode())
    body = pages[item["url"]]
    assert _check(site, item, body) == []
    bare = check_page(body, "text/html; charset=utf-8", item, item["url"], site.site.clock)
    assert any("unexpected text in the body" in p for p in bare)


@pytest.mark.parametrize("markup,shown", [
    ('<p style="display:none">hidden</p><p>seen</p>', ["seen"]),
    ('<span style="font-size:0px; DISPLAY: none !important">hidden</span><p>seen</p>', ["seen"]),
    ('<p style="display:block">shown</p><p>seen</p>', ["shown", "seen"]),
    ('<p style="visibility:visible">shown</p>', ["shown"]),
    ('<p data-style="display:none">shown</p>', ["shown"]),
    ('<div><span style="display:none">hidden</span>tail shown</div>', ["tail shown"]),
])
def test_pagecheck_hides_only_inline_display_none(markup, shown):
    assert lines_of(lxml_html.fromstring(f"<html><body>{markup}</body></html>")) == shown


def test_the_summary_may_show_above_the_title_but_must_follow_it(w_site):
    site, pages = w_site
    item = next(i for i in site.expected_items() if 'width="390"' in pages[i["url"]].decode())  # visible preheader
    body = pages[item["url"]].decode()
    assert _check(site, item, body.encode()) == []
    only_above, n = re.subn(r"</h1><p[^>]*>[^<]*</p>", "</h1>", body, count=1)
    assert n == 1
    assert "summary not a line after the title" in _check(site, item, only_above.encode())


def test_the_page_is_an_email_in_layout_tables(w_site):
    site, pages = w_site
    texts = [b.decode() for b in pages.values()]
    for text in texts:
        doc = lxml_html.fromstring(text)
        assert not doc.xpath("//article|//main|//time|//script[@type='application/ld+json']")
        assert doc.xpath("//table[@id='bodyTable']//td[contains(@class, 'mcnTextContent')]")
        preview = doc.xpath("//span[@class='mcnPreviewText']")
        assert preview and "display:none" in preview[0].get("style")
        assert "<!--[if mso]>" in text and "unsubscribe?u=" in text and 'alt="Twitter"' in text
    assert any("View this email in your browser" in t for t in texts)
    # the MJML builder: paragraphs in styled divs, no <p> in the body; on some pages no h2/h3 either
    mjml = [lxml_html.fromstring(t).xpath("//table[@class='mj-column']")[0] for t in texts if 'class="mj-column"' in t]
    assert mjml and all(not m.xpath(".//p") for m in mjml)
    assert any(not m.xpath(".//h2|.//h3") and m.xpath(".//div[contains(@style, 'font-weight:700')]") for m in mjml)
    assert any(not t.count('class="mj-column"') and "<h2 style" in t for t in texts)
