"""``scrapy shell``, as Scrapy's, without the crawl's run machinery (``one_off.NOT_A_RUN``)."""
from __future__ import annotations

from scrapy.commands.shell import Command as ScrapyShellCommand

from ipgirl_crawler.commands.one_off import OneOffCommand


class Command(OneOffCommand, ScrapyShellCommand):
    pass
