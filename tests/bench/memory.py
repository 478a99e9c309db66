"""Memory growth: peak RSS of full crawls of a small and a large site, each served fresh.

With ``bare=True`` the bare spider crawls each site too (after the full crawl, same server), which
tells growth in discovery and scheduling from growth in extraction, items and pipelines."""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

from tests.bench.crawl import CrawlRun, crawl
from tests.bench.report import Row
from tests.bench.site import ServedSite

DEFAULT_SIZES = (5_000, 20_000)
FULL, BARE = "ipgirl", "ipgirl_bare"


def crawl_site(n_articles: int, seed: int, spiders: tuple[str, ...], work: Path,
               logs: Path) -> tuple[dict[str, CrawlRun], float]:
    """({spider: its crawl of a fresh ``n_articles`` site}, the seconds the server took to start)."""
    runs: dict[str, CrawlRun] = {}
    with ServedSite(n_articles, seed, work / f"site-{n_articles}", prerender=False) as site:
        for spider in spiders:
            folder = work / f"memory-{spider}-{n_articles}"
            runs[spider] = crawl(spider, site.base_url, folder, timeout=3 * 3600, server_pid=site.pid)
            if (folder / "crawl.log").exists():
                logs.mkdir(parents=True, exist_ok=True)
                shutil.copy(folder / "crawl.log", logs / f"memory-{spider}-{n_articles}.log")
            shutil.rmtree(folder, ignore_errors=True)  # items can be hundreds of MB
    return runs, site.startup_seconds


def _details(run: CrawlRun, startup: float) -> dict[str, Any]:
    return {"peak_rss_mb": run.peak_rss_mb, "peak_rss_tree_mb": run.peak_rss_tree_mb, "wall_seconds": run.wall_seconds, "elapsed_seconds": run.elapsed_seconds,
            "cpu_seconds": run.cpu_seconds, "article_pages": run.article_pages,
            "articles_per_second": run.articles_per_second, "returncode": run.returncode,
            "site_startup_seconds": startup, "memusage_max_mb": run.stats.get("memusage/max", 0) / 2**20}


def measure(sizes: tuple[int, int], seed: int, work: Path, logs: Path,
            bare: bool = False) -> tuple[list[Row], dict[str, Any]]:
    small, large = sizes
    spiders = (FULL, BARE) if bare else (FULL,)
    details: dict[str, Any] = {}
    runs: dict[int, dict[str, CrawlRun]] = {}
    for n in (small, large):
        started = time.monotonic()
        runs[n], startup = crawl_site(n, seed, spiders, work, logs)
        for spider, run in runs[n].items():
            print(f"  {n} articles: {run.summary()}", flush=True)
            details[f"{spider}-{n}"] = _details(run, startup)
        print(f"  ({n} articles: site start {startup:.0f}s, whole step {time.monotonic() - started:.0f}s)", flush=True)
    rows = []
    for spider in spiders:
        what = "full crawl" if spider == FULL else "bare spider"
        low, high = runs[small][spider], runs[large][spider]
        for n, run in ((small, low), (large, high)):
            rows.append(Row(f"{what} peak RSS ({n} articles)", run.peak_rss_mb, " MiB",
                            note="" if run.ok else f"crawl exit {run.returncode}"))
            if run.workers.peak_kb:
                rows.append(Row(f"{what} peak RSS with its workers ({n} articles)", run.peak_rss_tree_mb, " MiB"))
        ratio = high.peak_rss_kb / low.peak_rss_kb if low.peak_rss_kb else None
        rows.append(Row(f"{what} peak RSS {large}/{small} articles (crawl process)", ratio, "x",
                        *(("<=", 1.2) if spider == FULL else ())))
        if low.workers.peak_kb:
            rows.append(Row(f"{what} peak RSS {large}/{small} articles (with workers)",
                            high.peak_rss_tree_mb / low.peak_rss_tree_mb, "x", "<=", 1.2))
    rows.append(Row(f"full crawl of {large} articles, wall time", runs[large][FULL].wall_seconds, " s"))
    return rows, details
