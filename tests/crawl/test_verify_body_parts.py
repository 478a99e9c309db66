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

from tests.localsite.mutate import change_site
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


@pytest.mark.parametrize("breakage", ["headings", "last_paragraph"])
def test_an_incremental_rerun_gives_the_same_verdict(breakage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rerun reads the 45 changed pages: too few to tell the template's boxes by themselves (N's
    newsletter box), which the state remembers."""
    monkeypatch.setenv(ENV, breakage)
    with LocalSite(n_articles=150, seed=11, eras="A,B,C,D,E,F,G,H,I,J,K,L,M,N,O") as served:
        first = run_entrypoint(served.base_url, tmp_path / "s", tmp_path / "d1", *body_break_pipelines())
        change_site(served.site, edits=45, new=0)
        again = run_entrypoint(served.base_url, tmp_path / "s", tmp_path / "d2", *body_break_pipelines())
    named = [set(re.findall(r"verify: field (\w+)", done.stderr.strip().splitlines()[-1])) for done in (first, again)]
    assert first.returncode == again.returncode == 1, again.stderr[-3000:]
    assert named[0] == named[1] == {"body_text"}
    assert run_stats(tmp_path / "d2")["ipgirl/discovery/unchanged_304"] > 50
