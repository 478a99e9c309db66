"""What this worker holds of the job: its leases, from the moment it takes an entry until the
entry is done, and the outbox of changes on their way to Redis.

An entry is done when its request and everything it led to is settled here: the callback's
output all handed on (its requests queued in Redis, its item through the pipelines) and then,
if an item was exported, once the batch holding that item is committed (``commit``); an entry
whose request ended without an item (unchanged, gone, failed, dropped) is done at once. Until
then the lease is kept (the worker's heartbeat renews them all at once, ``coordinator.py``),
so a worker that dies leaves its entries to be returned to the queue, never lost.

Changes go to Redis in order through the outbox, one pipelined round trip for many: a page's
new requests are always queued before the page's own entry is marked done.
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any

from scrapy import Request
from scrapy.http import Response

from ipgirl_crawler.distributed.codec import Entry
from ipgirl_crawler.distributed.connection import HeldBack, RedisDown, RedisGone, RedisLink
from ipgirl_crawler.distributed.limiter import NotFetched, coordinator_of
from ipgirl_crawler.distributed.scripts import Scripts

logger = logging.getLogger(__name__)
ENTRY_META, PARENT_META = "ipgirl_entry", "ipgirl_parent"
STATUS_OUTCOMES = {304: "unchanged", 404: "gone", 410: "gone"}


@dataclass
class Lease:
    id: str
    entry: Entry
    pending: int = 0  # outputs of its callback not yet settled (requests not queued, items in the pipelines)
    answered: bool = False  # its callback or errback has run to the end
    exported: bool = False  # an item of it went to the feed: done when its batch is committed
    outcome: str = "dropped"  # for an article: how it ended, unless emitted


class Ledger:
    """This worker's leases, and the ordered outbox of changes for Redis."""

    def __init__(self, link: RedisLink, scripts: Scripts, worker: str, crawler: Any) -> None:
        self.link, self.scripts, self.worker, self.crawler = link, scripts, worker, crawler
        self.leases: dict[str, Lease] = {}
        self.exported: dict[str, str] = {}  # article key -> entry id, awaiting their batch's commit
        self.outbox: list[tuple[str, tuple[Any, ...]]] = []
        # Set when the worker gives up on Redis: what it did since is never sent, so its entries
        # stay leased and go back to the queue (an ack sent now could end an article not written).
        self.frozen = False

    @property
    def stats(self) -> Any:
        return self.crawler.stats

    # -- the outbox --------------------------------------------------------------------
    def send(self, script: str, *args: Any) -> None:
        self.outbox.append((script, args))

    def flush(self, wait: bool = False) -> bool:
        """Send the outbox in one round trip; False (kept for later) while Redis is down, or, with
        ``wait``, waiting out an outage up to its deadline (``RedisGone`` after)."""
        if self.frozen:
            return False
        if not self.outbox:
            return True
        try:
            self._execute(None, wait)
        except RedisDown:
            return False
        return True

    def run(self, script: str, *args: Any) -> Any:
        """``script``'s result, run right after the outbox in the same round trip (the entries a
        take finds include the requests just queued); ``RedisDown`` while Redis is down."""
        if self.frozen:
            raise RedisDown(self.link.shown_url)
        if not self.outbox:
            return self.link.try_call(self.scripts.run, script, *args)
        return self._execute((script, args), wait=False)

    def _execute(self, last: tuple[str, tuple[Any, ...]] | None, wait: bool) -> Any:
        sent = len(self.outbox)
        ops = self.outbox[:sent] + ([last] if last else [])
        results = self.link.call(self._pipelined, ops) if wait else self.link.try_call(self._pipelined, ops)
        del self.outbox[:sent]
        queued = sum(1 for (script, _), result in zip(ops[:sent], results) if script == "enqueue" and result == 1)
        if queued:
            self.stats.inc_value("ipgirl/distributed/queued", queued)
        return results[-1] if last else None

    def _pipelined(self, ops: list[tuple[str, tuple[Any, ...]]]) -> list[Any]:
        """``ops`` in one round trip, in a pipeline made for this attempt: redis-py empties a
        pipeline whatever its ``execute`` ended with, so a retry of the same one would send
        nothing and report the outbox sent."""
        pipe = self.link.client.pipeline(transaction=False)
        for script, args in ops:
            self.scripts.run(script, *args, client=pipe)
        return pipe.execute()

    # -- an entry's life ---------------------------------------------------------------
    def taken(self, entry_id: str, entry: Entry) -> bool:
        """False when this worker holds the entry already: it was taken for dead (a long outage),
        the entry went back to the queue and came back here. The request made of it goes on,
        leased again; one waiting for its batch's commit is marked settled again."""
        lease = self.leases.get(entry_id)
        if lease is None:
            self.leases[entry_id] = Lease(entry_id, entry)
            return True
        if lease.exported and lease.answered and lease.pending <= 0:
            self.send("settle", self.worker, entry_id)
        return False

    def refused(self, entry_id: str) -> None:
        """An entry no request was made of: done, without an outcome (it is no article of ours)."""
        self.send("ack", self.worker, entry_id, "", "")

    def lease_of(self, request: Request | None) -> Lease | None:
        return self.leases.get(request.meta.get(ENTRY_META)) if request is not None else None

    def output(self, lease: Lease, output: Any) -> None:
        """One output of the lease's callback, on its way to the scheduler or the pipelines."""
        lease.pending += 1
        if isinstance(output, Request):
            output.meta[PARENT_META] = lease.id

    def settled_output(self, lease_id: str | None) -> None:
        lease = self.leases.get(lease_id) if lease_id else None
        if lease is not None:
            lease.pending -= 1
            self._maybe_done(lease)

    def answered(self, lease: Lease, response: Response | None, failed: bool) -> None:
        if lease.answered:  # an errback called for a response the spider middlewares refused
            return
        lease.answered = True
        if failed:
            lease.outcome = "failed"
        elif response is not None and response.status in STATUS_OUTCOMES:
            lease.outcome = STATUS_OUTCOMES[response.status]
        self._maybe_done(lease)

    def item_passed(self, item: Any, response: Response | None) -> None:
        lease = self.lease_of(getattr(response, "request", None))
        if lease is not None:
            lease.exported = True
            self.exported[f"{item.get('language')}:{item.get('article_id')}"] = lease.id
            self.settled_output(lease.id)

    def item_dropped(self, response: Response | None, exception: BaseException) -> None:
        lease = self.lease_of(getattr(response, "request", None))
        if lease is not None and isinstance(exception, (RedisGone, HeldBack)):
            # Not the article's fault: the lease stays taken in Redis, for the next start to return.
            self.leases.pop(lease.id, None)
        elif lease is not None:
            # The incremental pipeline's drop of an article whose content did not change.
            lease.outcome = "unchanged" if str(exception).startswith("unchanged since") else "dropped"
            self.settled_output(lease.id)

    def requeue(self, lease: Lease, entry: Entry, json: str) -> None:
        """A retry or redirect of the lease's request: the same entry, back to the shared queue."""
        self.leases.pop(lease.id, None)
        self.send("requeue", self.worker, lease.id, json, entry.score)

    def _maybe_done(self, lease: Lease) -> None:
        if not lease.answered or lease.pending > 0:
            return
        if lease.exported:
            self.send("settle", self.worker, lease.id)
            return
        self.leases.pop(lease.id, None)
        key = lease.entry.article_key
        self.send("ack", self.worker, lease.id, lease.outcome if key else "", key)
        if key:
            self.stats.inc_value(f"ipgirl/distributed/outcome/{lease.outcome}")

    def reclaim(self, working: list[str]) -> int:
        """Called with nothing in flight, with the entries Redis says this worker is working on
        (none, unless a reply was lost): one not held here goes back to the queue (the number
        returned), one waiting for its batch's commit is marked settled again."""
        back = 0
        for entry_id in working:
            lease = self.leases.get(entry_id)
            if lease is None:
                self.send("untake", self.worker, entry_id)
                back += 1
            elif lease.exported and lease.answered and lease.pending <= 0:
                self.send("settle", self.worker, entry_id)
        return back

    def unsettled(self) -> list[Lease]:
        """Leases still being worked on (not waiting for a commit)."""
        return [lease for lease in self.leases.values() if not (lease.answered and lease.pending <= 0)]

    def abandon_unsettled(self) -> int:
        """Called with nothing in flight: a lease still open has lost its way; it ends as failed."""
        stuck = self.unsettled()
        for lease in stuck:
            logger.warning("Entry %s (%s) never settled; counted as failed", lease.id, lease.entry.url)
            lease.pending, lease.answered, lease.outcome = 0, True, "failed"
            self._maybe_done(lease)
        return len(stuck)

    # -- commits -----------------------------------------------------------------------
    def commit_args(self, keys: Iterable[str]) -> list[str]:
        args = []
        for key in keys:
            entry_id = self.exported.get(key)
            if entry_id is not None:
                args += [entry_id, key]
        return args

    def committed(self, args: list[str]) -> None:
        for entry_id, key in zip(args[::2], args[1::2]):
            self.exported.pop(key, None)
            self.leases.pop(entry_id, None)
        self.stats.inc_value("ipgirl/distributed/outcome/emitted", len(args) // 2)

    def discarded(self, args: list[str]) -> None:
        """A batch whose leases were lost: its entries are back in the queue, not ours any more."""
        self.committed(args)
        self.stats.inc_value("ipgirl/distributed/outcome/emitted", -(len(args) // 2))


class LeaseMiddleware:
    """Spider middleware: follows each callback's output, so its entry is done only after it."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> LeaseMiddleware:
        return cls(crawler)

    def _ledger(self) -> Ledger | None:
        coordinator = coordinator_of(self.crawler)
        return coordinator.ledger if coordinator is not None else None

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any], spider: Any = None) -> AsyncIterator[Any]:
        ledger = self._ledger()
        lease = ledger.lease_of(response.request) if ledger is not None else None
        if lease is None:
            async for output in result:
                yield output
            return
        try:
            async for output in result:
                ledger.output(lease, output)
                yield output
        except GeneratorExit:  # abandoned (the crawl is stopping): not answered, its entry stays leased
            raise
        except BaseException:
            ledger.answered(lease, response, failed=True)
            raise
        ledger.answered(lease, response, failed=False)


class TrackedErrback:
    """The spider's errback, and then the entry's end as failed (errback output skips spider middlewares)."""

    def __init__(self, errback: Any, name: str, ledger: Ledger) -> None:
        self.errback, self.queue_name, self.ledger = errback, name, ledger

    def __call__(self, failure: Any) -> Any:
        if isinstance(failure.value, NotFetched):  # the worker is stopping: no failure of the site's
            return None
        try:
            return self.errback(failure)
        finally:
            lease = self.ledger.lease_of(getattr(failure, "request", None))
            if lease is not None:
                self.ledger.answered(lease, None, failed=True)
