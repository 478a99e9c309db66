"""Log lines that never carry page data wholesale: a dropped item is named by its URL, not dumped."""
from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult

from ipgirl_crawler.logs.safe import safe_for_log


class SafeLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Response | None, spider: Spider) -> LogFormatterResult:
        level = getattr(exception, "log_level", None) or spider.crawler.settings["DEFAULT_DROPITEM_LOG_LEVEL"]
        return {"level": getattr(logging, level.upper(), logging.WARNING) if isinstance(level, str) else level,
                "msg": "Dropped: %(reason)s", "args": {"reason": safe_for_log(exception, 300)}}
