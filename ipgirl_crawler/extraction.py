"""CPU-heavy work off the reactor thread: page extraction and cleaning run in worker processes.

Parsing, reading and cleaning a page cost as much CPU as everything Scrapy does for the request;
in one process they halve the crawl's speed. ``extract`` is pure (bytes in, a finished item
out: page object, then the page pipelines), so it runs in a small process pool
(``IPGIRL_EXTRACTION_WORKERS``, default: one per spare core) while the reactor downloads the
next pages, one round trip per page; with 0 workers, or if a worker dies, it runs in-process.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any, TypeVar

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, TextResponse

from ipgirl_crawler.encoding import with_true_encoding
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.urls import absolute
from ipgirl_crawler.workers import ProcessPool, WorkerDied, cpu_count
from pipelines.base import Counts, PageOutcome, PagePipeline, run_page_pipelines
from pipelines.dates import warm_up as warm_up_dates

logger = logging.getLogger(__name__)
# Imported once by the fork server, so each worker starts with them loaded (dateparser is slow to import).
PRELOADED = ("pipelines.footer", "pipelines.body", "trafilatura", "pipelines.votes", "pipelines.related", "pipelines.dates",
             "pipelines.validate")
T = TypeVar("T")


@dataclass
class PageResult:
    item: dict[str, Any] | None  # the item, when the page is an article, through the page pipelines
    links: list[str] = field(default_factory=list)  # absolute URLs of the articles it shows (cards, translations)
    corrected_encoding: str | None = None  # the charset really used, when the declared one lied
    outcome: PageOutcome | None = None  # what the page pipelines did to the item
    counts: dict[str, int] = field(default_factory=dict)  # their stats


def extract(url: str, body: bytes, headers: dict[bytes, list[bytes]], base_url: str,
            pipelines: tuple[type[PagePipeline], ...] = ()) -> PageResult:
    """The page object over one response, then ``pipelines`` over its item: pure, so it can run in
    any process, and one call per page, so a worker returns a finished item."""
    response, corrected = with_true_encoding(HtmlResponse(url=url, body=body, headers=headers))
    page = page_for(response, base_url)
    item = dict(page.to_item()) if page.is_article() else None
    # The links to follow are the item's own cards and translations (read once), or the page's.
    shown = item if item is not None else {"raw_related": page.raw_related(), "translations": page.translations()}
    hrefs = [card.get("url") for card in shown["raw_related"]] + list(shown["translations"].values())
    links = [link for link in (absolute(url, href) for href in hrefs) if link]
    result = PageResult(item, links, response.encoding if corrected else None)
    if item is not None and pipelines:
        counts = Counts()
        result.item, result.outcome = run_page_pipelines(item, pipelines, counts)
        result.counts = dict(counts)
    return result


def default_workers() -> int:
    return max(0, min(4, cpu_count() - 1))


class WorkerPool:
    """The crawl's extraction workers (``IPGIRL_EXTRACTION_WORKERS``), closed with the engine."""

    ATTRIBUTE = "_ipgirl_extraction"

    def __init__(self, workers: int, log_level: int | str = logging.INFO) -> None:
        self.workers, self.log_level = workers, log_level
        self.pool: ProcessPool | None = None
        self._starting: asyncio.Future[None] | None = None  # held: the loop keeps only a weak reference to a task

    @classmethod
    def of(cls, crawler: Crawler) -> WorkerPool:
        """The crawl's pool; its workers start (and warm up) as the spider opens."""
        pool = getattr(crawler, cls.ATTRIBUTE, None)
        if pool is None:
            setting = crawler.settings.get("IPGIRL_EXTRACTION_WORKERS")
            pool = cls(default_workers() if setting in (None, "", "auto") else int(setting),
                       crawler.settings.get("LOG_LEVEL"))
            setattr(crawler, cls.ATTRIBUTE, pool)
            crawler.signals.connect(pool.start_soon, signal=signals.spider_opened)
            crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    def start_soon(self, spider: Any) -> None:
        """Start the workers while discovery reads robots.txt and sitemaps, not on the first article."""
        pool = self._pool()
        if pool is not None:
            languages = tuple(getattr(spider, "languages", ()))
            self._starting = asyncio.ensure_future(pool.start(warm_up_dates, languages))

    def _pool(self) -> ProcessPool | None:
        if self.pool is None and self.workers > 0:
            # forkserver: workers start clean (no reactor, no threads) and share preloaded modules.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["ipgirl_crawler.extraction", *PRELOADED])
            self.pool = ProcessPool(context, self.workers, self.log_level)
        return self.pool

    async def extract(self, response: TextResponse, base_url: str,
                      pipelines: tuple[type[PagePipeline], ...] = ()) -> PageResult:
        return await self.run(extract, response.url, response.body, dict(response.headers), base_url, pipelines)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker process; in-process with no workers or when one died."""
        pool = self._pool()
        if pool is None:
            return function(*args)
        try:
            return await pool.run(function, *args)
        except WorkerDied as error:
            logger.error("%s running %s; running it in-process, starting a new worker",
                         error, getattr(function, "__name__", function))
            return function(*args)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
