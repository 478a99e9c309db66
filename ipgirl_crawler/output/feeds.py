"""Feed storage that never shows a partial file, and commits each file together with the state.

Each batch is written to ``<name>.<random>.part`` (``output.files``), fsynced, recorded as pending in the state store,
renamed into place, then applied: after a ``kill -9`` at any point, the next start either
completes the batch (the file was whole) or discards it (its articles are crawled again), so
files and remembered articles always agree.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import urlparse

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.extensions.feedexport import FileFeedStorage
from w3lib.url import file_uri_to_path

from ipgirl_crawler.output.files import create_part, fsync_directory, make_folder, open_append

logger = logging.getLogger(__name__)
# The feeds this storage could not store ("<path>: <error>"): a failed run (``monitoring/feed_health.py``).
FAILED_FEEDS_KEY = "ipgirl/feeds/failed"
# Where on the crawler the crawl's state sits (``run.state.CrawlState``): it commits each batch.
COMMITTER_ATTRIBUTE = "_ipgirl_state"


class BatchCommitter(Protocol):
    def commit_batch(self, written: Path, final: Path, format_: str, put_in_place: Callable[[], None],
                     stats: Callable[[], dict[str, Any]] | None = None) -> None: ...


def feed_path(uri: str) -> Path | None:
    """The local file a feed URI names (Scrapy's file storage takes those), or None."""
    scheme = urlparse(uri).scheme
    if scheme == "file":
        return Path(file_uri_to_path(uri))
    return Path(uri) if scheme == "" else None


def uri_params(params: dict[str, Any], spider: Spider) -> dict[str, Any]:
    """Batch numbers go on from the batches a resumed run already committed."""
    params["batch_id"] = getattr(spider, "batch_offset", 0) + params["batch_id"]
    return params


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
        committer: BatchCommitter | None = getattr(self.crawler, COMMITTER_ATTRIBUTE, None)
        if committer is None:
            self._put_in_place()
            return
        stats = self.crawler.stats if self.crawler is not None else None
        committer.commit_batch(self.part or self.final, self.final, self.format, self._put_in_place,
                               stats.get_stats if stats is not None else None)

    def _put_in_place(self) -> None:
        if self.part is not None:
            os.replace(self.part, self.final)
            fsync_directory(self.final.parent)
