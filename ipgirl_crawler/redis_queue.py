"""The shared frontier of distributed mode: scrapy-redis's priority queue, its requests encoded
as ``frontier.FifoDiskQueue`` encodes them, and its duplicate filter, which leaves articles to
the spider as ``frontier.ArticleDupeFilter`` does (a round trip to Redis saved per article).

scrapy-redis turns every request into a dict with ``Request.to_dict(spider=...)``, which scans
every member of the spider for the callback's name (a quarter of a millisecond each time); the
spider's method names are read once here instead. The dict, and so what workers read back, is
the same.
"""
from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue

from ipgirl_crawler.discovery.frontier import MethodNames, deduplicated_by_the_spider, request_to_dict


class RedisPriorityQueue(PriorityQueue):  # type: ignore[misc]
    def _encode_request(self, request: Request) -> Any:
        names = self.__dict__.get("_method_names")
        if names is None:
            names = self._method_names = MethodNames(self.spider)
        return self.serializer.dumps(request_to_dict(request, names))


class RedisArticleDupeFilter(RFPDupeFilter):  # type: ignore[misc]
    def request_seen(self, request: Request) -> bool:
        return False if deduplicated_by_the_spider(request) else bool(super().request_seen(request))
