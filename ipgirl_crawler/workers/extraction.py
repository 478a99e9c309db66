"""CPU-heavy work off the reactor thread: page extraction and cleaning run in worker processes.

Parsing, reading and cleaning a page cost as much CPU as everything Scrapy does for the request;
in one process they halve the crawl's speed. ``extract`` is pure (bytes in, a finished item
out: page object, then the page pipelines), so it runs in a small process pool
(``IPGIRL_EXTRACTION_WORKERS``, default: one per spare core) while the reactor downloads the
next pages, one round trip per page; with 0 workers, or when no worker can start, in-process.

A page that breaks a worker's bounds (``IPGIRL_WORKER_MEMORY_MB``, ``IPGIRL_PAGE_DEADLINE``), or
whose worker dies on it, is a failure of that page (``PageFailed``), never run again in the crawl
process: what broke a worker would break the crawl.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import forkserver
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeVar

from scrapy import signals
from scrapy.http import HtmlResponse, TextResponse

from ipgirl_crawler.discovery.urls import absolute
from ipgirl_crawler.items import RECEIVED_AT_META
from ipgirl_crawler.pages.encoding import with_true_encoding
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.statements import page_statements
from ipgirl_crawler.pages.text import normalize_text
from ipgirl_crawler.workers.pool import (
    BoundBroken,
    CallLost,
    ProcessPool,
    WorkerDied,
    WorkerLimits,
    WorkerUnavailable,
    cpu_count,
)
from pipelines.base import Counts, PageOutcome, PagePipeline, run_page_pipelines
from pipelines.dates import warm_up as warm_up_dates

if TYPE_CHECKING:  # scrapy.crawler imports the reactor's modules: ipgirl-extract needs only extract()
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
# Imported once by the fork server, so each worker starts with them loaded (dateparser is slow to import);
# the last one loads dateparser's data for every site language (workers/warm.py).
# trafilatura is not among them: it is the body's tie-break, asked on a few pages in a hundred, and
# its import (~0.4 s of CPU) is paid by the worker that first needs it.
PRELOADED = ("ipgirl_crawler.workers.extraction", "pipelines.notice", "pipelines.body", "pipelines.votes",
             "pipelines.related", "pipelines.dates", "pipelines.validate", "ipgirl_crawler.workers.warm")
T = TypeVar("T")


STATEMENTS_CPU = "ipgirl/verify/statements_cpu_us"  # CPU the page's statements took, summed over the run


@dataclass
class PageResult:
    item: dict[str, Any] | None  # the item, when the page is an article, through the page pipelines
    links: list[str] = field(default_factory=list)  # absolute URLs of the articles it shows (cards, translations)
    corrected_encoding: str | None = None  # the charset really used, when the declared one lied
    outcome: PageOutcome | None = None  # what the page pipelines did to the item
    counts: dict[str, int] = field(default_factory=dict)  # their stats
    # what the page's metadata restates (og:title, meta description…): the crawl's cross-checks
    statements: dict[str, Any] = field(default_factory=dict)
    shows_article: bool = False  # read as no article, yet a title and a body of text (``shows_an_article``)


# A page read as no article that has a title and this much text for a generic extractor shows an
# article all the same (held-out AA: 6 of 120 CJK posts of ~300-900 characters dropped, no monitor
# naming them; a "this article was removed" notice holds some 60).
MIN_SHOWN_TEXT = 150


def shows_an_article(page: Any) -> bool:
    """A page the page object read as no article that a reader still sees as one: a title and a
    body of text the generic extractor finds (read only for such pages, a few a run)."""
    return bool(page.title()) and len(normalize_text(page.generic_body()).replace(" ", "")) >= MIN_SHOWN_TEXT


def extract(url: str, body: bytes, headers: dict[bytes, list[bytes]], base_url: str,
            pipelines: tuple[type[PagePipeline], ...] = (), received_at: str | None = None) -> PageResult:
    """The page object over one response, then ``pipelines`` over its item: pure, so it can run in
    any process, and one call per page, so a worker returns a finished item. ``received_at``: when
    an archived page was received (a live one's is now)."""
    response, corrected = with_true_encoding(HtmlResponse(url=url, body=body, headers=headers))
    page = page_for(response, base_url)
    item = dict(page.to_item()) if page.is_article() else None
    if item is not None and received_at:
        item["received_at"] = received_at
    # The links to follow are the item's own cards and translations (read once), or the page's.
    shown = item if item is not None else {"raw_related": page.raw_related(), "translations": page.translations()}
    hrefs = [card.get("url") for card in shown["raw_related"]] + list(shown["translations"].values())
    links = [link for link in (absolute(url, href) for href in hrefs) if link]
    result = PageResult(item, links, response.encoding if corrected else None)
    result.shows_article = item is None and shows_an_article(page)
    if item is not None:
        started = time.thread_time()
        result.statements = page_statements(page)
        statements_us = round(1e6 * (time.thread_time() - started))
    if item is not None and pipelines:
        counts = Counts()
        result.item, result.outcome = run_page_pipelines(item, pipelines, counts)
        result.counts = dict(counts)
    if item is not None:  # the cross-checks' cost in the worker, for the bench (README "How right is this run")
        result.counts[STATEMENTS_CPU] = result.counts.get(STATEMENTS_CPU, 0) + statements_us
    return result


class PageFailed(RuntimeError):
    """The page broke a worker's bound, or killed its worker: ``reason`` names which."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


# A call lost with its worker (it waited behind the page that killed it) is sent again, this often.
LOST_CALL_ATTEMPTS = 3


def fork_server() -> BaseContext:
    """The workers' process context: a fork server, started now if it is not running, that has
    imported ``PRELOADED`` (workers start clean, with no reactor and no threads, and share them).

    Called as the crawl command starts, the server's imports and warm-up (~1.5 s of CPU) run on
    the other core while Scrapy starts, instead of holding up the first article pages."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOADED))
    forkserver.ensure_running()
    return context


def default_workers() -> int:
    return max(0, min(4, cpu_count() - 1))


def configured_workers(settings: Any) -> int:
    setting = settings.get("IPGIRL_EXTRACTION_WORKERS")
    return default_workers() if setting in (None, "", "auto") else int(setting)


class WorkerPool:
    """The crawl's extraction workers (``IPGIRL_EXTRACTION_WORKERS``), closed with the engine."""

    ATTRIBUTE = "_ipgirl_extraction"

    def __init__(self, workers: int, log_level: int | str = logging.INFO, limits: WorkerLimits = WorkerLimits()) -> None:
        self.workers, self.log_level, self.limits = workers, log_level, limits
        self.stats: Any = None  # the crawl's, once its spider opens
        self.pool: ProcessPool | None = None
        self._starting: asyncio.Future[None] | None = None  # held: the loop keeps only a weak reference to a task

    @classmethod
    def of(cls, crawler: Crawler) -> WorkerPool:
        """The crawl's pool; its workers start (and warm up) as the spider opens."""
        pool = getattr(crawler, cls.ATTRIBUTE, None)
        if pool is None:
            limits = WorkerLimits(crawler.settings.getint("IPGIRL_WORKER_MEMORY_MB"),
                                  crawler.settings.getfloat("IPGIRL_PAGE_DEADLINE"))
            pool = cls(configured_workers(crawler.settings), crawler.settings.get("LOG_LEVEL"), limits)
            setattr(crawler, cls.ATTRIBUTE, pool)
            crawler.signals.connect(pool.start_soon, signal=signals.spider_opened)
            crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    def start_soon(self, spider: Any) -> None:
        """Start the workers while discovery reads robots.txt and sitemaps, not on the first article."""
        self.stats = getattr(getattr(spider, "crawler", None), "stats", None)
        pool = self._pool()
        if pool is not None:
            languages = tuple(getattr(spider, "languages", ()))
            self._starting = asyncio.ensure_future(pool.start(warm_up_dates, languages))

    def _pool(self) -> ProcessPool | None:
        if self.pool is None and self.workers > 0:
            self.pool = ProcessPool(fork_server(), self.workers, self.log_level, self.limits)
        return self.pool

    async def extract(self, response: TextResponse, base_url: str,
                      pipelines: tuple[type[PagePipeline], ...] = ()) -> PageResult:
        received_at = response.request.meta.get(RECEIVED_AT_META) if response.request is not None else None
        return await self.run(extract, response.url, response.body, dict(response.headers), base_url, pipelines,
                              received_at)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker process (in-process with no workers, or when none can
        start); ``PageFailed`` when the call broke a worker's bound or its worker died on it."""
        pool = self._pool()
        if pool is None:
            return function(*args)
        try:
            for _ in range(LOST_CALL_ATTEMPTS):
                try:
                    return await pool.run(function, *args)
                except CallLost:
                    continue
            raise PageFailed("worker_died", f"its worker ended {LOST_CALL_ATTEMPTS} times before running it")
        except BoundBroken as error:
            raise PageFailed(error.reason, error.detail) from None
        except WorkerDied as error:
            raise PageFailed("worker_died", str(error)) from None
        except WorkerUnavailable as error:
            logger.error("%s; running %s in-process", error, getattr(function, "__name__", function))
            return function(*args)
        finally:
            if self.stats is not None and pool.peak_rss_kib:
                self.stats.max_value("ipgirl/workers/peak_rss_mib", pool.peak_rss_kib // 1024)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
