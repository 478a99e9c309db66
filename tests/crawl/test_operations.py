"""Scheduled operation through ``ipgirl-crawl``: incremental runs, a held lock, an unhealthy site."""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from tests.localsite import Fault
from tests.localsite.server import LocalSite
from tests.support.crawl_check import score
from tests.support.operations import ROOT, article_page_fetches, articles, entrypoint_command, run_entrypoint


def test_second_run_fetches_no_body_then_emits_exactly_the_changes(tmp_path: Path) -> None:
    with LocalSite(n_articles=150, seed=11) as site:
        first = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d1")
        assert first.returncode == 0, first.stderr[-3000:]
        assert score(articles(tmp_path / "d1"), site.expected_items()).accuracy == 1.0

        before = len(site.requests())
        second = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d2")
        assert second.returncode == 0, second.stderr[-3000:]
        assert articles(tmp_path / "d2") == []
        assert article_page_fetches(site.requests()[before:]) == 0

        edited, published = site.change(edits=10, new=1)
        third = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d3")
        assert third.returncode == 0, third.stderr[-3000:]
        emitted = articles(tmp_path / "d3")
        wanted = {f"{site.base_url}{a.path}" for a in [*edited, *published]}
        assert sorted(i["url"] for i in emitted) == sorted(wanted)
        result = score(emitted, [e for e in site.expected_items() if e["url"] in wanted])
        assert not result.wrong, result.summary()


def test_full_recrawl_emits_everything_again(tmp_path: Path) -> None:
    with LocalSite(n_articles=40, seed=12) as site:
        assert run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d1").returncode == 0
        again = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d2", "-a", "full=1")
        assert again.returncode == 0
        assert len(articles(tmp_path / "d2")) == 40


def test_second_entrypoint_on_the_same_state_exits_75(tmp_path: Path) -> None:
    with LocalSite(n_articles=120, seed=13) as site:
        site.inject("/robots.txt", Fault.slow(2.0))
        command = entrypoint_command(site.base_url, tmp_path / "s", tmp_path / "d")
        first = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        time.sleep(1.0)
        second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert second.returncode == 75
        assert len(second.stderr.strip().splitlines()) == 1
        assert first.wait(timeout=300) == 0
        assert len(articles(tmp_path / "d")) == 120


def test_site_answering_500_everywhere_is_unhealthy(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=14) as site:
        site.faults.always = Fault.http(500)
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-s", "IPGIRL_RETRY_BACKOFF_MAX=0.2")
    assert done.returncode == 1
    assert "UNHEALTHY" in done.stderr.strip().splitlines()[-1]


def test_an_article_that_disappears_is_recorded_as_gone(tmp_path: Path) -> None:
    with LocalSite(n_articles=40, seed=15) as site:
        assert run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d1").returncode == 0
        victim = site.expected_items()[7]
        site.remove(int(victim["article_id"]))
        again = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d2")
    assert again.returncode == 0, again.stderr[-2000:]
    gone = [json.loads(line) for path in (tmp_path / "d2").glob("gone/*/*.jsonl") for line in path.read_text().splitlines()]
    assert [(g["url"], g["status"]) for g in gone] == [(victim["url"], 404)]
    assert articles(tmp_path / "d2") == []


def test_two_sites_in_one_state_directory_keep_apart(tmp_path: Path) -> None:
    """Article ids are a site's own: a copy of the site on another port (the same ids) is crawled
    in full, never answered from what the first site's crawl remembers, nor fetched from it."""
    with LocalSite(n_articles=30, seed=16) as first, LocalSite(n_articles=30, seed=16) as second:
        assert run_entrypoint(first.base_url, tmp_path / "s", tmp_path / "d1").returncode == 0
        before = len(first.requests())
        done = run_entrypoint(second.base_url, tmp_path / "s", tmp_path / "d2")
        assert done.returncode == 0, done.stderr[-2000:]
        assert score(articles(tmp_path / "d2"), second.expected_items()).accuracy == 1.0
        assert len(first.requests()) == before
