"""A thread of posts (a forum topic, a comment section): the first post is the article, the posts
after it, by whoever answered, are not.

Read by structure: a post shows who wrote it, a link to that person's profile page; a thread is a
run of sibling elements of one tag that each show one. The densest text of a topic page is its first
post's; the replies below it are siblings of that post, never inside it.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ipgirl_crawler.pages.boilerplate import prose_chars
from ipgirl_crawler.pages.dom import text_of

# Where sites keep a person's page: an author page, a member's profile (forums, Q&A, comment systems).
PROFILE_PATH = re.compile(r"/(?:authors?|u|users?|members?|profiles?|people)/[^/]+/?$|/@[^/]+/?$", re.IGNORECASE)
_PROFILE_HINT = re.compile(r"/(?:author|u/|user|member|profile|people/|@)", re.IGNORECASE)
# A story above a comment thread is prose between the title and the first comment: a macrumors page's
# 1,800 characters of story above a 1,500-character first comment. A topic shows its subtitle there
# (one line). The thread holds the article when that prose is under this share of the first post's.
MAX_PROSE_ABOVE_SHARE = 0.5
# Elements no post is: the page's frame.
_NOT_POSTS = frozenset({"html", "body", "main"})


def is_profile_link(element: HtmlElement) -> bool:
    """A link to a person's page: ``/author/…``, ``/u/…``, ``/users/…``, ``/@name`` or ``rel=author``."""
    if element.tag != "a":
        return False
    href, rel = element.get("href") or "", (element.get("rel") or "").split()
    if "author" in rel:
        return True
    if not _PROFILE_HINT.search(href):  # most links name no person: one search in C decides (~1 ms a page)
        return False
    try:
        path = urlsplit(href.strip()).path
    except ValueError:  # a malformed link ("http://[x") names nobody
        return False
    return "/author" in href or bool(PROFILE_PATH.search(path))


def linked_names(links: list[HtmlElement]) -> list[str]:
    """The names of the people ``links`` point to, one per person's page: an avatar's link has no text,
    and a handle after the name ("Ann Lee @ann.lee", both to /u/ann.lee) is the same person's."""
    names: dict[str, str] = {}
    for link in links:
        name = text_of(link)
        if name and is_profile_link(link):
            names.setdefault(link.get("href", "").strip(), name)
    return list(names.values())


def _posters(root: HtmlElement) -> set[HtmlElement]:
    """Every element that shows a poster: the ancestors of the page's profile links (found once: asked
    of each ancestor of the densest text and their siblings, a walk over their links cost ~1 ms a page)."""
    shown: set[HtmlElement] = set()
    for link in root.iter("a"):
        if is_profile_link(link):
            shown.update(link.iterancestors())
    return shown


def first_post(densest: HtmlElement | None) -> HtmlElement | None:
    """The post that holds ``densest`` when it opens a thread: its nearest ancestor (or itself) that
    shows a poster and is followed by siblings of its tag that show one too (the replies)."""
    if densest is None:
        return None
    posters = _posters(densest.getroottree().getroot())
    if not posters:
        return None
    for node in (densest, *densest.iterancestors()):
        if node.tag in _NOT_POSTS:
            return None
        if node in posters and any(s.tag == node.tag and s in posters for s in node.itersiblings()):
            return node
    return None


def holds_the_article(post: HtmlElement, title: HtmlElement | None, positions: dict[HtmlElement, int]) -> bool:
    """Whether the first post of a thread is the article: it stands below the title with little prose
    between them (a topic's subtitle); a story above the thread makes the thread its comments."""
    if title is None or title in post.iter():
        return False
    start, end = positions.get(title, -1), positions.get(post, -1)
    if not start < end:
        return False
    root = post.getroottree().getroot()
    above = sum(prose_chars(p) for p in root.iter("p", "li") if start < positions.get(p, -1) < end)
    return above < MAX_PROSE_ABOVE_SHARE * sum(prose_chars(p) for p in post.iter("p", "li"))
