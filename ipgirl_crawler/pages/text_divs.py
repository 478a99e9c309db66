"""A block editor's text divs read as the paragraphs a browser shows: a run of sibling ``<div>``s
each holding one line of prose and inline markup only becomes ``<p>``s before the page is read
(``text_divs_as_paragraphs``, called by the page object once a page).
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ipgirl_crawler.pages.boilerplate import prose_chars


# What a text block may hold and still be one paragraph: inline markup only.
_INLINE_TAGS = frozenset({"a", "span", "strong", "b", "em", "i", "u", "code", "mark", "small", "sub", "sup", "br",
                          "abbr", "cite", "q", "s", "time", "img", "svg", "kbd", "var", "font"})


_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _hidden(element: HtmlElement) -> bool:
    return element.get("hidden") is not None or bool(_DISPLAY_NONE.search(element.get("style") or ""))


def text_div_block(div: HtmlElement) -> HtmlElement | None:
    """The block a ``<div>`` that a reader sees as a paragraph makes (its own text, inline markup only:
    a block editor's text block): the widest element around it that holds nothing else (era Y wraps
    each text run in two single-child divs). None for any other div, or a hidden one."""
    if not (div.text or "").strip() or any(child.tag not in _INLINE_TAGS for child in div if isinstance(child.tag, str)):
        return None
    if any(_hidden(node) for node in (div, *div.iterancestors())):
        return None  # a display:none copy of the story for machines (a news site's microdata: 2 real pages)
    block = div
    while (parent := block.getparent()) is not None and len(parent) == 1 and not (parent.text or "").strip():
        block = parent
    return block


# What a text div inside is no paragraph of prose: a table's cell, a control, the page's bars, an icon.
_WIDGET_ROLES = frozenset({"table", "row", "rowheader", "cell", "gridcell", "columnheader", "button", "navigation",
                           "img", "banner", "contentinfo", "complementary", "search", "form"})
_WIDGET_TAGS = frozenset({"table", "header", "nav", "footer", "aside", "form", "button"})


def _in_widget(div: HtmlElement) -> bool:
    return any(node.tag in _WIDGET_TAGS or (node.get("role") or "").strip().lower() in _WIDGET_ROLES
               for node in (div, *div.iterancestors()))


def _labels_closed_toggle(block: HtmlElement) -> bool:
    """The label beside a closed toggle's button ("▸ Contents"): the control's, whose content is hidden."""
    parent = block.getparent()
    return parent is not None and any(s.get("aria-expanded") == "false" for s in parent if s is not block)


def _prose_reaches(body: HtmlElement, chars: int) -> bool:
    """Whether the page's paragraphs and list items hold at least ``chars`` of prose (counted until
    they do: a page of paragraphs answers in its first few, 1.6 -> 0.2 ms a real page)."""
    total = 0
    for paragraph in body.iter("p", "li"):
        total += prose_chars(paragraph)
        if total >= chars:
            return True
    return False


# A post written in an old editor's divs (text divs side by side, "<div><br></div>" between them): a
# run of this many in one element is that element's paragraphs, whatever the rest of the page holds.
# Era AA (a classic Blogspot page): 6 of 120 ja/zh/ko posts, whose short CJK text weighed less than the
# cards', the sidebar's and the post's own list items, were read with no body and dropped as no article.
MIN_DIV_RUN = 3


def _div_runs(blocks: list[HtmlElement]) -> list[HtmlElement]:
    """The text-div blocks that stand in runs of ``MIN_DIV_RUN`` or more under one parent, where they
    hold more prose than that parent's ``<p>``s: a teaser's snippet div or a widget's line stands alone."""
    by_parent: dict[HtmlElement, list[HtmlElement]] = {}
    for block in blocks:
        by_parent.setdefault(block.getparent(), []).append(block)
    runs = []
    for parent, run in by_parent.items():
        if parent is None or len(run) < MIN_DIV_RUN:
            continue
        if sum(map(prose_chars, run)) > sum(prose_chars(child) for child in parent if child.tag == "p"):
            runs.extend(run)
    return runs


def text_divs_as_paragraphs(root: HtmlElement) -> int:
    """On a page that writes more of its text in text-only divs than in paragraphs (a block editor's
    page), each such div's block becomes the ``<p>`` a reader sees: era Y's sections of text blocks
    were read as one block each (53 of 120 bodies wrong). A div drawn as a picture (``role=img``, an
    emoji icon), a table's cell or a control is none. Other pages' text divs (teasers, widgets) are
    left as they are."""
    body = next(root.iter("body"), None)
    if body is None:
        return 0
    blocks, div_chars = [], 0
    for div in body.iter("div"):
        if not (div.text or "").strip():  # the cheap test first: most divs hold no text of their own
            continue
        block = text_div_block(div)
        if block is not None and not _in_widget(div) and not _labels_closed_toggle(block):
            blocks.append(block if block.tag == "div" else div)
            div_chars += prose_chars(div)
    if blocks and _prose_reaches(body, div_chars):
        blocks = _div_runs(blocks)  # the page's paragraphs outweigh its text divs: only a post's run of them
    if not blocks:
        return 0
    for block in blocks:
        block.tag = "p"
        # The single-child wrappers inside go: a <p> holding a <div> does not survive the body's
        # serialising and re-parsing (the parser closes the <p> there; era Y's quote blocks, text lost on 3 of 120).
        etree.strip_tags(block, "div")
    return len(blocks)


# A sidebar's list whose every item links elsewhere is a list of teasers (popular posts, an archive):
# its snippets are other pages' text. Era AA: a short CJK post (140 characters of prose) was outweighed
# by the sidebar's popular posts (259), and dropped. Outside a sidebar such a list may be the story's
# own (real pages: taz.de's body went to its comment form when every linked list stopped weighing).
