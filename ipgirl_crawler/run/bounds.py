"""Every run ends, whatever the site does: deadlines for the run and for discovery, and caps on
what discovery follows (listing page numbers, listing pages, sitemaps and their nesting).

A site with endless pagination, category slugs or sitemap indexes would otherwise keep a cron
crawl going for ever, and its state lock would stop every later run. A bound that cuts a run
short is counted (``ipgirl/bounds/<name>``) and fails the run's monitors by name
(``monitoring/bound_checks.py``); what was fetched before it is committed, and the next run starts afresh.
"""
from __future__ import annotations

import logging

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.utils.asyncio import CallLaterResult, call_later
from scrapy.utils.defer import _schedule_coro

from ipgirl_crawler.monitoring.bound_checks import PREFIX

logger = logging.getLogger(__name__)
RUN_DEADLINE_REASON = "run_deadline"
# Finish reasons after which the run is over (the next one starts anew): anything else, such as a
# kill or a SIGTERM, leaves it to be resumed.
RUN_ENDED_REASONS = frozenset({"finished", RUN_DEADLINE_REASON, "origin_mismatch", "site_unreachable"})
class DiscoveryBounds:
    """What discovery may still follow: asked before each listing page or sitemap is requested."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.max_page = settings.getint("IPGIRL_MAX_LISTING_PAGE")
        self.listings_left = settings.getint("IPGIRL_MAX_LISTINGS")
        self.sitemaps_left = settings.getint("IPGIRL_MAX_SITEMAPS")
        self.max_depth = settings.getint("IPGIRL_SITEMAP_DEPTH")
        self.crawler = crawler  # its stats exist once the crawl starts
        self.open = True  # until the discovery deadline

    def _cut(self, name: str) -> bool:
        self.crawler.stats.inc_value(PREFIX + name)
        return False

    def allow_listing(self, page: int) -> bool:
        if not self.open:
            return self._cut("discovery_deadline")
        if page > self.max_page:
            return self._cut("listing_page")
        if self.listings_left <= 0:
            return self._cut("listings")
        self.listings_left -= 1
        return True

    def allow_sitemap(self, depth: int) -> bool:
        """``depth``: 0 for a sitemap robots.txt names, one more for each index above it."""
        if not self.open:
            return self._cut("discovery_deadline")
        if depth > self.max_depth:
            return self._cut("sitemap_depth")
        if self.sitemaps_left <= 0:
            return self._cut("sitemaps")
        self.sitemaps_left -= 1
        return True


class RunDeadlines:
    """``IPGIRL_RUN_DEADLINE``: the spider is closed (reason ``run_deadline``) once it has run that
    many seconds. ``IPGIRL_DISCOVERY_DEADLINE``: after that many, discovery follows no more listing
    pages or sitemaps (the articles found so far are still fetched). 0 turns either off."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.tasks: list[CallLaterResult] = []
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunDeadlines:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        run = self.crawler.settings.getfloat("IPGIRL_RUN_DEADLINE")
        discovery = self.crawler.settings.getfloat("IPGIRL_DISCOVERY_DEADLINE")
        if run > 0:
            self.tasks.append(call_later(run, self._end_run, run))
        if discovery > 0:
            self.tasks.append(call_later(discovery, self._end_discovery, spider, discovery))

    def _end_run(self, seconds: float) -> None:
        logger.warning("Run deadline: stopping after %d s (IPGIRL_RUN_DEADLINE); what was fetched is kept", seconds)
        self.crawler.stats.set_value(PREFIX + "run_deadline", int(seconds))
        _schedule_coro(self.crawler.engine.close_spider_async(reason=RUN_DEADLINE_REASON))

    def _end_discovery(self, spider: Spider, seconds: float) -> None:
        bounds = getattr(spider, "bounds", None)
        if bounds is not None:
            logger.warning("Discovery deadline: no more listing pages or sitemaps after %d s "
                           "(IPGIRL_DISCOVERY_DEADLINE); the articles found are still fetched", seconds)
            bounds.open = False

    def spider_closed(self, spider: Spider) -> None:
        for task in self.tasks:
            task.cancel()
        self.tasks = []
