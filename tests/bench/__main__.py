"""``python -m tests.bench``: see ``tests/bench/__init__.py``."""
from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.bench import __doc__ as bench_doc
from tests.bench import archive, distributed, extraction, memory, profile, realpages, throughput
from tests.bench.report import Row, table, write_json
from tests.bench.site import ServedSite
from tests.support.crawl_check import ROOT

OUT_DIR = ROOT / "data" / "bench"
STEPS = ("throughput", "archive", "distributed", "extraction", "realpages", "memory", "profile")
# --quick, the README's smoke run of under a minute: one round of the three crawls on a small site
# and a small per-page sample. The other steps took it to 238 s (archive 2 crawls and a replay,
# realpages 118 pages x 3 with trafilatura, the profile); --only runs any of them alone.
QUICK_STEPS = ("throughput", "extraction")
# The sizes (23): full/bare and peak memory at 1,000 and 3,000 articles; 20,000 with --large.
DEFAULT_SIZES = "1000,3000"
SEED = 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=bench_doc)
    parser.add_argument("--articles", default=None,
                        help="site sizes for throughput, comma-separated, each served fresh (default 1000,3000; "
                             "150 with --quick); the other steps share the first one's site")
    parser.add_argument("--large", type=int, default=0,
                        help="also one full+bare round on a site this large (20000: about 10 min on 2 cores)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run of under a minute: throughput (150 articles, 1 round) and a 30-page sample; "
                             "writes data/bench/results-quick.json")
    parser.add_argument("--only", choices=STEPS, help="run one step")
    parser.add_argument("--repeat", type=int, default=None, help="full+bare crawl rounds (default 2; 1 with --quick)")
    parser.add_argument("--sample", type=int, default=None, help="article pages for the per-page step (default 300)")
    parser.add_argument("--reps", type=int, default=None, help="timed passes over the sample (default 5)")
    memory_group = parser.add_mutually_exclusive_group()
    memory_group.add_argument("--memory", action="store_true", help="run the memory step even with --quick")
    memory_group.add_argument("--no-memory", action="store_true", help="skip the (long) memory step")
    parser.add_argument("--memory-sizes", default="5000,20000", help="small,large site sizes of the memory step")
    parser.add_argument("--memory-bare", action="store_true",
                        help="in the memory step, crawl each site with the bare spider too (about +60%% time)")
    args = parser.parse_args(argv)
    sizes = tuple(int(n) for n in str(args.articles or ("150" if args.quick else DEFAULT_SIZES)).split(","))
    args.articles = sizes[0]
    args.sizes = sizes + ((args.large,) if args.large and args.large not in sizes else ())
    args.repeat = args.repeat or (1 if args.quick else 2)
    args.sample = args.sample or (30 if args.quick else 300)
    args.reps = args.reps or (1 if args.quick else 5)
    small, large = (int(n) for n in args.memory_sizes.split(","))
    args.memory_sizes = (small, large)
    return args


def wanted(args: argparse.Namespace, step: str) -> bool:
    if args.only:
        return bool(args.only == step)
    if args.quick and step not in QUICK_STEPS:
        return bool(step == "memory" and args.memory)
    if step == "memory":
        return bool(args.memory or not (args.quick or args.no_memory))
    return True


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work, self.logs = args, work, OUT_DIR / "logs"
        self.rows: list[Row] = []
        self.details: dict[str, Any] = {"seconds": {}}
        self.pages: list[extraction.Page] = []
        self.base_url = ""

    def timed(self, name: str, step: Callable[[], None]) -> None:
        print(f"\n== {name} ==", flush=True)
        started = time.monotonic()
        step()
        seconds = time.monotonic() - started
        self.details["seconds"][name] = round(seconds, 1)
        print(f"   ({name}: {seconds:.0f}s)", flush=True)

    def with_site(self) -> None:
        """The steps that share one site server: throughput, then the per-page sample and profile."""
        with ServedSite(self.args.articles, SEED, self.work / "site") as site:
            print(f"site: {site.n_articles} articles at {site.base_url} (pid {site.pid}, "
                  f"started in {site.startup_seconds:.1f}s)", flush=True)
            self.base_url = site.base_url
            if wanted(self.args, "throughput"):
                self.timed("throughput", lambda: self.throughput(site))
            if wanted(self.args, "archive"):
                self.timed("archive", lambda: self.archive(site))
            if wanted(self.args, "distributed") and not self.args.quick:
                self.timed("distributed", lambda: self.distributed(site))
            if wanted(self.args, "extraction") or wanted(self.args, "profile"):
                self.pages = extraction.fetch_sample(site.expected_items(), self.args.sample)
                print(f"\nsample: {len(self.pages)} article pages, "
                      f"{sum(len(p.body) for p in self.pages) / len(self.pages) / 1024:.0f} KiB on average")
        if wanted(self.args, "extraction"):
            self.timed("extraction", self.extraction)

    def throughput(self, site: ServedSite) -> None:
        # the large site once: its two crawls take most of the time
        repeat = 1 if site.n_articles == self.args.large else self.args.repeat
        rows, details = throughput.measure(site, self.work / "crawls", self.logs, repeat)
        self.rows += rows
        self.details.setdefault("throughput", {})[str(site.n_articles)] = details

    def other_sizes(self) -> None:
        """Throughput on each further site size, each its own site, served fresh and stopped after."""
        for n in self.args.sizes[1:]:
            with ServedSite(n, SEED, self.work / f"site-{n}") as site:
                print(f"\nsite: {n} articles at {site.base_url} (started in {site.startup_seconds:.1f}s)", flush=True)
                self.timed(f"throughput {n}", lambda site=site: self.throughput(site))

    def archive(self, site: ServedSite) -> None:
        rows, details = archive.measure(site, self.work / "archive", self.args.repeat)
        self.rows += rows
        self.details["archive"] = details

    def distributed(self, site: ServedSite) -> None:
        rows, details = distributed.measure(site, self.work / "distributed")
        self.rows += rows
        self.details["distributed"] = details

    def extraction(self) -> None:
        extractor = extraction.Extractor(self.base_url)
        items = extraction.check_outputs(extractor, self.pages)
        print(f"  {items} items from {len(self.pages)} article pages")
        timings = extraction.measure(self.pages, self.base_url, self.args.reps)
        self.rows += extraction.rows(timings)
        self.details["extraction"] = {"pages": len(self.pages), "items": items,
                                      **{k: vars(v) if v else None for k, v in timings.items()}}

    def realpages(self) -> None:
        rows, details = realpages.measure(self.args.reps)
        self.rows += rows
        self.details["realpages"] = details

    def memory(self) -> None:
        rows, details = memory.measure(self.args.memory_sizes, SEED, self.work, self.logs, self.args.memory_bare)
        self.rows += rows
        self.details["memory"] = details

    def profile(self) -> None:
        passes = 1 if self.args.quick else 3
        self.details["profile"] = profile.report(extraction.Extractor(self.base_url), self.pages, OUT_DIR, passes)

    def run(self) -> None:
        if any(wanted(self.args, step) for step in ("throughput", "archive", "distributed", "extraction", "profile")):
            self.with_site()
        if wanted(self.args, "throughput"):
            self.other_sizes()
        if wanted(self.args, "realpages"):
            self.timed("realpages", self.realpages)
        if wanted(self.args, "memory"):
            self.timed("memory", self.memory)
        elif not self.args.only:
            print("\n(memory step skipped: run with --memory, or without --quick)")
        if wanted(self.args, "profile"):
            self.timed("profile", self.profile)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ipgirl-bench-") as work:
        bench = Bench(args, Path(work))
        bench.run()
    bench.details["seconds"]["total"] = round(time.monotonic() - started, 1)
    print("\n== results ==")
    print(table(bench.rows))
    path = OUT_DIR / ("results-quick.json" if args.quick else "results.json")  # a smoke run keeps the full figures
    write_json(path, bench.rows, bench.details, {k: v for k, v in vars(args).items()})
    print(f"\n{path.relative_to(ROOT)} written; step durations (s): {bench.details['seconds']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
