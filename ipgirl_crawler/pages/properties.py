"""A page's properties table: rows of a label and its value ("Author | Ann Lee", "Published | 4 July
2023"), as a workspace or wiki page published to the web shows its metadata under the title.

Read by structure: a table row (``tr``, or ARIA ``role=row``) of two cells, the first a label (``th``,
``role=rowheader``, or the first cell); the label's words are per language (``rules.PROPERTY_LABELS``
and the UI strings). A name chip's initial-letter avatar ("A" before "Ann Lee") is no name.
"""
from __future__ import annotations

import re
from functools import cached_property, lru_cache

from lxml.html import HtmlElement

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.languages.rules import PROPERTY_LABELS
from ipgirl_crawler.pages.byline import split_names
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.text import normalize_text

PROPERTY_KEYS = ("by", "published", "updated")
_CELL_ROLES = frozenset({"rowheader", "cell", "gridcell", "columnheader"})
# A value longer than this is a paragraph, not a property (a summary row, a description).
MAX_VALUE_CHARS = 200


@lru_cache(maxsize=16)
def _labels(lang: str) -> dict[str, str]:
    """Label text (casefolded, no colon) -> property key, for ``lang`` and English."""
    table: dict[str, str] = {}
    for key in PROPERTY_KEYS:
        words = [*ui_strings.ui_variants(lang, key), *PROPERTY_LABELS[key].get(lang, ()), *PROPERTY_LABELS[key]["en"]]
        for word in words:
            table.setdefault(_label_text(word), key)
    return table


# A label's optional plural ending: "Author(s)", "Autor(es)", "Autore/i" read as "Author", "Autor", "Autore"
# (a wiki infobox's labels: era AC's author rows, 27 of 120 pages, were read as no property).
_PLURAL_ENDING = re.compile(r"(?<=\w\w\w)(?:\(\w{1,3}\)|/\w{1,3})$")


def _label_text(text: str) -> str:
    return _PLURAL_ENDING.sub("", normalize_text(text).rstrip(" :：")).casefold()


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [c for c in row if isinstance(c.tag, str) and (c.tag in ("th", "td") or c.get("role") in _CELL_ROLES)]


def property_values(root: HtmlElement, lang: str) -> dict[str, HtmlElement]:
    """The value cell of each known property row of the page, first row of each key."""
    labels, found = _labels(lang), {}
    rows = [e for e in root.iter("tr", "div") if e.tag == "tr" or e.get("role") == "row"]
    for row in rows:
        cells = _cells(row)
        if len(cells) != 2:
            continue
        key = labels.get(_label_text(text_of(cells[0])))
        if key is not None and len(text_of(cells[1])) <= MAX_VALUE_CHARS:
            found.setdefault(key, cells[1])
    return found


def _leaves(element: HtmlElement) -> list[str]:
    """The texts of the innermost elements holding text (a chip's parts), in order."""
    return [text for e in element.iter() if isinstance(e.tag, str) and not len(e) and (text := text_of(e))]


def names_in(value: HtmlElement, lang: str) -> list[str]:
    """The people a property value names: one per chip, an initial-letter avatar left out; a plain
    "A and B" value split as a byline's names."""
    leaves = _leaves(value)
    if len(leaves) > 1:  # chips: "P", "Pablo Ortega", "E", "Elena Martín"
        return [text for text in leaves if len(text) > 1]
    return split_names(text_of(value), lang)


_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _shown_text(value: HtmlElement) -> str:
    """The value's text as a reader sees it: a part hidden by ``display: none`` or ``hidden`` left out
    (a wiki's {{Start date}} hides an ISO copy of the day beside the visible one: "July 24, 2025
    (2025-07-24)" read as no date on 34 of 120 era AC pages)."""
    hidden = [e for e in value.iter() if isinstance(e.tag, str) and e is not value
              and (e.get("hidden") is not None or _DISPLAY_NONE.search(e.get("style") or ""))]
    if not hidden:
        return text_of(value)
    parts = []
    for node in value.xpath(".//text()"):
        owner = node.getparent()
        holder = owner.getparent() if node.is_tail else owner
        if holder is not None and not any(h is holder or h in holder.iterancestors() for h in hidden):
            parts.append(str(node))
    return normalize_text("".join(parts))


def date_in(value: HtmlElement) -> str | None:
    """A property's date: its ``time[datetime]``, else its text as shown."""
    stamp = next(value.iter("time"), None)
    return (stamp.get("datetime") if stamp is not None else None) or _shown_text(value) or None


class PropertyRows:
    """The properties table of ``ArticlePage`` (a mixin: it reads the page's root and language)."""

    root: HtmlElement
    language: str | None

    @cached_property
    def properties(self) -> dict[str, HtmlElement]:
        """The value cells of the page's properties table: author, published, last edited."""
        return property_values(self.root, self.language or "en")

    @cached_property
    def property_authors(self) -> list[str]:
        """The people a properties table's "Author" row names."""
        shown = self.properties.get("by")
        return names_in(shown, self.language or "en") if shown is not None else []


def table_pictures(tables: set[HtmlElement], blocks: list[HtmlElement]) -> list[HtmlElement]:
    """The cells of a properties table that show a picture (a wiki infobox's image and its caption)
    when no body block holds it: the article's first figure, though its table is metadata (taken
    with the byline, era AC's infobox image was missed on 12 of 120 pages)."""
    held = {img for block in blocks for img in block.iter("img")}
    cells = []
    for table in tables:
        for img in table.iter("img"):
            cell = next(img.iterancestors("td", "th"), None)
            if img not in held and cell is not None and cell not in cells:
                cells.append(cell)
    return cells
