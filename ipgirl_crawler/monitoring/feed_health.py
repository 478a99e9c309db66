"""Storing the data is part of a run's health: a feed that could not be stored fails the run."""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.output.feeds import FAILED_FEEDS_KEY

SCRAPY_FAILED_PREFIX = "feedexport/failed_count/"


def feed_failures(stats: dict[str, Any]) -> list[str]:
    """One sentence per feed that was not stored: named by our file storage (``FAILED_FEEDS_KEY``),
    or only counted by Scrapy (``feedexport/failed_count/<storage>``) for its other storages."""
    named = [str(entry) for entry in stats.get(FAILED_FEEDS_KEY) or []]
    counted = sum(v for k, v in stats.items() if k.startswith(SCRAPY_FAILED_PREFIX) and isinstance(v, int))
    found = [f"feed not stored: {entry}" for entry in named]
    if counted > len(named):
        found.append(f"{counted - len(named)} feed(s) not stored (see 'Error storing' in the log)")
    return found
