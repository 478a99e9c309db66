"""What the monitors and the report read of dead links (``run/deadlinks.py`` counts them): the
stats' names, and a source flagged as mostly dead as one monitor failure."""
from __future__ import annotations

from typing import Any

DEAD_LINKS_STAT = "ipgirl/discovery/dead_links"
FLOODS_STAT = "ipgirl/discovery/dead_link_floods"
NOT_FOLLOWED_STAT = FLOODS_STAT + "/not_followed"
MAX_FLOODS_SHOWN = 5  # sources named in the stats and the monitor: the count says the rest


def flood_text(flood: dict[str, Any], max_rate: float) -> str:
    """One flagged source as the monitor says it."""
    rest = f", {flood['not_followed']:,} more not followed" if flood["not_followed"] else ""
    links = "sitemap URLs" if flood["kind"] == "sitemap" else "links of a listing page"
    return f"{flood['dead']:,} of {flood['answered']:,} {links} dead (maximum {max_rate:.0%}){rest}: {flood['url']}"


def flood_failures(stats: dict[str, Any], thresholds: dict[str, Any]) -> list[str]:
    floods = stats.get(FLOODS_STAT) or []
    shown = [flood_text(flood, thresholds["max_dead_link_rate"]) for flood in floods[:MAX_FLOODS_SHOWN]]
    more = stats.get(FLOODS_STAT + "/count", len(floods)) - len(shown)
    return shown + ([f"{more} more sources with mostly dead links"] if more > 0 else [])
