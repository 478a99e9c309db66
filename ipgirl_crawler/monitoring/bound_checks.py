"""Monitor checks of the run's bounds (``run/bounds.py``): a bound that cut the run short fails it by name."""
from __future__ import annotations

from typing import Any

PREFIX = "ipgirl/bounds/"
# name -> (setting, what its count means)
BOUNDS = {
    "run_deadline": ("IPGIRL_RUN_DEADLINE", "the run was stopped after {n} s"),
    "discovery_deadline": ("IPGIRL_DISCOVERY_DEADLINE", "{n} listing pages or sitemaps not followed after the deadline"),
    "listing_page": ("IPGIRL_MAX_LISTING_PAGE", "{n} listing pages past the highest page number not followed"),
    "listings": ("IPGIRL_MAX_LISTINGS", "{n} listing pages not followed, the run's allowance spent"),
    "sitemaps": ("IPGIRL_MAX_SITEMAPS", "{n} sitemaps not read, the run's allowance spent"),
    "sitemap_depth": ("IPGIRL_SITEMAP_DEPTH", "{n} sitemaps nested deeper than allowed not read"),
}


def bound_failures(stats: dict[str, Any]) -> list[str]:
    """A monitor failure for each bound that cut the run short, naming it and its setting."""
    return [f"run cut short by bound {name} ({setting}): {what.format(n=stats[PREFIX + name])}"
            for name, (setting, what) in BOUNDS.items() if stats.get(PREFIX + name)]
