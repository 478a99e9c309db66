"""Settings of the ipgirl crawler: only what differs from Scrapy's defaults.

Every value can be overridden per run with ``-s NAME=VALUE``; README.md documents each.
"""
from __future__ import annotations

from ipgirl_crawler.items import CONTRACT_FIELDS

BOT_NAME = "ipgirl_crawler"
SPIDER_MODULES = ["ipgirl_crawler.spiders"]
NEWSPIDER_MODULE = "ipgirl_crawler.spiders"
COMMANDS_MODULE = "ipgirl_crawler.commands"

# Where to crawl and where state lives between runs (an empty directory means a full crawl).
IPGIRL_BASE_URL = "https://www.ipgirl.com"
IPGIRL_STATE_DIR = "data/state"
IPGIRL_DATA_DIR = "data"
# The umask ipgirl-crawl (the cron entry point) runs with: files rw-r-----, folders rwxr-x---.
IPGIRL_UMASK = "027"

# Page extraction runs in worker processes: "auto" is one per spare core, 0 is in-process.
IPGIRL_EXTRACTION_WORKERS = "auto"
# Each worker's own bounds (ipgirl_crawler/workers/pool.py): its address space in MiB, and seconds per
# page; a page that breaks one is recorded as a failure. A worker uses ~100 MiB, ~200 in a long crawl.
IPGIRL_WORKER_MEMORY_MB = 512
IPGIRL_PAGE_DEADLINE = 30

# Distributed mode (ipgirl_crawler/distributed/): unset means a single process. The password
# comes from $IPGIRL_REDIS_PASSWORD or an owner-only file, not from the command line.
IPGIRL_REDIS_URL = None
IPGIRL_REDIS_JOB = None
IPGIRL_REDIS_PASSWORD_FILE = None
IPGIRL_REDIS_IDLE_SECONDS = 5.0
IPGIRL_REDIS_LEASE_SECONDS = 60.0  # a worker silent this long is taken for dead: its entries go back to the queue
IPGIRL_REDIS_OUTAGE_DEADLINE = 300.0  # Redis unreachable longer than this: the worker stops, exit 1

# Politeness towards the live site.
USER_AGENT = "ipgirl-crawler/0.1 (+https://www.ipgirl.com; data-team article crawler)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
# AutoThrottle halves its delay towards latency/concurrency with each response: started at 0.5 s
# it spent ~1 s on its first dozen requests, whatever the site's latency; 0.1 s is still ten a second.
AUTOTHROTTLE_START_DELAY = 0.1
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5

# Faults: retried with exponential backoff (and Retry-After) before they count as failures.
RETRY_TIMES = 3
IPGIRL_RETRY_BACKOFF_BASE = 0.5
IPGIRL_RETRY_BACKOFF_MAX = 30.0
# A timeout is retried once at most, and no URL costs more than this many seconds, waits included.
IPGIRL_TIMEOUT_RETRIES = 1
IPGIRL_URL_BUDGET = 120.0
DOWNLOADER_MIDDLEWARES = {
    # Scheme, host and port, not the host name alone (ipgirl_crawler/middlewares.py).
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "ipgirl_crawler.middlewares.OriginMiddleware": 50,
    # Answers counted by the page that linked them; a mostly dead sitemap's links dropped (run/deadlinks.py).
    "ipgirl_crawler.run.deadlinks.DeadLinksMiddleware": 40,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "ipgirl_crawler.middlewares.BackoffRetryMiddleware": 550,
    # robots.txt fetched once: the spider reads the answer the middleware obeys (discovery/robots.py).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "ipgirl_crawler.discovery.robots.RobotsTxtOnce": 100,
    # robots.txt read up to its first 500 KiB (RFC 9309), decoded there: after HttpCompression (590).
    "ipgirl_crawler.discovery.robots.RobotsTxtPrefix": 595,
    # -a replay=…: answers from the archive before any other middleware; off otherwise.
    "ipgirl_crawler.archive.replay.ReplayMiddleware": 50,
}

# The frontier waits on disk (ipgirl_crawler/discovery/frontier.py: spill_frontier_to_disk); it is
# this process's only (a resumed run rediscovers its frontier), so a plain file queue will do:
# Scrapy's pickle FIFO queue, minus its per-request scan of the spider (ipgirl_crawler/discovery/frontier.py).
SCHEDULER_DISK_QUEUE = "ipgirl_crawler.discovery.frontier.FifoDiskQueue"
# Articles are deduplicated by the spider, by (language, id): the filter sees to the rest.
DUPEFILTER_CLASS = "ipgirl_crawler.discovery.frontier.ArticleDupeFilter"
# Items of one response processed at once: an article page yields one item and a few links.
CONCURRENT_ITEMS = 16

# Bounds: a page of tens of MB is cut off and counted, not parsed; memory is watched.
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
MEMUSAGE_WARNING_MB = 768
MEMUSAGE_LIMIT_MB = 1536

# Every run ends (ipgirl_crawler/run/bounds.py): seconds for the whole run and for discovery
# (0: none), and caps on what discovery follows. A bound that cuts a run short fails it by name.
IPGIRL_RUN_DEADLINE = 6 * 3600
IPGIRL_DISCOVERY_DEADLINE = 3 * 3600
IPGIRL_MAX_LISTING_PAGE = 1000
IPGIRL_MAX_LISTINGS = 20000
IPGIRL_MAX_SITEMAPS = 1000
IPGIRL_SITEMAP_DEPTH = 3

# A crawler run by cron exposes no control surface into its process, and fetches nothing
# but http(s): no local files, whatever a page or a redirect points at.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
LOG_FORMATTER = "ipgirl_crawler.logs.formatter.SafeLogFormatter"

EXTENSIONS = {
    "ipgirl_crawler.run.collector.CollectorTuning": 50,
    "ipgirl_crawler.logs.clean.CleanLog": 100,
    "ipgirl_crawler.monitoring.progress.Progress": 400,
    "ipgirl_crawler.run.records.RunRecords": 500,
    "ipgirl_crawler.archive.writer.ArchiveWriter": 550,  # closed before RunMonitor checks the stats
    "ipgirl_crawler.monitoring.examples.DriftExamples": 560,
    "ipgirl_crawler.run.crosschecks.CrossChecks": 580,  # its counts are in the stats before RunMonitor judges them
    "ipgirl_crawler.run.finish.RunMonitor": 600,
    "ipgirl_crawler.run.bounds.RunDeadlines": 700,
}
# The run's archive (ipgirl_crawler/archive/): every article response as gzip WARC/1.1 under
# IPGIRL_DATA_DIR/archive/, files rotated at this size, run_date= folders kept this many days (0: all).
IPGIRL_ARCHIVE = True
IPGIRL_ARCHIVE_MAX_FILE_BYTES = 1_000_000_000
IPGIRL_ARCHIVE_RETENTION_DAYS = 30
# Monitor thresholds: ipgirl_crawler/data/monitors.json, or a dict here.
IPGIRL_MONITOR_THRESHOLDS: dict[str, object] = {}

# Page pipelines (pipelines/base.py) first: they need only the item, so the extraction worker
# runs them with the page object; the rest need the crawl's state and run in this process.
ITEM_PIPELINES = {
    "pipelines.notice.NoticeSplitPipeline": 100,
    "pipelines.body.BodyCleaningPipeline": 200,
    "pipelines.votes.VotesPipeline": 300,
    "pipelines.related.RelatedLinksPipeline": 400,
    "pipelines.dates.DatesPipeline": 500,
    "pipelines.validate.ContractValidationPipeline": 600,
    "pipelines.verify.VerifyPipeline": 650,  # corrections before the item is written
    "pipelines.duplicates.DuplicateUrlPipeline": 700,
    "pipelines.incremental.IncrementalPipeline": 800,
}

# Items go to run-partitioned batches; each file appears under its .jsonl name only once
# complete, and is committed together with the state (ipgirl_crawler/output/feeds.py).
FEEDS = {
    "%(data_dir)s/articles/run_date=%(run_date)s/ipgirl-%(run_id)s-%(batch_id)05d.jsonl": {
        "format": "jsonlines", "overwrite": True, "batch_item_count": 500,
        "uri_params": "ipgirl_crawler.output.feeds.uri_params",
    },
}
FEED_STORAGES = {"": "ipgirl_crawler.output.feeds.AtomicFileFeedStorage", "file": "ipgirl_crawler.output.feeds.AtomicFileFeedStorage"}
FEED_STORE_EMPTY = False
FEED_EXPORTERS = {**{format_: "ipgirl_crawler.output.exporters.ContractJsonLinesItemExporter" for format_ in ("jsonlines", "jsonl")},
                  "csv": "ipgirl_crawler.output.exporters.ContractCsvItemExporter"}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(CONTRACT_FIELDS)

LOG_LEVEL = "INFO"
