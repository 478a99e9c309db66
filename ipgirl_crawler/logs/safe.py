"""Values logged from page data or settings: one printable line, no password.

The characters that are not text (controls, bidi overrides) are those of ``pages/text.py``.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from ipgirl_crawler.pages.text import CONTROL, CONTROLS, WHITESPACE


def safe_for_log(value: object, limit: int = 200) -> str:
    """A single printable line, so page data cannot forge, colour or reorder log lines."""
    text = WHITESPACE.sub(" ", CONTROL.sub("?", str(value)))
    return text if len(text) <= limit else text[:limit] + "…"


class CleanLogRecords:
    """A logging filter: a record whose message holds a control or bidi character (from page
    data that reached a log call unescaped, or a library's message) has them replaced by ``?``;
    line breaks are kept (stats dumps, tracebacks), since page data is logged through
    ``safe_for_log``."""

    _LOG_CONTROL = re.compile(f"[\\r{CONTROLS}]")  # a CR alone would let a line overwrite itself

    def filter(self, record: object) -> bool:
        message = record.getMessage()  # type: ignore[attr-defined]
        if self._LOG_CONTROL.search(message):
            record.msg, record.args = self._LOG_CONTROL.sub("?", message), None  # type: ignore[attr-defined]
        return True


def redacted(url: str) -> str:
    """``url`` without its password (or user:password): safe for logs, stats and files."""
    parts = urlsplit(url)
    if parts.password is None and "@" not in parts.netloc:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = parts.username if parts.password is not None and parts.username else ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}" if user else f"***@{host}", parts.path, parts.query, ""))
