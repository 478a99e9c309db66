"""The XPaths the structure-first page object reads, by name: each finds a part of the page by its
structure, never by one template's classes. ``ArticlePage.locators`` holds them, so a page class
may replace one as data (the era templates' hints are in ``eras.py``). Compiled once, at import.
One test is made in Python on a few elements (``is_author_mark``), where the XPath cost too much.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement


def _xpath(path: str) -> etree.XPath:
    return etree.XPath(path)


# Path parts of a member's profile link (``thread.PROFILE_PATH`` says the whole shape).
PROFILE_HREF_PARTS = ("/u/", "/user", "/member", "/profile", "/people/", "/@")
_PROFILE_HINTS = "".join(f" or contains(@href, '{part}')" for part in PROFILE_HREF_PARTS)


def is_author_mark(link: HtmlElement) -> bool:
    """A byline's mark: a link to an author's page, or marked rel="author", or that may be a member's
    profile (``/u/…``, ``/users/…``, ``/@name``; ``thread.is_profile_link`` tells which are). The test
    of ``//body//a[contains(@href, '/author') or contains(concat(' ', @rel, ' '), ' author ') or …]``,
    made in Python on the few links between a title and its body: that XPath over every link of the
    page cost 1.4 ms a real page, 0.2 a site page."""
    href, rel = link.get("href"), link.get("rel")
    return href is not None and ("/author" in href or any(part in href for part in PROFILE_HREF_PARTS)) \
        or rel is not None and " author " in f" {rel} "


@dataclass(frozen=True)
class Locators:
    # An <h1> in a header that is not the article's is the site's banner, not the title.
    site_banner: etree.XPath = _xpath("ancestor::header[not(ancestor::article)]")
    headings: etree.XPath = _xpath(".//h1")
    links: etree.XPath = _xpath(".//a")
    author_links: etree.XPath = _xpath(".//a[contains(@href, '/author')" + _PROFILE_HINTS + "]")
    category_links: etree.XPath = _xpath(".//a[contains(@href, '/category/')]")
    # An id the markup states when the URL has none (data-article-id; a post-<id> class is read from the page's index).
    marked_article_id: etree.XPath = _xpath("//*[@data-article-id]")


STRUCTURE = Locators()
