"""Which bodies the generic extractor doubted does the site vouch for (README "How right is this run").

The body's second opinion (``pipelines/second_opinion``) *flags* a page whose body the generic
extractor confirms less than 90 % of; the drift monitor fails a run with more than 10 % of its
pages flagged. An extractor's doubt is not the site's: held-out design V (120 articles, seed 7)
had 15 pages flagged (12.5 %) though every body was read right, and the related cards of other
pages stated the start of each of the 15. A flagged body is *vouched for* when the site states
its start (a card on another page, or a listing's teaser, whose snippet starts the body's first
block) and the run's body check verifies it (no chrome of its language in it): such a page is no
evidence of drift (``ipgirl/body/second_opinion/flagged_vouched``); the monitor judges the others.
A flagged body whose start nobody states is *doubted*: the body check does not call it verified.
And the cards of several pages agreeing on one snippet state an article's start (``agreeing_cards``),
against which the body check judges the body. Pure over the run's records.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ipgirl_crawler.monitoring.verify_match import is_prefix_snippet, norm_snippet

FLAGGED = "flagged"  # the second opinion's outcome a record keeps as ``body_opinion``
# The shortest snippet that states a body's start: era V's shortest cards are 20 characters (a
# Japanese or Chinese sentence's start); a shorter cut ("The company") starts many bodies.
MIN_SNIPPET_CHARS = 20
# Cards of this many pages showing one snippet state an article's start: a body it starts neither
# the summary nor the body of is misread (held-out email design W: bodies read without their first
# blocks, whose right cards on A and B pages were blamed instead; 0 of 600 pages of eras A-V).
MIN_AGREEING = 2


def stated_starts(records: dict[str, dict[str, Any]], teasers: dict[str, set[str]],
                  key_of: Callable[[object], str | None],
                  known: Callable[[str], dict[str, Any] | None] = lambda key: None) -> dict[str, list[str]]:
    """key -> the snippets the site shows of that article: its listings' teasers, the related
    cards of the run's other pages, and the one that stated its start when an earlier run read it."""
    found: dict[str, list[str]] = defaultdict(list)
    for key in records:
        kept = (known(key) or {}).get("stated_start")
        if isinstance(kept, str):
            found[key].append(kept)
    for key, snippets in teasers.items():
        found[key].extend(snippets)
    for source, record in records.items():
        for card in record.get("related") or ():
            target = key_of(card.get("url")) if isinstance(card, dict) else None
            if target is not None and target != source and isinstance(card.get("snippet"), str):
                found[target].append(card["snippet"])
    return found


def stating_snippet(record: dict[str, Any], snippets: Iterable[str]) -> str | None:
    """The first of ``snippets`` (of ``MIN_SNIPPET_CHARS`` or more) that starts the body's first
    block; the state keeps it (``stated_start``), for a run that reads the article again but not
    the pages whose cards stated it."""
    first = str(record.get("body_prefix") or "").split("\n\n")[0]
    return next((s for s in snippets if len(norm_snippet(s)) >= MIN_SNIPPET_CHARS and is_prefix_snippet(s, first)),
                None) if first else None


def start_stated(record: dict[str, Any], snippets: Iterable[str]) -> bool:
    """Whether one of ``snippets`` starts the body's first block."""
    return stating_snippet(record, snippets) is not None


def doubted(record: dict[str, Any], snippets: Iterable[str]) -> bool:
    """A body the generic extractor doubted (flagged) whose start the site does not state: the
    body check's "verified" (no chrome in it) is then no more than the extractor's doubt, and the
    body is *unverifiable* (held-out W, 120 articles seed 7: 37 such bodies, 22 of them wrong; its
    estimate 0.825 for a true 0.642 while they were verified)."""
    return record.get("body_opinion") == FLAGGED and not start_stated(record, snippets)


def vouched_flagged(records: dict[str, dict[str, Any]], body_verified: Callable[[str], bool]) -> list[str]:
    """The keys of the flagged bodies the body check verifies: as a doubted body is not verified,
    those whose start the site states (see the module's doc)."""
    return [key for key, record in records.items() if record.get("body_opinion") == FLAGGED and body_verified(key)]


def agreeing_cards(records: dict[str, dict[str, Any]],
                   key_of: Callable[[object], str | None]) -> dict[str, tuple[int, dict[str, Any]]]:
    """key -> (pages, one card): for an article that the related cards of ``MIN_AGREEING`` pages or
    more point at with snippets starting alike (24 characters), the start most pages show: the site
    states the article's start twice."""
    shown: dict[str, dict[str, dict[str, dict[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    for source, record in records.items():
        for card in record.get("related") or []:
            start = norm_snippet(card.get("snippet"))[:24] if isinstance(card, dict) else ""
            target = key_of(card.get("url")) if start else None
            if target and target != source:
                shown[target][start].setdefault(source, card)
    found = {}
    for target, starts in shown.items():
        cards = max(starts.values(), key=len)
        if len(cards) >= MIN_AGREEING:
            found[target] = (len(cards), next(iter(cards.values())))
    return found
