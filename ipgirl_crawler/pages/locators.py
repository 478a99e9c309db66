"""The XPaths the structure-first page object reads, by name: each finds a part of the page by its
structure, never by one template's classes. ``ArticlePage.locators`` holds them, so a page class
may replace one as data (the era templates' hints are in ``eras.py``). Compiled once, at import.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree


def _xpath(path: str) -> etree.XPath:
    return etree.XPath(path)


# Path parts of a member's profile link (``thread.PROFILE_PATH`` says the whole shape).
_PROFILE_HINTS = "".join(f" or contains(@href, '{part}')" for part in
                         ("/u/", "/user", "/member", "/profile", "/people/", "/@"))


@dataclass(frozen=True)
class Locators:
    # Links to an author's page, or marked rel="author": a byline's mark. Links that may be a member's
    # profile (``/u/…``, ``/users/…``, ``/@name``) too: ``thread.is_profile_link`` tells which are.
    author_marks: etree.XPath = _xpath("//body//a[contains(@href, '/author')"
                                       " or contains(concat(' ', @rel, ' '), ' author ')" + _PROFILE_HINTS + "]")
    # An <h1> in a header that is not the article's is the site's banner, not the title.
    site_banner: etree.XPath = _xpath("ancestor::header[not(ancestor::article)]")
    headings: etree.XPath = _xpath(".//h1")
    links: etree.XPath = _xpath(".//a")
    author_links: etree.XPath = _xpath(".//a[contains(@href, '/author')" + _PROFILE_HINTS + "]")
    category_links: etree.XPath = _xpath(".//a[contains(@href, '/category/')]")
    # An id the markup states when the URL has none (data-article-id; a post-<id> class is read from the page's index).
    marked_article_id: etree.XPath = _xpath("//*[@data-article-id]")


STRUCTURE = Locators()
