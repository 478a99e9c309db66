"""How two statements of one fact are compared: text normalised as a reader would compare it.

NFC, whitespace collapsed and case folded for every text; snippets also lose their ellipsis
("…", "...") and the punctuation a cut leaves behind. Dates compare as UTC instants, a day-only
statement as a day. Pure functions, table-tested (tests/unit/test_verify_match.py).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ipgirl_crawler.pages.byline import looks_like_date, looks_like_reading_time

# What may stand between a card's parts read as one text ("Title — Snippet…", "Snippet · March 23").
CARD_GLUE = " \t-–—:·|•"

# What a cut snippet may end with once its ellipsis is gone (the localsite's and most CMSs' set).
_SNIPPET_END = " .,;:!?-–—…·|/'\"«»“”‘’"
# "Title | IPGirl", "Title - IPGirl": the site's name after a title in <title>-like metadata.
_TITLE_SUFFIX = re.compile(r"\s[|\-–—·:]\s[^|\-–—·:]{1,30}$")
# The widest offsets from UTC of a local time (UTC-12:00 … UTC+14:00).
_BEHIND, _AHEAD = timedelta(hours=14), timedelta(hours=12)
_SLACK = timedelta(hours=1)
_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A card's figures read into its snippet: after the snippet's last sentence end or ellipsis, two or
# more bare figures and nothing else ("…scanned documents. 15 4.5k 22d": replies, views, age; held-out
# forum design Z, every card of its 23 pages). Prose never ends in figures after its last sentence.
_GLUED_FIGURES = re.compile(r"(?:[.!?…。！？])(?:\s+\d[\d.,]*[^\W\d_]{0,2}){2,}\s*$")


def norm(value: object) -> str:
    """A text as compared: NFC, whitespace runs one space, case folded."""
    return _norm(value) if isinstance(value, str) else ""


# The checks compare the same titles, categories and snippets again and again (each card, each
# teaser, each of an article's statements): 87,000 calls on a 1,000-article run, ~1,800 texts.
@lru_cache(maxsize=1 << 15)
def _norm(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split()).casefold()


def norm_snippet(value: object) -> str:
    """A snippet as compared: ``norm`` without a trailing ellipsis and what a cut leaves."""
    return _norm_snippet(value) if isinstance(value, str) else ""


@lru_cache(maxsize=1 << 15)
def _norm_snippet(value: str) -> str:
    return _norm(value).removesuffix("…").removesuffix("...").rstrip(_SNIPPET_END)


def glued_figures(snippet: object) -> str | None:
    """The figures a card's snippet ends with after its last sentence or ellipsis (``_GLUED_FIGURES``), or None."""
    found = _GLUED_FIGURES.search(snippet) if isinstance(snippet, str) else None
    return found[0][1:].strip() if found else None


def same_text(a: object, b: object) -> bool:
    return bool(norm(a)) and norm(a) == norm(b)


def same_title(item_title: object, statement: object) -> bool:
    """The statement is the title, or the title followed by the site's name (``og:title`` style)."""
    mine, theirs = norm(item_title), norm(statement)
    if not mine or not theirs:
        return False
    return mine == theirs or (theirs.startswith(mine) and bool(_TITLE_SUFFIX.fullmatch(theirs[len(mine):])))


def is_prefix_snippet(snippet: object, *texts: object) -> bool:
    """``snippet`` (ellipsis stripped) starts one of ``texts``: a card's or teaser's cut text."""
    cut = norm_snippet(snippet)
    return bool(cut) and any(norm(text).startswith(cut) for text in texts if text)


def same_people(a: list[str] | None, b: list[str] | None) -> bool:
    return bool(a) and sorted(norm(n) for n in a or []) == sorted(norm(n) for n in b or [])


def people_agree(item: object, stated: object) -> bool | None:
    """The same people; or nothing to say when the statement names the item's first authors and no
    more (a meta author naming the account that posted a co-written story: era AB, 31 of 120 pages)."""
    if same_people(item, stated):
        return True
    named, shown = [norm(n) for n in item or []], [norm(n) for n in stated or []]
    return None if shown and len(shown) < len(named) and named[:len(shown)] == shown else False


def card_without_category(cards: list[Any]) -> str | None:
    """The URL of a card read without a category when other cards of its list show one: a list's
    cards show the same parts (era AB: each preview card's category label stands over it, the
    first one missed on every page went unnamed, estimated 100 % for 42 % right)."""
    bare = [card for card in cards if isinstance(card, dict) and not card.get("category")]
    return str(bare[0].get("url")) if bare and len(bare) < len(cards) else None


def parse_instant(value: object) -> tuple[datetime, bool] | None:
    """(UTC instant, day only?) of an ISO 8601 date or date-time; None when it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        if _DAY_ONLY.match(text):
            return datetime.combine(date.fromisoformat(text), datetime.min.time(), timezone.utc), True
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:  # a local time without offset states the day, not the instant
        return datetime.combine(moment.date(), datetime.min.time(), timezone.utc), True
    return moment.astimezone(timezone.utc), False


def same_instant(item_value: object, statement: object) -> bool | None:
    """Whether the item's ``published_at`` agrees with a stated date: the same instant (to the
    minute) for a full date-time; for a day-only statement the same day when the item holds a day.
    A day-only statement cannot confirm an item's time of day (the page's offset is unknown: its
    local day spans UTC instants from 14 h before its start to 12 h after its end, so a day's shift
    would pass as often as not); it contradicts one outside that span. None: not comparable."""
    mine, theirs = parse_instant(item_value), parse_instant(statement)
    if mine is None or theirs is None:
        return None
    (ours, _), (stated, day_only) = mine, theirs
    if not day_only:
        return abs((ours - stated).total_seconds()) < 60
    if ours.time() == datetime.min.time():
        return ours.date() == stated.date()
    if stated - _BEHIND <= ours < stated + timedelta(days=1) + _AHEAD:
        return None
    return False


def not_after(item_value: object, lastmod: object) -> bool | None:
    """The sitemap's ``lastmod`` is not before the publication: for two instants, with an hour's
    slack (a CMS that stamps its sitemap as it saves, a little before the article goes out); where
    either is a day only (a day-only ``lastmod``, or a ``published_at`` at 00:00, a local day), by
    the widest span of that local day (UTC-12 to UTC+14). None: not comparable."""
    mine, theirs = parse_instant(item_value), parse_instant(lastmod)
    if mine is None or theirs is None:
        return None
    (ours, _), (stated, day_only) = mine, theirs
    if day_only:
        stated += timedelta(days=1) + _AHEAD
    elif ours.time() == datetime.min.time():
        stated += _BEHIND
    return ours <= stated + _SLACK


# The sitemap's lastmod is the day of the article's last change, in some local time: a value within
# this of it names that day (the local site's lastmods fall 7-24 h off the day they state).
_LASTMOD_DAY = timedelta(hours=38)


def last_change_day(value: object, lastmod: object) -> bool | None:
    """Whether the sitemap's ``lastmod`` names the day of ``value`` (a modification, or a publication
    never modified since): within ``_LASTMOD_DAY`` of it. None: not comparable."""
    mine, theirs = parse_instant(value), parse_instant(lastmod)
    if mine is None or theirs is None:
        return None
    return abs(mine[0] - theirs[0]) <= _LASTMOD_DAY


def url_language(url: object) -> str | None:
    """The language segment of a site URL (``/fr/…``)."""
    return _url_language(url) if isinstance(url, str) else None


@lru_cache(maxsize=1 << 16)  # each hreflang URL is asked for by each page listing it and each check
def _url_language(url: str) -> str | None:
    match = re.match(r"^/([a-z]{2})(?:/|$)", urlsplit(url).path)
    return match[1] if match else None


def url_section(url: object) -> str | None:
    """The second path segment of an article URL (``/fr/ai/48213-…`` → ``ai``)."""
    if not isinstance(url, str):
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[1] if len(parts) >= 3 else None


def is_date_line(text: str, language: str) -> bool:
    """Each piece of ``text`` ("March 23, 2025", "March 23, 2025 · 5 min read") a date or a reading time."""
    pieces = [p.strip() for p in text.replace("·", "|").replace("•", "|").split("|") if p.strip()]
    return bool(pieces) and all(looks_like_date(p, language) or looks_like_reading_time(p, language) for p in pieces)
