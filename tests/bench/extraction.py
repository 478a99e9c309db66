"""Per-page extraction cost over article pages held in memory: the lxml parse (the floor), the
project's page object + item pipelines (what the crawl does per article), and trafilatura."""
from __future__ import annotations

import asyncio
import gc
import inspect
import statistics
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.html
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse
from scrapy.utils.misc import load_object

from ipgirl_crawler import settings
from ipgirl_crawler.pages.eras import page_for
from tests.bench.report import Row

TRAFILATURA_MISSING = "trafilatura not installed"


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    content_type: str

    def response(self) -> HtmlResponse:
        return HtmlResponse(url=self.url, body=self.body, headers={"Content-Type": self.content_type})


def fetch_sample(expected: list[dict[str, Any]], size: int) -> list[Page]:
    """``size`` article pages spread evenly over the site (so every era and language), fetched once."""
    step = max(1, len(expected) // size)
    pages = []
    for item in expected[::step][:size]:
        with urllib.request.urlopen(item["url"], timeout=30) as reply:  # noqa: S310 - 127.0.0.1 only
            pages.append(Page(reply.url, reply.read(), reply.headers.get("Content-Type", "text/html")))
    return pages


def pipeline_chain() -> list[Any]:
    """One instance of each pipeline of ``settings.ITEM_PIPELINES``, in order (no stats)."""
    return [load_object(path)() for path, _ in sorted(settings.ITEM_PIPELINES.items(), key=lambda p: p[1])]


class Extractor:
    """The crawl's per-article work, as ``IpgirlSpider.parse_article`` and the pipelines do it."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.loop = asyncio.new_event_loop()
        self.pipelines = pipeline_chain()

    def reset(self) -> None:
        """A fresh run: the duplicate filter forgets the URLs of the previous repetition."""
        self.pipelines = pipeline_chain()

    def __call__(self, page: Page) -> Any:
        parsed = page_for(page.response(), self.base_url)
        related = [card.get("url") for card in parsed.raw_related()]
        related.extend(parsed.translations().values())
        if not parsed.is_article():
            return None
        try:
            # One loop for all pages: a new loop per page would cost more than the pipelines.
            return self.loop.run_until_complete(self._through_pipelines(parsed.to_item()))
        except DropItem:
            return None

    async def _through_pipelines(self, item: Any) -> Any:
        for pipeline in self.pipelines:
            result = pipeline.process_item(item)
            item = await result if inspect.isawaitable(result) else result
        return item


def lxml_parse(page: Page) -> Any:
    return lxml.html.fromstring(page.body)


def scrapy_parse(page: Page) -> Any:
    """What Scrapy costs before any project code: the response, its decoding and its parsed tree."""
    return page.response().selector.root


def trafilatura_extractor() -> Callable[[Page], Any] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def extract(page: Page) -> Any:
        return trafilatura.bare_extraction(page.body, url=page.url)

    return extract


@dataclass
class Timing:
    name: str
    ms_per_page: float        # median over runs of CPU time per page
    runs: list[float]         # CPU ms/page of each run
    wall_runs: list[float]    # wall ms/page of each run

    def summary(self) -> str:
        spread = f"{min(self.runs):.2f}–{max(self.runs):.2f}" if self.runs else "-"
        return (f"{self.name}: {self.ms_per_page:.2f} ms/page CPU (median of {len(self.runs)} runs, range {spread}; "
                f"wall median {statistics.median(self.wall_runs):.2f})")


def time_per_page(name: str, work: Callable[[Page], Any], pages: list[Page], repeats: int,
                  before_run: Callable[[], None] | None = None) -> Timing:
    """Median over ``repeats`` runs of (time of one pass over ``pages``) / pages, after a warm-up pass.

    The process's CPU time, not wall time: other work on the machine then hardly moves it."""
    runs: list[float] = []
    wall_runs: list[float] = []
    for index in range(repeats + 1):
        if before_run is not None:
            before_run()
        gc.collect()
        started, cpu_started = time.perf_counter(), time.process_time()
        for page in pages:
            work(page)
        cpu, wall = time.process_time() - cpu_started, time.perf_counter() - started
        if index:  # the first pass is the warm-up
            runs.append(cpu * 1000 / len(pages))
            wall_runs.append(wall * 1000 / len(pages))
    return Timing(name, statistics.median(runs), runs, wall_runs)


def check_outputs(extractor: Extractor, pages: list[Page]) -> int:
    """How many sample pages gave an item (they are all articles: a smaller count is a bug)."""
    extractor.reset()
    return sum(extractor(page) is not None for page in pages)


def measure(pages: list[Page], base_url: str, repeats: int) -> dict[str, Timing | None]:
    extractor = Extractor(base_url)
    timings: dict[str, Timing | None] = {
        "lxml": time_per_page("lxml.html.fromstring", lxml_parse, pages, repeats),
        "scrapy": time_per_page("HtmlResponse().selector", scrapy_parse, pages, repeats),
        "ours": time_per_page("page_for().to_item() + pipelines", extractor, pages, repeats, extractor.reset),
    }
    trafilatura = trafilatura_extractor()
    if trafilatura is None:
        print(f"  {TRAFILATURA_MISSING}")
    timings["trafilatura"] = (time_per_page("trafilatura.bare_extraction", trafilatura, pages, max(1, repeats // 2))
                              if trafilatura else None)
    for timing in timings.values():
        if timing is not None:
            print("  " + timing.summary(), flush=True)
    return timings


def rows(timings: dict[str, Timing | None]) -> list[Row]:
    ms = {name: (timing.ms_per_page if timing else None) for name, timing in timings.items()}
    lxml_ms, ours, trafilatura = ms["lxml"], ms["ours"], ms["trafilatura"]
    return [
        Row("lxml.html.fromstring ms/page", lxml_ms, " ms", note="the physical floor; all ms/page are CPU time, median of runs"),
        Row("HtmlResponse + selector ms/page", ms["scrapy"], " ms", note="Scrapy's share before any project code"),
        Row("ours (page_for().to_item() + pipelines) ms/page", ours, " ms"),
        Row("trafilatura.bare_extraction ms/page", trafilatura, " ms",
            note="" if trafilatura is not None else TRAFILATURA_MISSING),
        Row("ours / lxml", ours / lxml_ms if ours and lxml_ms else None, "x", "<=", 3.0),
        Row("trafilatura / ours", trafilatura / ours if trafilatura and ours else None, "x", ">=", 10.0,
            note="" if trafilatura is not None else TRAFILATURA_MISSING),
    ]
