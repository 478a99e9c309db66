"""Marks a reader does not read as words of the text: a footnote's number beside a sentence, and the
bracketed controls a wiki sets beside each heading ("[edit]", "[edit | edit source]")."""
from __future__ import annotations

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_content
from ipgirl_crawler.pages.text import normalize_text

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# What a heading's controls are wrapped in.
_CONTROL_HOLDERS = frozenset({"span", "div", "small", "sup"})
# A footnote's mark: "[1]", "12", "[a]", "*", "[note 3]"; longer is words of the text.
MAX_NOTE_MARK_CHARS = 10


def is_note_marker(element: HtmlElement) -> bool:
    """A superscript that is one link to a place on the page, a few characters long (``<sup><a
    href="#cite_note-1">[1]</a></sup>``): a footnote's mark, read by no one as part of the sentence
    (era AC: "…models.[1]" on half the pages). A superscript with no link ("m<sup>2</sup>") or one to
    another page stays."""
    if element.tag != "sup":
        return False
    links = list(element.iter("a"))
    if len(links) != 1 or not (links[0].get("href") or "").startswith("#"):
        return False
    text = normalize_text(text_content(element))
    return 0 < len(text) <= MAX_NOTE_MARK_CHARS and normalize_text(text_content(links[0])) == text


def is_mark_link(link: HtmlElement) -> bool:
    """The link of a footnote's mark (``is_note_marker``) or of a heading's bracketed controls
    (``is_heading_control``): no link a reader follows away from the text."""
    parent = link.getparent()
    if parent is None:
        return False
    if parent.tag == "sup":
        return (link.get("href") or "").startswith("#") and is_note_marker(parent)
    # "<span>[<a>edit</a> | <a>edit source</a>]</span>": the brackets a child or two above the link
    for holder in (parent, parent.getparent()):
        if holder is not None and holder.tag in _CONTROL_HOLDERS and is_heading_control(holder):
            return True
    return False


def _bracketed_links(element: HtmlElement) -> bool:
    """Text in square brackets whose every word is a link's: "[edit]", "[edit | edit source]"."""
    text = normalize_text(text_content(element))
    if len(text) < 3 or text[0] != "[" or text[-1] != "]":
        return False
    links = list(element.iter("a"))
    if not links:
        return False
    rest = text
    for link in links:
        rest = rest.replace(normalize_text(text_content(link)), "", 1)
    return not any(c.isalnum() for c in rest)


def is_heading_control(element: HtmlElement) -> bool:
    """Bracketed links closing a heading, or standing right after it (a wiki's section edit links):
    controls, not words of the heading nor a line of the text. Brackets without links ("Results
    [2024]") or with words of their own ("[see the <a>table</a>]") stay."""
    if element.tag in _HEADINGS or element.tag == "a" or not _bracketed_links(element):
        return False
    inside = any(a.tag in _HEADINGS for a in element.iterancestors())
    if inside:
        return not normalize_text(element.tail or "")  # the heading's last words
    previous = element.getprevious()
    return previous is not None and previous.tag in _HEADINGS


# A back-link's mark: "^", "↑", or the letters of a note cited more than once ("^ a b").
MAX_BACKLINK_CHARS = 3


def _opens_with_backlink(item: HtmlElement) -> bool:
    link = next(item.iter("a"), None)
    if link is None or not (link.get("href") or "").startswith("#"):
        return False
    mark = normalize_text(text_content(link))
    return 0 < len(mark) <= MAX_BACKLINK_CHARS and normalize_text(text_content(item)).startswith(mark)


def is_notes_list(block: HtmlElement) -> bool:
    """A list of footnotes, each opening with a link back to its mark in the text ("^ Research note
    1. Example Research."): the sources under a wiki's article, not its text (era AC: 44 of 120
    pages kept their References). A list whose items open with links to other pages, or with no link,
    stays."""
    lists = [block] if block.tag in ("ol", "ul") else list(block.iter("ol", "ul"))
    if len(lists) != 1:
        return False
    items = [child for child in lists[0] if child.tag == "li"]
    return bool(items) and all(map(_opens_with_backlink, items))
