"""A small process pool driven by the crawl's own event loop: no threads, one socket per worker.

``concurrent.futures.ProcessPoolExecutor`` moves every call through a feeder thread, a queue
and a management thread; in a crawl those threads fight the reactor for the GIL and cost the
main process about a millisecond per article, more than the call saves. Here a call is one
pickled frame written to the worker's socket and one read back when the loop sees it readable.

Each worker has bounds of its own (``WorkerLimits``): an address-space limit (``RLIMIT_AS``: a page
whose parse would take more memory fails with ``MemoryError`` instead of growing the worker) and a
deadline per call (``SIGALRM``; past a grace period the crawl kills it). A call that breaks a bound
raises ``BoundBroken`` and its worker exits; calls waiting behind it go to a fresh one (``CallLost``).
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import os
import pickle
import resource
import signal
import socket
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from ipgirl_crawler.run.collector import tune_collector

logger = logging.getLogger(__name__)
T = TypeVar("T")
_HEADER = struct.Struct("!Q")
_READ_CHUNK = 1 << 20
# Room in the socket for the pages queued to a busy worker (~35 KB each): the default ~200 KB
# fills with a handful, and every page after it costs a partial send and a writer callback.
_SOCKET_BUFFER = 4 << 20


class WorkerDied(RuntimeError):
    """The worker process ended (killed, out of memory, crashed) while running this call."""


class CallLost(RuntimeError):
    """The worker process ended while this call waited behind another: it may run elsewhere."""


class BoundBroken(RuntimeError):
    """The call broke one of the worker's bounds: ``reason`` is ``worker_memory`` or ``page_deadline``."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason, detail)  # both in args: that is what unpickling passes back
        self.reason, self.detail = reason, detail

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}"


class WorkerUnavailable(RuntimeError):
    """No worker process could be started."""


@dataclass(frozen=True)
class WorkerLimits:
    memory_mb: int = 0  # address space of a worker process; 0: unbounded
    call_seconds: float = 0.0  # per call; 0: unbounded
    grace_seconds: float = 10.0  # past the deadline, a worker that has not answered is killed


class _Overran(BaseException):
    """Raised by SIGALRM inside the call; not an Exception, so the call's own handlers let it through."""


def _overran(signum: int, frame: object) -> None:
    raise _Overran


def _apply(limits: WorkerLimits) -> None:
    if limits.memory_mb > 0:
        size = limits.memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    signal.signal(signal.SIGALRM, _overran)


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def frame(message: Any) -> bytes:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(payload)) + payload


class _Records(logging.Handler):
    """The log records of the call in progress, sent back with its answer and logged by the crawl."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # the arguments may not pickle
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        records, self.records = self.records, []
        return records


def _vm_peak_kib() -> int:
    try:
        with open("/proc/self/status", "rb") as status:
            line = next((line for line in status if line.startswith(b"VmPeak:")), b"VmPeak: 0 kB")
        return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def _out_of_memory(error: Exception, limits: WorkerLimits) -> bool:
    """A MemoryError, or any error once the worker has reached its address-space ceiling: libxml2
    reports a failed allocation as a parse error, often "unknown error" (no memory for the message)."""
    if isinstance(error, MemoryError):
        return True
    return limits.memory_mb > 0 and _vm_peak_kib() >= limits.memory_mb * 1024 * 0.9


def _run_bounded(function: Callable[..., Any], args: Sequence[Any], limits: WorkerLimits) -> tuple[bool, Any]:
    """(ok, result or error) of one call within the worker's bounds."""
    if limits.call_seconds > 0:
        signal.setitimer(signal.ITIMER_REAL, limits.call_seconds)
    try:
        return True, function(*args)
    except _Overran:
        return False, BoundBroken("page_deadline", f"the call took more than {limits.call_seconds:g} s")
    except Exception as error:  # the caller re-raises it
        if _out_of_memory(error, limits):
            return False, BoundBroken("worker_memory", f"the call needed more than the worker's {limits.memory_mb} MiB")
        return False, error
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def serve(connection: socket.socket, log_level: int | str, limits: WorkerLimits = WorkerLimits()) -> None:
    """The worker's loop: read (call id, function, args), answer (call id, ok, result or error, log
    records, peak RSS); after a call that broke a bound, answer and exit (its heap may be in tatters)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the crawl, which then closes us
    records = _Records()
    logging.basicConfig(level=log_level, handlers=[records], force=True)
    _apply(limits)
    tune_collector()  # as in the crawl process: a page's objects are freed by reference counting
    reader = connection.makefile("rb")
    while True:
        try:
            header = reader.read(_HEADER.size)
        except ConnectionError:
            return
        if len(header) < _HEADER.size:
            return  # the crawl closed its end
        call_id, function, args = pickle.loads(reader.read(_HEADER.unpack(header)[0]))
        ok, value = _run_bounded(function, args, limits)
        del args
        answer = (call_id, ok, value, records.take(), peak_rss_kib())
        try:
            data = frame(answer)
        except Exception as error:  # an unpicklable result or exception
            data = frame((call_id, False, RuntimeError(f"{type(error).__name__}: {error}"), answer[3], answer[4]))
        connection.sendall(data)
        if isinstance(value, BoundBroken):
            return


class Worker:
    """One worker process and the calls in flight on it. Calls may be made before ``launch()``
    has started the process: they wait in the socket."""

    def __init__(self, context: BaseContext, loop: asyncio.AbstractEventLoop, log_level: int | str,
                 limits: WorkerLimits = WorkerLimits()) -> None:
        ours, self._theirs = socket.socketpair()
        for end in (ours, self._theirs):
            for option in (socket.SO_SNDBUF, socket.SO_RCVBUF):
                end.setsockopt(socket.SOL_SOCKET, option, _SOCKET_BUFFER)  # the kernel caps it at its maximum
        self.process = context.Process(target=serve, args=(self._theirs, log_level, limits), daemon=True,
                                       name="ipgirl-worker")
        self.limits = limits
        self.peak_rss_kib = 0
        self._watchdog: asyncio.TimerHandle | None = None
        self._overran: int | None = None  # the call the watchdog killed the worker for
        self._retiring = False  # it broke a bound and exits: it runs nothing more
        ours.setblocking(False)
        self.socket, self.loop = ours, loop
        self.pending: dict[int, asyncio.Future[Any]] = {}
        self._unsent = bytearray()
        self._received = bytearray()
        self.alive = True
        loop.add_reader(ours.fileno(), self._on_readable)

    def launch(self) -> None:
        """Start the process: blocks until the fork server has forked it (the first time, until
        it has started and imported what it preloads), so the pool may run this in a thread."""
        try:
            self.process.start()
        finally:
            self._theirs.close()  # ours alone: a process that never started reads as one that ended

    def call(self, call_id: int, function: Callable[..., Any], args: Sequence[Any]) -> asyncio.Future[Any]:
        future = self.loop.create_future()
        self.pending[call_id] = future
        if len(self.pending) == 1:
            self._watch()
        data = frame((call_id, function, tuple(args)))
        if self._unsent:
            self._unsent += data
        else:
            self._send(memoryview(data))
        return future

    def _send(self, data: memoryview) -> None:
        try:
            sent = self.socket.send(data)
        except BlockingIOError:
            sent = 0
        except OSError:
            self.died()
            return
        if sent < len(data):
            was_waiting = bool(self._unsent)
            self._unsent[:] = data[sent:]
            if not was_waiting:
                self.loop.add_writer(self.socket.fileno(), self._on_writable)

    def _on_writable(self) -> None:
        data, self._unsent = self._unsent, bytearray()
        self.loop.remove_writer(self.socket.fileno())
        self._send(memoryview(data))

    def _on_readable(self) -> None:
        try:
            chunk = self.socket.recv(_READ_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.died()
            return
        self._received += chunk
        self._deliver()

    def _deliver(self) -> None:
        buffer, start = self._received, 0
        while len(buffer) - start >= _HEADER.size:
            size = _HEADER.unpack_from(buffer, start)[0]
            end = start + _HEADER.size + size
            if len(buffer) < end:
                break
            call_id, ok, value, records, peak = pickle.loads(memoryview(buffer)[start + _HEADER.size:end])
            start = end
            self.peak_rss_kib = max(self.peak_rss_kib, peak)
            for record in records:
                logging.getLogger(record.name).handle(record)
            future = self.pending.pop(call_id, None)
            if future is None or future.done():
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
            if isinstance(value, BoundBroken):
                self._retiring = True  # it exits after this answer: what it holds is lost, not its fault
        del buffer[:start]
        if self._retiring:
            self.died()
        elif start:
            self._watch()

    def _watch(self) -> None:
        """Arm the watchdog for the call now at the head (the one the worker is running)."""
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        if self.pending and self.limits.call_seconds > 0 and self.alive:
            head = next(iter(self.pending))
            self._watchdog = self.loop.call_later(self.limits.call_seconds + self.limits.grace_seconds,
                                                  self._kill_overrun, head)

    def _kill_overrun(self, call_id: int) -> None:
        """The worker did not answer within its deadline and grace (stuck in C code that signals
        cannot interrupt): kill it; that call fails with ``BoundBroken``, the ones behind it are lost."""
        if self.pending and next(iter(self.pending)) == call_id and self.process.pid is not None:
            logger.warning("Worker process %s overran its deadline: killing it", self.process.pid)
            self._overran = call_id
            self.process.kill()

    def died(self) -> None:
        """The process ended, or never started. The call it was running (the first in flight) fails
        with ``WorkerDied`` (``BoundBroken`` when the watchdog killed it), those behind it with
        ``CallLost``; all of them with ``CallLost`` if the process never started."""
        if not self.alive:
            return
        blame_head = self.process.pid is not None and not self._retiring
        self.close(wait=False)
        for position, (call_id, future) in enumerate(self.pending.items()):
            if future.done():
                continue
            if position or not blame_head:
                future.set_exception(CallLost(f"worker process {self.process.pid} ended before running the call"))
            elif call_id == self._overran:
                future.set_exception(BoundBroken("page_deadline", f"no answer within {self.limits.call_seconds:g} s"
                                                                  f" and {self.limits.grace_seconds:g} s of grace"))
            else:
                future.set_exception(WorkerDied(f"worker process {self.process.pid} ended"))
        self.pending.clear()

    def close(self, wait: bool = True) -> None:
        if not self.alive:
            return
        self.alive = False
        if self._watchdog is not None:
            self._watchdog.cancel()
        self.loop.remove_reader(self.socket.fileno())
        if self._unsent:
            self.loop.remove_writer(self.socket.fileno())
        self.socket.close()  # the worker reads the end of its input and returns
        if self.process.pid is None:  # never launched
            return
        self.process.join(timeout=5 if wait else 0.5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class ProcessPool:
    """``await pool.run(function, *args)``: ``function`` must be importable (pickled by name).

    A call whose worker dies raises ``WorkerDied``; the next call starts a new worker. Workers
    send back their log records of ``log_level`` and above.
    """

    def __init__(self, context: BaseContext, workers: int, log_level: int | str = logging.INFO,
                 limits: WorkerLimits = WorkerLimits()) -> None:
        self.context, self.size, self.log_level, self.limits = context, workers, log_level, limits
        self.peak_rss_kib = 0  # of any worker, as they reported it
        self.workers: list[Worker] = []
        self._ids = itertools.count()

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        worker = self._least_busy()
        try:
            return await worker.call(next(self._ids), function, args)  # type: ignore[no-any-return]
        finally:
            self.peak_rss_kib = max(self.peak_rss_kib, worker.peak_rss_kib)

    async def start(self, warm_up: Callable[..., Any] | None = None, *args: Any) -> None:
        """Start every worker without blocking the loop (the fork server's start-up takes a few
        tenths of a second), each running ``warm_up(*args)`` first: what the first pages would
        pay for (imports, data loaded on first use) is paid before they arrive."""
        loop = asyncio.get_running_loop()
        starting = [Worker(self.context, loop, self.log_level, self.limits) for _ in range(self.size - len(self.workers))]
        self.workers += starting
        calls = [worker.call(next(self._ids), warm_up, args) for worker in starting if warm_up is not None]
        for worker in starting:
            try:
                await loop.run_in_executor(None, worker.launch)
            except Exception as error:  # its calls fail with WorkerDied (and the crawl runs them in-process)
                logger.error("A worker process did not start: %s", error)
                worker.died()
        for outcome in await asyncio.gather(*calls, return_exceptions=True):
            if isinstance(outcome, BaseException):
                logger.warning("Warming up an extraction worker failed: %s", outcome)

    def _least_busy(self) -> Worker:
        self.workers = [worker for worker in self.workers if worker.alive]
        if len(self.workers) < self.size:
            worker = Worker(self.context, asyncio.get_running_loop(), self.log_level, self.limits)
            try:
                worker.launch()
            except Exception as error:
                worker.died()
                raise WorkerUnavailable(f"a worker process could not start: {error}") from error
            self.workers.append(worker)
        return min(self.workers, key=lambda worker: len(worker.pending))

    def close(self) -> None:
        workers, self.workers = self.workers, []
        for worker in workers:
            worker.close()
        for worker in workers:
            for future in worker.pending.values():
                future.cancel()

    @property
    def pids(self) -> list[int]:
        return [worker.process.pid for worker in self.workers if worker.alive and worker.process.pid]


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
