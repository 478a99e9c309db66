"""Queue entries as plain JSON, and what a worker accepts back from Redis.

Anyone who can write to the job's keys can put an entry in its queue, so an entry is data, never
code: a JSON object (no pickle, no class names), read back only if it is something this spider
could have scheduled itself: a GET of an http(s) URL on the crawl's own origin, a callback among
the spider's ``parse_*`` methods, the spider's errback, and only the meta keys and headers the
spider and Scrapy's retry, redirect and depth middlewares put on a request, each of a plain type.
Anything else is refused with a reason (``Refused.why``), counted and logged by the caller.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scrapy import Request, Spider

from ipgirl_crawler.discovery.urls import same_origin

MAX_ENTRY_BYTES = 64 * 1024
CALLBACK_PREFIX = "parse_"
ERRBACKS = frozenset({"on_error"})
_ARTICLE_KEY = re.compile(r"^[a-z]{2}(?:-[a-z]{2,4})?:[0-9]{1,20}$")
_STR = (str,)
_INT = (int,)


def _short_str(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 4096


def _small_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and len(value) <= 50 and all(_short_str(v) for v in value)


# Meta keys a queued request may carry, each with the check of its value: the spider's own
# (article_key, lastmod, handle_httpstatus_list) and what Scrapy's depth, retry and redirect
# middlewares add before a request goes back to the queue. ``proxy``, ``download_slot``,
# ``dont_obey_robotstxt``, ``download_maxsize`` and the like are refused: they would let a
# writer of the queue change where or how the worker fetches.
META_CHECKS: dict[str, Callable[[Any], bool]] = {
    "article_key": lambda v: isinstance(v, str) and bool(_ARTICLE_KEY.match(v)),
    "lastmod": lambda v: v is None or (isinstance(v, str) and len(v) <= 64),
    "handle_httpstatus_list": lambda v: isinstance(v, list) and all(x in (304, 404, 410) for x in v),
    "depth": _small_int,
    "retry_times": _small_int,
    "redirect_times": _small_int,
    "redirect_ttl": _small_int,
    "redirect_urls": _str_list,
    "redirect_reasons": lambda v: isinstance(v, list) and len(v) <= 50 and all(_small_int(x) or _short_str(x) for x in v),
}
# Request headers kept: conditional requests of an incremental crawl, and the referer. The rest
# (User-Agent, Accept, ...) is the worker's own, set again by its middlewares.
HEADERS = {"if-none-match": "If-None-Match", "if-modified-since": "If-Modified-Since", "referer": "Referer"}


class Refused(ValueError):
    """An entry this spider could not have scheduled; ``why`` names the check that failed."""

    def __init__(self, why: str, detail: str = "") -> None:
        super().__init__(f"{why}: {detail}" if detail else why)
        self.why = why


@dataclass(frozen=True)
class Entry:
    """What the queue holds of a request, as plain data."""

    url: str
    callback: str | None
    errback: str | None
    priority: int
    dont_filter: bool
    meta: dict[str, Any]
    headers: dict[str, str]

    @property
    def article_key(self) -> str:
        return self.meta.get("article_key") or ""

    @property
    def score(self) -> float:
        """Its score in the queue's sorted set: higher priority first."""
        return -float(self.priority)


def _header_text(value: Any) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def entry_of(request: Request, callback: str | None, errback: str | None) -> Entry:
    """The entry of ``request``, its callbacks already named; meta and headers reduced to what
    the queue carries (a worker's own bookkeeping and Scrapy's per-download keys stay behind)."""
    meta = {k: v for k, v in request.meta.items() if k in META_CHECKS}
    headers = {}
    for name, values in request.headers.items():
        canonical = HEADERS.get(_header_text(name).lower())
        if canonical and values:
            headers[canonical] = _header_text(values[-1])
    return Entry(request.url, callback, errback, int(request.priority), bool(request.dont_filter), meta, headers)


def encode(entry: Entry) -> str:
    data = {"url": entry.url, "callback": entry.callback, "errback": entry.errback, "priority": entry.priority,
            "dont_filter": entry.dont_filter, "meta": entry.meta, "headers": entry.headers}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _checked_meta(meta: Any) -> dict[str, Any]:
    if not isinstance(meta, dict):
        raise Refused("meta", "not an object")
    for key, value in meta.items():
        check = META_CHECKS.get(key)
        if check is None:
            raise Refused("meta", f"key {key!r}")
        if not check(value):
            raise Refused("meta", f"value of {key!r}")
    return meta


def _checked_headers(headers: Any) -> dict[str, str]:
    if not isinstance(headers, dict):
        raise Refused("headers", "not an object")
    for name, value in headers.items():
        if name not in HEADERS.values() or not _short_str(value):
            raise Refused("headers", f"header {str(name)[:40]!r}")
    return headers


def _checked_callbacks(data: dict[str, Any], callbacks: frozenset[str]) -> tuple[str | None, str | None]:
    callback, errback = data.get("callback"), data.get("errback")
    if not isinstance(callback, str) or callback not in callbacks:
        raise Refused("callback", str(callback)[:60])
    if errback is not None and errback not in ERRBACKS:
        raise Refused("errback", str(errback)[:60])
    return callback, errback


def decode(raw: bytes | str | None, base_url: str, callbacks: frozenset[str]) -> Entry:
    """The entry stored as ``raw``, or ``Refused`` when it is not one this spider could have made."""
    if raw is None:
        raise Refused("missing")
    if len(raw) > MAX_ENTRY_BYTES:
        raise Refused("too_large")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise Refused("not_json") from None
    if not isinstance(data, dict) or set(data) - {"url", "callback", "errback", "priority", "dont_filter", "meta", "headers"}:
        raise Refused("shape")
    url = data.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or len(url) > 4096:
        raise Refused("url", str(url)[:80])
    if not same_origin(url, base_url):
        raise Refused("offsite", url[:80])
    callback, errback = _checked_callbacks(data, callbacks)
    priority, dont_filter = data.get("priority", 0), data.get("dont_filter", False)
    if not isinstance(priority, int) or isinstance(priority, bool) or abs(priority) > 1000 or not isinstance(dont_filter, bool):
        raise Refused("shape", "priority or dont_filter")
    meta, headers = _checked_meta(data.get("meta", {})), _checked_headers(data.get("headers", {}))
    return Entry(url, callback, errback, priority, dont_filter, meta, headers)


def spider_callbacks(spider: Spider) -> frozenset[str]:
    """The callbacks this spider schedules requests with: its ``parse_*`` methods."""
    return frozenset(name for name in dir(type(spider)) if name.startswith(CALLBACK_PREFIX)
                     and callable(getattr(type(spider), name)))


def request_of(entry: Entry, spider: Spider) -> Request:
    """The request an accepted entry stands for; its callbacks are the spider's own methods."""
    callback = getattr(spider, entry.callback) if entry.callback else None
    errback = getattr(spider, entry.errback) if entry.errback else None
    return Request(entry.url, callback=callback, errback=errback, priority=entry.priority,
                   dont_filter=entry.dont_filter, meta=dict(entry.meta), headers=entry.headers or None)
