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
    if block.tag in HEADING_TAGS:
        return False
    has_mark = block in byline_marks or bool(block.xpath(".//time | .//a[contains(@href, '/author')]"))
    return has_mark and len(text_of(block)) <= MAX_BYLINE_CHARS


def split_body(container: HtmlElement, after: int, positions: dict[HtmlElement, int],
               anchors: Anchors, summary: str) -> BodyRegion:
    """Walk the container's blocks after the title: skip the lead (summary, byline, a share bar),
    keep the body, stop at the first footer landmark (tags, share, votes, discover)."""
    end_marks = marked_elements(anchors, END_KEYS)
    end_anchors = {e for key in END_KEYS for e in anchors.all(key)}
    byline_marks = marked_elements(anchors, BYLINE_KEYS)
    region = BodyRegion()
    for block in flatten_blocks(container):
        if positions.get(block, -1) <= after:
            continue
        text = text_of(block)
        if summary and text == summary:
            continue
        at_end = block in end_marks or _inside(block, end_anchors)
        if not region.blocks or all(not text_of(b) for b in region.blocks):
            if at_end or (region.byline is None and text and is_byline_block(block, byline_marks)):
                region.byline = region.byline if at_end else block
                continue
        elif at_end:
            break
        region.blocks.append(block)
    return region
