"""Monitor checks of the archive: pages it could not keep, archived pages a replay could not read."""
from __future__ import annotations

from typing import Any

WRITE_ERRORS = "ipgirl/archive/write_errors"
REPLAY_TORN = "ipgirl/replay/torn_records"
REPLAY_OVERSIZED = "ipgirl/replay/oversized_records"


def archive_failures(stats: dict[str, Any]) -> list[str]:
    """The failed checks, one sentence each (pure over the run's stats)."""
    failed = []
    if errors := stats.get(WRITE_ERRORS, 0):
        failed.append(f"{errors} pages could not be written to the archive (see the log)")
    if torn := stats.get(REPLAY_TORN, 0):
        failed.append(f"{torn} archived records were torn or damaged: their pages were not replayed")
    if oversized := stats.get(REPLAY_OVERSIZED, 0):
        failed.append(f"{oversized} archived records were over DOWNLOAD_MAXSIZE (inflated, or by their Content-Length): "
                      "their pages were not replayed")
    return failed
