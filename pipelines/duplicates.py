"""One item per canonical URL per run (across all workers in distributed mode)."""
from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from ipgirl_crawler.discovery.seen import SeenSet
from ipgirl_crawler.logs.safe import safe_for_log
from ipgirl_crawler.run.plugins import RunHooks
from pipelines.base import CountingPipeline


class DuplicateUrlPipeline(CountingPipeline):
    """One item per canonical URL per run; a second page with the same canonical is dropped, loudly."""

    name = "duplicates"

    def __init__(self, stats: Any = None, crawler: Crawler | None = None) -> None:
        super().__init__(stats, crawler)
        self.seen = SeenSet()

    def open_spider(self) -> None:
        # Distributed mode shares the set: one item per URL across all workers.
        self.seen = RunHooks.of(self.crawler).seen_set("emitted")

    def process_article(self, item: Any) -> Any:
        url = item.get("url")
        if not self.seen.add(url, f"{item.get('language')}:{item.get('article_id')}"):
            self.count("dropped")
            raise DropItem(f"duplicate of an item already emitted: {safe_for_log(url)} (fetched {safe_for_log(item.get('fetched_url'))})")
        return item
