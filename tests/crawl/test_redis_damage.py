"""Redis damaged under a running job (a key overwritten with another type, or every key flushed):
each worker stops with exit 1 and a line saying why, instead of idling until the run deadline."""
from __future__ import annotations

from pathlib import Path

import redis

from tests.crawl.test_distributed import CRON_COMMAND, QUICK, article_pages, start, wait_for
from tests.localsite.server import LocalSite
from tests.support.redis_server import RedisServer

# Well under the run deadline (6 h) the workers sat until: a worker must be gone by then.
STOPPED_WITHIN = 120


def run_and_damage(tmp_path: Path, workers: int, damage) -> list[int]:  # type: ignore[no-untyped-def]
    with RedisServer(tmp_path) as server, LocalSite(n_articles=200, seed=71) as site:
        site.set_latency(0.05)
        started = [start(CRON_COMMAND, site, server.url, tmp_path, f"w{n}", *QUICK) for n in range(1, workers + 1)]
        wait_for(lambda: article_pages(site) >= 20)
        assert all(worker.poll() is None for worker in started), "the job ended before it could be damaged"
        damage(redis.Redis.from_url(server.url), f"ipgirl:127.0.0.1:{site.port}")
        try:
            return [worker.wait(timeout=STOPPED_WITHIN) for worker in started]
        finally:
            for worker in started:  # one that sits there (the fault this guards against) is not left behind
                if worker.poll() is None:
                    worker.kill()
                    worker.wait()


def _queue_made_a_string(client: redis.Redis, job: str) -> None:
    client.delete(f"{job}:queue")
    client.set(f"{job}:queue", "not a sorted set")


def test_a_key_of_the_wrong_type_stops_every_worker(tmp_path: Path) -> None:
    assert run_and_damage(tmp_path, 2, _queue_made_a_string) == [1, 1]
    for name in ("w1", "w2"):
        stderr = (tmp_path / f"{name}.stderr").read_text()
        assert "holds the wrong type of value" in stderr and "UNHEALTHY" in stderr, stderr[-2000:]


def test_a_job_flushed_away_stops_its_worker(tmp_path: Path) -> None:
    assert run_and_damage(tmp_path, 1, lambda client, job: client.flushall()) == [1]
    stderr = (tmp_path / "w1.stderr").read_text()
    assert "vanished from Redis" in stderr and "UNHEALTHY" in stderr, stderr[-2000:]
    assert "Traceback" not in (tmp_path / "w1.log").read_text()
