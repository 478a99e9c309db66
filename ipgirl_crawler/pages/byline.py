"""Reading a byline's text: author names and the dates it shows, per language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ipgirl_crawler.languages.rules import (
    AUTHOR_CONJUNCTIONS,
    AUTHOR_SEPARATORS,
    CLOCK_WORDS,
    DATE_CONNECTORS,
    READING_TIME_MARKERS,
    RELATIVE_DATE_MARKERS,
)
from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.anchors import prefix_pattern
from ipgirl_crawler.pages.text import normalize_text

# What separates the parts of a byline: "Von Mei Lin · Veröffentlicht am 7. Juni 2024 · …".
_SEGMENT_SPLIT = re.compile(r"\s*(?:[·•|｜—–]|\s[-/]\s)\s*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DIGIT = re.compile(r"\d")


_CONNECTOR_TAIL = {
    code: re.compile(rf"(?:[\s,]+(?:{'|'.join(words)}))?[\s,]*$", re.IGNORECASE)
    for code, words in DATE_CONNECTORS.items()
}


@dataclass(frozen=True)
class BylineParts:
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None


@lru_cache(maxsize=16)
def _name_splitter(lang: str) -> re.Pattern[str]:
    words = AUTHOR_CONJUNCTIONS.get(lang, ()) + AUTHOR_CONJUNCTIONS["en"]
    joined = "|".join(re.escape(w) for w in words)
    seps = "|".join(re.escape(s) for s in AUTHOR_SEPARATORS)
    return re.compile(rf"\s*(?:{seps})\s*|\s+(?:{joined})\s+|(?<=\S)(?:と|和|与)(?=\S)")


def split_names(text: str, lang: str) -> list[str]:
    """"A, B and C" -> [A, B, C]; pieces holding digits (dates) are not names."""
    names = [normalize_text(n) for n in _name_splitter(lang).split(text)]
    return [n for n in names if n and not _DIGIT.search(n) and len(n) <= 100]


def _without_clock_words(lowered: str, lang: str) -> str:
    for word in CLOCK_WORDS.get(lang, ()):
        lowered = lowered.replace(word, " " * len(word))  # same length: positions found in it stay right
    return lowered


def looks_like_date(text: str, lang: str) -> bool:
    """A year, or a relative-date marker ("il y a", "前") next to a number or on its own."""
    if _YEAR.search(text):
        return True
    lowered = _without_clock_words(text.lower(), lang)
    markers = RELATIVE_DATE_MARKERS.get(lang, ()) + RELATIVE_DATE_MARKERS["en"]
    return any(marker in lowered for marker in markers)


def looks_like_reading_time(text: str, lang: str) -> bool:
    """A number and a reading-time word ("3 min read", "3 Min. Lesezeit", "阅读时间 3 分钟")."""
    if not _DIGIT.search(text):
        return False
    lowered = text.casefold()
    markers = READING_TIME_MARKERS.get(lang, ()) + READING_TIME_MARKERS["en"]
    return any(marker in lowered for marker in markers)


def _cut_date(text: str, lang: str) -> tuple[str, str | None]:
    """"Camille Durand, le 4 juillet 2023" -> ("Camille Durand", "4 juillet 2023")."""
    markers = RELATIVE_DATE_MARKERS.get(lang, ()) + RELATIVE_DATE_MARKERS["en"]
    lowered = _without_clock_words(text.lower(), lang)
    starts = [m.start() for m in (_DIGIT.search(text),) if m]
    starts += [i for i in (lowered.find(marker.strip()) for marker in markers) if i > 0]
    if not starts:
        return text, None
    cut = min(starts)
    names = _CONNECTOR_TAIL.get(lang, _CONNECTOR_TAIL["en"]).sub("", text[:cut])
    date_text = normalize_text(text[cut:])
    return names.rstrip(" ,"), date_text if looks_like_date(date_text, lang) else None


cut_date = _cut_date  # the cross-checks' restatements (pages/restated.py) cut a "by" line's names the same way


def _strip_label(text: str, lang: str, key: str) -> str | None:
    match = prefix_pattern(lang).match(text)
    if match and match.lastgroup == key:
        return normalize_text(text[match.end():].lstrip(":： "))
    return None


def _labelled(segment: str, lang: str) -> tuple[str | None, str]:
    """(the label's key, the text after it) — key None for a segment without a label."""
    for key in ("by", "updated", "published"):
        value = _strip_label(segment, lang, key)
        if value is not None:
            return key, value
    return None, segment


@lru_cache(maxsize=16)
def _inner_labels(lang: str) -> re.Pattern[str]:
    """Where a date label starts a new part inside a segment: "By A Published on 4 May" is two
    parts (inline spans with no separator between them)."""
    labels = [label.rstrip(" :：") for key in ("published", "updated") for label in ui_strings.ui_variants(lang, key)]
    words = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True) if label)
    return re.compile(rf"\s+(?=(?:{words})(?:[\s:：]|$))", re.IGNORECASE)


def parse_byline(text: str, lang: str) -> BylineParts:
    """Authors and date texts of a byline, labels removed. A label alone in its segment
    (``<dt>Par</dt><dd>…</dd>``) applies to the segment after it."""
    authors: list[str] = []
    found: dict[str, str] = {}
    pending: str | None = None
    segments = [part for segment in _SEGMENT_SPLIT.split(normalize_text(text)) for part in _inner_labels(lang).split(segment)]
    for segment in segments:
        if not segment:
            continue
        key, value = _labelled(segment, lang)
        if key is not None and not value:
            pending = key
            continue
        key, pending = key or pending, None
        if key == "by":
            names, date_text = _cut_date(value, lang)
            authors.extend(split_names(names, lang))
            found.setdefault("published", date_text) if date_text else None
        elif key in ("updated", "published"):
            found.setdefault(key, value)
        elif looks_like_date(segment, lang):
            found.setdefault("published", segment)
    return BylineParts(tuple(authors), found.get("published"), found.get("updated"))
