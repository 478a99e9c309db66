"""Parse the "Was this article helpful?" count line into (helpful, total) votes.

The count line follows the ``helpful`` template of ``ui-strings.json``
("{yes} out of {total} found this helpful", "{total}人中{yes}人が…"), shown in
English or in the page's own language, so patterns are built from those
templates rather than written by hand.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from string import Formatter
from typing import Any

from ipgirl_crawler.languages.ui_strings import DEFAULT_UI_LANGUAGE, languages, ui_string
from pipelines.base import PagePipeline

# A count line is short; bounding the searched text keeps a pathological
# string from costing more than a few microseconds per pattern.
MAX_SEARCH_CHARS = 2_000
MAX_DIGITS = 12

# Thousands separators seen in the site's languages ("1,234", "1.234",
# "1 234" with any space, Swiss "1'234"); input whitespace is collapsed to " "
# first, so one space stands for NBSP and U+202F too.
_SEPARATORS = ",.'’ "
_SEP_CLASS = "[" + re.escape(_SEPARATORS) + "]"
_DROP_SEPARATORS = str.maketrans("", "", _SEPARATORS)

# Negative numbers and the tail of a longer (over-long or oddly grouped)
# number must not be read as a count.
_NUMBER_BEFORE = rf"(?<![\d\-−])(?<!\d{_SEP_CLASS})"
_NUMBER_AFTER = rf"(?!\d)(?!{_SEP_CLASS}\d)"

_WHITESPACE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
# Spacing around CJK text varies with markup ("132 人中", "132人 中"), so it is
# dropped from both the templates and the page text.
_SPACE_BY_CJK = re.compile(f" (?=[{_CJK}])|(?<=[{_CJK}]) ")


def _number_pattern(name: str) -> str:
    """A count of at most MAX_DIGITS digits, grouped by one consistent separator."""
    sep = f"{name}_sep"
    grouped = rf"\d{{1,3}}(?P<{sep}>{_SEP_CLASS})\d{{3}}(?:(?P={sep})\d{{3}}){{0,2}}"
    return rf"{_NUMBER_BEFORE}(?P<{name}>{grouped}|\d{{1,{MAX_DIGITS}}}){_NUMBER_AFTER}"


def _literal_pattern(literal: str) -> str:
    # Spaces are optional: pages drop them or swap them for NBSP.
    words = _normalize(literal).split(" ")
    return " ?" + " ?".join(re.escape(word) for word in words if word) + " ?"


def _template_pattern(template: str) -> str:
    parts: list[str] = []
    for index, (literal, field, _spec, _conv) in enumerate(Formatter().parse(template)):
        if literal:
            text = _literal_pattern(literal)
            # Words before the first number ("A " in Spanish) may sit in another element.
            parts.append(f"(?:{text})?" if index == 0 and field else text)
        if field:
            parts.append(_number_pattern(field))
    return "".join(parts)


@lru_cache(maxsize=None)
def _compiled(lang: str) -> re.Pattern[str] | None:
    template = ui_string(lang, "helpful")
    if not template or "{yes}" not in template or "{total}" not in template:
        return None
    return re.compile(_template_pattern(template), re.IGNORECASE)


def _base_language(lang: str | None) -> str | None:
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


@lru_cache(maxsize=64)
def _language_order(lang: str | None) -> tuple[str, ...]:
    """The page's language first, then English, then every other language."""
    order = dict.fromkeys([_base_language(lang) or DEFAULT_UI_LANGUAGE, DEFAULT_UI_LANGUAGE])
    order.update(dict.fromkeys(languages()))
    return tuple(order)


def _patterns_for(lang: str | None) -> Iterator[re.Pattern[str]]:
    """The patterns in that order, each compiled when first tried: the page's own language most
    often matches, and compiling all nine costs ~30 ms of a process's first page (ipgirl-extract)."""
    return (p for p in map(_compiled, _language_order(lang)) if p is not None)


def _to_int(number: str) -> int:
    return int(number.translate(_DROP_SEPARATORS))


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text[:MAX_SEARCH_CHARS])
    return _SPACE_BY_CJK.sub("", _WHITESPACE.sub(" ", text))


def parse_votes(text: str | None, lang: str | None = None) -> tuple[int, int] | None:
    """(helpful, total) from a count line such as "93 out of 132 found this helpful"."""
    if not text:
        return None
    normalized = _normalize(text)
    # Most texts a page parser offers are prose without digits; skip the patterns.
    if not _DIGIT.search(normalized):
        return None
    for pattern in _patterns_for(lang):
        match = pattern.search(normalized)
        if match:
            helpful, total = _to_int(match["yes"]), _to_int(match["total"])
            return (helpful, total) if 0 <= helpful <= total else None
    return None


def helpful_ratio(helpful: int | None, total: int | None) -> float | None:
    """helpful/total, unrounded; None when nobody voted or a count is missing."""
    if helpful is None or total is None or total <= 0 or not 0 <= helpful <= total:
        return None
    return helpful / total


class VotesPipeline(PagePipeline):
    """"93 out of 132 found this helpful" -> helpful_votes, total_votes, helpful_ratio."""

    name = "votes"

    def process_article(self, item: Any) -> Any:
        raw = item.pop("raw_votes_text", None)
        parsed = parse_votes(raw, item.get("language"))
        helpful, total = parsed if parsed else (None, None)
        item.update(helpful_votes=helpful, total_votes=total, helpful_ratio=helpful_ratio(helpful, total))
        self.count("parsed" if parsed else "unparsed" if raw else "absent")
        return item
