"""Scrapy's own one-off commands (parse, shell, fetch, view, check) in this project.

They look at a page or two: no run of the crawl, so no state opened (``data/state/…`` untouched,
however a crawl beside them uses it), no run files, no feeds, extraction in the process.
"""
from __future__ import annotations

import argparse
from typing import Any

from ipgirl_crawler.run.config import CRAWL_RUN_SETTING

NOT_A_RUN: dict[str, Any] = {CRAWL_RUN_SETTING: False, "FEEDS": {}, "IPGIRL_EXTRACTION_WORKERS": 0}


class OneOffCommand:
    """Mixed in before Scrapy's command class. Set at command-line priority: the project's
    settings (the run-partitioned feed) rank above a command's ``default_settings``."""

    settings: Any

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)  # type: ignore[misc]
        self.settings.setdict(NOT_A_RUN, priority="cmdline")
