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
    # a date label inside the segment (inline spans, no separator) starts a part of its own
    ("By Mei Lin Published on March 23, 2025", "en", BylineParts(("Mei Lin",), "March 23, 2025")),
    ("Par A et B Publié le 4 juillet 2023 Mis à jour le 5 juillet 2023", "fr",
     BylineParts(("A", "B"), "4 juillet 2023", "le 5 juillet 2023")),
    ("By Ann Updatedson", "en", BylineParts(("Ann Updatedson",))),  # a word that starts like a label is none
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


@pytest.mark.parametrize(("html", "text"), [
    ('<div><span><span>By <a href="/a">Mei Lin</a></span></span> <span>Published on <time>May 1</time></span></div>',
     "By Mei Lin Published on May 1"),
    ("<dl><dt>Par</dt><dd>A</dd></dl>", "| Par | A"),
    ("<p>By <b>A</b><script>x()</script> and B</p>", "By A and B"),
])
def test_lines_of_keeps_text_in_document_order(html: str, text: str) -> None:
    from ipgirl_crawler.pages.dom import lines_of, parse_fragment

    assert lines_of(parse_fragment(html)[0]) == text
