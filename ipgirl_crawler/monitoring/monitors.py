"""Health checks of a finished run, so a site change fails the run loudly.

Thresholds live in ``data/monitors.json`` (overridable with ``IPGIRL_MONITOR_THRESHOLDS``, ``thresholds.py``);
``evaluate`` is pure over the crawl's stats.
"""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.discovery.reachability import UNREACHABLE_STAT
from ipgirl_crawler.monitoring import drift
from ipgirl_crawler.monitoring.archive_checks import archive_failures
from ipgirl_crawler.monitoring.bound_checks import bound_failures
from ipgirl_crawler.monitoring.dead_links import flood_failures
from ipgirl_crawler.monitoring.feed_health import feed_failures
from ipgirl_crawler.monitoring.thresholds import default_thresholds
from ipgirl_crawler.monitoring.verify_monitor import verify_failures

FAILURE_PREFIX = "ipgirl/failures/"
MISSING_PREFIX = "ipgirl/validate/missing/"
SCHEMA_PREFIX = "ipgirl/validate/schema/"


def articles_seen(stats: dict[str, Any]) -> int:
    """Article pages that answered: emitted, unchanged (304 or same hash), or already emitted."""
    return stats.get("ipgirl/discovery/article_responses", 0)


def _rate(part: float, whole: float) -> float:
    return part / whole if whole else (1.0 if part else 0.0)


def coverage_failures(stats: dict[str, Any], thresholds: dict[str, Any]) -> list[str]:
    # Items validated, not only emitted: unchanged items dropped after validation were counted too.
    items = stats.get(drift.CHECKED) or stats.get("item_scraped_count", 0)
    if items < thresholds["coverage_min_items"]:
        return []
    found = []
    for field, minimum in thresholds["field_coverage"].items():
        coverage = 1 - stats.get(MISSING_PREFIX + field, 0) / items
        if coverage < minimum:
            found.append(f"field {field} present in {coverage:.0%} of {items} items (minimum {minimum:.0%})"
                         + drift.examples_text(stats, f"missing/{field}"))
    return found


def evaluate(stats: dict[str, Any], thresholds: dict[str, Any] | None = None,
             history: list[dict[str, Any]] | None = None) -> list[str]:
    """The failed checks, as one sentence each; empty when the run is healthy. ``history``: the
    site's previous runs (``StateStore.run_history``), for the coverage drift check."""
    limits = thresholds or default_thresholds()
    if stats.get(UNREACHABLE_STAT):  # nothing was fetched: every other check would only repeat it
        return [f"site unreachable: {stats[UNREACHABLE_STAT]}"] + feed_failures(stats)
    failed = []
    reason = stats.get("finish_reason")
    if reason not in limits["finish_reasons"]:
        failed.append(f"finish reason {reason!r} (expected {', '.join(limits['finish_reasons'])})")
    seen = articles_seen(stats)
    # A distributed worker that joined late may find nothing left to do: the job manifest's balance
    # (distributed/accounting.py) answers for the job's completeness.
    if seen < limits["min_articles_seen"] and not stats.get("ipgirl/distributed/worker"):
        failed.append(f"{seen} article pages answered (minimum {limits['min_articles_seen']})")
    responses = stats.get("response_received_count", 0)
    errors = stats.get("log_count/ERROR", 0)
    if _rate(errors, responses) > limits["max_error_rate"]:
        failed.append(f"{errors} errors logged for {responses} responses (maximum {limits['max_error_rate']:.0%})")
    failures = sum(v for k, v in stats.items() if k.startswith(FAILURE_PREFIX) and isinstance(v, int))
    attempted = responses + failures
    if _rate(failures, attempted) > limits["max_failure_rate"]:
        failed.append(f"{failures} of {attempted} requests failed after retries (maximum {limits['max_failure_rate']:.0%})")
    violations = sum(v for k, v in stats.items() if k.startswith(SCHEMA_PREFIX) and isinstance(v, int))
    if violations > limits.get("max_schema_violations", 0):
        failed.append(f"{violations} values broke the item schema (maximum {limits.get('max_schema_violations', 0)})")
    return (failed + flood_failures(stats, limits) + coverage_failures(stats, limits) + feed_failures(stats)
            + bound_failures(stats) + archive_failures(stats) + drift.drift_failures(stats, limits, history)
            + verify_failures(stats, limits))
