"""Which heading is the page's title when its ``<h1>`` may not be.

Two ways a page sets its title below the h1 or outside the article:

Whether a heading names the page: the document's ``<title>`` (or ``og:title``) opens with it.

A ``<header>`` outside any ``<article>`` usually holds the site's banner, whose ``<h1>`` is the site's
name; but a page without ``<article>`` markup may set its own title in a header above the text
(anarc.at's ``<header class="page-header"><h1>CDPATH replacements</h1>``, titled "CDPATH replacements -
anarcat": its next h1, a section's, was read as the title, eval-dev's first paragraph lost). Browsers
show the ``<title>`` in the tab: a site writes it as the article's title, a separator, its own name.
The part before the separator is the article's when it is the longer one (a banner's "Site" in
"Site - A long story" is not) and it is not the site's declared name.

The post's own heading when the page's ``<h1>`` is the site's name.

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

SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ", " » ")


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def opens_the_title(heading: str, titles: list[str], site_name: str = "") -> bool:
    """Whether one of ``titles`` is ``heading``, or is ``heading``, a separator, and a shorter rest."""
    head = _folded(heading)
    if not head or head == _folded(site_name):
        return False
    for title in map(_folded, titles):
        if title == head:
            return True
        for separator in SEPARATORS:
            if title.startswith(head + separator.casefold()) and len(title) - len(head) - len(separator) < len(head):
                return True
    return False


def names_the_page(h1: HtmlElement, heading: str, root: HtmlElement, meta: dict[str, str]) -> bool:
    """Whether a header's ``<h1>`` (text ``heading``) is the page's title: the document's title or its
    ``og:title`` opens with it; never one in the header's navigation (a breadcrumb's current crumb,
    heise.de's, is the article's name but not where the article stands)."""
    if next(h1.iterancestors("nav"), None) is not None:
        return False
    return opens_the_title(heading, _document_titles(root, meta), meta.get("og:site_name", ""))


def _document_titles(root: HtmlElement, meta: dict[str, str]) -> list[str]:
    document = root.find("head/title")
    return [t for t in (text_of(document) if document is not None else "", meta.get("og:title", "")) if t]


def _starts_a_title(heading: str, titles: list[str]) -> bool:
    """Whether a title starts with the heading (a subtitle after it, "Tote Hummeln unter Linden: Die
    Erklärung | Hummeln", is the title's longer form, not another heading's)."""
    head = _folded(heading)
    return bool(head) and any(_folded(title).startswith(head) for title in titles)


def title_below(h1: HtmlElement | None, root: HtmlElement, meta: dict[str, str]) -> HtmlElement | None:
    """The page's title heading when its ``<h1>`` is not it: an ``<h2>`` outside the page's navigation,
    asides and footer that the document's title opens with (a blog's h1 is its name, each post's title an h2:
    tonight.de, deutscheweine.de, a kicker line above it read as the story's first line). None when
    the h1 names the page, or when no title is stated."""
    titles = _document_titles(root, meta)
    site = meta.get("og:site_name", "")
    if not titles or h1 is not None and _starts_a_title(text_of(h1), titles):
        return None
    for h2 in root.iter("h2"):
        if next(h2.iterancestors("nav", "aside", "footer"), None) is None and opens_the_title(text_of(h2), titles, site):
            return h2
    return None


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
