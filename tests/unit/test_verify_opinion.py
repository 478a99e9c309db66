"""Flagged bodies the site vouches for (ipgirl_crawler/monitoring/verify_opinion.py), with the
markup where it must not vouch."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_checks import VERIFIED, RunChecks, key_of
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.monitoring.verify_opinion import doubted, stated_starts, vouched_flagged

BASE = "http://127.0.0.1:8800"
URL = BASE + "/en/ai/50001-robots-1"
OTHER = BASE + "/en/ai/50002-chips-2"
BODY = "The company says the robotic arm can tidy household objects.\n\nIt learned from a few demonstrations."
SNIPPET = "The company says the robotic arm can tidy household…"
KEY = key_of(URL)


def records(body: str = BODY, opinion: str | None = "flagged", snippet: str | None = SNIPPET,
            card_from_itself: bool = False) -> dict[str, dict[str, Any]]:
    card = {"url": URL, "title": "Robots", "snippet": snippet}
    article = {"url": URL, "body_prefix": body, "body_opinion": opinion, "related": [card] if card_from_itself else []}
    other = {"url": OTHER, "body_prefix": "Chips.", "body_opinion": "agreed", "related": [] if card_from_itself else [card]}
    return {KEY: article, key_of(OTHER): other}  # type: ignore[dict-item]


@pytest.mark.parametrize(("given", "teasers", "doubt"), [
    (records(), {}, False),  # another page's card states the body's start
    (records(snippet=None), {KEY: {SNIPPET}}, False),  # a listing's teaser does
    (records(opinion="agreed", snippet=None), {}, False),  # not flagged: no doubt to weigh
    (records(opinion=None, snippet=None), {}, False),
    # negative: the body opens with something else (a byline read as its first block)
    (records(body="By Ana Ruiz · 3 min read\n\n" + BODY), {}, True),
    (records(snippet="Brussels regulators ask for clearer rules…"), {}, True),  # another text
    (records(snippet="The company…"), {}, True),  # too short to state a start
    (records(card_from_itself=True), {}, True),  # a page does not vouch for itself
])
def test_a_flagged_body_is_doubted_unless_the_site_states_its_start(
        given: dict[str, dict[str, Any]], teasers: dict[str, set[str]], doubt: bool) -> None:
    assert doubted(given[KEY], stated_starts(given, teasers, key_of).get(KEY, ())) is doubt


@pytest.mark.parametrize(("opinion", "verified", "vouched"), [
    ("flagged", True, [KEY]), ("flagged", False, []), ("agreed", True, []),
])
def test_vouched_bodies_are_the_flagged_ones_verified(opinion: str, verified: bool, vouched: list[str]) -> None:
    assert vouched_flagged(records(opinion=opinion), lambda key: verified) == vouched


def test_the_body_check_leaves_a_doubted_body_unverified() -> None:
    """A body with none of its language's chrome is verified, unless the generic extractor doubted
    it and the site states nothing of its start."""
    chrome_page = {"edges": [], "around": [["html/body/div.cta", "Have more questions?"]], "inner": []}
    def page(n: int, **extra: Any) -> dict[str, Any]:
        return {"url": f"{BASE}/en/ai/{50010 + n}-p-{n}", "language": "en", "body_prefix": BODY, "body_lines": [],
                "statements": {"body_slots": chrome_page}, "related": [], **extra}
    given = {key_of(p["url"]): p for p in [page(n) for n in range(4)] + [page(5, body_opinion="flagged")]}
    checks = RunChecks(given, ListingStatements(), languages=("en",))
    outcomes = {key: checks.check_body_text(key, record)[0] for key, record in given.items()}
    assert outcomes.pop(key_of(f"{BASE}/en/ai/50015-p-5")) == "unverifiable"
    assert set(outcomes.values()) == {VERIFIED}


def test_a_start_an_earlier_run_saw_stated_still_vouches() -> None:
    """An incremental run reads a changed article again, not the pages whose cards stated its start:
    the state's ``stated_start`` stands, while it still starts the body."""
    alone = {KEY: records()[KEY]}
    assert doubted(alone[KEY], stated_starts(alone, {}, key_of).get(KEY, ()))
    kept = {"stated_start": SNIPPET}
    assert not doubted(alone[KEY], stated_starts(alone, {}, key_of, lambda key: kept).get(KEY, ()))
    moved = {KEY: {**alone[KEY], "body_prefix": "A new opening.\n\n" + BODY}}  # negative: the start changed
    assert doubted(moved[KEY], stated_starts(moved, {}, key_of, lambda key: kept).get(KEY, ()))
