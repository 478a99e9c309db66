"""Distributed mode: workers sharing one frontier on a real Redis."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import redis

from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, SCRAPY, read_jsonl, score
from tests.support.redis_server import redis_server


def worker(base_url: str, redis_url: str, work: Path, n: int, *extra: str) -> subprocess.Popen[bytes]:
    """A worker as the README starts one; both of this machine's share its state and data directories."""
    command = [str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={base_url}", "-O", str(work / f"w{n}.jsonl"),
               "-s", f"IPGIRL_REDIS_URL={redis_url}", "-s", f"IPGIRL_STATE_DIR={work / 'state'}",
               "-s", f"IPGIRL_DATA_DIR={work / 'data'}", "-s", f"LOG_FILE={work / f'w{n}.log'}", *extra]
    return subprocess.Popen(command, cwd=ROOT)


def test_two_workers_share_the_frontier_and_emit_every_article_once(tmp_path: Path) -> None:
    with redis_server(tmp_path) as redis_url, LocalSite(n_articles=500, seed=41, log_path=tmp_path / "req.jsonl") as site:
        workers = [worker(site.base_url, redis_url, tmp_path, n) for n in (1, 2)]
        assert [w.wait(timeout=600) for w in workers] == [0, 0]
        expected, requests = site.expected_items(), site.requests()
        leftover = redis.Redis.from_url(redis_url).keys("ipgirl:*")
    per_worker = [read_jsonl(tmp_path / f"w{n}.jsonl") for n in (1, 2)]
    assert all(per_worker), [len(items) for items in per_worker]  # both did part of the work
    result = score(per_worker[0] + per_worker[1], expected)
    assert not result.missing and not result.duplicates and not result.unexpected, result.summary()
    assert not result.wrong, result.summary()
    assert sum(1 for r in requests if r["path"] == "/robots.txt") <= 3  # seeded once (plus robots middlewares)
    sitemap_fetches = [r["path"] for r in requests if r["path"] == "/sitemap.xml"]
    assert len(sitemap_fetches) == 1
    assert leftover == []  # the last worker cleaned the job up
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in (1, 2))
    assert "Traceback" not in logs and "Joining the shared frontier" in logs
    # One state directory, a slot each; run files told apart by the slot.
    assert sorted(p.name for p in (tmp_path / "state").glob("*/worker-*")) == ["worker-1", "worker-2"]
    assert len(list((tmp_path / "data").glob("articles/run_date=*/*-worker-?.manifest.json"))) == 2


def test_a_worker_that_never_goes_idle_holds_the_others_only_until_the_timeout(tmp_path: Path) -> None:
    """Workers close as soon as all of them are idle; one that crashed (registered, never idle)
    keeps that from happening, and the idle timeout ends the job instead."""
    with redis_server(tmp_path) as redis_url, LocalSite(n_articles=60, seed=42) as site:
        server = redis.Redis.from_url(redis_url)
        server.set(f"ipgirl:{site.base_url.split('//')[1]}:workers", 1)  # a crashed worker's registration
        done = worker(site.base_url, redis_url, tmp_path, 1, "-s", "IPGIRL_REDIS_IDLE_SECONDS=1").wait(timeout=300)
        leftover = server.keys("ipgirl:*")
        expected = site.expected_items()
    assert done == 0
    assert not score(read_jsonl(tmp_path / "w1.jsonl"), expected).missing
    assert "Shared frontier empty for 1s: this worker is done" in (tmp_path / "w1.log").read_text()
    assert leftover  # the crashed worker is still counted: its job's keys wait for their TTL


def test_a_worker_started_a_little_late_joins_the_job_rather_than_seeding_another(tmp_path: Path) -> None:
    """A small site is crawled in a second or two; the job waits out the idle timeout before it
    ends, so a worker started with the others but late still joins it: no article twice."""
    with redis_server(tmp_path) as redis_url, LocalSite(n_articles=60, seed=43) as site:
        first = worker(site.base_url, redis_url, tmp_path, 1, "-s", "IPGIRL_REDIS_IDLE_SECONDS=4")
        time.sleep(2.5)
        late = worker(site.base_url, redis_url, tmp_path, 2, "-s", "IPGIRL_REDIS_IDLE_SECONDS=4")
        assert [first.wait(timeout=300), late.wait(timeout=300)] == [0, 0]
        expected = site.expected_items()
    outputs = [tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"]  # the late one may find nothing left to do
    result = score([item for path in outputs if path.exists() for item in read_jsonl(path)], expected)
    assert not result.missing and not result.duplicates, result.summary()
    assert "Joining the shared frontier" in (tmp_path / "w2.log").read_text()
