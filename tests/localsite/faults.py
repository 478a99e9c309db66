"""Fault injection for the local site: responses returned before the normal one."""
from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    """One injected misbehaviour, consumed by one request."""
    kind: str                      # 'status' | 'truncated' | 'reset' | 'slow' | 'drip'
    status: int = 500
    retry_after: int | None = None
    seconds: float = 0.0

    @staticmethod
    def http(status: int, retry_after: int | None = None) -> Fault:
        return Fault("status", status, retry_after)

    @staticmethod
    def truncated() -> Fault:
        return Fault("truncated")

    @staticmethod
    def reset() -> Fault:
        return Fault("reset")

    @staticmethod
    def slow(seconds: float) -> Fault:
        return Fault("slow", seconds=seconds)

    @staticmethod
    def drip(seconds: float) -> Fault:
        """Headers at once, then one byte of the body every ``seconds``, for a minute at most."""
        return Fault("drip", seconds=seconds)

    @staticmethod
    def coerce(spec: Fault | int | str) -> Fault:
        if isinstance(spec, Fault):
            return spec
        if isinstance(spec, int):
            return Fault.http(spec, retry_after=1 if spec in (429, 503) else None)
        return {"truncated": Fault.truncated(), "reset": Fault.reset()}[spec]


class FaultTable:
    """path (with or without query) -> faults returned first, in order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, list[Fault]] = {}
        # A fault for every request with none queued: a site that is down everywhere.
        self.always: Fault | None = None

    def __setitem__(self, path: str, faults: list[Fault | int | str]) -> None:
        with self._lock:
            self._faults[path] = [Fault.coerce(f) for f in faults]

    def add(self, path: str, *faults: Fault | int | str) -> None:
        with self._lock:
            self._faults.setdefault(path, []).extend(Fault.coerce(f) for f in faults)

    def pop(self, target: str) -> Fault | None:
        with self._lock:
            for key in (target, target.split("?", 1)[0]):
                queue = self._faults.get(key)
                if queue:
                    return queue.pop(0)
        return self.always

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
