"""Downloader middlewares: only the site's origin is fetched; retries back off.

Retries that back off: exponential delays with jitter, and ``Retry-After`` honoured.

Scrapy retries at once and ignores ``Retry-After``; a site answering 429 or 503 is asking
for time, and hammering it again makes the next answer worse. A timeout is retried once at most
(``IPGIRL_TIMEOUT_RETRIES``): a server that drips its answer would otherwise cost
``DOWNLOAD_TIMEOUT`` × 4 per URL; and no URL costs more than ``IPGIRL_URL_BUDGET`` seconds from
its first attempt, waits included.
"""
from __future__ import annotations

import asyncio
import logging
import random
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from twisted.internet import defer
from twisted.internet import error as net_error

from ipgirl_crawler.discovery.origin import is_sibling
from ipgirl_crawler.discovery.urls import origin_of, same_origin
from ipgirl_crawler.logs.safe import safe_for_log

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: a number, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def backoff_seconds(attempt: int, base: float, cap: float) -> float:
    """Exponential backoff with full jitter: a random wait up to base·2^(attempt-1), at most ``cap``."""
    return random.uniform(0, min(cap, base * 2 ** max(0, attempt - 1)))


TIMEOUTS = (DownloadTimeoutError, net_error.TimeoutError, net_error.TCPTimedOutError, defer.TimeoutError, TimeoutError)
FIRST_ATTEMPT = "ipgirl_first_attempt"  # meta: time.monotonic() of the URL's first attempt
TIMEOUTS_SEEN = "ipgirl_timeouts"  # meta: how many of its attempts timed out


def may_retry(timed_out: bool, timeouts: int, timeout_retries: int, spent: float, budget: float) -> str | None:
    """None when another attempt is allowed, else the bound that forbids it."""
    if timed_out and timeouts > timeout_retries:
        return "timeout_retries"
    if budget > 0 and spent >= budget:
        return "url_budget"
    return None


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("IPGIRL_RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("IPGIRL_RETRY_BACKOFF_MAX")
        self.timeout_retries = settings.getint("IPGIRL_TIMEOUT_RETRIES")
        self.budget = settings.getfloat("IPGIRL_URL_BUDGET")
        self.stats = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        middleware.stats = crawler.stats
        return middleware

    def _spent(self, request: Request) -> float:
        return time.monotonic() - request.meta.get(FIRST_ATTEMPT, time.monotonic())

    def _refused(self, request: Request, timed_out: bool) -> bool:
        """Whether a bound forbids another attempt at ``request`` (counted and logged when it does)."""
        timeouts = request.meta.get(TIMEOUTS_SEEN, 0) + int(timed_out)
        bound = may_retry(timed_out, timeouts, self.timeout_retries, self._spent(request), self.budget)
        if bound is not None and self.stats is not None:
            self.stats.inc_value(f"ipgirl/retry/refused/{bound}")
            logger.info("Not retrying %s: %s", safe_for_log(request.url), "timed out again" if bound == "timeout_retries"
                        else f"its {self.budget:g} s budget is spent (IPGIRL_URL_BUDGET)")
        return bound is not None

    def process_request(self, request: Request, spider: object = None) -> None:
        request.meta.setdefault(FIRST_ATTEMPT, time.monotonic())

    async def _wait(self, retry: Request, response: Response | None) -> None:
        attempt = retry.meta.get("retry_times", 1)
        asked = retry_after_seconds(response.headers.get(b"Retry-After")) if response is not None else None
        delay = min(self.cap, asked) if asked is not None else backoff_seconds(attempt, self.base, self.cap)
        if self.budget > 0:
            delay = max(0.0, min(delay, self.budget - self._spent(retry)))
        if self.stats is not None:
            self.stats.inc_value("ipgirl/retry/waited_ms", int(delay * 1000))
            if asked is not None:
                self.stats.inc_value("ipgirl/retry/retry_after_honoured")
        if delay > 0:
            await asyncio.sleep(delay)

    async def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        if response.status in self.retry_http_codes and self._refused(request, False):
            return response
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result, response)
        return result

    async def process_exception(self, request: Request, exception: Exception, spider: object = None) -> Request | Response | None:
        timed_out = isinstance(exception, TIMEOUTS)
        if isinstance(exception, self.exceptions_to_retry) and self._refused(request, timed_out):
            return None
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            result.meta[TIMEOUTS_SEEN] = request.meta.get(TIMEOUTS_SEEN, 0) + int(timed_out)
            await self._wait(result, None)
        return result


class OffOrigin(IgnoreRequest):
    """A request for another origin than the site's, dropped before it left."""


class OriginMiddleware:
    """Only the site's origin is fetched: scheme, host and port (Scrapy's ``OffsiteMiddleware``,
    which this replaces, compares host names only, so a redirect to another port of the host, or
    to a subdomain, was followed). It sees every request before anything fetches for it, a
    redirect's next hop and robots.txt included; the start-up probe (``PROBE`` in its meta) may
    also reach a sibling name of the configured origin, which is how the origin is learnt."""

    PROBE = "ipgirl_origin_probe"

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.logged: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OriginMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: object = None) -> None:
        site = getattr(self.crawler.spider, "site", None)
        if site is None or same_origin(request.url, site.base_url):
            return
        target = origin_of(request.url)
        if request.meta.get(self.PROBE) and target is not None and is_sibling(target, site.origin):
            return
        name = str(target) if target else safe_for_log(request.url, 80)
        if name not in self.logged:
            self.logged.add(name)
            logger.info("Not fetching %s: %s is not the site's origin %s", safe_for_log(request.url), name, site.base_url)
        self.stats.inc_value("offsite/filtered")
        self.stats.inc_value("ipgirl/origin/filtered_requests")
        raise OffOrigin(f"off-site: {name}")
