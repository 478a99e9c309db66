"""A plain Scrapy spider doing the same discovery as ``ipgirl``, with none of the project's code
or settings: Scrapy's defaults (robots.txt obeyed), run by ``scrapy runspider`` outside the
project. robots.txt -> sitemaps -> article pages, plus home and category pages; articles
deduplicated by (language, id); every article page's links followed. It is the framework's own
floor for this discovery, which the bench sets the full crawl against beside the bare spider.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator

import scrapy
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ja", "zh", "ko")
ARTICLE = re.compile(r"^/([a-z]{2})/(?:article/(\d+)|[a-z-]+/(\d+)-[^/?#]*)/?(?:[?#]|$)")
LISTING = re.compile(r"^/[a-z]{2}/(?:category/[a-z-]+/?)?(?:\?page=\d+)?$")


class PlainSpider(scrapy.Spider):
    name = "plain"
    custom_settings = {"ROBOTSTXT_OBEY": True, "LOG_LEVEL": "INFO"}

    def __init__(self, base_url: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.articles: set[tuple[str, str]] = set()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(f"{self.base_url}/robots.txt", self.parse_robots)
        for lang in LANGUAGES:
            yield scrapy.Request(f"{self.base_url}/{lang}/", self.parse_listing)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        for line in response.text.splitlines():
            if line.lower().startswith("sitemap:"):
                yield scrapy.Request(response.urljoin(line.split(":", 1)[1].strip()), self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        sitemap = Sitemap(response.body)
        for entry in sitemap:
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(entry["loc"], self.parse_sitemap)
            else:
                yield from self.article(entry["loc"])

    def parse_listing(self, response: Response) -> Iterator[scrapy.Request]:
        for href in response.xpath("//a/@href").getall():
            url = response.urljoin(href)
            if url.startswith(self.base_url) and LISTING.match(url[len(self.base_url):]):
                yield scrapy.Request(url, self.parse_listing)  # Scrapy's duplicate filter drops repeats
            else:
                yield from self.article(url)

    def parse_article(self, response: Response) -> Iterator[scrapy.Request]:
        self.crawler.stats.inc_value("plain/article_pages")
        for href in response.xpath("//a/@href | //link[@rel='alternate']/@href").getall():
            yield from self.article(response.urljoin(href))

    def article(self, url: str) -> Iterator[scrapy.Request]:
        if not url.startswith(self.base_url + "/"):
            return
        match = ARTICLE.match(url[len(self.base_url):])
        if match and match[1] in LANGUAGES and (key := (match[1], match[2] or match[3])) not in self.articles:
            self.articles.add(key)
            yield scrapy.Request(url.split("#")[0], self.parse_article)
