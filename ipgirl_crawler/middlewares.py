"""Retries that back off: exponential delays with jitter, and ``Retry-After`` honoured.

Scrapy retries at once and ignores ``Retry-After``; a site answering 429 or 503 is asking
for time, and hammering it again makes the next answer worse.
"""
from __future__ import annotations

import asyncio
import random
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.settings import BaseSettings


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


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("IPGIRL_RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("IPGIRL_RETRY_BACKOFF_MAX")
        self.stats = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        middleware.stats = crawler.stats
        return middleware

    async def _wait(self, retry: Request, response: Response | None) -> None:
        attempt = retry.meta.get("retry_times", 1)
        asked = retry_after_seconds(response.headers.get(b"Retry-After")) if response is not None else None
        delay = min(self.cap, asked) if asked is not None else backoff_seconds(attempt, self.base, self.cap)
        if self.stats is not None:
            self.stats.inc_value("ipgirl/retry/waited_ms", int(delay * 1000))
            if asked is not None:
                self.stats.inc_value("ipgirl/retry/retry_after_honoured")
        if delay > 0:
            await asyncio.sleep(delay)

    async def process_response(self, request: Request, response: Response, spider: object = None) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self._wait(result, response)
        return result

    async def process_exception(self, request: Request, exception: Exception, spider: object = None) -> Request | Response | None:
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self._wait(result, None)
        return result
