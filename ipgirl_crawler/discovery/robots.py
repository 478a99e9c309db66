"""robots.txt fetched once a run.

Scrapy's ``RobotsTxtMiddleware`` fetches robots.txt to obey it, and the spider asks for it again
to read its ``Sitemap:`` lines: two fetches of one file. This middleware keeps the answer of the
first and gives it to the spider's request (counted: ``ipgirl/discovery/robots_reused``); when the
first fetch failed, the spider's request goes to the site as before.
"""
from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from ipgirl_crawler.discovery.reachability import quiet_robots_network_errors

REUSED_STAT = "ipgirl/discovery/robots_reused"


class RobotsTxtOnce(RobotsTxtMiddleware):
    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        super().__init__(crawler)
        quiet_robots_network_errors()
        self._answers: dict[str, Response] = {}  # netloc -> the robots.txt answer, until the spider's request

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        self._answers[netloc] = response
        await super()._parse_robots(response, netloc, request)

    async def process_request(self, request: Request) -> Response | None:  # type: ignore[override]
        await super().process_request(request)
        if request.meta.get("dont_obey_robotstxt"):
            return None
        parts = urlparse_cached(request)
        answer = self._answers.get(parts.netloc) if parts.path == "/robots.txt" else None
        if answer is None or answer.url != request.url:
            return None
        del self._answers[parts.netloc]
        self._stats.inc_value(REUSED_STAT)
        return answer.replace(request=request)
