"""The scheduler of a distributed worker: a reliable priority queue shared in Redis.

Why leases on a sorted set rather than Redis Streams: a worker must hold an entry until the
batch file holding its item is committed, minutes after the fetch (the whole run for an ``-O``
file), so it holds thousands at once. Streams keep a lease per message (``XAUTOCLAIM`` judges
each by its own idle time), and keeping thousands alive means an ``XCLAIM`` of each, again and
again. Here a worker's leases are one set renewed by one heartbeat (``workers``, a deadline per
worker), and a dead worker's whole set goes back to the queue when its deadline passes. A
sorted set also keeps Scrapy's priorities (sitemaps before articles), which a stream cannot.

Entries are taken a few at a time (one round trip) and leased at once (``TAKE``); a take whose
reply was lost is asked again with the same take id, and answers the same entries. Queueing is
deduplicated in the same script that queues, by article key or request fingerprint (for a
request that skips the filter, a fingerprint of this one enqueue: sent again, it is queued once),
so no article is marked queued without being in the queue. A retry or a redirect of a leased request
is the same entry going back to the queue. Entries are decoded by ``codec.decode``: what this
spider could not have scheduled is refused (``ipgirl/distributed/refused/<why>``) and dropped.
"""
from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from typing import Any

from scrapy import Request, Spider
from scrapy.core.scheduler import BaseScheduler
from scrapy.crawler import Crawler

from ipgirl_crawler.discovery.frontier import MethodNames
from ipgirl_crawler.distributed import codec
from ipgirl_crawler.distributed.connection import RedisDown
from ipgirl_crawler.distributed.leases import ENTRY_META, PARENT_META, TrackedErrback
from ipgirl_crawler.distributed.limiter import coordinator_of
from ipgirl_crawler.logs.safe import safe_for_log

logger = logging.getLogger(__name__)
TAKE_AT_ONCE = 8
EMPTY_PAUSE = 0.05  # after finding the queue empty, ask again only after this (or a request of ours)


class RedisScheduler(BaseScheduler):
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.buffer: deque[Request] = deque()
        self.empty_until = 0.0
        self.take_id = ""  # a take not answered yet (Redis went down): asked again with this id
        self.takes = 0
        self.life = uuid.uuid4().hex[:12]  # take ids of an earlier start of this worker never match
        self.spider: Spider | None = None
        self.coordinator: Any = None
        self.callbacks: frozenset[str] = frozenset()
        self.names = MethodNames(None)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:
        return cls(crawler)

    def open(self, spider: Spider) -> None:
        self.spider, self.coordinator = spider, coordinator_of(spider.crawler)
        self.callbacks = codec.spider_callbacks(spider)
        self.names = MethodNames(spider)

    def close(self, reason: str) -> None:
        self.coordinator.ledger.flush()

    def has_pending_requests(self) -> bool:
        return bool(self.buffer)

    def _name(self, function: Any) -> str | None:
        return function.queue_name if isinstance(function, TrackedErrback) else self.names.of(function)

    def enqueue_request(self, request: Request) -> bool:
        ledger = self.coordinator.ledger
        parent = request.meta.pop(PARENT_META, None)
        entry = codec.entry_of(request, self._name(request.callback), self._name(request.errback))
        queued = True
        if request.meta.get(ENTRY_META) is not None:  # a retry or redirect of an entry taken here
            lease = ledger.lease_of(request)
            if lease is None:  # its lease was lost (this worker was taken for dead): someone else has it
                self.crawler.stats.inc_value("ipgirl/distributed/lease_lost")
                queued = False
            else:
                queued = self._requeue(lease, entry)
        else:
            article_key = "" if request.dont_filter else entry.article_key
            fingerprint = f"once:{uuid.uuid4().hex}" if request.dont_filter else "" if entry.article_key else \
                self.crawler.request_fingerprinter.fingerprint(request).hex()
            ledger.send("enqueue", article_key, fingerprint, codec.encode(entry), entry.score)
        ledger.settled_output(parent)
        self.empty_until = 0.0
        return queued

    def _requeue(self, lease: Any, entry: codec.Entry) -> bool:
        """A retry or redirect goes back to the queue, if any worker would accept it: a redirect off
        the site ends its entry as failed here (as Scrapy's offsite filter would fail the request)."""
        ledger, raw = self.coordinator.ledger, codec.encode(entry)
        try:
            codec.decode(raw, self.coordinator.base_url, self.callbacks)
        except codec.Refused as refusal:
            self.crawler.stats.inc_value(f"ipgirl/distributed/not_requeued/{refusal.why}")
            logger.info("Not queued again (%s): %s", refusal.why, safe_for_log(entry.url))
            ledger.answered(lease, None, failed=True)
            return False
        ledger.requeue(lease, entry, raw)
        return True

    def next_request(self) -> Request | None:
        if not self.buffer:
            self._take()
        return self.buffer.popleft() if self.buffer else None

    def _take(self) -> None:
        ledger = self.coordinator.ledger
        if time.monotonic() < self.empty_until:
            return
        if not self.take_id:
            self.takes += 1
            self.take_id = f"{self.life}-{self.takes}"
        try:
            taken = ledger.run("take", ledger.worker, TAKE_AT_ONCE, self.take_id)
        except RedisDown:  # it may have run: the next take asks for its entries again
            return
        self.take_id = ""
        if not taken:
            self.empty_until = time.monotonic() + EMPTY_PAUSE
        for entry_id, raw in zip(taken[::2], taken[1::2]):
            entry_id = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
            request = self._accepted(entry_id, raw or None)
            if request is not None:
                self.buffer.append(request)

    def _accepted(self, entry_id: str, raw: bytes | None) -> Request | None:
        ledger = self.coordinator.ledger
        try:
            entry = codec.decode(raw, self.coordinator.base_url, self.callbacks)
        except codec.Refused as refusal:
            self.crawler.stats.inc_value(f"ipgirl/distributed/refused/{refusal.why}")
            logger.warning("Refused queue entry %s: %s", entry_id, safe_for_log(str(refusal)))
            ledger.refused(entry_id)
            return None
        if not ledger.taken(entry_id, entry):
            self.crawler.stats.inc_value("ipgirl/distributed/taken_again")
            return None
        request = codec.request_of(entry, self.spider)
        request.meta[ENTRY_META] = entry_id
        if request.errback is not None:
            request.errback = TrackedErrback(request.errback, entry.errback, ledger)
        return request
