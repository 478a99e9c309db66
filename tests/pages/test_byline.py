"""Reading a byline's text: names and dates, per language, table-driven."""
from __future__ import annotations

import pytest

from ipgirl_crawler.pages.byline import (
    BylineParts,
    looks_like_reading_time,
    parse_byline,
)


@pytest.mark.parametrize(("text", "lang", "parts"), [
    ("Von Mei Lin · Veröffentlicht am 7. Juni 2024 · Aktualisiert 8. Juni 2024", "de",
     BylineParts(("Mei Lin",), "7. Juni 2024", "8. Juni 2024")),
    ("Par Camille Durand — 4 juillet 2023", "fr", BylineParts(("Camille Durand",), "4 juillet 2023")),
    ("Par A et B, il y a 3 jours", "fr", BylineParts(("A", "B"), "il y a 3 jours")),
    ("By Ann Lee, Bo Kim and Cy Diaz · July 4, 2023", "en", BylineParts(("Ann Lee", "Bo Kim", "Cy Diaz"), "July 4, 2023")),
    ("著者： Mei Lin、佐藤 花子 · 2023年7月4日", "ja", BylineParts(("Mei Lin", "佐藤 花子"), "2023年7月4日")),
    ("Di Mario Rossi e Anna Bianchi - 3 giorni fa", "it", BylineParts(("Mario Rossi", "Anna Bianchi"), "3 giorni fa")),
    ("Die Europäische Union", "de", BylineParts()),
    ("著者： 伊藤 彩、佐藤 花子 - 2023年2月2日 / 更新日： 2023年2月22日", "ja",
     BylineParts(("伊藤 彩", "佐藤 花子"), "2023年2月2日", "2023年2月22日")),
    ("작성자: 김민수 · 3일 전", "ko", BylineParts(("김민수",), "3일 전")),
])
def test_parse_byline(text: str, lang: str, parts: BylineParts) -> None:
    assert parse_byline(text, lang) == parts


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("3 min read", "en", True),
    ("1 min de lecture", "fr", True),
    ("4 Min. Lesezeit", "de", True),
    ("1분 분량", "ko", True),
    ("阅读时间 3 分钟", "zh", True),
    ("3分で読めます", "ja", True),
    ("2 min read", "it", True),  # an English UI on an Italian page
    ("Temps de lecture", "fr", False),  # no number: no reading time
    ("5 minutes ago, the lab announced a robot", "en", False),
    ("Published on July 4, 2023", "en", False),
])
def test_looks_like_reading_time(text: str, lang: str, expected: bool) -> None:
    assert looks_like_reading_time(text, lang) is expected
