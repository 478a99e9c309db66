"""The ``ipgirl`` spider: discovery (robots.txt, sitemaps, home and category pages) and one
item per article. Extraction lives in ``ipgirl_crawler.pages``; cleaning in ``pipelines``."""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip, gzip_magic_number

from ipgirl_crawler.archive.manifest import manifest_entries
from ipgirl_crawler.archive.replay import Replay
from ipgirl_crawler.discovery.frontier import spill_frontier_to_disk
from ipgirl_crawler.discovery.origin import SiteOrigin, is_sibling, learn
from ipgirl_crawler.discovery.reachability import UNREACHABLE_REASON, UNREACHABLE_STAT, unreachable
from ipgirl_crawler.discovery.seen import SeenSet
from ipgirl_crawler.discovery.sitemaps import sitemap_entries
from ipgirl_crawler.discovery.urls import (
    DEFAULT_BASE_URL,
    absolute,
    article_key,
    article_ref,
    listing_language,
    listing_page,
    origin_of,
)
from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.logs.safe import safe_for_log
from ipgirl_crawler.middlewares import OffOrigin, OriginMiddleware
from ipgirl_crawler.monitoring.drift import body_opinion, count_page, record_example
from ipgirl_crawler.run import plugins
from ipgirl_crawler.run.bounds import DiscoveryBounds
from ipgirl_crawler.run.deadlinks import DeadLinks
from ipgirl_crawler.run.config import CRAWL_RUN_SETTING, CrawlConfig
from ipgirl_crawler.run.state import CrawlState
from ipgirl_crawler.spiders.outcomes import FetchOutcomes
from ipgirl_crawler.workers.extraction import PageFailed, WorkerPool
from pipelines.base import PagePipeline, page_pipelines

LISTED, READ = 1, 2
ARTICLE_PRIORITY = 10
SITEMAP_PRIORITY = 20
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
_SITEMAP_LANGUAGE = re.compile(r"/([a-z]{2})\.xml(?:\.gz)?$")


class IpgirlSpider(FetchOutcomes, Spider):
    name = "ipgirl"

    def __init__(self, base_url: str | None = None, languages: str | None = None, full: str | None = None,
                 replay: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._arguments = (base_url, languages, full)
        self._replay_argument = replay
        self.replay: Replay | None = None  # -a replay=…: the archive this run reads instead of the site
        self.base_url = DEFAULT_BASE_URL
        self.site = SiteOrigin.of(DEFAULT_BASE_URL)  # the origin requests go to (learnt at start) and its aliases
        self.languages = ui_strings.languages()
        self.scheduled_articles = SeenSet()
        self.listings_requested: set[str] = set()
        # article key -> LISTED (a sitemap lists it) | READ (answered and read): the drift monitor's
        # "articles read of those the sitemaps list", whichever of the two comes first
        self.article_marks: dict[str, int] = {}
        self.siblings_seen: set[str] = set()  # other names of the site's host its pages link to
        self.shared_frontier: plugins.SharedFrontier | None = None  # a plug-in's (distributed mode's)
        self._revisited = False
        self.crawl_state: CrawlState | None = None
        self.page_pipelines: tuple[type[PagePipeline], ...] = ()
        self.dead_links: DeadLinks | None = None  # a run's: 404/410 of the site's own links, by source

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> IpgirlSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        config = CrawlConfig.from_arguments(crawler.settings, *spider._arguments)
        spider.base_url, spider.languages = config.base_url, config.languages
        spider.page_pipelines = page_pipelines(crawler.settings)
        spider.bounds = DiscoveryBounds(crawler)
        if not crawler.settings.getbool(CRAWL_RUN_SETTING, True):
            spider.base_url_given = bool(spider._arguments[0] or crawler.settings.get("IPGIRL_BASE_URL") != DEFAULT_BASE_URL)
            # without a base URL the page asked for is its own site's, whichever its host (``parse``)
            spider.site = SiteOrigin.of(spider.base_url) if spider.base_url_given else None
            return spider
        spider.site = SiteOrigin.of(spider.base_url)
        if spider._replay_argument is not None:
            spider.replay = Replay.start(crawler, spider._replay_argument)
        # Plug-ins (distributed mode: a queue shared by several workers, which deduplicates articles
        # across them) install while the settings are open, before the state opens.
        spider.shared_frontier = plugins.install(crawler, spider.base_url).shared_frontier
        spider.crawl_state = CrawlState.open(crawler, spider.base_url, config.full)
        spider.dead_links = DeadLinks.from_crawler(crawler)
        spider.crawl_state.manifest_parts.append(lambda data_dir: manifest_entries(crawler, data_dir))
        WorkerPool.of(crawler)  # its workers start as the spider opens
        spill_frontier_to_disk(crawler.settings, spider.crawl_state.store.dir)
        # Feed URIs are filled from spider attributes: where and under which run to write.
        spider.data_dir = crawler.settings.get("IPGIRL_DATA_DIR")
        spider.run_id, spider.run_date = spider.crawl_state.run_id, spider.crawl_state.run_date
        spider.batch_offset = spider.crawl_state.store.batches_of(spider.run_id)
        crawler.signals.connect(spider.revisit_unseen, signal=signals.spider_idle)
        return spider

    def revisit_unseen(self) -> None:
        """Once discovery is over, ask again for remembered articles it did not find, so that an
        article gone from the site (404/410) is recorded rather than silently forgotten."""
        if self._revisited or self.shared_frontier is not None or self.crawl_state is None or self.replay is not None:
            return
        self._revisited = True
        requests = [request for key, url in self.crawl_state.store.live_articles()
                    if key not in self.scheduled_articles.local for request in self._article_request(url)]
        for request in requests:
            self.crawler.engine.crawl(request)
        self.count("revisited_unseen", len(requests))
        if requests:
            raise DontCloseSpider

    async def start(self) -> AsyncIterator[Request]:
        state = self.crawl_state
        self.logger.info("Crawling %s in %s: run %s%s%s", self.base_url, ",".join(self.languages), state.run_id,
                         " (resumed)" if state.resumed else "", ", full" if state.full else ", incremental")
        for line in state.recovered:
            self.logger.warning("Recovered after an interrupted run: %s", line)
        if self.replay is not None:
            self.logger.info("Replaying %d archive file(s), no request to the site: %s", len(self.replay.files),
                             ", ".join(path.name for path in self.replay.files))
            for request in self.replay.requests(self, ARTICLE_PRIORITY):
                yield request
            return
        seeding = self.shared_frontier is None or self.shared_frontier.claim_seeding()
        first_home = await self.learn_origin()
        if not seeding:
            self.logger.info("Joining the shared frontier of %s (another worker seeded it)", self.shared_frontier.prefix)
            return
        yield Request(f"{self.base_url}/robots.txt", callback=self.parse_robots, errback=self.on_error,
                      priority=SITEMAP_PRIORITY, meta={"handle_httpstatus_list": [404]})
        homes = [f"{self.base_url}/{lang}/" for lang in self.languages]
        self.listings_requested.update(homes)
        if first_home is not None:
            for request in self.parse_listing(first_home):  # not a callback's: no Referer set by Scrapy
                request.headers.setdefault(b"Referer", first_home.url)
                yield request
        for home in homes[first_home is not None:]:
            yield Request(home, callback=self.parse_listing, errback=self.on_error)

    @classmethod
    def handles_request(cls, request: Request) -> bool:
        """``scrapy parse URL`` (no ``--spider``) picks this spider for the site's pages, on any host."""
        return article_ref(request.url) is not None or listing_language(request.url) is not None

    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[ArticleItem | Request]:
        """What Scrapy's own commands call (``scrapy parse URL``): an article page's item, or a
        listing's requests. The crawl itself gives every request its callback. Without a base URL
        of its own, a page is read as its own site's."""
        if self.crawl_state is None and not getattr(self, "base_url_given", True):
            parts = urlsplit(response.url)
            self.base_url = f"{parts.scheme}://{parts.netloc}"
            self.site = SiteOrigin.of(self.base_url)
        if article_ref(response.url) is not None:
            async for result in self.parse_article(response):
                yield result
            return
        for request in self.parse_listing(response):
            yield request

    async def learn_origin(self) -> TextResponse | None:
        """Ask the configured origin for the first language's home page, follow the site's redirects
        and read its canonical link: the origin they name becomes the crawl's (``discovery.origin``),
        or the crawl stops at start when they name another site. Returns the home page, if it came."""
        home = f"{self.base_url}/{self.languages[0]}/"
        probe = Request(home, meta={OriginMiddleware.PROBE: True}, dont_filter=True)
        try:
            response = await self.crawler.engine.download_async(probe)
        except OffOrigin as error:
            self._origin_mismatch(f"the home page {home} redirects to another site ({safe_for_log(error)})")
        except Exception as error:  # the crawl's own requests will fail too, and say so
            if (what := unreachable(error)) is not None:
                self._site_unreachable(f"{what} at {self.base_url}")
            self.logger.warning("The home page %s did not answer (%s): crawling %s as configured",
                                home, safe_for_log(error), self.base_url)
            self.count("origin_probe_failed")
            return None
        page = response if isinstance(response, TextResponse) and response.status == 200 else None
        canonical = absolute(response.url, page.xpath("//link[@rel='canonical']/@href").get()) if page else None
        learnt = learn(self.base_url, response.url, canonical)
        if learnt.site is None:
            self._origin_mismatch(learnt.message or "")
        if learnt.message:
            self.logger.warning("Origin learnt: %s", learnt.message)
            self.crawler.stats.set_value("ipgirl/origin/learnt", learnt.site.base_url)
        self.site, self.base_url = learnt.site, learnt.site.base_url
        return page

    def _site_unreachable(self, message: str) -> None:
        self.logger.error("Stopping at start, the site does not answer: %s", message)
        self.crawler.stats.set_value(UNREACHABLE_STAT, message)
        raise CloseSpider(UNREACHABLE_REASON)

    def _origin_mismatch(self, message: str) -> None:
        self.logger.error("Stopping at start: %s", message)
        self.crawler.stats.set_value("ipgirl/origin/mismatch", 1)
        raise CloseSpider("origin_mismatch")

    # -- discovery -------------------------------------------------------------
    def count(self, key: str, value: int = 1) -> None:
        self.crawler.stats.inc_value(f"ipgirl/discovery/{key}", value)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        text = response.text if isinstance(response, TextResponse) and response.status == 200 else ""
        listed = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.lower().startswith("sitemap:")]
        sitemaps = [url for url in (self._on_site(absolute(response.url, u), "sitemap") for u in listed) if url]
        for url in sitemaps or [f"{self.base_url}/sitemap.xml"]:
            if self.bounds.allow_sitemap(0):
                yield Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=SITEMAP_PRIORITY)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        self._links_from(response.url, "sitemap")
        body = response.body
        if gzip_magic_number(response):
            try:
                body = gunzip(body, max_size=MAX_SITEMAP_BYTES)
            except Exception as error:  # a truncated or oversized archive is the site's fault, not ours
                self.logger.warning("Unreadable gzip sitemap %s: %s", response.url, safe_for_log(error))
                self.count("sitemap_unreadable")
                return
        entries = 0
        for entry in sitemap_entries(body):
            entries += 1
            url = self._on_site(absolute(response.url, entry.loc), "sitemap_entry")
            if not url:
                continue
            if entry.kind == "sitemapindex":
                depth = response.meta.get("sitemap_depth", 0) + 1
                if self._wanted_sitemap(url) and self.bounds.allow_sitemap(depth):
                    yield Request(url, callback=self.parse_sitemap, errback=self.on_error, priority=SITEMAP_PRIORITY,
                                  meta={"sitemap_depth": depth})
            else:
                self._note_sitemap_article(url)
                yield from self._article_request(url, lastmod=entry.lastmod)
        if not entries:
            self.logger.warning("Not a sitemap, or an empty one: %s", response.url)
            self.count("sitemap_unreadable")

    def parse_listing(self, response: Response) -> Iterator[Request]:
        if not isinstance(response, TextResponse):
            self.count("listing_not_html")
            return
        self._links_from(response.url, "listing")
        hrefs = response.xpath("//a/@href | //link[@rel='next' or @rel='prev']/@href").getall()
        for url in self._links(response, hrefs):
            if article_ref(url):
                yield from self._article_request(url)
            elif listing_language(url) in self.languages:
                url, page = listing_page(url)
                # Every listing page links to dozens of others: a Request for each would only
                # feed Scrapy's duplicate filter.
                if url in self.listings_requested:
                    continue
                self.listings_requested.add(url)  # a page refused by a bound is refused (and counted) once
                if self.bounds.allow_listing(page):
                    yield Request(url, callback=self.parse_listing, errback=self.on_error)

    async def parse_article(self, response: Response) -> AsyncIterator[ArticleItem | Request]:
        self.count("article_responses")
        if response.status in (304, 404, 410):
            self._mark(response.meta.get("article_key"), READ)  # unchanged, or gone: answered
            self._not_fetched(response)
            return
        self.count("article_shaped")  # an article URL that answered with a page
        if not isinstance(response, TextResponse):
            self.logger.warning("Not an HTML page, skipped: %s", response.url)
            self.count("article_not_html")
            self._not_an_article(response.url)
            return
        try:
            result = await WorkerPool.of(self.crawler).extract(response, self.base_url, self.page_pipelines)
        except PageFailed as failure:  # the page broke a worker's bound: never read in this process
            self.record_failure(response.url, failure.reason, 1 + response.meta.get("retry_times", 0), str(failure))
            return
        if result.corrected_encoding:
            self.logger.info("Charset declared wrong, read as %s: %s", result.corrected_encoding, response.url)
            self.count("charset_corrected")
        for link in result.links if self.replay is None else ():  # a replay reads the archive, discovers nothing
            url = self._site_url(link)
            if url:
                for request in self._article_request(url):
                    yield request
        if result.item is None:
            self.logger.info("Not an article, no item: %s", response.url)
            self.count("not_article")
            self._not_an_article(response.url)
            if result.shows_article:  # a title and a body of text: an article the reading lost
                self.count("article_shaped_not_article/shows_article")
                record_example(self.crawler.stats, "not_article_shows_article", response.url)
            return
        count_page(self.crawler.stats, result.counts, response.url)
        if result.outcome is None or result.outcome.dropped_by is None:
            self._mark(response.meta.get("article_key"), READ)
        item = ArticleItem(result.item)
        # the page pipelines' work, done in the worker; what its metadata restates (run/crosschecks.py)
        item._page_outcome, item._statements = result.outcome, result.statements
        item._body_opinion = body_opinion(result.counts)  # the generic extractor's word on the body
        item["raw_validators"] = {"etag": _header(response, b"ETag"), "last_modified": _header(response, b"Last-Modified"),
                                  "lastmod": response.meta.get("lastmod")}
        yield item

    # -- helpers -------------------------------------------------------------------
    def _not_an_article(self, url: str) -> None:
        self.count("article_shaped_not_article")
        record_example(self.crawler.stats, "not_article", url)

    def _note_sitemap_article(self, url: str) -> None:
        ref = article_ref(url)
        if ref is not None and ref.language in self.languages:
            self._mark(article_key(ref.language, ref.article_id), LISTED)

    def _mark(self, key: str | None, mark: int) -> None:
        """Count the articles the sitemaps list, and those of them read, once each (not in
        distributed mode: a worker reads only a share of what the seeding worker's sitemaps list)."""
        if key is None or self.shared_frontier is not None:
            return
        old = self.article_marks.get(key, 0)
        if old & mark:
            return
        self.article_marks[key] = old | mark
        if mark == LISTED:
            self.count("sitemap_articles/max")  # /max: a resumed run's segments each count them all
        if old | mark == LISTED | READ:
            self.count("sitemap_articles_read/max")

    def _on_site(self, url: str | None, what: str) -> str | None:
        """``url`` on the site's origin (an alias's rewritten), else None, counted."""
        found = self._site_url(url) if url else None
        if url and not found:
            self.count(f"offsite_{what}")
        return found

    def _links_from(self, url: str, kind: str) -> None:
        if self.dead_links is not None:
            self.dead_links.source(url, kind)

    def _wanted_sitemap(self, url: str) -> bool:
        match = _SITEMAP_LANGUAGE.search(url)
        return not match or match[1] not in ui_strings.languages() or match[1] in self.languages

    def _links(self, response: Response, hrefs: Iterable[str | None]) -> Iterator[str]:
        for href in hrefs:
            url = absolute(response.url, href)
            if url and (url := self._site_url(url)):
                yield url

    def _site_url(self, url: str) -> str | None:
        """``url`` on the site (an alias's rewritten), else None. A link to another name of the
        site's host that is not its alias is left out, but counted and named once: if the site
        really answers there, the articles lost to it show (``ipgirl/origin/sibling_links``)."""
        found = self.site.on_site(url)
        if found is None and (origin := origin_of(url)) is not None and is_sibling(origin, self.site.origin):
            self.crawler.stats.inc_value("ipgirl/origin/sibling_links")
            if str(origin) not in self.siblings_seen:
                self.siblings_seen.add(str(origin))
                self.logger.info("Links to %s, another name of %s, are left out: its pages name %s as their origin",
                                 origin, self.site.base_url, self.site.base_url)
        return found

    def _article_request(self, url: str, lastmod: str | None = None) -> Iterator[Request]:
        ref = article_ref(url)
        if ref is None or ref.language not in self.languages:
            return
        key = article_key(ref.language, ref.article_id)
        if not self.scheduled_articles.add(key):
            return
        known = self.crawl_state.store.article(key) if self.crawl_state else None
        if known and self.crawl_state and self.crawl_state.resumed and known.run_id == self.crawl_state.run_id:
            self.count("already_emitted")  # written before the interruption this run resumes
            self._mark(key, READ)
            return
        headers = {}
        if known and not known.gone and self.crawl_state and not self.crawl_state.full:
            url = (self.site.on_site(known.url) if known.url else None) or url
            headers = {k: v for k, v in (("If-None-Match", known.etag), ("If-Modified-Since", known.last_modified)) if v}
        self.count("articles_scheduled")
        yield Request(url, callback=self.parse_article, errback=self.on_error, priority=ARTICLE_PRIORITY,
                      headers=headers, meta={"lastmod": lastmod, "article_key": key,
                                             "handle_httpstatus_list": [304, 404, 410]})


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
