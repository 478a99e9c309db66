"""The body's check of lost parts: the element it came from shows text it lacks (README "How right is
this run").

The page's statement ``body_region`` (``pages/body_region``) lists the text leaves of the element the
body was read from, between the title and the related articles. A leaf the body lacks is one of:
- the article's, lost: it stands between two leaves the body holds (a subheading, a list, a quote
  dropped from the middle), or its text is a block some other body of the run holds in its middle
  (a paragraph lost at the body's edge that other articles of the language show as prose), or no
  other page of the run shows it outside its body, and it is a heading or a sentence (an article's
  own text, lost at its edge);
- the page's furniture, left out rightly: the title, summary, notice and captions the item reads
  elsewhere, and texts shown outside the body on two pages or more (a byline's author, a notice,
  the votes' question), never inside one.
A body that lost a part of the article is *contradicted*. One-sided again: text the element does
not show (a body read from the wrong element, a part the page loads later) passes. Pure over the
run's records.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ipgirl_crawler.pages.body_region import START_CHARS, text_key
from ipgirl_crawler.pages.chrome_slots import EDGE_FIRST, EDGE_LAST

# A sentence: at least MIN_WORDS words (or MIN_CJK characters of a language written without
# spaces) ending as a sentence ends; a byline, a date line or a label never does.
MIN_WORDS, MIN_CJK = 6, 15
_SENTENCE_END = re.compile(r"[.!?。！？»”」\"']\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def block_keys(body_text: object) -> list[int]:
    """The keys of every block of the body, in order."""
    return [text_key(block) for block in body_text.split("\n\n") if block] if isinstance(body_text, str) else []


def region_gaps(region: object, keys: list[int], read_elsewhere: list[object]) -> list[list[Any]]:
    """``[[kind, key, start, inside], …]``: the leaves of ``region`` (the page's ``body_region``) whose
    text is no block of the body (``keys``) nor a text the item reads as another field
    (``read_elsewhere``); ``inside``: between two leaves the body holds."""
    if not isinstance(region, list) or not keys:
        return []
    held_keys, elsewhere = set(keys), {text_key(t) for t in read_elsewhere if isinstance(t, str) and t}
    held = [isinstance(leaf, list) and len(leaf) == 3 and leaf[1] in held_keys for leaf in region]
    if not any(held):
        return []  # the element shows none of the body's text: it is no evidence of the body
    first, last = held.index(True), len(held) - 1 - held[::-1].index(True)
    return [[leaf[0], leaf[1], leaf[2], first < i < last] for i, leaf in enumerate(region)
            if not held[i] and isinstance(leaf, list) and len(leaf) == 3 and leaf[1] not in elsewhere]


class RegionEvidence:
    """Over the run's records: the texts some body holds in its middle, per language, and on how
    many pages each text stands outside the body."""

    def __init__(self, records: Any) -> None:
        self.prose: dict[str, set[int]] = defaultdict(set)
        self.outside: dict[int, int] = defaultdict(int)
        for record in records:
            keys = record.get("body_keys") or []
            if record.get("body_opinion") != "fallback":
                self.prose[str(record.get("language") or "")].update(keys[EDGE_FIRST:-EDGE_LAST])
            for gap in record.get("region_gaps") or ():
                self.outside[gap[1]] += 1

    def lost(self, record: dict[str, Any]) -> tuple[list[Any], str] | None:
        """The first leaf the body lost, and why it is the article's; None when it lost none."""
        prose = self.prose.get(str(record.get("language") or ""), set())
        for gap in record.get("region_gaps") or ():
            kind, key, start, inside = gap
            if kind != "h" and not is_sentence(start):
                continue  # a label, a date line, an ad's "Sponsored": what the body's cleaning drops
            if inside:
                return gap, "between two of the body's blocks"
            if key in prose:
                return gap, "a block other bodies of the run hold"
            if self.outside.get(key, 0) <= 1:
                return gap, "shown outside the body on no other page"
        return None


def is_sentence(start: str) -> bool:
    """A leaf's start (its first 80 characters) as prose: a sentence's words, or a long start."""
    long_enough = len(_CJK.findall(start)) >= MIN_CJK or len(start.split()) >= MIN_WORDS
    return long_enough and (len(start) >= START_CHARS or _SENTENCE_END.search(start) is not None)


def lost_verdict(evidence: RegionEvidence, record: dict[str, Any]) -> str | None:
    """What the body lost, as a contradiction's detail; None when it lost nothing."""
    found = evidence.lost(record)
    if found is None:
        return None
    (kind, _, start, _), why = found
    what = "heading" if kind == "h" else "block"
    return f"the body lacks the {what} {start!r} its element shows ({why})"
