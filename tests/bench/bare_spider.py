"""The ``ipgirl`` spider without extraction: the same discovery, no page object, no items.

Its article callback follows article links with one cheap XPath through the real spider's own
``_links``/``_article_request`` helpers, so the gap between it and ``ipgirl`` is the cost of
extraction, pipelines and export. Run it from the project root with
``scrapy crawl ipgirl_bare -s SPIDER_MODULES=ipgirl_crawler.spiders,tests.bench.bare_spider``.
"""
from __future__ import annotations

from collections.abc import Iterator

from scrapy import Request
from scrapy.http import Response, TextResponse

from ipgirl_crawler.spiders.ipgirl import READ, IpgirlSpider

ARTICLE_LINKS_XPATH = "//a/@href | //link[@rel='alternate']/@href"


class IpgirlBareSpider(IpgirlSpider):
    name = "ipgirl_bare"
    custom_settings = {"IPGIRL_EXTRACTION_WORKERS": 0}  # it extracts nothing: no worker processes

    def parse_article(self, response: Response) -> Iterator[Request]:
        if not 200 <= response.status < 300:  # 304/404/410 reach the callback: handled as the real spider does
            not_fetched = getattr(self, "_not_fetched", None)
            if not_fetched is not None:
                not_fetched(response)
            return
        if not isinstance(response, TextResponse):
            self.count("article_not_html")
            return
        self.count("bare_article_pages")
        # Counted and marked read as the real spider does, so its run's monitors pass (exit 0).
        self.count("article_responses")
        self._mark(response.meta.get("article_key"), READ)
        for url in self._links(response, response.xpath(ARTICLE_LINKS_XPATH).getall()):
            yield from self._article_request(url)
