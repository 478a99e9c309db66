"""Distributed mode when Redis runs a call but its reply never comes back (Redis stopped right
after running it), or fails a round trip before running it: nothing is lost, nothing is done twice,
and nothing stays leased to a worker that does not know it holds it."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from ipgirl_crawler.distributed.connection import RedisLink
from ipgirl_crawler.distributed.leases import Ledger
from ipgirl_crawler.distributed.scripts import Scripts
from tests.support.redis_server import RedisServer

BASE = "https://www.ipgirl.com"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[redis.Redis]:
    with RedisServer(tmp_path_factory.mktemp("redis")) as running:
        yield redis.Redis.from_url(running.url)


def _queue(scripts: Scripts, n: int) -> None:
    for i in range(n):
        entry = {"url": f"{BASE}/fr/ai/{i}-x", "callback": "parse_article", "priority": 10}
        scripts.run("enqueue", f"fr:{i}", "", json.dumps(entry), -10)


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, value: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + value


class Crawler:
    def __init__(self) -> None:
        self.stats = Stats()


class FlakyPipeline:
    """A pipeline whose next ``execute`` fails as an outage would: before sending anything, or
    after Redis ran it all (the reply lost)."""

    def __init__(self, client: FlakyClient, real: Any) -> None:
        self.client, self.real = client, real

    def eval(self, *args: Any) -> Any:
        return self.real.eval(*args)

    def execute(self) -> list[Any]:
        failure, self.client.failures = (self.client.failures[0], self.client.failures[1:]) if self.client.failures \
            else (None, [])
        if failure == "before":
            self.real.reset()
            raise redis.ConnectionError("Connection refused")
        results = self.real.execute()
        if failure == "after":
            raise redis.ConnectionError("Connection closed by server.")
        return results


class FlakyClient:
    def __init__(self, client: redis.Redis, failures: list[str]) -> None:
        self.client, self.failures = client, failures

    def pipeline(self, transaction: bool = False) -> FlakyPipeline:
        return FlakyPipeline(self, self.client.pipeline(transaction=transaction))


def _ledger(server: redis.Redis, prefix: str, failures: list[str]) -> Ledger:
    client = FlakyClient(server, failures)
    link = RedisLink(client, "redis://test", deadline=30, stats=lambda: None)  # type: ignore[arg-type]
    return Ledger(link, Scripts(server, prefix), "a", Crawler())


@pytest.mark.parametrize("failure", ["before", "after"])
def test_an_outbox_sent_while_waiting_out_an_outage_arrives_once(server: redis.Redis, failure: str) -> None:
    prefix = f"ipgirl:lost-outbox-{failure}"
    ledger = _ledger(server, prefix, [failure])
    scripts = ledger.scripts
    _queue(scripts, 2)
    scripts.run("join", "a", 60)
    ids = [i.decode() for i in scripts.run("take", "a", 2)[::2]]
    ledger.send("ack", "a", ids[0], "gone", "fr:0")
    ledger.send("settle", "a", ids[1])
    ledger.send("enqueue", "fr:9", "", json.dumps({"url": f"{BASE}/fr/ai/9-x", "priority": 10}), -10)
    assert ledger.flush(wait=True) and not ledger.outbox
    assert server.smembers(f"{prefix}:working:a") == set()  # the ack and the settle arrived
    assert server.smembers(f"{prefix}:leases:a") == {ids[1].encode()}
    assert server.hgetall(f"{prefix}:outcomes") == {b"a|gone": b"1"}  # once
    assert server.zcard(f"{prefix}:queue") == 1  # the new article, queued once


def test_a_take_whose_reply_was_lost_answers_the_same_entries_when_asked_again(server: redis.Redis) -> None:
    prefix = "ipgirl:lost-take"
    scripts = Scripts(server, prefix)
    _queue(scripts, 5)
    scripts.run("join", "a", 60)
    first = scripts.run("take", "a", 2, "life-1")  # ran, but the worker never saw this reply
    again = scripts.run("take", "a", 2, "life-1")
    assert again == first and server.scard(f"{prefix}:leases:a") == 2 and server.zcard(f"{prefix}:queue") == 3
    scripts.run("ack", "a", first[0], "gone", "fr:0")
    assert scripts.run("take", "a", 2, "life-1") == first[2:]  # only what it still holds
    assert scripts.run("take", "a", 2, "life-2")[::2] != first[::2]  # a new take takes new entries
    assert server.zcard(f"{prefix}:queue") == 1


def test_a_commit_whose_reply_was_lost_is_the_same_commit_when_sent_again(server: redis.Redis) -> None:
    prefix = "ipgirl:lost-commit"
    scripts = Scripts(server, prefix)
    _queue(scripts, 2)
    scripts.run("join", "a", 60)
    ids = scripts.run("take", "a", 2)[::2]
    args = ("a", "batch-1", "commit-1", ids[0], "fr:0", ids[1], "fr:1")
    assert scripts.run("commit", *args) == 0
    assert scripts.run("commit", *args) == 0  # not "2 lost": the batch is kept, its articles counted once
    assert server.hgetall(f"{prefix}:outcomes") == {b"a|emitted": b"2"}
    assert server.zcard(f"{prefix}:queue") == 0
    # A later job's batch of the same file name is another commit: its lost leases still count.
    assert scripts.run("commit", "a", "batch-1", "commit-2", ids[0], "fr:0") == 1


def test_an_idle_worker_hands_back_what_redis_says_it_works_on_without_its_knowing(server: redis.Redis) -> None:
    prefix = "ipgirl:lost-idle"
    ledger = _ledger(server, prefix, [])
    scripts = ledger.scripts
    _queue(scripts, 3)
    scripts.run("join", "a", 60)
    scripts.run("take", "a", 3, "life-1")  # its reply lost: the worker holds nothing
    state = scripts.run("state", "a")
    assert state[:2] == [0, 3] and len(state[5:]) == 3
    assert ledger.reclaim([i.decode() for i in state[5:]]) == 3
    assert ledger.flush(wait=True)
    assert scripts.run("state", "a")[:2] == [3, 0] and scripts.run("state", "a")[5:] == []
    assert scripts.run("take", "a", 3, "life-1") == []  # the lost take, asked again, holds nothing now


def test_the_seeding_claim_answers_its_claimant_again_and_no_one_else(server: redis.Redis) -> None:
    scripts = Scripts(server, "ipgirl:lost-seed")
    assert scripts.run("seed", "a:1") == 1
    assert scripts.run("seed", "a:1") == 1  # its first reply lost: still the seeder, or no one would seed
    assert scripts.run("seed", "b:1") == 0 and scripts.run("seed", "a:2") == 0  # a later start joins
    assert float(server.get("ipgirl:lost-seed:seeded")) > 0
