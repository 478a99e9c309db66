"""What a page's head and structured data state: JSON-LD objects, the article's JSON-LD node, the
``<meta>`` names, the authors and organisations the metadata names, the site's names. A mixin of
``ArticlePage`` (it reads the page's ``tagged`` elements, ``root`` and ``language``).
"""
from __future__ import annotations

from functools import cached_property
from typing import Any

from ipgirl_crawler.pages.byline import split_names
from ipgirl_crawler.pages.dom import json_ld_objects, text_of
from ipgirl_crawler.pages.lead_chrome import site_names
from ipgirl_crawler.pages.people import ld_people, objects_by_id
from ipgirl_crawler.pages.text import normalize_text

ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle"})
SITE_NAME = "ipgirl"


class PageMetadata:
    """The metadata part of the page object."""

    @cached_property
    def ld_objects(self) -> list[dict[str, Any]]:
        return json_ld_objects([s for s in self.tagged.by_tag["script"] if s.get("type") == "application/ld+json"])

    @cached_property
    def json_ld(self) -> dict[str, Any]:
        for obj in self.ld_objects:
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds):
                return obj
        return {}

    @cached_property
    def meta(self) -> dict[str, str]:
        """``<meta name|property=… content=…>``, first of each name, normalised."""
        found: dict[str, str] = {}
        for node in self.tagged.by_tag["meta"]:
            if node.get("content") is None or node.get("name") is None and node.get("property") is None:
                continue
            found.setdefault(node.get("name") or node.get("property"), normalize_text(node.get("content")))
        return found

    @cached_property
    def machine_authors(self) -> list[str]:
        """The authors the page's metadata names: JSON-LD (``@id`` references resolved), else meta."""
        named = ld_people(self.json_ld, objects_by_id(self.ld_objects), organizations=False) if self.json_ld else []
        meta = self.meta.get("author")
        return named or (split_names(meta, self.language or "en") if meta else [])

    @cached_property
    def machine_organizations(self) -> list[str]:
        """An organisation the metadata names as the author: the byline only when the page names no one."""
        return ld_people(self.json_ld, objects_by_id(self.ld_objects)) if self.json_ld else []

    @cached_property
    def site_names(self) -> tuple[str, ...]:
        return site_names(text_of(self.root.find("head/title")), self.meta.get("og:site_name"),
                          self.meta.get("application-name"), SITE_NAME)
