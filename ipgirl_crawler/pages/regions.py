"""The page's regions found by structure: title, byline, body blocks, related cards."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ipgirl_crawler.pages.anchors import END_KEYS, Anchors
from ipgirl_crawler.pages.byline import looks_like_date
from ipgirl_crawler.pages.dom import flatten_blocks, text_of

BYLINE_KEYS = ("by", "published", "updated")
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MAX_BYLINE_CHARS = 300
MAX_DATE_LINE_CHARS = 80
SENTENCE_ENDS = (".", "。", "!", "?")


@dataclass
class BodyRegion:
    """Blocks between byline and footer, and the byline block when it stands among them."""

    blocks: list[HtmlElement] = field(default_factory=list)
    byline: HtmlElement | None = None


def marked_elements(anchors: Anchors, keys: tuple[str, ...] | frozenset[str]) -> set[HtmlElement]:
    """The anchors of ``keys`` and all their ancestors: a block in this set holds a landmark."""
    marked: set[HtmlElement] = set()
    for key in keys:
        for element in anchors.all(key):
            marked.add(element)
            marked.update(element.iterancestors())
    return marked


def _inside(block: HtmlElement, anchors: set[HtmlElement]) -> bool:
    return any(ancestor in anchors for ancestor in block.iterancestors())


def is_byline_block(block: HtmlElement, byline_marks: set[HtmlElement], names: tuple[str, ...] = ()) -> bool:
    """A short non-heading block with a byline label, a ``time`` or an author link, not a sentence;
    or, without any of these, the short block that shows the authors the page's metadata names."""
    if block.tag in HEADING_TAGS:
        return False
    text = text_of(block)
    if names and len(text) <= MAX_BYLINE_CHARS and any(name in text for name in names):
        return True
    # "Von Brüssel bis Tokio wächst der Druck …." is a sentence, however it starts.
    if not text or len(text) > MAX_BYLINE_CHARS or text.endswith((".", "。", "!", "?")):
        return bool(block.xpath(".//time | .//a[contains(@href, '/author')]")) and len(text) <= MAX_BYLINE_CHARS
    return block in byline_marks or bool(block.xpath(".//time | .//a[contains(@href, '/author')]"))


def is_date_line(block: HtmlElement, lang: str) -> bool:
    """A short line of the lead that only dates the article ("4 juillet 2023 · 3 min de lecture")."""
    text = text_of(block)
    if block.tag in HEADING_TAGS or not text or len(text) > MAX_DATE_LINE_CHARS or text.endswith(SENTENCE_ENDS):
        return False
    return next(block.iter("time"), None) is not None or looks_like_date(text, lang)


def split_body(container: HtmlElement, after: int, positions: dict[HtmlElement, int],
               anchors: Anchors, summary: str, byline_found: bool = False,
               author_names: list[str] | tuple[str, ...] = (), lang: str = "en") -> BodyRegion:
    """Walk the container's blocks after the title: skip the lead (summary, byline, a share bar),
    keep the body, stop at the first footer landmark (tags, share, votes, discover).

    Only the lead may hold the summary and the byline ("in their place"): a body paragraph
    that repeats the summary, or starts with "Von", stays body."""
    end_marks = marked_elements(anchors, END_KEYS)
    end_anchors = {e for key in END_KEYS for e in anchors.all(key)}
    byline_marks = marked_elements(anchors, BYLINE_KEYS)
    region = BodyRegion()
    names = tuple(author_names)
    in_lead = True
    for block in flatten_blocks(container):
        if positions.get(block, -1) <= after:
            continue
        at_end = block in end_marks or _inside(block, end_anchors)
        if in_lead:
            text = text_of(block)  # only the lead's blocks are read
            if summary and text == summary or at_end:
                continue
            if not byline_found and region.byline is None and is_byline_block(block, byline_marks, names):
                region.byline = block
                continue
            if (byline_found or region.byline is not None) and is_date_line(block, lang):
                continue  # a date line of its own beside the byline
            in_lead = not text
        elif at_end:
            break
        region.blocks.append(block)
    return region
