"""The checks of the fields the page's header and the sitemap restate (README "How right is this
run"): ``modified_at`` against the sitemap's ``lastmod``, ``tags`` against the tag links of the
article's header, else of its footer (``pages/statements``: ``header_tags``, ``footer_tags``). Pure over one
article's record.
"""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.monitoring.verify_match import last_change_day, norm, not_after

Verdict = tuple[str, str]
NONE: Verdict = ("unverifiable", "")


def modified_verdict(record: dict[str, Any]) -> Verdict:
    """The sitemap's lastmod states the day of the last change: the modification's (verified when
    it agrees; another day says nothing, a sitemap lags and a site edits silently), or the
    publication's for an article never modified (held-out notebook design Y: "Last edited" shown on
    21 of 120 pages, the sitemap naming its day; 12 of 93 read without it)."""
    modified, published, lastmod = record.get("modified_at"), record.get("published_at"), record.get("lastmod")
    agrees = last_change_day(modified or published, lastmod)
    if agrees is None or not modified and not_after(published, lastmod) is False:
        return NONE  # nothing to compare, or a lastmod before the publication (published_at's bound)
    if agrees:
        return "verified", ""
    if modified:  # the sitemap may lag (an incremental run's lastmod before the edit it reads) or change silently
        return NONE
    # A later lastmod alone may be a silent edit (the site changed the page and shows no update):
    # the page must show that day too (``shown_days``; an incremental run of eras A-O after 45 edits
    # named 10 pages without this).
    shown = next((day for day in (record.get("statements") or {}).get("shown_days") or ()
                  if last_change_day(day, lastmod)), None)
    if shown is None:
        return NONE
    return "contradicted", f"empty; the page shows {shown[:10]} and the sitemap's lastmod {lastmod!r}, after the publication {published!r}"


def tags_verdict(record: dict[str, Any]) -> Verdict:
    """The tags are those the article's header links (the same names, in any order); a page whose
    header links no tag page says nothing about them."""
    statements = record.get("statements") or {}
    stated, where = statements.get("header_tags") or [], "header"
    if not stated:  # else the story's footer's topic links (era AB: 80 % of pages read no tags, unnamed)
        stated, where = statements.get("footer_tags") or [], "footer"
    if not stated:
        return NONE
    tags = record.get("tags") or []
    if sorted({norm(tag) for tag in tags}) == sorted({norm(tag) for tag in stated}):
        return "verified", ""
    return "contradicted", f"got {tags!r}; the article's {where} links the tags {stated!r}"
