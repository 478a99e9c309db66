"""The checks of the fields the page's header and the sitemap restate (README "How right is this
run"): ``modified_at`` against the sitemap's ``lastmod``, where the page itself states no update
(``verify_restated`` checks the tags, and ``modified_at`` against the page's own statements).
Pure over one article's record.
"""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.monitoring.verify_match import last_change_day, not_after

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
