"""The ``ipgirl`` spider: discovery (robots.txt, sitemaps, home and category pages) and one
item per article. Extraction lives in ``ipgirl_crawler.pages``; cleaning in ``pipelines``."""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from ipgirl_crawler import i18n
from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.text import safe_for_log
from ipgirl_crawler.config import CrawlConfig
from ipgirl_crawler.urls import DEFAULT_BASE_URL, absolute, article_ref, listing_language, same_origin

ARTICLE_PRIORITY = 10
SITEMAP_PRIORITY = 20
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
_SITEMAP_LANGUAGE = re.compile(r"/([a-z]{2})\.xml(?:\.gz)?$")


class IpgirlSpider(Spider):
    name = "ipgirl"

    def __init__(self, base_url: str | None = None, languages: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._arguments = (base_url, languages)
        self.base_url = DEFAULT_BASE_URL
        self.languages = i18n.languages()
        self._scheduled: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> IpgirlSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        config = CrawlConfig.from_arguments(crawler.settings, *spider._arguments)
        spider.base_url, spider.languages = config.base_url, config.languages
        spider.allowed_domains = [spider.base_url.split("://", 1)[1].rsplit(":", 1)[0].strip("[]")]
        return spider

    async def start(self) -> AsyncIterator[Request]:
        self.logger.info("Crawling %s in %s", self.base_url, ",".join(self.languages))
        yield Request(f"{self.base_url}/robots.txt", callback=self.parse_robots, errback=self.on_error,
                      priority=SITEMAP_PRIORITY, meta={"handle_httpstatus_list": [404]})
        for lang in self.languages:
            yield Request(f"{self.base_url}/{lang}/", callback=self.parse_listing, errback=self.on_error)

    # -- discovery -------------------------------------------------------------
    def count(self, key: str, value: int = 1) -> None:
        self.crawler.stats.inc_value(f"ipgirl/discovery/{key}", value)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        text = response.text if isinstance(response, TextResponse) and response.status == 200 else ""
        listed = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.lower().startswith("sitemap:")]
        sitemaps = [url for url in (absolute(response.url, u) for u in listed) if url and self._on_site(url, "sitemap")]
        for url in sitemaps or [f"{self.base_url}/sitemap.xml"]:
            yield Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=SITEMAP_PRIORITY)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = response.body
        if gzip_magic_number(response):
            try:
                body = gunzip(body, max_size=MAX_SITEMAP_BYTES)
            except Exception as error:  # a truncated or oversized archive is the site's fault, not ours
                self.logger.warning("Unreadable gzip sitemap %s: %s", response.url, safe_for_log(error))
                self.count("sitemap_unreadable")
                return
        sitemap = Sitemap(body)
        if sitemap.type not in ("sitemapindex", "urlset"):
            self.logger.warning("Not a sitemap (%s): %s", safe_for_log(sitemap.type), response.url)
            self.count("sitemap_unreadable")
            return
        for entry in sitemap:
            url = absolute(response.url, entry.get("loc"))
            if not url or not self._on_site(url, "sitemap_entry"):
                continue
            if sitemap.type == "sitemapindex":
                if self._wanted_sitemap(url):
                    yield Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=SITEMAP_PRIORITY)
            else:
                yield from self._article_request(url, lastmod=entry.get("lastmod"))

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if not isinstance(response, TextResponse):
            self.count("listing_not_html")
            return
        hrefs = response.xpath("//a/@href | //link[@rel='next' or @rel='prev']/@href").getall()
        for url in self._links(response, hrefs):
            if article_ref(url):
                yield from self._article_request(url)
            elif listing_language(url) in self.languages:
                yield Request(url, callback=self.parse_listing, errback=self.on_error)

    def parse_article(self, response: Response) -> Iterator[ArticleItem | Request]:
        if not isinstance(response, TextResponse):
            self.logger.warning("Not an HTML page, skipped: %s", response.url)
            self.count("article_not_html")
            return
        page = page_for(response, self.base_url)
        related = [card.get("url") for card in page.raw_related()]
        for url in self._links(response, [*related, *page.translations().values()]):
            yield from self._article_request(url)
        if page.is_article():
            yield page.to_item()
        else:
            self.logger.info("Not an article, no item: %s", response.url)
            self.count("not_article")

    # -- helpers -------------------------------------------------------------------
    def _on_site(self, url: str, what: str) -> bool:
        if same_origin(url, self.base_url):
            return True
        self.count(f"offsite_{what}")
        return False

    def _wanted_sitemap(self, url: str) -> bool:
        match = _SITEMAP_LANGUAGE.search(url)
        return not match or match[1] not in i18n.languages() or match[1] in self.languages

    def _links(self, response: Response, hrefs: Iterable[str | None]) -> Iterator[str]:
        for href in hrefs:
            url = absolute(response.url, href)
            if url and same_origin(url, self.base_url):
                yield url

    def _article_request(self, url: str, lastmod: str | None = None) -> Iterator[Request]:
        ref = article_ref(url)
        if ref is None or ref.language not in self.languages:
            return
        key = (ref.language, ref.article_id)
        if key in self._scheduled:
            return
        self._scheduled.add(key)
        self.count("articles_scheduled")
        yield Request(url, callback=self.parse_article, errback=self.on_error, priority=ARTICLE_PRIORITY,
                      meta={"lastmod": lastmod})

    def on_error(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        reason = failure.type.__name__ if failure.type else "error"
        self.logger.warning("Failed %s: %s", getattr(request, "url", "?"), safe_for_log(failure.getErrorMessage()))
        self.crawler.stats.inc_value(f"ipgirl/failures/{reason}")
