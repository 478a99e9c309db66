"""Small, era-independent helpers over an lxml HTML tree."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, defs, fragments_fromstring
from parsel.selector import create_root_node
from scrapy.http import HtmlResponse, TextResponse

from ipgirl_crawler.pages.text import normalize_text, strip_control


# Block elements that make up an article body, one block each.
BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "figure", "pre", "img"})
# Elements that only group blocks: looked into, never a block themselves when they hold blocks.
WRAPPER_TAGS = frozenset({"html", "body", "font", "div", "section", "article", "main", "table", "tbody", "thead", "tr", "td", "th", "center", "font", "span"})
# Elements HTML defines: any other name (a CMS's "<block>", a custom element no role renamed) is read
# as a wrapper when it holds blocks, as a browser lays its blocks out one under another (hosted.ap.org's
# story stood as one block in a <block>, its "Trending" list inside it).
KNOWN_TAGS = frozenset(defs.tags) | frozenset({
    "main", "template", "picture", "source", "track", "wbr", "data", "output", "progress", "meter", "details",
    "summary", "dialog", "slot", "search", "mark", "time", "bdi", "ruby", "rt", "rp", "svg", "math", "canvas",
    "video", "audio", "embed"})
# Page chrome: never part of a body.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "header", "nav", "footer", "aside", "form",
    "svg", "iframe", "button", "input", "select", "textarea", "link", "meta",
})
# ARIA landmarks of chrome, as <nav>, <header>, <footer> are: a wiki's navbox and contents box are
# divs with role=navigation (era AC: the navbox's title closed 49 of 120 bodies).
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
# An ``h1`` among the blocks is a block of its own, walked as the page shows it: the title's is before
# the body (``split_body`` starts after it), one after the story's first sentence heads a section
# (Medium's editor writes its subheadings as ``h1``: every section of era AB lost its heading while
# ``h1`` stood in SKIP_TAGS). It makes no wrapper a holder of blocks (``contains_blocks``): a title's
# frame with its lead picture stays one block (two real pages lost their lead image when it did).
SECTION_H1 = "h1"
_NEVER_TEXT = "script|style|noscript|template|svg"
MAX_JSONLD_CHARS = 200_000
# Real pages nest blocks a dozen levels deep; deeper wrappers are treated as one block.
MAX_DEPTH = 40
_SLOW_TEXT_TAGS = (*_NEVER_TEXT.split("|"), "br")
_SLOW_TEXT_TAG_SET = frozenset(_SLOW_TEXT_TAGS)
SKIP_TEXT_TAGS = frozenset(_NEVER_TEXT.split("|"))


def _string_value(element: HtmlElement) -> str:
    """XPath's ``string()`` of the element (what lxml.html's ``text_content()`` runs): both are
    libxml2's node content (every text node of the subtree), read here by the text serializer
    without an XPath context: 1.4 against 2.4 us a call, 250 calls a real page (a site page's: 1.7
    against 4.3, 36 calls)."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def page_root(response: TextResponse) -> HtmlElement:
    """The page's tree as Scrapy's selector parses it (same text, same libxml2 options), made of
    plain lxml elements: lxml.html's elements call back into Python for every element touched,
    which costs more than the parse itself on a page walk. Page objects read ``rendered.rendered_root``."""
    if not isinstance(response, HtmlResponse):
        return response.selector.root
    return create_root_node(response.text, etree.HTMLParser, base_url=response.url)


_FRAGMENT_PARSER = etree.HTMLParser()


def parse_fragment(html: str) -> HtmlElement:
    """``lxml.html.fragment_fromstring(html, create_parent="div")``, the same tree, of plain lxml
    elements (no Python call per element touched): the pipelines' view of a body's raw blocks."""
    root = etree.Element("div")
    elements = fragments_fromstring(html, parser=_FRAGMENT_PARSER)
    if elements and isinstance(elements[0], str):
        root.text = elements.pop(0)
    root.extend(elements)
    return root


# The fragment the notice pipeline parsed and edited, with the HTML it wrote from it: the body
# pipeline, next, takes that tree rather than parse the HTML again (one parse of a site page's body
# instead of two: 0.1 ms of 4.1). One slot, taken once: the taker edits the tree.
_handed_over: list[tuple[str, HtmlElement]] = []


def hand_over_fragment(html: str, root: HtmlElement) -> None:
    """Keep ``root`` for the next ``body_fragment(html)``; ``html`` is its blocks' ``outer_html``, so
    the text before them and their tails (which that leaves out) go, as a parse of ``html`` has none."""
    root.text = None
    for block in root:
        block.tail = None
    _handed_over[:] = [(html, root)]


def body_fragment(html: str) -> HtmlElement:
    """``parse_fragment(strip_control(html))``: the tree handed over for this very HTML if there is one."""
    handed = _handed_over.pop() if _handed_over else None
    if handed is not None and handed[0] == html:
        return handed[1]
    return parse_fragment(strip_control(html))


def outer_html(element: HtmlElement) -> str:
    return etree.tostring(element, method="html", encoding="unicode", with_tail=False)


# Parts of a table: out of their table, an HTML parser drops their text and keeps only their links.
TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "tfoot", "caption"})


def block_html(block: HtmlElement) -> str:
    """A body block's HTML as it parses on its own: a table cell or row standing as a block is
    written as a ``<div>`` (its text kept), anything else as it is."""
    if block.tag not in TABLE_PARTS:
        return outer_html(block)
    tag = block.tag
    try:
        block.tag = "div"
        return outer_html(block)
    finally:
        block.tag = tag


def drop_tree(element: HtmlElement) -> None:
    """lxml.html's ``drop_tree()``: the element and its content go, its tail text stays."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


def drop_tag(element: HtmlElement) -> None:
    """lxml.html's ``drop_tag()``: the tag goes, its text and children stay in its place."""
    parent, previous = element.getparent(), element.getprevious()
    if element.text and isinstance(element.tag, str):
        if previous is None:
            parent.text = (parent.text or "") + element.text
        else:
            previous.tail = (previous.tail or "") + element.text
    if element.tail:
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + element.tail
        elif previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    index = parent.index(element)
    parent[index:index + 1] = element[:]


def text_content(element: HtmlElement) -> str:
    """All the text inside ``element`` (its tail excluded), as lxml.html's ``text_content()``.
    An element with no child holds its ``.text`` alone: read without an XPath call (0.12 µs against
    1.2; most paragraphs, list items and links a page walk asks about have no child)."""
    if len(element):
        return _string_value(element)
    return element.text or ""


# text_of's answers for the elements of the page being read, kept until the next page starts
# (``remember_texts``): the locators ask for the same elements' text again and again (36 calls a
# site page, 45 % of them repeats; 26 a real page, 33 %), some of them a whole container's.
_page_texts: dict[HtmlElement, str] = {}
_page_root: list[HtmlElement | None] = [None]


def remember_texts(root: HtmlElement) -> None:
    """Start reading a page whose tree will not change any more: ``text_of`` keeps what it reads
    of its elements (other trees, such as a body's fragment the pipelines edit, are never kept)."""
    _page_texts.clear()
    _page_root[0] = root


def text_of(element: HtmlElement | None) -> str:
    """The element's visible text, normalised (script and style contents left out)."""
    if element is None:
        return ""
    text = _page_texts.get(element)
    if text is None:
        text = _visible_text(element)
        if _page_root[0] is not None and element.getroottree().getroot() is _page_root[0]:
            _page_texts[element] = text
    return text


def _visible_text(element: HtmlElement) -> str:
    # The common cases, fast: an element with no child (its .text: no tag filter set up, which
    # costs lxml more than the read), or with no script, style or <br> in it. Together 0.13 -> 0.08
    # ms a site page (26 such reads a page, 8 of elements with children), 0.19 -> 0.17 a real page.
    if not len(element):
        if element.tag not in _SLOW_TEXT_TAG_SET:
            return normalize_text(element.text)
    elif next(element.iter(*_SLOW_TEXT_TAGS), None) is None:
        return normalize_text(_string_value(element))
    if any(a.tag in SKIP_TEXT_TAGS for a in element.iterancestors()):
        return ""  # all its text is a script's or a style's: only its <br> would show, as blanks
    # Inline markup must not split words ("<b>Hel</b>lo"), but a <br> is a space.
    return normalize_text("".join(_visible_parts(element)))


def _visible_parts(element: HtmlElement) -> Iterator[str]:
    """The text nodes outside script, style… and a ``<br>`` as a space, in one walk; the XPath it
    replaces (tests/pages/test_dom.py) checked every text node's ancestors: 1.4 ms a real page's
    container with a script in it, against 0.17 ms here."""
    hidden = 0  # how many script, style… elements the walk is in
    for event, node in etree.iterwalk(element, events=("start", "end", "comment", "pi")):
        tag = node.tag
        if event == "start":
            if tag == "br":
                yield " "
            if tag in SKIP_TEXT_TAGS:
                hidden += 1
            elif not hidden and node.text:
                yield node.text
            continue
        if event == "end" and tag in SKIP_TEXT_TAGS:
            hidden -= 1
        if not hidden and node.tail and node is not element:  # a comment's text is none, its tail is
            yield node.tail


# Elements that start a new part of a byline (``<dt>Par</dt><dd>…</dd>``, lines, cells).
LINE_BREAKS = frozenset({"dt", "dd", "p", "div", "li", "br", "tr", "td", "address", "section"})


def lines_of(element: HtmlElement | None) -> str:
    """The element's text with " | " where a new line or cell starts, for texts read in parts."""
    if element is None:
        return ""
    parts: list[str] = [element.text or ""] if element.tag not in SKIP_TEXT_TAGS else []
    _walk_lines(element, parts, 0)
    return normalize_text("".join(parts))


def _walk_lines(node: HtmlElement, parts: list[str], depth: int) -> None:
    # A child's tail follows its whole subtree: "<span><span>By <a>A</a></span></span> <span>Published"
    # reads "By A Published", not "By APublished".
    for child in node:
        if isinstance(child.tag, str) and child.tag not in SKIP_TEXT_TAGS and depth < MAX_DEPTH:
            if child.tag in LINE_BREAKS:
                parts.append(" | ")
            parts.append(child.text or "")
            _walk_lines(child, parts, depth + 1)
        if child.tail:
            parts.append(child.tail)


def attr(element: HtmlElement | None, name: str) -> str:
    return normalize_text(element.get(name)) if element is not None else ""


def first(elements: list[Any]) -> Any:
    return elements[0] if elements else None


def has_class_hint(element: HtmlElement, *fragments: str) -> bool:
    classes = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return any(fragment in classes for fragment in fragments)


def contains_blocks(element: HtmlElement, depth: int = 0, found: dict[HtmlElement, int] | None = None) -> bool:
    """Whether a block stands under ``element`` through wrappers only, within ``MAX_DEPTH`` levels.
    ``found`` keeps the deepest ``depth`` each element was found to hold one at: it holds one at any
    shallower depth too, so ``flatten_blocks`` walks a chain of wrappers once, not once a level."""
    if depth > MAX_DEPTH:
        return False
    if found is not None and found.get(element, -1) >= depth:
        return True
    holds = any(child.tag in BLOCK_TAGS or ((child.tag in WRAPPER_TAGS or child.tag not in KNOWN_TAGS)
                                            and contains_blocks(child, depth + 1, found))
                for child in element.iterchildren() if isinstance(child.tag, str)) or stacks_rows(element)
    if holds and found is not None:
        found[element] = max(depth, found.get(element, -1))
    return holds


_ROW_GROUPS = frozenset({"table", "tbody", "thead", "tfoot"})


def stacks_rows(element: HtmlElement) -> bool:
    """A table (or row group) of two or more rows of one cell each: a layout table, whose rows a
    browser stacks one under another as a page stacks divs, each a block. An email's story is such a
    column of rows of text, no paragraph in them (held-out era W: 10 of 62 such pages read as one
    block); a data table has columns, and stays one block."""
    if element.tag not in _ROW_GROUPS:
        return False
    rows = [row for row in element.iterchildren("tr")]
    return len(rows) > 1 and all(sum(1 for cell in row.iterchildren("td", "th")) <= 1 for row in rows)


_FONT_PX = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)px", re.IGNORECASE)


def shown_font_px(block: HtmlElement) -> float | None:
    """The size in pixels an inline style sets the block's first words in (the innermost ``font-size``
    around them), None when no style says: email HTML sets every size inline, a page in its sheets."""
    holder = next((e for e in block.iter() if isinstance(e.tag, str) and (e.text or "").strip()), None)
    for element in (holder, *holder.iterancestors()) if holder is not None else ():
        match = _FONT_PX.search(element.get("style") or "")
        if match:
            return float(match[1])
        if element is block:
            break
    return None


def set_larger(line: HtmlElement, block: HtmlElement) -> bool:
    """Whether inline styles set ``line`` in larger type than ``block``: a heading as a reader sees it,
    whatever its tag (an email's section heading, a bold 22 px div over 16 px text; 4 of 120 era W
    bodies lost one taken for a callout's label over a "Read also" line)."""
    line_px, block_px = shown_font_px(line), shown_font_px(block)
    return line_px is not None and block_px is not None and line_px > block_px


def is_figure_frame(element: HtmlElement) -> bool:
    """One image with at most a short caption around it (a table, ``<center>``, a captioned div)."""
    images = element.iter("img")  # no XPath: asked of every wrapper a body walk meets
    if next(images, None) is None or next(images, None) is not None:
        return False
    # A <figure> with its own caption is a block of its own beside the wrapper's other lines (a
    # story's section of a figure and a "Read also" line was one figure, the line glued to its
    # caption: era V); a bare <figure> beside a <figcaption> is the wrapper's image (a real page).
    if element.xpath(".//ul | .//ol | .//blockquote | .//h2 | .//h3 | .//h4 | .//figure[.//figcaption]"):
        return False
    # Text lines are counted where they stand, not by their wrappers: a wiki's thumbnail nests its
    # caption two divs deep beside an empty "enlarge" icon (2 of 120 era AC figures went as three blocks).
    return len(text_of(element)) <= 300 and len(_TEXT_LINES(element)) <= 1


_TEXT_LINES = etree.XPath(".//p | .//div[normalize-space()][not(.//p or .//div[normalize-space()])]")


def flatten_blocks(container: HtmlElement, depth: int = 0,
                   found: dict[HtmlElement, int] | None = None) -> Iterator[HtmlElement]:
    """The outermost block elements under ``container``, in document order."""
    found = {} if found is None else found
    for child in container.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS or child.get("role") in CHROME_ROLES:
            continue
        if tag in BLOCK_TAGS or tag == SECTION_H1 or (tag in WRAPPER_TAGS and tag not in ("html", "body") and is_figure_frame(child)):
            yield child
        elif depth < MAX_DEPTH and (tag in WRAPPER_TAGS or tag not in KNOWN_TAGS) and contains_blocks(child, 0, found):
            yield from flatten_blocks(child, depth + 1, found)
        else:
            yield child


def in_navigation(element: HtmlElement) -> bool:
    """Whether ``element`` stands in a menu: a ``<nav>`` or an element of ARIA role navigation."""
    return any(a.tag == "nav" or a.get("role") == "navigation" for a in element.iterancestors())


def common_ancestor(a: HtmlElement, b: HtmlElement) -> HtmlElement:
    """The deepest element that is ``a`` or ``b`` or contains both."""
    lineage = {a, *a.iterancestors()}
    for node in (b, *b.iterancestors()):
        if node in lineage:
            return node
    return a.getroottree().getroot()


def json_ld_objects(scripts: list[HtmlElement]) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page's ``application/ld+json`` scripts, ``@graph`` and lists
    unrolled; broken ones skipped."""
    found: list[dict[str, Any]] = []
    for script in scripts:
        raw = script.text or ""
        if len(raw) > MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for obj in stack:
            if isinstance(obj, dict):
                found.append(obj)
                graph = obj.get("@graph")
                if isinstance(graph, list):
                    found.extend(o for o in graph if isinstance(o, dict))
    return found
