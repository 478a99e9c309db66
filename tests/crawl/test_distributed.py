"""Distributed mode end to end: real redis-server, real workers started with the README's
commands, and the faults backfills meet (a worker killed, Redis stopped or gone)."""
from __future__ import annotations

import json
import os
import pickle
import random
import re
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from tests.localsite.server import LocalSite
from tests.support.archive_parsers import broken_field_pipelines
from tests.support.crawl_check import ROOT, score
from tests.support.joining import after_all_joined, hold
from tests.support.redis_server import RedisServer

SECTION = (ROOT / "README.md").read_text().split("## A backfill on several machines")[1].split("\n## ")[0]
SCRAPY_COMMAND = next(line for line in SECTION.splitlines() if line.startswith(".venv/bin/scrapy crawl"))
CRON_COMMAND = next(line for line in SECTION.splitlines() if line.startswith(".venv/bin/ipgirl-crawl"))
BIN = Path(sys.executable).parent
# Batches of 20 items, so that a crawl of a small site commits several.
SMALL_BATCHES = json.dumps({"%(data_dir)s/articles/run_date=%(run_date)s/ipgirl-%(run_id)s-%(batch_id)05d.jsonl": {
    "format": "jsonlines", "overwrite": True, "batch_item_count": 20, "uri_params": "ipgirl_crawler.output.feeds.uri_params"}})
QUICK = ("-s", "IPGIRL_REDIS_IDLE_SECONDS=2", "-s", "IPGIRL_REDIS_LEASE_SECONDS=10", "-s", "IPGIRL_EXTRACTION_WORKERS=0")


def start(readme_command: str, site: LocalSite, redis_url: str, work: Path, name: str, *extra: str,
          env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A worker started with the README's command as written, in ``work`` (its relative paths
    land there, /srv/ipgirl is ``work``), pointed at the test's site and Redis."""
    text = (readme_command.replace("redis://redis.internal:6379/0", shlex.quote(redis_url))
            .replace("/srv/ipgirl", str(work)).replace(".venv/bin/", f"{BIN}/"))
    text += f" -a base_url={site.base_url} -s LOG_FILE={work / name}.log " + " ".join(map(shlex.quote, extra))
    environ = {**os.environ, "PYTHONPATH": str(ROOT), "SCRAPY_SETTINGS_MODULE": "ipgirl_crawler.settings", **(env or {})}
    return subprocess.Popen(["bash", "-c", f"exec {text}"], cwd=work, env=environ,
                            stdout=subprocess.DEVNULL, stderr=open(work / f"{name}.stderr", "wb"))


def slot_of(log: Path) -> str | None:
    """The state slot a worker took, from its log line "Worker host:id:worker-N joined job …"."""
    match = re.search(r"Worker \S+:(worker-\d+) joined job", log.read_text()) if log.exists() else None
    return match[1] if match else None


def outputs(work: Path) -> list[dict]:
    """Every item of every output: -O files and run files. Any invalid line fails here."""
    files = sorted(work.glob("*.jsonl")) + sorted(work.glob("data/articles/run_date=*/ipgirl-*.jsonl"))
    return [json.loads(line) for path in files for line in path.read_text(encoding="utf-8").splitlines()]


def job_manifest(work: Path) -> dict:
    [path] = work.glob("data/articles/run_date=*/job-*.manifest.json")
    return json.loads(path.read_text())


def exactly_once(items: list[dict], site: LocalSite) -> None:
    result = score(items, site.expected_items())
    assert not result.missing and not result.duplicates and not result.unexpected, result.summary()
    assert not result.wrong, result.summary()


def wait_for(condition, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the crawl never got there"
        time.sleep(0.05)


def article_pages(site: LocalSite) -> int:
    return sum(1 for r in site.requests() if r["status"] == 200 and r["path"].count("/") >= 3)


def test_two_workers_with_the_readme_command_each_write_their_own_file_and_every_article_once(tmp_path: Path) -> None:
    with RedisServer(tmp_path) as server, LocalSite(n_articles=150, seed=41) as site:
        hold(site)
        workers = [start(SCRAPY_COMMAND, site, server.url, tmp_path, f"w{n}", *QUICK) for n in (1, 2)]
        after_all_joined(site, [tmp_path / f"w{n}.log" for n in (1, 2)])
        assert [w.wait(timeout=300) for w in workers] == [0, 0]
        left = redis.Redis.from_url(server.url).keys("*")
        robots = sum(1 for r in site.requests() if r["path"] == "/robots.txt")
    host = os.uname().nodename
    files = sorted(p.name for p in tmp_path.glob("*.jsonl"))
    assert files == [f"worker-{host}.worker-1.jsonl", f"worker-{host}.worker-2.jsonl"]
    assert all((tmp_path / name).stat().st_size for name in files)  # both did part of the work
    exactly_once(outputs(tmp_path), site)
    manifest = job_manifest(tmp_path)
    assert manifest["balanced"] and manifest["total"]["emitted"] == 150 and len(manifest["workers"]) == 2
    assert manifest["verify"]["articles"] == 150 and manifest["verify"]["failed"] == []  # the job's checks: healthy
    assert robots <= 3  # seeded once (plus the robots middlewares)
    assert [key.decode().rpartition(":")[2] for key in left] == ["commits"]  # kept for a worker's recovery only
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in (1, 2))
    assert "Traceback" not in logs and "Joining the shared frontier" in logs


def test_the_last_worker_checks_the_whole_job_and_names_a_broken_field(tmp_path: Path) -> None:
    """Each worker checks its share; the job's checks (in the manifest, and the last worker's exit
    status) cover every article of every worker: a teaser read by one worker checks the title of
    an article read by the other."""
    broken = broken_field_pipelines("title")
    with RedisServer(tmp_path) as server, LocalSite(n_articles=90, seed=52) as site:
        hold(site)
        workers = [start(SCRAPY_COMMAND, site, server.url, tmp_path, f"w{n}", *QUICK, *broken) for n in (1, 2)]
        after_all_joined(site, [tmp_path / f"w{n}.log" for n in (1, 2)])
        codes = [w.wait(timeout=300) for w in workers]
    manifest = job_manifest(tmp_path)
    verify = manifest["verify"]
    assert verify["shares"] == 2 and verify["articles"] == manifest["total"]["emitted"] == 90, verify
    title = verify["counts"]["title"]
    assert title.get("verified", 0) + title.get("contradicted", 0) == 90  # every article's teaser, whoever read it
    assert [re.findall(r"verify: field (\w+)", line) for line in verify["failed"]] == [["title"]]
    assert abs(verify["estimates"]["title"] - 2 / 3) < 0.05
    assert 1 in codes
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in (1, 2))
    assert f"job {manifest['job']}: verify: field title" in logs and "Traceback" not in logs


def test_a_worker_killed_at_a_random_moment_and_started_again_loses_nothing(tmp_path: Path) -> None:
    # A lease that outlives the restart (a loaded machine takes seconds to start a worker): the
    # restarted worker hands back what it held itself (a lease expiring first is the other test's case).
    cron = (CRON_COMMAND, *QUICK, "-s", "IPGIRL_REDIS_LEASE_SECONDS=60", "-s", f"FEEDS={SMALL_BATCHES}")
    with RedisServer(tmp_path) as server, LocalSite(n_articles=200, seed=44) as site:
        hold(site)
        first, second = (start(cron[0], site, server.url, tmp_path, f"w{n}", *cron[1:]) for n in (1, 2))
        after_all_joined(site, [tmp_path / f"w{n}.log" for n in (1, 2)], latency=0.01)
        # Which slot the second worker took is a race with the first: its log says.
        slot = slot_of(tmp_path / "w2.log")
        wait_for(lambda: len(list(tmp_path.glob(f"data/articles/run_date=*/ipgirl-*-{slot}-*.jsonl"))) >= 2)
        # A quiet machine crawls the rest of 200 articles in under 1.5 s (CI saw worker 2 end first,
        # once): answers slow to 1 s each while the kill's moment is drawn, so the job is still open.
        site.set_latency(1.0)
        time.sleep(random.uniform(0, 1.5))
        assert second.poll() is None, "worker 2 ended before it could be killed"
        second.send_signal(signal.SIGKILL)
        second.wait()
        site.set_latency(0.01)
        again = start(cron[0], site, server.url, tmp_path, "w2-again", *cron[1:])
        assert [first.wait(timeout=300), again.wait(timeout=300)] == [0, 0]
    exactly_once(outputs(tmp_path), site)
    manifest = job_manifest(tmp_path)
    assert manifest["balanced"] and manifest["total"]["emitted"] == 200, manifest
    log = (tmp_path / "w2-again.log").read_text()
    assert slot_of(tmp_path / "w2-again.log") == slot, "the restarted worker resumes its slot"
    assert "Traceback" not in log and "this worker held before it stopped are back" in log
    assert "job 127.0.0.1" in (tmp_path / "w1.stderr").read_text() + (tmp_path / "w2-again.stderr").read_text()


def test_redis_stopped_for_a_few_seconds_then_back(tmp_path: Path) -> None:
    with RedisServer(tmp_path, durable=True) as server, LocalSite(n_articles=150, seed=45) as site:
        site.set_latency(0.01)
        workers = [start(SCRAPY_COMMAND, site, server.url, tmp_path, f"w{n}", *QUICK) for n in (1, 2)]
        wait_for(lambda: article_pages(site) >= 30)
        server.stop()
        time.sleep(3)
        server.start()
        assert [w.wait(timeout=300) for w in workers] == [0, 0]
    exactly_once(outputs(tmp_path), site)
    assert job_manifest(tmp_path)["balanced"]
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in (1, 2))
    assert "unreachable" in logs and "is back after" in logs


PLANT_ORPHANS = """
local taken = redis.call('ZPOPMIN', KEYS[1] .. ':queue', 5)
for i = 1, #taken, 2 do
  redis.call('SADD', KEYS[1] .. ':leases:' .. ARGV[1], taken[i])
  redis.call('SADD', KEYS[1] .. ':working:' .. ARGV[1], taken[i])
end
return #taken / 2
"""


def test_entries_leased_to_a_live_worker_that_never_saw_them_are_handed_back(tmp_path: Path) -> None:
    # What a take leaves when Redis ran it but its reply was lost: entries a live worker holds in
    # Redis without knowing. Left so, every worker would wait for them for ever at 0 pages/s.
    with RedisServer(tmp_path) as server, LocalSite(n_articles=80, seed=50) as site:
        site.set_latency(0.01)
        workers = [start(SCRAPY_COMMAND, site, server.url, tmp_path, f"w{n}", *QUICK) for n in (1, 2)]
        wait_for(lambda: article_pages(site) >= 20)
        client = redis.Redis.from_url(server.url)
        job = f"ipgirl:127.0.0.1:{site.port}"
        worker = client.zrange(f"{job}:workers", 0, 0)[0]
        assert client.eval(PLANT_ORPHANS, 1, job, worker) == 5
        assert [w.wait(timeout=300) for w in workers] == [0, 0]
    exactly_once(outputs(tmp_path), site)
    assert job_manifest(tmp_path)["balanced"]
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in (1, 2))
    assert "Redis had this idle worker working on 5 entries; 5 it never had back to the queue" in logs


def test_redis_gone_for_good_stops_the_worker_and_a_later_start_finishes_the_job(tmp_path: Path) -> None:
    cron = (CRON_COMMAND, *QUICK, "-s", "IPGIRL_REDIS_OUTAGE_DEADLINE=3", "-s", f"FEEDS={SMALL_BATCHES}")
    with RedisServer(tmp_path, durable=True) as server, LocalSite(n_articles=120, seed=46) as site:
        site.set_latency(0.01)
        worker = start(cron[0], site, server.url, tmp_path, "w1", *cron[1:])
        wait_for(lambda: len(list(tmp_path.glob("data/articles/run_date=*/ipgirl-*.jsonl"))) >= 1)
        server.stop()
        assert worker.wait(timeout=120) == 1
        server.start()
        assert start(cron[0], site, server.url, tmp_path, "w1-again", *cron[1:]).wait(timeout=300) == 0
    exactly_once(outputs(tmp_path), site)
    assert job_manifest(tmp_path)["balanced"]
    assert "unreachable for more than 3s" in (tmp_path / "w1.log").read_text()
    assert "UNHEALTHY" in (tmp_path / "w1.stderr").read_text()


def test_three_workers_keep_to_one_politeness_budget(tmp_path: Path) -> None:
    secret = tmp_path / "redis-password"
    secret.write_text("pw-of-the-budget-test")
    secret.chmod(0o600)
    budget = ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "-s", f"IPGIRL_REDIS_PASSWORD_FILE={secret}")
    with RedisServer(tmp_path, password="pw-of-the-budget-test") as server, LocalSite(n_articles=60, seed=47) as site:
        site.set_latency(0.03)
        workers = [start(SCRAPY_COMMAND, site, server.url, tmp_path, f"w{n}", *QUICK, *budget) for n in (1, 2, 3)]
        assert [w.wait(timeout=300) for w in workers] == [0, 0, 0]
        peak = site.max_in_flight
    exactly_once(outputs(tmp_path), site)
    assert 1 <= peak <= 2, peak


def test_entries_written_into_the_queue_by_someone_else_are_refused_and_counted(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    with RedisServer(tmp_path) as server, LocalSite(n_articles=30, seed=48) as site:
        job = f"ipgirl:127.0.0.1:{site.port}"
        planted = {"zz-pickle": pickle.dumps(Evil()),
                   "zz-offsite": json.dumps({"url": f"{site.alt_base_url}/en/?planted=offsite", "callback": "parse_listing"}),
                   "zz-callback": json.dumps({"url": f"{site.base_url}/en/?planted=callback", "callback": "close"})}
        client = redis.Redis.from_url(server.url)
        for entry_id, raw in planted.items():
            client.hset(f"{job}:entries", entry_id, raw)
            client.zadd(f"{job}:queue", {entry_id: 0})
        assert start(SCRAPY_COMMAND, site, server.url, tmp_path, "w1", *QUICK).wait(timeout=300) == 0
        requests = site.requests()
    assert not marker.exists()
    assert not [r for r in requests if "planted" in r["path"] or r["host"] != f"127.0.0.1:{site.port}"]
    [stats_file] = tmp_path.glob("data/articles/run_date=*/*-worker-1.stats.json")
    stats = json.loads(stats_file.read_text())
    assert {k: v for k, v in stats.items() if k.startswith("ipgirl/distributed/refused/")} == {
        "ipgirl/distributed/refused/not_json": 1, "ipgirl/distributed/refused/offsite": 1,
        "ipgirl/distributed/refused/callback": 1}
    exactly_once(outputs(tmp_path), site)
    assert "Refused queue entry zz-pickle: not_json" in (tmp_path / "w1.log").read_text()


def test_a_tls_redis_with_a_password_in_the_url_never_shows_it(tmp_path: Path) -> None:
    password = "s3cret-Pa55word"
    with RedisServer(tmp_path, password=password, tls=True) as server, LocalSite(n_articles=30, seed=49) as site:
        url = server.url.replace("rediss://", f"rediss://:{password}@")
        assert start(CRON_COMMAND, site, url, tmp_path, "w1", *QUICK).wait(timeout=300) == 0
    exactly_once(outputs(tmp_path), site)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".log", ".json", ".html", ".stderr", ".jsonl")]
    assert any(p.name.endswith(".report.html") for p in written) and any(p.name.startswith("job-") for p in written)
    assert not [p for p in written if password in p.read_text(encoding="utf-8", errors="replace")]
    assert "rediss://***@127.0.0.1" in (tmp_path / "w1.log").read_text()


def test_a_worker_started_a_little_late_joins_the_job_rather_than_seeding_another(tmp_path: Path) -> None:
    with RedisServer(tmp_path) as server, LocalSite(n_articles=60, seed=43) as site:
        first = start(SCRAPY_COMMAND, site, server.url, tmp_path, "w1", *QUICK, "-s", "IPGIRL_REDIS_IDLE_SECONDS=6")
        time.sleep(2.5)
        late = start(SCRAPY_COMMAND, site, server.url, tmp_path, "w2", *QUICK, "-s", "IPGIRL_REDIS_IDLE_SECONDS=6")
        assert [first.wait(timeout=300), late.wait(timeout=300)] == [0, 0]
    exactly_once(outputs(tmp_path), site)  # the late one may find nothing left to do
    assert "Joining the shared frontier" in (tmp_path / "w2.log").read_text()


def test_the_readme_command_removes_every_key_of_a_crashed_job(tmp_path: Path) -> None:
    from ipgirl_crawler.distributed.scripts import Scripts

    command = next(line for line in SECTION.splitlines() if line.startswith("redis-cli --scan"))
    job = command.split("'ipgirl:")[1].split(":*'")[0]  # the job the README names, e.g. 127.0.0.1:8800
    with RedisServer(tmp_path) as server:
        client = redis.Redis.from_url(server.url)
        scripts = Scripts(client, f"ipgirl:{job}")
        scripts.run("enqueue", "fr:1", "", json.dumps({"url": "http://127.0.0.1:8800/fr/ai/1-x", "priority": 10}), -10)
        scripts.run("join", "crashed-worker", 60)
        scripts.run("take", "crashed-worker", 1)
        client.set("ipgirl:another-job:seeded", 1)
        assert len(client.keys(f"ipgirl:{job}:*")) >= 5
        subprocess.run(["bash", "-c", command.replace("redis-cli", f"redis-cli -p {server.port}")],
                       check=True, capture_output=True)
        assert client.keys("*") == [b"ipgirl:another-job:seeded"]
