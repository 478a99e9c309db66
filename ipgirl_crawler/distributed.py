"""Distributed mode: several workers share one frontier in Redis (scrapy-redis).

``-s IPGIRL_REDIS_URL=redis://host:port/db`` turns it on. All workers started for the same
site share a *job* in Redis (``ipgirl:<job>:…``): the request queue and duplicate filter of
scrapy-redis, and two sets of ours, the articles already scheduled and the URLs already
emitted, so that across workers every article is fetched and emitted once. The first worker
to start seeds the frontier (robots.txt, sitemaps, home pages). A worker closes when the
shared queue is empty and every worker of the job is idle (none can queue more), the job being
at least ``IPGIRL_REDIS_IDLE_SECONDS`` old, or once the queue has stayed empty that long (a
worker that crashed is never idle); the last worker to close removes the job's keys, so the
next backfill starts afresh.
"""
from __future__ import annotations

import logging
import os
import re
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.settings import Settings
from scrapy.utils.asyncio import create_looping_call

logger = logging.getLogger(__name__)
KEY_TTL_SECONDS = 7 * 24 * 3600  # a job abandoned by crashed workers does not live forever
JOB_KEYS = ("workers", "idle", "seeded", "articles", "emitted", "requests", "dupefilter")
POLL_SECONDS = 0.5


def enabled(settings: Settings) -> bool:
    return bool(settings.get("IPGIRL_REDIS_URL"))


def job_name(settings: Settings, base_url: str) -> str:
    """Explicit ``IPGIRL_REDIS_JOB``, else the site's host and port: workers of one site meet."""
    explicit = settings.get("IPGIRL_REDIS_JOB")
    name = explicit or urlsplit(base_url).netloc
    return re.sub(r"[^A-Za-z0-9_.:-]", "_", name)


def apply_settings(settings: Settings, base_url: str) -> str:
    """Route scheduling and duplicate filtering through Redis; returns the key prefix."""
    prefix = f"ipgirl:{job_name(settings, base_url)}"
    for name, value in {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "SCHEDULER_QUEUE_CLASS": "ipgirl_crawler.redis_queue.RedisPriorityQueue",
        "DUPEFILTER_CLASS": "ipgirl_crawler.redis_queue.RedisArticleDupeFilter",
        "SCHEDULER_PERSIST": True,  # several workers share the queue: none may flush it on close
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        "REDIS_URL": settings.get("IPGIRL_REDIS_URL"),
    }.items():
        settings.set(name, value, priority="spider")
    return prefix


class SeenSet:
    """A set of keys shared by all workers (Redis), or local to this process."""

    def __init__(self, server: Any = None, key: str = "") -> None:
        self.server, self.key = server, key
        self.local: set[str] = set()

    def add(self, member: str) -> bool:
        """True when ``member`` was not in the set yet. What this process added once is in the
        shared set for good, so only a member new here costs a round trip to Redis (an article
        page links to a dozen others, most of them seen before)."""
        if member in self.local:
            return False
        self.local.add(member)
        return True if self.server is None else bool(self.server.sadd(self.key, member))


class Coordinator:
    """One worker's part in a shared job: seeding once, closing when idle, cleaning up last."""

    def __init__(self, crawler: Crawler, prefix: str) -> None:
        from scrapy_redis import connection

        self.crawler, self.prefix = crawler, prefix
        self.server = connection.from_settings(crawler.settings)
        self.server.ping()
        self.idle_seconds = crawler.settings.getfloat("IPGIRL_REDIS_IDLE_SECONDS")
        self.idle_since: float | None = None
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.marked_idle = False  # whether this worker stands in the job's set of idle workers
        self.server.incr(f"{prefix}:workers")
        self._touch()
        self.poll = create_looping_call(self._wake_engine)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.busy_again, signal=signals.request_reached_downloader)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    def spider_opened(self, spider: Spider) -> None:
        self.poll.start(POLL_SECONDS, now=False)

    def _wake_engine(self) -> None:
        """Ask the engine for the next request now: an idle engine only looks every 5 s, and the
        other workers would have emptied the shared queue by then."""
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None:
            slot.nextcall.schedule()

    def shared_set(self, name: str) -> SeenSet:
        return SeenSet(self.server, f"{self.prefix}:{name}")

    def _touch(self) -> None:
        for suffix in JOB_KEYS:
            self.server.expire(f"{self.prefix}:{suffix}", KEY_TTL_SECONDS)

    def claim_seeding(self) -> bool:
        """True for exactly one worker of the job: the one that seeds the frontier."""
        return bool(self.server.set(f"{self.prefix}:seeded", self._redis_clock(), nx=True, ex=KEY_TTL_SECONDS))

    def _redis_clock(self) -> float:
        """Redis's own clock: the same for workers on machines whose clocks disagree."""
        seconds, microseconds = self.server.time()
        return seconds + microseconds / 1e6

    def spider_idle(self, spider: Spider) -> None:
        """Called with nothing in flight here: done when no worker can queue more, or at the timeout."""
        queued = self.server.zcard(f"{self.prefix}:requests")
        seeded_at = self.server.get(f"{self.prefix}:seeded")
        if queued or seeded_at is None:
            self.idle_since = None
            raise DontCloseSpider
        if not self.marked_idle:
            self.server.sadd(f"{self.prefix}:idle", self.worker_id)
            self.marked_idle = True
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        everyone_idle = self.server.scard(f"{self.prefix}:idle") >= int(self.server.get(f"{self.prefix}:workers") or 0)
        # A job lives at least the idle timeout: a worker started with the others but a little
        # late joins it rather than seeding a second one (a small site is done in seconds).
        job_done = everyone_idle and self._redis_clock() - float(seeded_at) >= self.idle_seconds
        if not job_done and now - self.idle_since < self.idle_seconds:
            raise DontCloseSpider
        logger.info("Shared frontier empty%s: this worker is done",
                    ", every worker idle" if job_done else f" for {now - self.idle_since:.0f}s")

    def busy_again(self, request: Any, spider: Spider) -> None:
        """A request taken from the shared queue: this worker may queue more, so it is not idle."""
        if self.marked_idle:
            self.server.srem(f"{self.prefix}:idle", self.worker_id)
            self.marked_idle = False

    def spider_closed(self, spider: Spider) -> None:
        if self.poll.running:
            self.poll.stop()
        self.server.srem(f"{self.prefix}:idle", self.worker_id)
        remaining = self.server.decr(f"{self.prefix}:workers")
        if remaining <= 0:
            self.server.delete(*(f"{self.prefix}:{suffix}" for suffix in JOB_KEYS))
            logger.info("Last worker of job %s: its Redis keys are removed", self.prefix)
