"""Publication dates: machine-readable ISO 8601, visible localized text, HTTP ``Date``.

Every result is an ISO 8601 UTC string such as ``2023-07-04T06:15:00Z``. A
visible date only names a day, so it gives that day at ``T00:00:00Z``; a
relative one ("il y a 3 jours") counts back from the response's ``Date``, unless that clock is
more than a day from ours (``CLOCK_SKEW``): then from ours. No date is after ``crawled_at``.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ipgirl_crawler.languages.rules import CJK_WEEKDAYS, DATE_ORDER
from ipgirl_crawler.languages.ui_strings import DEFAULT_UI_LANGUAGE, all_ui_variants, languages, ui_variants
from pipelines.base import PagePipeline
from pipelines.date_shapes import DateShapes, SpanShapes

if TYPE_CHECKING:  # dateparser is imported by the first parser made (_date_parser): see there
    from dateparser.date import DateData, DateDataParser

logger = logging.getLogger(__name__)
ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# A site's Date header this far from our clock is a wrong clock (a server in 2099 or 1996), not
# the reference for "3 days ago". And a date this far after the crawl is no publication date: a day,
# as a visible day at T00:00Z in a zone ahead of UTC (up to +14 h) is after the crawl's instant.
CLOCK_SKEW = timedelta(days=1)
FUTURE_TOLERANCE = timedelta(days=1)
# Outside this window a date is a placeholder (0001-01-01, the epoch) or garbage.
MIN_YEAR, MAX_YEAR = 1990, 2100
MAX_VISIBLE_CHARS = 200
MAX_MACHINE_CHARS = 64
LABEL_KEYS = ("published", "updated")

_BASE_SETTINGS: dict[str, Any] = {
    # Results are compared and formatted as UTC; never let the host's zone in.
    "TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # A month or a year alone ("July 2023") is not a publication day.
    "REQUIRE_PARTS": ["day", "month", "year"],
}
_ABSOLUTE_SETTINGS: dict[str, Any] = {
    **_BASE_SETTINGS,
    # No 'timestamp' / 'no-spaces-time': digit runs are ids or counts, not dates.
    "PARSERS": ["absolute-time"],
}
_RELATIVE_SETTINGS: dict[str, Any] = {
    **_BASE_SETTINGS,
    "PARSERS": ["relative-time"],
    # dateparser reads a bare duration ("5 min", "5分钟") as that long ago;
    # preferring the future makes only an explicit "ago" land in the past.
    "PREFER_DATES_FROM": "future",
}

_REQUIRED_PARTS = frozenset(("year", "month", "day"))
_WHITESPACE = re.compile(r"\s+")
# Pages drop or add the space between a number and a CJK unit ("3 일 전");
# dateparser only knows the form without it.
_DIGIT_SPACE_CJK = re.compile(r"(?<=\d) (?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])")


def _iso(moment: datetime) -> str:
    return moment.strftime(ISO_FORMAT)


_ISO_SHAPE = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z")


def from_iso(value: str) -> datetime:
    """``datetime.strptime(value, ISO_FORMAT)`` in UTC. What ``_iso`` writes is read field by field:
    strptime cost ~17 us a call, three a page (1 % of a site page); any other shape is left to it."""
    match = _ISO_SHAPE.fullmatch(value)
    if match is None:
        return datetime.strptime(value, ISO_FORMAT).replace(tzinfo=timezone.utc)
    year, month, day, hour, minute, second = map(int, match.groups())
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)


def _iso_day(day: date) -> str | None:
    return f"{day.isoformat()}T00:00:00Z" if MIN_YEAR <= day.year <= MAX_YEAR else None


def parse_machine_date(value: str | None) -> str | None:
    """ISO 8601 from ``time[datetime]`` / JSON-LD / ``article:published_time`` -> UTC."""
    if not value or len(value) > MAX_MACHINE_CHARS:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().upper())
        if moment.tzinfo is None:
            # Without an offset, UTC is the one reading that does not depend on our host.
            moment = moment.replace(tzinfo=timezone.utc)
        moment = moment.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        return None
    return _iso(moment) if MIN_YEAR <= moment.year <= MAX_YEAR else None


def parse_response_date(header: bytes | str | None) -> datetime | None:
    """The HTTP ``Date`` header (RFC 7231) as an aware UTC datetime."""
    if not header:
        return None
    text = header.decode("latin-1") if isinstance(header, bytes) else header
    try:
        moment = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        # RFC 7231 dates are GMT; "-0000" comes back naive.
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return moment if MIN_YEAR <= moment.year <= MAX_YEAR else None


def _base_language(lang: str | None) -> str | None:
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


def _parser_languages(lang: str | None) -> tuple[str, ...]:
    """The page's language and English, or every site language when it is unknown.

    The parsers keep this order (``use_given_order``): dateparser would otherwise
    try its own global order first, English before the page's language.
    """
    base = _base_language(lang)
    if base in languages():
        return tuple(dict.fromkeys((base, DEFAULT_UI_LANGUAGE)))
    return tuple(dict.fromkeys((DEFAULT_UI_LANGUAGE, *languages())))


def _settings(langs: tuple[str, ...], base: dict[str, Any]) -> dict[str, Any]:
    # With every site language in play (page language unknown) no one order is right.
    order = DATE_ORDER.get(langs[0]) if len(langs) <= 2 else None
    return {**base, "DATE_ORDER": order} if order else dict(base)


def _date_parser(langs: tuple[str, ...], settings: dict[str, Any]) -> DateDataParser:
    # Imported here: most pages' dates are read by their shapes (date_shapes.py) and never reach
    # dateparser, whose import is ~0.17 s of CPU: ipgirl-extract's first line and the crawl process
    # (which loads this module for its pipeline class) need not pay it. The workers' fork server
    # does, once (workers/warm.py).
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(langs), use_given_order=True, settings=settings)


@lru_cache(maxsize=None)
def _absolute_parser(langs: tuple[str, ...]) -> DateDataParser:
    return _date_parser(langs, _settings(langs, _ABSOLUTE_SETTINGS))


@lru_cache(maxsize=32)
def _relative_parser(langs: tuple[str, ...], now: datetime) -> DateDataParser:
    # RELATIVE_BASE is fixed at construction, so one parser per response clock.
    return _date_parser(langs, {**_settings(langs, _RELATIVE_SETTINGS), "RELATIVE_BASE": now})


@lru_cache(maxsize=64)
def _label_pattern(lang: str | None) -> re.Pattern[str]:
    """Leading "Published on" / "Publié le" / "公開日：" labels, page language and English."""
    base = _base_language(lang)
    found = [
        label
        for key in LABEL_KEYS
        for label in (ui_variants(base, key) if base in languages() else all_ui_variants(key))
    ]
    labels = {_normalize(label).rstrip(":").strip() for label in found}
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\s*:?\s*", re.IGNORECASE)


def _normalize(text: str) -> str:
    # NFKC turns full-width digits and "：" into ASCII, as dateparser expects.
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


_LEADING_SEPARATORS = " ·|•,–—"
# A CJK weekday after the day, in any of the languages that write one (a page's language may be unknown).
_CJK_WEEKDAY = re.compile(r"[\s(（]*(?:" + "|".join(CJK_WEEKDAYS.values()) + r")[)）]?$")


def _clean_visible(text: str, lang: str | None) -> str:
    # "· Updated May 24, 2023": a byline's part shown on its own keeps the separator before its label
    text = _label_pattern(lang).sub("", _normalize(text).lstrip(_LEADING_SEPARATORS), count=1)
    return _CJK_WEEKDAY.sub("", _DIGIT_SPACE_CJK.sub("", text)).strip(" ·|•,")


def _has_day(data: DateData) -> bool:
    return data.date_obj is not None and _REQUIRED_PARTS <= set(data.parts)


_SHAPES = DateShapes()
_SPANS = SpanShapes()


@lru_cache(maxsize=2048)
def _absolute_day(text: str, langs: tuple[str, ...]) -> date | None:
    # Independent of the clock (every part is required), so safe to memoize.
    return _SHAPES.read(text, langs, lambda new: _dateparser_day(new, langs))


def _dateparser_day(text: str, langs: tuple[str, ...]) -> date | None:
    data = _absolute_parser(langs).get_date_data(text)
    return data.date_obj.date() if _has_day(data) else None


@lru_cache(maxsize=1024)
def _relative_day(text: str, langs: tuple[str, ...], now: datetime) -> date | None:
    # Keyed by the exact clock (whole seconds): pages answered in the same second share "3 days ago".
    data = _relative_parser(langs, now).get_date_data(text)
    if not _has_day(data) or data.date_obj > now:
        return None
    return data.date_obj.date()


# Two clocks far apart, in months of different lengths: a text that counts back as far from both
# counts back a fixed span ("3 days ago"); one that does not counts in months or years.
_PROBE_CLOCKS = (datetime(2026, 1, 31, 12, 0, 0), datetime(2026, 3, 15, 5, 37, 0))


@lru_cache(maxsize=1024)
def _fixed_span(text: str, langs: tuple[str, ...]) -> timedelta | None:
    """How far back ``text`` counts when that is the same from any clock ("3 days ago", "hier");
    None for months or years ("il y a 2 mois"), or when it is no relative date. dateparser reads
    each such text twice, once per probe clock, instead of once per response clock."""
    spans = set()
    for clock in _PROBE_CLOCKS:
        data = _relative_parser(langs, clock).get_date_data(text)
        if not _has_day(data):
            return None
        spans.add(clock - data.date_obj)
    return spans.pop() if len(spans) == 1 else None


def _naive_utc(now: datetime | None) -> datetime:
    moment = now or datetime.now(timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    # Whole seconds, as in a Date header, so the per-clock parser cache hits.
    return moment.replace(microsecond=0)


def _visible_day(text: str, langs: tuple[str, ...], now: datetime | None) -> date | None:
    """An absolute day, or a relative one: counted back a fixed span from ``now`` when the text
    counts back the same from any clock, else read by dateparser from ``now`` itself."""
    span = _SPANS.known(text, langs)  # a relative shape: no absolute reading to try
    if span is None:
        day = _absolute_day(text, langs)
        if day is not None:
            return day
        span = _SPANS.read(text, langs, lambda new: _fixed_span(new, langs))
    clock = _naive_utc(now)
    return (clock - span).date() if span is not None and span >= timedelta(0) else _relative_day(text, langs, clock)


def parse_visible_date(
    text: str | None, lang: str | None = None, now: datetime | None = None
) -> str | None:
    """A visible date ("4 juillet 2023", "3日前") as that UTC day at ``T00:00:00Z``.

    ``now`` is the response's ``Date`` (aware UTC); relative dates count back from it.
    """
    if not text or len(text) > MAX_VISIBLE_CHARS:
        return None
    cleaned = _clean_visible(text, lang)
    if not cleaned:
        return None
    day = _visible_day(cleaned, _parser_languages(lang), now)
    return _iso_day(day) if day else None


def warm_up(langs: tuple[str, ...]) -> None:
    """Load what dateparser loads on first use for each language (about 20 ms a language), as a
    fresh extraction worker would on its first pages."""
    now = _naive_utc(None)
    for lang in langs:
        _absolute_parser(_parser_languages(lang)).get_date_data("0")
        _relative_parser(_parser_languages(lang), now).get_date_data("0")


def reference_clock(site: datetime | None, ours: datetime) -> tuple[datetime, bool]:
    """(the clock relative dates count back from, whether the site's was refused as skewed):
    the site's ``Date`` when it is within ``CLOCK_SKEW`` of ours, else ours."""
    if site is not None and abs(site - ours) <= CLOCK_SKEW:
        return site, False
    return ours, site is not None


def after_crawl(value: str | None, crawled: datetime) -> bool:
    """A date later than the crawl (beyond ``FUTURE_TOLERANCE``): not a publication date."""
    return value is not None and from_iso(value) > crawled + FUTURE_TOLERANCE


class DatesPipeline(PagePipeline):
    """published_at / modified_at in UTC from machine-readable or visible (also relative) dates."""

    name = "dates"
    skew_logged = False  # a skewed site clock is logged once a process, counted on every page

    def process_article(self, item: Any) -> Any:
        crawled = parse_machine_date(item.pop("received_at", None) or item.get("crawled_at"))
        ours = from_iso(crawled) if crawled else datetime.now(timezone.utc)
        site = parse_response_date(item.get("response_date"))
        now, skewed = reference_clock(site, ours)
        item.pop("response_date", None)
        if skewed:
            self._skewed(site, ours)  # type: ignore[arg-type]
        lang = item.get("language")
        for field in ("published_at", "modified_at"):
            raw = item.pop("modified_at_raw", None) if field == "modified_at" else item.get("published_at_raw")
            machine = parse_machine_date(raw)
            value = machine or (parse_visible_date(raw, lang, now) if raw else None)
            kind = "machine" if machine else "visible" if value else "unparsed" if raw else "absent"
            if after_crawl(value, ours):  # invalid, as a year 90000 is: null and counted
                kind, value = "invalid_after_crawl", None
            item[field] = value
            self.count(f"{field}/{kind}")
        return item

    def _skewed(self, site: datetime, ours: datetime) -> None:
        self.count("clock_skew")
        if not DatesPipeline.skew_logged:
            DatesPipeline.skew_logged = True
            logger.warning("The site's clock is %.1f days from ours (its Date header says %s): relative dates "
                           "count from ours (ipgirl/dates/clock_skew counts the pages)",
                           (site - ours).total_seconds() / 86400, _iso(site))
