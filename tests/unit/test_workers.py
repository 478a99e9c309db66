"""The process pool the crawl offloads extraction to: real worker processes on a real event loop."""
from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import signal
from collections.abc import Iterator

import pytest

from ipgirl_crawler.run.collector import FIRST_GENERATION_THRESHOLD
from ipgirl_crawler.workers.pool import BoundBroken, ProcessPool, WorkerDied, WorkerLimits, WorkerUnavailable
from tests.support import worker_functions as functions


@pytest.fixture
def pool() -> Iterator[ProcessPool]:
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPool(context, workers=2)
    yield pool
    pool.close()


def run(coroutine):  # type: ignore[no-untyped-def]
    """One loop per test: a pool's workers belong to the loop of the crawl that started them."""
    return asyncio.run(coroutine)


@pytest.mark.parametrize(("function", "args", "expected"), [
    (functions.echo, ("text",), "text"),
    (functions.echo, (b"\x00" * (5 * 1024 * 1024),), b"\x00" * (5 * 1024 * 1024)),  # far beyond a socket buffer
    (functions.add, (2, 3), 5),
    (functions.echo, ({"nested": [1, None, "é"]},), {"nested": [1, None, "é"]}),
    (gc.get_threshold, (), (FIRST_GENERATION_THRESHOLD, 10, 10)),  # a worker tunes its collector as the crawl does
])
def test_a_call_returns_what_the_function_returns(pool: ProcessPool, function, args, expected) -> None:  # type: ignore[no-untyped-def]
    assert run(pool.run(function, *args)) == expected


def test_many_calls_at_once_each_get_their_own_answer(pool: ProcessPool) -> None:
    async def many() -> list[int]:
        return list(await asyncio.gather(*(pool.run(functions.add, n, 1000) for n in range(300))))
    assert run(many()) == [n + 1000 for n in range(300)]


def test_an_exception_in_the_worker_is_raised_to_the_caller(pool: ProcessPool) -> None:
    async def scenario() -> int:
        with pytest.raises(ValueError, match="bad input 7"):
            await pool.run(functions.fail, 7)
        return await pool.run(functions.add, 1, 1)
    assert run(scenario()) == 2  # the worker lives on


def test_an_unpicklable_result_is_an_error_not_a_hang(pool: ProcessPool) -> None:
    with pytest.raises(RuntimeError, match="pickle"):
        run(pool.run(functions.unpicklable))


def test_a_killed_worker_fails_its_calls_and_is_replaced(pool: ProcessPool) -> None:
    async def scenario() -> tuple[BaseException | None, int]:
        call = asyncio.ensure_future(pool.run(functions.sleep_then_pid, 30))
        await asyncio.sleep(1.0)
        for pid in pool.pids:
            os.kill(pid, signal.SIGKILL)
        try:
            await asyncio.wait_for(call, 10)
            error = None
        except WorkerDied as died:
            error = died
        return error, await pool.run(functions.sleep_then_pid, 0)
    error, pid = run(scenario())
    assert isinstance(error, WorkerDied)
    assert pid in pool.pids


def test_log_records_of_a_call_reach_the_callers_loggers(pool: ProcessPool, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        assert run(pool.run(functions.log_warning, "charset lied: %s", "x.html")) is None
    record = next(r for r in caplog.records if r.name == "tests.support.worker_functions")
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "charset lied: x.html"
    assert record.process != os.getpid()


def test_records_below_the_crawls_log_level_are_not_sent(caplog: pytest.LogCaptureFixture) -> None:
    pool = ProcessPool(multiprocessing.get_context("forkserver"), workers=1, log_level="ERROR")
    try:
        with caplog.at_level(logging.DEBUG):
            run(pool.run(functions.log_warning, "only a warning"))
    finally:
        pool.close()
    assert not [r for r in caplog.records if r.name == "tests.support.worker_functions"]


def test_start_launches_every_worker_and_warms_each_up(pool: ProcessPool, caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> tuple[list[int], set[int]]:
        await pool.start(functions.fail, 3)  # a warm-up that fails is logged, and the pool works on
        started = list(pool.pids)
        answered = set(await asyncio.gather(*(pool.run(functions.sleep_then_pid, 0.2) for _ in range(4))))
        return started, answered
    with caplog.at_level(logging.WARNING):
        started, answered = run(scenario())
    assert len(started) == 2 and answered == set(started)  # no worker was started on demand
    assert sum("Warming up an extraction worker failed: bad input 3" in r.getMessage() for r in caplog.records) == 2


def test_a_worker_that_cannot_start_fails_its_calls_rather_than_hanging(caplog: pytest.LogCaptureFixture) -> None:
    # A log level that cannot be pickled cannot be sent to a new process: its start fails for real.
    pool = ProcessPool(multiprocessing.get_context("forkserver"), workers=1, log_level=lambda: "INFO")  # type: ignore[arg-type]

    async def scenario() -> None:
        await pool.start(functions.add, 1, 1)
        with pytest.raises(WorkerUnavailable, match="could not start"):
            await asyncio.wait_for(pool.run(functions.add, 1, 2), 10)
    try:
        with caplog.at_level(logging.WARNING):
            run(scenario())
    finally:
        pool.close()
    assert any("A worker process did not start" in r.getMessage() for r in caplog.records)


def _bounded(memory_mb: int = 0, call_seconds: float = 0.0, grace_seconds: float = 10.0, workers: int = 1) -> ProcessPool:
    return ProcessPool(multiprocessing.get_context("forkserver"), workers=workers,
                       limits=WorkerLimits(memory_mb, call_seconds, grace_seconds))


@pytest.mark.parametrize(("limits", "call", "reason"), [
    ({"memory_mb": 300}, (functions.allocate, 600), "worker_memory"),
    ({"call_seconds": 0.5}, (functions.spin, 60), "page_deadline"),
    ({"call_seconds": 0.5, "grace_seconds": 0.5}, (functions.stuck, 60), "page_deadline"),  # killed by the watchdog
])
def test_a_call_that_breaks_a_bound_fails_and_a_fresh_worker_takes_over(limits, call, reason) -> None:  # type: ignore[no-untyped-def]
    pool = _bounded(**limits)

    async def scenario() -> tuple[BoundBroken, int, int]:
        with pytest.raises(BoundBroken) as broken:
            await pool.run(*call)
        return broken.value, await pool.run(functions.add, 2, 2), await pool.run(functions.peak_rss_mib)
    try:
        error, answer, peak = run(scenario())
    finally:
        pool.close()
    assert error.reason == reason
    assert answer == 4  # the next call runs, on a new worker
    assert peak < limits.get("memory_mb", 10_000)


def test_the_memory_bound_holds_the_worker_below_it() -> None:
    pool = _bounded(memory_mb=300)

    async def scenario() -> int:
        with pytest.raises(BoundBroken):
            await pool.run(functions.allocate, 600)
        return pool.peak_rss_kib // 1024  # as the worker that broke the bound reported it
    try:
        assert 0 < run(scenario()) < 300
    finally:
        pool.close()


def test_calls_waiting_behind_a_fatal_one_run_on_another_worker() -> None:
    from ipgirl_crawler.workers.extraction import PageFailed, WorkerPool

    extraction = WorkerPool(1, limits=WorkerLimits(300))
    extraction.pool = _bounded(memory_mb=300)

    async def scenario() -> list[object]:
        calls = [extraction.run(functions.allocate, 600), *(extraction.run(functions.add, n, 1) for n in range(5))]
        return list(await asyncio.gather(*calls, return_exceptions=True))
    try:
        fatal, *rest = run(scenario())
    finally:
        extraction.close()
    assert isinstance(fatal, PageFailed) and fatal.reason == "worker_memory"
    assert rest == [1, 2, 3, 4, 5]


WARM_WORKER = """
import asyncio
from ipgirl_crawler.workers.extraction import fork_server
from ipgirl_crawler.workers.pool import ProcessPool
from tests.support import worker_functions

async def first_call():
    pool = ProcessPool(fork_server(), workers=1)
    try:
        return await pool.run(worker_functions.date_parsers_loaded)
    finally:
        pool.close()

print(asyncio.run(first_call()))
"""


def test_a_worker_forked_from_the_crawls_fork_server_starts_with_dateparser_loaded() -> None:
    # In a fresh interpreter: the fork server is one per process, and this one's may be running already.
    import subprocess
    import sys

    from ipgirl_crawler.languages import ui_strings

    answer = subprocess.run([sys.executable, "-c", WARM_WORKER], capture_output=True, text=True, timeout=120, check=True)
    assert int(answer.stdout.split()[-1]) == len(ui_strings.languages())  # one parser a site language, no warm-up call
