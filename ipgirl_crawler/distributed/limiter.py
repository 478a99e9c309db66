"""One politeness budget for the whole job: a downloader middleware that takes a token from a
limiter in Redis before each download and gives it back after.

The budget is Scrapy's own settings, read as the job's: at most ``CONCURRENT_REQUESTS_PER_DOMAIN``
requests in flight to the site across all workers, and, when ``DOWNLOAD_DELAY`` is set, at most
one request per ``DOWNLOAD_DELAY`` seconds across all workers. AutoThrottle still slows each
worker further by the latencies it sees. The tokens of a worker taken for dead go with its
leases (and, at the latest, expire after the download timeout). While Redis is down no token
is given, so nothing more is fetched; a worker giving up on Redis makes no request more (``NotFetched``:
no failure of the site's, the entry stays leased for the next start). An ask whose reply was lost
may have been granted: its token is given back with the next round trip, and the next ask has a
token of its own (lost tokens would shrink the job's budget until they expire).
"""
from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from ipgirl_crawler.distributed.connection import RedisDown

TOKEN_META = "ipgirl_limiter_token"
BUSY_PAUSE = 0.01  # seconds between two asks while the job's every connection is in use
DOWN_PAUSE = 0.5
# A token is kept for the next request for this long after it was taken, then given back: a busy
# worker asks Redis about once a second per connection, not once a request, and the others get
# their turn within a second. (Not with DOWNLOAD_DELAY: then every request asks, for the rate.)
HOLD_SECONDS = 1.0


# Where the plug-in keeps this worker's coordinator on the crawler (``coordinator.py``).
COORDINATOR_ATTRIBUTE = "_ipgirl_coordinator"


def coordinator_of(crawler: Any) -> Any:
    """This worker's coordinator (the limiter, leases and queue ask it), or None."""
    return getattr(crawler, COORDINATOR_ATTRIBUTE, None)


class NotFetched(IgnoreRequest):
    """A request not made because this worker is giving up on Redis."""


class SharedLimiter:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.concurrency = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        self.interval = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.token_seconds = crawler.settings.getfloat("DOWNLOAD_TIMEOUT") + 10
        self.hold_seconds = 0.0 if self.interval > 0 else HOLD_SECONDS
        self.numbers = itertools.count()
        self.asking = asyncio.Lock()  # one request of this worker at a time asks Redis; the others wait here
        self.kept: list[tuple[str, float]] = []  # tokens this worker holds with no request: (token, taken at)
        coordinator = self._coordinator()
        if coordinator is not None:
            coordinator.limiter = self  # its heartbeat gives back the tokens kept too long

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedLimiter:
        return cls(crawler)

    def _coordinator(self) -> Any:
        return coordinator_of(self.crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        coordinator = self._coordinator()
        if coordinator is None or coordinator.ledger is None:
            return
        if coordinator.giving_up:  # this request is not made (its entry stays leased, for the next start)
            raise NotFetched(f"Redis unreachable, no token for {request.url}")
        if not self.kept:
            async with self.asking:
                if not self.kept:
                    self.kept.append(await self._acquire(coordinator, request))
        request.meta[TOKEN_META] = self.kept.pop()

    async def _acquire(self, coordinator: Any, request: Request) -> tuple[str, float]:
        link, waits = coordinator.link, 0
        while True:
            token = f"{coordinator.worker}#{next(self.numbers)}"
            try:  # with the outbox: what waits to be sent goes in the same round trip
                answer = float(coordinator.ledger.run("acquire", token, self.concurrency, self.token_seconds, self.interval))
            except RedisDown:
                coordinator.ledger.send("release", token)  # in case it was granted, its reply lost
                if link.gone or coordinator.giving_up:  # the worker is stopping: its entry stays leased
                    raise NotFetched(f"Redis unreachable, no token for {request.url}") from None
                answer = DOWN_PAUSE
            if answer == 0:
                break
            waits += 1
            await asyncio.sleep(BUSY_PAUSE if answer < 0 else answer)
        if waits:
            self.crawler.stats.inc_value("ipgirl/distributed/limiter/waited")
        return token, time.monotonic()

    def _release(self, request: Request) -> None:
        held = request.meta.pop(TOKEN_META, None)
        if held is not None:
            self.kept.append(held)
            self.give_back(self.hold_seconds)

    def give_back(self, older_than: float = 0.0) -> None:
        """Give back the kept tokens taken more than ``older_than`` seconds ago (sent with the next
        round trip: the next ask, take or heartbeat tick)."""
        coordinator, now = self._coordinator(), time.monotonic()
        if coordinator is None or coordinator.ledger is None:
            return
        for token, taken in [held for held in self.kept if now - held[1] >= older_than]:
            self.kept.remove((token, taken))
            coordinator.ledger.send("release", token)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        self._release(request)
