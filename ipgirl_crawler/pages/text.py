"""Text normalisation shared by page parsing and pipelines.

What a page says may hold characters that change how text *looks* rather than what it says:
C0 and C1 controls (``\\x1b[31m``, ``\\x9b31m``: terminal escapes, forged log lines) and the
bidirectional overrides and isolates (U+202A-202E, U+2066-2069; the marks U+200E/U+200F, U+061C),
which reorder what a reader sees ("Trojan Source"). None of them is text: they are dropped from
everything written and replaced in everything logged (``ipgirl_crawler.logs.safe``). ZWJ and ZWNJ (U+200D, U+200C) are kept:
emoji sequences and scripts such as Persian or the Indic ones need them to spell a word.
"""
from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, LF and CR (whitespace), DEL, the C1 block, and the bidi controls.
CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{CONTROLS}]")
# \s covers NBSP, narrow NBSP and the other Unicode spaces; the zero-width space, the word joiner
# and a stray BOM are not \s, and separate words as one would.
_INVISIBLE_SPACE = "\u200b\u2060\ufeff"
WHITESPACE = re.compile(f"[\\s{_INVISIBLE_SPACE}]+")
# The soft hyphen (U+00AD) only tells a browser where it may break a word: shown only at a line's
# end, it is no character of the word ("Bundes\u00adregierung" is "Bundesregierung"). Real German
# and Polish pages set it inside words; left in, the word no longer matches itself.
_SOFT_HYPHEN = "\u00ad"
_DROPPED = re.compile(f"[{CONTROLS}{_SOFT_HYPHEN}]")
_UNUSUAL = re.compile(f"[{CONTROLS}{_INVISIBLE_SPACE}{_SOFT_HYPHEN}]")


def normalize_text(value: str | None) -> str:
    """NFC, control and bidi characters and soft hyphens dropped, whitespace runs collapsed to one
    space, trimmed."""
    if not value:
        return ""
    if _UNUSUAL.search(value):  # rare: control, bidi, zero-width characters or soft hyphens
        value = WHITESPACE.sub(" ", _DROPPED.sub("", value))
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    # str.split() splits on every Unicode space (NBSP, narrow NBSP, …), in C.
    return " ".join(value.split())


def strip_control(value: str) -> str:
    """Without the control characters (NUL included, which XML and so lxml refuse) and bidi controls."""
    return CONTROL.sub("", value) if CONTROL.search(value) else value


def normalize_or_none(value: str | None) -> str | None:
    return normalize_text(value) or None
