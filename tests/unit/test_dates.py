from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ipgirl_crawler.languages.ui_strings import languages
from pipelines.dates import (
    ISO_FORMAT,
    from_iso,
    parse_machine_date,
    parse_response_date,
    parse_visible_date,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
NBSP = "\u00a0"

ABSOLUTE: list[tuple[str, str, str]] = [
    ("en", "July 4, 2023", "2023-07-04T00:00:00Z"),
    ("en", "4 July 2023", "2023-07-04T00:00:00Z"),
    ("en", "Jul 4, 2023", "2023-07-04T00:00:00Z"),
    ("en", "Tuesday, July 4, 2023", "2023-07-04T00:00:00Z"),
    ("fr", "4 juillet 2023", "2023-07-04T00:00:00Z"),
    ("fr", "1er juillet 2023", "2023-07-01T00:00:00Z"),
    ("fr", "mardi 4 juillet 2023", "2023-07-04T00:00:00Z"),
    ("de", "7. Juni 2024", "2024-06-07T00:00:00Z"),
    ("de", "04.07.2023", "2023-07-04T00:00:00Z"),
    ("es", "4 de julio de 2023", "2023-07-04T00:00:00Z"),
    ("it", "4 luglio 2023", "2023-07-04T00:00:00Z"),
    ("pt", "4 de julho de 2023", "2023-07-04T00:00:00Z"),
    ("ja", "2023年7月4日", "2023-07-04T00:00:00Z"),
    ("ja", "２０２３年７月４日", "2023-07-04T00:00:00Z"),
    ("zh", "2023年7月4日", "2023-07-04T00:00:00Z"),
    ("zh", "2023年07月04日", "2023-07-04T00:00:00Z"),
    ("ko", "2023년 7월 4일", "2023-07-04T00:00:00Z"),
    ("ko", "2023. 7. 4.", "2023-07-04T00:00:00Z"),
]

RELATIVE: list[tuple[str, str, str]] = [
    ("en", "3 days ago", "2026-11-17T00:00:00Z"),
    ("en", "yesterday", "2026-11-19T00:00:00Z"),
    ("en", "today", "2026-11-20T00:00:00Z"),
    ("en", "2 weeks ago", "2026-11-06T00:00:00Z"),
    ("en", "13 hours ago", "2026-11-19T00:00:00Z"),
    ("fr", "il y a 3 jours", "2026-11-17T00:00:00Z"),
    ("fr", "hier", "2026-11-19T00:00:00Z"),
    ("de", "vor 3 Tagen", "2026-11-17T00:00:00Z"),
    ("de", "gestern", "2026-11-19T00:00:00Z"),
    ("es", "hace 3 días", "2026-11-17T00:00:00Z"),
    ("es", "ayer", "2026-11-19T00:00:00Z"),
    ("it", "3 giorni fa", "2026-11-17T00:00:00Z"),
    ("it", "ieri", "2026-11-19T00:00:00Z"),
    ("pt", "há 3 dias", "2026-11-17T00:00:00Z"),
    ("pt", "ontem", "2026-11-19T00:00:00Z"),
    ("ja", "3日前", "2026-11-17T00:00:00Z"),
    ("ja", "昨日", "2026-11-19T00:00:00Z"),
    ("zh", "3天前", "2026-11-17T00:00:00Z"),
    ("zh", "3 天前", "2026-11-17T00:00:00Z"),
    ("zh", "昨天", "2026-11-19T00:00:00Z"),
    ("ko", "3일 전", "2026-11-17T00:00:00Z"),
    ("ko", "3 일 전", "2026-11-17T00:00:00Z"),
    ("ko", "어제", "2026-11-19T00:00:00Z"),
]


@pytest.mark.parametrize("table", [ABSOLUTE, RELATIVE])
def test_tables_cover_every_site_language(table: list[tuple[str, str, str]]) -> None:
    assert {lang for lang, _, _ in table} == set(languages())


@pytest.mark.parametrize(("lang", "text", "expected"), ABSOLUTE + RELATIVE)
def test_visible_dates_in_every_language(lang: str, text: str, expected: str) -> None:
    assert parse_visible_date(text, lang, NOW) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), ABSOLUTE)
def test_absolute_dates_do_not_depend_on_the_clock(lang: str, text: str, expected: str) -> None:
    assert parse_visible_date(text, lang, None) == expected
    assert parse_visible_date(text, lang, NOW + timedelta(days=400)) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "4 juillet 2023", "2023-07-04T00:00:00Z"),  # English fallback order
        ("de", "July 4, 2023", "2023-07-04T00:00:00Z"),  # English UI on a German page
        ("ja", "3 days ago", "2026-11-17T00:00:00Z"),
        (None, "il y a 3 jours", "2026-11-17T00:00:00Z"),  # unknown page language
        (None, "2023年7月4日", "2023-07-04T00:00:00Z"),
        ("fr-FR", "hier", "2026-11-19T00:00:00Z"),
        ("zh-CN", "3天前", "2026-11-17T00:00:00Z"),
        ("xx", "4 juillet 2023", "2023-07-04T00:00:00Z"),
        ("fr", f"4{NBSP}juillet{NBSP}2023", "2023-07-04T00:00:00Z"),
        ("fr", "  4 juillet\n 2023 ", "2023-07-04T00:00:00Z"),
        ("fr", "04/07/2023", "2023-07-04T00:00:00Z"),  # day first in French
        ("en", "07/04/2023", "2023-07-04T00:00:00Z"),  # month first in English
        ("ja", "2023/07/04", "2023-07-04T00:00:00Z"),
        ("en", "July 4, 2023 at 10:00", "2023-07-04T00:00:00Z"),  # time dropped: a day
    ],
)
def test_language_hints_and_spacing(lang: str | None, text: str, expected: str) -> None:
    assert parse_visible_date(text, lang, NOW) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Published on July 4, 2023", "2023-07-04T00:00:00Z"),
        ("en", "Updated 3 days ago", "2026-11-17T00:00:00Z"),
        ("en", "Updated: July 4, 2023", "2023-07-04T00:00:00Z"),
        ("fr", "Publié le 4 juillet 2023", "2023-07-04T00:00:00Z"),
        ("fr", "Published on 4 juillet 2023", "2023-07-04T00:00:00Z"),
        ("fr", "Mis à jour il y a 3 jours", "2026-11-17T00:00:00Z"),
        ("de", "Veröffentlicht am 7. Juni 2024", "2024-06-07T00:00:00Z"),
        ("de", "Aktualisiert: 04.07.2023", "2023-07-04T00:00:00Z"),
        ("es", "Publicado el 4 de julio de 2023", "2023-07-04T00:00:00Z"),
        ("it", "Pubblicato il 4 luglio 2023", "2023-07-04T00:00:00Z"),
        ("pt", "Publicado em 4 de julho de 2023", "2023-07-04T00:00:00Z"),
        ("ja", "公開日：2023年7月4日", "2023-07-04T00:00:00Z"),
        ("ja", "更新日：3日前", "2026-11-17T00:00:00Z"),
        ("zh", "发布于 2023年7月4日", "2023-07-04T00:00:00Z"),
        ("ko", "게시일: 2023년 7월 4일", "2023-07-04T00:00:00Z"),
        (None, "Veröffentlicht am 7. Juni 2024", "2024-06-07T00:00:00Z"),
    ],
)
def test_leading_labels_are_tolerated(lang: str | None, text: str, expected: str) -> None:
    assert parse_visible_date(text, lang, NOW) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "12 min de lecture"),
        ("en", "5 min read"),
        ("en", "5 min"),  # dateparser alone reads a bare duration as "5 min ago"
        ("zh", "5分钟"),
        ("ko", "5분"),
        ("ja", "8分で読めます"),
        ("de", "5 Min. Lesezeit"),
        ("es", "5 min de lectura"),
        ("it", "5 min di lettura"),
        ("pt", "5 min de leitura"),
        ("en", "Mei Lin"),
        ("zh", "Mei Lin"),
        ("en", "By Mei Lin"),
        ("en", "Published on"),
        ("fr", "Publié le"),
        ("en", "in 3 days"),  # the future is no publication date
        ("fr", "dans 3 jours"),
        ("en", "1 month ago"),  # no day to give
        ("en", "July 2023"),
        ("en", "2023"),
        ("en", "1700000000"),
        ("en", "20230704"),
        ("en", "AI"),
        ("en", ""),
        ("en", "   "),
        ("en", None),
        ("en", "July 4, 2023 " * 20),  # over 200 characters
    ],
)
def test_non_dates(lang: str, text: str | None) -> None:
    assert parse_visible_date(text, lang, NOW) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "July 4, 1850"),
        ("en", "July 4, 1989"),
        ("en", "July 4, 2101"),
        ("en", "July 4, 90000"),
        ("fr", "4 juillet 3023"),
        ("ja", "1850年7月4日"),
        ("en", "20000 days ago"),
    ],
)
def test_absurd_years(lang: str, text: str) -> None:
    assert parse_visible_date(text, lang, NOW) is None


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 20, 0, 30, tzinfo=timezone.utc), "2026-11-17T00:00:00Z"),
        (datetime(2026, 11, 20, 23, 59, tzinfo=timezone.utc), "2026-11-17T00:00:00Z"),
        # An aware clock in another zone is compared in UTC.
        (datetime(2026, 11, 20, 8, 0, tzinfo=timezone(timedelta(hours=9))), "2026-11-16T00:00:00Z"),
        (datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc), "2026-02-27T00:00:00Z"),
        (datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc), "2024-02-27T00:00:00Z"),
        (datetime(2026, 1, 2, 12, 0, tzinfo=timezone.utc), "2025-12-30T00:00:00Z"),
    ],
)
def test_relative_dates_count_back_from_the_response_clock(now: datetime, expected: str) -> None:
    assert parse_visible_date("il y a 3 jours", "fr", now) == expected


def test_relative_date_without_a_clock_uses_the_current_time() -> None:
    expected = (datetime.now(timezone.utc) - timedelta(days=3)).strftime("%Y-%m-%dT00:00:00Z")
    assert parse_visible_date("3 days ago", "en", None) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-07-04T08:15:00+02:00", "2023-07-04T06:15:00Z"),
        ("2024-06-07T11:38:00+00:00", "2024-06-07T11:38:00Z"),
        ("2024-06-07T11:38:00Z", "2024-06-07T11:38:00Z"),
        ("2024-06-07t11:38:00z", "2024-06-07T11:38:00Z"),
        ("2024-06-07", "2024-06-07T00:00:00Z"),
        ("2024-06-07T11:38:00", "2024-06-07T11:38:00Z"),  # naive: UTC
        ("2024-06-07 11:38", "2024-06-07T11:38:00Z"),
        ("2024-06-07T11:38:00.123456-05:00", "2024-06-07T16:38:00Z"),
        ("2023-07-04T01:00:00+05:30", "2023-07-03T19:30:00Z"),  # the day changes
        ("2023-12-31T23:30:00-02:00", "2024-01-01T01:30:00Z"),
        ("20240607T113800Z", "2024-06-07T11:38:00Z"),
        ("  2024-06-07T11:38:00Z\n", "2024-06-07T11:38:00Z"),
    ],
)
def test_machine_dates(value: str, expected: str) -> None:
    assert parse_machine_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "garbage",
        "4 juillet 2023",
        "July 4, 2023",
        "2024-13-01",
        "2024-02-30",
        "2024-06-07T25:00:00Z",
        "90000-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "2101-01-01",
        "9999-12-31T23:00:00-05:00",
        "2024-06-07T11:38:00+02:00" + "0" * 100,
    ],
)
def test_machine_non_dates(value: str | None) -> None:
    assert parse_machine_date(value) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (b"Fri, 20 Nov 2026 12:00:00 GMT", NOW),
        ("Fri, 20 Nov 2026 12:00:00 GMT", NOW),
        ("Friday, 20-Nov-26 12:00:00 GMT", NOW),  # RFC 850, obsolete
        ("Fri Nov 20 12:00:00 2026", NOW),  # asctime, obsolete
        ("Fri, 20 Nov 2026 13:00:00 +0100", NOW),
        ("Fri, 20 Nov 2026 12:00:00 -0000", NOW),
    ],
)
def test_response_date(header: bytes | str, expected: datetime) -> None:
    parsed = parse_response_date(header)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "header",
    [None, b"", "", "garbage", "Fri, 32 Nov 2026 12:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"],
)
def test_response_date_invalid(header: bytes | str | None) -> None:
    assert parse_response_date(header) is None


def test_response_date_drives_relative_dates() -> None:
    now = parse_response_date(b"Fri, 20 Nov 2026 12:00:00 GMT")
    assert parse_visible_date("vor 3 Tagen", "de", now) == "2026-11-17T00:00:00Z"


MONTHS_AGO = [("en", "3 months ago"), ("en", "2 years ago"), ("en", "1 month and 2 days ago"), ("fr", "il y a 2 mois"), ("de", "vor 2 Monaten"),
              ("es", "hace 2 meses"), ("it", "2 mesi fa"), ("pt", "há 2 meses"), ("ja", "2ヶ月前"),
              ("zh", "2个月前"), ("ko", "2개월 전")]
CLOCKS = [datetime(2024, 2, 29, 23, 59, 59, tzinfo=timezone.utc), datetime(2026, 3, 31, 0, 0, 1, tzinfo=timezone.utc),
          datetime(2026, 1, 1, 0, 30, tzinfo=timezone.utc), datetime(2025, 12, 31, 12, 0, tzinfo=timezone.utc),
          datetime(2026, 7, 15, 6, 45, tzinfo=timezone.utc)]


@pytest.mark.parametrize(("lang", "text"), [(lang, text) for lang, text, _ in RELATIVE] + MONTHS_AGO)
def test_relative_dates_are_dateparsers_reading_from_every_clock(lang: str, text: str) -> None:
    """Fixed spans ("3 days ago") are read once and counted back from each clock; months and
    years (no day: refused) are read from each clock: either way, dateparser's reading from it."""
    from pipelines.dates import _clean_visible, _has_day, _parser_languages, _relative_parser
    langs, cleaned = _parser_languages(lang), _clean_visible(text, lang)
    for clock in CLOCKS:
        naive = clock.replace(tzinfo=None)
        data = _relative_parser(langs, naive).get_date_data(cleaned)
        day = data.date_obj.strftime("%Y-%m-%dT00:00:00Z") if _has_day(data) and data.date_obj <= naive else None
        assert parse_visible_date(text, lang, clock) == day, (text, clock)


@pytest.mark.parametrize("value", [
    "2024-02-29T23:59:59Z", "1999-01-01T00:00:00Z", "2030-12-31T12:00:00Z",
    "2024-1-2T3:04:05Z",            # strptime's short fields: the other shape, read by strptime itself
    # negative: no such day or time, or not the shape; both readings refuse them alike
    "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:60Z",
    "2024-01-01 00:00:00Z", "2024-01-01T00:00:00", "0000-01-01T00:00:00Z",
])
def test_from_iso_reads_as_strptime(value: str) -> None:
    try:
        expected = datetime.strptime(value, ISO_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        with pytest.raises(ValueError):
            from_iso(value)
        return
    assert from_iso(value) == expected and from_iso(value).tzinfo is timezone.utc
