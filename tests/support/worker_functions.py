"""Functions for tests/unit/test_workers.py: a worker process imports them by name."""
from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

logger = logging.getLogger(__name__)


def echo(value: Any) -> Any:
    return value


def add(a: int, b: int) -> int:
    return a + b


def fail(n: int) -> None:
    raise ValueError(f"bad input {n}")


def unpicklable() -> Any:
    return threading.Lock()


def sleep_then_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def log_warning(message: str, *args: Any) -> None:
    logger.warning(message, *args)


def allocate(mebibytes: int) -> int:
    """Hold ``mebibytes`` MiB at once, as a page whose parse explodes would."""
    blocks = [bytearray(1 << 20) for _ in range(mebibytes)]
    return len(blocks)


def spin(seconds: float) -> int:
    """Python code running ``seconds``: a signal interrupts it."""
    end, turns = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        turns += 1
    return turns


def stuck(seconds: float) -> None:
    """Like C code that never returns to the interpreter: the deadline's signal cannot reach it."""
    import signal

    signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
    time.sleep(seconds)


def peak_rss_mib() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def date_parsers_loaded() -> int:
    """How many dateparser parsers the worker holds before its first page."""
    from pipelines.dates import _absolute_parser

    return _absolute_parser.cache_info().currsize
