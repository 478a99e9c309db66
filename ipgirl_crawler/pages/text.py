"""Text normalisation shared by page parsing and pipelines."""
from __future__ import annotations

import re
import unicodedata

# \s covers NBSP, narrow NBSP and the other Unicode spaces; zero-width ones are not \s.
_WHITESPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_UNUSUAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")


def normalize_text(value: str | None) -> str:
    """NFC, control characters dropped, whitespace runs collapsed to one space, trimmed."""
    if not value:
        return ""
    if _UNUSUAL.search(value):  # rare: control or zero-width characters
        value = _WHITESPACE.sub(" ", _CONTROL.sub("", value))
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    # str.split() splits on every Unicode space (NBSP, narrow NBSP, …), in C.
    return " ".join(value.split())


def strip_control(value: str) -> str:
    """Without the control characters (NUL included) that XML, and so lxml, refuses."""
    return _CONTROL.sub("", value)


def normalize_or_none(value: str | None) -> str | None:
    return normalize_text(value) or None


def safe_for_log(value: object, limit: int = 200) -> str:
    """A single printable line, so page data cannot forge or garble log lines."""
    text = _WHITESPACE.sub(" ", _CONTROL.sub("?", str(value)))
    return text if len(text) <= limit else text[:limit] + "…"
