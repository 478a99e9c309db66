"""Live progress and a bounded timeline of the crawl.

``Progress`` samples the crawler's stats every ``IPGIRL_PROGRESS_INTERVAL`` seconds. Each sample is
appended (cumulative) to the stats list ``ipgirl/timeline``, which the run report draws. On a
terminal it redraws one status line in place on stderr; under cron or CI, where ``\\r`` would make
the log unreadable, it logs the same figures at INFO instead.

Settings: ``IPGIRL_PROGRESS_ENABLED`` (default True), ``IPGIRL_PROGRESS_INTERVAL`` (seconds;
default 1.0 on a terminal, 30 without), ``IPGIRL_PROGRESS_MAX_SAMPLES`` (default 500).
"""
from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING, Any, Self, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

TIMELINE_KEY = "ipgirl/timeline"
STATUS_PREFIX = "downloader/response_status_count/"
CLEAR_LINE = "\r\x1b[K"
TTY_INTERVAL, PLAIN_INTERVAL = 1.0, 30.0
MAX_SAMPLES = 500

Sample = dict[str, Any]


def take_sample(stats: dict[str, Any], elapsed: float) -> Sample:
    """One cumulative sample of the stats, in the ``ipgirl/timeline`` format of docs/data-layout.md."""
    status = {key[len(STATUS_PREFIX):]: int(value) for key, value in stats.items()
              if key.startswith(STATUS_PREFIX)}
    return {
        "t": round(elapsed, 1),
        "status": dict(sorted(status.items())),
        "items": int(stats.get("item_scraped_count", 0)),
        "errors": int(stats.get("log_count/ERROR", 0)),
        "retries": int(stats.get("retry/count", 0)),
    }


def sample_pages(sample: Sample) -> int:
    """Pages = every HTTP response downloaded (redirects and errors included), as the status counts add up."""
    return sum(sample.get("status", {}).values())


def format_elapsed(seconds: float) -> str:
    minutes, secs = divmod(int(max(seconds, 0)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def format_progress(sample: Sample, previous: Sample | None, elapsed: float) -> str:
    """The progress line: pages, items, pages/s over the last interval, errors, retries, elapsed.

    Without a previous sample the rate is taken since the start (t = 0).
    """
    pages = sample_pages(sample)
    before_pages = sample_pages(previous) if previous else 0
    span = sample.get("t", 0.0) - (previous.get("t", 0.0) if previous else 0.0)
    rate = (pages - before_pages) / span if span > 0 else 0.0
    return (f"pages {pages:,} | items {sample.get('items', 0):,} | {rate:.1f} pages/s | "
            f"errors {sample.get('errors', 0):,} | retries {sample.get('retries', 0):,} | "
            f"elapsed {format_elapsed(elapsed)}")


class Timeline:
    """Keeps at most ``limit`` samples at an even spacing, so memory stays bounded on long crawls.

    When full, every other sample is dropped and from then on only every ``stride``-th tick is
    kept, so old and new parts of the chart keep the same resolution.
    """

    def __init__(self, limit: int = MAX_SAMPLES) -> None:
        self.limit = max(limit, 4)
        self.samples: list[Sample] = []
        self.stride = 1
        self._ticks = 0

    def tick(self, sample: Sample) -> bool:
        """Offer a periodic sample; returns whether it was kept."""
        self._ticks += 1
        if self._ticks % self.stride:
            return False
        if len(self.samples) >= self.limit:
            self._thin()
            if self._ticks % self.stride:  # this tick is off the new, coarser grid
                return False
        self.samples.append(sample)
        return True

    def close(self, sample: Sample) -> None:
        """The final sample is always kept: it carries the run's totals. A run shorter than one
        interval has no periodic sample: it starts from the zeros of t = 0, so that its timeline
        still has a first and a last sample (the report drew none for it)."""
        if self.samples and self.samples[-1] == sample:
            return
        if not self.samples and sample.get("t", 0) > 0:
            self.samples.append({"t": 0.0, "status": {}, "items": 0, "errors": 0, "retries": 0})
        if len(self.samples) >= self.limit:
            self._thin()
        self.samples.append(sample)

    def _thin(self) -> None:
        # Samples sit on ticks stride, 2*stride, ...; the odd positions are the multiples of 2*stride.
        self.samples = self.samples[1::2]
        self.stride *= 2


class _ClearProgressLine(logging.Filter):
    """Clears the progress line before a log record reaches the same terminal, so they never mix."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def filter(self, record: logging.LogRecord) -> bool:
        self.stream.write(CLEAR_LINE)
        return True


class Progress:
    def __init__(self, stats: StatsCollector, interval: float, tty: bool, stream: TextIO,
                 max_samples: int = MAX_SAMPLES) -> None:
        self.stats = stats
        self.interval = interval
        self.tty = tty
        self.stream = stream
        self.timeline = Timeline(max_samples)
        self.previous: Sample | None = None
        self.started = time.monotonic()
        self.task: Any = None
        self._filters: list[tuple[logging.Handler, logging.Filter]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("IPGIRL_PROGRESS_ENABLED", True):
            raise NotConfigured("IPGIRL_PROGRESS_ENABLED is off")
        tty = sys.stderr.isatty()
        interval = settings.getfloat("IPGIRL_PROGRESS_INTERVAL", TTY_INTERVAL if tty else PLAIN_INTERVAL)
        if interval <= 0:
            raise NotConfigured("IPGIRL_PROGRESS_INTERVAL must be > 0")
        assert crawler.stats is not None
        extension = cls(crawler.stats, interval, tty, sys.stderr,
                        settings.getint("IPGIRL_PROGRESS_MAX_SAMPLES", MAX_SAMPLES))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        if self.tty:
            self._install_log_filters()
        self.task = create_looping_call(self.update)
        # now=False: a sample of zeros at t=0 says nothing; the first one comes after one interval.
        self.task.start(self.interval, now=False)

    def update(self) -> Sample:
        sample = take_sample(self.stats.get_stats(), time.monotonic() - self.started)
        self.timeline.tick(sample)
        # Set every time: thinning replaces the list object the stats would otherwise keep.
        self.stats.set_value(TIMELINE_KEY, self.timeline.samples)
        self._show(sample)
        self.previous = sample
        return sample

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        sample = take_sample(self.stats.get_stats(), time.monotonic() - self.started)
        self.timeline.close(sample)
        self.stats.set_value(TIMELINE_KEY, self.timeline.samples)
        self._show(sample)
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
        self._remove_log_filters()

    def _show(self, sample: Sample) -> None:
        line = format_progress(sample, self.previous, sample["t"])
        if self.tty:
            self.stream.write(f"{CLEAR_LINE}{line}")
            self.stream.flush()
        else:
            logger.info("Progress: %s", line)

    def _install_log_filters(self) -> None:
        # Scrapy logs to stderr unless LOG_FILE is set; a record printed after our unterminated
        # line would be glued to it. Handlers writing elsewhere (a log file) are left alone.
        for handler in logging.getLogger().handlers:
            if getattr(handler, "stream", None) is self.stream:
                log_filter = _ClearProgressLine(self.stream)
                handler.addFilter(log_filter)
                self._filters.append((handler, log_filter))

    def _remove_log_filters(self) -> None:
        for handler, log_filter in self._filters:
            handler.removeFilter(log_filter)
        self._filters.clear()
