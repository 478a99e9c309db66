"""What stands between a page's title and its story without being either: menus, skip links, the
site's tagline ("From IPGirl", a wiki's "From Wikipedia, the free encyclopedia")."""
from __future__ import annotations

import re

from lxml.html import HtmlElement

_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SENTENCE_ENDS = (".", "。", "!", "?")
_NAME_SEPARATOR = re.compile(r"\s[-|–—·]\s")
MAX_SITE_NAME_CHARS = 40


def site_names(title: str, *declared: str | None) -> tuple[str, ...]:
    """The site's name as its metadata declares it (``og:site_name``…) and as its ``<title>`` ends ("… - IPGirl")."""
    parts = _NAME_SEPARATOR.split(title)
    suffix = parts[-1] if len(parts) > 1 else ""
    return tuple(dict.fromkeys(n for n in (*declared, suffix) if n and len(n) <= MAX_SITE_NAME_CHARS))


# Landmarks whose text is the page's chrome, never the story's: a block of nothing else is no text block.
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "button", "select"})


def is_chrome_only(block: HtmlElement) -> bool:
    """Whether every word of ``block`` stands inside a menu, a form or another landmark of chrome."""
    if block.tag in CHROME_TAGS or next(block.iter(*CHROME_TAGS), None) is None:
        return block.tag in CHROME_TAGS
    return not _text_outside(block, CHROME_TAGS).strip()


def is_jump_links(block: HtmlElement) -> bool:
    """A block of nothing but links to places on the page ("Jump to navigation", a contents list)."""
    links = [a for a in block.iter("a") if a.get("href") is not None]
    return bool(links) and all(a.get("href", "").startswith("#") for a in links) \
        and not _text_outside(block, frozenset({"a"})).strip()


def _text_outside(element: HtmlElement, skipped: frozenset[str]) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in skipped:
            parts.append(_text_outside(child, skipped))
        parts.append(child.tail or "")
    return "".join(parts)


# A tagline is a few words: "From Wikipedia, the free encyclopedia" is 6.
MAX_TAGLINE_WORDS = 6


def is_site_tagline(block: HtmlElement, text: str, site_names: tuple[str, ...]) -> bool:
    """A short line under the title that names the site, no sentence ("From IPGirl", a wiki's
    tagline): the site's, not the story's first block (era AC: it ended the lead on every page, so
    the summary and the byline under it were read as body)."""
    if not text or block.tag in _HEADING_TAGS or len(text.split()) > MAX_TAGLINE_WORDS or text.endswith(_SENTENCE_ENDS):
        return False
    words = text.casefold()
    # a Latin letter or digit next to the name makes it part of another word; CJK text runs on ("来自IPGirl")
    return any(re.search(rf"(?<![a-z0-9]){re.escape(name.casefold())}(?![a-z0-9])", words) for name in site_names if name)


