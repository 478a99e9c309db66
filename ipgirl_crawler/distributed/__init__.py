"""Distributed mode: several workers share one job in Redis.

``-s IPGIRL_REDIS_URL=redis://host:port/db`` turns it on. Workers started for the same site
share a *job* (``ipgirl:<job>:…``, the job being the site's host:port or ``IPGIRL_REDIS_JOB``):
a reliable queue of leased entries (``queue.py``, ``leases.py``), the articles queued, the URLs
emitted, one politeness budget (``limiter.py``) and the job's accounting (``accounting.py``);
``coordinator.py`` is a worker's part in it, ``codec.py`` what a worker accepts from Redis,
``connection.py`` the connection (password, TLS, outages), ``scripts.py`` the keys and the Lua
scripts that change them.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.settings import Settings

from ipgirl_crawler.distributed.connection import password_from, redacted
from ipgirl_crawler.distributed.coordinator import Coordinator
from ipgirl_crawler.run.config import ConfigurationError

LEASE_MIDDLEWARE = "ipgirl_crawler.distributed.leases.LeaseMiddleware"
LIMITER_MIDDLEWARE = "ipgirl_crawler.distributed.limiter.SharedLimiter"


def enabled(settings: Settings) -> bool:
    return bool(settings.get("IPGIRL_REDIS_URL"))


def job_name(settings: Settings, base_url: str) -> str:
    """Explicit ``IPGIRL_REDIS_JOB``, else the site's host and port: workers of one site meet."""
    explicit = settings.get("IPGIRL_REDIS_JOB")
    name = explicit or urlsplit(base_url).netloc
    return re.sub(r"[^A-Za-z0-9_.:-]", "_", name)


def apply_settings(settings: Settings, base_url: str) -> tuple[str, str, str]:
    """Route scheduling through Redis and add the lease and limiter middlewares; the URL in the
    settings is replaced by its redacted form (Scrapy logs the settings). Returns (job, key
    prefix, the real URL)."""
    job = job_name(settings, base_url)
    url = settings.get("IPGIRL_REDIS_URL")
    settings.set("IPGIRL_REDIS_URL", redacted(url), priority=max(settings.getpriority("IPGIRL_REDIS_URL") or 0, 40))
    spider_mw = {**settings.getdict("SPIDER_MIDDLEWARES"), LEASE_MIDDLEWARE: 1}
    # Last before the download itself: a token is held only while the site is being asked.
    downloader_mw = {**settings.getdict("DOWNLOADER_MIDDLEWARES"), LIMITER_MIDDLEWARE: 990}
    for name, value in {"SCHEDULER": "ipgirl_crawler.distributed.queue.RedisScheduler",
                        "SPIDER_MIDDLEWARES": spider_mw, "DOWNLOADER_MIDDLEWARES": downloader_mw}.items():
        settings.set(name, value, priority="spider")
    return job, f"ipgirl:{job}", url


def check_configuration(settings: Settings) -> None:
    """``ConfigurationError`` for a Redis URL or password file that cannot work (before anything starts)."""
    if enabled(settings):
        password_from(settings)
        scheme = urlsplit(settings.get("IPGIRL_REDIS_URL")).scheme
        if scheme not in ("redis", "rediss", "unix"):
            raise ConfigurationError(f"IPGIRL_REDIS_URL must be redis://, rediss:// or unix://, got "
                                     f"{redacted(settings.get('IPGIRL_REDIS_URL'))}")


def start(crawler: Crawler, base_url: str) -> Coordinator:
    """This worker's coordinator in the job of ``base_url``'s site."""
    job, prefix, url = apply_settings(crawler.settings, base_url)
    return Coordinator(crawler, prefix, job, base_url, url)
