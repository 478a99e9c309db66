"""Monitors: pure checks over a run's stats, table-driven."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.monitoring.monitors import evaluate
from ipgirl_crawler.monitoring.thresholds import default_thresholds

HEALTHY: dict[str, Any] = {
    "finish_reason": "finished", "ipgirl/discovery/article_responses": 100, "response_received_count": 150,
    "item_scraped_count": 100,
}


@pytest.mark.parametrize(("changes", "failed_about"), [
    ({}, []),
    ({"finish_reason": "shutdown"}, ["finish reason"]),
    ({"ipgirl/discovery/article_responses": 0}, ["article pages answered"]),
    ({"log_count/ERROR": 20}, ["errors logged"]),
    ({"ipgirl/failures/HTTP_500": 30}, ["failed after retries"]),
    ({"ipgirl/validate/missing/published_at": 40}, ["field published_at"]),
    ({"ipgirl/validate/missing/body_text": 1}, ["field body_text"]),
    ({"ipgirl/validate/schema/url": 1}, ["broke the item schema"]),
    ({"item_scraped_count": 5, "ipgirl/validate/missing/title": 5}, []),  # too few items to judge coverage
])
def test_evaluate(changes: dict[str, Any], failed_about: list[str]) -> None:
    failed = evaluate({**HEALTHY, **changes}, default_thresholds())
    assert len(failed) == len(failed_about)
    for message, about in zip(failed, failed_about):
        assert about in message


def test_a_site_answering_500_everywhere_is_unhealthy() -> None:
    stats = {"finish_reason": "finished", "response_received_count": 0, "ipgirl/failures/HTTP_500": 10}
    assert len(evaluate(stats)) >= 2


def test_a_distributed_worker_with_nothing_left_to_do_is_not_unhealthy_by_itself() -> None:
    healthy = {"finish_reason": "finished", "ipgirl/discovery/article_responses": 0}
    assert any("article pages answered" in failure for failure in evaluate(healthy))
    assert not any("article pages answered" in failure
                   for failure in evaluate({**healthy, "ipgirl/distributed/worker": "vm:1:worker-2"}))
