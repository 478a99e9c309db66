"""The elements locators look up page-wide, read in one walk of the tree.

libxml2 walks the whole document for every ``//tag`` path (~35 µs on an article page, whatever
it finds), and a page asks for its metas, links, scripts, headings, dates and articles each
once; one ``iter()`` over these tags, done in C, costs about one such path.
"""
from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

INDEXED_TAGS = ("meta", "link", "script", "h1", "time", "abbr", "article")


@lru_cache(maxsize=64)
def compiled(xpath: str) -> etree.XPath:
    return etree.XPath(xpath)


class TagIndex:
    """The page's elements of ``INDEXED_TAGS``, in document order."""

    def __init__(self, root: HtmlElement) -> None:
        self.ordered: list[HtmlElement] = list(root.iter(*INDEXED_TAGS))
        self.by_tag: dict[str, list[HtmlElement]] = {tag: [] for tag in INDEXED_TAGS}
        for element in self.ordered:
            self.by_tag[element.tag].append(element)

    def links(self, rel: str, *required: str) -> list[HtmlElement]:
        """``//link[@rel=rel][@href]`` and the ``required`` attributes."""
        return [link for link in self.by_tag["link"] if link.get("rel") == rel and link.get("href") is not None
                and all(link.get(name) is not None for name in required)]

    def in_body(self, *tags: str) -> list[HtmlElement]:
        """``//body//tag | …``: the elements of ``tags`` inside a ``<body>``."""
        return [element for element in self.ordered
                if element.tag in tags and next(element.iterancestors("body"), None) is not None]

    def in_articles(self, xpath: str) -> list[HtmlElement]:
        """``//article`` + ``xpath`` (relative): what ``xpath`` finds inside each ``<article>``,
        in document order, each once (articles may nest)."""
        found: dict[HtmlElement, None] = {}
        for article in self.by_tag["article"]:
            found.update(dict.fromkeys(compiled(xpath)(article)))
        return list(found)
