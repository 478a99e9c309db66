"""Flagged bodies the site vouches for (ipgirl_crawler/monitoring/verify_opinion.py), with the
markup where it must not vouch."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_checks import key_of
from ipgirl_crawler.monitoring.verify_opinion import vouched_flagged

BASE = "http://127.0.0.1:8800"
URL = BASE + "/en/ai/50001-robots-1"
OTHER = BASE + "/en/ai/50002-chips-2"
BODY = "The company says the robotic arm can tidy household objects.\n\nIt learned from a few demonstrations."
SNIPPET = "The company says the robotic arm can tidy household…"


def records(body: str = BODY, opinion: str | None = "flagged", snippet: str | None = SNIPPET,
            card_from_itself: bool = False) -> dict[str, dict[str, Any]]:
    card = {"url": URL, "title": "Robots", "snippet": snippet}
    article = {"url": URL, "body_prefix": body, "body_opinion": opinion, "related": [card] if card_from_itself else []}
    other = {"url": OTHER, "body_prefix": "Chips.", "body_opinion": "agreed", "related": [] if card_from_itself else [card]}
    return {key_of(URL): article, key_of(OTHER): other}  # type: ignore[dict-item]


@pytest.mark.parametrize(("given", "teasers", "verified", "vouched"), [
    (records(), {}, True, True),  # another page's card states the body's start
    (records(snippet=None), {key_of(URL): {SNIPPET}}, True, True),  # a listing's teaser does
    (records(opinion="agreed"), {}, True, False),  # not flagged: nothing to vouch for
    (records(opinion=None), {}, True, False),
    # negative: the body opens with something else (a byline read as its first block)
    (records(body="By Ana Ruiz · 3 min read\n\n" + BODY), {}, True, False),
    (records(snippet="Brussels regulators ask for clearer rules…"), {}, True, False),  # another text
    (records(snippet="The company…"), {}, True, False),  # too short to state a start
    (records(card_from_itself=True), {}, True, False),  # a page does not vouch for itself
    (records(), {}, False, False),  # the body check finds chrome in it (or knows no chrome)
])
def test_a_flagged_body_is_vouched_for_by_the_site_stating_its_start(
        given: dict[str, dict[str, Any]], teasers: dict[str, set[str]], verified: bool, vouched: bool) -> None:
    found = vouched_flagged(given, teasers, lambda key: verified, key_of)
    assert found == ([key_of(URL)] if vouched else [])
