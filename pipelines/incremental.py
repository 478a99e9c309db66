"""Incremental output: an item only for a new article or one whose ``content_hash`` changed."""
from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from ipgirl_crawler.discovery.urls import article_key
from ipgirl_crawler.run.state import CrawlState
from pipelines.base import CountingPipeline


class IncrementalPipeline(CountingPipeline):
    name = "incremental"

    def process_article(self, item: Any) -> Any:
        validators = item.pop("raw_validators", None) or {}
        state = CrawlState.of(self.crawler)
        if state is None:
            return item
        key = article_key(item.get("language"), item.get("article_id"))
        known = state.store.article(key)
        if known and not known.gone and not state.full and known.content_hash == item.get("content_hash"):
            state.store.refresh_validators(key, validators.get("etag"), validators.get("last_modified"))
            self.count("unchanged")
            raise DropItem(f"unchanged since run {known.run_id}: {item.get('url')}", log_level="DEBUG")
        state.remember(key, validators)
        self.count("changed" if known else "new")
        return item
