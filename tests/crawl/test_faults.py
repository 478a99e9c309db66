"""Crash safety and faults: SIGKILL mid-crawl and resume; transient errors retried to success."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from pathlib import Path

from tests.localsite import Fault
from tests.localsite.server import LocalSite
from tests.support.crawl_check import score
from tests.support.operations import ROOT, article_lines, articles, entrypoint_command, run_entrypoint

SMALL_BATCHES = json.dumps({"%(data_dir)s/articles/run_date=%(run_date)s/ipgirl-%(run_id)s-%(batch_id)05d.jsonl": {
    "format": "jsonlines", "overwrite": True, "batch_item_count": 20, "uri_params": "ipgirl_crawler.output.feeds.uri_params"}})


def kill_midway(command: list[str], data: Path, batches: int, extra_seconds: float) -> int:
    """SIGKILL once ``batches`` batch files are committed, one of them at least by this run, plus
    ``extra_seconds``: a moment inside the crawl whatever its speed (a fixed delay once outlived a
    faster crawler; a run killed in its delay past ``batches`` once left the next run none to make)."""
    wanted = max(batches, len(list(data.glob("articles/*/*.jsonl"))) + 1)
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while process.poll() is None and len(list(data.glob("articles/*/*.jsonl"))) < wanted and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(extra_seconds)
    process.send_signal(signal.SIGKILL)
    return process.wait(timeout=30)


def test_sigkill_twice_then_resume_gives_every_article_exactly_once(tmp_path: Path) -> None:
    rng = random.Random(2026)
    with LocalSite(n_articles=400, seed=21) as site:
        site.faults.always = Fault.slow(0.03)  # every answer: 20 batches of 20 items take a few seconds
        command = entrypoint_command(site.base_url, tmp_path / "s", tmp_path / "d", "-s", f"FEEDS={SMALL_BATCHES}")
        for batches in (rng.randint(2, 6), rng.randint(9, 13)):
            assert kill_midway(command, tmp_path / "d", batches, rng.uniform(0.0, 0.4)) == -signal.SIGKILL
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-s", f"FEEDS={SMALL_BATCHES}",
                              "-s", f"LOG_FILE={tmp_path / 'last.log'}")
        assert done.returncode == 0, done.stderr[-3000:]
        expected = site.expected_items()
    lines = article_lines(tmp_path / "d")
    assert all(json.loads(line) for line in lines)  # every line is whole, valid JSON
    result = score(articles(tmp_path / "d"), expected)
    assert not result.missing and not result.duplicates and not result.unexpected, result.summary()
    assert not result.wrong, result.summary()
    assert len({p.name for p in (tmp_path / "d").glob("articles/*/*.jsonl")}) > 1  # it did resume across files


def test_transient_faults_are_retried_until_every_article_is_right(tmp_path: Path) -> None:
    rng = random.Random(7)
    with LocalSite(n_articles=150, seed=22) as site:
        expected = site.expected_items()
        kinds = [500, 503, 429, "reset", "truncated", Fault.http(503, retry_after=1), Fault.slow(5.0)]
        injected = {}
        for page in rng.sample(expected, len(expected) // 5):
            path = page["url"].removeprefix(site.base_url)
            injected[path] = rng.sample(kinds, rng.randint(1, 2))
            site.inject(path, *injected[path])
        # A slow answer (5 s) outlives the download timeout (2 s): it is a timeout, retried.
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-s", "DOWNLOAD_TIMEOUT=2")
        faulted = [r for r in site.requests() if r["path"] in injected and (r.get("fault") or r.get("status") != 200)]
    assert done.returncode == 0, done.stderr[-3000:]
    served_as_fault = sum(1 for faults in injected.values() for f in faults if not isinstance(f, Fault) or f.kind != "slow")
    assert len(faulted) == served_as_fault  # every non-slow fault was served (a slow one is a normal, late answer)
    result = score(articles(tmp_path / "d"), expected)
    assert not result.missing and not result.duplicates and not result.wrong, result.summary()
    assert not list((tmp_path / "d").glob("failures/*/*.jsonl"))


def test_what_still_fails_goes_to_the_failures_file(tmp_path: Path) -> None:
    with LocalSite(n_articles=30, seed=23) as site:
        victim = site.expected_items()[3]
        path = victim["url"].removeprefix(site.base_url)
        site.inject(path, *([500] * 10))
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-s", "IPGIRL_RETRY_BACKOFF_MAX=0.1")
    records = [json.loads(line) for p in (tmp_path / "d").glob("failures/*/*.jsonl") for line in p.read_text().splitlines()]
    assert done.returncode in (0, 1)
    assert [(r["url"], r["reason"], r["attempts"]) for r in records] == [(victim["url"], "HTTP 500", 4)]
    assert victim["url"] not in {i["url"] for i in articles(tmp_path / "d")}


# -- dead links are no failed fetches -----------------------------------------------------------------

def test_a_retired_category_the_navigation_keeps_is_a_dead_link_not_a_failure(tmp_path: Path) -> None:
    """The issue's healthy 60-article site whose home pages keep a link to a category gone (404 in
    each of the 9 languages): every article is read, the run is healthy, the 9 dead links counted
    and reported; a seed (a home page) that answers 404 is still a failure."""
    from tests.localsite import hostile

    with LocalSite(n_articles=60, seed=23) as site:
        languages = sorted({item["language"] for item in site.expected_items()})
        dead = hostile.retire_a_category(site, languages)
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d")
        expected = site.expected_items()
        answered = {r["path"]: r["status"] for r in site.requests()}
    assert all(answered[path] == 404 for path in dead)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = done.stderr.splitlines()[-1]
    assert "healthy: 60 items" in summary and " 0 failed, " in summary, summary
    result = score(articles(tmp_path / "d"), expected)
    assert not result.missing and not result.wrong, result.summary()
    (stats_file,) = (tmp_path / "d").glob("articles/run_date=*/*.stats.json")
    stats = json.loads(stats_file.read_text("utf-8"))
    assert stats["ipgirl/discovery/dead_links/listing"] == len(dead)
    assert not [key for key in stats if key.startswith("ipgirl/failures/")]
    assert not list((tmp_path / "d").glob("failures/*/*.jsonl"))
    (report,) = (tmp_path / "d").glob("articles/run_date=*/*.report.html")
    shown = f"<b class=\"\">{stats['ipgirl/discovery/dead_links']}</b><span>dead links"
    assert f"{stats['ipgirl/discovery/dead_links']} dead links" in summary and shown in report.read_text("utf-8")


def test_a_seed_that_answers_404_is_still_a_failure(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=24) as site:
        site.extra_routes["/ko/"] = (404, b"<h1>gone</h1>", {"Content-Type": "text/html"})  # a home page: a seed
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d")
    (stats_file,) = (tmp_path / "d").glob("articles/run_date=*/*.stats.json")
    stats = json.loads(stats_file.read_text("utf-8"))
    assert stats.get("ipgirl/failures/HTTP_404") == 1, done.stderr[-2000:]
    assert "ipgirl/discovery/dead_links/listing" not in stats
