"""Held-out eras U (a docs platform's page) and V (an islands-rendered news story): every expected
field shows on the page as a reader sees it, in all nine languages and date modes; a wrong expected
field is caught; each design's markup is what its docstring says."""
from __future__ import annotations

import copy
import re
from collections.abc import Callable

import pytest
from lxml import html as lxml_html

from tests.localsite.eras import Ctx, render_article
from tests.localsite.fmt import LANGS
from tests.localsite.model import build_site
from tests.localsite.pagecheck import body_chrome, check_page
from tests.localsite.view import ArticleView, expected_item

BASE = "http://127.0.0.1:8"


def _pages(era: str, n: int = 160, seed: int = 4):
    site = build_site(n, seed, eras=era)
    for a in site.articles:
        v = ArticleView(a, site)
        page, charset = render_article(v, Ctx(BASE, "http://localhost:8"))
        yield a, site, page.encode(charset), expected_item(v, BASE)


def _problems(a, site, body: bytes, item: dict, chrome: frozenset[str] | None = None) -> list[str]:
    chrome = body_chrome(a, site) if chrome is None else chrome
    return check_page(body, "text/html; charset=utf-8", item, item["url"], site.clock, chrome)


@pytest.mark.parametrize("era", ["U", "V"])
def test_every_expected_field_is_visible_in_all_languages_and_date_modes(era: str) -> None:
    seen_langs, seen_modes, failures = set(), set(), []
    for a, site, body, item in _pages(era):
        seen_langs.add(a.lang)
        seen_modes.add((a.date_mode, a.modified is not None))
        if problems := _problems(a, site, body, item):
            failures.append((a.path, problems))
    assert failures == []
    assert seen_langs == set(LANGS)
    assert {("machine", True), ("machine", False), ("visible", True), ("visible", False), ("relative", False)} <= seen_modes


WRONG: dict[str, Callable[[dict], None]] = {
    "title": lambda i: i.update(title=i["title"] + " (2)"),
    "summary": lambda i: i.update(summary="A sentence the page never shows."),
    "authors": lambda i: i.update(authors=[*i["authors"], "Zed Nobody"]),
    "published_at": lambda i: i.update(published_at="2020-01-02T00:00:00Z"),
    "body block added": lambda i: i.update(body_text=i["body_text"] + "\n\nA block never shown."),
    "body block dropped": lambda i: i.update(body_text="\n\n".join(
        b for k, b in enumerate(i["body_text"].split("\n\n")) if k != 2)),
    "tags": lambda i: i.update(tags=[*i["tags"], "nope"]),
    "votes": lambda i: i.update(helpful_votes=(i["helpful_votes"] or 0) + 1, total_votes=(i["total_votes"] or 0) + 1),
    "related title": lambda i: i["related"] and i["related"][0].update(title="Wrong title"),
}


@pytest.mark.parametrize("era", ["U", "V"])
@pytest.mark.parametrize("field", list(WRONG))
def test_a_wrong_expected_field_is_caught(era: str, field: str) -> None:
    checked = 0
    for a, site, body, item in list(_pages(era, n=40))[:25]:
        wrong = copy.deepcopy(item)
        WRONG[field](wrong)
        if wrong == item:
            continue
        checked += 1
        assert _problems(a, site, body, wrong), (field, a.path)
    assert checked >= 10


@pytest.mark.parametrize("era, chrome_line", [("U", "tip"), ("U", "Ads by EthicalAds"), ("V", "Advertisement"),
                                              ("V", "Story continues below advertisement")])
def test_body_chrome_lines_are_really_among_the_blocks(era: str, chrome_line: str) -> None:
    """Without the era's declared chrome lines, pages showing them fail: the allowance is needed and narrow."""
    hits = 0
    for a, site, body, item in _pages(era, n=80):
        if a.ui_lang != "en" or chrome_line.encode() not in body:
            continue
        narrowed = body_chrome(a, site) - {chrome_line}
        problems = _problems(a, site, body, item, narrowed)
        hits += any("unexpected text in the body" in p and chrome_line in p for p in problems)
    assert hits >= 1


def test_era_u_markup() -> None:
    for _a, _site, body, _item in list(_pages("U", n=40))[1:]:
        doc = lxml_html.fromstring(body)
        assert doc.xpath("//meta[@name='generator']/@content") == ["Docusaurus v3.6.3"]
        assert not doc.xpath("//meta[@name='author']")
        text = body.decode()
        assert text.index("menu__link--active") < text.index("<h1>")  # the sidebar tree comes first
        h1 = doc.xpath("//h1")[0]
        assert h1.xpath("ancestor::div[contains(@class, 'markdown')]")  # title and body share one container
        heads = doc.xpath("//div[contains(@class,'markdown')]//*[self::h2 or self::h3][contains(@class,'anchor')]")
        assert all(h.xpath("a[@class='hash-link']")[0].text == "\u200b" for h in heads)
        toc = doc.xpath("//div[contains(@class,'theme-doc-toc-desktop')]//a/text()")
        assert [h.text for h in heads] == toc


def test_era_v_markup() -> None:
    for a, _site, body, _item in list(_pages("V", n=40))[1:]:
        doc = lxml_html.fromstring(body)
        h1 = doc.xpath("//h1")[0]
        assert not h1.xpath("ancestor::article") and h1.getparent().tag == "hgroup"
        chunks = doc.xpath("//main/section[contains(@class,'story-chunk')]")
        assert len(chunks) >= 3 and all(c.getparent().tag == "main" for c in chunks)
        assert doc.xpath("//astro-island[@props]")
        ld = doc.xpath("//script[@type='application/ld+json']/text()")
        assert len(ld) == 1 and ld[0].lstrip().startswith("[")
        assert re.search(r'"datePublished"', ld[0]) is not None or a.date_mode != "machine"
