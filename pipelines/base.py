"""What every pipeline shares: the crawl's stats under one prefix, and where a pipeline runs.

A ``PagePipeline`` needs nothing but the item, so it runs where the page is parsed: the leading
page pipelines of ``ITEM_PIPELINES`` run in the extraction worker right after the page object,
in one round trip with it (``run_page_pipelines``), and the crawl process gets a finished item.
In the crawl's chain they then only replay what happened there (passed, or dropped and why), so
Scrapy's signals, stats and logs see them as any pipeline. An item that did not come through a
worker (tests, another spider) goes through them in-process as through any pipeline.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object

from ipgirl_crawler.items import ArticleItem

if TYPE_CHECKING:  # annotations only: scrapy.crawler (the engine, its logging) is ~11 ms of ipgirl-extract's start-up
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from scrapy.statscollectors import StatsCollector

STATS_PREFIX = "ipgirl"


class CountingPipeline:
    """A pipeline that counts what it changes in the crawl stats (``ipgirl/<name>/<what>``)."""

    name = "pipeline"

    def __init__(self, stats: StatsCollector | Counts | None = None, crawler: Crawler | None = None) -> None:
        self.stats = stats
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler.stats, crawler)

    def process_item(self, item: Any) -> Any:
        # Only articles are this project's to clean; any other item passes untouched.
        return self.process_article(item) if isinstance(item, ArticleItem) else item

    def process_article(self, item: Any) -> Any:
        raise NotImplementedError

    def count(self, what: str, value: int = 1) -> None:
        if self.stats is not None and value:
            self.stats.inc_value(f"{STATS_PREFIX}/{self.name}/{what}", value)


class Counts(Counter[str]):
    """Stats counted away from the crawl's stats collector (in a worker), added to it later."""

    def inc_value(self, key: str, count: int = 1) -> None:
        self[key] += count


@dataclass(frozen=True)
class PageOutcome:
    """What the page pipelines did to an item in the worker: which passed it on, which dropped it."""

    passed: tuple[str, ...]
    dropped_by: str | None = None
    reason: str = ""


class PagePipeline(CountingPipeline):
    """A pipeline whose work depends on the item alone (no crawl state): see the module's doc."""

    def process_item(self, item: Any) -> Any:
        outcome: PageOutcome | None = getattr(item, "_page_outcome", None)
        if outcome is None:
            return super().process_item(item)
        if self.name in outcome.passed:
            return item
        if self.name == outcome.dropped_by:
            raise DropItem(outcome.reason)
        return super().process_item(item)


def page_pipelines(settings: BaseSettings, stateful: frozenset[str] = frozenset()) -> tuple[type[PagePipeline], ...]:
    """The page pipelines that lead ``ITEM_PIPELINES``, in order: those a worker can run. The run
    ends at the first other pipeline, or at a path in ``stateful``, known to be one, left unimported
    (the duplicate filter imports the Redis client: 0.3 s of ``ipgirl-extract``'s start-up)."""
    leading: list[type[PagePipeline]] = []
    for pipeline in build_component_list(settings.getwithbase("ITEM_PIPELINES")):
        if pipeline in stateful:
            break
        pipeline = load_object(pipeline)
        if not (isinstance(pipeline, type) and issubclass(pipeline, PagePipeline)):
            break
        leading.append(pipeline)
    return tuple(leading)


_instances: dict[type[PagePipeline], PagePipeline] = {}


def run_page_pipelines(item: dict[str, Any], pipelines: tuple[type[PagePipeline], ...],
                       counts: Counts) -> tuple[dict[str, Any], PageOutcome]:
    """``item`` through ``pipelines`` in order, counting into ``counts``; stops at a drop."""
    article, passed = ArticleItem(item), []
    for pipeline_class in pipelines:
        pipeline = _instances.get(pipeline_class) or _instances.setdefault(pipeline_class, pipeline_class())
        pipeline.stats = counts
        try:
            article = pipeline.process_article(article)
        except DropItem as drop:
            return dict(article), PageOutcome(tuple(passed), pipeline.name, str(drop))
        passed.append(pipeline.name)
    return dict(article), PageOutcome(tuple(passed))
