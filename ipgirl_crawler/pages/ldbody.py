"""The article's text as the page's JSON-LD states it (``articleBody``), for a page whose markup
shows almost none of it.

Some sites render the story with a script and ship only an app shell, the headline and a picture in
the markup, but state the whole text in the article's JSON-LD object for search engines (eval-dev
scmp.com: 4,312 characters of ``articleBody``, 456 read from the markup, every must-have snippet
missed). A browser runs the script and shows the text; a reader of the markup alone sees the stated
one. Taken only when the markup's blocks hold under a fifth of it: where the markup shows the story,
its blocks (with their links, pictures and headings) are read as always.
"""
from __future__ import annotations

from html import escape
from typing import Any

# Under this share of the stated text the markup's body is a shell's (scmp: 0.1); the real pages
# whose markup shows the story hold 0.7-1.8 of their articleBody.
MAX_SHELL_SHARE = 0.2
MIN_STATED_CHARS = 500  # a stated teaser ("articleBody": the first lines) is no story
# Schema.org's article types all end so (NewsArticle, OpinionNewsArticle, ScholarlyArticle…), and blog posts.
_ARTICLE_TYPE_ENDS = ("article", "posting")


def _names_an_article(kinds: Any) -> bool:
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower().endswith(_ARTICLE_TYPE_ENDS) for k in kinds)


def stated_body(objects: list[dict[str, Any]]) -> str:
    """The first ``articleBody`` of an article object among the page's JSON-LD objects ("" if none)."""
    for obj in objects:
        body = obj.get("articleBody")
        if isinstance(body, str) and body.strip() and _names_an_article(obj.get("@type")):
            return body
    return ""


def shell_body_html(shown_chars: int, objects: list[dict[str, Any]]) -> str | None:
    """The stated text as paragraphs when the markup's body (``shown_chars`` of text) is a shell's."""
    stated = stated_body(objects)
    if len(stated) < MIN_STATED_CHARS or shown_chars >= MAX_SHELL_SHARE * len(stated):
        return None
    return "".join(f"<p>{escape(line.strip())}</p>" for line in stated.splitlines() if line.strip())
