"""Tags read by meaning: what a "Tags:" label introduces, else links to the site's tag pages.

Labels are optional: on a redesign the label goes (or hides behind a screen-reader-only span), but
a tag is still a link to ``/{lang}/tag/…``. A category link is never a tag, whatever its ``rel``
says (WordPress writes ``rel="category tag"`` on category links).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ipgirl_crawler.languages.rules import CATEGORY_BOX_LABELS
from ipgirl_crawler.pages.dom import text_of

INLINE_LABEL_TAGS = frozenset({"b", "strong", "span", "font", "em", "i", "label", "small"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TAG_PAGE = re.compile(r"^/[a-z]{2}/tags?/[^/]+")
_CATEGORY_PAGE = re.compile(r"/categor(?:y|ies)/")
_COMMA_LIST = re.compile(r"\s*[,、，;]\s*")
_SEPARATORS = re.compile(r"[\s,、，;|·•/#]+")
# Tag links in the site's chrome (menus, a "popular tags" sidebar) are not the article's.
_CHROME_XPATH = "ancestor::*[self::nav or self::header or self::aside]"


def label_links(label: HtmlElement | None) -> list[HtmlElement]:
    """The links a "Tags:" label introduces: inside it ("Tags: <a>…"), beside it when the label
    is inline (``<b>Tags:</b> <a>…``), after it when it is a heading (``<h3>Tags:</h3><ul>``)."""
    if label is None:
        return []
    parent = label.getparent()
    if label.tag == "a" and parent is not None:
        # The label word itself a link (MediaWiki's "Categories" to the index of all of them, a blog's
        # "Tags" to its tag cloud): it introduces the links beside it and is none of them.
        # "<p><a>Categories</a>: </p><ul>…": a run of inline text is brought to its own block.
        beside = [link for link in parent.iter("a") if link is not label]
        after = parent.getnext()
        if beside or after is None:
            return beside
        links = after.xpath("descendant-or-self::a")
        return links if links and _only_links(after, links) else []
    if label.tag in INLINE_LABEL_TAGS and parent is not None and parent.tag in HEADING_TAGS:
        label = parent  # "<h2><span class=sr-only>Tags:</span>Topics</h2>": the heading is the label
    inline = label.tag in INLINE_LABEL_TAGS and parent is not None
    beside = parent if inline else label.getnext()
    for candidate in (label, beside):
        links = candidate.xpath("descendant-or-self::a") if candidate is not None else []
        # The block after a heading label is its list only if it holds nothing else: "Share: <a>…"
        # after an empty "Tags:" is the next widget, with a label of its own.
        if links and (candidate is label or inline or _only_links(candidate, links)):
            return links
    return []


def _only_links(block: HtmlElement, links: list[HtmlElement]) -> bool:
    rest = text_of(block)
    for link in links:
        rest = rest.replace(text_of(link), "", 1)
    return not _SEPARATORS.sub("", rest)


def label_text_list(label: HtmlElement | None, label_pattern: re.Pattern[str]) -> list[str]:
    """A comma list of plain text after an inline label (``<span>Tags:</span> ai, robots``)."""
    if label is None or label.tag not in INLINE_LABEL_TAGS or label.getparent() is None \
            or label.getparent().tag in HEADING_TAGS:  # a heading's other words name it ("Topics"), no tags
        return []
    text = text_of(label.getparent())
    match = label_pattern.match(text)
    rest = text[match.end():].lstrip(":： ") if match else ""
    return [part for part in _COMMA_LIST.split(rest) if part]


def is_tag_page(url: str | None) -> bool:
    return bool(url) and bool(_TAG_PAGE.match(urlsplit(url).path))


def tag_page_links(root: HtmlElement, resolve: Callable[[str | None], str | None],
                   on_site: Callable[[str], bool], after: int, before: int,
                   positions: dict[HtmlElement, int]) -> list[HtmlElement]:
    """On-site links to tag pages between the title and the related cards, outside the chrome."""
    found = []
    for link in root.iter("a"):
        href = link.get("href")
        if not href or "tag" not in href or not after < positions.get(link, -1) < before:
            continue
        url = resolve(href)
        if url and on_site(url) and is_tag_page(url) and not link.xpath(_CHROME_XPATH):
            found.append(link)
    return found


def is_rel_tag(link: HtmlElement) -> bool:
    """``contains(concat(' ', @rel, ' '), ' tag ')``, tested in Python: that XPath over every link of
    a real page cost 0.06 ms, this walk 0.026 (0.014 and 0.006 a site page)."""
    rel = link.get("rel")
    return rel is not None and " tag " in f" {rel} "


@lru_cache(maxsize=16)
def _category_box_words(lang: str) -> frozenset[str]:
    return frozenset(w.casefold() for code in (lang, "en") for w in CATEGORY_BOX_LABELS.get(code, ()))


def category_box_label(root: HtmlElement, lang: str, after: int,
                       positions: dict[HtmlElement, int]) -> HtmlElement | None:
    """A wiki's categories box label: a link reading "Categories" (``rules.CATEGORY_BOX_LABELS``), a
    colon after it, below the title (``<a href="…Special:Categories">Categories</a>: <ul>…``)."""
    words = _category_box_words(lang)
    for link in root.iter("a"):
        tail = (link.tail or "").lstrip()
        if tail[:1] in (":", "：") and text_of(link).casefold() in words and positions.get(link, -1) > after:
            return link
    return None


def is_category_page(url: str | None) -> bool:
    """A link to a category's page: the article's section, never one of its tags."""
    return bool(url) and bool(_CATEGORY_PAGE.search(urlsplit(url).path))


def outside_cards(links: list[HtmlElement], is_article: Callable[[str | None], bool]) -> list[HtmlElement]:
    """The tag links that stand in no card: the smallest element around a link with text of its own
    (beyond its row of tag links) links to one article at most when it is that article's card (a
    category pill beside a card's title); the article's own row of topic pills, after its cards
    (Medium's, below the story and its "Discover more" cards: tags read on 20 % of era AB pages),
    stands in the page's footer, which links to none or to several."""
    tag_text = {link: text_of(link) for link in links}
    kept = []
    for link in links:
        for ancestor in link.iterancestors():
            own = text_of(ancestor)
            for other in ancestor.iter("a"):
                own = own.replace(tag_text.get(other, "\0"), "", 1)
            if _SEPARATORS.sub("", own):
                targets = {a.get("href", "").split("?")[0] for a in ancestor.iter("a") if is_article(a.get("href"))}
                if len(targets) != 1:
                    kept.append(link)
                break
    return kept


def rel_tag_links(root: HtmlElement) -> list[HtmlElement]:
    """``rel=tag`` links that are not category links."""
    return [a for a in root.iter("a") if is_rel_tag(a) and not _CATEGORY_PAGE.search(a.get("href") or "")]


def tag_names(links: list[HtmlElement], unique: bool = False) -> list[str]:
    """The tags as shown, without their "#" (each once when ``unique``: a page may show them twice)."""
    names = [name for name in (text_of(link).lstrip("#").strip() for link in links) if name]
    return list(dict.fromkeys(names)) if unique else names
