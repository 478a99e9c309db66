"""Per-page CPU of ``extract()`` (page object + page pipelines, as a worker runs it) against
``lxml.html.fromstring`` on the same pages, interleaved in one process: the ratio holds on a
loaded machine, where either figure alone does not.

    python -m tests.bench.pagecost                      # site pages (eras A-M) and real pages
    python -m tests.bench.pagecost --set site --profile # cProfile's top functions of the site pages
    python -m tests.bench.pagecost --dump out.jsonl     # every item, to diff two versions' outputs

Site pages are rendered in-process by the local site's generator (no server); real pages are
the benchmark set of ``../shared/realpages`` (the article path: every page goes through the pipelines).
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lxml.html
from scrapy.http import HtmlResponse

from ipgirl_crawler.cli.crawl import build_settings
from ipgirl_crawler.discovery.urls import absolute
from ipgirl_crawler.pages.encoding import with_true_encoding
from ipgirl_crawler.pages.eras import page_for
from pipelines.base import Counts, page_pipelines, run_page_pipelines
from tests.localsite import ALL_ERAS, Site, build_site, expected_items
from tests.localsite.app import App
from tests.localsite.eras import Ctx
from tests.localsite.fmt import http_date
from tests.support import realpages
from tests.support.crawl_check import score

SITE_BASE = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    headers: dict[bytes, list[bytes]]
    base_url: str


def site_pages(articles: int, seed: int, eras: str) -> list[Page]:
    return pages_of(build_site(articles, seed, eras=eras))


def pages_of(site: Site) -> list[Page]:
    app = App(site, Ctx(SITE_BASE, SITE_BASE.replace("127.0.0.1", "localhost")))
    pages, date = [], http_date(site.now)  # the server's Date: relative dates count from it
    for article in site.articles:
        response = app.route(article.path, {})
        if response.status == 200:
            headers = {k.encode(): [v.encode()] for k, v in {**response.headers, "Date": date}.items()}
            pages.append(Page(SITE_BASE + article.path, response.body, headers, SITE_BASE))
    return pages


def real_pages() -> list[Page]:
    if not realpages.available():
        print(realpages.MISSING, flush=True)
        return []
    return [Page(p.url, p.html, {b"Content-Type": [b"text/html"]}, p.origin) for p in realpages.benchmark_pages()]


PIPELINES = page_pipelines(build_settings({}))


def ours(page: Page) -> dict[str, Any] | None:
    """What a worker does for a page (``workers.extraction.extract``): the page object, the links
    to follow, then the page pipelines; a page the page object takes for no article (most real
    pages show no article id) takes the article path all the same."""
    response, _ = with_true_encoding(HtmlResponse(url=page.url, body=page.body, headers=page.headers))
    parsed = page_for(response, page.base_url)
    parsed.is_article()
    item = dict(parsed.to_item())
    [absolute(page.url, href) for href in [card.get("url") for card in item["raw_related"]]
     + list(item["translations"].values())]
    return run_page_pipelines(item, PIPELINES, Counts())[0]


def lxml_parse(page: Page) -> Any:
    return lxml.html.fromstring(page.body)


def cpu_of(work: Callable[[Page], Any], pages: list[Page]) -> float:
    gc.collect()
    started = time.process_time()
    for page in pages:
        work(page)
    return time.process_time() - started


def ratio(pages: list[Page], repeats: int) -> tuple[float, float, float]:
    """(ours ms/page, lxml ms/page, ours/lxml): medians over ``repeats`` passes, each page timed
    with both right after each other, so that both see the same load on a shared machine."""
    ours_runs, lxml_runs, ratios = [], [], []
    cpu_of(ours, pages)  # warm-up: imports, caches, compiled patterns
    clock = time.process_time
    for _ in range(repeats):
        gc.collect()
        mine = floor = 0.0
        for page in pages:
            started = clock()
            lxml_parse(page)
            parsed = clock()
            ours(page)
            mine, floor = mine + clock() - parsed, floor + parsed - started
        ours_runs.append(mine * 1000 / len(pages))
        lxml_runs.append(floor * 1000 / len(pages))
        ratios.append(mine / floor)
    return statistics.median(ours_runs), statistics.median(lxml_runs), statistics.median(ratios)


def profile(pages: list[Page], top: int) -> None:
    cpu_of(ours, pages)
    profiler = cProfile.Profile()
    profiler.enable()
    cpu_of(ours, pages)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def dump(pages: list[Page], path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for page in pages:
            item = ours(page) or {}
            item.pop("crawled_at", None)
            out.write(json.dumps({"url": page.url, **item}, ensure_ascii=False, sort_keys=True, default=str) + "\n")


def site_accuracy(articles: int, seed: int, eras: str) -> None:
    """Every site page's item scored against the site's answer key, in-process (no crawl)."""
    site = build_site(articles, seed, eras=eras)
    items = [item for item in map(ours, pages_of(site)) if item]
    print(score(items, expected_items(site, SITE_BASE)).summary())


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.pagecost")
    parser.add_argument("--set", choices=("site", "real", "both"), default="both")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--eras", default=",".join(ALL_ERAS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--dump")
    parser.add_argument("--score", action="store_true", help="site pages' items against the answer key")
    args = parser.parse_args()
    if args.score:
        site_accuracy(args.articles, args.seed, args.eras)
        return
    sets = {"site": lambda: site_pages(args.articles, args.seed, args.eras), "real": real_pages}
    for name in (("site", "real") if args.set == "both" else (args.set,)):
        pages = sets[name]()
        if not pages:
            continue
        if args.dump:
            dump(pages, f"{args.dump}.{name}.jsonl")
        elif args.profile:
            profile(pages, args.top)
        else:
            mine, floor, times = ratio(pages, args.repeats)
            print(f"{name}: {len(pages)} pages, ours {mine:.2f} ms/page, lxml {floor:.3f} ms/page: {times:.1f}x",
                  flush=True)


if __name__ == "__main__":
    main()
