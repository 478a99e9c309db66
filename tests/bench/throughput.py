"""Full crawl against the bare spider (the project's discovery without extraction) and a plain
Scrapy spider (the same discovery in Scrapy alone) on the same local site: articles/s, CPU,
peak RSS, accuracy."""
from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

from tests.bench.crawl import CrawlRun, crawl
from tests.bench.report import Row
from tests.bench.site import ServedSite
from tests.support.crawl_check import read_jsonl, score

FULL, BARE, PLAIN = "ipgirl", "ipgirl_bare", "plain"
SPIDERS = (FULL, BARE, PLAIN)


def run_pairs(site: ServedSite, work: Path, logs: Path, repeat: int) -> dict[str, list[CrawlRun]]:
    """``repeat`` rounds, each a full and a bare crawl, alternating which goes first (ABBA),
    so a drift of the machine's load weighs on both alike."""
    runs: dict[str, list[CrawlRun]] = {spider: [] for spider in SPIDERS}
    for round_ in range(repeat):
        for spider in SPIDERS if round_ % 2 == 0 else SPIDERS[::-1]:
            run = crawl(spider, site.base_url, work / f"{spider}-{round_}", server_pid=site.pid)
            print("  " + run.summary(), flush=True)
            if run.log and run.log.exists():
                logs.mkdir(parents=True, exist_ok=True)
                shutil.copy(run.log, logs / f"{spider}-{site.n_articles}-{round_}.log")
            runs[spider].append(run)
    return runs


def best(runs: list[CrawlRun]) -> CrawlRun:
    """The fastest good run: on a shared machine, noise only ever slows a run down."""
    good = [run for run in runs if run.ok] or runs
    return max(good, key=lambda run: run.articles_per_second)


def measure(site: ServedSite, work: Path, logs: Path, repeat: int) -> tuple[list[Row], dict[str, Any]]:
    runs = run_pairs(site, work, logs, repeat)
    full, bare, plain = best(runs[FULL]), best(runs[BARE]), best(runs[PLAIN])
    ratio = full.articles_per_second / bare.articles_per_second if bare.articles_per_second else None
    plain_ratio = full.articles_per_second / plain.articles_per_second if plain.articles_per_second else None
    items = read_jsonl(full.output) if full.output and full.output.exists() else []
    result = score(items, site.expected_items())
    print("  accuracy of the full crawl: " + result.summary().replace("\n", "\n  "))
    n = site.n_articles
    failed = [run.spider for spider_runs in runs.values() for run in spider_runs if not run.ok]
    rows = [
        Row(f"full crawl articles/s ({n} articles)", full.articles_per_second, "/s",
            note=f"crawl(s) failed: {failed}; see the logs" if failed else ""),
        Row(f"bare spider articles/s ({n} articles)", bare.articles_per_second, "/s"),
        Row(f"plain Scrapy spider articles/s ({n} articles)", plain.articles_per_second, "/s",
            note="Scrapy's defaults, no project code"),
        Row(f"full/bare articles/s ({n})", ratio, "", ">=", 0.95, note="issue 23: >= 0.95"),
        Row(f"full/plain Scrapy articles/s ({n})", plain_ratio, "", ">=", 0.8),
        Row(f"full crawl accuracy (article, field) ({n})", result.accuracy * 100, "%", ">=", 100.0,
            note=f"missing {len(result.missing)}, unexpected {len(result.unexpected)}, "
                 f"duplicates {len(result.duplicates)}, wrong {dict(result.wrong)}" if result.accuracy < 1 else ""),
        Row(f"full crawl CPU ms/article: crawl process ({n})", full.cpu_ms_per_article, " ms",
            note="user+system, start-up included"),
        Row(f"full crawl CPU ms/article: extraction workers ({n})", full.worker_cpu_ms_per_article, " ms"),
        Row(f"full crawl CPU ms/article: site server ({n})", full.server_cpu_ms_per_article, " ms"),
        Row(f"bare spider CPU ms/article: crawl process ({n})", bare.cpu_ms_per_article, " ms"),
        Row(f"bare spider CPU ms/article: site server ({n})", bare.server_cpu_ms_per_article, " ms"),
        Row(f"plain Scrapy spider CPU ms/article: crawl process ({n})", plain.cpu_ms_per_article, " ms"),
        Row(f"cross-checks CPU ms/article (crawl process + workers' statements) ({n})", checks_ms(full), " ms",
            note="ipgirl/verify/cpu_ms + ipgirl/verify/statements_cpu_us"),
        Row(f"cross-checks share of the full crawl's CPU an article ({n})", checks_share(full), "%", "<=", 5.0,
            note="of crawl process + extraction workers"),
        Row(f"full crawl cores busy (crawl + workers + server CPU / elapsed) ({n})", cores_busy(full), ""),
        Row(f"bare spider cores busy ({n})", cores_busy(bare), ""),
        Row(f"full crawl peak RSS ({n} articles)", full.peak_rss_mb, " MiB"),
        Row(f"full crawl peak RSS with its workers ({n} articles)", full.peak_rss_tree_mb, " MiB"),
        Row(f"bare spider peak RSS ({n} articles)", bare.peak_rss_mb, " MiB"),
    ]
    details = {
        "articles": n, "site_startup_seconds": site.startup_seconds,
        "runs": {spider: [_run_details(run) for run in spider_runs] for spider, spider_runs in runs.items()},
        "median_articles_per_second": {s: statistics.median(r.articles_per_second for r in rs) for s, rs in runs.items()},
        "accuracy": {"value": result.accuracy, "expected": result.expected, "emitted": result.emitted,
                     "missing": len(result.missing), "unexpected": len(result.unexpected),
                     "duplicates": len(result.duplicates), "wrong": dict(result.wrong)},
    }
    return rows, details


def checks_ms(run: CrawlRun) -> float | None:
    """The cross-checks' CPU an article: the crawl process's (teasers, records, the end-of-run
    checks: ``ipgirl/verify/cpu_ms``) and the workers' (the page's statements)."""
    if not run.article_pages or "ipgirl/verify/cpu_ms" not in run.stats:
        return None
    spent = run.stats["ipgirl/verify/cpu_ms"] + run.stats.get("ipgirl/verify/statements_cpu_us", 0) / 1000
    return spent / run.article_pages


def checks_share(run: CrawlRun) -> float | None:
    """The cross-checks' CPU as a percentage of the crawl's (crawl process + workers) an article."""
    checks, whole = checks_ms(run), run.cpu_ms_per_article + run.worker_cpu_ms_per_article
    return 100 * checks / whole if checks is not None and whole else None


def cores_busy(run: CrawlRun) -> float | None:
    busy = run.cpu_seconds + run.workers.cpu_seconds + (run.server_cpu_seconds or 0.0)
    return busy / run.wall_seconds if run.wall_seconds else None


def _run_details(run: CrawlRun) -> dict[str, Any]:
    keys = ("elapsed_time_seconds", "item_scraped_count", "downloader/response_status_count/200",
            "ipgirl/discovery/articles_scheduled", "memusage/max", "log_count/ERROR", "log_count/WARNING",
            "ipgirl/verify/cpu_ms", "ipgirl/verify/statements_cpu_us")
    return {"returncode": run.returncode, "wall_seconds": run.wall_seconds, "elapsed_seconds": run.elapsed_seconds,
            "cpu_seconds": run.cpu_seconds, "cpu_ms_per_article": run.cpu_ms_per_article,
            "worker_cpu_seconds": run.workers.cpu_seconds, "server_cpu_seconds": run.server_cpu_seconds,
            "peak_rss_tree_mb": run.peak_rss_tree_mb,
            "article_pages": run.article_pages, "articles_per_second": run.articles_per_second,
            "peak_rss_mb": run.peak_rss_mb, "stats": {k: run.stats[k] for k in keys if k in run.stats}}
