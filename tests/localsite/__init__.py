"""A deterministic fake copy of the IPGirl site for end-to-end tests and benchmarks.

    from tests.localsite import LocalSite
    with LocalSite(n_articles=300, seed=1) as site:
        site.base_url, site.expected_items(), site.requests()
    LocalSite(n_articles=300, seed=1, eras="E,F")   # only the oldest templates (see README)
    LocalSite(n_articles=300, seed=1, eras=ALL_ERAS)  # A-M: every template, J-M the newest opt-in ones
"""
from __future__ import annotations

from .model import ALL_ERAS, DEFAULT_ERAS, DEFAULT_NOW, Article, Site, build_site, parse_eras
from .server import Fault, FaultTable, LocalSite
from .view import ArticleView, expected_item, expected_items

__all__ = ["ALL_ERAS", "DEFAULT_ERAS", "DEFAULT_NOW", "Article", "ArticleView", "Fault", "FaultTable", "LocalSite",
           "Site", "build_site", "expected_item", "expected_items", "parse_eras"]
