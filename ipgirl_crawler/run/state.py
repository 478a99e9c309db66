"""What the crawler remembers between runs, in one SQLite file per site under ``IPGIRL_STATE_DIR``.

Article ids are a site's own, so each site (origin) has a folder of its own (``site_state_dir``):
a crawl of a copy of the site never mistakes its articles for the live site's. Distributed
workers sharing a state directory each take a slot of their own (``claim_worker_slot``).

- ``runs``: one row per run; a run that never finished is resumed by the next start.
- ``articles``: the last emitted version of each article (hash, validators for conditional
  requests, the run that emitted it, whether it is gone).
- ``batches``: the two-step commit that keeps written files and remembered articles in
  agreement across a ``kill -9``: rows are recorded *pending* before the batch file is renamed
  into place and applied after; recovery finishes or discards whatever a crash interrupted.
- ``run_history``: each finished run's items read, per-field coverage and drift counts (JSON), so a
  run's coverage is compared with the site's previous healthy runs (``ipgirl_crawler.monitoring.drift``).
- ``validators``: the HTTP validators of the run's items not yet in a committed batch (on disk,
  not in memory: a run writing one ``-O`` file commits it only at the end).

``CrawlState`` is one crawl's handle on it (the store, the run, the lock or slot); the feed storage
commits each batch through it (``CrawlState.commit_batch``).
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler

from ipgirl_crawler.discovery.urls import article_key
from ipgirl_crawler.output.feeds import COMMITTER_ATTRIBUTE
from ipgirl_crawler.output.files import PlantedLink, parts_of
from ipgirl_crawler.output.formats import read_items
from ipgirl_crawler.run import plugins, segments
from ipgirl_crawler.run.plugins import BatchLeftPending, RunHooks, StateSlot
from ipgirl_crawler.run.state_file import START_OVER, STATE_FILE, StateUnusable, check_database

logger = logging.getLogger(__name__)
# Validators of emitted items held in memory before they go to the state store.
VALIDATOR_BUFFER = 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, started_at TEXT, finished_at TEXT,
                                 status TEXT, full INTEGER);
CREATE TABLE IF NOT EXISTS articles (key TEXT PRIMARY KEY, url TEXT, content_hash TEXT, etag TEXT,
                                     last_modified TEXT, lastmod TEXT, run_id TEXT, gone INTEGER DEFAULT 0);
CREATE TABLE IF NOT EXISTS batches (path TEXT PRIMARY KEY, run_id TEXT, status TEXT);
CREATE TABLE IF NOT EXISTS batch_rows (path TEXT, key TEXT, url TEXT, content_hash TEXT, etag TEXT,
                                       last_modified TEXT, lastmod TEXT);
CREATE INDEX IF NOT EXISTS batch_rows_path ON batch_rows (path);
CREATE TABLE IF NOT EXISTS validators (key TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, lastmod TEXT);
CREATE TABLE IF NOT EXISTS run_history (run_id TEXT PRIMARY KEY, finished_at TEXT, healthy INTEGER,
                                        items INTEGER, coverage TEXT, counts TEXT);
"""


class StateLocked(RuntimeError):
    """Another crawl holds this state directory."""


@dataclass(frozen=True)
class KnownArticle:
    key: str
    url: str
    content_hash: str | None
    etag: str | None
    last_modified: str | None
    lastmod: str | None
    run_id: str | None
    gone: bool


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


MAX_WORKER_SLOTS = 64


def site_state_dir(state_dir: str | Path, base_url: str) -> Path:
    """The folder of ``state_dir`` that holds what is remembered of the site at ``base_url``."""
    parts = urlsplit(base_url)
    name = (parts.hostname or "site") + (f"_{parts.port}" if parts.port else "")
    return Path(state_dir) / re.sub(r"[^a-z0-9._-]", "_", name.lower()).lstrip(".")


def claim_worker_slot(site_dir: Path) -> tuple[Path, StateLock]:
    """The first ``worker-N`` folder of ``site_dir`` no other process holds, and its lock: the
    workers of a distributed crawl on one machine each keep a state of their own."""
    for number in range(1, MAX_WORKER_SLOTS + 1):
        slot = site_dir / f"worker-{number}"
        try:
            return slot, StateLock(slot).acquire()
        except StateLocked:
            continue
    raise StateLocked(f"all {MAX_WORKER_SLOTS} worker slots of {site_dir} are taken")


class StateLock:
    """An exclusive, non-blocking lock on the state directory, held for the process's crawl."""

    def __init__(self, state_dir: str | Path) -> None:
        self.path = Path(state_dir) / "lock"
        self._handle: IO[str] | None = None

    def acquire(self) -> StateLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:  # never through a link planted at the lock's name (it would truncate its target)
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
        except OSError as error:
            raise PlantedLink(self.path) if self.path.is_symlink() else error from None
        handle = os.fdopen(descriptor, "r+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise StateLocked(f"another crawl is running on {self.path.parent}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


class StateStore:
    def __init__(self, state_dir: str | Path) -> None:
        self.dir = Path(state_dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.path = self.dir / STATE_FILE
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        check_database(self.db, self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)
        opened = os.stat(self.path)
        self.identity = (opened.st_dev, opened.st_ino)  # a file deleted or replaced under the run is told apart

    def lost(self) -> str | None:
        """Why the state file this run writes to is no longer the one at its path, or None: deleted
        (with its folder, say) or replaced during the run, SQLite goes on writing into the old one."""
        try:
            now = os.stat(self.path)
        except FileNotFoundError:
            now = None
        if now is not None and (now.st_dev, now.st_ino) == self.identity:
            return None
        return (f"the state file {self.path} was {'replaced' if now else 'deleted'} during the run: what this run "
                f"emitted is not remembered and its batches are not committed; the next run needs {START_OVER}")

    def close(self) -> None:
        self.db.close()

    # -- runs -------------------------------------------------------------------------
    def begin_run(self, full: bool, suffix: str = "") -> tuple[str, bool]:
        """(run id, resumed): the unfinished run if there is one, else a new run; ``suffix``
        tells apart the runs of workers that write to one data directory."""
        row = self.db.execute("SELECT run_id FROM runs WHERE status='running' ORDER BY run_id DESC LIMIT 1").fetchone()
        if row:
            return row[0], True
        self.db.execute("DELETE FROM validators")  # an abandoned run's, never to be committed
        now = utc_now()
        base = run_id = now.strftime("%Y%m%dT%H%M%SZ") + suffix
        number = 1
        while self.db.execute("SELECT 1 FROM runs WHERE run_id=?", (run_id,)).fetchone():
            number += 1
            run_id = f"{base}-{number}"  # two runs started within one second
        self.db.execute("INSERT INTO runs VALUES (?, ?, NULL, 'running', ?)", (run_id, now.isoformat(), int(full)))
        return run_id, False

    def finish_run(self, run_id: str, status: str) -> None:
        self.db.execute("UPDATE runs SET status=?, finished_at=? WHERE run_id=?", (status, utc_now().isoformat(), run_id))

    def batches_of(self, run_id: str) -> int:
        return self.db.execute("SELECT count(*) FROM batches WHERE run_id=?", (run_id,)).fetchone()[0]

    # -- articles ---------------------------------------------------------------------
    def article(self, key: str) -> KnownArticle | None:
        row = self.db.execute("SELECT key, url, content_hash, etag, last_modified, lastmod, run_id, gone "
                              "FROM articles WHERE key=?", (key,)).fetchone()
        return KnownArticle(*row[:-1], gone=bool(row[-1])) if row else None

    def live_articles(self) -> Iterator[tuple[str, str]]:
        """(key, url) of every remembered article not known to be gone."""
        yield from self.db.execute("SELECT key, url FROM articles WHERE gone=0").fetchall()

    def refresh_validators(self, key: str, etag: str | None, last_modified: str | None) -> None:
        """An unchanged article answered with new validators: remember them (content is the same)."""
        self.db.execute("UPDATE articles SET etag=?, last_modified=?, gone=0 WHERE key=?", (etag, last_modified, key))

    def mark_gone(self, key: str) -> None:
        self.db.execute("UPDATE articles SET gone=1 WHERE key=?", (key,))

    # -- the batch commit ---------------------------------------------------------------
    def remember_validators(self, rows: Iterable[tuple[str, str | None, str | None, str | None]]) -> None:
        """(key, etag, last_modified, lastmod) of emitted items, until their batch is prepared."""
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?)", rows)
        self.db.execute("COMMIT")

    def prepare_batch(self, final_path: Path, run_id: str, rows: Iterable[dict[str, Any]]) -> None:
        """Record a written batch as pending, its rows (key, url, content_hash) streamed in with
        their validators (memory stays flat)."""
        path = str(final_path)
        self.db.execute("BEGIN")
        self.db.execute("DELETE FROM batch_rows WHERE path=?", (path,))
        self.db.execute("INSERT OR REPLACE INTO batches VALUES (?, ?, 'pending')", (path, run_id))
        self.db.executemany("INSERT INTO batch_rows SELECT :path, :key, :url, :content_hash, v.etag, v.last_modified, "
                            "v.lastmod FROM (SELECT :key AS k) LEFT JOIN validators v ON v.key = k",
                            ({**row, "path": path} for row in rows))
        self.db.execute("DELETE FROM validators WHERE key IN (SELECT key FROM batch_rows WHERE path=?)", (path,))
        self.db.execute("COMMIT")

    def apply_batch(self, final_path: Path) -> None:
        """The batch's file is in place: its articles become the remembered versions."""
        path = str(final_path)
        row = self.db.execute("SELECT run_id FROM batches WHERE path=?", (path,)).fetchone()
        if row is None:
            return
        self.db.execute("BEGIN")
        self.db.execute("INSERT OR REPLACE INTO articles SELECT key, url, content_hash, etag, last_modified, lastmod, ?, 0 "
                        "FROM batch_rows WHERE path=?", (row[0], path))
        self.db.execute("DELETE FROM batch_rows WHERE path=?", (path,))
        self.db.execute("UPDATE batches SET status='committed' WHERE path=?", (path,))
        self.db.execute("COMMIT")

    def discard_batch(self, final_path: Path) -> None:
        self.db.execute("DELETE FROM batches WHERE path=?", (str(final_path),))
        self.db.execute("DELETE FROM batch_rows WHERE path=?", (str(final_path),))

    def batch_identity(self, final_path: Path) -> str:
        """A digest of a prepared batch: its run, file and article keys. A distributed commit is
        recorded under it, so an old job's record for the same file never vouches for this batch."""
        path = str(final_path)
        row = self.db.execute("SELECT run_id FROM batches WHERE path=?", (path,)).fetchone()
        keys = [key for (key,) in self.db.execute("SELECT key FROM batch_rows WHERE path=? ORDER BY key", (path,))]
        return hashlib.sha256("\n".join([row[0] if row else "", path, *keys]).encode()).hexdigest()[:32]

    def recover(self, keep: Callable[[Path, str], bool] | None = None) -> list[str]:
        """Finish or undo batches a crash interrupted; returns what was done, for the log.
        ``keep(final, identity)`` (a distributed worker's) says whether a batch not yet renamed may be finished."""
        done = []
        for (path,) in self.db.execute("SELECT path FROM batches WHERE status='pending'").fetchall():
            final = Path(path)
            parts = parts_of(final)
            if not final.exists() and parts and (keep is None or keep(final, self.batch_identity(final))):
                os.replace(parts[0], final)
            if final.exists():
                self.apply_batch(final)
                done.append(f"completed {final.name}")
            else:
                for part in parts_of(final):
                    part.unlink(missing_ok=True)
                self.discard_batch(final)
                done.append(f"discarded {final.name}")
        return done

    # -- run history (coverage drift) -------------------------------------------------------
    def record_run_history(self, run_id: str, healthy: bool, items: int, coverage: dict[str, float],
                           counts: dict[str, int]) -> None:
        """This run's per-field coverage and counts; a resumed run's replaces its earlier row."""
        self.db.execute("INSERT OR REPLACE INTO run_history VALUES (?, ?, ?, ?, ?, ?)",
                        (run_id, utc_now().isoformat(), int(healthy), items, json.dumps(coverage, sort_keys=True),
                         json.dumps(counts, sort_keys=True)))

    def run_history(self, limit: int, before: str | None = None) -> list[dict[str, Any]]:
        """The last ``limit`` recorded runs (before run ``before``, when given), oldest first."""
        rows = self.db.execute("SELECT run_id, finished_at, healthy, items, coverage, counts FROM run_history "
                               "WHERE run_id < coalesce(?, '~') ORDER BY run_id DESC LIMIT ?", (before, limit)).fetchall()
        return [{"run_id": run_id, "finished_at": finished, "healthy": bool(healthy), "items": items,
                 "coverage": json.loads(coverage), "counts": json.loads(counts)}
                for run_id, finished, healthy, items, coverage, counts in reversed(rows)]


def lock_site_state(settings: Any, base_url: str) -> StateLock | None:
    """The lock a single-process crawl holds on its site's state for the whole run (``StateLocked``
    when another run has it); a plug-in's processes may take slots of their own (``CrawlState.open``)."""
    if not plugins.holds_site_lock(settings):
        return None
    return StateLock(site_state_dir(settings.get("IPGIRL_STATE_DIR"), base_url)).acquire()


class CrawlState:
    """The state of one crawl: the store, the run, and validators of items not yet committed."""

    ATTRIBUTE = COMMITTER_ATTRIBUTE  # the feed storage finds it there

    def __init__(self, store: StateStore, run_id: str, resumed: bool, full: bool,
                 recovered: list[str] | None = None, lock: StateLock | None = None) -> None:
        self.store, self.run_id, self.resumed, self.full = store, run_id, resumed, full
        self.recovered = recovered or []  # what recovery did at start, for the log
        self._validators: list[tuple[str, str | None, str | None, str | None]] = []  # not yet in the store
        self.lock = lock  # a plug-in's slot (a distributed worker's), held while the crawl runs
        # The stats of the run's segments before this one (a resumed run), added to this one's.
        self.earlier_stats = segments.load_earlier(store.dir, run_id) if resumed else {}
        # Called before a batch is committed: what must be on disk first (the run's archive).
        self.before_commit: list[Callable[[], None]] = []
        # Asked whether a written batch may commit (a plug-in's: the distributed job's record).
        self.commit_gates: list[Callable[[Path, list[str], str], bool]] = []
        # What the run's manifest says besides its files: ``(data_dir) -> entries`` (the archive's).
        self.manifest_parts: list[Callable[[Path], dict[str, Any]]] = []

    @classmethod
    def open(cls, crawler: Crawler, base_url: str, full: bool) -> CrawlState:
        """The site's state (``site_state_dir``), or the slot of it a plug-in's process takes
        (``RunHooks.state_slot``), whose suffix also tells its run files apart."""
        hooks = RunHooks.of(crawler)
        slot = StateSlot(site_state_dir(crawler.settings.get("IPGIRL_STATE_DIR"), base_url), None)
        if hooks.state_slot is not None:
            slot = hooks.state_slot(slot.directory)
        store = StateStore(slot.directory)
        recovered = store.recover(slot.keep_pending)
        run_id, resumed = store.begin_run(full, slot.suffix)
        state = cls(store, run_id, resumed, full, recovered, slot.lock)
        state.commit_gates = hooks.commit_gates
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

    def commit_batch(self, written: Path, final: Path, format_: str, put_in_place: Callable[[], None],
                     stats: Callable[[], dict[str, Any]] | None = None) -> None:
        """The two-step commit of a batch written (fsynced) to ``written``: recorded pending,
        passed by the commit gates, put in place as ``final``, then applied."""
        lost = self.store.lost()
        if lost is not None:  # committed to a state nobody will read: the feed fails, so does the run
            raise StateUnusable(lost)
        for hook in self.before_commit:
            hook()
        self.flush_validators()
        self.store.prepare_batch(final, self.run_id, self.rows_of(written, format_))
        keys = [row["key"] for row in self.rows_of(written, format_)]
        try:
            committed = all(gate(final, keys, self.store.batch_identity(final)) for gate in self.commit_gates)
        except BatchLeftPending as pending:
            # Not a feed failure: the worker stops (exit 1) and its next start's recovery completes
            # or discards the batch, as its gate says; a resumed run must not inherit a failure here.
            logger.warning("%s", pending)
            return
        if not committed:
            self.store.discard_batch(final)
            written.unlink(missing_ok=True)
            return
        put_in_place()
        self.store.apply_batch(final)
        if stats is not None:
            self.save_stats(stats())
