"""Per-run record files besides the articles: fetches that failed for good, and articles gone.

They are not items (a ``-O out.jsonl`` run must hold articles only), so each goes through its
own JSON Lines exporter into a file written aside and renamed into place at the end of the run.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exporters import JsonLinesItemExporter

from ipgirl_crawler.output.files import BATCH_GLOB, create_part, fsync_directory, make_folder
from ipgirl_crawler.run.state import CrawlState, utc_now

KINDS = ("failures", "gone")


class RecordFile:
    def __init__(self, final: Path, root: Path | None = None) -> None:
        self.final, self.root = final, root  # root: the data directory, no link followed below it
        self.part: Path | None = None
        self.handle: IO[bytes] | None = None
        self.exporter: JsonLinesItemExporter | None = None

    def write(self, record: dict[str, Any]) -> None:
        if self.exporter is None:
            make_folder(self.final.parent, self.root)
            self.part, self.handle = create_part(self.final)
            self.exporter = JsonLinesItemExporter(self.handle, encoding="utf-8", ensure_ascii=False)
            self.exporter.start_exporting()
        self.exporter.export_item(record)

    def close(self) -> None:
        if self.exporter is None or self.handle is None:
            return
        self.exporter.finish_exporting()
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.part, self.final)  # type: ignore[arg-type]
        fsync_directory(self.final.parent)


class RunRecords:
    """Writes ``failures`` and ``gone`` records of the run under ``IPGIRL_DATA_DIR``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.files: dict[str, RecordFile] = {}
        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunRecords:
        return cls(crawler)

    @classmethod
    def of(cls, crawler: Crawler) -> RunRecords | None:
        return next((e for e in crawler.extensions.middlewares if isinstance(e, cls)), None)

    def _file(self, kind: str) -> RecordFile:
        if kind not in self.files:
            state = CrawlState.of(self.crawler)
            run_id = state.run_id if state else utc_now().strftime("%Y%m%dT%H%M%SZ")
            run_date = state.run_date if state else utc_now().date().isoformat()
            data_dir = Path(self.crawler.settings.get("IPGIRL_DATA_DIR"))
            folder = data_dir / kind / f"run_date={run_date}"
            number = 1 + sum(1 for _ in folder.glob(f"ipgirl-{run_id}-{BATCH_GLOB}")) if folder.exists() else 1
            self.files[kind] = RecordFile(folder / f"ipgirl-{run_id}-{number:05d}.jsonl", data_dir)
        return self.files[kind]

    def record(self, kind: str, **fields: Any) -> None:
        self._file(kind).write({**fields, "recorded_at": utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")})
        self.crawler.stats.inc_value(f"ipgirl/records/{kind}")

    def close(self) -> None:
        for record_file in self.files.values():
            record_file.close()
