"""Other articles inside the body container: teasers, cards and comments a page marks as articles.

HTML says what an ``<article>`` is (and ARIA's ``role="article"`` on any element): a self-contained
composition, a story, a teaser of one, a comment. The page's own story is the article that holds its
main text (the densest paragraphs); another article beside it, in the container that holds the title
and that text, is another story's teaser or a reader's comment, never a paragraph of the story. An
article inside the main text (a quoted post) or around it (the page's own) is left alone.
"""
from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_of

ARTICLE_ROLES = frozenset({"article", "comment"})
MAX_SHARE_OF_MAIN = 0.5
_MARKED = etree.XPath(".//*[self::article or @role]")


def is_article_element(element: HtmlElement) -> bool:
    """An ``<article>``, or an element whose ARIA role is ``article`` (or ``comment``)."""
    if element.tag == "article":
        return True
    role = element.get("role")
    return role is not None and role.strip().lower() in ARTICLE_ROLES


def other_articles(container: HtmlElement, main_text: HtmlElement | None) -> frozenset[HtmlElement]:
    """The article elements below ``container`` that neither hold ``main_text`` (the densest
    paragraphs' element) nor stand inside it."""
    if main_text is None:
        return frozenset()
    main = {main_text, *main_text.iterancestors()}
    # An article with a top-level heading, or as much text as the main text's, is no teaser: the story
    # itself, when the densest paragraphs are its comments' (taz.de) or a menu's (bfn.de).
    limit = -1.0  # most containers hold no article: 0.35 -> 0.22 ms a benchmark page read lazily
    found: set[HtmlElement] = set()
    for element in _MARKED(container):  # candidates found in C; the main text's length read only when one is met
        if element in main or not is_article_element(element):
            continue
        if main_text in element.iterancestors():
            continue
        if limit < 0:
            limit = MAX_SHARE_OF_MAIN * len(text_of(main_text))
        if any(a in found for a in element.iterancestors()) or next(element.iter("h1"), None) is not None \
                or len(text_of(element)) >= limit:
            continue
        found.add(element)
    return frozenset(_lists_of(found, container, main))


def _lists_of(articles: set[HtmlElement], container: HtmlElement, main: set[HtmlElement]) -> set[HtmlElement]:
    """The articles, each a list of them in its place when its parent holds nothing else (a ``<ul>``
    of cards is one block of the body: the cards inside it would not be seen as blocks)."""
    widened = set(articles)
    for article in articles:
        parent = article.getparent()
        while parent is not None and parent is not container and parent not in main and not (parent.text or "").strip() \
                and all(child in widened or not isinstance(child.tag, str) for child in parent):
            widened.add(parent)
            parent = parent.getparent()
    return widened


