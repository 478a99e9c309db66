"""What a cleaned body holds, read off its tree: one text per block (each list item its own) and its
images with their captions. Pure functions of the body's root, called by ``pipelines/body``.
"""
from __future__ import annotations

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import drop_tree, text_content
from ipgirl_crawler.pages.text import normalize_text

LIST_TAGS = frozenset({"ul", "ol"})


def _own_item_text(item: HtmlElement) -> str:
    """A list item's text without its sub-lists' (they are items of their own)."""
    parts = [item.text or ""]
    for child in item:
        if isinstance(child.tag, str) and child.tag not in LIST_TAGS:
            parts.append(text_content(child))
        parts.append(child.tail or "")
    return "".join(parts)


def block_texts(root: HtmlElement) -> list[str]:
    """One text per block: paragraphs, headings, quotes, and each list item on its own."""
    texts: list[str] = []
    for block in root:
        if block.tag == "figure" or block.tag == "img":
            continue
        for caption in list(block.iterdescendants("figcaption")):
            drop_tree(caption)  # a caption inside a text block: not body text, kept in figures only
        if block.tag in LIST_TAGS:
            # Every item is a block, nested ones too; an item's text stops where its sub-list starts.
            found = (_own_item_text(li) for li in block.iter("li"))
        else:
            found = (text_content(block),)
        texts.extend(t for t in map(normalize_text, found) if t)
    return texts


def body_images(root: HtmlElement) -> list[dict[str, str | None]]:
    images = []
    for img in root.iter("img"):
        figure = next((a for a in img.iterancestors() if a.tag == "figure"), None)
        caption = figure.find(".//figcaption") if figure is not None else None
        if img.get("src"):
            images.append({"url": img.get("src"), "alt": normalize_text(img.get("alt")) or None,
                           "caption": (normalize_text(text_content(caption)) or None) if caption is not None else None})
    return images
