"""The run's WARC archive: full crawls with the archive on and off on the same site, alternating
(ABBA), articles/s of each (goal: on/off ≥ 0.95) and archive bytes per article; then the
archive replayed (``-a replay=…``, every pipeline, no request to the site), articles/s."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.bench.crawl import CrawlRun, crawl
from tests.bench.report import Row
from tests.bench.site import ServedSite
from tests.bench.throughput import best

MODES = {"archive on": (), "archive off": ("-s", "IPGIRL_ARCHIVE=0")}


def archive_bytes(run: CrawlRun) -> int:
    data = run.output.parent / "data" if run.output else None
    return sum(p.stat().st_size for p in data.glob("archive/run_date=*/*.warc.gz")) if data else 0


def measure(site: ServedSite, work: Path, repeat: int) -> tuple[list[Row], dict[str, Any]]:
    runs: dict[str, list[CrawlRun]] = {mode: [] for mode in MODES}
    for round_ in range(max(2, repeat)):
        for mode in list(MODES) if round_ % 2 == 0 else list(MODES)[::-1]:
            folder = work / f"{mode.replace(' ', '-')}-{round_}"
            run = crawl("ipgirl", site.base_url, folder, *MODES[mode], server_pid=site.pid)
            print(f"  {mode}: " + run.summary(), flush=True)
            runs[mode].append(run)
    on, off = best(runs["archive on"]), best(runs["archive off"])
    ratio = on.articles_per_second / off.articles_per_second if off.articles_per_second else None
    size = archive_bytes(on)
    archive = on.output.parent / "data" / "archive"
    replay = crawl("ipgirl", site.base_url, work / "replay", "-a", f"replay={archive}/run_date=*/*.warc.gz",
                   server_pid=site.pid)
    print("  replay: " + replay.summary(), flush=True)
    n = site.n_articles
    rows = [
        Row(f"full crawl, archive on, articles/s ({n} articles)", on.articles_per_second, "/s"),
        Row(f"full crawl, archive off, articles/s ({n} articles)", off.articles_per_second, "/s"),
        Row("archive on/off articles/s", ratio, "", ">=", 0.95),
        Row("archive KiB per article (gzip WARC, request + response)", size / 1024 / on.article_pages if on.article_pages else None,
            " KiB"),
        Row("crawl process CPU ms/article, archive on / off", on.cpu_ms_per_article, " ms",
            note=f"off: {off.cpu_ms_per_article:.2f} ms"),
        Row(f"replay of the archive articles/s ({replay.article_pages} articles)", replay.articles_per_second, "/s",
            note="every pipeline; the site is not asked"),
    ]
    details = {"runs": {mode: [{"articles_per_second": r.articles_per_second, "cpu_ms_per_article": r.cpu_ms_per_article,
                                "returncode": r.returncode} for r in mode_runs] for mode, mode_runs in runs.items()},
               "archive_bytes": size, "replay_articles_per_second": replay.articles_per_second,
               "replay_returncode": replay.returncode}
    return rows, details
