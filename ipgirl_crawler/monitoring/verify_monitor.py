"""How right is this run: per-field estimates from the cross-checks' counts, and the monitors on them.

A field's estimate is the share of its checkable values (verified + contradicted) that the site's
other statements confirm: ``ipgirl/verify/<field>/estimate`` (0-1), set on the whole run's stats
before the monitors run. A field with no checkable value is *unverifiable*, reported as such.
A field fails the run when more than ``max_contradicted_rate`` (1 %) of at least ``min_checkable``
checkable values are contradicted, or when its estimate falls more than ``history_drop`` below the
median of the site's last runs (``verify_runs`` in the state). Thresholds: ``"verify"`` in
``data/monitors.json``. Pure over the stats.
"""
from __future__ import annotations

import json
import statistics
from importlib import resources
from typing import Any

from ipgirl_crawler.monitoring.verify_checks import CHECKED_FIELDS, EMPTY_MAY_BE_RIGHT

PREFIX = "ipgirl/verify/"
HISTORY = PREFIX + "history"  # the site's earlier runs' estimates, oldest first
OUTCOMES = ("verified", "contradicted", "unverifiable", "empty", "corrected", "bound")
# The contract fields the site never restates (the body's HTML, count and hash follow its text).
NEVER_RESTATED = ("body_html", "word_count", "content_hash")


def default_limits() -> dict[str, Any]:
    text = resources.files("ipgirl_crawler").joinpath("data/monitors.json").read_text("utf-8")
    return json.loads(text)["verify"]


def verify_counts(stats: dict[str, Any]) -> dict[str, dict[str, int]]:
    """{field: {outcome: count}} from ``ipgirl/verify/<field>/<outcome>``."""
    found: dict[str, dict[str, int]] = {}
    for key, value in stats.items():
        if not key.startswith(PREFIX) or not isinstance(value, int) or isinstance(value, bool):
            continue
        field, _, outcome = key[len(PREFIX):].rpartition("/")
        if outcome in OUTCOMES and field and "/" not in field:
            found.setdefault(field, {})[outcome] = value
    return found


def estimates_of(counts: dict[str, dict[str, int]]) -> dict[str, float]:
    """{field: estimated share of the run's items with the field right}, for the fields with a
    checkable value: the contradicted values are wrong; the unverifiable ones are wrong as often as
    the values the two-sided checks judged (contradicted / checkable, less those only a bound
    contradicted: ``bound``, whose passes confirm nothing); an empty one the site states nothing
    about is right where an article may lack the field (an article without translations that no
    page lists as one, ``EMPTY_MAY_BE_RIGHT``), wrong elsewhere. Measured against the oracle
    (README "How right is this run"): within 2 points on one field broken on a third of the pages of
    eras A-O, and on held-out eras Q and R; 2.7 points under on era P's published_at, whose 19
    pages without a machine-readable date were all read right while 17 % of those with one were not."""
    found = {}
    for field, outcomes in counts.items():
        contradicted, bound = outcomes.get("contradicted", 0), outcomes.get("bound", 0)
        checkable = outcomes.get("verified", 0) + contradicted
        if checkable:
            judged = checkable - bound
            rate = (contradicted - bound) / judged if judged else contradicted / checkable
            unverifiable, empty = outcomes.get("unverifiable", 0), outcomes.get("empty", 0)
            wrong = contradicted + rate * unverifiable + (0 if field in EMPTY_MAY_BE_RIGHT else empty)
            found[field] = round(1 - wrong / (checkable + unverifiable + empty), 4)
    return found


def estimate_bounds(counts: dict[str, dict[str, int]]) -> dict[str, tuple[float, float]]:
    """{field: (lowest, highest) share of the items right}, for the fields of ``estimates_of``: the
    unverifiable values and the empty ones that may be right all wrong, or all right. The estimate extrapolates the checked values' rate
    to the unverifiable ones, so it is only as close as the unverifiable share allows when a
    misreading falls on them unevenly (a parser wrong on one template the site restates less):
    the true accuracy is always between the two."""
    found = {}
    for field, outcomes in counts.items():
        contradicted = outcomes.get("contradicted", 0)
        checkable = outcomes.get("verified", 0) + contradicted
        if checkable:
            unverifiable, empty = outcomes.get("unverifiable", 0), outcomes.get("empty", 0)
            total = checkable + unverifiable + empty
            wrong = contradicted + (0 if field in EMPTY_MAY_BE_RIGHT else empty)
            found[field] = (round(1 - (contradicted + unverifiable + empty) / total, 4), round(1 - wrong / total, 4))
    return found


def estimate_stats(stats: dict[str, Any]) -> dict[str, float]:
    """``ipgirl/verify/<field>/estimate`` and its bounds ``…/estimate_low``, ``…/estimate_high``, of
    the (whole run's) counts."""
    counts = verify_counts(stats)
    found = {f"{PREFIX}{field}/estimate": value for field, value in estimates_of(counts).items()}
    for field, (low, high) in estimate_bounds(counts).items():
        found[f"{PREFIX}{field}/estimate_low"], found[f"{PREFIX}{field}/estimate_high"] = low, high
    return found


def _examples(stats: dict[str, Any], field: str, shown: int = 3) -> str:
    examples = stats.get(f"{PREFIX}examples/{field}") or []
    return f"; e.g. {' | '.join(str(e) for e in examples[:shown])}" if examples else ""


def _percent(rate: float) -> str:
    return f"{100 * rate:.1f}%"


def verify_failures(stats: dict[str, Any], thresholds: dict[str, Any] | None = None) -> list[str]:
    """One sentence per field the site's statements contradict too often, or less right than usual."""
    limits = {**default_limits(), **((thresholds or {}).get("verify") or {})}
    counts, found = verify_counts(stats), []
    estimates = estimates_of(counts)
    past = [run.get("estimates", {}) for run in stats.get(HISTORY) or [] if isinstance(run, dict)]
    for field, outcomes in sorted(counts.items()):
        contradicted = outcomes.get("contradicted", 0)
        checkable = outcomes.get("verified", 0) + contradicted
        # Fewer checkable values than min_checkable are noise, unless min_contradicted (8) of them are
        # contradicted: no healthy run contradicts any (eras A-V, 300 articles seed 11), and held-out
        # Z, 23 articles read of 120, contradicts 10 of 10 pages' images and 9 of 16 pages' tags.
        if checkable < limits["min_checkable"] and contradicted < limits.get("min_contradicted", checkable + 1):
            continue
        rate = contradicted / checkable
        if rate > limits["max_contradicted_rate"]:
            found.append(f"verify: field {field} contradicted by the site on {contradicted} of {checkable} "
                         f"checkable pages ({_percent(rate)}, maximum {_percent(limits['max_contradicted_rate'])}), "
                         f"estimated right on {_percent(1 - rate)}" + _examples(stats, field))
            continue
        if estimates[field] < limits["min_estimate"]:  # empty where every article shows it
            found.append(f"verify: field {field} estimated right on {_percent(estimates[field])} of the items "
                         f"(minimum {_percent(limits['min_estimate'])}): empty on {outcomes.get('empty', 0)} pages where "
                         f"every article shows it, contradicted on {contradicted} of {checkable} checkable")
            continue
        usual = [run[field] for run in past[-limits["history_runs"]:] if isinstance(run.get(field), (int, float))]
        if len(usual) >= limits["history_min_runs"] and statistics.median(usual) - (1 - rate) > limits["history_drop"]:
            found.append(f"verify: field {field} estimated right on {_percent(1 - rate)} of {checkable} checkable "
                         f"pages, down from {_percent(statistics.median(usual))} (median of the last {len(usual)} runs)"
                         + _examples(stats, field))
    return found


def accuracy_line(stats: dict[str, Any]) -> str:
    """"estimated accuracy: title 100.0%, related 87.5%, …; unverifiable: tags, …" for the summary line."""
    estimates = estimates_of(verify_counts(stats))
    if not estimates:
        return "estimated accuracy: nothing checkable"
    shown = ", ".join(f"{field} {_percent(value)}" for field, value in sorted(estimates.items(), key=lambda p: p[1]))
    return f"estimated accuracy: {shown}; unverifiable: {', '.join(unverifiable_fields(stats))}"


def unverifiable_fields(stats: dict[str, Any]) -> list[str]:
    checked = set(estimates_of(verify_counts(stats)))
    return [f for f in CHECKED_FIELDS if f not in checked] + list(NEVER_RESTATED)
