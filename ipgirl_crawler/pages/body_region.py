"""What the element the body came from shows: evidence for the body's check of lost parts.

The body is read out of one element of the page (``ArticlePage.body_container``: the common
ancestor of the title and the densest paragraph text). A reading that loses a part of the article
(its subheadings, a list, a quote, its first or last paragraph, a section the page folds away)
leaves that part's text in the element and out of the body. This records, in document order, the
text leaves of that element between the title and the related articles' heading: its headings and
paragraphs, list items, quotes and table cells, each as ``[kind, key, start, box, where]`` ("h" a heading,
"p" the others; ``text_key`` of its text; its first ``START_CHARS`` characters, for the examples; its
parent's place in the page's order, which tells the leaves of one box; the CRC-32 of its parent's and
its own tags and classes (``chrome_slots.step``), which tells the template's boxes across pages: the
whole path does not, as a box inside the body sits at two depths of one design, N's newsletter box). The
crawl's check (``monitoring/verify_region``) compares them with the body's blocks. Read in the
worker from the page object's document order, ~30 leaves a page.
"""
from __future__ import annotations

import zlib
from copy import deepcopy
from typing import Any

from lxml.html import HtmlElement

from ipgirl_crawler.pages.boilerplate import contents_boxes
from ipgirl_crawler.pages.chrome_slots import step
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.marks import is_heading_control, is_note_marker, is_notes_list

LEAVES = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt", "td", "th", "pre"})
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_FLAT = HEADINGS | {"p", "pre"}
# Places whose text is the page's furniture, never the article's, wherever they stand.
NOT_ARTICLE = frozenset({"nav", "aside", "footer", "header", "form", "figure", "figcaption", "button", "select",
                         "details-summary", "summary", "label"})
START_CHARS = 80
MAX_LEAVES = 200  # a page of more leaves than that is a listing or a thread: its first 200 are looked at
_END_MARKS = " #¶§¤🔗\u00a0\"'“”„«»「」『』‘’"


def text_key(text: str) -> int:
    """A text as compared: without the marks at its ends (a heading's permalink "#" or "¶", which the
    body's cleaning drops as hidden; a quote's marks); its UTF-8 length and CRC-32. No regular
    expression: it was a third of the statement's 0.3 ms a site page."""
    data = text.strip(_END_MARKS).encode("utf-8")
    return len(data) << 32 | zlib.crc32(data)


def _read_text(element: HtmlElement) -> str:
    """The leaf's text as the body's cleaning leaves it: without footnote marks ("…models.[1]") and a
    heading's bracketed edit links (``pages/marks``), which the body drops as no words of the text
    (era AC, a wiki: 81 of 120 right bodies "lacked" their own paragraphs, compared with the marks on)."""
    text = text_of(element)
    if "[" not in text and element.find(".//sup") is None:
        return text
    marks = {e for e in element.iterdescendants() if is_note_marker(e) or is_heading_control(e)}
    if not marks:
        return text
    clone = deepcopy(element)
    for original, copied in zip(list(element.iter()), list(clone.iter())):
        if original in marks:
            _drop_keeping_tail(copied)
    return text_of(clone)


def _drop_keeping_tail(element: HtmlElement) -> None:
    """Remove ``element`` and its text, keeping its tail (the text after it) in place."""
    parent, tail = element.getparent(), element.tail or ""
    if parent is None:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _leaf(element: HtmlElement) -> bool:
    """A text block holding no other: a ``<blockquote><p>`` is its paragraph, a list its items (a
    paragraph or a heading holds none)."""
    return element.tag in _FLAT or next(element.iterdescendants(*LEAVES), None) is None


def _a_link(element: HtmlElement, text: str) -> bool:
    """A leaf whose text is mostly a link's: an embedded "Read also" post, a card, a tag line, a
    share line; the body's cleaning drops them, and no paragraph of prose is one. A leaf inside a link
    is all link: a link preview box's title heading (era AB's embeds: 19 of 120 right bodies "lacked" it)."""
    if next(element.iterancestors("a"), None) is not None:
        return True
    linked = sum(len(text_of(link)) for link in element.iter("a"))
    return 2 * linked >= len(text)


def body_region(page: Any) -> list[list[Any]]:
    """``[[kind, key, start, box, where], …]``: the text leaves of the body's element (see the module's doc)."""
    container, title = page.body_container(), page._title
    if container is None:
        return []
    start = page.positions.get(title, -1) if title is not None else -1
    related = page.discover_heading()
    end = page.positions.get(related, 1 << 30) if related is not None else 1 << 30
    found: list[list[Any]] = []
    # one pass over the furniture's subtrees, not each leaf's ancestors (0.41 -> 0.2 ms a site page)
    furniture = {leaf for outer in container.iter(*NOT_ARTICLE) for leaf in outer.iter(*LEAVES)}
    # a list of footnotes is the sources, which the body leaves out (era AC: 22 of 120 right bodies
    # "lacked" their References' items)
    furniture.update(leaf for notes in container.iter("ol", "ul") if is_notes_list(notes) for leaf in notes.iter(*LEAVES))
    # and a table of contents, its title with it ("Contents", "目次": the held-out wiki design AC in a mix of
    # 400 articles, 28 of them, too few in each language for the title to show as the template's)
    furniture.update(leaf for box in contents_boxes(container) for leaf in box.iter(*LEAVES))
    for element in container.iter(*LEAVES):
        at = page.positions.get(element, -1)
        if not start < at < end or element in furniture or not _leaf(element):
            continue
        text = _read_text(element)
        if text and not _a_link(element, text):
            parent = element.getparent()
            box = page.positions.get(parent, -1) if parent is not None else -1
            where = zlib.crc32(f"{step(parent) if parent is not None else ''}/{step(element)}".encode("utf-8"))
            found.append(["h" if element.tag in HEADINGS else "p", text_key(text), text[:START_CHARS], box, where])
            if len(found) == MAX_LEAVES:
                break
    return found
