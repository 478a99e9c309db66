"""The cross-checks over a whole distributed job: each worker checks its own share as it ends (a
card or a teaser pointing at an article another worker read is unverifiable there), and hands its
article records and listing statements to the job; the last worker to leave runs the checks over
all of them, and their counts, estimates and failed monitors go into the job manifest and its exit
status. Pure over the parts (JSON, as ``CrossChecks.part`` makes them).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.monitoring.verify_checks import RunChecks
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.monitoring.verify_monitor import PREFIX, estimates_of, verify_counts, verify_failures


def job_verify(parts: Iterable[dict[str, Any]], known: Callable[[str], dict[str, Any] | None] = lambda key: None,
               thresholds: dict[str, Any] | None = None) -> dict[str, Any]:
    """{"articles", "counts", "estimates", "failed"} of the checks over every worker's part (an
    article two workers read, after a lease expired, counts once: the last part's record)."""
    records: dict[str, dict[str, Any]] = {}
    listings = ListingStatements()
    for part in parts:
        records.update(part.get("records") or {})
        listings.absorb(part.get("listings") or {})
    verdicts = RunChecks(records, listings, known, tuple(ui_strings.languages())).run()
    stats: dict[str, Any] = {PREFIX + name: count for name, count in verdicts.counts.items()}
    for name, examples in verdicts.examples.items():
        stats[f"{PREFIX}examples/{name}"] = [f"{url}: {detail}" for url, detail in examples]
    counts = verify_counts(stats)
    return {"articles": len(records), "counts": counts, "estimates": estimates_of(counts),
            "failed": verify_failures(stats, thresholds)}
