"""Text cleaning: C0/C1 controls and bidi controls never reach an item or a log line; what a
language needs (ZWJ, ZWNJ, NFC letters) stays."""
from __future__ import annotations

import logging

import pytest

from ipgirl_crawler.logs.safe import CleanLogRecords, safe_for_log
from ipgirl_crawler.pages.text import normalize_text, strip_control

HOSTILE = "\x9b31m\u202eevil\u202c \x1b[0m\u2066x\u2069\u200e\u200f\u061c\x85\x00"


@pytest.mark.parametrize(("raw", "clean"), [
    ("\x9b31m\u202eevil", "31mevil"),
    ("a\u202ab\u202bc\u202cd\u202de\u202ef", "abcdef"),
    ("a\u2066b\u2067c\u2068d\u2069e", "abcde"),
    ("left\u200eright\u200fmark\u061c", "leftrightmark"),
    ("c1 \x80\x85\x9f end", "c1 end"),
    ("c0 \x00\x07\x1b\x7f end", "c0 end"),
    ("tab\tand\nnewline\r\n", "tab and newline"),
    ("zero\u200bwidth\u2060joiner\ufeff", "zero width joiner"),
    ("\U0001f469\u200d\U0001f4bb", "\U0001f469\u200d\U0001f4bb"),  # ZWJ emoji sequence kept
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # ZWNJ kept
    ("Cafe\u0301", "Café"),  # NFC
    ("Bundes\u00adregie\u00adrung", "Bundesregierung"),  # soft hyphens: where a word may break, no letter
    ("end \u00ad start", "end start"),
    ("a-b \u2010 c\u2011d", "a-b \u2010 c\u2011d"),  # real hyphens stay
])
def test_normalize_text(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


@pytest.mark.parametrize(("raw", "clean"), [
    ("<p>\x9b31m\u202eevil</p>", "<p>31mevil</p>"),
    ("<p>a\x00b\u2066c</p>\n", "<p>abc</p>\n"),
    ("<p>\u200dok\u200c</p>", "<p>\u200dok\u200c</p>"),
])
def test_strip_control(raw: str, clean: str) -> None:
    assert strip_control(raw) == clean


@pytest.mark.parametrize(("raw", "logged"), [
    ("\x9b31m\u202eevil", "?31m?evil"),
    ("line\r\nFAKE LOG LINE", "line FAKE LOG LINE"),
    ("\x1b[31mred", "?[31mred"),
    ("a\u2067b\u200fc", "a?b?c"),
])
def test_safe_for_log(raw: str, logged: str) -> None:
    assert safe_for_log(raw) == logged


def test_every_hostile_character_goes() -> None:
    for cleaned in (normalize_text(HOSTILE), strip_control(HOSTILE), safe_for_log(HOSTILE)):
        assert not any(0x80 <= ord(c) <= 0x9f or ord(c) < 0x20 or c in "\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069\u200e\u200f\u061c\x7f" for c in cleaned), ascii(cleaned)


def test_log_filter_cleans_a_record_and_keeps_line_breaks() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "page %s\nstats", ("\x9b31m\u202eevil\rfake",), None)
    assert CleanLogRecords().filter(record)
    assert record.getMessage() == "page ?31m?evil?fake\nstats"
