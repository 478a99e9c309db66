"""A wiki's footer line "This page was last edited on 24 July 2025, at 09:35": the day the page last
changed. It is a modification only when it is not the publication's own day (an unrevised page's
footer names the day it was written)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from lxml.html import HtmlElement

from ipgirl_crawler.languages.rules import WIKI_LAST_EDITED
from ipgirl_crawler.pages.dom import text_of

# A publication moment with its time of day (ISO 8601), as metadata states it.
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# The footer line is short; a paragraph that happens to say "last edited on" is no footer line.
MAX_LINE_CHARS = 160


@lru_cache(maxsize=16)
def _patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(WIKI_LAST_EDITED[code]) for code in dict.fromkeys((lang, "en")) if code in WIKI_LAST_EDITED)


def last_edited_text(root: HtmlElement, lang: str) -> str | None:
    """The date part of the page's "last edited on …" line, searched in its footers."""
    for footer in root.iter("footer"):
        for line in footer.iter("li", "p", "div", "span"):
            text = text_of(line)
            if len(text) > MAX_LINE_CHARS or len(line) and any(child.tag in ("li", "p", "div") for child in line):
                continue
            for pattern in _patterns(lang):
                match = pattern.search(text)
                if match:
                    return match["date"]
    return None


def _day(text: str, lang: str) -> date | None:
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text[:10])
    # Imported here, as pipelines/dates.py does: ~0.17 s of CPU that a page without such a footer (ipgirl-extract's
    # first line, the crawl process) need not pay.
    import dateparser

    # the interface may speak English on a page of another language (a wiki's user language)
    parsed = dateparser.parse(text, languages=list(dict.fromkeys((lang, "en"))),
                              settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if isinstance(parsed, datetime) else None


def edited_after(edited: str | None, published: str | None, lang: str) -> str | None:
    """The edit's day (ISO) when it is a later day than the publication's, else None. The footer's
    day is the wiki's local one: against a publication moment in UTC it may run a day ahead (an
    unrevised page of UTC+9 read as revised on 5 of 120 era AC pages), so then it must be two days on."""
    if not edited or not published:
        return None
    edited_day, published_day = _day(edited, lang), _day(published, lang)
    slack = timedelta(days=1) if _MOMENT.match(published) else timedelta(0)
    if edited_day is None or published_day is None or edited_day <= published_day + slack:
        return None
    return edited_day.isoformat()
