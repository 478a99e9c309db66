"""The job manifest: what became of every article the job queued, per worker and in total.

Every article queued (``scheduled``) ends exactly once, and so as one outcome: ``emitted``
(its item is in a committed batch), ``unchanged`` (304, or the same content), ``failed``
(fetch failed for good), ``gone`` (404/410) or ``dropped`` (answered, but no item: not an
article, a duplicate URL, a contract violation). The job balances when
scheduled = emitted + unchanged + failed + gone + dropped.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

OUTCOMES = ("emitted", "unchanged", "failed", "gone", "dropped")


def outcome_table(raw: Mapping[Any, Any]) -> dict[str, dict[str, int]]:
    """``{"<worker>|<outcome>": n}`` (Redis's hash) as ``{worker: {outcome: n}}``, every outcome present."""
    table: dict[str, dict[str, int]] = {}
    for field, value in raw.items():
        text = field.decode() if isinstance(field, bytes) else str(field)
        worker, _, outcome = text.rpartition("|")
        row = table.setdefault(worker, dict.fromkeys(OUTCOMES, 0))
        row[outcome] = row.get(outcome, 0) + int(value)
    return dict(sorted(table.items()))


def job_manifest(job: str, redis_url: str, scheduled: int, outcomes: Mapping[Any, Any], queued: int,
                 finished_at: str) -> dict[str, Any]:
    per_worker = outcome_table(outcomes)
    total = dict.fromkeys(OUTCOMES, 0)
    for row in per_worker.values():
        for outcome, count in row.items():
            total[outcome] = total.get(outcome, 0) + count
    accounted = sum(total.values())
    return {"job": job, "redis": redis_url, "finished_at": finished_at, "scheduled": scheduled,
            "workers": {worker: {**row, "total": sum(row.values())} for worker, row in per_worker.items()},
            "total": {**total, "total": accounted}, "still_queued": queued,
            "unaccounted": scheduled - accounted, "balanced": scheduled == accounted and queued == 0}


def health_line(manifest: Mapping[str, Any]) -> str:
    total = manifest["total"]
    parts = ", ".join(f"{total[o]} {o}" for o in OUTCOMES)
    state = "balanced" if manifest["balanced"] else f"NOT balanced ({manifest['unaccounted']} unaccounted)"
    return f"job {manifest['job']}: {manifest['scheduled']} articles scheduled = {parts}: {state}"


def manifest_path(data_dir: str | Path, run_date: str, job: str) -> Path:
    """Beside the run files of the day: ``articles/run_date=…/job-<job>.manifest.json``."""
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in job)
    return Path(data_dir) / "articles" / f"run_date={run_date}" / f"job-{safe}.manifest.json"
