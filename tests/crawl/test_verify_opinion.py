"""The body's second opinion judged with the site's statements, through ``ipgirl-crawl`` on held-out
design V (120 articles, seed 7): the generic extractor doubts 15 bodies, every one read right and
its start stated by other pages' cards: the run exits 0. A parser that reads the related cards into
the body, ahead of the article, on every third page still fails the run."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.localsite.server import LocalSite
from tests.support.archive_parsers import cards_in_body_pipelines
from tests.support.operations import run_entrypoint

pytestmark = pytest.mark.crawl
OPINION = "ipgirl/body/second_opinion/"


def run_stats(data: Path) -> dict[str, Any]:
    return json.loads(next(data.glob("articles/run_date=*/*.stats.json")).read_text("utf-8"))


@pytest.fixture(scope="module")
def site() -> Any:
    with LocalSite(n_articles=120, seed=7, eras="V") as served:
        yield served


def test_bodies_the_site_vouches_for_are_no_drift(site: Any, tmp_path: Path) -> None:
    done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d")
    assert done.returncode == 0, done.stderr[-3000:]
    stats = run_stats(tmp_path / "d")
    assert stats[OPINION + "flagged"] > 12  # more than the 10 % the monitor allows…
    assert stats[OPINION + "flagged"] - stats[OPINION + "flagged_vouched"] <= 12  # …the site vouches for them


def test_a_body_that_holds_the_related_cards_is_still_caught(site: Any, tmp_path: Path) -> None:
    done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", *cards_in_body_pipelines())
    assert done.returncode == 1, done.stderr[-3000:]
    failed = run_stats(tmp_path / "d")["ipgirl/monitors/failed"]
    assert any(m.startswith("drift: body second opinion flagged") for m in failed), failed
