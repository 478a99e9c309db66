"""The article page object: one method per item field, pure over a response.

``ArticlePage`` reads any era of the site by structure and visible UI strings alone
(the plain legacy pages need nothing more); later templates in ``eras`` override the
few locators their markup makes exact.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from lxml.html import HtmlElement
from scrapy.http import TextResponse

from ipgirl_crawler.discovery.urls import absolute, article_ref, path_language, same_origin
from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.anchors import Anchors, find_anchors
from ipgirl_crawler.pages.boilerplate import article_blocks, paragraph_weights
from ipgirl_crawler.pages.byline import BylineParts, parse_byline
from ipgirl_crawler.pages.datestamps import DateStamps
from ipgirl_crawler.pages.dom import (
    attr,
    block_html,
    common_ancestor,
    in_navigation,
    first,
    lines_of,
    remember_texts,
    text_of,
)
from ipgirl_crawler.pages.fields import ResponseFields, item_field, read_fields
from ipgirl_crawler.pages.footer_byline import byline_after_body
from ipgirl_crawler.pages.generic import generic_body
from ipgirl_crawler.pages.inline import wrap_inline_runs
from ipgirl_crawler.pages.ldbody import shell_body_html
from ipgirl_crawler.pages.locators import STRUCTURE, Locators, is_author_mark
from ipgirl_crawler.pages.markup import may_carry
from ipgirl_crawler.pages.metadata import SITE_NAME, PageMetadata
from ipgirl_crawler.pages.people import with_cowriters
from ipgirl_crawler.pages.properties import PropertyRows, table_pictures
from ipgirl_crawler.pages.regions import BYLINE_KEYS, MAX_BYLINE_CHARS, BodyRegion, split_body
from ipgirl_crawler.pages.related import related_cards
from ipgirl_crawler.pages.rendered import rendered_root
from ipgirl_crawler.pages.tagindex import TagIndex
from ipgirl_crawler.pages.tagreading import TagReading
from ipgirl_crawler.pages.text import normalize_or_none, normalize_text
from ipgirl_crawler.pages.text_divs import text_divs_as_paragraphs
from ipgirl_crawler.pages.titles import names_the_page, posts_heading, title_below
from ipgirl_crawler.pages.thread import first_post, holds_the_article, is_profile_link, linked_names
from ipgirl_crawler.pages.translations import hreflang_translations

# What says a page is no article, whatever its URL looks like.
NOT_ARTICLE_OG_TYPES = frozenset({"profile", "website", "video.other", "music.song", "book"})
# "website": many CMSs' default on every page (a help center's articles, 40 % of them), no veto alone.
GENERIC_OG_TYPES = frozenset({"website"})
# A properties box is a few short rows (era AC's infobox: 60-200 characters); a table holding more is the layout.
MAX_PROPERTIES_CHARS = 800
_POST_ID = re.compile(r"\bpost-(\d{1,12})\b")
CATEGORY_NAMES = frozenset(name for names in ui_strings.category_names().values() for name in names.values())


class ArticlePage(PageMetadata, DateStamps, PropertyRows, TagReading, ResponseFields):
    """Structure-first parser; the fallback for every era."""

    locators: Locators = STRUCTURE

    def __init__(self, response: TextResponse, base_url: str, root: HtmlElement | None = None,
                 tagged: TagIndex | None = None) -> None:
        self.response = response
        self.base_url = base_url
        self.root: HtmlElement = root if root is not None else rendered_root(response)
        self.prepare()
        remember_texts(self.root)  # from here on the tree stays as it is
        # Built before prepare() or after: it only wraps text runs in new <p>, moving no indexed tag.
        self.tagged = tagged if tagged is not None else TagIndex(self.root)

    def prepare(self) -> None:
        """Bring the markup to blocks: old pages keep paragraphs as ``<br><br>`` runs, a block editor's
        pages as text-only divs."""
        wrap_inline_runs(self.root)
        text_divs_as_paragraphs(self.root)

    # -- page-wide lookups -------------------------------------------------
    @cached_property
    def anchors(self) -> Anchors:
        return find_anchors(self.root, self.language or ui_strings.DEFAULT_UI_LANGUAGE)

    @cached_property
    def elements(self) -> list[HtmlElement]:
        """The page's elements in document order (``positions`` gives each one's index)."""
        return list(self.root.iter())

    @cached_property
    def positions(self) -> dict[HtmlElement, int]:
        return dict(zip(self.elements, range(len(self.elements))))  # in C: a real page's 3,000 elements

    def resolve(self, href: str | None) -> str | None:
        return absolute(self.response.url, href)

    def card_url(self, href: str | None) -> str | None:
        """A card's link as the article's canonical URL: an article URL takes no query (fbclid, ref…)."""
        url = self.resolve(href)
        return url.split("?", 1)[0].split("#", 1)[0] if url and self.is_article_url(url) else url

    def is_article_url(self, url: str | None) -> bool:
        return bool(url) and same_origin(url, self.base_url) and article_ref(url) is not None

    # -- locators (the era-specific part) ------------------------------------
    # Each locator runs once per page; fields read these.
    @cached_property
    def _title(self) -> HtmlElement | None:
        h1 = self.title_element()
        below = title_below(h1, self.root, self.meta)  # a blog's h1 its name, the post's title an h2
        return below if below is not None else h1

    @cached_property
    def _byline(self) -> HtmlElement | None:
        return self.byline_element()

    @cached_property
    def _crumbs(self) -> HtmlElement | None:
        return self.breadcrumbs_element()

    @item_field(name="url")
    @cached_property
    def _url(self) -> str:
        return self.url()

    @item_field(name="summary")
    @cached_property
    def _summary(self) -> str | None:
        return self.summary()

    def title_element(self) -> HtmlElement | None:
        headings = self.tagged.in_body("h1")
        names = [SITE_NAME, self.meta.get("og:site_name"), self.meta.get("application-name")]
        names_of_site = {normalize_text(name).casefold() for name in names if name}
        for h1 in headings:
            text = text_of(h1)
            if text and text.casefold() not in names_of_site and (not self.locators.site_banner(h1)
                                                                  or names_the_page(h1, text, self.root, self.meta)):
                return h1
        # every <h1> is the site's name: the post's title is the lower heading the page states as its title
        return posts_heading(self.root, headings, names, self.meta, self.json_ld)

    @cached_property
    def densest(self) -> HtmlElement | None:
        """The element holding the most paragraph text (``boilerplate.paragraph_weights``)."""
        weights = paragraph_weights(self.root)
        return weights.most_common(1)[0][0] if weights else None

    def body_container(self) -> HtmlElement | None:
        """The common ancestor of the title and the element holding the most paragraph text; when that
        text is the first post of a thread below the title, that post (the replies are no body)."""
        densest, title = self.densest, self._title
        if densest is None:
            return None
        post = first_post(densest)
        if post is not None and holds_the_article(post, title, self.positions):
            return post
        return common_ancestor(title, densest) if title is not None else densest

    def byline_element(self) -> HtmlElement | None:
        if self.body.byline is not None:
            return self.body.byline
        title_pos = self.positions.get(self._title, -1)
        first_block = self.positions.get(self.body.blocks[0], 1 << 30) if self.body.blocks else 1 << 30
        marks = [e for key in BYLINE_KEYS for e in self.anchors.all(key)] + self.tagged.in_body("time")
        # the links after the title (a post's footer may hold its byline, after the story)
        marks += [a for a in self.elements[title_pos + 1:] if a.tag == "a" and is_author_mark(a)
                  and is_profile_link(a) and next(a.iterancestors("body"), None) is not None]
        after = [e for e in marks if title_pos < self.positions.get(e, -1)]
        marks = [e for e in after if self.positions.get(e, -1) < first_block]
        if not marks:  # none above the story: the post's footer may hold it
            return byline_after_body(self.body_container(), after, first(self.body.blocks[-1:]), self.positions,
                                     MAX_BYLINE_CHARS, self.machine_authors, self.language or "en")
        element = min(marks, key=lambda e: self.positions.get(e, 0))
        while (parent := element.getparent()) is not None and len(text_of(parent)) <= MAX_BYLINE_CHARS \
                and not self.locators.headings(parent):
            element = parent
        return element

    def byline_outside(self, container: HtmlElement) -> bool:
        """Whether the era already knows its byline, standing outside the body container."""
        return False

    def breadcrumbs_element(self) -> HtmlElement | None:
        title_pos = self.positions.get(self._title, 1 << 30)
        links = [next((e for e in (a, *a.iterancestors()) if e.tag == "a"), None) for a in self.anchors.all("home")]
        homes = [a for a in links if a is not None and self.positions.get(a, 0) < title_pos]
        for home in reversed(homes):
            for container in list(home.iterancestors())[:4]:
                count = len(self.locators.links(container))
                if count > 6:
                    break
                if count > 1:
                    return container
        return None

    def discover_heading(self) -> HtmlElement | None:
        # a contents list's entry names the section, it is not it (a wiki's TOC lists "Discover more"
        # before the story: 55 of 120 era AC pages read no card)
        found = self.anchors.all("discover")
        return next((e for e in found if not in_navigation(e)), found[0] if found else None)

    # -- derived regions -----------------------------------------------------
    @cached_property
    def body(self) -> BodyRegion:
        container, title = self.body_container(), self._title
        if container is None:
            return BodyRegion()
        after = self.positions.get(title, -1) if title is not None else -1
        region = split_body(container, after, self.positions, self.anchors, self._summary or "",
                            byline_found=self.byline_outside(container), author_names=self.machine_authors or self.property_authors,
                            lang=self.language or "en", main_at=self.positions.get(self.densest, -1),
                            site_names=self.site_names)
        # a properties table read for its authors and dates is the page's metadata, never its text: its
        # labels and other rows too (a wiki's infobox: "Author(s)", "Category AI"), all but its picture
        shown = set(self.properties.values())
        tables = {t for t in (next(v.iterancestors("table"), None) for v in shown)
                  if t is not None and len(text_of(t)) <= MAX_PROPERTIES_CHARS}  # no layout table around the story
        blocks = [b for b in region.blocks if not shown or not any(b in (v, *v.iterancestors()) for v in shown)
                  and (next(b.iter("img"), None) is not None or tables.isdisjoint(b.iterancestors()))]
        blocks = sorted([*blocks, *table_pictures(tables, blocks)], key=lambda b: self.positions.get(b, 0))
        region.blocks = article_blocks(blocks, container, self.densest)
        return region

    @cached_property
    def byline(self) -> BylineParts:
        element = self._byline
        return parse_byline(lines_of(element), self.language or "en") if element is not None else BylineParts()

    # -- fields ------------------------------------------------------------
    @item_field
    def fetched_url(self) -> str:
        return self.response.url

    def url(self) -> str:
        canonical = self.resolve(attr(first(self.tagged.links("canonical")), "href"))
        if canonical and same_origin(canonical, self.base_url):
            return canonical
        return absolute(self.response.url, self.response.url) or self.response.url

    @item_field(name="article_id")
    @cached_property
    def _article_id(self) -> str | None:
        # Asked by is_article() and to_item(); its fallbacks search the whole document.
        return self.article_id()

    def article_id(self) -> str | None:
        for url in (self._url, self.response.url):
            ref = article_ref(url)
            if ref:
                return ref.article_id
        marked = first(self.locators.marked_article_id(self.root)) if may_carry(self.response.text, b"data-article-id") else None
        if marked is not None and marked.get("data-article-id", "").isdigit():
            return marked.get("data-article-id")
        # //article/@class, read from the page's index rather than by a whole-document XPath.
        classes = [a.get("class") for a in self.tagged.by_tag["article"] if a.get("class") is not None]
        match = first([m for m in map(_POST_ID.search, classes) if m])
        return match[1] if match else None

    @item_field
    @cached_property
    def language(self) -> str | None:
        declared = (self.root.get("lang") or "").strip().lower()[:2]
        if declared in ui_strings.languages():
            return declared
        return path_language(self.response.url)

    @item_field
    def title(self) -> str | None:
        title = text_of(self._title)
        return title or normalize_or_none(self.meta.get("og:title"))

    def summary(self) -> str | None:
        for value in (self.meta.get("description"), self.meta.get("og:description"),
                      self.json_ld.get("description")):
            text = normalize_text(value if isinstance(value, str) else "")
            if text:
                return text
        return None

    @item_field
    def breadcrumbs(self) -> list[str]:
        element = self._crumbs
        return [t for t in (text_of(a) for a in self.locators.links(element)) if t] if element is not None else []

    @item_field
    def category(self) -> str | None:
        element = self._crumbs
        if element is not None:
            for link in reversed(self.locators.category_links(element)):
                if text_of(link):
                    return text_of(link)
        section = self.meta.get("article:section") or self.json_ld.get("articleSection")
        return normalize_or_none(section) if isinstance(section, str) else None

    @item_field
    def authors(self) -> list[str]:
        for element in (self._byline, self.body.author_row):  # avatars may stand apart from the dates
            linked = linked_names(self.locators.author_links(element)) if element is not None else []
            if linked:
                return with_cowriters(linked, list(self.byline.authors)) if element is not self._byline else linked
        return (self.property_authors or self.machine_authors or list(self.byline.authors)
                or list(self.body.byline_names) or self.machine_organizations)

    @item_field
    def raw_body_html(self) -> str:
        stated = shell_body_html(sum(len(text_of(b)) for b in self.body.blocks), self.ld_objects)
        return stated or "".join(block_html(block) for block in self.body.blocks)

    @item_field
    def raw_votes_text(self) -> str | None:
        element = self.anchors.first("votes")
        for _ in range(3):
            if element is None:
                return None
            text = text_of(element)
            if len(re.findall(r"\d+", text)) >= 2:
                return text
            element = element.getparent()
        return None

    @cached_property
    def _related(self) -> list[dict[str, str | None]]:
        return related_cards(self.discover_heading(), self.card_url, self.is_article_url, CATEGORY_NAMES)

    @item_field
    def raw_related(self) -> list[dict[str, str | None]]:
        return [dict(card) for card in self._related]

    @item_field
    def translations(self) -> dict[str, str]:
        return dict(self._translations)

    @cached_property
    def _translations(self) -> dict[str, str]:
        return hreflang_translations(self.tagged.links("alternate", "hreflang"), self.resolve, self.base_url,
                                     self.language)

    @item_field
    def raw_notice_text(self) -> str | None:
        notice = self.anchors.first("notice")
        return text_of(notice) if notice is not None else None

    @item_field(name="raw_generic_body")
    def generic_body(self) -> str:
        """The second opinion: the page's main text as a generic extractor reads it."""
        return generic_body(self.response.text)

    # -- the whole page ------------------------------------------------------
    def is_article(self) -> bool:
        """An article has an id, a title, body text, and shows it is one (byline, date, schema)."""
        if not (self._article_id and self._title is not None and self.body.blocks):
            return False
        og_type = self.meta.get("og:type")  # a byline or a date shows an article whatever a generic type says
        shows_one = og_type in GENERIC_OG_TYPES and (self._byline is not None or self.published_at_raw())
        if og_type in NOT_ARTICLE_OG_TYPES and not shows_one:
            return False
        # An article-shaped URL with a title and a body is one; an id read from the markup needs more.
        return bool(article_ref(self._url) or article_ref(self.response.url) or self.meta.get("og:type") == "article"
                    or self.json_ld or self._byline is not None or self.published_at_raw())

    def to_item(self) -> ArticleItem:
        """The item, every field read by the method its declaration (``@item_field``) names."""
        return ArticleItem(read_fields(self))
