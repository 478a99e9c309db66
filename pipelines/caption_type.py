"""A short line set in smaller type than the story, right under a picture: that picture's caption.

Site builders write a caption as a text element of its own under the image element, with no
``<figure>`` and no class naming it a caption (era X: 13 px grey under the picture, the story at
17 px). What a reader sees is the type: captions are set smaller than the text they sit in. The
sizes read are inline ``font-size`` styles, the only ones a page carries without its stylesheets: a
block's size is that of its outermost element holding all its text, the story's size the one most
of its text is set in. A page that sets no size inline has no caption found this way.
"""
from __future__ import annotations

import re
from collections import Counter

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_content

_FONT_SIZE = re.compile(r"(?:^|;)\s*font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|r?em|%)", re.IGNORECASE)
# CSS pixels per unit, an em at the browsers' default 16 px.
_PX_PER_UNIT = {"px": 1.0, "pt": 4 / 3, "em": 16.0, "rem": 16.0, "%": 0.16}
_NOT_CAPTIONS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "img"})
MAX_CAPTION_CHARS = 300  # as frames_to_figures: a caption is a line or two
# Smaller by at least this factor: 13 against 17 px is 0.76; a size rounded differently (16 against 17) is no caption.
MAX_CAPTION_RATIO = 0.9


def _line(element: HtmlElement) -> str:
    return " ".join(text_content(element).split())


def _inline_px(element: HtmlElement) -> float | None:
    match = _FONT_SIZE.search(element.get("style") or "")
    return float(match[1]) * _PX_PER_UNIT[match[2].lower()] if match else None


def type_size(block: HtmlElement) -> float | None:
    """The inline font size (px) the whole of ``block``'s text is set in, if one element sets it."""
    text = _line(block)
    if not text:
        return None
    for element in block.iter():
        size = _inline_px(element) if isinstance(element.tag, str) else None
        if size is not None and _line(element) == text:
            return size
    return None


def story_type_size(blocks: list[HtmlElement]) -> float | None:
    """The size most of the blocks' text is set in (by characters), when any is set inline."""
    sizes: Counter[float] = Counter()
    for block in blocks:
        size = type_size(block)
        if size is not None:
            sizes[size] += len(_line(block))
    return sizes.most_common(1)[0][0] if sizes else None


def is_small_type_caption(block: HtmlElement, story_size: float | None) -> bool:
    """A short text block (no heading, list, quote or picture) set smaller than the story."""
    if story_size is None or block.tag in _NOT_CAPTIONS or next(block.iter("img"), None) is not None:
        return False
    size, text = type_size(block), _line(block)
    return size is not None and 0 < len(text) <= MAX_CAPTION_CHARS and size <= story_size * MAX_CAPTION_RATIO
