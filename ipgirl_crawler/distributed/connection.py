"""The connection to Redis: where (URL, password, TLS), redaction, and riding out outages.

The password never has to be on the command line (where ``ps`` and scrapyd's logs show it): it
comes from the ``IPGIRL_REDIS_PASSWORD`` environment variable, or from the file named by
``IPGIRL_REDIS_PASSWORD_FILE`` (readable by its owner only), or, last, from the URL itself.
Whatever the source, the URL is shown everywhere redacted (``redacted``).

An outage (Redis stopped, restarting, unreachable) is not an error until it lasts longer than
``IPGIRL_REDIS_OUTAGE_DEADLINE`` seconds: until then every call either waits (``call``, with
backoff) or reports ``RedisDown`` at once so the caller can try later (``try_call``).
"""
from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry
from scrapy.exceptions import DropItem

from ipgirl_crawler.logs.safe import redacted
from ipgirl_crawler.run.config import ConfigurationError

logger = logging.getLogger(__name__)
PASSWORD_ENV = "IPGIRL_REDIS_PASSWORD"
OUTAGE_ERRORS = (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError)
FIRST_BACKOFF, MAX_BACKOFF = 0.1, 5.0
T = TypeVar("T")


class RedisDown(RuntimeError):
    """Redis cannot be reached right now (within the outage deadline)."""


class RedisGone(RuntimeError):
    """Redis has been unreachable for longer than the outage deadline."""


class HeldBack(DropItem):
    """An item not emitted because Redis is gone: its article stays leased, for the next start."""


def password_from(settings: Any, environ: dict[str, str] | None = None) -> str | None:
    """The password from the environment, else from the owner-only file the settings name."""
    environ = os.environ if environ is None else environ
    if environ.get(PASSWORD_ENV):
        return environ[PASSWORD_ENV]
    path = settings.get("IPGIRL_REDIS_PASSWORD_FILE")
    if not path:
        return None
    try:
        mode = Path(path).stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigurationError(f"IPGIRL_REDIS_PASSWORD_FILE {path} is readable by others: chmod 600 it")
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ConfigurationError(f"IPGIRL_REDIS_PASSWORD_FILE {path}: {error.strerror}") from None


def client_of(url: str, password: str | None) -> redis.Redis:
    """A client that fails fast (no retries of its own: outages are ours to ride out)."""
    if urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        raise ConfigurationError(f"IPGIRL_REDIS_URL must be redis://, rediss:// or unix://, got {redacted(url)}")
    options: dict[str, Any] = {"socket_connect_timeout": 2.0, "socket_timeout": 10.0, "retry": Retry(NoBackoff(), 0)}
    if password:
        options["password"] = password
    return redis.Redis.from_url(url, **options)


class RedisLink:
    """A Redis client with outage handling: waits with backoff, logs, gives up at the deadline."""

    def __init__(self, client: redis.Redis, shown_url: str, deadline: float, stats: Callable[[], Any]) -> None:
        self.client, self.shown_url, self.deadline = client, shown_url, deadline
        self._stats = stats  # the crawler's stats, once they exist
        self.down_since: float | None = None
        self.next_attempt = 0.0
        self.backoff = FIRST_BACKOFF
        self.damaged: str | None = None  # why the job's keys cannot be used: no waiting fixes that

    @property
    def outage_seconds(self) -> float:
        return 0.0 if self.down_since is None else time.monotonic() - self.down_since

    @property
    def gone(self) -> bool:
        return self.damaged is not None or self.outage_seconds > self.deadline

    def why_gone(self) -> str:
        return self.damaged or f"Redis at {self.shown_url} unreachable for more than {self.deadline:.0f}s"

    def try_call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(*args)`` now, or ``RedisDown`` (during the backoff, at once: no waiting)."""
        if self.down_since is not None and time.monotonic() < self.next_attempt:
            raise RedisDown(self.shown_url)
        try:
            result = function(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            self._failed(error)
            raise RedisDown(self.shown_url) from None
        except redis.ResponseError as error:
            if "WRONGTYPE" not in str(error):
                raise
            # A key of the job overwritten with another type (by hand, or another program on the same
            # keys): every call would fail so, and a worker riding it out would idle until the run deadline.
            self.damaged = (f"a key of the job in Redis at {self.shown_url} holds the wrong type of value "
                            f"(WRONGTYPE): the job's keys are damaged; remove them and start the job again")
            raise RedisDown(self.shown_url) from None
        self._back()
        return result

    def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``function(*args)``, waiting out an outage (blocking) up to the deadline: ``RedisGone`` after."""
        while True:
            try:
                return self.try_call(function, *args, **kwargs)
            except RedisDown:
                if self.damaged:
                    raise RedisGone(self.damaged) from None
                if self.gone:
                    raise RedisGone(f"Redis at {self.shown_url} unreachable for {self.outage_seconds:.0f}s") from None
                time.sleep(max(0.0, min(self.next_attempt - time.monotonic(), MAX_BACKOFF)))

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        if self.down_since is None:
            self.down_since = now
            self.backoff = FIRST_BACKOFF
            logger.warning("Redis at %s unreachable (%s): waiting, with backoff, up to %.0fs",
                           self.shown_url, type(error).__name__, self.deadline)
            self._inc("ipgirl/distributed/redis_outages")
        else:
            self.backoff = min(MAX_BACKOFF, self.backoff * 2)
            logger.info("Redis at %s still unreachable after %.1fs; next try in %.1fs",
                        self.shown_url, now - self.down_since, self.backoff)
        self.next_attempt = now + self.backoff

    def _back(self) -> None:
        if self.down_since is not None:
            seconds = self.outage_seconds
            logger.warning("Redis at %s is back after %.1fs", self.shown_url, seconds)
            self._inc("ipgirl/distributed/redis_outage_ms", int(seconds * 1000))
            self.down_since = None

    def _inc(self, key: str, value: int = 1) -> None:
        stats = self._stats()
        if stats is not None:
            stats.inc_value(key, value)
