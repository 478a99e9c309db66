"""``ipgirl-crawl``: the cron entry point.

Takes the same ``-a NAME=VALUE`` and ``-s NAME=VALUE`` as ``scrapy crawl ipgirl``, holds the
state directory's lock for the whole run, and exits 0 when the run is healthy (every monitor
passed), 1 when it is not, 2 on a configuration error and 75 (EX_TEMPFAIL) when another
run holds the state directory.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from ipgirl_crawler.monitoring.dead_links import DEAD_LINKS_STAT
from ipgirl_crawler.monitoring.verify_monitor import accuracy_line
from ipgirl_crawler.output.files import parse_umask
from ipgirl_crawler.preflight.checks import check_run
from ipgirl_crawler.run.config import ConfigurationError
from ipgirl_crawler.run.exit_status import EXIT_CONFIG, EXIT_HEALTHY, EXIT_LOCKED, EXIT_UNHEALTHY
from ipgirl_crawler.run.finish import FAILED_KEY
from ipgirl_crawler.run.plugins import RunHooks
from ipgirl_crawler.run.state import StateLocked, lock_site_state


def _pairs(values: list[str], flag: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name:
            raise ConfigurationError(f"{flag} takes NAME=VALUE, got {value!r}")
        pairs[name] = text
    return pairs


def build_settings(overrides: dict[str, str]) -> Settings:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "ipgirl_crawler.settings")
    settings = get_project_settings()
    settings.setdict(overrides, priority="cmdline")
    return settings


def apply_umask(settings: Settings) -> None:
    """The cron entry point's files are not world-readable: umask ``IPGIRL_UMASK`` (027 by default)."""
    try:
        os.umask(parse_umask(settings.get("IPGIRL_UMASK")))
    except ValueError as error:
        raise ConfigurationError(str(error)) from None


def summary(stats: dict[str, Any], healthy: bool) -> str:
    failed = stats.get(FAILED_KEY) or []
    elapsed = stats.get("elapsed_time_seconds", 0) or 0
    line = (f"ipgirl-crawl: {'healthy' if healthy else 'UNHEALTHY'}: {stats.get('item_scraped_count', 0)} items, "
            f"{stats.get('response_received_count', 0)} responses, "
            f"{stats.get('ipgirl/discovery/unchanged_304', 0) + stats.get('ipgirl/incremental/unchanged', 0)} unchanged, "
            f"{sum(v for k, v in stats.items() if k.startswith('ipgirl/failures/') and isinstance(v, int))} failed, "
            f"{stats.get(DEAD_LINKS_STAT, 0)} dead links, "
            f"{elapsed:.0f}s, finish reason {stats.get('finish_reason')}")
    return line + f"; {accuracy_line(stats)}" + (f"; monitors failed: {'; '.join(failed)}" if failed else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ipgirl-crawl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-a", dest="spider_args", action="append", default=[], metavar="NAME=VALUE",
                        help="spider argument (base_url, languages, full, replay)")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="setting override (IPGIRL_STATE_DIR, IPGIRL_DATA_DIR, …)")
    args = parser.parse_args(argv)
    try:
        spider_args = _pairs(args.spider_args, "-a")
        settings = build_settings(_pairs(args.settings, "-s"))
        apply_umask(settings)
        config = check_run(settings, spider_args)
    except ConfigurationError as error:
        print(f"ipgirl-crawl: configuration error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    try:
        lock = lock_site_state(settings, config.base_url)
    except StateLocked as error:
        print(f"ipgirl-crawl: {error}; not starting", file=sys.stderr)
        return EXIT_LOCKED
    try:
        process = CrawlerProcess(settings)
        crawler = process.create_crawler("ipgirl")
        process.crawl(crawler, **spider_args)
        process.start()
        # A crawl that failed to start has no stats (Scrapy makes them once the spider exists).
        stats = crawler.stats.get_stats() if getattr(crawler, "_stats", None) is not None else {}
    finally:
        if lock is not None:
            lock.release()
    healthy = stats.get("finish_reason") == "finished" and not stats.get(FAILED_KEY)
    print(summary(stats, healthy), file=sys.stderr)
    # A plug-in's verdict: a distributed worker's part, and the job's health as it saw it leave.
    sound, lines = RunHooks.of(crawler).verdict()
    for line in lines:
        print(f"ipgirl-crawl: {line}", file=sys.stderr)
    return EXIT_HEALTHY if healthy and sound else EXIT_UNHEALTHY


if __name__ == "__main__":
    raise SystemExit(main())
