"""A small process pool driven by the crawl's own event loop: no threads, one socket per worker.

``concurrent.futures.ProcessPoolExecutor`` moves every call through a feeder thread, a queue
and a management thread; in a crawl those threads fight the reactor for the GIL and cost the
main process about a millisecond per article, more than the call saves. Here a call is one
pickled frame written to the worker's socket and one read back when the loop sees it readable.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import os
import pickle
import signal
import socket
import struct
from collections.abc import Callable, Sequence
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

logger = logging.getLogger(__name__)
T = TypeVar("T")
_HEADER = struct.Struct("!Q")
_READ_CHUNK = 1 << 20
# Room in the socket for the pages queued to a busy worker (~35 KB each): the default ~200 KB
# fills with a handful, and every page after it costs a partial send and a writer callback.
_SOCKET_BUFFER = 4 << 20


class WorkerDied(RuntimeError):
    """The worker process ended (killed, out of memory, crashed) with calls in flight."""


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


def serve(connection: socket.socket, log_level: int | str) -> None:
    """The worker's loop: read (call id, function, args), answer (call id, ok, result or error, log records)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the crawl, which then closes us
    records = _Records()
    logging.basicConfig(level=log_level, handlers=[records], force=True)
    reader = connection.makefile("rb")
    while True:
        try:
            header = reader.read(_HEADER.size)
        except ConnectionError:
            return
        if len(header) < _HEADER.size:
            return  # the crawl closed its end
        call_id, function, args = pickle.loads(reader.read(_HEADER.unpack(header)[0]))
        try:
            answer = (call_id, True, function(*args), records.take())
        except Exception as error:  # the caller re-raises it
            answer = (call_id, False, error, records.take())
        try:
            data = frame(answer)
        except Exception as error:  # an unpicklable result or exception
            data = frame((call_id, False, RuntimeError(f"{type(error).__name__}: {error}"), answer[3]))
        connection.sendall(data)


class Worker:
    """One worker process and the calls in flight on it. Calls may be made before ``launch()``
    has started the process: they wait in the socket."""

    def __init__(self, context: BaseContext, loop: asyncio.AbstractEventLoop, log_level: int | str) -> None:
        ours, self._theirs = socket.socketpair()
        for end in (ours, self._theirs):
            for option in (socket.SO_SNDBUF, socket.SO_RCVBUF):
                end.setsockopt(socket.SOL_SOCKET, option, _SOCKET_BUFFER)  # the kernel caps it at its maximum
        self.process = context.Process(target=serve, args=(self._theirs, log_level), daemon=True,
                                       name="ipgirl-worker")
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
            call_id, ok, value, records = pickle.loads(memoryview(buffer)[start + _HEADER.size:end])
            start = end
            for record in records:
                logging.getLogger(record.name).handle(record)
            future = self.pending.pop(call_id, None)
            if future is None or future.done():
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
        del buffer[:start]

    def died(self) -> None:
        """The process ended, or never started: the calls in flight fail with ``WorkerDied``."""
        if not self.alive:
            return
        self.close(wait=False)
        for future in self.pending.values():
            if not future.done():
                future.set_exception(WorkerDied(f"worker process {self.process.pid} ended"))
        self.pending.clear()

    def close(self, wait: bool = True) -> None:
        if not self.alive:
            return
        self.alive = False
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

    def __init__(self, context: BaseContext, workers: int, log_level: int | str = logging.INFO) -> None:
        self.context, self.size, self.log_level = context, workers, log_level
        self.workers: list[Worker] = []
        self._ids = itertools.count()

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        return await self._least_busy().call(next(self._ids), function, args)  # type: ignore[no-any-return]

    async def start(self, warm_up: Callable[..., Any] | None = None, *args: Any) -> None:
        """Start every worker without blocking the loop (the fork server's start-up takes a few
        tenths of a second), each running ``warm_up(*args)`` first: what the first pages would
        pay for (imports, data loaded on first use) is paid before they arrive."""
        loop = asyncio.get_running_loop()
        starting = [Worker(self.context, loop, self.log_level) for _ in range(self.size - len(self.workers))]
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
            worker = Worker(self.context, asyncio.get_running_loop(), self.log_level)
            try:
                worker.launch()
            except Exception as error:
                worker.died()
                raise WorkerDied(f"a worker process could not start: {error}") from error
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
