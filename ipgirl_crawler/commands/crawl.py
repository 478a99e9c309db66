"""``scrapy crawl`` that refuses a bad configuration in one line, before starting anything."""
from __future__ import annotations

import argparse
import logging
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import Crawler

from ipgirl_crawler import settings as project_settings
from ipgirl_crawler.preflight.checks import check_run
from ipgirl_crawler.run.config import ConfigurationError
from ipgirl_crawler.run.exit_status import EXIT_CONFIG, EXIT_LOCKED, EXIT_UNHEALTHY
from ipgirl_crawler.run.finish import FAILED_KEY
from ipgirl_crawler.run.plugins import RunHooks
from ipgirl_crawler.run.state import StateLocked, lock_site_state
from ipgirl_crawler.workers.extraction import configured_workers, fork_server


class Command(ScrapyCrawlCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """``-o``/``-O FILE`` write to FILE instead of the run files under ``IPGIRL_DATA_DIR``
        (Scrapy would write both): asking for a file means wanting the items there."""
        super().process_options(args, opts)
        if opts.output or opts.overwrite_output:
            # -O overwrites even with nothing to write: an incremental run with no change leaves an
            # empty file, not the previous run's items.
            feeds = {uri: {**options, "store_empty": True} if options.get("overwrite") else options
                     for uri, options in self.settings.getdict("FEEDS").items() if uri not in project_settings.FEEDS}
            self.settings.set("FEEDS", feeds, priority="cmdline")
        try:
            # Checked here, before Scrapy starts its crawler process and logs its start-up lines:
            # the error is the only line on stderr.
            self.config = check_run(self.settings, getattr(opts, "spargs", {}) or {})
        except ConfigurationError as error:
            print(f"ipgirl: configuration error: {error}", file=sys.stderr)
            raise SystemExit(EXIT_CONFIG) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            lock = lock_site_state(self.settings, self.config.base_url)
        except StateLocked as error:
            print(f"ipgirl: {error}; not starting", file=sys.stderr)
            self.exitcode = EXIT_LOCKED
            return
        if self.settings.getbool("LOG_ENABLED"):
            # Scrapy filters in its log handler and leaves the root logger at NOTSET, so the two
            # DEBUG lines of every page ("Crawled", "Scraped") are built as records all the same.
            logging.root.setLevel(self.settings.get("LOG_LEVEL"))
        try:
            crawler = self._crawl(args, opts)
        finally:
            if lock is not None:
                lock.release()
        if crawler is not None and not RunHooks.of(crawler).verdict()[0]:  # a distributed worker's part not sound
            self.exitcode = self.exitcode or EXIT_UNHEALTHY

    def _crawl(self, args: list[str], opts: argparse.Namespace) -> Crawler | None:
        """Scrapy's ``crawl``, keeping the crawler: a run whose monitors failed (a feed not stored,
        a finish reason other than finished, ...) exits 1, as ``ipgirl-crawl`` does."""
        if len(args) != 1:
            super().run(args, opts)  # Scrapy's usage errors
            return None
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        if configured_workers(crawler.settings):  # the spider's own settings included
            fork_server()  # its imports and warm-up run on another core while Scrapy starts
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed or (crawler.stats and crawler.stats.get_value(FAILED_KEY)):
            self.exitcode = EXIT_UNHEALTHY
        return crawler

