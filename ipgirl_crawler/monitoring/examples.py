"""Example URLs of what the drift monitors may report: items with an empty field, items dropped
for want of a title or body. Kept in the stats (``ipgirl/drift/examples/…``, a few per kind) while
the crawl runs, so a failed monitor can name pages to look at."""
from __future__ import annotations

from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from ipgirl_crawler.items import CONTRACT_FIELDS, REQUIRED_FIELDS, ArticleItem
from ipgirl_crawler.monitoring.drift import EXAMPLES, MAX_EXAMPLES, record_example
from ipgirl_crawler.monitoring.report import has_value


def empty_fields(item: Any) -> list[str]:
    return [field for field in CONTRACT_FIELDS if not has_value(item.get(field))]


class DriftExamples:
    """Listens to every article item that came out of the pipelines, emitted or dropped."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.full: set[str] = set()  # kinds that have their MAX_EXAMPLES already: skipped fast
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DriftExamples:
        return cls(crawler)

    def _record(self, kind: str, url: str | None) -> None:
        if kind in self.full:
            return
        record_example(self.stats, kind, url)
        if len(self.stats.get_value(EXAMPLES + kind) or ()) >= MAX_EXAMPLES:
            self.full.add(kind)

    def item_scraped(self, item: Any) -> None:
        if isinstance(item, ArticleItem):
            url = item.get("url") or item.get("fetched_url")
            for field in empty_fields(item):
                self._record(f"missing/{field}", url)

    def item_dropped(self, item: Any) -> None:
        """Unchanged and duplicate items were read like emitted ones; an item without a required
        field is the "dropped" kind."""
        if not isinstance(item, ArticleItem):
            return
        self.item_scraped(item)
        if any(not has_value(item.get(field)) for field in REQUIRED_FIELDS):
            self._record("dropped", item.get("fetched_url") or item.get("url"))
