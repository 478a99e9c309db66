"""A byline below the story: the post footer's "Posted by A and B at 10:15 AM".

Blog platforms' default templates put the author line after the post (Blogger's classic layouts,
many WordPress themes' "Posted by … in …" footers). When nothing between the title and the body
names the author, the reader finds the line under the post: inside the element that holds the title
and the body (the post; the comments and the sidebar stand outside it), after the body's last block,
outside any list item, link, aside or nav (a card's or a widget's people), and before a comment
thread. Era AA (a classic Blogspot page, written blind): 90 of 114 pages without authors, 83
without a date.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.thread import is_profile_link

# Where a person or a date belongs to something else than the post: a card, a list, a widget.
_ELSEWHERE = frozenset({"li", "aside", "nav", "dl", "dd", "dt", "blockquote"})
_FRAME = frozenset({"html", "body"})
# The line is the block that holds the mark: the footer around it also holds the tags, the share
# buttons and the votes, which are no byline's.
_INLINE = frozenset({"a", "span", "abbr", "b", "strong", "i", "em", "small", "time", "font", "bdi", "cite"})


def byline_after_body(post: HtmlElement | None, marks: list[HtmlElement], last_block: HtmlElement | None,
                      positions: dict[HtmlElement, int], max_chars: int, named: list[str],
                      lang: str = "en") -> HtmlElement | None:
    """The line (the nearest block, at most ``max_chars``) holding the first of ``marks`` (byline labels,
    author links) that stands in ``post`` after ``last_block``, in nothing that is another's; None
    when the post is the whole page (a sidebar's people are not the post's), no mark stands there, or
    the line names none of the authors the page's metadata ``named``."""
    if post is None or post.tag in _FRAME or last_block is None:
        return None
    start = positions.get(last_block, 1 << 30)
    inside = [m for m in marks if positions.get(m, -1) > start and post in m.iterancestors()
              and not any(a.tag in _ELSEWHERE for a in _ancestors_below(m, post))]
    if not inside:
        return None
    element = min(inside, key=lambda e: positions.get(e, 0))
    while element.tag in _INLINE and (parent := element.getparent()) is not None and parent is not post \
            and len(text_of(parent)) <= max_chars:
        element = parent
    # Where the page's metadata names the authors, a line below the story that names none of them is
    # someone else's (a community's members under a freitag.de column took its author's place).
    line = text_of(element)
    if named and not any(name in line for name in named):
        return None
    # A link whose text holds the byline's word is an archive's ("All articles by Tanja Karrasch", "by
    # India Post News Weekly": two real pages' footers), its text no name.
    return None if any(_archive_link_text(text_of(a), lang) for a in element.iter("a") if is_profile_link(a)) else element


def _archive_link_text(text: str, lang: str) -> bool:
    """"by Ann Lee", "All articles by Ann Lee": the byline's word first, or in lower case after two words
    or more. A name holding it ("Ursula von der Leyen", "Gian Luca Di Marco") is none of these."""
    for match in _by_word(lang).finditer(text):
        before = text[:match.start()].split()
        if not before or len(before) >= 2 and match.group(1).islower():
            return True
    return False


@lru_cache(maxsize=16)
def _by_word(lang: str) -> re.Pattern[str]:
    words = [word.strip(" :：") for word in ui_strings.ui_variants(lang, "by") if word.strip(" :：")]
    return re.compile(r"(?:^|\s)(" + "|".join(map(re.escape, words)) + r")(?=\s|$)", re.IGNORECASE)


def _ancestors_below(element: HtmlElement, top: HtmlElement) -> list[HtmlElement]:
    found = []
    for ancestor in element.iterancestors():
        if ancestor is top:
            break
        found.append(ancestor)
    return found
