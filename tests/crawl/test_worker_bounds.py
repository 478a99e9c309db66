"""A hostile page near the download limit cannot take an extraction worker past its bounds, nor
the crawl process past its own; the page is a recorded failure and the rest of the crawl is fine."""
from __future__ import annotations

import json
from typing import Any

import pytest

from ipgirl_crawler import settings
from tests.localsite.hostile import _article, _html
from tests.localsite.server import LocalSite
from tests.support.crawl_check import crawl_command, read_jsonl, run_measured, score

PATH = "/en/ai/92001-paragraphs"
WORKER_MIB = 256


def explosive_page(base: str) -> bytes:
    """~7.7 MiB (under DOWNLOAD_MAXSIZE) of 900,000 one-letter paragraphs: each a tree node, then a
    block, a line and a string in the page object and the body pipeline."""
    html = _article(base, PATH, "Paragraphs", body="x</p><p>".join(["y"] * 900_000)).encode()
    assert len(html) < settings.DOWNLOAD_MAXSIZE
    return html


@pytest.fixture(scope="module")
def bounded_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("worker-bounds")
    with LocalSite(n_articles=40, seed=81) as site:
        home = site.app.route("/en/", {}).body.decode().replace("</main>", f'<a href="{PATH}">Big</a></main>')
        site.extra_routes.update({"/en/": _html(home.encode()), PATH: _html(explosive_page(site.base_url))})
        status, peak_mib = run_measured(crawl_command(
            site.base_url, work / "out.jsonl", work / "state", "-s", f"IPGIRL_DATA_DIR={work / 'data'}",
            "-s", f"IPGIRL_WORKER_MEMORY_MB={WORKER_MIB}", "-s", "IPGIRL_EXTRACTION_WORKERS=1",
            "-s", f"LOG_FILE={work / 'crawl.log'}"))
        fetched = [r for r in site.requests() if r["path"] == PATH]
        expected = site.expected_items()
    [stats_file] = (work / "data").glob("articles/run_date=*/*.stats.json")
    failures = [record for path in (work / "data").glob("failures/run_date=*/*.jsonl") for record in read_jsonl(path)]
    return {"status": status, "peak_mib": peak_mib, "stats": json.loads(stats_file.read_text("utf-8")),
            "failures": failures, "fetched": fetched, "items": read_jsonl(work / "out.jsonl"), "expected": expected,
            "log": (work / "crawl.log").read_text("utf-8")}


def test_the_page_is_a_recorded_failure_fetched_once(bounded_crawl: dict[str, Any]) -> None:
    assert bounded_crawl["stats"]["ipgirl/failures/worker_memory"] == 1
    assert [(f["url"].endswith(PATH), f["reason"]) for f in bounded_crawl["failures"]] == [(True, "worker_memory")]
    assert len(bounded_crawl["fetched"]) == 1  # not retried, nor read again in the crawl process
    assert "running it in-process" not in bounded_crawl["log"] and "Traceback" not in bounded_crawl["log"]


def test_the_worker_and_the_crawl_stay_within_their_bounds(bounded_crawl: dict[str, Any]) -> None:
    assert 0 < bounded_crawl["stats"]["ipgirl/workers/peak_rss_mib"] < WORKER_MIB
    assert bounded_crawl["peak_mib"] < settings.MEMUSAGE_WARNING_MB
    assert "memusage/limit_reached" not in bounded_crawl["stats"]


def test_the_rest_of_the_crawl_is_fine(bounded_crawl: dict[str, Any]) -> None:
    assert bounded_crawl["status"] == 0
    assert bounded_crawl["stats"]["finish_reason"] == "finished"
    result = score(bounded_crawl["items"], bounded_crawl["expected"])
    assert not result.missing and not result.unexpected and not result.duplicates, result.summary()
    assert result.accuracy == 1.0, result.summary()
