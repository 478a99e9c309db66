"""End of a run: monitors evaluated, state closed, and the run's stats file and manifest written
next to its output (``articles/run_date=…/<run_id>.stats.json`` and ``.manifest.json``)."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from ipgirl_crawler.items import SCHEMA_VERSION
from ipgirl_crawler.monitoring.drift import HISTORY_KEY
from ipgirl_crawler.monitoring.history import evaluate_run
from ipgirl_crawler.monitoring.report import write_report
from ipgirl_crawler.monitoring.thresholds import monitor_thresholds
from ipgirl_crawler.monitoring.verify_monitor import estimate_stats
from ipgirl_crawler.output.files import BATCH_GLOB, sha256_of, write_json_atomically
from ipgirl_crawler.run import segments
from ipgirl_crawler.run.bounds import RUN_ENDED_REASONS
from ipgirl_crawler.run.records import KINDS
from ipgirl_crawler.run.state import CrawlState

logger = logging.getLogger(__name__)
FAILED_KEY = "ipgirl/monitors/failed"


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def site_of(state_dir: Path) -> str:
    """The site a state folder is (a distributed worker's slot ``worker-N`` is in the site's)."""
    return state_dir.parent.name if re.fullmatch(r"worker-\d+", state_dir.name) else state_dir.name


def manifest(data_dir: Path, run_id: str, run_date: str, stats: dict[str, Any]) -> dict[str, Any]:
    files = {}
    for kind in ("articles", *KINDS):
        for path in sorted((data_dir / kind / f"run_date={run_date}").glob(f"ipgirl-{run_id}-{BATCH_GLOB}")):
            files[str(path.relative_to(data_dir))] = {"kind": kind, "lines": count_lines(path), "sha256": sha256_of(path)}
    counts = {kind: sum(f["lines"] for f in files.values() if f["kind"] == kind) for kind in ("articles", *KINDS)}
    return {"run_id": run_id, "run_date": run_date, "schema_version": SCHEMA_VERSION, "counts": counts,
            "finish_reason": stats.get("finish_reason"), "monitors_failed": stats.get(FAILED_KEY, []), "files": files}


class RunMonitor:
    """Evaluates the monitors once everything is closed (feeds stored: a feed that failed to store
    fails the run), over the whole run's stats (all its segments), then writes the run files."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.thresholds = monitor_thresholds(crawler.settings)  # checked before the crawl starts
        crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunMonitor:
        return cls(crawler)

    def evaluate(self, stats: dict[str, Any], lost: str | None = None) -> None:
        """The monitors over the whole run's stats; the run joins the site's coverage history.
        ``lost``: why the run's state went away under it, which fails the run."""
        state = CrawlState.of(self.crawler)
        store, run_id = (state.store, state.run_id) if state is not None else (None, "")
        failed, history = evaluate_run(stats, self.thresholds, store, run_id)
        failed = [*failed, lost] if lost else failed
        self.crawler.stats.set_value(FAILED_KEY, failed)
        if history:
            self.crawler.stats.set_value(HISTORY_KEY, history)
        for message in failed:
            logger.error("Monitor failed: %s", message)
        if not failed:
            logger.info("All monitors passed")

    def engine_stopped(self) -> None:
        state = CrawlState.of(self.crawler)
        if state is None:  # not a crawl run (scrapy parse, shell, fetch): nothing to judge or write
            return
        whole = state.whole_run_stats(self.crawler.stats.get_stats())
        whole.update(estimate_stats(whole))  # of the whole run's counts: an estimate is no counter to add up
        self.crawler.stats.set_stats(whole)
        lost = state.store.lost()
        self.evaluate(whole, lost)
        stats = self.crawler.stats.get_stats()
        if stats.get("finish_reason") in RUN_ENDED_REASONS:  # else resumed by the next start
            state.store.finish_run(state.run_id, stats["finish_reason"])
        if lost is None:  # its folder may be gone too
            segments.save(state.store.dir, state.run_id, stats)
        data_dir = Path(self.crawler.settings.get("IPGIRL_DATA_DIR"))
        folder = data_dir / "articles" / f"run_date={state.run_date}"
        write_json_atomically(folder / f"{state.run_id}.stats.json", stats, data_dir)
        write_json_atomically(folder / f"{state.run_id}.manifest.json",
                              {**manifest(data_dir, state.run_id, state.run_date, stats), "site": site_of(state.store.dir),
                               **{key: value for part in state.manifest_parts for key, value in part(data_dir).items()}},
                              data_dir)
        try:
            write_report(data_dir, state.run_date, state.run_id)
        except Exception:  # the report is a view of the run; never let it fail the run itself
            logger.exception("Could not write the run report for %s", state.run_id)
        state.close()
