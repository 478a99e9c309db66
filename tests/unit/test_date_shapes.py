"""Dates read by their shape agree with dateparser, and a shape is learnt only without doubt."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest

from ipgirl_crawler.languages.ui_strings import languages
from pipelines.date_shapes import DateShape, DateShapes, SpanShapes, learn_shape
from pipelines.dates import (
    _clean_visible,
    _dateparser_day,
    _has_day,
    _parser_languages,
    _relative_parser,
    parse_visible_date,
)
from tests.localsite.fmt import format_date, format_relative

# Besides the site's own format, numeric ones as each language writes them.
NUMERIC = {"en": "{m}/{d}/{y}", "fr": "{d}/{m}/{y}", "de": "{d:02}.{m:02}.{y}", "es": "{d}/{m}/{y}",
           "it": "{d}/{m}/{y}", "pt": "{d}/{m}/{y}", "ja": "{y}/{m}/{d}", "zh": "{y}-{m:02}-{d:02}",
           "ko": "{y}. {m}. {d}."}
DAYS = [date(2019, 1, 1) + timedelta(days=37 * n) for n in range(80)]  # every month and weekday, 8 years


@pytest.mark.parametrize("lang", languages())
def test_dates_read_by_shape_are_dateparsers_reading(lang: str) -> None:
    langs = _parser_languages(lang)
    texts = [format_date(datetime(day.year, day.month, day.day), lang) for day in DAYS]
    texts += [NUMERIC[lang].format(d=day.day, m=day.month, y=day.year) for day in DAYS]
    for text in texts:
        expected = _dateparser_day(text, langs)
        assert expected is not None, text
        assert parse_visible_date(text, lang) == f"{expected.isoformat()}T00:00:00Z", text


@pytest.mark.parametrize(("text", "day", "shape"), [
    ("4 juillet 2023", date(2023, 7, 4), DateShape(("day", "year"), 7)),
    ("July 14, 2023", date(2023, 7, 14), DateShape(("day", "year"), 7)),
    ("2023年7月4日", date(2023, 7, 4), DateShape(("year", "month", "day"), None)),
    ("04.07.2023", date(2023, 7, 4), DateShape(("day", "month", "year"), None)),
    ("7/4/2023", date(2023, 7, 4), DateShape(("month", "day", "year"), None)),
    # in doubt: nothing learnt
    ("2023年7月7日", date(2023, 7, 7), None),  # the day is also the month
    ("4 juillet 2023 14:30", date(2023, 7, 4), None),  # a number that is none of the three
    ("04/07/23", date(2023, 7, 4), None),  # a two-digit year
    ("4/2023", date(2023, 4, 1), None),  # no number is the day
    ("mardi", date(2023, 7, 4), None),  # no numbers
])
def test_learn_shape(text: str, day: date, shape: DateShape | None) -> None:
    assert learn_shape(text, re.findall(r"\d+", text), day) == shape


def test_a_date_its_shape_cannot_make_goes_to_the_parser() -> None:
    asked: list[str] = []

    def parse(text: str) -> date | None:
        asked.append(text)
        return {"4 juillet 2023": date(2023, 7, 4)}.get(text)

    shapes = DateShapes()
    assert shapes.read("4 juillet 2023", "fr", parse) == date(2023, 7, 4)
    assert shapes.read("9 juillet 2024", "fr", parse) == date(2024, 7, 9)  # by shape
    assert shapes.read("31 juillet 2024", "fr", parse) == date(2024, 7, 31)  # by shape
    assert shapes.read("4 juillet 2023", "de", parse) == date(2023, 7, 4)  # another language's shapes
    assert shapes.read("99 juillet 2024", "fr", parse) is None  # no such day: asked, and refused
    assert asked == ["4 juillet 2023", "4 juillet 2023", "99 juillet 2024"]


EXTRA_SPANS = {"en": ("{n} hours ago", "{n} weeks ago", "{n} minutes ago"), "fr": ("il y a {n} heures", "il y a {n} semaines"),
               "de": ("vor {n} Stunden",), "es": ("hace {n} horas",), "it": ("{n} ore fa",), "pt": ("há {n} horas",),
               "ja": ("{n}時間前", "{n}週間前"), "zh": ("{n}小时前",), "ko": ("{n}시간 전",)}
CLOCK = datetime(2026, 3, 1, 0, 30, tzinfo=timezone.utc)  # just past a month's end: spans cross it


@pytest.mark.parametrize("lang", languages())
def test_relative_dates_read_by_shape_are_dateparsers_reading(lang: str) -> None:
    langs, naive = _parser_languages(lang), CLOCK.replace(tzinfo=None)
    texts = [format_relative(n, lang) for n in range(0, 70)]
    texts += [template.format(n=n) for template in EXTRA_SPANS[lang] for n in range(1, 40)]
    for text in texts:
        data = _relative_parser(langs, naive).get_date_data(_clean_visible(text, lang))
        expected = data.date_obj.strftime("%Y-%m-%dT00:00:00Z") if _has_day(data) and data.date_obj <= naive else None
        assert parse_visible_date(text, lang, CLOCK) == expected, text


@pytest.mark.parametrize(("readings", "probe", "expected"), [
    ([("3 days ago", timedelta(days=3)), ("5 days ago", timedelta(days=5))], "40 days ago", timedelta(days=40)),
    ([("3 days ago", timedelta(days=3)), ("3 days ago", timedelta(days=3))], "40 days ago", None),  # one number: no proof
    ([("1 month ago", timedelta(days=31)), ("2 month ago", timedelta(days=59))], "4 month ago", None),  # not linear
    ([("3 days ago", None), ("5 days ago", timedelta(days=5))], "40 days ago", None),  # refused once: one reading
    ([("3 days ago", timedelta(days=3)), ("5 days ago", timedelta(days=5))], "40000 days ago", None),  # too far
])
def test_a_span_shape_is_learnt_from_two_linear_readings(readings: list[tuple[str, timedelta | None]], probe: str,
                                                          expected: timedelta | None) -> None:
    spans = SpanShapes()
    for text, span in readings:
        assert spans.read(text, "en", lambda _, span=span: span) == span
    assert spans.known(probe, "en") == expected
