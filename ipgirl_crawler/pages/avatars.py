"""An author shown as a picture and a name, with no "By": a CMS's author reference in the lead.

A reader takes a small round picture with a name line under it, between the title and the story,
for the byline, whatever the markup calls them. Two generic readings make it one here:

- an avatar block shows one picture and no text, at the size of a face beside a name (its width
  attribute or inline style: 24-96 px on the web; the story's figures are 300 px and more);
- a name line is short, no sentence, holds no digit and no UI label ("Share This Story"), and every
  part of it is a name (1-4 words, first and last capitalised where the script has case: "Robot
  arm" is a caption, not a name);
- a line of dates follows the names (the lead's rules in ``regions.py`` decide that), as on every
  such byline the web shows (a day, "3 days ago", a reading time).
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.anchors import PREFIX_KEYS
from ipgirl_crawler.pages.byline import split_names
from ipgirl_crawler.pages.dom import text_of

# An avatar shows at 24-96 px (era X: 40); a figure of the story at 300 px and more (era X: 490).
MAX_AVATAR_PX = 100
MAX_NAME_LINE_CHARS = 100
MAX_NAME_WORDS = 4
MAX_NAMES = 5
_STYLE_WIDTH = re.compile(r"(?:^|;)\s*(?:max-)?width\s*:\s*(\d+(?:\.\d+)?)px", re.IGNORECASE)
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", ":", "：")
_DIGIT = re.compile(r"\d")


def shown_width(img: HtmlElement) -> float | None:
    """The width an ``<img>`` is shown at in CSS pixels, from its ``width`` attribute or inline style."""
    width = (img.get("width") or "").strip()
    if width.isdigit():
        return float(width)
    match = _STYLE_WIDTH.search(img.get("style") or "")
    return float(match[1]) if match else None


def is_avatar_block(block: HtmlElement) -> bool:
    """A block that shows one small picture and no text: a face beside a name."""
    images = [block] if block.tag == "img" else list(block.iter("img"))
    if len(images) != 1 or text_of(block):
        return False
    width = shown_width(images[0])
    return width is not None and width <= MAX_AVATAR_PX


@lru_cache(maxsize=16)
def _ui_label_start(lang: str) -> re.Pattern[str]:
    """A line starting with a UI label of the language or English, colon or not ("Share This Story")."""
    labels = {label.rstrip(" :：") for code in {lang, "en"} for key in PREFIX_KEYS
              for label in ui_strings.ui_variants(code, key)}
    words = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True) if label)
    return re.compile(rf"^(?:{words})(?!\w)", re.IGNORECASE)


def _is_name(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= MAX_NAME_WORDS and not words[0][0].islower() and not words[-1][0].islower()


def name_line_names(text: str, lang: str) -> list[str]:
    """The names a line shows when it is made only of names ("Olivia Grant and Tom O'Neill"), else []."""
    if not text or len(text) > MAX_NAME_LINE_CHARS or text.endswith(_SENTENCE_ENDS) or _DIGIT.search(text) \
            or _ui_label_start(lang).match(text):
        return []
    names = split_names(text, lang)
    return names if 0 < len(names) <= MAX_NAMES and all(map(_is_name, names)) else []
