"""Old pages without paragraphs: text runs separated by ``<br><br>`` become real ``<p>`` blocks.

Early templates put a whole article into one ``<td>`` or ``<font>``: paragraphs split by
double line breaks, subheadings as a bold line, the summary as an italic line. Wrapping each
run in a ``<p>`` (in place, once per page) lets every later step see blocks, as on any other era.
"""
from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import BLOCK_TAGS, text_content
from ipgirl_crawler.pages.text import strip_control

# Elements that end a text run: blocks of any kind.
BREAKING = BLOCK_TAGS | frozenset({
    "div", "table", "center", "section", "article", "main", "header", "footer", "nav", "aside", "form",
    "h1", "hr", "li", "dd", "dt", "iframe", "noscript", "address",
})
# Elements that may hold a run of text mixed with blocks.
CONTAINERS = frozenset({"body", "div", "td", "th", "font", "center", "section", "article", "main", "span", "form", "dd"})
# A run inside one of these is already a block's content: left alone.
BLOCK_ANCESTORS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "a", "figcaption", "pre"})

# Elements that may hold text runs: parents of a <br> or of text, and parents of inline text
# (``//body//br/.. | //body//text()[normalize-space()]/.. | //body//text()[normalize-space()]/../..``).
# The text's parents are found once and handed to the union as a variable, whose parents it takes:
# the text nodes are not looked for twice (0.15 -> 0.11 ms a site page, 0.86 -> 0.67 a real one).
_TEXT_PARENTS = etree.XPath("//body//text()[normalize-space()]/..")
_CANDIDATES = etree.XPath("$text_parents | $text_parents/.. | //body//br/..")


def _blank(text: str | None) -> bool:
    return not text or not text.strip()


def _is_breaking(node: object) -> bool:
    if not isinstance(node, etree._Element) or not isinstance(node.tag, str):
        return False
    if node.tag in BREAKING:
        return True
    # An inline element that now holds blocks (a <font> around a whole body) is a container.
    return any(isinstance(d.tag, str) and d.tag in BREAKING for d in node.iterdescendants())


def _needs_wrapping(element: HtmlElement) -> bool:
    """A container whose text runs are separated by ``<br>`` or stand between blocks."""
    if element.tag not in CONTAINERS:
        return False
    children = [c for c in element if isinstance(c.tag, str)]
    separated = any(c.tag == "br" or c.tag in BREAKING for c in children) or any(
        _is_breaking(c) for c in children)
    if not separated:
        return False
    texts = [element.text, *(child.tail for child in element)]
    inline_text = any(not _blank(t) for t in texts) or any(
        c.tag not in ("br", "script", "style") and not _is_breaking(c) and not _blank(text_content(c)) for c in children)
    return inline_text and not any(a.tag in BLOCK_ANCESTORS for a in element.iterancestors())


def _shows_nothing(node: HtmlElement) -> bool:
    """An inline element a reader does not see: a script, an empty ad slot (``<ins>``), an ``<a name>``
    anchor; no picture and no text."""
    return node.tag in ("script", "style") or (
        node.tag != "img" and next(node.iter("img"), None) is None and _blank(text_content(node)))


def _is_solo(line: list[object]) -> bool:
    """A line that is one inline element and nothing else a reader sees: a heading, a summary, a byline.
    An ad's empty slot or a script before it changes nothing (era AA: a bold minor heading after an
    in-article ad was glued to the paragraph under it, 2 of 120 pages)."""
    elements = [n for n in line if not isinstance(n, str) and not _shows_nothing(n)]
    return len(elements) == 1 and all(_blank(n) for n in line if isinstance(n, str)) and elements[0].tag != "img"


def _segments(element: HtmlElement) -> list[object]:
    """The element's content as runs (lists of strings and inline elements) and breaking blocks."""
    items: list[object] = [element.text or ""]
    for child in element:
        items += [child, child.tail or ""]
    segments: list[object] = []
    run: list[object] = []
    line: list[object] = []
    after_br = False

    def flush(nodes: list[object]) -> None:
        if any(not isinstance(n, str) and n.tag != "br" or isinstance(n, str) and not _blank(n) for n in nodes):
            segments.append(list(nodes))

    for node in items:
        if isinstance(node, str):
            line.append(node)
            after_br = after_br and _blank(node)
        elif _is_breaking(node):
            flush(run + line)
            run, line, after_br = [], [], False
            segments.append(node)
        elif node.tag == "br":
            if after_br or _is_solo(line):
                flush(run + line)
                run, line = [], []
            else:
                run += line + [node]
                line = []
            after_br = True
        else:
            line.append(node)
            after_br = False
    flush(run + line)
    return segments


def _rebuild(element: HtmlElement, segments: list[object]) -> None:
    for child in list(element):
        element.remove(child)
    element.text = None
    for segment in segments:
        if isinstance(segment, list):
            paragraph = element.makeelement("p")
            for node in segment:
                if isinstance(node, str):
                    node = strip_control(node)  # the parser keeps them; lxml refuses to set them
                    last = paragraph[-1] if len(paragraph) else None
                    if last is None:
                        paragraph.text = (paragraph.text or "") + node
                    else:
                        last.tail = (last.tail or "") + node
                else:
                    node.tail = None
                    paragraph.append(node)
            element.append(paragraph)
        else:
            segment.tail = None
            element.append(segment)


def wrap_inline_runs(root: HtmlElement) -> int:
    """Wrap every text run of a mixed container in ``<p>``, deepest containers first; returns
    how many containers changed."""
    changed = 0
    # Candidates, found in C: containers with a <br> or direct text; deepest first.
    for element in reversed(_CANDIDATES(root, text_parents=_TEXT_PARENTS(root))):
        if element.tag in CONTAINERS and _needs_wrapping(element):
            _rebuild(element, _segments(element))
            changed += 1
    return changed
