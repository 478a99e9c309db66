"""``scrapy crawl`` that refuses a bad configuration in one line, before starting anything."""
from __future__ import annotations

import argparse
import logging
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from ipgirl_crawler import distributed, settings as project_settings
from ipgirl_crawler.config import ConfigurationError, CrawlConfig
from ipgirl_crawler.feeds import lock_site_state
from ipgirl_crawler.state import StateLocked

EXIT_CONFIG_ERROR = 2
EXIT_LOCKED = 75


class Command(ScrapyCrawlCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """``-o``/``-O FILE`` write to FILE instead of the run files under ``IPGIRL_DATA_DIR``
        (Scrapy would write both): asking for a file means wanting the items there."""
        super().process_options(args, opts)
        if opts.output or opts.overwrite_output:
            feeds = {uri: options for uri, options in self.settings.getdict("FEEDS").items()
                     if uri not in project_settings.FEEDS}
            self.settings.set("FEEDS", feeds, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        spargs = getattr(opts, "spargs", {}) or {}
        try:
            config = CrawlConfig.from_arguments(self.settings, spargs.get("base_url"), spargs.get("languages"),
                                                spargs.get("full"))
            distributed.check_configuration(self.settings)
        except ConfigurationError as error:
            print(f"ipgirl: configuration error: {error}", file=sys.stderr)
            self.exitcode = EXIT_CONFIG_ERROR
            return
        try:
            lock = lock_site_state(self.settings, config.base_url)
        except StateLocked as error:
            print(f"ipgirl: {error}; not starting", file=sys.stderr)
            self.exitcode = EXIT_LOCKED
            return
        if self.settings.getbool("LOG_ENABLED"):
            # Scrapy filters in its log handler and leaves the root logger at NOTSET, so the two
            # DEBUG lines of every page ("Crawled", "Scraped") are built as records all the same.
            logging.root.setLevel(self.settings.get("LOG_LEVEL"))
        try:
            super().run(args, opts)
        finally:
            if lock is not None:
                lock.release()
        if distributed.enabled(self.settings):  # a worker whose part of the job is not sound says so
            self.exitcode = self.exitcode or distributed.coordinator.exit_status()
