"""What the home and category pages state about the articles they list: the teaser's title, its
snippet and its category, and each category's name for its URL slug.

Read by structure, as a reader sees a teaser: an article link inside a heading is the teaser's
title; the first paragraph after that heading in the teaser's box (its ``li`` / ``article`` /
parent) is its snippet; a link to ``/{lang}/category/{slug}/`` in the box names its category,
and on a category page the ``h1`` names the category every teaser on it belongs to. A link
that is not in a heading ("Read more", an image) states no title. A few XPath queries on a
listing page the spider parsed anyway (the selector is cached): a few per mille of the crawl.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ipgirl_crawler.discovery.urls import absolute, article_ref
from ipgirl_crawler.pages.text import normalize_text
from ipgirl_crawler.discovery.urls import article_key

_CATEGORY_PATH = re.compile(r"^/(?P<lang>[a-z]{2})/category/(?P<slug>[a-z0-9_-]+)/?$")
_HEADED_LINKS = ("//h1//a[@href] | //h2//a[@href] | //h3//a[@href] | //h4//a[@href] | //h5//a[@href]")
_BOXES = frozenset({"li", "article", "section", "div", "td", "dd"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5"})
MAX_STATEMENTS = 4  # per article and kind: a listing shows an article a few times at most


@dataclass
class ListingStatements:
    """Teasers by article key, and category names by (language, slug), over a run's listings."""

    titles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    snippets: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    categories: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    slug_names: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, kind: dict[Any, set[str]], key: Any, value: str | None) -> None:
        if value and len(kind[key]) < MAX_STATEMENTS:
            kind[key].add(value)

    def read(self, url: str, selector: Any) -> int:
        """The statements of one listing page (a parsel selector, or its lxml root); the number of
        teasers read. On lxml's elements, not parsel's: its wrapper of each query's result was half
        of the teasers' reading (8,000 queries on a 1,000-article site's 126 listing pages)."""
        root = getattr(selector, "root", selector)
        listing_category = None
        match = _CATEGORY_PATH.match(urlsplit(url).path)
        if match:
            listing_category = normalize_text(" ".join(root.xpath("//h1//text()"))) or None
            self.add(self.slug_names, (match["lang"], match["slug"]), listing_category)
        teasers = 0
        for link in root.xpath(_HEADED_LINKS):
            target = absolute(url, link.get("href"))
            ref = article_ref(target) if target else None
            title = normalize_text(" ".join(link.xpath(".//text()")))
            if ref is None or not title:
                continue
            key, teasers = article_key(ref.language, ref.article_id), teasers + 1
            self.add(self.titles, key, title)
            self.add(self.categories, key, listing_category)
            self._read_box(url, key, link)
        return teasers

    def _read_box(self, url: str, key: str, link: Any) -> None:
        heading = next((a for a in link.iterancestors() if a.tag in _HEADINGS), None)
        box = heading.getparent() if heading is not None else None
        if box is None or box.tag not in _BOXES:
            return
        snippet = next((s for s in heading.itersiblings() if s.tag == "p"), None)
        if snippet is not None and next(snippet.iter("a"), None) is None:
            self.add(self.snippets, key, normalize_text(" ".join(snippet.xpath(".//text()"))) or None)
        for category in box.iter("a"):
            if "/category/" not in (category.get("href") or ""):
                continue
            match = _CATEGORY_PATH.match(urlsplit(absolute(url, category.get("href")) or "").path)
            name = normalize_text(" ".join(category.xpath(".//text()")))
            if match and name:
                self.add(self.categories, key, name)
                self.add(self.slug_names, (match["lang"], match["slug"]), name)

    def as_json(self) -> dict[str, Any]:
        """The statements as JSON (a distributed worker hands its listings' to the job's checks)."""
        kinds = {"titles": self.titles, "snippets": self.snippets, "categories": self.categories}
        found: dict[str, Any] = {name: {key: sorted(values) for key, values in kind.items()} for name, kind in kinds.items()}
        found["slug_names"] = [[lang, slug, sorted(names)] for (lang, slug), names in self.slug_names.items()]
        return found

    def absorb(self, part: dict[str, Any]) -> None:
        """Add the statements of another process's listings (``as_json``)."""
        for name in ("titles", "snippets", "categories"):
            kind = getattr(self, name)
            for key, values in (part.get(name) or {}).items():
                for value in values:
                    self.add(kind, key, value)
        for lang, slug, names in part.get("slug_names") or []:
            for name in names:
                self.add(self.slug_names, (lang, slug), name)

    def category_of_slug(self, language: str | None, slug: str | None) -> str | None:
        """The one name the listings give a category slug in a language; None if none or several."""
        names = self.slug_names.get((language or "", slug or ""), set())
        return next(iter(names)) if len(names) == 1 else None
