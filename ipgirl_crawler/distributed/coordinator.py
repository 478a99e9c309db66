"""One worker's part in a shared job: joining it, its heartbeat, when to stop, and, for the last
worker to leave, the job manifest.

A worker's id is its host and its state slot (``worker-N``), so a worker restarted in the same
slot is the same worker: at start it recovers its slot's pending batches (kept if Redis holds
their commit, discarded otherwise) and hands back to the queue whatever its previous life still
held. A worker stops when the shared queue is empty and no live worker is fetching or parsing
anything (nobody can queue more), the job being at least ``IPGIRL_REDIS_IDLE_SECONDS`` old so
that a worker started a moment late joins it rather than seeding another. A worker that dies
stops renewing its lease; after ``IPGIRL_REDIS_LEASE_SECONDS`` any other worker returns what it
held to the queue. Each worker hands its share of the cross-checks to the job as it leaves; the
last worker to leave runs them over the whole job (``job_checks.py``: the manifest's ``verify``,
and exit status 1 when a field fails), writes the job manifest (``accounting.py``) and,
when it balances, removes the job's keys (all but the record of committed batches, which a
worker that crashed mid-commit needs at its next start; it expires with the rest).
"""
from __future__ import annotations

import hashlib
import logging
import socket
import time
import uuid
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro

from ipgirl_crawler.distributed import accounting
from ipgirl_crawler.distributed.claims import UrlClaims
from ipgirl_crawler.distributed.connection import RedisDown, RedisGone, RedisLink, client_of, password_from, redacted
from ipgirl_crawler.distributed.job_checks import job_verdict, publish_share
from ipgirl_crawler.distributed.leases import Ledger
from ipgirl_crawler.distributed.limiter import COORDINATOR_ATTRIBUTE
from ipgirl_crawler.distributed.scripts import Scripts
from ipgirl_crawler.output.files import write_json_atomically
from ipgirl_crawler.run.plugins import BatchLeftPending
from ipgirl_crawler.run.state import CrawlState

logger = logging.getLogger(__name__)
WORKER_KEY = "ipgirl/distributed/worker"
POLL_SECONDS = 0.5
# The verdicts of this process's workers (one crawler per process): ``exit_status`` reads them.
VERDICTS: list[Coordinator] = []


def _stats_of(crawler: Crawler) -> Any:
    """The crawler's stats, or None before Scrapy made them (they come after the spider)."""
    try:
        return crawler.stats
    except RuntimeError:
        return None


def worker_id(slot: Path) -> str:
    """The same for every start of a worker in this slot of this machine."""
    digest = hashlib.sha1(str(slot.resolve()).encode()).hexdigest()[:8]
    return f"{socket.gethostname()}:{digest}:{slot.name}"


class Coordinator:
    ATTRIBUTE = COORDINATOR_ATTRIBUTE

    def __init__(self, crawler: Crawler, prefix: str, job: str, base_url: str, url: str) -> None:
        settings = crawler.settings
        self.crawler, self.prefix, self.job, self.base_url = crawler, prefix, job, base_url
        self.shown_url = redacted(url)
        self.idle_seconds = settings.getfloat("IPGIRL_REDIS_IDLE_SECONDS")
        self.lease_seconds = settings.getfloat("IPGIRL_REDIS_LEASE_SECONDS")
        self.link = RedisLink(client_of(url, password_from(settings)), self.shown_url,
                              settings.getfloat("IPGIRL_REDIS_OUTAGE_DEADLINE"), lambda: _stats_of(crawler))
        self.scripts = Scripts(self.link.client, prefix)
        self.link.call(self.link.client.ping)  # a worker started while Redis is down waits for it, up to the deadline
        self.worker = ""
        self.ledger: Ledger | None = None
        self.failure: str | None = None  # why this worker's part, or the job, is not sound
        self.job_health: str | None = None
        self.job_failed: list[str] = []  # the monitors the job's cross-checks failed (last worker only)
        self.giving_up = False
        self.next_beat = 0.0
        self.loop: Any = None
        self.limiter: Any = None  # the shared limiter's middleware, once Scrapy made it
        setattr(crawler, self.ATTRIBUTE, self)
        VERDICTS.append(self)
        for handler, signal in ((self.spider_opened, signals.spider_opened), (self.spider_idle, signals.spider_idle),
                                (self.spider_closed, signals.spider_closed), (self.engine_stopped, signals.engine_stopped),
                                (self.item_scraped, signals.item_scraped), (self.item_dropped, signals.item_dropped),
                                (self.item_error, signals.item_error)):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def of(cls, crawler: Crawler | None) -> Coordinator | None:
        return getattr(crawler, cls.ATTRIBUTE, None)

    # -- start ---------------------------------------------------------------------------
    def attach_slot(self, slot: Path) -> None:
        """This worker's state slot is known (``CrawlState.open``): so is its id."""
        self.worker = worker_id(slot)
        self.ledger = Ledger(self.link, self.scripts, self.worker, self.crawler)

    def batch_committed(self, final: Path, identity: str) -> bool:
        """Whether the job recorded the commit of this slot's batch ``final``, this very batch
        (``StateStore.batch_identity``), not an earlier one written to the same file (recovery asks)."""
        recorded = self.link.call(self.link.client.hget, f"{self.prefix}:commits", f"{self.worker}|{final}")
        return recorded is not None and (recorded.decode() if isinstance(recorded, bytes) else recorded) == identity

    def emitted_urls(self) -> UrlClaims:
        """The job-wide set of emitted URLs (the duplicates pipeline's)."""
        return UrlClaims(self)

    def claim_seeding(self) -> bool:
        """True for exactly one worker of the job: the one that seeds the frontier (asked again
        after a lost reply, the same answer: a claim won but unseen would leave the job unseeded)."""
        return bool(self.link.call(self.scripts.run, "seed", f"{self.worker}:{uuid.uuid4().hex}"))

    def spider_opened(self, spider: Spider) -> None:
        try:
            returned = self.link.call(self.scripts.run, "join", self.worker, self.lease_seconds)
        except RedisGone as error:
            self.give_up(str(error))
            return
        logger.info("Worker %s joined job %s on Redis %s", self.worker, self.job, self.shown_url)
        self.crawler.stats.set_value(WORKER_KEY, self.worker)  # the job, not one worker, answers for completeness
        if returned:
            logger.warning("%d entries this worker held before it stopped are back in the queue", returned)
            self.crawler.stats.inc_value("ipgirl/distributed/requeued", returned)
        self.next_beat = time.monotonic() + self.lease_seconds / 3
        self.loop = create_looping_call(self._tick)
        self.loop.start(POLL_SECONDS, now=False)

    # -- while crawling ----------------------------------------------------------------
    def _tick(self) -> None:
        """The heartbeat: never raises (a looping call that raises is stopped for good, and a
        worker without it would neither renew its lease nor give up)."""
        try:
            self._tick_once()
        except Exception:
            logger.exception("Heartbeat of worker %s failed; trying again in %.1fs", self.worker, POLL_SECONDS)
            self.crawler.stats.inc_value("ipgirl/distributed/heartbeat_errors")

    def _tick_once(self) -> None:
        """Wake the engine (an idle one looks only every 5 s, and the shared queue may have
        filled), send what waits in the outbox, renew the lease; give up past the outage deadline."""
        if self.link.gone and not self.giving_up:
            self.give_up(self.link.why_gone(), resumable=self.link.damaged is None)
        if self.giving_up:
            return
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None:
            slot.nextcall.schedule()
        if self.limiter is not None:
            self.limiter.give_back(self.limiter.hold_seconds)
        self.ledger.flush()
        if time.monotonic() >= self.next_beat:
            self._beat()

    def _beat(self) -> None:
        try:
            known, returned, *job_there = self.link.try_call(self.scripts.run, "beat", self.worker, self.lease_seconds)
        except RedisDown:
            return
        self.next_beat = time.monotonic() + self.lease_seconds / 3
        if not known and job_there == [0]:  # this worker and the job's record gone: its keys were deleted
            self.give_up(f"job {self.job} vanished from Redis at {self.shown_url} under this worker (its keys were "
                         f"deleted: FLUSHALL, FLUSHDB or DEL); what it crawled since its last commit is not recorded",
                         resumable=False)
            return
        if not known:
            logger.warning("This worker was taken for dead (its lease expired): what it held went back to the queue")
            self.crawler.stats.inc_value("ipgirl/distributed/lease_expired")
        if returned:
            logger.warning("%d entries of workers that stopped are back in the queue", returned)
            self.crawler.stats.inc_value("ipgirl/distributed/requeued", returned)

    def give_up(self, why: str, resumable: bool = True) -> None:
        """Stop: nothing more is sent (the ledger is frozen), the spider closes, exit status 1."""
        if self.giving_up:
            return
        self.giving_up, self.failure = True, why
        self.ledger.frozen = True
        logger.error("%s: stopping%s", why, "; the job stays in Redis for the next start" if resumable else "")
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:  # not when the spider is closed already
            deferred_from_coro(engine.close_spider_async(reason="redis_unavailable"))

    def spider_idle(self, spider: Spider) -> None:
        """Nothing in flight here: done when no worker can queue more (or when giving up)."""
        if self.link.gone:
            self.give_up(self.link.why_gone(), resumable=self.link.damaged is None)
        if self.giving_up:
            return
        if self.ledger.abandon_unsettled():
            self.crawler.stats.inc_value("ipgirl/distributed/unsettled")
        if not self.ledger.flush():
            raise DontCloseSpider
        try:
            queued, working, _workers, seeded, now, *mine = self.link.try_call(self.scripts.run, "state", self.worker)
        except RedisDown:
            raise DontCloseSpider from None
        if mine:
            self._reclaim([entry_id.decode() if isinstance(entry_id, bytes) else entry_id for entry_id in mine])
            raise DontCloseSpider
        if queued or working or not seeded or float(now) - float(seeded) < self.idle_seconds:
            raise DontCloseSpider
        logger.info("Shared queue empty and no worker busy: this worker is done")

    def _reclaim(self, working: list[str]) -> None:
        """Redis has this idle worker working on entries: replies were lost (a take that ran but
        never answered). Left so, the job would wait for them for ever."""
        back = self.ledger.reclaim(working)
        logger.warning("Redis had this idle worker working on %d entries; %d it never had back to the queue",
                       len(working), back)
        self.crawler.stats.inc_value("ipgirl/distributed/reclaimed", back)
        self.ledger.flush()

    def item_scraped(self, item: Any, response: Any, spider: Spider) -> None:
        self.ledger.item_passed(item, response)

    def item_dropped(self, item: Any, response: Any, exception: BaseException, spider: Spider) -> None:
        self.ledger.item_dropped(response, exception)

    def item_error(self, item: Any, response: Any, spider: Spider, failure: Any) -> None:
        self.ledger.item_dropped(response, failure.value)

    # -- commits -----------------------------------------------------------------------
    def commit_batch(self, final: Path, keys: list[str], identity: str) -> bool:
        """Record in Redis that the batch ``final`` (pending in the state store) is committed:
        its articles are done. False when this worker lost some of their leases, or gave up on
        Redis before the commit was sent: discard it. ``BatchLeftPending`` when Redis went away
        during the commit (it may have run)."""
        args = self.ledger.commit_args(keys)
        if not args:
            return True
        if self.giving_up:  # never sent: the articles stay leased, the next start crawls them again
            logger.warning("Batch %s discarded: this worker gave up on Redis before committing it", final.name)
            self.crawler.stats.inc_value("ipgirl/distributed/batches_discarded")
            return False
        commit_id = identity  # sent again with the commit after a lost reply: the same commit
        try:
            if not self.ledger.flush(wait=True):
                raise RedisGone("the worker gave up on Redis")
            lost = self.link.call(self.scripts.run, "commit", self.worker, str(final), commit_id, *args)
        except RedisGone as error:
            self.give_up(str(error))
            self.crawler.stats.inc_value("ipgirl/distributed/batches_left_pending")
            raise BatchLeftPending(f"batch {final.name} left pending ({error}): the next start keeps it "
                                   f"if Redis recorded its commit") from None
        if lost:
            self.ledger.discarded(args)
            logger.warning("Batch %s discarded: %d of its articles were taken for lost; they are back in the queue",
                           final.name, lost)
            self.crawler.stats.inc_value("ipgirl/distributed/batches_discarded")
            return False
        self.ledger.committed(args)
        self.crawler.stats.inc_value("ipgirl/distributed/batches_committed")
        return True

    # -- the end -------------------------------------------------------------------------
    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.limiter is not None:
            self.limiter.give_back()
        if reason != "finished" and self.failure is None:
            self.failure = f"closed: {reason}"

    def engine_stopped(self) -> None:
        """After the feeds' last commit: leave the job; the last worker accounts for it."""
        if self.giving_up or self.ledger is None:
            return
        try:
            self.ledger.flush(wait=True)
            publish_share(self)
            left, queued, returned = self.link.call(self.scripts.run, "leave", self.worker)
            if returned:
                self.failure = self.failure or f"{returned} entries not finished here went back to the queue"
            if left == 0:
                self._account(int(queued))
            else:
                self.job_health = f"job {self.job}: {left} other worker(s) still at it"
        except RedisGone as error:
            self.failure = str(error)
        if self.failure:
            logger.error("This worker's part of job %s is not complete: %s", self.job, self.failure)

    def _account(self, queued: int) -> None:
        client = self.link.client
        state = CrawlState.of(self.crawler)
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        manifest = accounting.job_manifest(self.job, self.shown_url, self.link.call(client.scard, f"{self.prefix}:articles"),
                                           self.link.call(client.hgetall, f"{self.prefix}:outcomes"), queued, stamp)
        verify = job_verdict(self)
        if verify is not None:
            manifest["verify"] = verify
            self.job_failed = [f"job {self.job}: {line}" for line in verify["failed"]]
            for line in self.job_failed:
                logger.error("%s", line)
        run_date = state.run_date if state is not None else stamp[:10]
        path = accounting.manifest_path(self.crawler.settings.get("IPGIRL_DATA_DIR"), run_date, self.job)
        write_json_atomically(path, manifest)
        self.job_health = accounting.health_line(manifest)
        logger.info("Last worker of the job: %s (manifest %s)", self.job_health, path)
        if not manifest["balanced"]:
            self.failure = self.failure or self.job_health
            return
        keys = [key for key in self.link.call(lambda: list(client.scan_iter(match=f"{self.prefix}:*", count=1000)))
                if not key.endswith(b":commits")]
        if keys:
            self.link.call(client.delete, *keys)
        logger.info("Job %s done: its Redis keys are removed", self.job)


    def verdict(self) -> tuple[bool, list[str]]:
        """(whether this worker's part is sound, the job's health as it saw it leave)."""
        lines = [line for line in (self.job_health, self.failure and f"worker: {self.failure}") if line]
        return not self.failure and not self.job_failed, lines + self.job_failed


def exit_status() -> int:
    """1 when a worker of this process did not finish its part soundly, else 0."""
    return 1 if any(coordinator.failure or coordinator.job_failed for coordinator in VERDICTS) else 0


def health_lines() -> list[str]:
    return [line for c in VERDICTS for line in (c.job_health, c.failure and f"worker: {c.failure}", *c.job_failed) if line]
