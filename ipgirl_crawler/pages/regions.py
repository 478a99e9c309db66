"""The page's regions found by structure: title, byline, body blocks, related cards."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ipgirl_crawler.pages.anchors import END_KEYS, Anchors
from ipgirl_crawler.pages.dom import flatten_blocks, text_of

BYLINE_KEYS = ("by", "published", "updated")
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
MAX_BYLINE_CHARS = 300


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


def is_byline_block(block: HtmlElement, byline_marks: set[HtmlElement]) -> bool:
    """A short non-heading block with a byline label, a ``time`` or an author link, not a sentence."""
    if block.tag in HEADING_TAGS:
        return False
    text = text_of(block)
    # "Von Brüssel bis Tokio wächst der Druck …." is a sentence, however it starts.
    if not text or len(text) > MAX_BYLINE_CHARS or text.endswith((".", "。", "!", "?")):
        return bool(block.xpath(".//time | .//a[contains(@href, '/author')]")) and len(text) <= MAX_BYLINE_CHARS
    return block in byline_marks or bool(block.xpath(".//time | .//a[contains(@href, '/author')]"))


def split_body(container: HtmlElement, after: int, positions: dict[HtmlElement, int],
               anchors: Anchors, summary: str, byline_found: bool = False) -> BodyRegion:
    """Walk the container's blocks after the title: skip the lead (summary, byline, a share bar),
    keep the body, stop at the first footer landmark (tags, share, votes, discover).

    Only the lead may hold the summary and the byline ("in their place"): a body paragraph
    that repeats the summary, or starts with "Von", stays body."""
    end_marks = marked_elements(anchors, END_KEYS)
    end_anchors = {e for key in END_KEYS for e in anchors.all(key)}
    byline_marks = marked_elements(anchors, BYLINE_KEYS)
    region = BodyRegion()
    in_lead = True
    for block in flatten_blocks(container):
        if positions.get(block, -1) <= after:
            continue
        at_end = block in end_marks or _inside(block, end_anchors)
        if in_lead:
            text = text_of(block)  # only the lead's blocks are read
            if summary and text == summary or at_end:
                continue
            if not byline_found and region.byline is None and is_byline_block(block, byline_marks):
                region.byline = block
                continue
            in_lead = not text
        elif at_end:
            break
        region.blocks.append(block)
    return region
