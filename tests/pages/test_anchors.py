"""The votes landmark's cheap pre-test never refuses a text the case-insensitive pattern matches."""
from __future__ import annotations

import re
import sys

from ipgirl_crawler.pages.anchors import _votes_pieces, caseless, may_show_votes, votes_fragments

# Every code point but the surrogates, to search for what re.IGNORECASE equates with a character.
ALL_CHARACTERS = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)


def test_caseless_equates_all_that_ignorecase_equates() -> None:
    for char in sorted(set("".join(_votes_pieces()))):
        for twin in re.findall(re.escape(char), ALL_CHARACTERS, re.IGNORECASE):
            assert caseless(twin) == caseless(char), (char, twin)


def test_pre_test_passes_every_matching_text() -> None:
    for piece in _votes_pieces():
        for text in (piece, piece.upper(), f"12 {piece.title()} x", piece.replace("i", "İ").replace("s", "ſ")):
            assert bool(votes_fragments().search(text)) <= may_show_votes(text), text
    assert not may_show_votes("Researchers found that language models write code")
