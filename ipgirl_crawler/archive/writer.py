"""The run's archive writer: every article response with a body → gzip WARC/1.1 files under
``IPGIRL_DATA_DIR/archive/run_date=…/ipgirl-<run_id>-<n>.warc.gz``, rotated by size.

Crash-safe like the item batches: the file being written is ``<name>.part`` (each record one
gzip member, one ``write``); before a batch of items is committed the archive is drained and
fsynced, so a committed item's page is always on disk. A file is renamed into place once full or
at the end of the run. After ``kill -9`` the resumed run cuts a torn last member off the
``.part``, renames it into place, and archives only the pages its files do not hold yet: every
article once in the run's archive.

Off the crawl's hot path: the event loop only collects what it received and hands it to one
writer thread in batches (``BATCH``); digests, gzip and writing happen there (ISA-L and hashing
release the GIL).
"""
from __future__ import annotations

import logging
import os
import queue
import re
import shutil
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fastwarc.warc import WarcRecordType
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from ipgirl_crawler.archive.reader import gzip_members, whole_record
from ipgirl_crawler.archive.warc import Fetch, fetch_members, warcinfo_member
from ipgirl_crawler.output.files import fsync_directory, make_folder, open_append
from ipgirl_crawler.run.state import CrawlState

logger = logging.getLogger(__name__)
STATS = "ipgirl/archive/"
FILE_GLOB = "[0-9][0-9][0-9][0-9][0-9]*.warc.gz"  # as files.BATCH_GLOB: run X's files, not X-2's
# Responses handed to the writer thread at once. One at a time, each woke the thread and passed
# the GIL back and forth: 0.47 ms of the process's CPU a response against 0.36 in batches of 32,
# building the records 0.28 of it (a loop of 0.15 ms a response feeding a thread, 1,000 article
# pages, 3 runs, a loaded machine, 2026-12-07).
BATCH = 32
QUEUE_SIZE = 8  # batches waiting for the writer thread: a bound on the memory they hold (256 responses)
# 404/410 pages of articles the state never knew (dead links, not gone articles) archived a run:
# a flood of them (issue 25: 100,000 dead links) filled 95 MB of archive with error pages.
MAX_DEAD_LINK_PAGES = 100
_RUN_DATE = re.compile(r"^run_date=(\d{4}-\d{2}-\d{2})$")


def archive_root(settings: Any) -> Path:
    return Path(settings.get("IPGIRL_DATA_DIR")) / "archive"


def run_files(folder: Path, run_id: str, pattern: str = FILE_GLOB) -> list[Path]:
    # A link planted at a run file's name is never read, cut or renamed through.
    return sorted(path for path in folder.glob(f"ipgirl-{run_id}-{pattern}") if not path.is_symlink()) \
        if folder.exists() else []


def archived(response: Response, request: Request) -> bool:
    """An article page answered with a body the spider reads: 2xx, or 404/410 (gone)."""
    return (bool(request.meta.get("article_key")) and bool(response.body)
            and (200 <= response.status < 300 or response.status in (404, 410)))


def to_fetch(response: Response, request: Request) -> Fetch:
    return Fetch(url=response.url, status=response.status, body=response.body, fetched_at=datetime.now(timezone.utc),
                 headers=[(name, value) for name, values in response.headers.items() for value in values],
                 method=request.method, ip_address=str(response.ip_address) if response.ip_address else None,
                 request_headers=tuple((name, value) for name, values in request.headers.items() for value in values),
                 protocol=response.protocol)


def recover(path: Path) -> tuple[set[str], bool]:
    """(the URLs of the whole response records of ``path``, whether a torn tail was cut off)."""
    urls, end, torn = set(), 0, False
    with path.open("rb") as handle:
        for member in gzip_members(handle):
            record = whole_record(member)
            if record is None:
                torn = True
                break
            end = member.end
            if record.record_type == WarcRecordType.response:
                urls.add(record.headers["WARC-Target-URI"])
    if torn:
        with path.open("r+b") as handle:
            handle.truncate(end)
            os.fsync(handle.fileno())
    return urls, torn


def prune(root: Path, keep_days: int, today: date, keep: str) -> list[str]:
    """Delete the ``run_date=`` folders older than ``keep_days`` (0: keep all), never ``keep``, never
    a link (``rmtree`` refuses one, and the run would die at start every day: the pre-flight check names it)."""
    if keep_days <= 0 or not root.exists():
        return []
    oldest = today - timedelta(days=keep_days)
    pruned = []
    for folder in sorted(root.iterdir()):
        match = _RUN_DATE.match(folder.name)
        if match and folder.name != keep and date.fromisoformat(match[1]) < oldest and not folder.is_symlink():
            shutil.rmtree(folder)
            pruned.append(folder.name)
    return pruned


class ArchiveFile:
    """One WARC file being written: ``<name>.part``, renamed into place when sealed."""

    def __init__(self, final: Path, root: Path | None = None) -> None:
        self.final = final
        self.part = final.with_name(final.name + ".part")
        make_folder(self.part.parent, root)  # below the data directory ``root``: never through a link
        self.handle = open_append(self.part, buffering=0)  # unbuffered: a record is one write; never through a link
        self.size = os.fstat(self.handle.fileno()).st_size
        if not self.size:
            self.write(warcinfo_member(final.name, {"isPartOf": final.name.rsplit("-", 1)[0]}))

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.size += len(data)

    def sync(self) -> None:
        os.fsync(self.handle.fileno())

    def seal(self) -> None:
        self.sync()
        self.handle.close()
        os.replace(self.part, self.final)
        fsync_directory(self.final.parent)


class ArchiveWriter:
    """The extension: queues each archived response; its thread writes and rotates the files."""

    def __init__(self, crawler: Crawler, state: CrawlState) -> None:
        self.crawler, self.stats = crawler, crawler.stats
        self.max_bytes = crawler.settings.getint("IPGIRL_ARCHIVE_MAX_FILE_BYTES")
        self.folder = archive_root(crawler.settings) / f"run_date={state.run_date}"
        self.run_id = state.run_id
        for key in ("records", "bytes", "files", "write_errors"):  # made here: the thread only adds to them
            self.stats.set_value(STATS + key, 0)
        self.urls = self._recover()  # what this run's archive already holds (a resumed run's)
        self.number = len(run_files(self.folder, self.run_id))
        self.file: ArchiveFile | None = None
        self.queue: queue.Queue[list[Fetch] | None] = queue.Queue(QUEUE_SIZE)
        self.batch: list[Fetch] = []  # received, not yet handed to the thread
        self.thread = threading.Thread(target=self._drain, name="warc-writer", daemon=True)
        self.thread.start()
        self.closed = False
        self.state, self.dead_link_pages = state, 0
        state.before_commit.append(self.flush)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveWriter:
        state = CrawlState.of(crawler)
        if state is None or not crawler.settings.getbool("IPGIRL_ARCHIVE") or getattr(crawler, "ipgirl_replay", None):
            raise NotConfigured  # IPGIRL_ARCHIVE=0, or a replay (no message: it would be a warning)
        pruned = prune(archive_root(crawler.settings), crawler.settings.getint("IPGIRL_ARCHIVE_RETENTION_DAYS"),
                       datetime.now(timezone.utc).date(), f"run_date={state.run_date}")
        for name in pruned:
            logger.info("Archive retention: removed %s", name)
        crawler.stats.set_value(STATS + "pruned_folders", len(pruned))
        return cls(crawler, state)

    @classmethod
    def of(cls, crawler: Crawler) -> ArchiveWriter | None:
        return next((e for e in crawler.extensions.middlewares if isinstance(e, cls)), None)

    def _recover(self) -> set[str]:
        urls: set[str] = set()
        for part in run_files(self.folder, self.run_id, FILE_GLOB + ".part"):
            found, torn = recover(part)
            os.replace(part, part.with_name(part.name.removesuffix(".part")))
            fsync_directory(part.parent)
            if torn:
                logger.warning("Archive: cut the torn last record off %s (an interrupted run)", part.name)
                self.stats.inc_value(STATS + "torn_records_cut")
        for path in run_files(self.folder, self.run_id):
            urls |= recover(path)[0]
        if urls:
            logger.info("Archive: resuming run %s, whose archive holds %d pages", self.run_id, len(urls))
        return urls

    # -- the event loop's side ---------------------------------------------------------------
    def response_received(self, response: Response, request: Request, spider: Spider) -> None:
        if self.closed or not archived(response, request):
            return
        if response.status in (404, 410) and self._dead_link(request):
            self.dead_link_pages += 1
            if self.dead_link_pages > MAX_DEAD_LINK_PAGES:
                self.stats.inc_value(STATS + "dead_link_pages_not_archived")
                return
        if response.url in self.urls:
            self.stats.inc_value(STATS + "already_archived")  # fetched again after an interruption
            return
        self.urls.add(response.url)
        self.batch.append(to_fetch(response, request))
        if len(self.batch) >= BATCH:
            self._hand_over()

    def _hand_over(self) -> None:
        if self.batch:
            batch, self.batch = self.batch, []
            self.queue.put(batch)

    def _dead_link(self, request: Request) -> bool:
        """An article the state does not know as live: its 404 is a dead link, not a gone article."""
        known = self.state.store.article(request.meta["article_key"])
        return known is None or known.gone

    def flush(self) -> None:
        """Everything queued written and on disk: called before a batch of items is committed."""
        if self.closed:
            return
        self._hand_over()
        self.queue.join()
        if self.file is not None:
            self.file.sync()

    def close(self) -> None:
        if self.closed:
            return
        self._hand_over()
        self.queue.put(None)
        self.thread.join()
        self.closed = True
        if self.file is not None:
            self.file.seal()
            self.file = None

    # -- the writer thread ---------------------------------------------------------------------
    def _drain(self) -> None:
        while True:
            batch = self.queue.get()
            try:
                if batch is None:
                    return
                for fetch in batch:
                    self._write_or_count(fetch)
            finally:
                self.queue.task_done()

    def _write_or_count(self, fetch: Fetch) -> None:
        try:
            self._write(fetch)
        except Exception:  # a full disk must not stop the crawl: counted, logged, a monitor fails
            self.stats.inc_value(STATS + "write_errors")
            logger.exception("Could not archive %s", fetch.url)

    def _write(self, fetch: Fetch) -> None:
        members = fetch_members(fetch)
        if self.file is not None and self.file.size + len(members) > self.max_bytes:
            self.file.seal()
            self.file = None
        if self.file is None:
            self.number += 1
            self.file = ArchiveFile(self.folder / f"ipgirl-{self.run_id}-{self.number:05d}.warc.gz",
                                    Path(self.crawler.settings.get("IPGIRL_DATA_DIR")))
            self.stats.inc_value(STATS + "files")
        self.file.write(members)
        self.stats.inc_value(STATS + "records")
        self.stats.inc_value(STATS + "bytes", len(members))
