"""``ipgirl-compact``: the latest version of every article across all runs, into ``snapshot/``.

Reads ``articles/run_date=*/*.jsonl`` under the data directory (``*.part`` files never match), keeps
for each ``url`` the line with the latest ``crawled_at`` (ties: later run date, file name, line),
drops the articles recorded gone (``gone/run_date=*/*.jsonl``) since that version was crawled, and
writes ``snapshot/articles.jsonl`` (the kept lines byte for byte, sorted by url),
``snapshot/articles.parquet`` (layout: PARQUET_LAYOUT; without pyarrow, a warning and the
manifest's ``parquet_skipped`` say it is missing), ``snapshot/duckdb.sql`` (views giving both the
contract's column types) and ``snapshot/manifest.json``. The snapshot is replaced whole (``snapshot.py``): the files and the manifest's digests are written into a new
version folder, then ``snapshot`` is switched to it in one rename. Memory holds one small location
per url, never an item or a file.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from ipgirl_crawler.items import SCHEMA_VERSION
from ipgirl_crawler.output.files import create_part, fsync_directory
from ipgirl_crawler.output.snapshot import (
    SnapshotError, clean_up, compaction_lock, current_version, new_version, publish,
)
from ipgirl_crawler.schema import load_schema

log = logging.getLogger("ipgirl.compact")

RUN_FILES = "articles/run_date=*/*.jsonl"
GONE_FILES = "gone/run_date=*/*.jsonl"
SNAPSHOT_DIR = "snapshot"
PARQUET_BATCH_ROWS = 1000
MAX_OPEN_FILES = 64
MAX_LINE_WARNINGS = 20
PARQUET_LAYOUT = ("nested types from the schema: lists as list<...>, images/related as list<struct>, "
                  "translations as map<string,string>; dates as ISO 8601 strings; contract fields only")


DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN"}


class CompactError(Exception):
    """The run files cannot be compacted as they are (e.g. one changed while being read)."""


@dataclass(frozen=True, order=True)
class Location:
    """Where a url's line is; compared as a tuple, the greatest is the version to keep."""

    crawled_at: str
    source: str  # "articles/run_date=YYYY-MM-DD/<file>": sorts by run date, then file name
    offset: int


@dataclass
class Scan:
    winners: dict[str, Location] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    items: int = 0
    skipped: Counter[str] = field(default_factory=lambda: Counter(invalid_json=0, without_url=0))


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(line)
    except ValueError:  # also UnicodeDecodeError
        return None
    return value if isinstance(value, dict) else None


def _skip(scan: Scan, why: str, rel: str, number: int) -> None:
    """Count a skipped line; warn about the first few only, the summary line gives the totals."""
    if scan.skipped.total() < MAX_LINE_WARNINGS:
        log.warning("skipped a line (%s) at %s:%d", why.replace("_", " "), rel, number)
    scan.skipped[why] += 1


def _scan_file(path: Path, rel: str, scan: Scan) -> None:
    digest, offset, lines = hashlib.sha256(), 0, 0
    with path.open("rb") as handle:  # iterating a binary file reads a line at a time
        for number, line in enumerate(handle, 1):
            digest.update(line)
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            lines += 1
            item = _parse(line)
            url = item.get("url") if item is not None else None
            if item is None or not isinstance(url, str) or not url:
                _skip(scan, "invalid_json" if item is None else "without_url", rel, number)
                continue
            scan.items += 1
            crawled = item.get("crawled_at")
            here = Location(crawled if isinstance(crawled, str) else "", rel, start)
            best = scan.winners.get(url)
            if best is None or best < here:
                scan.winners[url] = here
    scan.sources.append({"path": rel, "lines": lines, "bytes": offset, "sha256": digest.hexdigest()})


def scan_runs(data_dir: Path) -> Scan:
    """Every run file read once, keeping the location of the latest version of each url."""
    scan = Scan()
    for path in sorted(data_dir.glob(RUN_FILES)):
        if path.is_file():
            _scan_file(path, path.relative_to(data_dir).as_posix(), scan)
    return scan


def gone_at(data_dir: Path) -> dict[str, str]:
    """url -> when it was last recorded gone (404/410), from the runs' ``gone`` records."""
    gone: dict[str, str] = {}
    for path in sorted(data_dir.glob(GONE_FILES)):
        with path.open("rb") as handle:
            for line in handle:
                record = _parse(line)
                url, when = (record or {}).get("url"), (record or {}).get("recorded_at")
                if isinstance(url, str) and isinstance(when, str) and when > gone.get(url, ""):
                    gone[url] = when
    return gone


def drop_gone(scan: Scan, gone: dict[str, str]) -> int:
    """Articles recorded gone after their latest version was crawled leave the snapshot (one that
    came back later, crawled after it was gone, stays); returns how many were dropped."""
    dropped = [url for url, where in scan.winners.items() if url in gone and where.crawled_at <= gone[url]]
    for url in dropped:
        del scan.winners[url]
    return len(dropped)


def winning_lines(data_dir: Path, scan: Scan) -> Iterator[tuple[bytes, dict[str, Any]]]:
    """(line, item) of each kept version, sorted by url: a seek and one line read each."""
    handles: dict[str, IO[bytes]] = {}
    try:
        for url in sorted(scan.winners):
            where = scan.winners[url]
            if where.source not in handles:
                if len(handles) >= MAX_OPEN_FILES:  # bounded: a data dir can hold thousands of batch files
                    for handle in handles.values():
                        handle.close()
                    handles.clear()
                handles[where.source] = (data_dir / where.source).open("rb")
            handle = handles[where.source]
            handle.seek(where.offset)
            line = handle.readline()
            item = _parse(line)
            if item is None or item.get("url") != url:
                raise CompactError(f"{where.source} changed while compacting (offset {where.offset}); run again")
            yield (line if line.endswith(b"\n") else line + b"\n"), item
    finally:
        for handle in handles.values():
            handle.close()


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """A new part file beside ``path``, created exclusively under a random name (``output/files.py``);
    on success fsynced and renamed to ``path``, else removed."""
    part, handle = create_part(path)
    try:
        yield handle
        if not handle.closed:  # pyarrow's writer closes what it wrote to
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        else:
            descriptor = os.open(part, os.O_RDONLY | os.O_NOFOLLOW)
            os.fsync(descriptor)
            os.close(descriptor)
        os.replace(part, path)
        fsync_directory(path.parent)  # makes the rename itself durable
    finally:
        handle.close()
        part.unlink(missing_ok=True)


def sha256_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def arrow_type(pa: Any, spec: dict[str, Any]) -> Any:
    """The Arrow type of a JSON Schema property, so the Parquet layout follows the contract by construction."""
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    base = next(t for t in types if t != "null")
    if base == "array":
        return pa.list_(arrow_type(pa, spec["items"]))
    if base == "object" and "properties" in spec:
        return pa.struct([pa.field(name, arrow_type(pa, sub)) for name, sub in spec["properties"].items()])
    if base == "object":
        return pa.map_(pa.string(), arrow_type(pa, spec["additionalProperties"]))
    return {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}[base]


def duckdb_type(spec: dict[str, Any]) -> str:
    """The DuckDB type of a JSON Schema property, as ``arrow_type`` gives the Parquet one."""
    types = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    base = next(t for t in types if t != "null")
    if base == "array":
        return duckdb_type(spec["items"]) + "[]"
    if base == "object" and "properties" in spec:
        return "STRUCT(" + ", ".join(f'"{name}" {duckdb_type(sub)}' for name, sub in spec["properties"].items()) + ")"
    if base == "object":
        return f"MAP(VARCHAR, {duckdb_type(spec['additionalProperties'])})"
    return DUCKDB_TYPES[base]


def duckdb_views(data_dir: Path, with_parquet: bool) -> str:
    """``snapshot/duckdb.sql``: views reading the snapshot with the contract's types, the same for
    the JSON Lines (DuckDB would guess timestamps and structs) as for the Parquet file."""
    columns = ", ".join(f"'{name}': '{duckdb_type(spec)}'" for name, spec in load_schema()["properties"].items())
    where = (data_dir / SNAPSHOT_DIR).as_posix().replace("'", "''")
    views = [f"CREATE OR REPLACE VIEW articles_json AS SELECT * FROM read_json('{where}/articles.jsonl', "
             f"format = 'newline_delimited', columns = {{{columns}}});"]
    if with_parquet:
        views.append(f"CREATE OR REPLACE VIEW articles_parquet AS SELECT * FROM read_parquet('{where}/articles.parquet');")
    return "\n".join(views) + "\n"


class ParquetSink:
    """Rows in batches into Parquet; a value that does not fit its column's type becomes null, counted."""

    def __init__(self, sink: IO[bytes], pa: Any, pq: Any) -> None:
        self.pa = pa
        self.schema = pa.schema([pa.field(name, arrow_type(pa, spec))
                                 for name, spec in load_schema()["properties"].items()])
        self.writer = pq.ParquetWriter(sink, self.schema)
        self.rows: list[dict[str, Any]] = []
        self.nulled = 0

    def add(self, item: dict[str, Any]) -> None:
        self.rows.append(item)
        if len(self.rows) >= PARQUET_BATCH_ROWS:
            self.flush()

    def _column(self, name: str, kind: Any) -> Any:
        values = [row.get(name) for row in self.rows]
        try:
            return self.pa.array(values, type=kind)
        except (self.pa.ArrowException, TypeError, ValueError, OverflowError):
            return self.pa.array([self._fit(value, kind) for value in values], type=kind)

    def _fit(self, value: Any, kind: Any) -> Any:
        try:
            self.pa.array([value], type=kind)
            return value
        except (self.pa.ArrowException, TypeError, ValueError, OverflowError):
            self.nulled += 1
            return None

    def flush(self) -> None:
        if self.rows:
            columns = [self._column(f.name, f.type) for f in self.schema]
            self.writer.write_table(self.pa.Table.from_arrays(columns, schema=self.schema))
            self.rows.clear()

    def close(self) -> None:
        self.flush()
        self.writer.close()


def _pyarrow() -> tuple[Any, Any] | None:
    try:
        import pyarrow
        import pyarrow.parquet
        return pyarrow, pyarrow.parquet
    except ImportError:  # Parquet is optional: the JSON Lines snapshot is the reference
        return None


def _write_snapshot(data_dir: Path, out: Path, scan: Scan, with_parquet: bool) -> dict[str, Any]:
    jsonl, parquet = out / "articles.jsonl", out / "articles.parquet"
    arrow = _pyarrow() if with_parquet else None
    versions: Counter[str] = Counter()
    sink: ParquetSink | None = None
    with ExitStack() as stack:  # both files renamed into place only once both are complete
        handle = stack.enter_context(atomic_file(jsonl))
        if arrow:
            sink = ParquetSink(stack.enter_context(atomic_file(parquet)), *arrow)
        for line, item in winning_lines(data_dir, scan):
            handle.write(line)
            versions[str(item.get("schema_version"))] += 1
            if sink:
                sink.add(item)
        if sink:
            sink.close()
    skipped = None if arrow else ("--no-parquet" if not with_parquet else "pyarrow not installed")
    if not arrow:
        parquet.unlink(missing_ok=True)  # an old Parquet file would contradict the new JSON Lines
    if with_parquet and not arrow:  # `make setup` installs it: a broken set-up, said and counted
        logging.getLogger(__name__).warning("no articles.parquet written: pyarrow is not installed (make setup installs it)")
    files = {p.name: {"bytes": p.stat().st_size, "sha256": sha256_file(p)} for p in (jsonl, parquet) if p.exists()}
    return {"files": files, "schema_versions": dict(sorted(versions.items())),
            "parquet_nulled_values": sink.nulled if sink else 0, "parquet_skipped": skipped}


def _write_version(data_dir: Path, out: Path, scan: Scan, dropped_gone: int, with_parquet: bool) -> dict[str, Any]:
    """Every file of the snapshot into ``out``, a folder nothing points at yet; returns the manifest."""
    written = _write_snapshot(data_dir, out, scan, with_parquet)
    with atomic_file(out / "duckdb.sql") as handle:
        handle.write(duckdb_views(data_dir, "articles.parquet" in written["files"]).encode("utf-8"))
    manifest = {
        "count": len(scan.winners),
        "schema_version": SCHEMA_VERSION,
        "version": out.name,
        **written,
        "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "rule": "latest crawled_at per url; ties: later run_date, then file name, then line; "
                "articles recorded gone since their latest version are dropped",
        "dropped_gone": dropped_gone,
        "parquet_layout": PARQUET_LAYOUT if "articles.parquet" in written["files"] else None,
        "items_read": scan.items,
        "skipped": dict(scan.skipped),
        "sources": scan.sources,
    }
    with atomic_file(out / "manifest.json") as handle:
        handle.write((json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return manifest


def compact(data_dir: Path, with_parquet: bool = True) -> dict[str, Any]:
    """Write a new version of ``snapshot/`` under ``data_dir`` and switch to it; returns the manifest."""
    with compaction_lock(data_dir):
        scan = scan_runs(data_dir)
        dropped_gone = drop_gone(scan, gone_at(data_dir))
        previous, version = current_version(data_dir), new_version(data_dir)
        try:
            manifest = _write_version(data_dir, version, scan, dropped_gone, with_parquet)
            aside = publish(data_dir, version)
        except BaseException:
            shutil.rmtree(version, ignore_errors=True)  # never pointed at: no reader has it
            raise
        for name in clean_up(data_dir, keep={version.name, previous or "", aside or ""}):
            log.info("removed the old snapshot version %s", name)
    return manifest
