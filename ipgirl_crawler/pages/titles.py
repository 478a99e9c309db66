"""The post's own heading when the page's ``<h1>`` is the site's name.

A blog's template sets the blog's name as its ``<h1>`` on every page and the post's title in a lower
heading (Blogger's classic layouts: ``h1`` the blog, ``h3`` the post). A reader tells the post's
heading by what the page says its title is: ``og:title``, ``twitter:title``, JSON-LD ``headline``,
or the document ``<title>`` that holds it beside the site's name ("Blog: Post title"). Era AA (a
classic Blogspot page, written blind): 47 of 114 pages read the blog's name as the title before.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.text import normalize_text

LOWER_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# Between the site's name and the post's title in a document <title>: "Blog: Title", "Title | Blog".
_TITLE_SEPARATOR = re.compile(r"^\s*[:|\-–—·»]\s*|\s*[:|\-–—·»]\s*$")
# A heading that is a word or two of the <title> ("News") names a section, not the post.
MIN_TITLE_CHARS = 8
# Where a lower heading is some other text's: a sidebar's, a menu's, a card's.
_NOT_THE_POSTS = frozenset({"aside", "nav", "footer", "a", "li"})


# A link to the site's home: "/", "/fr/", "/en-us/" (the blog's name in its banner links there).
_HOME_PATH = re.compile(r"^/?([a-z]{2}([-_][a-z]{2})?/?)?$", re.IGNORECASE)


def is_site_name(heading: HtmlElement, site_names: list[str | None]) -> bool:
    """A heading that names the site, not the page: its text is the site's name as the page states it
    (``og:site_name``…), or all of it is one link to the site's home page (a blog's banner). A
    headline set in the page's ``<header>`` links nowhere, or to itself (mz-web.de, mopo.de)."""
    text = _key(text_of(heading))
    if not text:
        return False
    if text in {_key(name) for name in site_names if name}:
        return True
    links = list(heading.iter("a"))
    if len(links) != 1 or _key(text_of(links[0])) != text:
        return False
    href = (links[0].get("href") or "").strip()
    path = urlsplit(href).path if href else None
    return path is not None and bool(_HOME_PATH.match(path))


def _key(text: str | None) -> str:
    return normalize_text(text).casefold()


def _in_document_title(heading: str, document_title: str) -> bool:
    """The heading is the document title with the site's name before or after it, split off by a
    separator ("IPGirl: Title", "Title – IPGirl")."""
    at = document_title.find(heading)
    if at < 0 or len(heading) < MIN_TITLE_CHARS:
        return False
    rest = document_title[:at] + "\x00" + document_title[at + len(heading):]
    before, after = rest.split("\x00")
    return (not before or bool(_TITLE_SEPARATOR.search(before))) and (not after or bool(_TITLE_SEPARATOR.search(after)))


def stated_title_heading(root: HtmlElement, stated: list[str | None], document_title: str | None) -> HtmlElement | None:
    """The first ``h2``-``h6`` of the body, outside sidebars, menus and cards, whose text is the title
    the page states (``stated``: og:title, headline…) or the document title's part beside the site's
    name; None when no heading is."""
    titles = {_key(t) for t in stated if t}
    whole = _key(document_title)
    body = next(root.iter("body"), None)
    if body is None or not (titles or whole):
        return None
    for heading in body.iter(*LOWER_HEADINGS):
        text = _key(text_of(heading))
        if not text or any(a.tag in _NOT_THE_POSTS for a in heading.iterancestors()):
            continue
        if text in titles or (whole and _in_document_title(text, whole)):
            return heading
    return None


def posts_heading(root: HtmlElement, headings: list[HtmlElement], names: list[str | None], meta: dict[str, str],
                  json_ld: dict[str, Any]) -> HtmlElement | None:
    """The title element when no ``<h1>`` (``headings``) is the article's: when every one names the
    site (``names``), the heading the page states as its title; else the first ``<h1>`` (or None)."""
    if not headings or not all(is_site_name(h1, names) for h1 in headings):
        return headings[0] if headings else None
    stated = [meta.get("og:title"), meta.get("twitter:title"), json_ld.get("headline")]
    document_title = next((text_of(t) for t in root.iter("title")), None)
    heading = stated_title_heading(root, [t for t in stated if isinstance(t, str)], document_title)
    return heading if heading is not None else headings[0]
