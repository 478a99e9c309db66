"""The bench's throughput step reports the cross-checks' CPU an article (the crawl process's
``ipgirl/verify/cpu_ms`` and the workers' ``ipgirl/verify/statements_cpu_us``) and its share of
the crawl's CPU an article (README's figures: goal <= 5 %)."""
from __future__ import annotations

from tests.bench.crawl import CrawlRun
from tests.bench.throughput import checks_ms, checks_share
from tests.bench.proctree import TreeUsage


def test_the_checks_cost_an_article_and_its_share_of_the_crawls_cpu() -> None:
    run = CrawlRun("ipgirl", 0, 10.0, 1000, cpu_seconds=2.0, workers=TreeUsage(cpu={4242: 2.0}),
                   stats={"item_scraped_count": 200, "ipgirl/verify/cpu_ms": 120,
                          "ipgirl/verify/statements_cpu_us": 40_000})
    assert checks_ms(run) == 0.8  # (120 + 40) ms over 200 articles
    assert checks_share(run) == 4.0  # of (2 s + 2 s) / 200 = 20 ms an article
    assert checks_ms(CrawlRun("ipgirl", 0, 10.0, 1000, stats={"item_scraped_count": 200})) is None
