"""Whether a heading names the page: the document's ``<title>`` (or ``og:title``) opens with it.

A ``<header>`` outside any ``<article>`` usually holds the site's banner, whose ``<h1>`` is the site's
name; but a page without ``<article>`` markup may set its own title in a header above the text
(anarc.at's ``<header class="page-header"><h1>CDPATH replacements</h1>``, titled "CDPATH replacements -
anarcat": its next h1, a section's, was read as the title, eval-dev's first paragraph lost). Browsers
show the ``<title>`` in the tab: a site writes it as the article's title, a separator, its own name.
The part before the separator is the article's when it is the longer one (a banner's "Site" in
"Site - A long story" is not) and it is not the site's declared name.
"""
from __future__ import annotations

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_of

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
