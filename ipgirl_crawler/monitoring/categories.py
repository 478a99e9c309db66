"""Articles per category for the run report, a category counted once whatever its language.

An item's ``category`` is the name as shown, localized: counted by name, one category of the site
made nine bars ("AI" 30, "IA" 27, "KI" 25…). What a category *is* is the category segment of
its articles' URLs (``/fr/ai/123-…`` and ``/es/ai/456-…``: ``ai``), the same in every language;
its label is the names it is shown under, the most used first.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from ipgirl_crawler.discovery.urls import article_section

MAX_NAMES = 3  # names shown for one category (up to nine, one a language): "AI · IA · KI +6"


def category_key(item: dict[str, Any]) -> str:
    """The category's identity: its URL segment, else (not an article URL) its name."""
    return article_section(str(item.get("url") or "")) or str(item.get("category") or "(none)")


class CategoryCounts:
    def __init__(self) -> None:
        self.articles: Counter[str] = Counter()  # category key -> articles
        self.names: dict[str, Counter[str]] = {}  # category key -> its names as shown -> articles

    def add(self, item: dict[str, Any]) -> None:
        key = category_key(item)
        self.articles[key] += 1
        if item.get("category"):
            self.names.setdefault(key, Counter())[str(item["category"])] += 1

    def label(self, key: str) -> str:
        names = [name for name, _ in self.names.get(key, Counter()).most_common()]
        more = f" +{len(names) - MAX_NAMES}" if len(names) > MAX_NAMES else ""
        return " · ".join(names[:MAX_NAMES]) + more if names else key

    def top(self, n: int) -> list[tuple[str, int]]:
        """The ``n`` largest categories as (label, articles), largest first."""
        labelled = [(self.label(key), count) for key, count in self.articles.items()]
        return sorted(labelled, key=lambda pair: (-pair[1], pair[0]))[:n]
