"""Dead links, told apart from failed fetches, and sources whose links are mostly dead.

A 404 or 410 on a URL the site itself links to (from a listing page, a sitemap, robots.txt) is the
site's own dead link: counted (``ipgirl/discovery/dead_links``, by kind under ``…/dead_links/``),
logged, in the report and the summary, never a failed fetch. A healthy 60-article site whose
navigation kept one deleted category (404 in each of 9 languages) failed its run on "9 of 148
requests failed". The requests that carry no ``Referer`` are the crawl's own seeds (home pages,
robots.txt, the fallback sitemap): their 404 is still a failure.

Mostly dead is another matter. A sitemap listing 200,000 article URLs of which 60 answer, or a
home page with 100,000 dead links, took 13 minutes and ended "healthy" (a 404 counts as a sitemap
article read). So each sitemap and listing page is a *source*, and the answers to its links are
counted by source (the request's ``Referer``, which Scrapy sets to the page that linked it): once
``dead_link_sample`` of its links have answered and more than ``max_dead_link_rate`` of them were
dead, the source is flagged, its remaining links are not fetched (``…/dead_link_floods/not_followed``)
and a monitor fails naming it ("2,000 of 2,060 sitemap URLs dead…"). Both thresholds are in
``data/monitors.json``.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from ipgirl_crawler.logs.safe import safe_for_log
from ipgirl_crawler.monitoring.dead_links import (
    DEAD_LINKS_STAT,
    FLOODS_STAT,
    MAX_FLOODS_SHOWN,
    NOT_FOLLOWED_STAT,
)
from ipgirl_crawler.monitoring.thresholds import monitor_thresholds

logger = logging.getLogger(__name__)
DEAD_STATUSES = frozenset({404, 410})


class NotFollowed(IgnoreRequest):
    """A link of a source flagged as mostly dead: not fetched, neither a failure nor a dead link."""


@dataclass
class Source:
    kind: str  # "sitemap" or "listing"
    url: str
    answered: int = 0  # its links that answered (after retries and redirects)
    dead: int = 0
    not_followed: int = 0
    flagged: bool = False


def referer(request: Request | None) -> str | None:
    value = request.headers.get(b"Referer") if request is not None else None
    return value.decode("latin-1") if value else None


class DeadLinks:
    """The run's dead links and their sources (the spider's ``dead_links``)."""

    def __init__(self, crawler: Crawler, max_rate: float, sample: int) -> None:
        self.crawler = crawler  # its stats exist only once the crawl starts
        self.max_rate, self.sample = max_rate, max(1, sample)
        self.sources: dict[str, Source] = {}  # bounded by IPGIRL_MAX_LISTINGS + IPGIRL_MAX_SITEMAPS
        self.floods: list[Source] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DeadLinks:
        thresholds = monitor_thresholds(crawler.settings)
        return cls(crawler, thresholds["max_dead_link_rate"], thresholds["dead_link_sample"])

    def source(self, url: str, kind: str) -> None:
        """The page ``url`` (a sitemap or a listing page) gives links: their answers are counted."""
        self.sources.setdefault(url, Source(kind, url))

    def dead_link(self, request: Request | None, status: int, what: str) -> bool:
        """Whether a failed ``request`` that answered ``status`` is a link of the site's that is dead
        (counted and logged), rather than a failure."""
        linked_from = referer(request)
        if status not in DEAD_STATUSES or linked_from is None or request is None:
            return False
        logger.info("Dead link (%s, a %s): %s, linked from %s", status, what, safe_for_log(request.url),
                    safe_for_log(linked_from))
        self.crawler.stats.inc_value(DEAD_LINKS_STAT)
        self.crawler.stats.inc_value(f"{DEAD_LINKS_STAT}/{what}")
        return True

    def answered(self, request: Request, status: int) -> None:
        """A link of a known source answered: its source's dead share, flagged once over the limit."""
        source = self.sources.get(referer(request) or "")
        if source is None or source.flagged:
            return
        source.answered += 1
        source.dead += status in DEAD_STATUSES
        if source.answered >= self.sample and source.dead > self.max_rate * source.answered:
            self._flag(source)

    def check(self, request: Request) -> None:
        """Raise ``NotFollowed`` for a link of a flagged source."""
        source = self.sources.get(referer(request) or "")
        if source is not None and source.flagged:
            source.not_followed += 1
            self.crawler.stats.inc_value(NOT_FOLLOWED_STAT)
            raise NotFollowed(f"a link of {source.url}, whose links are mostly dead")

    def _flag(self, source: Source) -> None:
        source.flagged = True
        self.floods.append(source)
        logger.error("Mostly dead links: %d of the first %d links of the %s %s answered 404/410; its other links "
                     "are not followed", source.dead, source.answered, source.kind, safe_for_log(source.url))
        self.write_floods()

    def write_floods(self) -> None:
        if self.floods:
            self.crawler.stats.set_value(FLOODS_STAT, [asdict(flood) for flood in self.floods[:MAX_FLOODS_SHOWN]])
            self.crawler.stats.set_value(FLOODS_STAT + "/count", len(self.floods))


class DeadLinksMiddleware:
    """Counts each answer for the source that linked it, and drops, before anything else is done
    with it, a link of a source flagged as mostly dead. Placed next to the engine: a response
    reaches it after the retries and redirects."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DeadLinksMiddleware:
        return cls(crawler)

    def _links(self) -> DeadLinks | None:
        return getattr(self.crawler.spider, "dead_links", None)

    def process_request(self, request: Request) -> None:
        if (links := self._links()) is not None:
            links.check(request)

    def process_response(self, request: Request, response: Response) -> Response:
        if (links := self._links()) is not None:
            links.answered(request, response.status)
        return response

    def spider_closed(self) -> None:
        if (links := self._links()) is not None:
            links.write_floods()  # the last counts of the flagged sources
