"""Era AC (the publication run as a MediaWiki wiki, held-out, written blind): every expected field is visible
to a reader in all nine languages and both date modes, a wrong expected field is caught, what pagecheck learnt
for it is narrow, the two-letter era name works, and the design's markup is what the docstring says."""
from __future__ import annotations

import json
import re
import urllib.request

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite
from tests.localsite.fmt import LANGS
from tests.localsite.model import ALL_ERAS, KNOWN_ERAS, build_site, era_weights, parse_eras
from tests.localsite.pagecheck import WRONG_EXPECTED_FIELDS, _labelled_list, _without_trailing_link, body_chrome, check_page, check_site


@pytest.fixture(scope="module")
def ac_site():
    with LocalSite(150, seed=5, eras="AC") as site:
        pages = {item["url"]: urllib.request.urlopen(item["url"]).read() for item in site.expected_items()}
        yield site, pages


def _check(site, item: dict, body: bytes, chrome: bool = True) -> list[str]:
    a = site.site.by_id[int(item["article_id"])]
    return check_page(body, "text/html; charset=utf-8", item, item["url"], site.site.clock,
                      body_chrome(a, site.site) if chrome else frozenset())


def test_every_expected_field_is_visible_in_all_languages_and_date_modes(ac_site):
    site, _ = ac_site
    n, failures = check_site(site)
    articles = site.site.articles
    assert n == 150 and failures == []
    assert {a.lang for a in articles} == set(LANGS)
    assert {a.date_mode for a in articles} == {"machine", "visible"}
    assert any(a.modified for a in articles) and any(a.ui_lang == "en" and a.lang != "en" for a in articles)


@pytest.mark.parametrize("field,wrong", [*WRONG_EXPECTED_FIELDS, ("helpful_votes", 999_999)])
def test_a_wrong_expected_field_is_caught(ac_site, field, wrong):
    site, pages = ac_site
    item = next(i for i in site.expected_items() if i["tags"] and i["total_votes"])
    assert _check(site, item, pages[item["url"]]) == []
    assert _check(site, {**item, field: wrong}, pages[item["url"]]) != []


def test_edit_links_and_footnote_markers_are_read_only_when_declared(ac_site):
    site, pages = ac_site
    item = next(i for i in site.expected_items() if 'class="mw-editsection"' in pages[i["url"]].decode()
                and "mw-headline" in pages[i["url"]].decode() and "\n\n" in i["body_text"])
    assert _check(site, item, pages[item["url"]]) == []
    assert any("body block not a line" in p for p in _check(site, item, pages[item["url"]], chrome=False))


@pytest.mark.parametrize("line,chrome,read", [
    ("History[edit]", {"[edit]"}, "History"),
    ("Historique[modifier | modifier le code]", {"[modifier | modifier le code]"}, "Historique"),
    ("A sentence.[3]", {"[3]"}, "A sentence."),
    ("[edit]", {"[edit]"}, "[edit]"),                  # a chrome line of its own stays (declared chrome)
    ("History[edit]", set(), "History[edit]"),         # nothing declared: the reader's text as shown
    ("Read the tip", {"tip"}, "Read the tip"),         # only bracketed chrome trails a line
])
def test_a_trailing_bracketed_chrome_link_is_not_the_lines_text(line, chrome, read):
    assert _without_trailing_link(line, frozenset(chrome)) == read


@pytest.mark.parametrize("lines,names,listed", [
    (["Categories:", "AI", "chips", "EU"], ["chips", "EU"], True),
    (["Catégories :", "IA", "puces"], ["puces"], True),
    (["分类：", "人工智能", "芯片"], ["芯片"], True),
    (["AI", "chips", "EU"], ["chips", "EU"], False),                 # no label
    (["Categories:", "AI", "x", "y", "chips"], ["chips"], False),    # not in the list under it
    (["Categories", "AI", "chips"], ["chips"], False),               # a heading, not a label
])
def test_tags_may_be_a_labelled_list(lines, names, listed):
    assert _labelled_list(lines, names) is listed


def test_a_categories_box_without_its_label_is_caught(ac_site):
    site, pages = ac_site
    item = next(i for i in site.expected_items() if i["tags"])
    body = pages[item["url"]].decode()
    unlabelled, n = re.subn(r'title="Special:Categories">[^<]*</a>[^<]*<ul>', 'title="Special:Categories"></a><ul>', body)
    assert n == 1 and _check(site, item, body.encode()) == []
    assert "tags label" in _check(site, item, unlabelled.encode())


def test_the_two_letter_era_is_selectable_by_name_only():
    assert parse_eras("A,B,AC") == ("A", "B", "AC") and parse_eras("ac") == ("AC",)
    assert "AC" in KNOWN_ERAS and "AC" not in ALL_ERAS
    assert dict(era_weights(("A", "B", "AC")))["AC"] == pytest.approx(0.08)
    assert {a.era for a in build_site(200, 3, eras="A,B,AC").articles} == {"A", "B", "AC"}
    with pytest.raises(ValueError):
        parse_eras("A,ZZ")


def test_the_page_is_a_mediawiki_page(ac_site):
    site, pages = ac_site
    texts = [b.decode() for b in pages.values()]
    docs = [lxml_html.fromstring(t) for t in texts]
    for doc, text in zip(docs, texts):
        assert doc.xpath("//h1[@id='firstHeading']/span[@class='mw-page-title-main']")
        assert doc.xpath("//div[@id='siteSub']") and doc.xpath("//div[@id='mw-content-text']/div[@class='mw-parser-output']")
        assert doc.xpath("//table[contains(@class, 'infobox')]") and doc.xpath("//div[@id='catlinks']")
        assert doc.xpath("//li[@id='footer-info-lastmod']") and "RLCONF=" in text
        assert not doc.xpath("//time|//article|//meta[@name='author']")
    skins = {("skin-vector-2022" in t) for t in texts}
    assert skins == {True, False}
    assert any(d.xpath("//figure[@typeof='mw:File/Thumb']//img") for d in docs)
    assert any(d.xpath("//div[@class='thumbinner']/a/img/following::div[@class='thumbcaption']") for d in docs)
    assert any(d.xpath("//h2/span[@class='mw-headline']") for d in docs)
    assert any(d.xpath("//div[contains(@class, 'mw-heading')]/h2") for d in docs)
    assert any(d.xpath("//div[@id='toc']") for d in docs) and any(d.xpath("//nav[@id='mw-panel-toc']") for d in docs)
    assert any(d.xpath("//sup[@class='reference']") for d in docs) and any(d.xpath("//ol[@class='references']") for d in docs)
    assert any(d.xpath("//div[@role='note' and contains(@class, 'hatnote')]") for d in docs)
    assert any(d.xpath("//li[@class='ext-related-articles-card']") for d in docs)
    assert any(d.xpath("//ul[contains(@class, 'gallery')]") for d in docs)
    assert any(d.xpath("//a[@hreflang and @class='interlanguage-link-target']") for d in docs)
    lds = [json.loads(s) for d in docs for s in d.xpath("//script[@type='application/ld+json']/text()")]
    assert lds and all(ld["author"] == {"@type": "Organization", "name": "Contributors to IPGirl"} for ld in lds)
