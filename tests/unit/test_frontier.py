"""The disk queue writes what Scrapy's would, and reads back the same requests."""
from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import FormRequest, Request, Spider
from scrapy.http import Response
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from ipgirl_crawler.discovery.frontier import FifoDiskQueue, MethodNames, request_to_dict

URL = "https://www.ipgirl.com/fr/article/12"


class QueueSpider(Spider):
    name = "queue"

    def parse_article(self, response: Response) -> None: ...

    def parse_listing(self, response: Response, page: int = 1) -> None: ...

    def parse_sitemap(self, response: Response) -> None: ...

    def on_error(self, failure: Failure) -> None: ...


@pytest.fixture(scope="module")
def spider() -> QueueSpider:
    crawler = get_crawler(QueueSpider)
    crawler.spider = crawler._create_spider()
    return crawler.spider  # type: ignore[no-any-return]


def requests(spider: QueueSpider) -> list[Request]:
    return [
        Request(URL),
        Request(URL, callback=spider.parse_article, errback=spider.on_error, priority=10,
                headers={"If-None-Match": '"abc"'}, meta={"lastmod": None, "article_key": "fr:12"}),
        Request(URL, callback=spider.parse_listing, dont_filter=True, cb_kwargs={"page": 2}),
        FormRequest(URL, formdata={"q": "x"}, callback=spider.parse_sitemap),
    ]


@pytest.mark.parametrize("index", range(4))
def test_the_dict_is_scrapys(spider: QueueSpider, index: int) -> None:
    request = requests(spider)[index]
    assert request_to_dict(request, MethodNames(spider)) == request.to_dict(spider=spider)


def test_a_callback_that_is_not_the_spiders_is_refused(spider: QueueSpider) -> None:
    with pytest.raises(ValueError, match="not an instance method"):
        request_to_dict(Request(URL, callback=print), MethodNames(spider))


def test_requests_come_back_from_disk_in_order(spider: QueueSpider, tmp_path: Path) -> None:
    queue = FifoDiskQueue(spider.crawler, str(tmp_path / "queue"))
    sent = requests(spider)
    for request in sent:
        queue.push(request)
    back = [queue.pop() for _ in sent]
    queue.close()
    assert [r.url for r in back] == [r.url for r in sent]
    assert back[1].callback == spider.parse_article and back[1].errback == spider.on_error
    assert back[1].headers.get("If-None-Match") == b'"abc"' and back[1].meta["article_key"] == "fr:12"
    assert back[2].cb_kwargs == {"page": 2} and type(back[3]) is FormRequest


def test_the_filter_leaves_articles_to_the_spider_and_filters_the_rest() -> None:
    from ipgirl_crawler.discovery.frontier import ArticleDupeFilter

    seen = ArticleDupeFilter()
    article = Request(URL, meta={"article_key": "fr:12"})
    listing = Request("https://www.ipgirl.com/fr/category/ai/?page=2")
    assert [seen.request_seen(article), seen.request_seen(article)] == [False, False]  # the spider deduplicated it
    assert [seen.request_seen(listing), seen.request_seen(listing)] == [False, True]
