"""Corrections where the site decides, made before an item is written, and the hand-over of every
article item to the cross-checks (``run/crosschecks.CrossChecks``).

A card is corrected only when two of the site's own statements agree against the page's
reading: the linked article's title (read earlier in this run, or remembered in the state) starts
the card's text, and the rest of that text starts the article's summary or body. Then the card
showed a title and a snippet that the page's reading glued together: title := that title,
snippet := the rest (``ipgirl/verify/related/corrected``). A card already split, a card whose
article is unknown, or whose rest is not that article's text, is left as read: a right value is
never changed on one statement.

A card whose date or reading time the page's reading glued onto its snippet ("…The Euro…
March 23, 2025", no ellipsis at its end, so ``snippet_truncated`` false) is cut likewise when the
linked article decides (or, before it is read, a listing's teaser of it: the same text cut): the longest start of the snippet that starts that article's summary or
body, followed by nothing but a date or a reading time (``pages/byline`` tells them, per
language), is the snippet (``ipgirl/verify/related/corrected``). A snippet that already starts the
article's text, or whose rest is any other text, is left as read.
"""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.run.crosschecks import CrossChecks
from ipgirl_crawler.monitoring.verify_checks import key_of
from ipgirl_crawler.monitoring.verify_match import CARD_GLUE, is_date_line, is_prefix_snippet, last_change_day, norm
from pipelines.base import CountingPipeline
from pipelines.dates import parse_visible_date
from pipelines.related import split_ellipsis
from pipelines.stated_days import stated_days

# A date or reading time a card shows: "March 23, 2025 · 5 min read" is 27 characters; a longer
# rest is more than a card's date line.
MAX_TAIL_CHARS = 40
_SNIPPET_ENDS = ("…", "...", ".", "!", "?", "。", "！", "？")


def split_glued_card(card: dict[str, Any], target: dict[str, Any] | None) -> dict[str, Any] | None:
    """The card with its title and snippet split as the linked article states them; None when the
    site's statements do not decide (see the module's doc)."""
    title, known = card.get("title"), (target or {}).get("title")
    if not isinstance(title, str) or not isinstance(known, str) or card.get("snippet") or not norm(known):
        return None
    head, rest = title[:len(known)], title[len(known):]
    if norm(head) != norm(known) or not rest[:1].isspace() and rest[:1] not in CARD_GLUE:
        return None
    rest = rest.lstrip(CARD_GLUE)
    if not rest or not is_prefix_snippet(rest, target.get("summary"), target.get("body_prefix")):
        return None
    snippet, truncated = split_ellipsis(rest)
    return {**card, "title": head.strip(), "snippet": snippet, "snippet_truncated": truncated}


def trim_glued_tail(card: dict[str, Any], target: dict[str, Any] | None, language: str,
                    teasers: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The card with the date or reading time cut off its snippet where the linked article (or,
    before it is read, the listings' teasers of it) decides where the snippet ends; None when
    nothing does (see the module's doc)."""
    snippet = card.get("snippet")
    if not isinstance(snippet, str) or card.get("snippet_truncated") or (target is None and not teasers):
        return None
    texts: tuple[Any, ...] = tuple(teasers)
    if target is not None:
        texts += (target.get("summary"), *str(target.get("body_prefix") or "").split("\n\n"))
    if is_prefix_snippet(snippet, *texts):
        return None
    for cut in sorted((i for i, char in enumerate(snippet) if char.isspace()), reverse=True):
        head, tail = snippet[:cut].rstrip(CARD_GLUE), snippet[cut:].strip(CARD_GLUE)
        if len(tail) > MAX_TAIL_CHARS:
            return None
        if _ends_cleanly(head, texts) and is_date_line(tail, language) and is_prefix_snippet(head, *texts):
            cut_snippet, truncated = split_ellipsis(head)
            return {**card, "snippet": cut_snippet, "snippet_truncated": truncated}
    return None


def _ends_cleanly(head: str, texts: tuple[Any, ...]) -> bool:
    """Where a snippet ends: an ellipsis, a sentence's end, or the whole of one of the article's
    texts; "Plans to grow" before "in 2025" is a cut mid-sentence, not a snippet before its date."""
    return bool(head) and (head.endswith(_SNIPPET_ENDS) or any(norm(head) == norm(t) for t in texts if t))


def corrected_card(card: Any, checks: CrossChecks, language: str) -> dict[str, Any] | None:
    """The card as the linked article (or its teasers) decides it, or None when nothing decides."""
    if not isinstance(card, dict):
        return None
    key = key_of(card.get("url"))
    target = checks.target(key)
    teasers = tuple(sorted(checks.listings.snippets.get(key, ()))) if key else ()
    return split_glued_card(card, target) or trim_glued_tail(card, target, language, teasers)


def shown_days(item: Any, statements: dict[str, Any]) -> list[str]:
    """The days the page shows as text around its body (``body_slots``), parsed, when the sitemap
    dates a change later than the publication and the item has no ``modified_at``: whether the page
    shows that change (held-out notebook design Y: "Last edited September 11, 2025") or the site
    changed it silently (an edit no page shows) decides the check of an empty ``modified_at``. Only
    for those pages: parsing a visible date costs ~0.2 ms."""
    lastmod = (item.get("raw_validators") or {}).get("lastmod")
    if item.get("modified_at") or last_change_day(item.get("published_at"), lastmod) is not False:
        return []
    language = item.get("language") or "en"
    texts = [line[1] for line in ((statements.get("body_slots") or {}).get("around") or ())
             if isinstance(line, (list, tuple)) and len(line) == 2 and isinstance(line[1], str)]
    days = (parse_visible_date(text, language) for text in texts if is_date_line(text, language))
    return list(dict.fromkeys(day for day in days if day))


class VerifyPipeline(CountingPipeline):
    """After validation, before duplicates and incremental: corrects cards the site decides, then
    hands the item (with its page's statements) to the cross-checks."""

    name = "verify"

    def process_article(self, item: Any) -> Any:
        checks = CrossChecks.of(self.crawler)
        if checks is None:
            return item
        cards = item.get("related") or []
        language = item.get("language") or "en"
        fixed = [corrected_card(card, checks, language) for card in cards]
        if any(fixed):
            item["related"] = [new or old for new, old in zip(fixed, cards, strict=True)]
            self.count("related/corrected")
        statements = getattr(item, "_statements", None)
        days = shown_days(item, statements) if isinstance(statements, dict) else []
        if isinstance(statements, dict):
            parsed = stated_days(statements, language, item.get("published_at"))
            if days:
                parsed["shown_days"] = days
            if parsed:
                item._statements = {**statements, **parsed}
        checks.note(item)
        return item

    def process_item(self, item: Any) -> Any:
        return self.process_article(item) if isinstance(item, ArticleItem) else item
