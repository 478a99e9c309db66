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

# Politeness towards the live site.
USER_AGENT = "ipgirl-crawler/0.1 (+https://www.ipgirl.com; data-team article crawler)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5

# Bounds: a page of tens of MB is cut off and counted, not parsed; memory is watched.
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
MEMUSAGE_WARNING_MB = 768
MEMUSAGE_LIMIT_MB = 1536

# A crawler run by cron exposes no control surface into its process.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

ITEM_PIPELINES = {
    "pipelines.validate.DuplicateUrlPipeline": 100,
    "pipelines.footer.NoticeSplitPipeline": 200,
    "pipelines.body.BodyCleaningPipeline": 300,
    "pipelines.votes.VotesPipeline": 400,
    "pipelines.related.RelatedLinksPipeline": 500,
    "pipelines.dates.DatesPipeline": 600,
    "pipelines.validate.ContractValidationPipeline": 900,
}

FEEDS = {"data/%(name)s-%(time)s.jsonl": {"format": "jsonlines"}}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(CONTRACT_FIELDS)

LOG_LEVEL = "INFO"
