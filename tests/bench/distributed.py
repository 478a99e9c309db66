"""Distributed mode: 1 and 2 workers sharing one real Redis, against the plain crawl of the same site."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tests.bench.crawl import CrawlRun, crawl
from tests.bench.report import Row
from tests.bench.site import ServedSite
from tests.support.redis_server import redis_server


def _workers(site: ServedSite, work: Path, redis_url: str, count: int) -> list[CrawlRun]:
    runs: list[CrawlRun | None] = [None] * count

    def one(index: int) -> None:
        runs[index] = crawl("ipgirl", site.base_url, work / f"w{count}-{index}", "-s", f"IPGIRL_REDIS_URL={redis_url}",
                            server_pid=site.pid)

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


def measure(site: ServedSite, work: Path) -> tuple[list[Row], dict[str, Any]]:
    plain = crawl("ipgirl", site.base_url, work / "plain", server_pid=site.pid)
    with redis_server(work) as redis_url:
        one = _workers(site, work, redis_url, 1)
        two = _workers(site, work, redis_url, 2)
    rates = {"plain": plain.articles_per_second, "one": articles_per_second(one), "two": articles_per_second(two)}
    for name, runs in (("plain", [plain]), ("1 worker", one), ("2 workers", two)):
        print(f"  {name}: " + "; ".join(run.summary() for run in runs), flush=True)
    rows = [
        Row("1 worker on Redis articles/s", rates["one"], "/s"),
        Row("2 workers on Redis articles/s (together)", rates["two"], "/s"),
        Row("2 workers / 1 worker", rates["two"] / rates["one"] if rates["one"] else None),
        Row("1 worker on Redis / plain crawl", rates["one"] / rates["plain"] if rates["plain"] else None),
        Row("2 workers / plain crawl", rates["two"] / rates["plain"] if rates["plain"] else None,
            note="on 2 cores shared with the site server, a second worker adds little; across machines it scales"),
    ]
    emitted = [run.article_pages for run in two]
    return rows, {"rates": rates, "two_worker_split": emitted}
