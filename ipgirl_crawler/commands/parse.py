"""``scrapy parse``, as Scrapy's, without the crawl's run machinery (``one_off.NOT_A_RUN``).

Scrapy's own command exits 0 whatever happened (a callback that raised, no response): here
an error logged while it ran makes its exit status 1.

Scrapy's own command hands the spider middleware a callback returning a Deferred, which 2.19
deprecates (a warning on every call, whatever the spider): here that callback is awaited in a
coroutine instead.
"""
from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from typing import Any

from scrapy import Request, Spider
from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future

from ipgirl_crawler.commands.one_off import OneOffCommand


def awaiting(callback: Callable[..., Any]) -> Callable[..., Any]:
    """``callback`` (returning a Deferred) as a coroutine returning its result."""
    @functools.wraps(callback)
    async def awaited(response: Response, **kwargs: Any) -> Any:
        return await maybe_deferred_to_future(callback(response, **kwargs))
    return awaited


class Command(OneOffCommand, ScrapyParseCommand):
    def prepare_request(self, spider: Spider, request: Request, opts: argparse.Namespace) -> Request:
        request = super().prepare_request(spider, request, opts)
        request.callback = awaiting(request.callback)
        return request

    def start_parsing(self, url: str, opts: argparse.Namespace) -> None:
        super().start_parsing(url, opts)
        errors = self.pcrawler.stats.get_value("log_count/ERROR", 0) if self.pcrawler.stats else 0
        if errors or not self.first_response:
            self.exitcode = 1

    def scraped_data(self, args: Any) -> list[Any]:
        scraped = super().scraped_data(args)
        for value in scraped:
            if isinstance(value, Request) and value.callback is not None:
                value.callback = awaiting(value.callback)
        return scraped
