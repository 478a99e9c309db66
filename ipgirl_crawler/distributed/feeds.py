"""Each worker its own ``-o`` file: workers on one machine started with one command do not share one."""
from __future__ import annotations

from pathlib import Path

from scrapy.settings import Settings


def per_worker_feeds(settings: Settings, slot: str) -> None:
    """``-O out.jsonl`` of a worker in slot ``worker-2`` writes ``out.worker-2.jsonl``: workers on
    one machine started with one command each have their own file (feed URIs with ``%(…)s``
    placeholders, the run files, are told apart by the run id already)."""
    feeds = settings.getdict("FEEDS")
    renamed = {}
    for uri, options in feeds.items():
        local = "://" not in uri or uri.startswith("file://")
        if local and "%(" not in uri:
            path = Path(uri.removeprefix("file://"))
            uri = str(path.with_name(f"{path.stem}.{slot}{path.suffix}"))
        renamed[uri] = options
    if renamed != feeds:
        settings.set("FEEDS", renamed, priority=max(settings.getpriority("FEEDS") or 0, 40))
