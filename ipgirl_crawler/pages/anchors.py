"""Where the page's UI strings stand: the landmarks that bound byline, body and footer.

Class names change with every redesign; the visible UI strings (ui-strings.json, in
English or the page's language) do not, so regions are found by them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.text import normalize_text

# Keys whose label must be the whole text of its element.
WHOLE_TEXT_KEYS = ("helpful_q", "discover", "notice", "home")
# Keys whose label starts its element's text (a label followed by content).
PREFIX_KEYS = ("by", "published", "updated", "share", "tags", "read_also")
MAX_WHOLE_LABEL = 300
# Landmarks are short texts (the longest, the notice, is ~150 characters), never script.
MAX_TEXT_CHARS = 320
NOT_TEXT_PARENTS = frozenset({"script", "style", "noscript", "template"})
_BODY_TEXTS = etree.XPath("//body//text()")
_XML_SPACE = " \t\r\n"  # what XPath's normalize-space() strips
# Landmarks after which the body is over.
END_KEYS = frozenset({"tags", "share", "helpful_q", "votes", "discover"})


def _loose(label: str) -> str:
    """A regex for a label that tolerates the spacing before colons varying (":" / " :" / "：")."""
    core = re.sub(r"\s*[:：]\s*$", "", label)
    pattern = r"\s+".join(re.escape(word) for word in core.split())
    return pattern + (r"\s*[:：]" if core != label.strip() else "")


@lru_cache(maxsize=16)
def prefix_pattern(lang: str) -> re.Pattern[str]:
    """Matches any prefix label at the start of a text, as a whole word; group name = key."""
    branches = []
    for key in PREFIX_KEYS:
        labels = sorted(ui_strings.ui_variants(lang, key), key=len, reverse=True)
        words = "|".join(_loose(label) for label in labels)
        # A label is a whole word: "Di" must not match "Die", nor "Por" match "Porto".
        branches.append(f"(?P<{key}>(?:{words})(?=[\\s:：]|$|(?<=[:：])))")
    return re.compile("^(?:" + "|".join(branches) + ")", re.IGNORECASE)


# Prefix labels that also mark their place standing alone without their colon: a heading
# "Tags" (maybe screen-reader-only) over the tag links, a "Read also" callout's label.
BARE_LABEL_KEYS = ("tags", "share", "read_also")


@lru_cache(maxsize=16)
def whole_texts(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for key in WHOLE_TEXT_KEYS:
        for label in ui_strings.ui_variants(lang, key):
            table.setdefault(normalize_text(label).casefold(), key)
    for key in BARE_LABEL_KEYS:
        for label in ui_strings.ui_variants(lang, key):
            table.setdefault(normalize_text(label.rstrip(" :：")).casefold(), key)
    return table


@lru_cache(maxsize=1)
def _votes_pieces() -> tuple[str, ...]:
    """The longest literal piece of every language's vote-count template ("found this helpful")."""
    pieces = []
    for code in ui_strings.languages():
        template = ui_strings.ui_string(code, "helpful") or ""
        literals = [normalize_text(p) for p in re.split(r"\{yes\}|\{total\}", template)]
        pieces.append(max(literals, key=len))
    return tuple(p for p in pieces if p)


@lru_cache(maxsize=1)
def votes_fragments() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in _votes_pieces()), re.IGNORECASE)


def caseless(text: str) -> str:
    """A form in which a text ``votes_fragments()`` matches always holds a caseless fragment:
    what re.IGNORECASE equates ("I"/"ı"/"İ", "s"/"ſ") comes out the same (tests/pages/test_anchors.py
    checks it for every character of every fragment)."""
    return text.upper().lower().replace("\u0307", "")


@lru_cache(maxsize=1)
def caseless_votes_pieces() -> tuple[str, ...]:
    return tuple(caseless(p) for p in _votes_pieces())


def may_show_votes(text: str) -> bool:
    """False when ``votes_fragments()`` cannot match: a case-insensitive regex search costs ~10 µs
    on a sentence, these substring tests a tenth of it."""
    folded = caseless(text)
    return any(piece in folded for piece in caseless_votes_pieces())


@dataclass
class Anchors:
    """The first element carrying each UI landmark, and document positions to order them."""

    found: dict[str, list[HtmlElement]] = field(default_factory=dict)
    # The short text nodes and their owners, in document order, kept for the cross-checks'
    # restatements (pages/restated.py): a second walk of the page's texts cost them 0.3 ms a page.
    lines: list[tuple[str, HtmlElement]] = field(default_factory=list)

    def first(self, key: str) -> HtmlElement | None:
        hits = self.found.get(key)
        return hits[0] if hits else None

    def all(self, key: str) -> list[HtmlElement]:
        return self.found.get(key, [])


def short_texts(root: HtmlElement) -> Iterator[tuple[str, HtmlElement]]:
    """Each short, non-blank text node under ``<body>`` outside script and style, with the element
    holding it (the restatements' label search reads them all; ``find_anchors`` only landmarks')."""
    for node in _BODY_TEXTS(root):
        if len(node) < MAX_TEXT_CHARS and node.strip(_XML_SPACE):
            owner = _owner(node)
            if owner.tag not in NOT_TEXT_PARENTS:
                yield node, owner


def _owner(node: object) -> HtmlElement:
    parent = node.getparent()  # type: ignore[attr-defined]
    return parent.getparent() if node.is_tail else parent  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def landmark_key(text: str, lang: str) -> str | None:
    """Which landmark a stripped text node is, if any. Memoized: most short texts of a page are
    the site's chrome (menus, labels, footer), the same on every page of a language."""
    # Labels are short: only short texts are normalised and looked up whole.
    key = whole_texts(lang).get(normalize_text(text).casefold()) if len(text) <= MAX_WHOLE_LABEL else None
    if key is None:
        match = prefix_pattern(lang).match(text)
        key = match.lastgroup if match else None
    if key is None and may_show_votes(text) and votes_fragments().search(text):
        key = "votes"
    return key


def find_anchors(root: HtmlElement, lang: str) -> Anchors:
    """One pass over the short, non-blank text nodes under ``<body>``, recording which hold a UI
    landmark, with the element holding each (script and style text left out). Filtered here rather
    than by XPath predicates, which cost libxml2 twice as much; every text's holder is kept
    (``Anchors.lines``) for the restatements' label search, which would walk the page again."""
    anchors = Anchors()
    for node, owner in short_texts(root):
        anchors.lines.append((node, owner))
        key = landmark_key(node.strip(), lang)  # a plain str: the cache keeps no tree alive
        if key is not None:
            anchors.found.setdefault(key, []).append(owner)
    return anchors
