"""What every pipeline shares: the crawl's stats, under one prefix."""
from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ipgirl_crawler.items import ArticleItem

STATS_PREFIX = "ipgirl"


class CountingPipeline:
    """A pipeline that counts what it changes in the crawl stats (``ipgirl/<name>/<what>``)."""

    name = "pipeline"

    def __init__(self, stats: StatsCollector | None = None) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler.stats)

    def process_item(self, item: Any) -> Any:
        # Only articles are this project's to clean; any other item passes untouched.
        return self.process_article(item) if isinstance(item, ArticleItem) else item

    def process_article(self, item: ArticleItem) -> Any:
        raise NotImplementedError

    def count(self, what: str, value: int = 1) -> None:
        if self.stats is not None and value:
            self.stats.inc_value(f"{STATS_PREFIX}/{self.name}/{what}", value)
