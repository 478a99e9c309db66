"""A finished run checked against the site's previous runs, and added to them.

The state keeps each run's per-field coverage (``StateStore.run_history``); the monitors compare
this run with the last healthy ones (``drift.history_failures``), the run is recorded with its
verdict, and the stats carry the recent runs (``ipgirl/history/runs``) for the report's
coverage-over-runs table.
"""
from __future__ import annotations

from typing import Any, Protocol

from ipgirl_crawler.monitoring import drift, monitors


class RunHistory(Protocol):
    """Where the site's runs are kept (``run.state.StateStore``)."""

    def run_history(self, limit: int, before: str | None = None) -> list[dict[str, Any]]: ...

    def record_run_history(self, run_id: str, healthy: bool, items: int, coverage: dict[str, float],
                           counts: dict[str, int]) -> None: ...

# Rows read back: enough for the baseline's healthy runs among unhealthy or small ones.
HISTORY_ROWS = 30
REPORTED_RUNS = 12


def evaluate_run(stats: dict[str, Any], thresholds: dict[str, Any] | None,
                 store: RunHistory | None, run_id: str = "") -> tuple[list[str], list[dict[str, Any]]]:
    """(failed monitors, the last REPORTED_RUNS runs including this one, oldest first)."""
    past = store.run_history(HISTORY_ROWS, before=run_id) if store is not None else []
    failed = monitors.evaluate(stats, thresholds, past)
    record = drift.history_record(stats, failed)
    if store is None:
        return failed, []
    store.record_run_history(run_id, record["healthy"], record["items"], record["coverage"], record["counts"])
    return failed, [*past, {"run_id": run_id, **record}][-REPORTED_RUNS:]
