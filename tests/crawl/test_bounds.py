"""Every run ends: an endless site is cut short by its bounds, the run fails naming them, what
was fetched is committed, and the next run on a healthy site starts afresh and passes."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ipgirl_crawler.discovery.urls import listing_page
from ipgirl_crawler.monitoring.bound_checks import PREFIX, bound_failures
from tests.localsite import endless
from tests.localsite.server import LocalSite
from tests.support.crawl_check import score
from tests.support.operations import articles, run_entrypoint


@pytest.mark.parametrize(("url", "reduced", "page"), [
    ("http://h/en/category/ai/", "http://h/en/category/ai/", 1),
    ("http://h/en/category/ai/?page=3", "http://h/en/category/ai/?page=3", 3),
    ("http://h/en/category/ai/?page=3&sort=new&sid=9", "http://h/en/category/ai/?page=3", 3),
    ("http://h/en/category/ai/?sort=new", "http://h/en/category/ai/", 1),
    ("http://h/en/category/ai/?page=1", "http://h/en/category/ai/", 1),
    ("http://h/en/category/ai/?page=0", "http://h/en/category/ai/", 1),
    ("http://h/en/category/ai/?page=abc", "http://h/en/category/ai/", 1),
    ("http://h/en/category/ai/?page=%C2%B2", "http://h/en/category/ai/", 1),  # a superscript two is no page number
    ("http://h/en/category/ai/?page=99999999999", "http://h/en/category/ai/", 1),
])
def test_listing_page(url: str, reduced: str, page: int) -> None:
    assert listing_page(url) == (reduced, page)


def test_bound_failures_name_the_bound_and_its_setting() -> None:
    assert bound_failures({"item_scraped_count": 3}) == []
    failures = bound_failures({PREFIX + "run_deadline": 20, PREFIX + "listing_page": 4, PREFIX + "sitemaps": 0})
    assert failures == ["run cut short by bound run_deadline (IPGIRL_RUN_DEADLINE): the run was stopped after 20 s",
                        "run cut short by bound listing_page (IPGIRL_MAX_LISTING_PAGE): "
                        "4 listing pages past the highest page number not followed"]


def _stats(data: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text("utf-8")) for path in sorted(data.glob("articles/run_date=*/*.stats.json"))]


def _bounded_then_healthy(tmp_path: Path, *bounds: str) -> dict[str, Any]:
    """A run on the endless site with ``bounds``, then one on the same site made healthy."""
    state, data = tmp_path / "state", tmp_path / "data"
    with LocalSite(n_articles=30, seed=71) as site:
        endless.install(site)
        first = run_entrypoint(site.base_url, state, data, *bounds, "-s", f"LOG_FILE={tmp_path / 'first.log'}")
        first_stats = _stats(data)
        endless.uninstall(site)
        second = run_entrypoint(site.base_url, state, data, "-s", f"LOG_FILE={tmp_path / 'second.log'}")
        expected = site.expected_items()
    return {"first": first, "first_stats": first_stats, "second": second, "all_stats": _stats(data),
            "items": articles(data), "expected": expected, "second_log": (tmp_path / "second.log").read_text("utf-8")}


def _check_next_run_is_healthy_and_nothing_is_lost(runs: dict[str, Any]) -> None:
    assert runs["second"].returncode == 0, runs["second"].stderr[-2000:]
    assert "(resumed)" not in runs["second_log"]  # the bounded run ended; this one is a new run
    assert len(runs["all_stats"]) == 2
    result = score(runs["items"], runs["expected"])  # both runs' files: every article once
    assert not result.missing and not result.duplicates and not result.unexpected, result.summary()


def test_caps_end_an_endless_site_and_the_next_run_is_healthy(tmp_path: Path) -> None:
    # Page 2's link to page 3 is met within the first listings whatever the order the answers come
    # in: with a cap of 5, a loaded machine's breadth-first order spent the 80 listings on new slugs
    # (each page links 2) before any page 6 (1 of 6 runs this day, the machine loaded by other tests).
    runs = _bounded_then_healthy(tmp_path, "-s", "IPGIRL_MAX_LISTING_PAGE=2", "-s", "IPGIRL_MAX_LISTINGS=80",
                                 "-s", "IPGIRL_MAX_SITEMAPS=25")
    first = runs["first"]
    assert first.returncode == 1, first.stderr[-2000:]
    [stats] = runs["first_stats"]
    assert stats["finish_reason"] == "finished"  # it ended by itself, within its caps
    for bound, setting in (("listing_page", "IPGIRL_MAX_LISTING_PAGE"), ("listings", "IPGIRL_MAX_LISTINGS"),
                           ("sitemaps", "IPGIRL_MAX_SITEMAPS")):
        assert stats[PREFIX + bound] > 0, bound
        assert f"run cut short by bound {bound} ({setting})" in first.stderr
    assert stats["item_scraped_count"] > 0  # what was found is written and committed
    _check_next_run_is_healthy_and_nothing_is_lost(runs)


def test_sitemap_depth_is_bounded(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=72) as site:
        endless.install(site)
        done = run_entrypoint(site.base_url, tmp_path / "state", tmp_path / "data", "-s", "IPGIRL_SITEMAP_DEPTH=2",
                              "-s", "IPGIRL_MAX_LISTING_PAGE=2", "-s", "IPGIRL_MAX_LISTINGS=30")
        fetched = [r["path"] for r in site.requests() if r["path"].startswith("/sitemaps/endless-")]
    assert done.returncode == 1
    assert "run cut short by bound sitemap_depth (IPGIRL_SITEMAP_DEPTH)" in done.stderr
    # robots.txt's sitemap is depth 0, the endless index 1, its entries 2; nothing deeper is read
    assert fetched and max(int(path.split("-")[1]) for path in fetched) == 1


def test_the_run_deadline_ends_an_endless_site_and_the_next_run_is_healthy(tmp_path: Path) -> None:
    runs = _bounded_then_healthy(tmp_path, "-s", "IPGIRL_RUN_DEADLINE=12", "-s", "IPGIRL_DISCOVERY_DEADLINE=0",
                                 "-s", "IPGIRL_MAX_LISTING_PAGE=1000000", "-s", "IPGIRL_MAX_LISTINGS=100000000")
    first = runs["first"]
    assert first.returncode == 1, first.stderr[-2000:]
    [stats] = runs["first_stats"]
    assert stats["finish_reason"] == "run_deadline"
    assert "finish reason run_deadline" in first.stderr
    assert "run cut short by bound run_deadline (IPGIRL_RUN_DEADLINE): the run was stopped after 12 s" in first.stderr
    assert stats["item_scraped_count"] > 0
    _check_next_run_is_healthy_and_nothing_is_lost(runs)


def test_the_discovery_deadline_stops_discovery_and_the_articles_found_are_fetched(tmp_path: Path) -> None:
    runs = _bounded_then_healthy(tmp_path, "-s", "IPGIRL_DISCOVERY_DEADLINE=6", "-s", "IPGIRL_MAX_LISTING_PAGE=1000000",
                                 "-s", "IPGIRL_MAX_LISTINGS=100000000", "-s", "IPGIRL_MAX_SITEMAPS=100000000",
                                 "-s", "IPGIRL_SITEMAP_DEPTH=1000")
    first = runs["first"]
    assert first.returncode == 1, first.stderr[-2000:]
    [stats] = runs["first_stats"]
    assert stats["finish_reason"] == "finished"
    assert stats[PREFIX + "discovery_deadline"] > 0
    assert "run cut short by bound discovery_deadline (IPGIRL_DISCOVERY_DEADLINE)" in first.stderr
    _check_next_run_is_healthy_and_nothing_is_lost(runs)
