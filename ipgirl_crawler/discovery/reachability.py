"""Whether the site answers at all, and saying so in one line.

A ``base_url`` where nothing listens used to cost 15 s, ten "failed after retries" lines and two
tracebacks (Scrapy's robots.txt middleware logs the connection error it met with ``exc_info``),
and the summary never said why. The crawl's first request, the origin probe, now decides: when it
fails at the connection level (refused, no such host, timed out) after its retries, the run stops
at start (finish reason ``site_unreachable``) and the monitors name what happened where
("connection refused at http://127.0.0.1:18899", stat ``ipgirl/origin/unreachable``).
"""
from __future__ import annotations

import logging

from scrapy import exceptions as scrapy_errors
from twisted.internet import error as twisted_errors

UNREACHABLE_STAT = "ipgirl/origin/unreachable"
UNREACHABLE_REASON = "site_unreachable"
ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"

# Connection-level errors, as Scrapy 2.19 raises them and as Twisted does under them.
_WHAT = (
    ((scrapy_errors.DownloadConnectionRefusedError, twisted_errors.ConnectionRefusedError), "connection refused"),
    ((scrapy_errors.CannotResolveHostError, twisted_errors.DNSLookupError), "host name not found"),
    ((scrapy_errors.DownloadTimeoutError, twisted_errors.TimeoutError, twisted_errors.TCPTimedOutError),
     "connection timed out"),
)


def unreachable(error: BaseException) -> str | None:
    """What a connection-level ``error`` says of the site ("connection refused"), else None."""
    for kinds, what in _WHAT:
        if isinstance(error, kinds) or isinstance(error.__cause__, kinds):
            return what
    return None


class NoTracebackForNetworkErrors(logging.Filter):
    """Scrapy's robots.txt middleware logs a connection error with its traceback, after the retry
    middleware has logged the same error in one line: the traceback says nothing more."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None and unreachable(record.exc_info[1]):
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_robots_network_errors() -> None:
    robots = logging.getLogger(ROBOTS_LOGGER)
    if not any(isinstance(f, NoTracebackForNetworkErrors) for f in robots.filters):
        robots.addFilter(NoTracebackForNetworkErrors())
