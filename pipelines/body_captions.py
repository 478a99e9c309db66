"""A caption standing as a block of its own right after its image: the image's caption, not body text.

Sites set a picture in one block and its caption in the next (``<p><img></p><p><span class="caption">
…</span></p>``). A reader sees one captioned image; the text pipeline would read the caption as a
paragraph of the story. The block joins the figure before it as its ``<figcaption>`` when all its
text stands in an element named for a caption or a credit (class or id word), and it is short.
A paragraph after an image that is not named so stays the story's.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_content

CAPTION_WORDS = frozenset({"caption", "captions", "credit", "credits", "legend", "legende", "photocredit"})
# Words of a class name, camelCase split as well ("newsCaption", "image-credit", "wp_caption").
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
MAX_CAPTION_CHARS = 300  # as frames_to_figures: a caption is a line or two


def _named_caption(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and not CAPTION_WORDS.isdisjoint(w.lower() for w in _NAME_WORDS.findall(names))


def _is_caption_block(block: HtmlElement) -> bool:
    text = " ".join(text_content(block).split())
    if not text or len(text) > MAX_CAPTION_CHARS or next(block.iter("img"), None) is not None:
        return False
    return any(_named_caption(e) and " ".join(text_content(e).split()) == text for e in block.iter())


def captions_to_figures(root: HtmlElement) -> int:
    """Caption blocks right after a figure moved into it as its figcaption; how many."""
    moved, previous = 0, None
    for block in list(root):
        if previous is not None and previous.tag == "figure" and previous.find("figcaption") is None \
                and _is_caption_block(block):
            caption = etree.SubElement(previous, "figcaption")
            caption.text = " ".join(text_content(block).split())
            previous.tail = (previous.tail or "") + (block.tail or "")
            root.remove(block)
            moved += 1
            continue
        previous = block
    return moved
