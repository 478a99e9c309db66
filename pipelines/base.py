"""What every pipeline shares: the crawl's stats, under one prefix, and the worker pool."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ipgirl_crawler.extraction import WorkerPool
from ipgirl_crawler.items import ArticleItem

STATS_PREFIX = "ipgirl"
T = TypeVar("T")


class CountingPipeline:
    """A pipeline that counts what it changes in the crawl stats (``ipgirl/<name>/<what>``)."""

    name = "pipeline"

    def __init__(self, stats: StatsCollector | None = None, crawler: Crawler | None = None) -> None:
        self.stats = stats
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler.stats, crawler)

    def process_item(self, item: Any) -> Any:
        # Only articles are this project's to clean; any other item passes untouched.
        return self.process_article(item) if isinstance(item, ArticleItem) else item

    def process_article(self, item: ArticleItem) -> Any:
        raise NotImplementedError

    async def offload(self, function: Callable[..., T], *args: Any) -> T:
        """Run a pure, CPU-heavy function in the crawl's worker processes (in-process without a crawl)."""
        if self.crawler is None:
            return function(*args)
        return await WorkerPool.of(self.crawler).run(function, *args)

    def count(self, what: str, value: int = 1) -> None:
        if self.stats is not None and value:
            self.stats.inc_value(f"{STATS_PREFIX}/{self.name}/{what}", value)


class OffloadingPipeline(CountingPipeline):
    """A pipeline whose work is CPU-heavy: ``process_article`` is a coroutine using ``offload``."""

    async def process_item(self, item: Any) -> Any:
        return await self.process_article(item) if isinstance(item, ArticleItem) else item
