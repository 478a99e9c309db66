"""The self-check on a blogging platform's post page (held-out era AB): the fields read wrong there
went unnamed (authors estimated 100 % for 74 % right, tags unverifiable on every page), each check
here with the page where it must not fire."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_checks import CONTRADICTED, UNVERIFIABLE, VERIFIED, RunChecks
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.monitoring.verify_match import people_agree
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.statements import page_statements
from tests.support.helpers import response_for
from tests.unit.test_post_platform_reading import ACCOUNT, BASE, PILLS, PREVIEWS, STORY, URL, _page
from tests.unit.test_verify import record


def _checks(**fields: Any) -> tuple[RunChecks, dict[str, Any]]:
    records = {"en:1": record(1, "en", **fields)}
    return RunChecks(records, ListingStatements(), languages=("en",)), records["en:1"]


@pytest.mark.parametrize(("item", "stated", "agree"), [
    (["Ann Lee", "Bo Chen"], ["Ann Lee", "Bo Chen"], True),
    (["Ann Lee", "Bo Chen"], ["Ann Lee"], None),  # a meta author naming the posting account alone says nothing
    (["Ann Lee"], ["Bo Chen"], False),  # negative: another person
    (["Bo Chen", "Ann Lee"], ["Ann Lee"], False),  # negative: the meta's name is not the item's first
])
def test_people_agree(item: list[str], stated: list[str], agree: bool | None) -> None:
    assert people_agree(item, stated) is agree


@pytest.mark.parametrize(("authors", "stated", "outcome"), [
    (["Ann Lee"], {"meta": ["Ann Lee"], "byline": ["Ann Lee", "Bo Chen"]}, CONTRADICTED),  # the account only
    (["Ann Lee", "Bo Chen"], {"meta": ["Ann Lee"], "byline": ["Ann Lee", "Bo Chen"]}, VERIFIED),
    (["Ann Lee", "Bo Chen"], {"meta": ["Ann Lee"]}, UNVERIFIABLE),  # negative: the meta names fewer, no more
    (["Ann Lee"], {"meta": ["Ann Lee"]}, VERIFIED),  # negative: one writer, no "By" line
])
def test_authors_against_the_writers_line(authors: list[str], stated: dict[str, list[str]], outcome: str) -> None:
    checks, rec = _checks(authors=authors, statements={"authors": stated})
    assert checks.check_authors("en:1", rec)[0] == outcome


@pytest.mark.parametrize(("lead", "shown"), [
    (ACCOUNT + "<p><em>By Ann Lee and Bo Chen</em></p>", ["Ann Lee", "Bo Chen"]),
    ('<p>By <a href="/@ann-lee">Ann Lee</a>, editor</p>', None),  # negative: a linked name's role is no writer
])
def test_the_header_s_writers_line_is_stated(lead: str, shown: list[str] | None) -> None:
    assert page_statements(page_for(response_for(_page(lead), URL), BASE)).get("authors", {}).get("byline") == shown


@pytest.mark.parametrize(("tags", "footer", "outcome"), [
    ([], ["EU", "chips"], CONTRADICTED),  # the pills after the cards, read as no tags
    (["chips", "EU"], ["EU", "chips"], VERIFIED),
    ([], [], UNVERIFIABLE),  # negative: the page shows no tag link
])
def test_tags_against_the_story_s_footer(tags: list[str], footer: list[str], outcome: str) -> None:
    checks, rec = _checks(tags=tags, statements={"footer_tags": footer})
    assert checks.check_tags("en:1", rec)[0] == outcome


def test_the_footer_s_topic_pills_are_stated_not_a_card_s() -> None:
    html = _page("", STORY + PREVIEWS, PILLS)
    assert page_statements(page_for(response_for(html, URL), BASE))["footer_tags"] == ["EU", "chips"]


def _card(n: int, category: str | None) -> dict[str, Any]:
    return {"title": f"Other {n}", "url": f"{BASE}/en/ai/{n}-x", "category": category, "snippet": None}


@pytest.mark.parametrize(("cards", "outcome"), [
    ([_card(7, None), _card(8, "AI"), _card(9, "AI")], CONTRADICTED),  # the first card's label missed
    ([_card(7, None), _card(8, None)], UNVERIFIABLE),  # negative: a list that shows no category
    ([_card(7, "AI"), _card(8, "AI")], UNVERIFIABLE),  # negative: all alike (their articles not read)
])
def test_a_card_without_the_category_its_list_shows(cards: list[dict[str, Any]], outcome: str) -> None:
    checks, rec = _checks(related=cards)
    assert checks.check_related("en:1", rec)[0] == outcome


@pytest.mark.parametrize(("lead", "shown"), [
    ("<p><em>Updated May 24, 2023</em></p>", True),  # an editor's italic note over the story
    ("<p><em>Updated May 24, 2023</em><em> </em></p>", False),  # negative: not the block's one run
])
def test_an_italic_line_before_the_body_is_a_line_around_it(lead: str, shown: bool) -> None:
    around = page_statements(page_for(response_for(_page(lead), URL), BASE))["body_slots"]["around"]
    assert any(text.startswith("Updated May 24, 2023") for _, text in around) is shown


@pytest.mark.parametrize(("one", "other", "same"), [
    ("pw-post-body-paragraph mq er xu", "pw-post-body-paragraph ab cd ef", True),  # hashes differ page to page
    ("post-body lead", "post-body tail", False),  # negative: named classes still tell places apart
])
def test_a_place_is_named_without_atomic_hashes(one: str, other: str, same: bool) -> None:
    from lxml import etree

    from ipgirl_crawler.pages.chrome_slots import place

    def at(classes: str) -> str:
        root = etree.fromstring(f'<html><body><div><p class="{classes}">x</p></div></body></html>', etree.HTMLParser())
        return place(root.find(".//p"))

    assert (at(one) == at(other)) is same


SUMMARY = "html/body/main/header.article-header/p.article-summary"


def _standfirst(number: int, summary: str, own: bool) -> dict[str, Any]:
    """A page whose header shows a standfirst: its own summary (``own``), or a line the template repeats."""
    from ipgirl_crawler.monitoring.verify_body import body_lines

    body = ["A paragraph of the story.", "Another paragraph.", "A third one.", "A fourth.", "A fifth.", "A sixth."]
    return {"url": f"http://x/pt/a/{number}", "language": "pt", "summary": summary if own else "Another summary.",
            "body_lines": body_lines("\n\n".join(body)),
            "statements": {"body_slots": {"edges": [], "around": [[SUMMARY, summary]], "inner": []}}}


@pytest.mark.parametrize(("own", "chrome"), [
    (True, False),  # each page shows its own summary there (a small corpus repeats three): the article's place
    (False, True),  # negative: the same three lines on pages whose summaries are others: the template's
])
def test_a_place_showing_each_page_s_own_summary_is_no_chrome(own: bool, chrome: bool) -> None:
    from ipgirl_crawler.monitoring.verify_body import chrome_texts

    records = [_standfirst(n, f"Summary {chr(65 + n % 3)}.", own) for n in range(9)]
    assert ("Summary A." in {text for text, _, _ in chrome_texts(records).get("pt", {}).values()}) is chrome
