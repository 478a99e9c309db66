"""The days a page states after its labels ("Updated …", a wiki footer's "last edited on …",
"Published …"; ``pages/restated``), parsed as ISO values the cross-checks compare, by the verify
pipeline in the crawl process. Its first parses of a run learn their shapes through dateparser: 1.5 s
of CPU a 1,000-article crawl (1.5 ms an article, the cross-checks' largest cost); the worker, whose
parsers are warm, would be the place, once ``ipgirl-extract`` need not pay dateparser's import for it.
"""
from __future__ import annotations

import re
from typing import Any

from pipelines.dates import parse_visible_date


_ISO_DAY = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Where a shown date ends inside the text after an "updated" label: "5 July 2023, at 08:15.",
# "March 6, 2024 (2024-03-06)", "May 2, 2024 · 3 min read".
_DATE_END = re.compile(r"\s*[(（·|•]\s*|\s+(?:at|à|um|a las|alle|às)\s+")


def _shown_update(text: str, language: str) -> str | None:
    """The day (or instant) a text after an "updated" label states: an ISO date in it as it stands,
    else the visible date it starts with. Only a date with its year: a relative one ("3 days ago")
    counts from a clock this stage no longer has."""
    machine = _ISO_DAY.search(text)
    if machine:
        return machine[0] if machine.start() == 0 else machine[1]
    if not _YEAR.search(text):
        return None
    head = _DATE_END.split(text, maxsplit=1)[0].strip(" .,")
    for candidate in dict.fromkeys((head, head.rsplit(",", 1)[0] if head.count(",") else head, text)):
        day = parse_visible_date(candidate, language)
        if day:
            return day[:10]
    return None


def update_days(statements: dict[str, Any], language: str, kind: str = "updates") -> list[str]:
    """The modification (``kind`` "updates", a wiki footer's "edits") or publication ("publications") dates the page states
    after its labels (``pages/restated``), as ISO values the cross-checks compare; ~0.2 ms a visible
    date parsed, on pages that show one."""
    found = (_shown_update(text, language) for text in statements.get(kind) or () if isinstance(text, str))
    return list(dict.fromkeys(day for day in found if day))


def stated_days(statements: dict[str, Any], language: str, published: object) -> dict[str, list[str]]:
    """{"update_days", "edit_days"[, "published_days"]: the ISO days stated}, the empty ones left out;
    the publication is what an update is later than: parsed only where the item has none."""
    parsed = {"update_days": update_days(statements, language), "edit_days": update_days(statements, language, "edits")}
    if (parsed["update_days"] or parsed["edit_days"]) and not published:
        parsed["published_days"] = update_days(statements, language, "publications")
    return {name: value for name, value in parsed.items() if value}
