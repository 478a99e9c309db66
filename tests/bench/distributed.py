"""Distributed mode: 1 and 2 workers sharing one real Redis, against the plain crawl of the same
site in the same run; and the largest number of requests a slower site (50 ms an answer) sees
at once from 1 and from 3 workers with the default politeness (the job's shared budget)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tests.bench.crawl import CrawlRun, crawl
from tests.bench.report import Row
from tests.bench.site import ServedSite
from tests.localsite.server import LocalSite
from tests.support.redis_server import redis_server

CONCURRENCY_SITE_ARTICLES = 150


def _workers(site: ServedSite | LocalSite, work: Path, redis_url: str, count: int, server_pid: int = 0) -> list[CrawlRun]:
    runs: list[CrawlRun | None] = [None] * count

    def one(index: int) -> None:
        runs[index] = crawl("ipgirl", site.base_url, work / f"w{count}-{index}", "-s", f"IPGIRL_REDIS_URL={redis_url}",
                            server_pid=server_pid)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [run for run in runs if run is not None]


def articles_per_second(runs: list[CrawlRun]) -> float:
    """Articles of all workers over the time until the last one finished."""
    longest = max(run.elapsed_seconds for run in runs)
    return sum(run.article_pages for run in runs) / longest if longest else 0.0


def peak_concurrency(work: Path, count: int) -> int:
    """The most requests the site answered at once while ``count`` workers crawled it."""
    work.mkdir(parents=True, exist_ok=True)
    with redis_server(work) as redis_url, LocalSite(n_articles=CONCURRENCY_SITE_ARTICLES, seed=7, keep_log=False) as site:
        site.set_latency(0.05)
        runs = _workers(site, work / "concurrency", redis_url, count)
        assert all(run.ok for run in runs), [run.summary() for run in runs]
        return site.max_in_flight


def measure(site: ServedSite, work: Path) -> tuple[list[Row], dict[str, Any]]:
    plain = crawl("ipgirl", site.base_url, work / "plain", server_pid=site.pid)
    with redis_server(work) as redis_url:
        one = _workers(site, work, redis_url, 1, site.pid)
        two = _workers(site, work, redis_url, 2, site.pid)
    rates = {"plain": plain.articles_per_second, "one": articles_per_second(one), "two": articles_per_second(two)}
    for name, runs in (("plain", [plain]), ("1 worker", one), ("2 workers", two)):
        print(f"  {name}: " + "; ".join(run.summary() for run in runs), flush=True)
    peaks = {count: peak_concurrency(work, count) for count in (1, 3)}
    rows = [
        Row("1 worker on Redis articles/s", rates["one"], "/s"),
        Row("2 workers on Redis articles/s (together)", rates["two"], "/s"),
        Row("2 workers / 1 worker", rates["two"] / rates["one"] if rates["one"] else None),
        Row("1 worker on Redis / plain crawl", rates["one"] / rates["plain"] if rates["plain"] else None, op=">=",
            target=0.9, note="the reliable queue costs at most 10 %"),
        Row("2 workers / plain crawl", rates["two"] / rates["plain"] if rates["plain"] else None,
            note="on 2 cores shared with the site server, a second worker adds little; across machines it scales"),
        Row("site's peak concurrent requests, 1 worker (50 ms site)", peaks[1]),
        Row("site's peak concurrent requests, 3 workers (50 ms site)", peaks[3], op="<=", target=8,
            note="one budget for the job: CONCURRENT_REQUESTS_PER_DOMAIN"),
    ]
    emitted = [run.article_pages for run in two]
    return rows, {"rates": rates, "two_worker_split": emitted, "peak_concurrency": peaks}
