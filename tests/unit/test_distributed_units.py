"""Distributed mode's pure parts, and its Lua scripts on a real Redis."""
from __future__ import annotations

import json
import os
import pickle
import time
from pathlib import Path

import pytest
import redis
from scrapy import Request
from scrapy.settings import Settings

from ipgirl_crawler.distributed import accounting, codec
from ipgirl_crawler.distributed.connection import password_from, redacted
from ipgirl_crawler.distributed.feeds import per_worker_feeds
from ipgirl_crawler.distributed.scripts import KEY_TTL_SECONDS, Scripts
from ipgirl_crawler.run.config import ConfigurationError
from tests.support.redis_server import RedisServer

BASE = "https://www.ipgirl.com"
CALLBACKS = frozenset({"parse_article", "parse_listing", "parse_robots", "parse_sitemap"})
GOOD = {"url": f"{BASE}/fr/ai/12-x", "callback": "parse_article", "errback": "on_error", "priority": 10,
        "dont_filter": False, "meta": {"article_key": "fr:12", "lastmod": None, "handle_httpstatus_list": [304, 404, 410]},
        "headers": {"If-None-Match": '"abc"'}}


class Evil:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo pwned",))


@pytest.mark.parametrize(("raw", "why"), [
    (pickle.dumps(Evil()), "not_json"),
    (b"\x80\x04not json", "not_json"),
    (json.dumps([GOOD]), "shape"),
    (json.dumps({**GOOD, "_class": "scrapy.http.FormRequest"}), "shape"),
    (json.dumps({**GOOD, "url": "http://localhost:8800/fr/ai/12-x"}), "offsite"),
    (json.dumps({**GOOD, "url": "https://evil.example/fr/ai/12-x"}), "offsite"),
    (json.dumps({**GOOD, "url": "file:///etc/passwd"}), "url"),
    (json.dumps({**GOOD, "callback": "parse_evil"}), "callback"),
    (json.dumps({**GOOD, "callback": "__init__"}), "callback"),
    (json.dumps({**GOOD, "callback": None}), "callback"),
    (json.dumps({**GOOD, "errback": "close"}), "errback"),
    (json.dumps({**GOOD, "meta": {"proxy": "http://evil.example:3128"}}), "meta"),
    (json.dumps({**GOOD, "meta": {"dont_obey_robotstxt": True}}), "meta"),
    (json.dumps({**GOOD, "meta": {"article_key": "../../etc"}}), "meta"),
    (json.dumps({**GOOD, "meta": {"handle_httpstatus_list": [200, 500]}}), "meta"),
    (json.dumps({**GOOD, "headers": {"Cookie": "a=b"}}), "headers"),
    (json.dumps({**GOOD, "priority": "high"}), "shape"),
    (b"x" * (codec.MAX_ENTRY_BYTES + 1), "too_large"),
    (None, "missing"),
])
def test_an_entry_this_spider_could_not_have_made_is_refused(raw: bytes | str | None, why: str) -> None:
    with pytest.raises(codec.Refused) as refusal:
        codec.decode(raw, BASE, CALLBACKS)
    assert refusal.value.why == why


def test_a_request_goes_through_the_queue_as_plain_json_and_back() -> None:
    request = Request(GOOD["url"], priority=10, meta={**GOOD["meta"], "download_slot": "x", "proxy": "http://p:1",
                                                      "retry_times": 2},
                      headers={"If-None-Match": '"abc"', "User-Agent": "ours"})
    raw = codec.encode(codec.entry_of(request, "parse_article", "on_error"))
    entry = codec.decode(raw, BASE, CALLBACKS)
    assert entry.meta == {**GOOD["meta"], "retry_times": 2}  # Scrapy's per-download keys stay behind
    assert entry.headers == {"If-None-Match": '"abc"'} and entry.article_key == "fr:12" and entry.score == -10.0
    assert json.loads(raw)["callback"] == "parse_article"


@pytest.mark.parametrize(("url", "shown"), [
    ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
    ("redis://:s3cret@redis.internal:6379/0", "redis://***@redis.internal:6379/0"),
    ("rediss://crawler:s3cret@redis.internal:6380/2", "rediss://crawler:***@redis.internal:6380/2"),
    ("rediss://crawler@redis.internal/0", "rediss://***@redis.internal/0"),
])
def test_urls_are_shown_without_their_password(url: str, shown: str) -> None:
    assert redacted(url) == shown


def test_the_password_comes_from_the_environment_or_an_owner_only_file(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("from-file\n")
    secret.chmod(0o600)
    settings = Settings({"IPGIRL_REDIS_PASSWORD_FILE": str(secret)})
    assert password_from(settings, {"IPGIRL_REDIS_PASSWORD": "from-env"}) == "from-env"
    assert password_from(settings, {}) == "from-file"
    assert password_from(Settings(), {}) is None
    secret.chmod(0o644)
    with pytest.raises(ConfigurationError, match="readable by others"):
        password_from(settings, {})


def test_a_redis_setting_that_cannot_work_stops_the_command_at_once(tmp_path: Path) -> None:
    from ipgirl_crawler.cli import crawl as cli

    readable = tmp_path / "password"
    readable.write_text("pw")
    readable.chmod(0o644)
    for setting in ("IPGIRL_REDIS_URL=http://redis.internal:6379/0",
                    f"IPGIRL_REDIS_PASSWORD_FILE={readable}", f"IPGIRL_REDIS_PASSWORD_FILE={tmp_path / 'absent'}"):
        arguments = ["-s", "IPGIRL_REDIS_URL=redis://127.0.0.1:9/0", "-s", setting, "-s", f"IPGIRL_STATE_DIR={tmp_path}"]
        assert cli.main(arguments) == cli.EXIT_CONFIG


@pytest.mark.parametrize(("uri", "renamed"), [
    ("worker-host.jsonl", "worker-host.worker-2.jsonl"),
    ("/srv/out/items.jsonl", "/srv/out/items.worker-2.jsonl"),
    ("file:///srv/out/items.jsonl", "/srv/out/items.worker-2.jsonl"),
    ("%(data_dir)s/articles/ipgirl-%(run_id)s-%(batch_id)05d.jsonl", "%(data_dir)s/articles/ipgirl-%(run_id)s-%(batch_id)05d.jsonl"),
    ("s3://bucket/items.jsonl", "s3://bucket/items.jsonl"),
])
def test_each_worker_of_a_machine_writes_its_own_output(uri: str, renamed: str) -> None:
    settings = Settings({"FEEDS": {uri: {"format": "jsonlines"}}})
    per_worker_feeds(settings, "worker-2")
    assert list(settings.getdict("FEEDS")) == [renamed]


@pytest.mark.parametrize(("scheduled", "outcomes", "queued", "balanced"), [
    (5, {"a|emitted": 3, "b|gone": 1, "b|unchanged": 1}, 0, True),
    (5, {"a|emitted": 3, "b|gone": 1}, 0, False),
    (5, {"a|emitted": 5}, 1, False),
    (0, {}, 0, True),
])
def test_the_job_balances_when_every_article_ended_once(scheduled: int, outcomes: dict[str, int], queued: int,
                                                         balanced: bool) -> None:
    manifest = accounting.job_manifest("j", "redis://h/0", scheduled, outcomes, queued, "t")
    assert manifest["balanced"] is balanced
    assert manifest["total"]["total"] == sum(outcomes.values())
    assert sum(row["total"] for row in manifest["workers"].values()) == manifest["total"]["total"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> redis.Redis:
    with RedisServer(tmp_path_factory.mktemp("redis")) as running:
        yield redis.Redis.from_url(running.url)


def _queue(scripts: Scripts, n: int) -> None:
    for i in range(n):
        scripts.run("enqueue", f"fr:{i}", "", json.dumps({**GOOD, "url": f"{BASE}/fr/ai/{i}-x"}), -10)


def test_a_dead_workers_leases_go_back_to_the_queue_and_its_late_commit_is_refused(server: redis.Redis) -> None:
    scripts = Scripts(server, "ipgirl:t1")
    _queue(scripts, 3)
    assert scripts.run("enqueue", "fr:0", "", "{}", 0) == 0  # an article is queued once per job
    scripts.run("join", "a", 0.05)  # a lease of 50 ms, soon expired
    taken = scripts.run("take", "a", 2)
    ids = taken[::2]
    assert len(ids) == 2 and server.zcard("ipgirl:t1:queue") == 1
    time.sleep(0.1)
    assert scripts.run("beat", "b", 60) == [0, 2, 0]  # b's heartbeat returns a's two entries (no job record: not seeded)
    assert server.zcard("ipgirl:t1:queue") == 3
    assert scripts.run("commit", "a", "batch", "c1", ids[0], "fr:0") == 1  # a's lease is lost: discard the batch
    assert scripts.run("ack", "a", ids[1], "gone", "fr:1") == 0  # nor may a late ack count
    assert server.hgetall("ipgirl:t1:outcomes") == {}


def test_a_commit_ends_the_articles_of_a_batch_once(server: redis.Redis) -> None:
    scripts = Scripts(server, "ipgirl:t2")
    _queue(scripts, 2)
    scripts.run("join", "a", 60)
    ids = scripts.run("take", "a", 2)[::2]
    scripts.run("settle", "a", ids[0])
    assert scripts.run("state")[:2] == [0, 1]  # the settled one waits for its commit, the other is being worked on
    assert scripts.run("commit", "a", "b1", "c1", ids[0], "fr:0") == 0
    assert scripts.run("ack", "a", ids[1], "unchanged", "fr:1") == 1
    assert scripts.run("ack", "a", ids[1], "unchanged", "fr:1") == 0
    assert server.hgetall("ipgirl:t2:outcomes") == {b"a|emitted": b"1", b"a|unchanged": b"1"}
    assert server.hexists("ipgirl:t2:commits", "a|b1")
    assert scripts.run("leave", "a") == [0, 0, 0]


def test_every_key_of_a_job_expires(server: redis.Redis) -> None:
    scripts = Scripts(server, "ipgirl:t3")
    _queue(scripts, 3)
    scripts.run("join", "a", 60)
    [entry_id, _] = scripts.run("take", "a", 1)
    scripts.run("take", "a", 1)
    scripts.run("claim_url", f"{BASE}/fr/ai/1-x", "fr:1")
    scripts.run("acquire", "a#1", 8, 30, 0.1)
    scripts.run("ack", "a", entry_id, "gone", "fr:0")
    scripts.run("commit", "a", "batch-1", "c1")
    keys = list(server.scan_iter(match="ipgirl:t3:*"))  # every key as the scripts made it, no heartbeat since
    names = {k.decode().removeprefix("ipgirl:t3:") for k in keys}
    assert not {"queue", "entries", "articles", "workers", "limiter", "limiter_next", "leases:a", "working:a",
                     "outcomes", "done", "emitted", "commits", "seq"} - names
    assert all(0 < server.ttl(key) <= KEY_TTL_SECONDS for key in keys), {k: server.ttl(k) for k in keys}


def test_the_limiter_gives_out_the_jobs_connections_and_no_more(server: redis.Redis) -> None:
    scripts = Scripts(server, "ipgirl:t4")
    assert [scripts.run("acquire", f"w#{i}", 2, 30, 0) for i in range(3)] == [b"0", b"0", b"-1"]
    scripts.run("release", "w#0")
    assert scripts.run("acquire", "w#3", 2, 30, 0) == b"0"
    assert float(scripts.run("acquire", "x#1", 9, 30, 5.0)) == 0 and float(scripts.run("acquire", "x#2", 9, 30, 5.0)) > 4
