"""Where the page's UI strings stand: the landmarks that bound byline, body and footer.

Class names change with every redesign; the visible UI strings (ui-strings.json, in
English or the page's language) do not, so regions are found by them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml.html import HtmlElement

from ipgirl_crawler import i18n
from ipgirl_crawler.text import normalize_text

# Keys whose label must be the whole text of its element.
WHOLE_TEXT_KEYS = ("helpful_q", "discover", "notice", "home")
# Keys whose label starts its element's text (a label followed by content).
PREFIX_KEYS = ("by", "published", "updated", "share", "tags", "read_also")
MAX_WHOLE_LABEL = 300
# Landmarks are short texts (the longest, the notice, is ~150 characters), never script.
_SHORT_TEXTS = ("//body//text()[string-length() < 320][normalize-space()]"
                "[not(parent::script or parent::style or parent::noscript or parent::template)]")
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
        labels = sorted(i18n.ui_variants(lang, key), key=len, reverse=True)
        words = "|".join(_loose(label) for label in labels)
        # A label is a whole word: "Di" must not match "Die", nor "Por" match "Porto".
        branches.append(f"(?P<{key}>(?:{words})(?=[\\s:：]|$|(?<=[:：])))")
    return re.compile("^(?:" + "|".join(branches) + ")", re.IGNORECASE)


@lru_cache(maxsize=16)
def whole_texts(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for key in WHOLE_TEXT_KEYS:
        for label in i18n.ui_variants(lang, key):
            table.setdefault(normalize_text(label).casefold(), key)
    return table


@lru_cache(maxsize=1)
def votes_fragments() -> re.Pattern[str]:
    """The longest literal piece of every language's vote-count template ("found this helpful")."""
    pieces = []
    for code in i18n.languages():
        template = i18n.ui_string(code, "helpful") or ""
        literals = [normalize_text(p) for p in re.split(r"\{yes\}|\{total\}", template)]
        pieces.append(max(literals, key=len))
    return re.compile("|".join(re.escape(p) for p in pieces if p), re.IGNORECASE)


@dataclass
class Anchors:
    """The first element carrying each UI landmark, and document positions to order them."""

    found: dict[str, list[HtmlElement]] = field(default_factory=dict)

    def first(self, key: str) -> HtmlElement | None:
        hits = self.found.get(key)
        return hits[0] if hits else None

    def all(self, key: str) -> list[HtmlElement]:
        return self.found.get(key, [])


def _owner(node: object) -> HtmlElement:
    parent = node.getparent()  # type: ignore[attr-defined]
    return parent.getparent() if node.is_tail else parent  # type: ignore[attr-defined]


def find_anchors(root: HtmlElement, lang: str) -> Anchors:
    """One pass over the page's text nodes, recording which hold a UI landmark."""
    anchors = Anchors()
    prefixes, whole, votes = prefix_pattern(lang), whole_texts(lang), votes_fragments()
    for node in root.xpath(_SHORT_TEXTS):
        raw = node.strip()
        # Labels are short: only short texts are normalised and looked up whole.
        key = whole.get(normalize_text(raw).casefold()) if len(raw) <= MAX_WHOLE_LABEL else None
        if key is None:
            match = prefixes.match(raw)
            key = match.lastgroup if match else None
        if key is None and votes.search(raw):
            key = "votes"
        if key is not None:
            anchors.found.setdefault(key, []).append(_owner(node))
    return anchors
