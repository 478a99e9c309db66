"""A second opinion on the body from generic extractors, and when to trust it over ours.

Chosen by measuring (tests/realpages, 118 real article pages, and the local site's nine eras):
``resiliparse`` (C++/lexbor, ~1.2x an lxml parse per page) gives the opinion on every page;
trafilatura (F1 0.951 on the real pages, but ~15x an lxml parse) is asked only when that opinion
disagrees with ours, as the tie-break: ours + both, 0.959 (ours alone 0.881, resiliparse 0.891). resiliparse alone is too coarse to replace our body
(F1 0.89; on IPGirl pages it keeps the title, summary and notice), but it confirms ours well.

Scores are over word 3-gram sets (each CJK character a word, as ja/zh write without spaces):
``agreement`` is the share of our body the generic one confirms (IPGirl pages: >= 0.9 on 98 %,
real pages with menus or comments in ours: < 0.6), ``coverage`` the share of the generic body
ours holds (a body that missed the article scores < 0.3; IPGirl pages >= 0.3).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from ipgirl_crawler.pages.dom import parse_fragment, text_content
from ipgirl_crawler.pages.text import normalize_text

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORDS = re.compile(_CJK.pattern + r"|\w+")
_PLAIN_WORDS = re.compile(r"\w+")
SHINGLE = 3  # shingles() zips three slices
AGREE_AT = 0.9       # below: ours holds text the generic reader calls chrome
COVERAGE_AT = 0.3    # below: ours misses most of what the generic reader calls the article…
MISSING_AT = 150     # …if that is a text (3-grams): on a short page, the summary, byline and votes
                     # a generic reader keeps outweigh a two-paragraph body without it missing any…
# …unless ours is a line or nothing beside it: a tagline or an empty body (eval-dev: 8 and 0 3-grams
# against 107-145 missing) while the other holds a short story. A two-paragraph body of ours (60+) is
# never a MISSING_RATIO-th of a short page's lead and votes; MIN_MISSING: a notice of a line is no story.
MISSING_RATIO, MIN_MISSING = 4, 20
# Ours is contradicted when an extractor confirms less than this share of it, or ours holds less
# than COVERAGE_AT of the extractor's body. Only when both resiliparse and the tie-break contradict
# ours is theirs used: on IPGirl pages one of them may read something else entirely (trafilatura
# took a page's related list: agreement 0.00, resiliparse 0.74-0.88 on the same pages), or both
# drop a short section (ja/zh legacy pages: 0.62-0.67); on real pages whose body is a menu or
# comments, or is missing, both score < 0.56.
CONTRADICTS_BELOW = 0.6
HOLDS_AT = 0.5
# Below both, the generic body and ours read different parts of the page: it neither trims our edges
# (pipelines/body_edges.py) nor flags ours unless the tie-break, asked then, does not confirm it. An
# email's layout tables (held-out era W): resiliparse kept the header, votes, cards and footer, not the
# story (41 of 120 pages' openings trimmed, 62 flagged, 53 of which trafilatura confirms).
ELSEWHERE_BELOW = 0.5


def shingles(text: str, by_line: bool = True) -> set[tuple[str, ...]]:
    """Word 3-grams of each line (ours: none spans two of our blocks, whose order extractors differ
    on), or of the whole text (theirs: an extractor may break a line where the source had a newline)."""
    found: set[tuple[str, ...]] = set()
    lower = text.lower()
    # A text without CJK splits on \w+ alone, the same words a regex with one branch fewer finds:
    # with the blank lines between our blocks skipped, 12 % of the comparison's time (118 real, 200 site pages).
    findall = _WORDS.findall if _CJK.search(lower) else _PLAIN_WORDS.findall
    for line in lower.splitlines() if by_line else (lower,):
        words = findall(line) if line else ()
        if len(words) >= SHINGLE:
            found.update(zip(words, words[1:], words[2:]))  # in C: no tuple built per slice
        elif words:
            found.add(tuple(words))
    return found


@dataclass(frozen=True)
class Opinion:
    agreement: float  # share of ours the other body confirms (0 when ours is empty)
    coverage: float   # share of the other body that ours holds (1 when the other is empty)
    missing: int = 0  # the other body's 3-grams ours lacks
    size: int | None = None  # ours' 3-grams (None: not known, judged on ``missing`` alone)

    @property
    def misses_text(self) -> bool:
        if self.coverage >= COVERAGE_AT:
            return False
        return self.missing >= MISSING_AT or self.size is not None and self.missing >= MIN_MISSING \
            and self.missing >= MISSING_RATIO * self.size

    @property
    def agrees(self) -> bool:
        return self.agreement >= AGREE_AT and not self.misses_text

    @property
    def holds_junk(self) -> bool:
        # Ours holds most of the other body plus text it calls chrome (menus, comments). When ours
        # holds less than HOLDS_AT of it too, the two read different things: no ground to prefer it.
        return self.agreement < CONTRADICTS_BELOW and self.coverage >= HOLDS_AT

    @property
    def reads_elsewhere(self) -> bool:
        """It confirms less than half of ours and ours holds less than half of it: a reading of
        another part of the page, no opinion on ours (``ELSEWHERE_BELOW``)."""
        return self.agreement < ELSEWHERE_BELOW and self.coverage < ELSEWHERE_BELOW

    @property
    def contradicts(self) -> bool:
        return self.holds_junk or self.misses_text

    @property
    def decile(self) -> int:
        return min(10, int(self.agreement * 10))


def compare(ours: str | set[tuple[str, ...]], other: str, one_block: bool = True) -> Opinion:
    """``ours`` as a text, or as its ``shingles`` already (the tie-break compares it a second time).
    ``one_block``: ours is one line or nothing, the only body judged by its size (``MISSING_RATIO``):
    a story of two short paragraphs is a story (a test page's 5 3-grams beside its summary, byline
    and votes, 25, read as the generic text once this held for any short body)."""
    mine, theirs = shingles(ours) if isinstance(ours, str) else ours, shingles(other, by_line=False)
    shared = len(mine & theirs)
    return Opinion(shared / len(mine) if mine else 0.0, shared / len(theirs) if theirs else 1.0, len(theirs) - shared,
                   len(mine) if one_block else None)


# What ends a sentence (a closing quote or bracket may follow it): a body with none is fields and links.
_SENTENCE = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*$")
SENTENCE_WORDS = 4  # fewer: a label ("Date 23.05.2011", "Imprimer cette page."), not a sentence


def holds_sentence(text: str) -> bool:
    """Whether a line of ``text`` reads as a sentence: SENTENCE_WORDS words or more (a CJK text: any
    length) ending with a sentence end. A body without one is label lines, a metadata box or links
    (eval-dev dw.com: "Auteur : …", "Date 23.05.2011", "Permalien https://…", the story missed)."""
    for line in text.splitlines():
        line = line.strip()
        if _SENTENCE.search(line) and (len(line.split()) >= SENTENCE_WORDS or _CJK.search(line)):
            return True
    return False


def tie_break_body(html: str, url: str | None) -> str:
    """trafilatura's text of the page (its fast mode, F1 0.959 on the real pages): asked on disagreement only."""
    import trafilatura
    return trafilatura.extract(html, url=url, fast=True) or ""


def full_tie_break_body(html: str, url: str | None) -> str:
    """trafilatura's text in its full mode (its fallback readers too): asked only when the fast mode's
    text is held by neither ours nor the first reader, a reading of chrome (eval-dev economictimes: a
    slideshow, the fast mode read 37 3-grams of forms and links, the full mode its five slides)."""
    import trafilatura
    return trafilatura.extract(html, url=url) or ""


@dataclass(frozen=True)
class Verdict:
    outcome: str          # "agreed", "fallback" (the generic body is used) or "flagged" (ours kept)
    opinion: Opinion
    text: str | None = None  # the body to use instead of ours, on fallback


def without_lists(ours: str, ours_html: str | None) -> str:
    """Our body's text but its list items (``ours_html``'s ``<li>``): what a generic reader may drop."""
    if not ours_html or "<li" not in ours_html:
        return ours
    items = {normalize_text(text_content(li)) for li in parse_fragment(ours_html).iter("li")}
    return "\n\n".join(line for line in ours.split("\n\n") if line not in items)


def confirms(tie_break: str, ours: str, ours_html: str | None, one_block: bool) -> bool:
    """Whether the tie-break confirms ours, lists left out: trafilatura drops a list in a layout table's
    cell (held-out era W, seed 1: of 21 pages it confirmed short of AGREE_AT, 19 lacked only lists).
    Never against a fallback: a real page's lists that both readers drop are its menus."""
    return compare(without_lists(ours, ours_html), tie_break, one_block).agrees


def readers_agree(tie_break: str, generic: str) -> bool:
    """Whether the first generic reader holds the tie-break's text: when ours is contradicted and holds
    less than COVERAGE_AT of the tie-break's, the two generic readers agree on a story ours missed
    (eval-dev jagdleben.de: ours the teaser, 0 % of trafilatura's body, 90 %+ of that in resiliparse's;
    economictimes: ours one slide of five, 25 %)."""
    return compare(tie_break, generic).agreement >= AGREE_AT


def second_opinion(ours: str, generic: str, html: str | None, url: str | None, ours_html: str | None = None) -> Verdict:
    """Keep ours when the generic body confirms it, or does not contradict it; when it does, or reads
    another part of the page, let trafilatura break the tie: ours is agreed when it confirms ours, its
    body is used only when both contradict ours, or the first reader holds its body and ours does not.
    A fast reading of chrome (held by neither) asks its full mode."""
    # A body of several lines but no sentence is judged by its size as a single line is (MISSING_RATIO).
    mine, one_block = shingles(ours), "\n\n" not in ours.strip() or not holds_sentence(ours)
    opinion = compare(mine, generic, one_block)
    if opinion.agrees:
        return Verdict("agreed", opinion)
    if mine and not generic.strip():
        # A reader that found nothing has no opinion on a body of ours (eval-dev: rnz.de, an empty
        # reading "contradicted" a story and the tie-break's navigation, one link a line, replaced it).
        return Verdict("flagged", opinion)
    if not html or not (opinion.contradicts or opinion.reads_elsewhere):
        return Verdict("flagged", opinion)
    tie_break = tie_break_body(html, url)
    second = compare(mine, tie_break, one_block) if tie_break.strip() and ours else None
    if opinion.contradicts and second is not None and second.reads_elsewhere and not readers_agree(tie_break, generic):
        tie_break = full_tie_break_body(html, url) or tie_break
        second = compare(mine, tie_break, one_block)
    readers_agree_on_more = second is not None and second.coverage < COVERAGE_AT and readers_agree(tie_break, generic)
    if opinion.contradicts and tie_break.strip() and (second is None or second.contradicts or readers_agree_on_more):
        return Verdict("fallback", opinion, tie_break)
    if second is not None and (second.agrees or confirms(tie_break, ours, ours_html, one_block)):
        return Verdict("agreed", opinion)
    return Verdict("flagged", opinion)


def text_to_html(text: str) -> str:
    """The fallback body as the contract's clean HTML: one ``<p>`` a line."""
    return "".join(f"<p>{escape(line.strip(), quote=False)}</p>" for line in text.splitlines() if line.strip())
