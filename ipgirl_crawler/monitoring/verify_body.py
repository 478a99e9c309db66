"""The body's check: the page's chrome read as body (README "How right is this run").

The site states where its chrome is: a text that sits at the same place (``pages/chrome_slots``:
the tags and classes of its ancestors) on most pages of one language that show that place is the
template's, not an article's: a help center's "Have more questions? Submit a request", an
attachments header, a "Follow" button. A body holding one of those texts holds chrome
(*contradicted*); one that holds none of its language's is *verified*, and *unverifiable* where the
run found no chrome text in its language. A one-sided check: a body that lost its last paragraph
(``verify_region`` sees that), or holds chrome shown on too few pages, passes. Places that hold a body's
inner blocks on some page of the language (its paragraphs', its headings') are the article's: the
local site's corpus ends up to 7 % of a language's bodies on one paragraph and puts one heading in
58 % of them, at those places. Pure over the run's records.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.monitoring.verify_match import is_date_line
from ipgirl_crawler.pages.byline import split_names
from ipgirl_crawler.pages.chrome_slots import EDGE_FIRST, EDGE_LAST

# A place is chrome where a text shows on at least MIN_PAGES pages, each language shows at most
# MAX_TEXTS texts there (its own UI's, English's: a language's pages show their UI in English on
# 15-40 % of some sites), and texts shown twice or more are MIN_SHARE of its pages.
MIN_PAGES = 3
MAX_TEXTS = 3
MIN_SHARE = 0.6
_NUMBERS = re.compile(r"\d+")
# A body's first blocks that only date the article are its byline's: a site-builder design read its
# names and date lines as the body's first two blocks on 31 of 99 pages; no article of eras A-V opens so.
OPENING = 2
MAX_DATE_PIECE = 40  # "Aktualisiert am 11. September 2024, 14:30 Uhr" is 44: a label and a time are no body either way
_YEAR_ALONE = re.compile(r"\d{4}")
# A body's first block that is only a byline, the language's (or English's) "By" label and names,
# is the byline's (held-out forum design Z: "By Olivia Grant and Tom O'Neill" atop 12 of 23 bodies;
# no article of eras A-V, 300 articles seed 11, opens so). Short, no sentence: "By the end of next
# year, most laptops…" is prose (its first piece starts lowercase).
MAX_BYLINE_CHARS = 120
MAX_NAME_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")  # "2023" over a yearly review: a heading
MAX_LINE = 300  # the longest body block compared (chrome_slots.MAX_TEXT: longer texts are prose)
# A body the generic extractor supplied (the second opinion's "fallback") is its text of the whole
# page, not read by the page's places: what it holds is no evidence of prose (W: 17 fallback bodies
# holding the votes question, the footer and the "view in your browser" line kept them from chrome).
FALLBACK = "fallback"
# The site's own widget labels (``data/ui-strings.json``), in the page's language or English: a
# body block that is one of them whole is the widget's, never the article's (W: the votes question
# and "Discover more" in 17 fallback bodies, at a place of ~10 texts a language, too many for
# ``is_chrome``; no body of eras A-V, 300 articles seed 11, holds one).
WIDGET_LABELS = ("helpful_q", "discover", "share", "read_also")


def line_key(text: str) -> int:
    """A text as compared: its UTF-8 length and CRC-32, the same in every process (a distributed
    job's workers hand theirs to one check), its numbers as 0 (chrome counts: "3 min read", "58 out
    of 162 found this helpful", "418 KB": one text). The body's blocks and the texts of ``chrome_slots``
    are both the page's text as ``pages/text.normalize_text`` writes it, so no further
    normalisation: casefolding each block of each body was a third of the crawl process's checks."""
    data = _NUMBERS.sub("0", text).encode("utf-8")
    return len(data) << 32 | zlib.crc32(data)


def table_cell(block: str) -> str:
    """A block as the page shows it: a body the generic extractor supplied writes a layout table's
    row of one cell as ``| text |`` (held-out email design W: 17 fallback bodies, "| Was this
    article helpful? |" among their blocks), its text that cell's."""
    if len(block) > 2 and block[0] == block[-1] == "|":
        inner = block[1:-1].strip()
        if "|" not in inner:
            return inner
    return block


def body_lines(body_text: object) -> list[int]:
    """The body's blocks as compared with chrome texts: the short ones' keys, 0 for the others
    (kept, so that a block's place among the body's blocks stays known)."""
    if not isinstance(body_text, str):
        return []
    return [line_key(table_cell(block)) if len(block) <= MAX_LINE else 0 for block in body_text.split("\n\n") if block]


def _slots(record: dict[str, Any]) -> dict[str, Any]:
    slots = (record.get("statements") or {}).get("body_slots")
    return slots if isinstance(slots, dict) else {}


def _lines(slots: dict[str, Any]) -> list[tuple[str, int, str]]:
    """(place, key, text) of each text the page shows at the body's edges and around it."""
    return [(str(line[0]), line_key(line[1]), line[1]) for line in [*slots.get("edges", ()), *slots.get("around", ())]
            if isinstance(line, (list, tuple)) and len(line) == 2 and isinstance(line[1], str)]


Chrome = dict[str, dict[int, tuple[str, str, int]]]


def chrome_texts(records: Any) -> Chrome:
    """{language: {text's key: (text, its place, the pages showing it there)}}: every text shown at
    a place that is chrome (``is_chrome``), unless some body holds it between its edges (prose)."""
    records = list(records)
    languages = [str(record.get("language") or "") for record in records]
    article_places: set[str] = set()
    prose: dict[str, set[int]] = defaultdict(set)  # texts some body holds between its edges
    for record, language in zip(records, languages):
        article_places.update(_slots(record).get("inner") or ())
        if record.get("body_opinion") != FALLBACK:
            prose[language].update((record.get("body_lines") or [])[EDGE_FIRST:-EDGE_LAST])
    shown: dict[str, dict[int, set[int]]] = defaultdict(lambda: defaultdict(set))
    own: dict[str, int] = defaultdict(int)  # pages showing their own title or summary at a place
    texts_of: dict[int, str] = {}
    for number, record in enumerate(records):
        mine = {line_key(value) for value in (record.get("title"), record.get("summary")) if isinstance(value, str)}
        for where, key, text in _lines(_slots(record)):
            if where not in article_places:
                shown[where][key].add(number)
                texts_of[key] = text
                own[where] += key in mine
    found: Chrome = defaultdict(dict)
    for where, texts in shown.items():
        # A place showing each page's own summary is the article's, however alike the summaries: the
        # local site draws them from a pool of sentences, and eras A,B,AA (120 articles, seed 11) put one
        # summary on 3 pt pages, which made the summary's place "chrome" and two bodies quoting it wrong.
        if own[where] * 2 >= len(set().union(*texts.values())):
            continue
        if is_chrome(texts, languages):
            for key, on in texts.items():
                for language in {languages[number] for number in on} - {""}:
                    if key not in prose[language]:
                        found[language][key] = (texts_of[key], where, len(on))
    return found


def template_place(texts: dict[int, set[int]], languages: list[str]) -> bool:
    """Whether the texts left out at one place (each with the pages showing it there) are the
    template's: one of them on ``MIN_PAGES`` pages or more, at most ``MAX_TEXTS`` in any language.
    Not ``is_chrome``'s share of texts shown twice: a box in nine languages on 13 pages of a
    300-article run shows most of its texts once (N's newsletter box, eras A-V seed 11); a part
    of the article lost on many pages shows many texts in one language."""
    if max(len(on) for on in texts.values()) < MIN_PAGES:
        return False
    per_language: dict[str, set[int]] = defaultdict(set)
    for text, on in texts.items():
        for number in on:
            per_language[languages[number]].add(text)
    return max(len(shown) for shown in per_language.values()) <= MAX_TEXTS


def is_chrome(texts: dict[int, set[int]], languages: list[str]) -> bool:
    """Whether a place (its texts, each with the pages showing it there) is the template's: one
    text on ``MIN_PAGES`` pages or more, at most ``MAX_TEXTS`` texts in any one language, and texts
    shown on two pages or more on ``MIN_SHARE`` of its pages. Pooled over the languages: a text in
    English shows on pages of every language whose UI is English, and a 600-page site with a help
    center on 7 % of it shows an attachments list on 1-2 pages of each language."""
    if not template_place(texts, languages):
        return False
    pages = set().union(*texts.values())
    repeated = set().union(*(on for on in texts.values() if len(on) >= 2))
    return len(repeated) >= MIN_SHARE * len(pages)


def opening_blocks(record: dict[str, Any]) -> list[str]:
    """The body's first ``OPENING`` blocks, as the record keeps its start."""
    return [block for block in str(record.get("body_prefix") or "").split("\n\n")[:OPENING] if block]


def only_dates(block: str, language: str) -> bool:
    """A line of dates and reading times only, each piece a few words ("April 14, 2023 · 1 min
    read", "vor 45 Tagen"): ``is_date_line`` alone takes any text holding a year, a sentence too."""
    pieces = [piece.strip() for piece in re.split(r"[·•|]", block) if piece.strip()]
    return bool(pieces) and not _YEAR_ALONE.fullmatch(block.strip()) and is_date_line(block, language) \
        and all(len(piece) <= MAX_DATE_PIECE and len(piece.split()) <= 5 for piece in pieces)


@lru_cache(maxsize=16)
def _byline_labels(language: str) -> re.Pattern[str]:
    labels = sorted(ui_strings.ui_variants(language, "by"), key=len, reverse=True)
    words = "|".join(re.escape(label.rstrip(" :：")) for label in labels)
    return re.compile(rf"^(?:{words})(?:\s*[:：]\s*|\s+)", re.IGNORECASE)


def only_byline(block: str, language: str, authors: Iterable[str] = ()) -> bool:
    """A byline line alone: the "By" label, then names (each a few words, its first and last
    capitalised where the script has case), no sentence; on a page whose authors were read, one of
    them among the names (a heading "By Design" names nobody the page has)."""
    text = block.strip()
    label = _byline_labels(language).match(text) if len(text) <= MAX_BYLINE_CHARS else None
    if label is None or _SENTENCE_END.search(text[label.end():]):
        return False
    names = split_names(text[label.end():], language)
    known = {name.casefold() for name in authors if isinstance(name, str)}
    return bool(names) and all(_a_name(name) for name in names) \
        and (not known or any(name.casefold() in known for name in names))


def _a_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= MAX_NAME_WORDS and not words[0][0].islower() and not words[-1][0].islower()


@lru_cache(maxsize=32)
def widget_labels(language: str) -> dict[int, str]:
    """{key: text} of the site's widget labels in ``language`` and English."""
    found = {}
    for name in WIDGET_LABELS:
        for text in ui_strings.ui_variants(language, name):
            found[line_key(text)] = text
    return found


def body_verdict(record: dict[str, Any], chrome: Chrome) -> tuple[str, str]:
    """(outcome, what disagreed) of one article's body against the site's chrome texts, and its
    opening lines (a line of dates only is the byline's)."""
    language = str(record.get("language") or "en")
    dated = next((block for block in opening_blocks(record) if only_dates(block, language)), None)
    if dated is not None:
        return "contradicted", f"the body opens with {dated[:80]!r}, a line that only dates the article (the byline's)"
    authors = record.get("authors") or ()
    byline = next((block for block in opening_blocks(record) if only_byline(block, language, authors)), None)
    if byline is not None:
        return "contradicted", f"the body opens with {byline[:80]!r}, the byline's label and names"
    tag_line = record.get("tags_in_body")
    if tag_line:
        return "contradicted", f"the body holds {tag_line[:80]!r}, the article's tags"
    captions = record.get("captions_in_body") or record.get("captions_twice") or []
    if captions:
        return "contradicted", f"the body holds {captions[0][:80]!r}, the caption of one of its images"
    labels = widget_labels(language)
    label = next((labels[line] for line in record.get("body_lines") or () if line in labels), None)
    if label is not None:
        return "contradicted", f"the body holds {label!r}, a label of the site's own widgets"
    known = chrome.get(str(record.get("language") or ""), {})
    held = next((line for line in record.get("body_lines") or () if line and line in known), None)
    if held is not None:
        text, where, pages = known[held]
        return "contradicted", (f"the body holds {text[:80]!r}, shown at one place "
                                f"(…/{'/'.join(where.split('/')[-2:])}) on {pages} pages of the site")
    return ("verified", "") if known else ("unverifiable", "")
