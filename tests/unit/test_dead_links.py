"""Dead links by source: which answers are dead links, when a source is flagged, what is dropped."""
from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from ipgirl_crawler.monitoring.dead_links import flood_failures
from ipgirl_crawler.run.deadlinks import DeadLinks, NotFollowed

SITEMAP = "http://127.0.0.1:8800/sitemaps/fr.xml"


def tracker(sample: int = 10, rate: float = 0.5) -> DeadLinks:
    crawler = get_crawler()
    crawler._apply_settings()
    links = DeadLinks(crawler, rate, sample)
    links.source(SITEMAP, "sitemap")
    return links


def link(n: int, referer: str | None = SITEMAP) -> Request:
    return Request(f"http://127.0.0.1:8800/fr/ai/{n}-x", headers={"Referer": referer} if referer else None)


@pytest.mark.parametrize(("status", "referer", "dead"), [
    (404, SITEMAP, True), (410, SITEMAP, True),
    (404, None, False),  # a seed of the crawl's own (no page linked it): a failure, not a dead link
    (500, SITEMAP, False), (403, SITEMAP, False), (200, SITEMAP, False),
])
def test_which_answers_are_dead_links(status: int, referer: str | None, dead: bool) -> None:
    links = tracker()
    assert links.dead_link(link(1, referer), status, "listing") is dead
    assert links.crawler.stats.get_value("ipgirl/discovery/dead_links/listing", 0) == int(dead)


@pytest.mark.parametrize(("statuses", "flagged"), [
    ([404] * 10, True),
    ([404] * 6 + [200] * 4, True),
    ([404] * 5 + [200] * 5, False),  # at the limit, not over it
    ([404] * 9, False),  # fewer answers than the sample: not judged
    ([200] * 10 + [404] * 9, False),
    ([304] * 20, False),  # unchanged articles are alive
])
def test_a_source_is_flagged_when_most_of_a_sample_is_dead(statuses: list[int], flagged: bool) -> None:
    links = tracker()
    for n, status in enumerate(statuses):
        links.answered(link(n), status)
    assert bool(links.floods) is flagged
    if flagged:
        with pytest.raises(NotFollowed):
            links.check(link(999))
        links.write_floods()  # as at the spider's close: the last counts
        (failure,) = flood_failures(links.crawler.stats.get_stats(), {"max_dead_link_rate": 0.5})
        assert failure.startswith(f"{statuses.count(404)} of {len(statuses)} sitemap URLs dead (maximum 50%)")
        assert failure.endswith(f", 1 more not followed: {SITEMAP}")
    else:
        links.check(link(999))  # followed


def test_links_of_unknown_sources_are_never_dropped() -> None:
    links = tracker(sample=1)
    other = "http://127.0.0.1:8800/fr/ai/5-an-article"  # an article's card links: not a tracked source
    for n in range(5):
        links.answered(link(n, other), 404)
    links.check(link(99, other))
    assert not links.floods
