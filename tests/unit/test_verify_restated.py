"""What a page restates under its labels and links anywhere on it (``pages/restated.py``), and the
cross-checks of ``modified_at``, ``authors`` and ``tags`` against it (``monitoring/verify_restated``):
a field read wrong is contradicted, a field read right stays verified or unverifiable."""
from __future__ import annotations

import json
from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_restated import (
    SharedLinks, authors_verdict, modified_verdict, related_elsewhere, tags_verdict)
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.statements import page_statements
from pipelines.stated_days import _shown_update, update_days
from tests.support.helpers import response_for

BASE = "https://www.ipgirl.com"
URL = f"{BASE}/en/ai/50123-a-title"
BODY = ("<p>The first paragraph of the body, long enough to count as the article's text.</p>"
        "<p>The second paragraph of the body, long enough to count as well for the reader.</p>")


def _page(header: str = "", after: str = "", head: str = "", before: str = "", lang: str = "en") -> str:
    return (f'<html lang="{lang}"><head>{head}</head><body>{before}<div class="post"><h1>A title</h1>{header}'
            f'<div class="post-body">{BODY}</div>{after}</div></body></html>')


def statements(html: str, url: str = URL) -> dict[str, Any]:
    return page_statements(page_for(response_for(html, url), BASE))


CARD = ('<h2>Discover more</h2><ul><li><a href="/en/ai/50001-other"><b>Other</b></a> '
        '<span>Updated May 9, 2024</span> <span>By Zoe Park</span></li></ul>')


@pytest.mark.parametrize(("name", "html", "updates"), [
    ("a footer's separated label", _page(after='<p><span>Posted by Ann</span> <span>· Updated May 2, 2024</span></p>'),
     ["May 2, 2024"]),
    ("the machine value beside the label", _page(after=(
        '<p><span>· Updated <abbr class="updated" title="2024-05-02T22:18:00-05:00">May 2, 2024</abbr></span></p>')),
     ["2024-05-02T22:18:00-05:00"]),
    ("an italic note in the story", _page("<p><em>Updated Mar 6, 2024</em></p>"), ["Mar 6, 2024"]),
    ("a properties row", _page('<table><tr><th>Last updated</th><td>March 6, 2024</td></tr></table>'),
     ["March 6, 2024"]),

    ("microdata", _page('<meta itemprop="dateModified" content="2024-05-02">'), ["2024-05-02"]),
    ("a French label", _page("<p>Mis à jour le 9 juillet 2023</p>", lang="fr"), ["le 9 juillet 2023"]),
    # negative cases: the word in a sentence, another article's card, a sidebar, a menu
    ("a sentence's word", _page("<p>The company updated its model on 5 May 2024, it said.</p>"), None),
    ("a related card", _page(after=CARD), None),
    ("a sidebar", _page(before="<aside><p>Updated May 9, 2024</p></aside>"), None),
    ("another article", _page(after="<article><h3>Other</h3><p>Updated May 9, 2024</p></article>"), None),
])
def test_updates_the_page_states(name: str, html: str, updates: list[str] | None) -> None:
    assert statements(html).get("updates") == updates, name


def test_a_wiki_footer_states_the_last_edit_apart() -> None:
    found = statements(_page(after="<ul><li>This page was last edited on 5 July 2023, at 08:15.</li></ul>"))
    assert found.get("edits") == ["5 July 2023, at 08:15."] and "updates" not in found


@pytest.mark.parametrize(("text", "language", "day"), [
    ("May 2, 2024", "en", "2024-05-02"),
    ("5 July 2023, at 08:15.", "en", "2023-07-05"),
    ("March 6, 2024 (2024-03-06)", "en", "2024-03-06"),
    ("2024-05-02T22:18:00-05:00", "en", "2024-05-02T22:18:00-05:00"),
    ("13. März 2025 um 11:52 Uhr bearbeitet.", "de", "2025-03-13"),
    ("2023年7月5日 08:15", "ja", "2023-07-05"),
    ("3 days ago", "en", None),  # a relative date: the clock it counts from is gone by then
    ("its model and its data", "en", None),
])
def test_a_shown_update_is_read_as_its_day(text: str, language: str, day: str | None) -> None:
    assert _shown_update(text, language) == day


@pytest.mark.parametrize(("name", "html", "bylines"), [
    ("a co-written story's line", _page("<p><em>By Mei Lin and Ana Souza</em></p>"), [["Mei Lin", "Ana Souza"]]),
    ("beside a 'Read also' link in the story", _page("<div><p><em>By Mei Lin and Ana Souza</em></p>" + BODY * 3
                                                     + '<p><b>Read also:</b> <a href="/en/ai/50002-x">X</a></p></div>'),
     [["Mei Lin", "Ana Souza"]]),
    ("a blog footer", _page(after='<p><span>Posted by <a href="https://blog.example/p/1">James Carter</a></span> '
                                  "<span>at 3:12 PM</span></p>"), [["James Carter"]]),
    ("a Spanish blog footer with its clock time", _page(after=(
        '<div><span>Publicado por <a href="https://blog.example/p/1">Carlos Ruiz</a></span> <span>a las 10:15 a. m.'
        '</span> · <span>Compartir: Enviar por correo electrónico. Escribe un blog.</span></div>'), lang="es"),
     [["Carlos Ruiz"]]),
    ("linked names with their roles", _page('<div>By <a href="/en/author/a/">Ann Lee</a><span>, Senior Reporter</span>, '
                                            'and <a href="/en/author/b/">Bo Chen</a><span>, Editor</span></div>'),
     [["Ann Lee", "Bo Chen"]]),
    ("a properties row", _page("<table><tr><th>Author(s)</th><td>Ann Lee, Bo Chen</td></tr></table>"),
     [["Ann Lee", "Bo Chen"]]),
    # a legacy charset's dash: "—" written " - " before the date (era D, Shift_JIS)
    ("names, a hyphen, the date", _page("<p>著者：高橋 美咲、田中 翔 - 2023年7月4日</p>", lang="ja"), [["高橋 美咲", "田中 翔"]]),
    # negative cases: prose that starts with the word, a heading, another article's byline
    ("a sentence", _page("<p>By the end of next year, most new laptops are expected to ship with one.</p>"), None),
    ("a heading", _page("<h2>By the numbers</h2>"), None),
    ("a sentence's first words in bold", _page("<p><strong>Von Brüssel</strong> bis Tokio wächst der Druck, "
                                                "eigene Fabriken aufzubauen.</p>", lang="de"), None),
    ("a heading set as a line", _page("<p><b>Par où commencer ?</b></p>", lang="fr"), None),
    ("a related card", _page(after=CARD), None),
])
def test_bylines_anywhere_on_the_page(name: str, html: str, bylines: list[list[str]] | None) -> None:
    assert statements(html).get("bylines") == bylines, name


def test_author_and_tag_links_and_an_organization_that_is_no_author() -> None:
    ld = {"@type": "Article", "author": {"@type": "Organization", "name": "Contributors to IPGirl"}}
    html = _page('<p><a href="/en/author/ann-lee/">Ann Lee</a></p>',
                 after=('<div id="catlinks">Tags: <a href="/en/category/ai/">AI</a> | <a href="/en/tag/eu/">EU</a> | '
                        '<a href="/en/tag/chips/">chips</a></div><nav><a href="/en/tag/all/">all</a></nav>'),
                 head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'
                      '<meta property="article:tag" content="EU"><meta property="article:tag" content="chips">')
    found = statements(html.replace("<body>", '<body><div class="sidebar">Tags <a href="/en/tag/x/">x</a></div>'))
    assert found["author_links"] == [["Ann Lee"]] and "authors" not in found  # an Organization is no byline
    assert found["tag_groups"] == [["EU", "chips"]]  # the category link and the menu's tag left out
    assert found["tag_metas"] == {"article:tag": ["EU", "chips"]}


def test_every_discover_heading_is_looked_at_not_only_a_table_of_contents_entry() -> None:
    toc = '<div class="toc"><a href="#Discover_more"><span>Discover more</span></a></div>'
    cards = '<h2><span class="mw-headline">Discover more</span></h2><p><a href="/en/ai/50001-other">Other</a></p>'
    assert statements(_page(before=toc, after=cards)).get("related_heading") == "Discover more"
    assert statements(_page(before=toc)).get("related_heading") is None  # negative: the entry alone owes no card


def _record(**fields: Any) -> dict[str, Any]:
    return {"url": URL, "language": "en", "published_at": "2024-02-07T00:00:00Z", "statements": {}, **fields}


@pytest.mark.parametrize(("name", "record", "outcome"), [
    ("the stated update", _record(modified_at="2024-03-06T00:00:00Z", statements={"update_days": ["2024-03-06"]}),
     "verified"),
    ("the metadata's instant", _record(modified_at="2024-03-06T10:00:00Z", statements={
        "modified": ["2024-03-06T10:00:00Z"], "update_days": ["2024-03-06"]}), "verified"),
    ("empty, an update stated weeks later", _record(statements={"update_days": ["2024-03-06"]}), "contradicted"),
    ("empty, the publication's stated day only", _record(statements={"update_days": ["2024-02-07"]}), "verified"),
    ("another day", _record(modified_at="2024-03-09T00:00:00Z", statements={"update_days": ["2024-03-06"]}),
     "contradicted"),
    ("empty, the publication found in the page's labels", _record(published_at=None, statements={
        "update_days": ["2024-03-06"], "published_days": ["2024-02-07"]}), "contradicted"),
    # negative cases: nothing stated, no publication to compare an update with
    ("empty, nothing stated", _record(), "unverifiable"),
    ("empty, no publication known", _record(published_at=None, statements={"update_days": ["2024-03-06"]}),
     "contradicted"),
    ("empty, a wiki footer's later edit", _record(statements={"edit_days": ["2024-03-06"]}), "contradicted"),
    ("empty, a wiki footer's edit, no publication known",  # negative: shown on unchanged pages too
     _record(published_at=None, statements={"edit_days": ["2024-02-07"]}), "unverifiable"),
])
def test_modified_at_against_the_updates_the_page_states(name: str, record: dict[str, Any], outcome: str) -> None:
    assert modified_verdict(record)[0] == outcome, name


def _with(language: str = "en", **stated: Any) -> dict[str, Any]:
    return {"url": URL, "language": language, "statements": stated}


CLOUD = ["EU", "Japan", "chips", "robots", "data", "research"]


@pytest.mark.parametrize(("name", "tags", "stated", "outcome"), [
    ("the page's own tag links", ["EU", "chips"], {"tag_groups": [["EU", "chips"], CLOUD]}, "verified"),
    ("empty under per-page tag links", [], {"tag_groups": [["EU", "chips"], CLOUD]}, "contradicted"),
    ("a label word read as the tag", ["Tags"], {"tag_groups": [["EU", "chips"]]}, "contradicted"),
    ("the article:tag metas", ["EU", "chips"], {"tag_metas": {"article:tag": ["chips", "EU"]}}, "verified"),
    ("keywords confirm", ["EU"], {"tag_metas": {"keywords": ["EU"]}}, "verified"),
    # negative cases: a tag cloud the same on most pages states nothing; keywords alone contradict nothing
    ("only the site's cloud", [], {"tag_groups": [CLOUD]}, "unverifiable"),
    ("keywords with the category", ["EU"], {"tag_metas": {"keywords": ["AI", "EU"]}}, "unverifiable"),
])
def test_tags_against_the_page_s_own_tag_links(name: str, tags: list[str], stated: dict[str, Any], outcome: str) -> None:
    record = {**_with(**stated), "tags": tags}
    others = [_with(tag_groups=[CLOUD, [f"t{k}"]]) for k in range(5)]
    assert tags_verdict(record, SharedLinks([record, *others]))[0] == outcome, name


@pytest.mark.parametrize(("name", "authors", "stated", "outcome"), [
    ("every stated name", ["Mei Lin", "Ana Souza"], {"bylines": [["Mei Lin", "Ana Souza"]], "authors": {"ld": ["Mei Lin"]}},
     "verified"),
    ("the first co-author only", ["Mei Lin"], {"bylines": [["Mei Lin", "Ana Souza"], ["Mei Lin"]],
                                               "authors": {"ld": ["Mei Lin"]}}, "contradicted"),
    ("an organization read as the author", ["Contributors to IPGirl"], {"author_links": [["Mei Lin"]]}, "contradicted"),
    ("empty", [], {"bylines": [["Mei Lin"]]}, "contradicted"),
    ("the author links", ["Mei Lin"], {"author_links": [["Mei Lin"]]}, "verified"),
    ("an avatar's initial glued to the name", ["Mei Lin"], {"bylines": [["MMei Lin"]]}, "verified"),
    ("an avatar's initial glued to a Chinese name", ["刘洋"], {"bylines": [["刘刘洋"]]}, "verified"),
    ("a short name is not found inside another", ["Li"], {"bylines": [["Mei Lin"]]}, "contradicted"),
    ("an author of many of the site's pages", ["Zoe Park"], {"author_links": [["Zoe Park"]]}, "verified"),
    # negative cases: nothing stated; a contributors list linked on most pages is no statement
    ("nothing stated", ["Mei Lin"], {}, "unverifiable"),
    ("only the site's contributors list", ["Mei Lin"], {"author_links": [["Zoe Park", "Bo Chen"]]}, "unverifiable"),
])
def test_authors_against_every_name_the_page_states(name: str, authors: list[str], stated: dict[str, Any],
                                                    outcome: str) -> None:
    record = {**_with(**stated), "authors": authors}
    others = [_with(author_links=[["Zoe Park", "Bo Chen"]]) for _ in range(3)]
    others += [_with(author_links=[["Zoe Park"]]) for _ in range(2)]  # the author of 3 of 7 pages
    assert authors_verdict(record, SharedLinks([record, *others]))[0] == outcome, name


def test_the_publication_is_parsed_only_when_it_is_needed() -> None:
    assert update_days({"publications": ["February 7, 2024 (2024-02-07)"]}, "en", "publications") == ["2024-02-07"]


def test_the_articles_listed_under_the_related_heading_are_stated() -> None:
    cards = ('<h2>Discover more</h2><ul><li><a href="/en/ai/50001-one">One</a></li><li><a href="/en/ai/50002-two">Two'
             '</a></li></ul><h2>Comments</h2><p><a href="/en/ai/50003-three">Three</a></p>')
    assert statements(_page(after=cards)).get("related_targets") == ["en:50001", "en:50002"]


@pytest.mark.parametrize(("name", "keys", "outcome"), [
    ("cards read from another list", ["en:50009"], "contradicted"),
    # negative cases: the cards listed (some of them), no card read, no heading on the page
    ("the listed cards", ["en:50001", "en:50002"], None),
    ("one listed card of two read", ["en:50002"], None),
    ("no card", [], None),
])
def test_cards_none_of_which_the_related_heading_lists(name: str, keys: list[str], outcome: str | None) -> None:
    record = _with(related_targets=["en:50001", "en:50002"])
    assert (related_elsewhere(record, keys) or (None,))[0] == outcome, name
    assert related_elsewhere(_with(), keys) is None
