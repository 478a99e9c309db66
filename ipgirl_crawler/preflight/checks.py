"""Everything a crawl needs, checked before it fetches anything.

``check_run`` is called by ``scrapy crawl`` (``commands/crawl.py``) and ``ipgirl-crawl`` (``cli.py``)
alike: a problem is a ``ConfigurationError`` with one sentence, which both print as one line on
stderr before exiting 2. Settings are checked against ``SETTING_RULES`` (name -> rule): adding a
setting means adding a row there.
"""
from __future__ import annotations

import inspect
import json
import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipgirl_crawler.archive.replay import check_replay
from ipgirl_crawler.logs.safe import redacted
from ipgirl_crawler.monitoring.thresholds import ThresholdError, monitor_thresholds
from ipgirl_crawler.output.feeds import feed_path
from ipgirl_crawler.output.files import PlantedLink, parse_umask, planted_link
from ipgirl_crawler.output.formats import READABLE_FORMATS
from ipgirl_crawler.run import plugins
from ipgirl_crawler.run.config import ConfigurationError, CrawlConfig, parse_flag
from ipgirl_crawler.run.state import site_state_dir
from ipgirl_crawler.spiders.ipgirl import IpgirlSpider
from ipgirl_crawler.run.state_file import START_OVER, STATE_FILE, StateUnusable, recorded_runs

# -- settings: one row per setting ----------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """How a setting's value is read (raises ValueError when it cannot be) and what it must be."""

    read: Callable[[Any], Any]
    expected: str
    show: Callable[[Any], str] = repr  # how a wrong value is quoted in the error line


def integer(minimum: int, maximum: int | None = None) -> Rule:
    def read(value: Any) -> int:
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError
        number = int(value)
        if number < minimum or (maximum is not None and number > maximum):
            raise ValueError
        return number
    return Rule(read, f"an integer from {minimum}" + (f" to {maximum}" if maximum is not None else " up"))


def number(minimum: float, *, above: bool = False) -> Rule:
    def read(value: Any) -> float:
        if isinstance(value, bool):
            raise ValueError
        result = float(value)
        if not math.isfinite(result) or result < minimum or (above and result == minimum):
            raise ValueError
        return result
    return Rule(read, f"a number {'>' if above else '>='} {minimum:g}")


def _read_flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    try:
        return parse_flag(str(value))
    except ConfigurationError:
        raise ValueError from None


def _read_workers(value: Any) -> int | str:
    return "auto" if value in ("", "auto") else integer(0, 64).read(value)


def _read_redis_url(value: Any) -> dict[str, Any]:
    # Imported here: only a distributed run sets the URL, and the Redis client costs a local run's
    # start-up ~50 ms of CPU (the plug-in imports it anyway when the setting is set).
    from redis.connection import parse_url as parse_redis_url

    parsed = parse_redis_url(str(value))
    if not parsed:  # "redis://" alone names no server
        raise ValueError
    return parsed


def _read_text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError
    return value


FLAG = Rule(_read_flag, "1 or 0 (true or false)")

SETTING_RULES: dict[str, Rule] = {
    "IPGIRL_EXTRACTION_WORKERS": Rule(_read_workers, "'auto' or an integer from 0 to 64"),
    "IPGIRL_PROGRESS_ENABLED": FLAG,
    "IPGIRL_PROGRESS_INTERVAL": number(0, above=True),
    "IPGIRL_PROGRESS_MAX_SAMPLES": integer(1),
    "IPGIRL_REDIS_URL": Rule(_read_redis_url, "a redis://, rediss:// or unix:// URL", show=lambda value: redacted(str(value))),
    "IPGIRL_REDIS_JOB": Rule(_read_text, "a non-empty name"),
    "IPGIRL_REDIS_IDLE_SECONDS": number(0, above=True),
    "IPGIRL_REDIS_PASSWORD_FILE": Rule(_read_text, "a file holding the password"),
    "IPGIRL_REDIS_LEASE_SECONDS": number(0, above=True),
    "IPGIRL_REDIS_OUTAGE_DEADLINE": number(0, above=True),
    "IPGIRL_RETRY_BACKOFF_BASE": number(0),
    "IPGIRL_RETRY_BACKOFF_MAX": number(0),
    "IPGIRL_DATA_DIR": Rule(_read_text, "a directory"),
    "IPGIRL_STATE_DIR": Rule(_read_text, "a directory"),
    "RETRY_TIMES": integer(0),
    "CONCURRENT_REQUESTS": integer(1),
    "CONCURRENT_REQUESTS_PER_DOMAIN": integer(1),
    "CONCURRENT_ITEMS": integer(1),
    "DOWNLOAD_DELAY": number(0),
    "DOWNLOAD_TIMEOUT": number(0, above=True),
    "DOWNLOAD_MAXSIZE": integer(0),
    "DOWNLOAD_WARNSIZE": integer(0),
    "AUTOTHROTTLE_ENABLED": FLAG,
    "AUTOTHROTTLE_START_DELAY": number(0),
    "AUTOTHROTTLE_MAX_DELAY": number(0),
    "AUTOTHROTTLE_TARGET_CONCURRENCY": number(0, above=True),
    "REDIRECT_MAX_TIMES": integer(0),
    "MEMUSAGE_WARNING_MB": integer(0),
    "MEMUSAGE_LIMIT_MB": integer(0),
    "ROBOTSTXT_OBEY": FLAG,
    "IPGIRL_UMASK": Rule(parse_umask, "an octal umask such as 027"),
    "IPGIRL_WORKER_MEMORY_MB": integer(64),
    "IPGIRL_PAGE_DEADLINE": number(0, above=True),
    "IPGIRL_TIMEOUT_RETRIES": integer(0),
    "IPGIRL_URL_BUDGET": number(0, above=True),
    "IPGIRL_RUN_DEADLINE": number(0),
    "IPGIRL_DISCOVERY_DEADLINE": number(0),
    "IPGIRL_MAX_LISTING_PAGE": integer(1),
    "IPGIRL_MAX_LISTINGS": integer(1),
    "IPGIRL_MAX_SITEMAPS": integer(1),
    "IPGIRL_SITEMAP_DEPTH": integer(0),
    "IPGIRL_ARCHIVE": FLAG,
    "IPGIRL_ARCHIVE_MAX_FILE_BYTES": integer(1),
    "IPGIRL_ARCHIVE_RETENTION_DAYS": integer(0),
}


def check_settings(settings: Any) -> None:
    """Each set value of ``SETTING_RULES`` reads as its rule says (unset or None: the default applies)."""
    for name, rule in SETTING_RULES.items():
        value = settings.get(name)
        if value is None:
            continue
        try:
            rule.read(value)
        except (ValueError, TypeError, OverflowError):
            raise ConfigurationError(f"{name} must be {rule.expected}, got {rule.show(value)}") from None


# -- spider arguments --------------------------------------------------------------------------

# Arguments scrapyd adds to every job it schedules.
SCHEDULER_ARGUMENTS = frozenset({"_job"})


def known_spider_arguments() -> tuple[str, ...]:
    """The ``-a`` names the spider takes: its ``__init__`` parameters, so a new one is known at once."""
    parameters = inspect.signature(IpgirlSpider.__init__).parameters.values()
    return tuple(p.name for p in parameters
                 if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL))


def check_spider_arguments(arguments: dict[str, str]) -> None:
    known = known_spider_arguments()
    unknown = sorted(name for name in arguments if name not in known and name not in SCHEDULER_ARGUMENTS)
    if unknown:
        raise ConfigurationError(f"unknown spider argument {', '.join(unknown)} (known: {', '.join(known)})")


# -- directories and files the run will write ---------------------------------------------------

def check_writable(directory: Path, what: str) -> None:
    """``directory`` exists or can be made, and a file can be created in it (a real probe: as root,
    or on a read-only mount, permission bits say nothing)."""
    if directory.exists() and not directory.is_dir():
        raise ConfigurationError(f"{what} {str(directory)!r} is not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as error:
        raise ConfigurationError(f"{what} {str(directory)!r} is not writable: {error.strerror or error}") from None


# Formats whose file is one document: another run's items cannot be appended to it.
WHOLE_FILE_FORMATS = frozenset({"json", "xml", "csv"})


def check_feeds(settings: Any) -> None:
    """Each feed's format has an exporter, and a local file feed one the state can read back (a
    batch is committed with the articles it holds); its folder must be writable."""
    exporters = settings.getwithbase("FEED_EXPORTERS")
    for uri, options in settings.getdict("FEEDS").items():
        format_ = (options or {}).get("format")
        if format_ not in exporters:
            raise ConfigurationError(f"feed {uri}: unknown format {format_!r} (known: {', '.join(sorted(exporters))})")
        path = feed_path(str(uri))
        if path is None:
            continue  # another storage (stdout, s3, ...): Scrapy's, which stores without the state
        if format_ not in READABLE_FORMATS:
            raise ConfigurationError(f"feed {uri}: format {format_!r} cannot be committed with the state "
                                     f"(local files take {', '.join(sorted(READABLE_FORMATS))})")
        if "%(" not in str(path):  # a template's folders depend on the run (IPGIRL_DATA_DIR is checked)
            check_writable(path.parent, f"feed {uri}: folder")
            check_appendable(path, format_, bool((options or {}).get("overwrite")))


def check_appendable(path: Path, format_: str, overwrite: bool) -> None:
    """``-o`` appends: to a file of one of ``WHOLE_FILE_FORMATS`` that would make it invalid (a
    second JSON array, XML root or CSV header line after the first)."""
    if not overwrite and format_ in WHOLE_FILE_FORMATS and path.is_file() and path.stat().st_size:
        raise ConfigurationError(f"feed {path}: appending to a {format_} file would make it invalid; "
                                 f"use -O to overwrite it, or a JSON Lines file to append to")


# The data directory's folders a run writes into (``<kind>/run_date=…/``): a link in their place
# would have the run write, or retention delete, somewhere else.
RUN_FOLDERS = ("articles", "failures", "gone", "archive")


def check_no_planted_links(data_dir: Path, site_dir: Path) -> None:
    """No link where the run writes: the run folders of the data directory and their partitions,
    the site's state folder and whatever is in it (lock, database, stats, frontier, worker slots)."""
    candidates = [site_dir if site_dir.is_symlink() else planted_link(site_dir, depth=2)]
    for kind in RUN_FOLDERS:
        folder = data_dir / kind
        candidates.append(folder if folder.is_symlink() else planted_link(folder))
    found = next((link for link in candidates if link is not None), None)
    if found is not None:
        raise ConfigurationError(str(PlantedLink(found)))


def earlier_run_of(data_dir: Path, site: str) -> Path | None:
    """The newest manifest of a run of ``site`` (its state folder's name) that left articles in the
    data directory (a run writing to ``-O`` leaves none there)."""
    for path in sorted(data_dir.glob("articles/run_date=*/*.manifest.json"), reverse=True):
        try:
            manifest = json.loads(path.read_text("utf-8"))
            if manifest.get("site") == site and manifest.get("counts", {}).get("articles"):
                return path
        except (OSError, ValueError, AttributeError):
            continue
    return None


def check_state(data_dir: Path, site_dir: Path, full: bool) -> None:
    """The site's state is readable, and there unless the data directory holds none of its runs
    or the run starts over (``-a full=1``): without it every article would be emitted again."""
    database = site_dir / STATE_FILE
    try:
        if recorded_runs(database):
            return
    except StateUnusable as error:
        raise ConfigurationError(str(error)) from None
    earlier = None if full else earlier_run_of(data_dir, site_dir.name)
    if earlier is not None:
        raise ConfigurationError(f"the state of this site, {database}, is {'empty' if database.exists() else 'missing'}, "
                                 f"but the data directory holds its runs ({earlier}): restore it, or run with {START_OVER}")


def check_directories(settings: Any, config: CrawlConfig) -> None:
    data_dir, site_dir = Path(settings.get("IPGIRL_DATA_DIR")), site_state_dir(settings.get("IPGIRL_STATE_DIR"), config.base_url)
    check_no_planted_links(data_dir, site_dir)  # first: the probes below write a file
    # Whether the site's articles would go out again into its run files; a distributed worker's
    # state is a slot of its own (worker-N); a run to -O only writes its own file.
    run_files = any("%(data_dir)s" in str(uri) for uri in settings.getdict("FEEDS"))
    if run_files and plugins.holds_site_lock(settings):
        check_state(data_dir, site_dir, config.full)
    check_writable(data_dir, "IPGIRL_DATA_DIR")
    check_writable(site_dir, "IPGIRL_STATE_DIR")


def check_run(settings: Any, spider_arguments: dict[str, str]) -> CrawlConfig:
    """The crawl's configuration, or ``ConfigurationError``: arguments, settings, thresholds,
    feeds (their folders), then the directories: what touches the disk comes last."""
    check_spider_arguments(spider_arguments)
    config = CrawlConfig.from_arguments(settings, spider_arguments.get("base_url"), spider_arguments.get("languages"),
                                        spider_arguments.get("full"))
    check_settings(settings)
    plugins.check_configuration(settings)
    try:
        monitor_thresholds(settings)
    except ThresholdError as error:
        raise ConfigurationError(str(error)) from None
    check_feeds(settings)
    check_replay(settings, spider_arguments.get("replay"))
    check_directories(settings, config)
    return config
