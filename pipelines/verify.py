"""Corrections where the site decides, made before an item is written, and the hand-over of every
article item to the cross-checks (``run/crosschecks.CrossChecks``).

A card is corrected only when two of the site's own statements agree against the page's
reading: the linked article's title (read earlier in this run, or remembered in the state) starts
the card's text, and the rest of that text starts the article's summary or body. Then the card
showed a title and a snippet that the page's reading glued together: title := that title,
snippet := the rest (``ipgirl/verify/related/corrected``). A card already split, a card whose
article is unknown, or whose rest is not that article's text, is left as read: a right value is
never changed on one statement.
"""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.run.crosschecks import CrossChecks
from ipgirl_crawler.monitoring.verify_checks import key_of
from ipgirl_crawler.monitoring.verify_match import is_prefix_snippet, norm
from pipelines.base import CountingPipeline
from pipelines.related import split_ellipsis

# What may stand between a glued title and its snippet ("Title — Snippet…", "Title: Snippet").
_GLUE = " \t-–—:·|•"


def split_glued_card(card: dict[str, Any], target: dict[str, Any] | None) -> dict[str, Any] | None:
    """The card with its title and snippet split as the linked article states them; None when the
    site's statements do not decide (see the module's doc)."""
    title, known = card.get("title"), (target or {}).get("title")
    if not isinstance(title, str) or not isinstance(known, str) or card.get("snippet") or not norm(known):
        return None
    head, rest = title[:len(known)], title[len(known):]
    if norm(head) != norm(known) or not rest[:1].isspace() and rest[:1] not in _GLUE:
        return None
    rest = rest.lstrip(_GLUE)
    if not rest or not is_prefix_snippet(rest, target.get("summary"), target.get("body_prefix")):
        return None
    snippet, truncated = split_ellipsis(rest)
    return {**card, "title": head.strip(), "snippet": snippet, "snippet_truncated": truncated}


class VerifyPipeline(CountingPipeline):
    """After validation, before duplicates and incremental: corrects cards the site decides, then
    hands the item (with its page's statements) to the cross-checks."""

    name = "verify"

    def process_article(self, item: Any) -> Any:
        checks = CrossChecks.of(self.crawler)
        if checks is None:
            return item
        cards = item.get("related") or []
        fixed = [split_glued_card(card, checks.target(key_of(card.get("url")))) if isinstance(card, dict) else None
                 for card in cards]
        if any(fixed):
            item["related"] = [new or old for new, old in zip(fixed, cards, strict=True)]
            self.count("related/corrected")
        checks.note(item)
        return item

    def process_item(self, item: Any) -> Any:
        return self.process_article(item) if isinstance(item, ArticleItem) else item
