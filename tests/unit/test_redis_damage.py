"""A Redis whose job keys are damaged is told from one that is down, on a real redis-server: a
wrong type is no outage to wait out, and a heartbeat says when the job's record is gone."""
from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import redis

from ipgirl_crawler.distributed.connection import RedisDown, RedisGone, RedisLink
from ipgirl_crawler.distributed.scripts import Scripts
from tests.support.redis_server import RedisServer


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[redis.Redis]:
    with RedisServer(tmp_path_factory.mktemp("redis")) as running:
        yield redis.Redis.from_url(running.url)


def link_to(client: redis.Redis) -> RedisLink:
    return RedisLink(client, "redis://test", deadline=300, stats=lambda: None)


def test_a_key_of_the_wrong_type_is_damage_not_an_outage(server: redis.Redis) -> None:
    server.set("ipgirl:d1:queue", "a string")
    link, scripts = link_to(server), Scripts(server, "ipgirl:d1")
    with pytest.raises(RedisDown):
        link.try_call(scripts.run, "take", "w", 8, "t1")
    assert link.damaged and "wrong type" in link.damaged and link.gone
    started = time.monotonic()
    with pytest.raises(RedisGone, match="wrong type"):
        link.call(scripts.run, "take", "w", 8, "t2")  # at once: no waiting for the outage deadline (300 s)
    assert time.monotonic() - started < 60


def test_another_error_is_no_damage(server: redis.Redis) -> None:
    link = link_to(server)
    with pytest.raises(redis.ResponseError):
        link.try_call(server.execute_command, "NO-SUCH-COMMAND")
    assert link.damaged is None and not link.gone


@pytest.mark.parametrize(("seeded", "flushed", "answer"), [
    (True, False, [1, 0, 1]),  # a worker of a live job
    (False, False, [1, 0, 0]),  # not seeded yet
    (True, True, [0, 0, 0]),  # every key gone under the worker: the job vanished
])
def test_the_heartbeat_says_whether_the_job_is_there(server: redis.Redis, seeded: bool, flushed: bool,
                                                     answer: list[int]) -> None:
    prefix = f"ipgirl:d2-{seeded}-{flushed}"
    scripts = Scripts(server, prefix)
    scripts.run("join", "w", 60)
    if seeded:
        scripts.run("seed", "life")
    if flushed:
        server.delete(*server.keys(f"{prefix}:*"))
    assert scripts.run("beat", "w", 60) == answer
