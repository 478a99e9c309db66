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
