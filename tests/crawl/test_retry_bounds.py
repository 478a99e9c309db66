"""Timeouts are retried once at most, and the time a URL may cost is bounded: a slow-drip server
costs two attempts, not four."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipgirl_crawler.middlewares import may_retry
from tests.localsite import Fault
from tests.localsite.server import LocalSite
from tests.support.crawl_check import read_jsonl, score
from tests.support.operations import articles, run_entrypoint


@pytest.mark.parametrize(("timed_out", "timeouts", "spent", "expected"), [
    (True, 1, 5.0, None),  # the first timeout: one more try
    (True, 2, 5.0, "timeout_retries"),  # the second: no more
    (False, 2, 5.0, None),  # a 503 after two timeouts is retried as usual
    (False, 0, 119.0, None),
    (False, 0, 120.0, "url_budget"),
    (True, 1, 130.0, "url_budget"),
])
def test_may_retry(timed_out: bool, timeouts: int, spent: float, expected: str | None) -> None:
    assert may_retry(timed_out, timeouts, 1, spent, 120.0) == expected


def test_may_retry_without_a_budget() -> None:
    assert may_retry(False, 0, 1, 10_000.0, 0.0) is None


def test_a_slow_drip_answer_costs_two_attempts_and_is_a_recorded_failure(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=91) as site:
        expected = site.expected_items()
        dripping = expected[0]["url"].removeprefix(site.base_url)
        site.inject(dripping, *[Fault.drip(0.3)] * 4)  # every attempt Scrapy would make
        done = run_entrypoint(site.base_url, tmp_path / "state", tmp_path / "data", "-s", "DOWNLOAD_TIMEOUT=2",
                              "-s", "IPGIRL_RETRY_BACKOFF_BASE=0.1")
        attempts = [r for r in site.requests() if r["path"] == dripping]
    assert len(attempts) == 2
    [failure] = [record for path in (tmp_path / "data").glob("failures/run_date=*/*.jsonl") for record in read_jsonl(path)]
    assert failure["url"].endswith(dripping) and failure["reason"] == "DownloadTimeoutError" and failure["attempts"] == 2
    [stats_file] = (tmp_path / "data").glob("articles/run_date=*/*.stats.json")
    assert json.loads(stats_file.read_text("utf-8"))["ipgirl/retry/refused/timeout_retries"] == 1
    result = score(articles(tmp_path / "data"), expected)
    assert result.missing == [expected[0]["url"]] and not result.unexpected, result.summary()
    assert done.returncode == 0, done.stderr[-2000:]  # one failure in ~95 requests: within the thresholds
