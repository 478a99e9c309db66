"""The stats of a whole run, across the segments an interruption splits it into.

A run stopped by SIGTERM or ``kill -9`` is resumed by the next start (``StateStore.begin_run``);
each segment is a new process whose Scrapy stats start at zero. So that the run's ``stats.json``,
summary and monitors cover the whole run (as its manifest does), the stats so far are kept in the
site's state directory (``run-stats.json``) each time a batch is committed and when a segment
ends, and a resumed run adds its own to them.
"""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from ipgirl_crawler.output.files import create_part

FILE_NAME = "run-stats.json"
SEGMENTS_KEY = "ipgirl/run/segments"
# Stats that are not totals: the first segment's value stands, or the largest one.
FIRST_VALUE = frozenset({"start_time", "memusage/startup"})
LARGEST_SUFFIX = "/max"


def load_earlier(state_dir: Path, run_id: str) -> dict[str, Any]:
    """The stats of the run's earlier segments (empty for a new run or an unreadable file)."""
    try:
        saved = json.loads((state_dir / FILE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict) or saved.get("run_id") != run_id or not isinstance(saved.get("stats"), dict):
        return {}
    return saved["stats"]


def save(state_dir: Path, run_id: str, stats: dict[str, Any]) -> None:
    """Keep the run's stats so far (atomically: a crash leaves the previous version)."""
    path = state_dir / FILE_NAME
    part, handle = create_part(path, text=True)  # never a fixed name a link could be planted at
    with handle:
        json.dump({"run_id": run_id, "stats": stats}, handle, ensure_ascii=False, sort_keys=True, default=_encode)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, path)


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def merged(earlier: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """The whole run's stats: counters added up, maxima kept, the first start time, this
    segment's value for everything else (finish reason and time); ``SEGMENTS_KEY`` counts them."""
    whole = dict(earlier)
    for key, value in current.items():
        before = earlier.get(key)
        if key in FIRST_VALUE and before is not None:
            continue
        if _is_number(value) and _is_number(before):
            whole[key] = max(before, value) if key.endswith(LARGEST_SUFFIX) else before + value
        else:
            whole[key] = value
    whole[SEGMENTS_KEY] = (earlier.get(SEGMENTS_KEY) or 1) + 1 if earlier else 1
    return whole
