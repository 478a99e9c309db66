"""Where the body's edges and the text around them sit in the page: evidence for the body's check.

A page's chrome (a help center's "Have more questions? Submit a request", an attachments header, a
newsletter box) is the same text at the same place on every page of one language; an article's
text is not, even when its corpus repeats sentences (the local site's 13 sentences a language:
up to 7 % of its pages end on the same paragraph, but never in the same *place* every time, and
a body's headings sit where its other blocks do). For the body's first two and last four blocks
as read, and the text blocks just before and after them, this records the element's place (the
tags and classes of its ancestors, digits dropped: ``post-123`` is every post's class) and its
text; the crawl's checks (``monitoring/verify_body``) find the places that show one text on most
pages of a language, and a body that holds such a text holds chrome. Read in the worker from the
page object's document order (``positions``), a few dozen elements a page.
"""
from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.class_names import named_tokens

# Elements that hold text of their own as a block (the chrome's lines: a div with a sentence and a
# link, a heading, a list item, a small print line).
TEXT_BLOCKS = frozenset({"p", "div", "section", "aside", "footer", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                         "li", "dt", "dd", "blockquote", "figcaption", "small", "summary", "label", "span", "td"})
EDGE_FIRST, EDGE_LAST = 2, 4  # the body's blocks where a misreading keeps chrome
# Text blocks looked at before the body's first block and after its last (a help center's "Have
# more questions?" line is the 5th-8th after its body, after tags, share and votes).
BEFORE, AFTER = 4, 8
SCAN = 400  # elements walked at most on either side, so a huge footer costs nothing more
MAX_TEXT = 300  # chrome is a line or a box; longer texts are article prose
_DIGITS = re.compile(r"\d+")


def place(element: HtmlElement, known: dict[HtmlElement, str] | None = None) -> str:
    """The element's place in the page: its ancestors' and its own tags and classes, root first.
    ``known``: the places already named on this page (the elements around a body share most of
    their ancestors: 0.38 ms a page without it, the cross-checks' largest cost)."""
    known = {} if known is None else known
    found = known.get(element)
    if found is None:
        parent = element.getparent()
        found = known[element] = step(element) if parent is None else f"{place(parent, known)}/{step(element)}"
    return found


def step(element: HtmlElement) -> str:
    """One element's part of a place: its tag and sorted classes, digits as 0; hashed atomic classes
    differ from page to page (era AB: no place repeated, so no chrome was known and every body went
    unverifiable): only the tokens that name something place it."""
    tag = element.tag if isinstance(element.tag, str) else "#"
    classes = " ".join(sorted(named_tokens(element.get("class") or "")))
    if not classes:
        return tag
    return f"{tag}.{_DIGITS.sub('0', classes) if any(c.isdigit() for c in classes) else classes}"


# An italic or bold line is its block's own text: "<p><em>Updated May 24, 2023</em></p>", an editor's
# note over the story (era AB: 4 of 120 pages read without the update it shows, unnamed).
_EMPHASIS = frozenset({"em", "i", "strong", "b"})


def _owns_text(element: HtmlElement) -> bool:
    text = element.text
    if len(element) == 1 and element[0].tag in _EMPHASIS and not (text or "").strip() and not (element[0].tail or "").strip():
        return bool(text_of(element[0]))
    return bool(text and not text.isspace()) or any(child.tail and not child.tail.isspace() for child in element)


def _repeats(element: HtmlElement | None) -> bool:
    """A list's second item on (tags, cards, share links): one item tells the place, and a long
    list of them would use up the blocks looked at before the chrome after it."""
    if element is None:
        return False
    before = element.getprevious()
    return before is not None and before.tag == element.tag and before.get("class") == element.get("class")


def body_slots(page: Any) -> dict[str, Any]:
    """``{"edges": [[place, text], …], "around": [[place, text], …], "inner": [place, …]}``: the
    body's first and last blocks, the text blocks just outside them, the places of its other blocks."""
    blocks = page.body.blocks
    if not blocks:
        return {}
    order, known = page.elements, {}
    edges = blocks[:EDGE_FIRST] + blocks[max(EDGE_FIRST, len(blocks) - EDGE_LAST):]
    first, last = blocks[0], blocks[-1]
    start, end = page.positions.get(first, 0), page.positions.get(last, 0)
    around = _outside(reversed(order[max(0, start - SCAN):start]), set(first.iterancestors()), BEFORE)
    around += _outside(order[end + 1:end + 1 + SCAN], set(last.iterdescendants()), AFTER)

    def line(element: HtmlElement) -> list[str] | None:
        text = text_of(element)
        return [place(element, known), text] if text and len(text) <= MAX_TEXT else None

    return {"edges": [found for found in map(line, edges) if found],
            "around": [found for found in map(line, around) if found],
            "inner": sorted({place(block, known) for block in blocks[EDGE_FIRST:len(blocks) - EDGE_LAST]})}


def _outside(elements: Any, skip: set[HtmlElement], most: int) -> list[HtmlElement]:
    """Up to ``most`` of ``elements`` (the page's, walking away from the body) that hold text of
    their own, not in ``skip`` (the edge block's own ancestors or descendants), none inside another."""
    found: list[HtmlElement] = []
    taken: set[HtmlElement] = set()  # the elements found
    holding: set[HtmlElement] = set()  # and their ancestors
    for element in elements:
        if element.tag not in TEXT_BLOCKS or element in holding or element in skip or not _owns_text(element) \
                or _repeats(element) or _repeats(element.getparent()):
            continue
        ancestors = list(element.iterancestors())
        if not taken.isdisjoint(ancestors):
            continue
        found.append(element)
        taken.add(element)
        holding.update(ancestors)
        if len(found) == most:
            break
    return found
