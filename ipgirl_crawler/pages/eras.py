"""The site's template eras, each overriding only the locators its markup makes exact.

``ArticlePage`` (plain legacy pages) -> ``CurrentTemplate`` (A: ``article[data-article-id]``,
``.article-body``) -> ``RedesignTemplate`` (B: JSON-LD, ``.entry-content``). A hint that
finds nothing falls back to the structural locator, so a half-changed template still parses.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lxml.html import HtmlElement
from scrapy.http import TextResponse

from ipgirl_crawler.pages.article import ArticlePage
from ipgirl_crawler.pages.dom import first
from ipgirl_crawler.pages.rendered import rendered_root
from ipgirl_crawler.pages.jsonstate import find_article, state_blobs
from ipgirl_crawler.pages.statepage import StatePage
from ipgirl_crawler.pages.tagindex import TagIndex


class CurrentTemplate(ArticlePage):
    # Container and byline hints are searched inside the page's <article> elements.
    container_xpath = ".//div[contains(concat(' ', @class, ' '), ' article-body ')]"
    byline_xpath = ".//*[contains(concat(' ', @class, ' '), ' article-meta ')]"
    discover_xpath = "//section[contains(@class, 'discover')]/*[self::h2 or self::h3][1]"

    def prepare(self) -> None:
        """This template writes every paragraph as a block: nothing to bring into shape."""

    @cached_property
    def _hints(self) -> dict[str, HtmlElement | None]:
        return {}

    def _hinted(self, xpath: str, in_articles: bool = True) -> HtmlElement | None:
        # Locators ask for the same hint more than once (the byline twice): each is evaluated once.
        if xpath not in self._hints:
            found = self.tagged.in_articles(xpath) if in_articles else self.root.xpath(xpath)
            self._hints[xpath] = first(found)
        return self._hints[xpath]

    def body_container(self) -> HtmlElement | None:
        hinted = self._hinted(self.container_xpath)
        return hinted if hinted is not None else super().body_container()

    def byline_element(self) -> HtmlElement | None:
        hinted = self._hinted(self.byline_xpath)
        return hinted if hinted is not None else super().byline_element()

    def byline_outside(self, container: HtmlElement) -> bool:
        byline = self._hinted(self.byline_xpath)
        return byline is not None and container not in byline.iterancestors()

    def discover_heading(self) -> HtmlElement | None:
        found = super().discover_heading()
        return found if found is not None else self._hinted(self.discover_xpath, in_articles=False)


class RedesignTemplate(CurrentTemplate):
    container_xpath = ".//div[contains(concat(' ', @class, ' '), ' entry-content ')]"
    byline_xpath = ".//p[contains(concat(' ', @class, ' '), ' byline ')]"
    discover_xpath = "//aside[contains(@class, 'related')]/*[self::h2 or self::h3][1]"


# What marks each era, searched inside the page's <article> elements.
ERA_MARKERS: tuple[tuple[str, type[ArticlePage]], ...] = (
    (RedesignTemplate.container_xpath, RedesignTemplate),
    ("self::*[@data-article-id]", CurrentTemplate),
)


@dataclass(frozen=True)
class Era:
    """One template era the site has served (or that its generator serves, for the later letters)."""

    name: str
    parsers: tuple[type[ArticlePage], ...]  # the page classes ``page_for`` may pick for its pages
    relies_on: str


# The eras, each with the page class that reads it and what that class relies on. ``page_for``
# picks by markers, not by era: a page of an unknown era gets the class its markup fits.
ERAS: dict[str, Era] = {era.name[:1]: era for era in (
    Era("A current", (CurrentTemplate,), "article[data-article-id], .article-body, .article-meta"),
    Era("B redesign", (RedesignTemplate,), ".entry-content, p.byline, JSON-LD NewsArticle"),
    Era("C plain legacy", (ArticlePage,), "structure only: h1, the longest text block, labelled byline"),
    Era("D legacy encodings", (ArticlePage,), "as C, decoded by its bytes (pages/encoding.py)"),
    Era("E 2000s table soup", (ArticlePage,), "as C, <br><br> runs brought to blocks (pages/inline.py)"),
    Era("F 2010s div soup", (ArticlePage,), "as C, with microdata"),
    Era("G HTML5/AMP", (ArticlePage,), "as C, <article>, <time> and meta tags"),
    Era("H hashed classes", (CurrentTemplate, RedesignTemplate, ArticlePage),
        "whichever markers its wrappers keep, else structure"),
    Era("I XHTML hAtom", (ArticlePage,), "as C, hAtom microformats (entry-title, author, published)"),
    Era("J unlabelled bylines", (ArticlePage,), "names given by metadata near the title, tag links"),
    Era("K unlabelled tags and cards", (ArticlePage,), "tag-page links, one-link cards"),
    Era("L JSON-LD @graph", (RedesignTemplate,), ".entry-content, @graph authors by @id"),
    Era("M client-side rendered", (StatePage,), "the article object in a JSON state blob (pages/jsonstate.py)"),
)}


def page_for(response: TextResponse, base_url: str) -> ArticlePage:
    """The parser of the era this page's markup belongs to."""
    root = rendered_root(response)
    tagged = TagIndex(root)
    page = next((parser(response, base_url, root, tagged) for marker, parser in ERA_MARKERS
                 if tagged.in_articles(marker)), None) or ArticlePage(response, base_url, root, tagged)
    if page._title is not None and page.body.blocks:
        return page
    # No article in the markup: a client-side rendered page keeps it in a JSON state blob.
    article = find_article(state_blobs(tagged.by_tag["script"]))
    return StatePage(response, base_url, root, tagged, article) if article is not None else page
