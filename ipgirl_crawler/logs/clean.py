"""Every log handler of the process drops control and bidi characters from what it writes
(``ipgirl_crawler.logs.safe.CleanLogRecords``): a last guard behind ``safe_for_log``."""
from __future__ import annotations

import logging

from scrapy.crawler import Crawler

from ipgirl_crawler.logs.safe import CleanLogRecords


class CleanLog:
    def __init__(self) -> None:
        self.filter = CleanLogRecords()
        for handler in logging.getLogger().handlers:
            if not any(isinstance(f, CleanLogRecords) for f in handler.filters):
                handler.addFilter(self.filter)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanLog:
        return cls()
