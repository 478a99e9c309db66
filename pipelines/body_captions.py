"""A caption standing as a block of its own right after its image: the image's caption, not body text.

Sites set a picture in one block and its caption in the next (``<p><img></p><p><span class="caption">
…</span></p>``). A reader sees one captioned image; the text pipeline would read the caption as a
paragraph of the story. The block joins the figure before it as its ``<figcaption>`` when all its
text stands in an element named for a caption or a credit (class or id word), and it is short.
A paragraph after an image that is not named so stays the story's.

A picture's credit standing as a line of its own is no text of the story either: a short line led by
a credit label and a colon ("Foto: dpa", "Copyright: Gisele Wender", languages/rules.py
CREDIT_LABELS), anywhere, or led by "©" under a picture ("© Oli Scarff/Getty Images"); right under
it, it becomes the picture's caption, and under a caption line, that line does. Read in the body
pipeline's walk over its blocks (``take_credit``), whose text it already has. A closing "© Reuters"
under the text is the story's (the benchmark's ground truth keeps it), and so is a label's line that
runs on into a sentence.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ipgirl_crawler.languages.rules import CREDIT_LABELS, FILE_SIZE_UNITS
from ipgirl_crawler.pages.dom import drop_tree, text_content
from ipgirl_crawler.pages.text import normalize_text
from pipelines.caption_type import is_small_type_caption, story_type_size

CAPTION_WORDS = frozenset({"caption", "captions", "credit", "credits", "legend", "legende", "photocredit"})
# Words of a class name, camelCase split as well ("newsCaption", "image-credit", "wp_caption").
_NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
MAX_CAPTION_CHARS = 300  # as frames_to_figures: a caption is a line or two
# A caption named so, whose picture a script loads later (no <img> in the saved page), may run longer:
# a news agency's caption says who, where, when and who took it (benchmark: cnbc 311, albawaba 386).
MAX_NAMED_CAPTION_CHARS = 600
# What names the frame of a picture ("InlineImage-imageEmbed", "field--name-field-image-file").
PICTURE_WORDS = frozenset({"image", "images", "img", "photo", "picture", "figure", "media"})


def _named_caption(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and not CAPTION_WORDS.isdisjoint(w.lower() for w in _NAME_WORDS.findall(names))


def _is_caption_block(block: HtmlElement, limit: int = MAX_CAPTION_CHARS) -> bool:
    text = " ".join(text_content(block).split())
    if not text or len(text) > limit or next(block.iter("img"), None) is not None:
        return False
    if any(_named_caption(e) and " ".join(text_content(e).split()) == text for e in block.iter()):
        return True
    # a caption and its credit beside it, each named so ("…-imageEmbedCaption", "…-imageEmbedCredit")
    named = [e for e in block.iter() if _named_caption(e) and not any(map(_named_caption, e.iterancestors()))]
    return len(named) > 1 and sum(len("".join(text_content(e).split())) for e in named) >= len(text.replace(" ", ""))


def _names_picture(element: HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and not PICTURE_WORDS.isdisjoint(w.lower() for w in _NAME_WORDS.findall(names))


def is_pictureless_caption(block: HtmlElement) -> bool:
    """A caption whose picture is not among the blocks (a script loads it, or it went as an ad's): no
    ``<img>``, all its text a named caption (and credit), a line or two; longer (an agency's caption)
    when the frame or the caption is named for a picture too. A long caption-named paragraph with no
    picture's name is the story's."""
    if block.tag == "figure" or not _is_caption_block(block, MAX_NAMED_CAPTION_CHARS):
        return False
    return len(" ".join(text_content(block).split())) <= MAX_CAPTION_CHARS or any(map(_names_picture, block.iter()))


def _framed(image: HtmlElement) -> HtmlElement:
    """A picture standing as a block of its own, put in a ``<figure>`` in its place."""
    figure = etree.Element("figure")
    figure.tail, image.tail = image.tail, None
    image.addprevious(figure)
    figure.append(image)
    return figure


def _as_figure(block: HtmlElement) -> None:
    """A named caption standing without its picture (the frame of a lazily loaded image) made a
    figure of its caption alone: the caption stays in the body's HTML, out of its text."""
    text = " ".join(text_content(block).split())
    for child in list(block):
        block.remove(child)
    block.attrib.clear()
    block.tag, block.text = "figure", None
    etree.SubElement(block, "figcaption").text = text


def _story_size(root: HtmlElement, known: dict[str, float | None]) -> float | None:
    """The story's type size, read once a body and only for a figure with no caption."""
    if "story" not in known:
        known["story"] = story_type_size(list(root))
    return known["story"]


def captions_to_figures(root: HtmlElement) -> int:
    """Caption blocks right after a figure moved into it as its figcaption (named a caption, or set in
    smaller type than the story: pipelines/caption_type.py); how many."""
    moved, previous, sizes = 0, None, {}
    for block in list(root):
        if previous is not None and previous.tag == "img" and _is_caption_block(block):
            previous = _framed(previous)  # a bare picture, its named caption in the next block (a CMS's hero image)
        if previous is not None and previous.tag == "figure" and previous.find("figcaption") is None \
                and (_is_caption_block(block) or is_small_type_caption(block, _story_size(root, sizes))):
            caption = etree.SubElement(previous, "figcaption")
            caption.text = " ".join(text_content(block).split())
            previous.tail = (previous.tail or "") + (block.tail or "")
            root.remove(block)
            moved += 1
            continue
        if is_pictureless_caption(block):
            _as_figure(block)  # its picture is not in the page (loaded by a script): a caption all the same
            moved += 1
        previous = block
    return moved


# A credit is a name or two and an agency (eval-dev: 7-113 characters); a label's line of 133 ran on
# into the story ("FOTOS: Wer der Hektik des Alltags entfliehen möchte, …").
MAX_CREDIT_CHARS = 120
_COPYRIGHT = ("©", "(c) ", "(C) ")
_SENTENCE_ENDS = tuple(".!?。！？")
# Labels of every language: a page's declared language may be wrong (a German press release in "en").
_CREDIT_LABEL = re.compile(
    rf"^(?:©\s*)?(?:{'|'.join(map(re.escape, sorted({l for ls in CREDIT_LABELS.values() for l in ls}, key=len, reverse=True)))})"
    r"\s*[:：]", re.IGNORECASE)


def _is_picture(block: HtmlElement) -> bool:
    return block.tag in ("figure", "img") or next(block.iter("img"), None) is not None


def _line(block: HtmlElement) -> str:
    return " ".join(text_content(block).split())


def _credit_kind(text: str) -> str | None:
    """"label" or "copyright" when a block's text (blanks as one space) reads as a credit line."""
    if not text or len(text) > MAX_CREDIT_CHARS:
        return None
    if _CREDIT_LABEL.match(text) is not None:
        return "label"
    return "copyright" if text.startswith(_COPYRIGHT) else None


def _is_caption_line(block: HtmlElement) -> bool:
    """A line that may caption the picture above it: short and no sentence (a one-paragraph story after
    a picture, then its "© Reuters", is the story's)."""
    text = _line(block)
    return 0 < len(text) <= MAX_CAPTION_CHARS and not text.endswith(_SENTENCE_ENDS) and not _is_picture(block)


def _caption_into(picture: HtmlElement, block: HtmlElement) -> bool:
    """The line between a picture and its credit joins the picture: as a figure's caption when it has
    none, or inside the picture's block, which frames_to_figures then makes a captioned figure."""
    if picture.tag == "figure":
        if picture.find("figcaption") is not None:
            return False
        etree.SubElement(picture, "figcaption").text = _line(block)
        drop_tree(block)
        return True
    if picture.tag == "img":
        return False
    block.tail = None
    picture.append(block)
    return True


def take_credit(block: HtmlElement, text: str, kept: list[HtmlElement]) -> bool:
    """Whether ``block`` (``text``: its text, blanks as one space) is a picture's credit standing as a
    line, taken out of the body's blocks: led by a credit label and a colon anywhere, or by "©" under a
    picture (``kept``: the blocks before it that stay). Right under a picture it joins it as its caption
    (when the picture has none); under the picture and a caption line, that line joins it instead."""
    kind = _credit_kind(text)
    if kind is None or _is_picture(block):
        return False
    if kept and _is_picture(kept[-1]):
        if not _caption_into(kept[-1], block):
            drop_tree(block)
        return True
    if kind == "copyright" and not (len(kept) > 1 and _is_picture(kept[-2]) and _is_caption_line(kept[-1])):
        return False
    if kind == "copyright" and _caption_into(kept[-2], kept[-1]):
        kept.pop()
    drop_tree(block)
    return True


# A picture's file details as a lightbox shows them under it: its size in pixels and in bytes.
_DETAILS = re.compile(r"^(?:\d+\s*[×x]\s*\d+)?\s*(?:(\d+(?:[.,]\d+)?)\s*([^\W\d_]+))?$")


def _file_detail(text: str, file_name: str) -> bool:
    """The picture's file name ("figure-2.jpg"), or its dimensions and size ("1200×800 85.3 KB")."""
    if not text or text == file_name:
        return bool(text)
    match = _DETAILS.match(text)
    return bool(match) and (match[2] is None or match[2].casefold() in FILE_SIZE_UNITS)


def frame_caption(block: HtmlElement, image: HtmlElement) -> str:
    """The caption of a frame of one picture: its text, but the file details a lightbox shows (the
    file's name where no caption was written, its size): era Z's figures had "1200×800 85.3 KB" in
    every caption. Read text node by text node, as each stands on its line or in its span; an empty
    node is no detail and stays."""
    file_name = (image.get("src") or "").split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    pieces = [str(t) for t in block.xpath(".//text()")]  # text_content's nodes, joined as it joins them
    return normalize_text("".join(p for p in pieces if not _file_detail(normalize_text(p), file_name)))


def is_emoji_icon(image: HtmlElement) -> bool:
    """An ``<img>`` standing for a symbol drawn in the text: its alt is emoji or signs and no word
    (a callout's "💬", WordPress's twemoji images); no picture of the story, so a box holding it and
    a line is no captioned figure (era Y: 3 of 120 quote callouts read as figures, their text lost)."""
    alt = (image.get("alt") or "").strip()
    return bool(alt) and not any(char.isalnum() for char in alt)
