"""The votes landmark's cheap pre-test never refuses a text the case-insensitive pattern matches; the
landmarks found with the elements holding them."""
from __future__ import annotations

import re
import sys

import pytest
from lxml import etree

from ipgirl_crawler.pages.anchors import _votes_pieces, caseless, find_anchors, may_show_votes, votes_fragments

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


# find_anchors: each landmark text with the element holding it (a tail's is its parent's parent's
# child, the parent); text in script, style, noscript or template is no landmark; neither is text outside <body>.
@pytest.mark.parametrize(("body", "found"), [
    ("<p>Tags:</p>", {"tags": ["p"]}),
    ("<div><span>x</span>Tags:</div>", {"tags": ["div"]}),  # a tail: held by the span's parent
    ("<p>Share:</p><section><b>Tags:</b></section>", {"share": ["p"], "tags": ["b"]}),
    ("<script>Tags:</script><style>Share:</style>", {}),  # never a landmark
    ("<noscript>Tags:</noscript><template>Share:</template>", {}),
    ("<p>Researchers found that tags matter</p>", {}),  # no label
])
def test_find_anchors_records_each_landmark_with_its_holder(body: str, found: dict[str, list[str]]) -> None:
    root = etree.HTML(f"<html><head><title>Tags:</title></head><body>{body}</body></html>")
    anchors = find_anchors(root, "en")
    assert {key: [element.tag for element in elements] for key, elements in anchors.found.items()} == found
