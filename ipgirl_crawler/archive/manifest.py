"""What a run's manifest says of archives: the files it wrote, or the files it replayed."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler

from ipgirl_crawler.archive.writer import ArchiveWriter, run_files
from ipgirl_crawler.output.files import sha256_of


def _name(path: Path, data_dir: Path) -> str:
    try:
        return str(path.resolve().relative_to(data_dir.resolve()))
    except ValueError:
        return str(path.resolve())


def manifest_entries(crawler: Crawler, data_dir: Path) -> dict[str, Any]:
    replay = getattr(crawler, "ipgirl_replay", None)
    if replay is not None:
        return {"replayed_from": {"files": [_name(path, data_dir) for path in replay.files],
                                  "records": replay.counts.records, "torn_records": replay.counts.torn,
                                  "oversized_records": replay.counts.oversized}}
    writer = ArchiveWriter.of(crawler)
    if writer is None:
        return {}
    files = {_name(path, data_dir): {"bytes": path.stat().st_size, "sha256": sha256_of(path)}
             for path in run_files(writer.folder, writer.run_id)}
    return {"archive": {"files": files, "pages": len(writer.urls)}}
