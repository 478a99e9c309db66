"""The crawl's cross-checks of its own data against the site's redundancy (README "How right is
this run").

``CrossChecks`` (an extension) gathers, while the crawl runs, the listing pages' teasers
(``verify_listings``) and a compact record of every article item (``VerifyPipeline`` hands them
over, with the page's metadata statements the worker read, ``pages/statements.py``); when the
spider closes it matches them (``verify_checks``) and counts ``ipgirl/verify/<field>/<outcome>``,
keeps example disagreements (``ipgirl/verify/examples/<field>``), the site's past estimates
(``ipgirl/verify/history``), and remembers the articles in the state (``verify_state``) for the
next runs. ``verify_monitor`` turns the counts into estimates and failed monitors.
"""
from __future__ import annotations

import gc
import logging
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response, TextResponse

from ipgirl_crawler.discovery.urls import listing_language
from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.monitoring.verify_body import body_lines
from ipgirl_crawler.monitoring.verify_images import captions_in_body, captions_read_twice, image_record
from ipgirl_crawler.monitoring.drift import VOUCHED
from ipgirl_crawler.monitoring.verify_checks import VERIFIED, RunChecks, key_of
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.monitoring.verify_monitor import HISTORY, estimates_of, verify_counts
from ipgirl_crawler.monitoring.verify_opinion import stating_snippet, vouched_flagged
from ipgirl_crawler.monitoring.verify_region import block_keys, region_gaps, tags_line
from ipgirl_crawler.monitoring.verify_state import VerifyState
from ipgirl_crawler.run.state import CrawlState

logger = logging.getLogger(__name__)
PREFIX = "ipgirl/verify/"
# A card's snippet is the start of the summary or of the first paragraph (cut at ~150-300
# characters); the body's first blocks are kept, so that a reading that put something before the
# first paragraph (a table of contents, a lead box) does not make every card pointing there wrong.
BODY_PREFIX_CHARS = 1200
RECORDED = ("url", "language", "title", "summary", "category", "breadcrumbs", "authors", "published_at", "modified_at",
            "site_notice", "helpful_votes", "total_votes", "translations", "tags")
CARD_FIELDS = ("title", "url", "category", "snippet")


def article_record(item: Any, statements: dict[str, Any] | None, opinion: str | None = None) -> dict[str, Any]:
    """What the checks need of an item: its checked fields, the start of its body, its cards, what
    the generic extractor said of its body (``opinion``)."""
    record = {name: item.get(name) for name in RECORDED}
    record["body_prefix"] = (item.get("body_text") or "")[:BODY_PREFIX_CHARS]
    record["body_lines"] = body_lines(item.get("body_text"))
    record["images"] = image_record(item.get("images"))
    captions = captions_in_body(item.get("images"), item.get("body_text"))
    if captions:
        record["captions_in_body"] = captions
    record["related"] = [{name: card.get(name) for name in CARD_FIELDS}
                         for card in item.get("related") or [] if isinstance(card, dict)]
    record["statements"] = statements or {}
    body_evidence(item, record)
    if record["statements"].get("small_images"):  # kept for the item's images only (the state keeps records)
        shown = {url for url, _ in record["images"]}
        record["statements"] = {**record["statements"],
                                "small_images": [u for u in record["statements"]["small_images"] if u in shown]}
    record["lastmod"] = (item.get("raw_validators") or {}).get("lastmod")
    if opinion is not None:
        record["body_opinion"] = opinion
    return record


def body_evidence(item: Any, record: dict[str, Any]) -> None:
    """What the body's checks of parts lost or gained need (``verify_region``): the keys of its
    blocks, the leaves of its element it lacks (not the element's leaves: they are the body again),
    a tag line or an image's caption it holds."""
    body = item.get("body_text")
    record["body_keys"] = block_keys(body)
    tag_line = tags_line(body, item.get("tags"), str(item.get("language") or "en"))
    if tag_line is not None:
        record["tags_in_body"] = tag_line
    captions = captions_read_twice(item.get("images"), body)
    if captions:
        record["captions_twice"] = captions
    region = record["statements"].get("body_region")
    if region is None:
        return
    statements = record["statements"] = {name: value for name, value in record["statements"].items()
                                         if name != "body_region"}
    # What the item reads, or the page's metadata states, as other fields (a misread summary leaves
    # the lead unread: the summary break of tests/crawl/test_verify.py, eras A-O, blamed the body).
    read_elsewhere = [item.get("title"), item.get("summary"), item.get("site_notice"),
                      *statements.get("descriptions", ()), *statements.get("titles", ()),
                      *(value for image in item.get("images") or [] if isinstance(image, dict)
                        for value in (image.get("caption"), image.get("alt")))]
    gaps = region_gaps(region, record["body_keys"], read_elsewhere, item.get("authors"))
    if gaps:
        record["region_gaps"] = gaps


class CrossChecks:
    ATTRIBUTE = "_ipgirl_verify"

    def __init__(self, crawler: Crawler) -> None:
        self.crawler, self.stats = crawler, crawler.stats
        self.records: dict[str, dict[str, Any]] = {}
        self.listings = ListingStatements()
        self.state: VerifyState | None = None
        self.cpu_seconds = 0.0  # the CPU the checks spend on the crawl's thread, for the bench
        setattr(crawler, self.ATTRIBUTE, self)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrossChecks:
        return cls(crawler)

    @classmethod
    def of(cls, crawler: Crawler | None) -> CrossChecks | None:
        return getattr(crawler, cls.ATTRIBUTE, None)

    def spider_opened(self, spider: Any) -> None:
        state = CrawlState.of(self.crawler)
        if state is not None:
            self.state = VerifyState(state.store.db)

    # -- while the crawl runs ---------------------------------------------------------------
    def response_received(self, response: Response, request: Request, spider: Any) -> None:
        """A home or category page: its teasers. (The first home page comes through the origin
        probe, whose request has no callback.)"""
        listing = getattr(spider, "parse_listing", None)
        if not isinstance(response, TextResponse) or response.status != 200 or listing is None:
            return
        if request.callback != listing and not (request.callback is None and listing_language(response.url)):
            return
        started = time.thread_time()
        try:
            # The spider's parse of the page, cached on the response for its callback: the checks'
            # CPU is the reading of the teasers (the parse was 0.09 of their 0.15 ms an article).
            selector = response.selector
            started = time.thread_time()
            self.listings.read(response.url, selector)
        except Exception as error:  # a listing we cannot read states nothing; the crawl goes on
            logger.info("Could not read the teasers of %s: %s", response.url, error)
        self.cpu_seconds += time.thread_time() - started

    def note(self, item: Any) -> None:
        """An article item on its way to the feed (after every page pipeline and any correction)."""
        started = time.thread_time()
        key = key_of(item.get("url"))
        if key is not None:
            self.records[key] = article_record(item, getattr(item, "_statements", None),
                                               getattr(item, "_body_opinion", None))
        self.cpu_seconds += time.thread_time() - started

    def target(self, key: str | None) -> dict[str, Any] | None:
        """An article as read this run, else as an earlier run remembered it."""
        if key is None:
            return None
        return self.records.get(key) or (self.state.article(key) if self.state is not None else None)

    # -- at the end ---------------------------------------------------------------------------
    def spider_closed(self, spider: Any) -> None:
        started, collecting = time.thread_time(), gc.isenabled()
        # The checks make many short-lived dicts and strings and no cycles: with the collector on,
        # each of its full passes walked the whole crawl's heap while they ran.
        gc.disable()
        try:
            self.finish(spider)
        except Exception:  # the checks judge the run; they must never break its ending
            logger.exception("The cross-checks could not run")
            self.stats.set_value(PREFIX + "error", 1)
        finally:
            if collecting:
                gc.enable()
        self.cpu_seconds += time.thread_time() - started
        self.stats.set_value(PREFIX + "cpu_ms", round(1000 * self.cpu_seconds))

    def finish(self, spider: Any) -> None:
        state = CrawlState.of(self.crawler)
        self.fill_teasers_from_state()
        languages = tuple(ui_strings.languages())
        region_known = self.state.region_evidence() if self.state is not None else None
        checks = RunChecks(self.records, self.listings, self._known, languages, region_known)
        verdicts = checks.run()
        for name, value in sorted(verdicts.counts.items()):
            self.stats.inc_value(PREFIX + name, value)
        for name, examples in verdicts.examples.items():
            self.stats.set_value(f"{PREFIX}examples/{name}", [f"{url}: {detail}" for url, detail in examples])
        vouched = vouched_flagged(self.records, lambda key: checks.check_body_text(key, self.records[key])[0] == VERIFIED)
        if vouched:
            self.stats.inc_value(VOUCHED, len(vouched))
        if state is None or self.state is None:
            return
        whole = state.whole_run_stats(self.stats.get_stats())
        self.stats.set_value(HISTORY, self.state.past_estimates(state.run_id))
        self.state.record_estimates(state.run_id, estimates_of(verify_counts(whole)))
        self.state.remember(state.run_id, ((key, self.remembered(key, checks)) for key in self.records))
        self.state.remember_region(checks.region.kept())

    def remembered(self, key: str, checks: RunChecks) -> dict[str, Any]:
        best = checks.best(key, self.records[key])
        return {**best, "stated_start": stating_snippet(self.records[key], checks.starts.get(key, ())),
                "teaser_titles": sorted(self.listings.titles.get(key, ())),
                "teaser_snippets": sorted(self.listings.snippets.get(key, ())),
                "teaser_categories": sorted(self.listings.categories.get(key, ()))}

    def part(self) -> dict[str, Any]:
        """This process's share of the run as JSON: its article records and listing statements
        (a distributed worker hands it to the job's checks, ``monitoring/verify_job``)."""
        return {"records": self.records, "listings": self.listings.as_json()}

    def known(self, key: str) -> dict[str, Any] | None:
        """An article as an earlier run of this state remembered it."""
        return self._known(key)

    def _known(self, key: str) -> dict[str, Any] | None:
        return self.state.article(key) if self.state is not None else None

    def fill_teasers_from_state(self) -> None:
        """A replay (or a run whose listings no longer show an article) reads no teaser for it:
        what the listings said when it was last read stands."""
        if self.state is None:
            return
        for key in self.records:
            known = self.state.article(key) if key not in self.listings.titles else None
            for kind, name in ((self.listings.titles, "teaser_titles"), (self.listings.snippets, "teaser_snippets"),
                               (self.listings.categories, "teaser_categories")):
                for value in (known or {}).get(name) or ():
                    self.listings.add(kind, key, value)
