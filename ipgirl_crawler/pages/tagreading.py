"""The article's tags as ``ArticlePage`` reads them (a mixin): what a "Tags:" label introduces, a
wiki's categories box, else the links to the site's tag pages."""
from __future__ import annotations

from functools import cached_property

from ipgirl_crawler.discovery.urls import article_ref, same_origin
from ipgirl_crawler.pages.anchors import prefix_pattern
from ipgirl_crawler.pages.fields import item_field
from ipgirl_crawler.pages.taglinks import category_box_label, is_category_page, label_links, label_text_list
from ipgirl_crawler.pages.taglinks import outside_cards, rel_tag_links, tag_names, tag_page_links


class TagReading:
    """The ``tags`` field of ``ArticlePage``: it reads the page's anchors, positions and breadcrumb."""

    @item_field
    def tags(self) -> list[str]:
        """What the "Tags:" label introduces (links, else a comma list), else the links to the site's
        tag pages between title and related cards, else ``rel=tag`` links that are no category's."""
        # A "Tags" list above the title is the site's (a forum's sidebar of popular tags), not the article's.
        title_at = self.positions.get(self._title, -1)
        # The first label that introduces a tag: one over the section alone (an infobox's "분류" row, Korean
        # for category and a tags label) gives way to the next (2 of 120 era AC pages read no tag).
        for label in [e for e in self.anchors.all("tags") if self.positions.get(e, -1) > title_at] or [None]:
            linked_label = label is not None and label.tag == "a"  # "<a>Tags</a>: …", a wiki's renamed categories box
            links = [link for link in label_links(label) if self._names_a_tag(link.get("href"), box=linked_label)]
            if links:
                return tag_names(links)
            listed = label_text_list(label, prefix_pattern(self.language or "en"))
            if listed:
                return listed
        box = category_box_label(self.root, self.language or "en", title_at, self.positions)
        boxed = [link for link in label_links(box) if self._names_a_tag(link.get("href"), box=True)]
        if boxed:  # era AC: 48 of 120 pages list their tags in a wiki's categories box only
            return tag_names(boxed)
        before = self.positions.get(self.discover_heading(), 1 << 30)
        after = self.positions.get(self._title, -1)
        on_site = lambda url: same_origin(url, self.base_url)  # noqa: E731
        pages = tag_page_links(self.root, self.resolve, on_site, after, before, self.positions) or outside_cards(
            tag_page_links(self.root, self.resolve, on_site, before, 1 << 30, self.positions),
            lambda href: self.is_article_url(self.resolve(href)))
        # A rel=tag link among the related cards is a card's category, not the article's tag.
        marked = [a for a in rel_tag_links(self.root) if self.positions.get(a, -1) < before]
        return tag_names(pages or marked, unique=True)

    def _names_a_tag(self, href: str | None, box: bool = False) -> bool:
        # A label with no links of its own must not lend it the next block's (share links, articles).
        # A wiki's categories box (its label a link) lists the article's section too: a category's page is no tag.
        url = self.resolve(href)
        return url is not None and same_origin(url, self.base_url) and article_ref(url) is None \
            and not (box and is_category_page(url)) and url not in self._own_sections

    @cached_property
    def _own_sections(self) -> frozenset[str]:
        """The article's section as its breadcrumb links it: its category, never one of its tags (an
        infobox's "분류" row, the word a wiki's categories box is labelled with in Korean, links it alone)."""
        crumbs = self._crumbs
        return frozenset(filter(None, map(self.resolve, (a.get("href") for a in self.locators.category_links(crumbs)))))\
            if crumbs is not None else frozenset()

