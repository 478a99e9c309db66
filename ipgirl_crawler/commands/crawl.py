"""``scrapy crawl`` that refuses a bad configuration in one line, before starting anything."""
from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from ipgirl_crawler.config import ConfigurationError, CrawlConfig

EXIT_CONFIG_ERROR = 2


class Command(ScrapyCrawlCommand):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        spargs = getattr(opts, "spargs", {}) or {}
        try:
            CrawlConfig.from_arguments(self.settings, spargs.get("base_url"), spargs.get("languages"))
        except ConfigurationError as error:
            print(f"ipgirl: configuration error: {error}", file=sys.stderr)
            self.exitcode = EXIT_CONFIG_ERROR
            return
        super().run(args, opts)
