"""Feed storage that never shows a partial file, and commits each file together with the state.

Each batch is written to ``<name>.<random>.part`` (``output.files``), fsynced, recorded as pending in the state store,
renamed into place, then applied: after a ``kill -9`` at any point, the next start either
completes the batch (the file was whole) or discards it (its articles are crawled again), so
files and remembered articles always agree.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.extensions.feedexport import FileFeedStorage
from w3lib.url import file_uri_to_path

from ipgirl_crawler import distributed
from ipgirl_crawler.output.files import create_part, make_folder, open_append
from ipgirl_crawler.output.formats import read_items
from ipgirl_crawler.run import segments
from ipgirl_crawler.run.feed_health import FAILED_FEEDS_KEY
from ipgirl_crawler.run.state import (StateLock, StateStore, StateUnusable, article_key, claim_worker_slot,
                                     site_state_dir)

logger = logging.getLogger(__name__)
# Validators of emitted items held in memory before they go to the state store.
VALIDATOR_BUFFER = 500


def feed_path(uri: str) -> Path | None:
    """The local file a feed URI names (Scrapy's file storage takes those), or None."""
    scheme = urlparse(uri).scheme
    if scheme == "file":
        return Path(file_uri_to_path(uri))
    return Path(uri) if scheme == "" else None


def lock_site_state(settings: Any, base_url: str) -> StateLock | None:
    """The lock a single-process crawl holds on its site's state for the whole run (``StateLocked``
    when another run has it); distributed workers take slots of their own (``CrawlState.open``)."""
    if distributed.enabled(settings):
        return None
    return StateLock(site_state_dir(settings.get("IPGIRL_STATE_DIR"), base_url)).acquire()


class CrawlState:
    """The state of one crawl: the store, the run, and validators of items not yet committed."""

    ATTRIBUTE = "_ipgirl_state"

    def __init__(self, store: StateStore, run_id: str, resumed: bool, full: bool,
                 recovered: list[str] | None = None, lock: StateLock | None = None) -> None:
        self.store, self.run_id, self.resumed, self.full = store, run_id, resumed, full
        self.recovered = recovered or []  # what recovery did at start, for the log
        self._validators: list[tuple[str, str | None, str | None, str | None]] = []  # not yet in the store
        self.lock = lock  # a distributed worker's slot, held while the crawl runs
        # The stats of the run's segments before this one (a resumed run), added to this one's.
        self.earlier_stats = segments.load_earlier(store.dir, run_id) if resumed else {}
        # Called before a batch is committed: what must be on disk first (the run's archive).
        self.before_commit: list[Callable[[], None]] = []

    @classmethod
    def open(cls, crawler: Crawler, base_url: str, full: bool) -> CrawlState:
        """The site's state (``site_state_dir``); a distributed worker's own slot of it, whose
        name also tells its run files apart from those of the workers beside it."""
        directory, lock, suffix = site_state_dir(crawler.settings.get("IPGIRL_STATE_DIR"), base_url), None, ""
        coordinator = distributed.Coordinator.of(crawler)
        if coordinator is not None:
            directory, lock = claim_worker_slot(directory)
            suffix = f"-{directory.name}"
            coordinator.attach_slot(directory)
            distributed.per_worker_feeds(crawler.settings, directory.name)
        store = StateStore(directory)
        # A distributed worker's pending batch is kept only if the job recorded its commit.
        recovered = store.recover(coordinator.batch_committed if coordinator is not None else None)
        run_id, resumed = store.begin_run(full, suffix)
        state = cls(store, run_id, resumed, full, recovered, lock)
        setattr(crawler, cls.ATTRIBUTE, state)
        return state

    def close(self) -> None:
        self.store.close()
        if self.lock is not None:
            self.lock.release()

    @classmethod
    def of(cls, crawler: Crawler | None) -> CrawlState | None:
        return getattr(crawler, cls.ATTRIBUTE, None)

    @property
    def run_date(self) -> str:
        return f"{self.run_id[:4]}-{self.run_id[4:6]}-{self.run_id[6:8]}"

    def whole_run_stats(self, current: dict[str, Any]) -> dict[str, Any]:
        return segments.merged(self.earlier_stats, current)

    def save_stats(self, current: dict[str, Any]) -> None:
        """The run's stats so far, kept for a segment that resumes it."""
        segments.save(self.store.dir, self.run_id, self.whole_run_stats(current))

    def remember(self, key: str, validators: dict[str, str | None]) -> None:
        """An emitted item's validators, for when its batch is committed: kept in the store, a
        few hundred at a time, so memory does not grow with the items a batch holds."""
        self._validators.append((key, validators.get("etag"), validators.get("last_modified"), validators.get("lastmod")))
        if len(self._validators) >= VALIDATOR_BUFFER:
            self.flush_validators()

    def flush_validators(self) -> None:
        if self._validators:
            self.store.remember_validators(self._validators)
            self._validators = []

    def rows_of(self, path: Path, format_: str = "jsonlines") -> Iterator[dict[str, Any]]:
        """What the state must remember of each item written to ``path`` in ``format_``, one item at
        a time (``prepare_batch`` adds the validators remembered for it: flush them first)."""
        with path.open("rb") as handle:
            for item in read_items(handle, format_):
                key = article_key(item.get("language"), item.get("article_id"))
                yield {"key": key, "url": item.get("url"), "content_hash": item.get("content_hash")}


def uri_params(params: dict[str, Any], spider: Spider) -> dict[str, Any]:
    """Batch numbers go on from the batches a resumed run already committed."""
    params["batch_id"] = getattr(spider, "batch_offset", 0) + params["batch_id"]
    return params


def fsync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class AtomicFileFeedStorage(FileFeedStorage):
    """A local file feed written aside and renamed into place (``-o`` appends in place, as asked)."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None, crawler: Crawler | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        self.format = (feed_options or {}).get("format") or "jsonlines"
        self.final = Path(self.path)
        self.part: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None) -> AtomicFileFeedStorage:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider: Spider) -> IO[bytes]:
        data_dir = self.crawler.settings.get("IPGIRL_DATA_DIR") if self.crawler is not None else None
        make_folder(self.final.parent, Path(data_dir) if data_dir else None)  # run files: never through a link
        if self.write_mode == "ab":
            return open_append(self.final)
        self.part, handle = create_part(self.final)
        return handle

    def store(self, file: IO[bytes]) -> None:
        """Commit the file with the state; a failure is named in the stats (``FAILED_FEEDS_KEY``),
        which fails the run's monitors, and raised for Scrapy to log."""
        try:
            self._commit(file)
        except Exception as error:
            if self.crawler is not None and self.crawler.stats is not None:
                failed = self.crawler.stats.get_value(FAILED_FEEDS_KEY) or []
                self.crawler.stats.set_value(FAILED_FEEDS_KEY, [*failed, f"{self.final}: {error}"])
            raise

    def _commit(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        state = CrawlState.of(self.crawler)
        written = self.part or self.final
        if state is not None:
            lost = state.store.lost()
            if lost is not None:  # committed to a state nobody will read: the run fails (FAILED_FEEDS_KEY)
                raise StateUnusable(lost)
            for hook in state.before_commit:
                hook()
            state.flush_validators()
            state.store.prepare_batch(self.final, state.run_id, state.rows_of(written, self.format))
            keys = [row["key"] for row in state.rows_of(written, self.format)]
            try:
                committed = distributed.commit_batch(self.crawler, self.final, keys, state.store.batch_identity(self.final))
            except distributed.BatchLeftPending as pending:
                # Not a feed failure: the worker stops (exit 1) and its next start's recovery completes
                # or discards the batch, as Redis says; a resumed run must not inherit a failure here.
                logger.warning("%s", pending)
                return
            if not committed:
                state.store.discard_batch(self.final)
                written.unlink(missing_ok=True)
                return
        if self.part is not None:
            os.replace(self.part, self.final)
            fsync_directory(self.final.parent)
        if state is not None:
            state.store.apply_batch(self.final)
            if self.crawler is not None and self.crawler.stats is not None:
                state.save_stats(self.crawler.stats.get_stats())
