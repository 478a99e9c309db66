"""A body parser that loses (or gains) one part of the article on a third of the pages
(tests/support/body_breaks.py: its headings, its first or last paragraph, a line after the body, its
lists, its quotes, its last section, its captions), through ``ipgirl-crawl`` on a local site of eras
A, B and three held-out designs: the run fails naming ``body_text`` and no field the parser read
right, and the body's estimate is within 2 points of its true accuracy. A healthy run of the same
site raises nothing about the body."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.localsite.server import LocalSite
from tests.support.body_breaks import BODY_BREAKS, ENV, body_break_pipelines
from tests.support.crawl_check import score
from tests.support.operations import articles, run_entrypoint

ERAS = "A,B,U,X,Y"
FOLLOW_THE_BODY = {"body_text", "body_html", "word_count", "content_hash"}


def run_stats(data: Path) -> dict[str, Any]:
    return json.loads(next(data.glob("articles/run_date=*/*.stats.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def site() -> Any:
    with LocalSite(n_articles=150, seed=5, eras=ERAS) as served:
        yield served


def test_a_healthy_run_raises_nothing_about_the_body(site: Any, tmp_path: Path) -> None:
    done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d")
    stats = run_stats(tmp_path / "d")
    assert stats.get("ipgirl/verify/body_text/contradicted", 0) == 0, stats.get("ipgirl/verify/examples/body_text")
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.parametrize("breakage", sorted(BODY_BREAKS))
def test_a_body_that_lost_a_part_is_caught_and_estimated(site: Any, breakage: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, breakage)
    done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", *body_break_pipelines())
    assert done.returncode == 1, done.stderr[-3000:]
    named = set(re.findall(r"verify: field (\w+)", done.stderr.strip().splitlines()[-1]))
    truth = score(articles(tmp_path / "d"), site.expected_items())
    # the body's parts only, or its images with it (a last section lost takes its figures along)
    assert set(truth.wrong) <= FOLLOW_THE_BODY | {"images"}, truth.wrong
    wrong = {field for field, count in truth.wrong.items() if count > 0.01 * truth.emitted}
    assert "body_text" in named and named <= wrong, (named, truth.wrong)  # no field read right is named
    accuracy = 1 - truth.wrong["body_text"] / truth.emitted
    assert accuracy < 0.99
    assert abs(run_stats(tmp_path / "d")["ipgirl/verify/body_text/estimate"] - accuracy) <= 0.02, accuracy
