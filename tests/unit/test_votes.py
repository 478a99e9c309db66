from __future__ import annotations

import time

import pytest

from ipgirl_crawler.languages.ui_strings import languages, ui_string
from pipelines.votes import helpful_ratio, parse_votes

NBSP, NNBSP = "\u00a0", "\u202f"
MAX_COUNT = 10**12 - 1  # twelve digits

# One count line per language, as the site writes it (ja/zh/ko put the total first).
PER_LANGUAGE: list[tuple[str, str, tuple[int, int]]] = [
    ("en", "93 out of 132 found this helpful", (93, 132)),
    ("fr", "93 sur 132 ont trouvé cet article utile", (93, 132)),
    ("de", "76 von 99 fanden dies hilfreich", (76, 99)),
    ("es", "A 93 de 132 personas les ha parecido útil", (93, 132)),
    ("it", "93 su 132 hanno trovato utile questo articolo", (93, 132)),
    ("pt", "93 de 132 acharam isto útil", (93, 132)),
    ("ja", "132人中93人がこの記事が役に立ったと言っています", (93, 132)),
    ("zh", "132 人中有 93 人觉得有帮助", (93, 132)),
    ("ko", "132명 중 93명이 도움이 되었다고 평가함", (93, 132)),
]


def test_table_covers_every_site_language() -> None:
    assert sorted(lang for lang, _, _ in PER_LANGUAGE) == sorted(languages())


@pytest.mark.parametrize(("lang", "text", "expected"), PER_LANGUAGE)
def test_every_language_with_and_without_page_language(
    lang: str, text: str, expected: tuple[int, int]
) -> None:
    assert parse_votes(text, lang) == expected
    # The page language is only a hint for the order patterns are tried in.
    assert parse_votes(text) == expected
    assert parse_votes(text, "en") == expected


@pytest.mark.parametrize("lang", [code for code in languages() if code != "en"])
def test_english_ui_on_a_non_english_page(lang: str) -> None:
    assert parse_votes("138 out of 148 found this helpful", lang) == (138, 148)


@pytest.mark.parametrize("lang", languages())
def test_patterns_follow_the_ui_strings_template(lang: str) -> None:
    template = ui_string(lang, "helpful")
    assert template is not None
    assert parse_votes(template.format(yes="7", total="1,234"), lang) == (7, 1234)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1,234 out of 5,678 found this helpful", "en", (1234, 5678)),
        ("1.234 von 5.678 fanden dies hilfreich", "de", (1234, 5678)),
        ("1 234 sur 5 678 ont trouvé cet article utile", "fr", (1234, 5678)),
        (f"1{NBSP}234 sur 5{NBSP}678 ont trouvé cet article utile", "fr", (1234, 5678)),
        (f"1{NNBSP}234 sur 5{NNBSP}678 ont trouvé cet article utile", "fr", (1234, 5678)),
        ("1'234 von 5'678 fanden dies hilfreich", "de", (1234, 5678)),
        ("1’234 von 5’678 fanden dies hilfreich", "de", (1234, 5678)),
        ("1234 out of 5678 found this helpful", "en", (1234, 5678)),
        ("1,234,567 out of 12,345,678 found this helpful", "en", (1234567, 12345678)),
        ("999,999,999,999 out of 999,999,999,999 found this helpful", "en", (MAX_COUNT, MAX_COUNT)),
        ("5,678人中1,234人がこの記事が役に立ったと言っています", "ja", (1234, 5678)),
        ("5.678명 중 1.234명이 도움이 되었다고 평가함", "ko", (1234, 5678)),
    ],
)
def test_grouping_styles(text: str, lang: str, expected: tuple[int, int]) -> None:
    assert parse_votes(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("👍 Ja 👎 Nein 76 von 99 fanden dies hilfreich", "de", (76, 99)),
        ("Was this article helpful? Yes No 93 out of 132 found this helpful.", "en", (93, 132)),
        (f"93{NBSP}out{NBSP}of{NBSP}132{NBSP}found this helpful", "en", (93, 132)),
        ("  93   out of\n132 found   this helpful  ", "en", (93, 132)),
        ("93 OUT OF 132 FOUND THIS HELPFUL!", "en", (93, 132)),
        ("132 人 中 93 人がこの記事が役に立ったと言っています。", "ja", (93, 132)),
        ("132人中有93人觉得有帮助", "zh", (93, 132)),
        ("132 명 중 93 명이 도움이 되었다고 평가함", "ko", (93, 132)),
        ("93 de 132 personas les ha parecido útil", "es", (93, 132)),
        ("a 93 de 132 personas les ha parecido útil", "es", (93, 132)),
        ("0 out of 0 found this helpful", "en", (0, 0)),
        ("0 von 0 fanden dies hilfreich", None, (0, 0)),
        ("0人中0人がこの記事が役に立ったと言っています", "ja", (0, 0)),
        ("132 out of 132 found this helpful", "en", (132, 132)),
    ],
)
def test_surrounding_text_spacing_and_case(
    text: str, lang: str | None, expected: tuple[int, int]
) -> None:
    assert parse_votes(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "Was this article helpful?",
        "Yes No",
        "Discover more",
        "3 out of 5 stars",
        "93 out of found this helpful",
        "out of 132 found this helpful",
        "lorem ipsum " * 500,
        "\x00\ufffd\u202e 93 \u200b 132",
    ],
)
def test_no_widget_or_garbage(text: str | None) -> None:
    assert parse_votes(text, "en") is None


@pytest.mark.parametrize(
    "text",
    [
        "133 out of 132 found this helpful",  # helpful > total
        "1 out of 0 found this helpful",
        "-5 out of 10 found this helpful",
        "−5 out of 10 found this helpful",  # U+2212 minus
        "1234567890123 out of 1234567890123 found this helpful",  # 13 digits
        "1" * 5000 + " out of " + "2" * 5000 + " found this helpful",
        "1,234,567,890,123 out of 9,234,567,890,123 found this helpful",
        "1.5 out of 2 found this helpful",
        "1,234.567 out of 2,000,000 found this helpful",  # mixed separators
        "12,34 out of 99,99 found this helpful",  # not thousands grouping
        "133人中134人がこの記事が役に立ったと言っています",
    ],
)
def test_absurd_counts(text: str) -> None:
    assert parse_votes(text, "en") is None


@pytest.mark.parametrize(
    "text",
    [
        "1 " * 200_000,
        "1,1" * 100_000,
        "9" * 500_000,
        " out of " * 50_000,
        "1 out of " * 50_000,
        "人中" * 100_000,
        "123 " * 100_000 + "out of 5 found this helpful",
    ],
)
def test_huge_inputs_stay_fast(text: str) -> None:
    start = time.perf_counter()
    assert parse_votes(text) is None
    assert time.perf_counter() - start < 0.5


def test_only_the_head_of_a_long_text_is_searched() -> None:
    assert parse_votes("x" * 10_000 + "93 out of 132 found this helpful") is None
    assert parse_votes("93 out of 132 found this helpful" + "x" * 10_000) == (93, 132)


@pytest.mark.parametrize(
    ("helpful", "total", "expected"),
    [
        (93, 132, 93 / 132),
        (76, 99, 76 / 99),
        (1, 3, 1 / 3),
        (2, 3, 2 / 3),
        (0, 5, 0.0),
        (5, 5, 1.0),
        (0, 0, None),
        (None, 10, None),
        (10, None, None),
        (None, None, None),
        (11, 10, None),
        (-1, 10, None),
    ],
)
def test_helpful_ratio(helpful: int | None, total: int | None, expected: float | None) -> None:
    assert helpful_ratio(helpful, total) == expected
