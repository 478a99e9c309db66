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
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.monitoring.verify_body import MIN_PAGES, template_place
from ipgirl_crawler.pages.body_region import START_CHARS, text_key
from ipgirl_crawler.pages.chrome_slots import EDGE_FIRST, EDGE_LAST

# A sentence: at least MIN_WORDS words (or MIN_CJK characters of a language written without
# spaces) ending as a sentence ends; a byline, a date line or a label never does.
MIN_WORDS, MIN_CJK = 6, 15
_SENTENCE_END = re.compile(r"[.!?。！？»”」\"']\s*$")
_WORD = re.compile(r"\w")
MAX_TAG_LINE = 300  # chrome_slots.MAX_TEXT: a longer block is prose
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def block_keys(body_text: object) -> list[int]:
    """The keys of every block of the body, in order."""
    return [text_key(block) for block in body_text.split("\n\n") if block] if isinstance(body_text, str) else []


def region_gaps(region: object, keys: list[int], read_elsewhere: list[object], names: object = ()) -> list[list[Any]]:
    """``[[kind, key, start, inside, box, where], …]``: the leaves of ``region`` (the page's
    ``body_region``) whose text is no block of the body (``keys``) nor a text the item reads as
    another field (``read_elsewhere``) nor one naming the article's authors (``names``: its byline,
    "Por Elena Martín · 3 de septiembre de 2024 · Actualizado…", a sentence's length on held-out W
    and X); ``inside``: between two leaves the body holds; ``box``: the leaf's parent when the body
    holds none of that parent's leaves (a box left out whole), else None; ``where``: its place."""
    leaves = [leaf for leaf in region if isinstance(leaf, list) and len(leaf) == 5] if isinstance(region, list) else []
    if not leaves or not keys:
        return []
    elsewhere = {text_key(t) for t in read_elsewhere if isinstance(t, str) and t}
    # Counted: an article may show one sentence twice (a paragraph, then a quote of it), and a body
    # that lost the quote still holds the paragraph (local site: 9 of 200 pages' lost quotes).
    unheld = Counter(keys)
    held = []
    for leaf in leaves:
        held.append(unheld[leaf[1]] > 0)
        unheld[leaf[1]] -= 1
    if not any(held):
        return []  # the element shows none of the body's text: it is no evidence of the body
    first, last = held.index(True), len(held) - 1 - held[::-1].index(True)
    held_boxes = {leaf[3] for leaf, kept in zip(leaves, held) if kept}
    authors = [name for name in names if isinstance(name, str) and name] if isinstance(names, list) else []
    return [[kind, key, start, first < i < last, None if box in held_boxes else box, where]
            for i, (kind, key, start, box, where) in enumerate(leaves)
            if not held[i] and key not in elsewhere and not any(name in start for name in authors)]


class RegionEvidence:
    """Over the run's records: the texts some body holds in its middle (per language), on how many
    pages each text stands outside the body, and the places where the texts left out are the
    template's (``template_place``: a few texts a language, one shown again and again)."""

    def __init__(self, records: Any, known: dict[str, list[int]] | None = None) -> None:
        self.prose: dict[str, set[int]] = defaultdict(set)
        self.outside: dict[int, int] = defaultdict(int)
        shown: dict[int, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
        languages = []
        for number, record in enumerate(records):
            languages.append(str(record.get("language") or ""))
            keys = record.get("body_keys") or []
            if record.get("body_opinion") != "fallback":
                self.prose[languages[-1]].update(keys[EDGE_FIRST:-EDGE_LAST])
            for gap in record.get("region_gaps") or ():
                self.outside[gap[1]] += 1
                shown[gap[5]][gap[1]].add(number)
        self.template = {where for where, texts in shown.items() if template_place(texts, languages)}
        # What earlier runs of the site found (``kept``): an incremental run reads a few dozen
        # changed pages, too few to tell a newsletter box shown on 13 pages of 150 from a lost part.
        known = known or {}
        self.template.update(known.get("places") or ())
        self.known_template = frozenset(known.get("template") or ())
        self.known_repeated = frozenset(known.get("repeated") or ())

    def kept(self) -> dict[str, list[int]]:
        """What the state keeps for the next runs: the template's places, the texts left out on
        ``MIN_PAGES`` pages or more, on two or more, that no body of the run holds as prose."""
        prose = set().union(*self.prose.values()) if self.prose else set()
        outside = {key: pages for key, pages in self.outside.items() if key not in prose}
        return {"places": sorted(self.template),
                "template": sorted(key for key, pages in outside.items() if pages >= MIN_PAGES),
                "repeated": sorted(key for key, pages in outside.items() if pages >= 2)}

    def lost(self, record: dict[str, Any]) -> tuple[list[Any], str] | None:
        """The first leaf the body lost, and why it is the article's; None when it lost none."""
        language = str(record.get("language") or "")
        prose, labels = self.prose.get(language, set()), ui_labels(language)
        gaps = record.get("region_gaps") or ()
        furniture = [key in labels or key not in prose and (gap[5] in self.template or self.outside[key] >= MIN_PAGES
                                                            or key in self.known_template)
                     for gap in gaps for key in (gap[1],)]
        # A box the body left out whole under the template's heading, or holding a widget's label,
        # is the template's, all of it: a newsletter box's fine print is on one page of its language
        # (eras A-V, 300 articles seed 11: 3 pages), its heading on many. Not a box of the template's
        # sentences: a list lost on many pages repeats the local site's 13 sentences a language.
        template_boxes = {gap[4] for gap, template in zip(gaps, furniture)
                          if template and gap[4] is not None and (gap[0] == "h" or gap[1] in labels)}
        for gap, template in zip(gaps, furniture):
            kind, key, start, inside, box, _ = gap
            if template or box in template_boxes or kind != "h" and not is_sentence(start):
                continue  # the template's, a date line, an ad's "Sponsored": what the cleaning drops
            if key in prose:
                return gap, "a block other bodies of the run hold"
            if inside:
                return gap, "between two of the body's blocks"
            # a heading alone after the body is a box's (tags, attachments)
            if kind != "h" and self.outside.get(key, 0) <= 1 and key not in self.known_repeated:
                return gap, "shown outside the body on no other page"
        return None


@lru_cache(maxsize=16)
def ui_labels(language: str) -> frozenset[int]:
    """The keys of the site's UI strings in ``language`` and English (its "Tags:", its votes
    question): a leaf that is one of them is a widget's."""
    return frozenset(text_key(text) for name in ui_strings.ui_names() for text in ui_strings.ui_variants(language or None, name))


def is_sentence(start: str) -> bool:
    """A leaf's start (its first 80 characters) as prose: a sentence's words, or a long start."""
    long_enough = len(_CJK.findall(start)) >= MIN_CJK or len(start.split()) >= MIN_WORDS
    return long_enough and (len(start) >= START_CHARS or _SENTENCE_END.search(start) is not None)


def lost_verdict(evidence: RegionEvidence, record: dict[str, Any]) -> str | None:
    """What the body lost, as a contradiction's detail; None when it lost nothing."""
    found = evidence.lost(record)
    if found is None:
        return None
    (kind, _, start, *_), why = found
    what = "heading" if kind == "h" else "block"
    return f"the body lacks the {what} {start!r} its element shows ({why})"


def tags_line(body_text: object, tags: object, language: str) -> str | None:
    """The body's block, among its first ``EDGE_FIRST`` and last ``EDGE_LAST``, that is the article's
    tag line: every tag of the item, with nothing else but the language's (or English's) "Tags" label,
    "#" marks and separators, and the label or two tags or more (a heading "Robots" over an article
    tagged "Robots" is a heading). A parser that read the box after the body kept it (held-out
    design Y: "标签： #初创公司 #数据"; no body of eras A-V, 300 articles seed 11, holds one)."""
    names = [tag for tag in tags if isinstance(tag, str) and tag] if isinstance(tags, list) else []
    if not names or not isinstance(body_text, str):
        return None
    blocks = [block for block in body_text.split("\n\n") if block]
    labels = [label.rstrip(" :：") for label in ui_strings.ui_variants(language or None, "tags")]
    for block in blocks[:EDGE_FIRST] + blocks[max(EDGE_FIRST, len(blocks) - EDGE_LAST):]:
        if len(block) > MAX_TAG_LINE or not all(name in block for name in names):
            continue
        rest = block
        for name in sorted(names, key=len, reverse=True):
            rest = rest.replace(name, " ")
        labelled = any(label and label in rest for label in labels)
        for label in labels:
            rest = rest.replace(label, " ") if label else rest
        if not _WORD.search(rest) and (labelled or len(names) >= 2):
            return block
    return None
