"""Replay: ``-a replay=RUN_ID`` (or a WARC path or glob) runs the spider over archived pages.

The run is a normal run (its own run id, state, incremental rules, run files, report, monitors)
whose article pages come from the archive: the spider schedules one request per archived
article, and ``ReplayMiddleware`` answers each from its record. Nothing reaches the site: the
middleware refuses any other request, and the http(s) download handlers are off, so a request
it did not answer fails rather than goes out. A replayed item's ``crawled_at`` is the time of
the replay, so that ``ipgirl-compact`` takes the corrected item over the one the run emitted.
"""
from __future__ import annotations

import glob
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from ipgirl_crawler.archive.reader import Limits, ReadCounts, archived_responses, response_at
from ipgirl_crawler.archive.writer import FILE_GLOB, archive_root
from ipgirl_crawler.discovery.urls import article_ref, same_origin
from ipgirl_crawler.items import RECEIVED_AT_META
from ipgirl_crawler.run.config import ConfigurationError
from ipgirl_crawler.discovery.urls import article_key

logger = logging.getLogger(__name__)
STATS = "ipgirl/replay/"
# Above every other priority (cmdline is 40): a replay never has a handler for the network.
FORCED = 50
REPLAY_SETTINGS = {"ROBOTSTXT_OBEY": False, "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0}


def archive_files(value: str, settings: Any) -> list[Path]:
    """The WARC files ``value`` names: a path or glob (it has a ``/`` or ends ``.warc.gz``),
    else a run id (globs allowed, e.g. ``20261201T031500Z-worker-*``) under ``IPGIRL_DATA_DIR``,
    with the ``.part`` of a run killed and never resumed (its torn tail is counted, not read)."""
    if "/" in value or value.endswith(".warc.gz"):
        return sorted(Path(path) for path in glob.glob(value))
    return sorted(path for pattern in (FILE_GLOB, FILE_GLOB + ".part")
                  for path in archive_root(settings).glob(f"run_date=*/ipgirl-{value}-{pattern}"))


def check_replay(settings: Any, value: str | None) -> list[Path]:
    """The files a replay will read; ``ConfigurationError`` when there are none to read."""
    if value is None:
        return []
    if settings.get("IPGIRL_REDIS_URL"):  # distributed mode
        raise ConfigurationError("a replay runs in one process: leave IPGIRL_REDIS_URL unset")
    files = archive_files(value, settings)
    if not files:
        raise ConfigurationError(f"replay={value!r}: no archive file matches (a run id of "
                                 f"{archive_root(settings)}/run_date=*/, or a .warc.gz path or glob)")
    return files


@dataclass
class Replay:
    """The archive a replay run reads, and what reading it found."""
    files: list[Path]
    counts: ReadCounts = field(default_factory=ReadCounts)
    limits: Limits = field(default_factory=Limits)  # a record is bounded as a download would be

    @classmethod
    def start(cls, crawler: Crawler, value: str) -> Replay:
        """Settings of a replay (no robots.txt, no throttling, no http(s) handler), set while
        the spider is made and the settings not yet frozen."""
        replay = cls(check_replay(crawler.settings, value), limits=Limits.of(crawler.settings))
        for name, setting in REPLAY_SETTINGS.items():
            crawler.settings.set(name, setting, priority=FORCED)
        handlers = {**crawler.settings.getdict("DOWNLOAD_HANDLERS"), "http": None, "https": None}
        crawler.settings.set("DOWNLOAD_HANDLERS", handlers, priority=FORCED)
        crawler.ipgirl_replay = replay
        return replay

    def requests(self, spider: Any, priority: int) -> Iterator[Request]:
        """One request per archived article, in file order (the first copy of an article wins),
        under the spider's rules: its languages, and on resume not what this run already emitted."""
        stats = spider.crawler.stats
        for path in self.files:
            torn, oversized = self.counts.torn, self.counts.oversized
            for archived in archived_responses(path, self.counts, self.limits):
                stats.inc_value(STATS + "records")
                if (reason := self._skip(spider, archived.response.url)) is not None:
                    stats.inc_value(STATS + reason)
                    continue
                yield Request(archived.response.url, callback=spider.parse_article, errback=spider.on_error,
                              priority=priority, dont_filter=True,
                              meta={"article_key": _key(archived.response.url), "handle_httpstatus_list": [404, 410],
                                    "archive_record": (str(path), archived.offset), "dont_redirect": True})
            if self.counts.torn > torn:
                logger.warning("%d torn or damaged records skipped in %s", self.counts.torn - torn, path)
                stats.inc_value(STATS + "torn_records", self.counts.torn - torn)
            if self.counts.oversized > oversized:
                logger.warning("%d records over DOWNLOAD_MAXSIZE skipped in %s", self.counts.oversized - oversized, path)
                stats.inc_value(STATS + "oversized_records", self.counts.oversized - oversized)

    @staticmethod
    def _skip(spider: Any, url: str) -> str | None:
        """Why the archived page at ``url`` is not replayed (a stat name), or None."""
        if not same_origin(url, spider.base_url):
            return "offsite"  # archived from another site: -a base_url= names the site replayed
        ref = article_ref(url)
        if ref is None:
            return "not_article_url"
        if ref.language not in spider.languages:
            return "other_language"
        key = article_key(ref.language, ref.article_id)
        if not spider.scheduled_articles.add(key):
            return "duplicate"
        state = spider.crawl_state
        known = state.store.article(key)
        if known and state.resumed and known.run_id == state.run_id:
            return "already_emitted"
        return None


def _key(url: str) -> str | None:
    ref = article_ref(url)
    return article_key(ref.language, ref.article_id) if ref else None


class ReplayMiddleware:
    """Answers a replay's requests from the archive, and refuses every other request."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.limits = crawler.ipgirl_replay.limits

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplayMiddleware:
        if getattr(crawler, "ipgirl_replay", None) is None:
            raise NotConfigured  # no message: Scrapy would log it as a warning on every run
        return cls(crawler)

    def process_request(self, request: Request, spider: Spider | None = None) -> Response | None:
        where = request.meta.get("archive_record")
        archived = response_at(*where, limits=self.limits) if where else None
        if archived is None:
            self.stats.inc_value(STATS + "refused")
            logger.warning("Replay: refused %s (%s)", request.url, "not in the archive" if not where else "record unreadable")
            raise IgnoreRequest(f"replay: {request.url} is not answered from the archive")
        self.stats.inc_value(STATS + "answered")
        if archived.fetched_at is not None:  # our clock then: what the page's relative dates count from
            request.meta[RECEIVED_AT_META] = archived.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        return archived.response
