"""HTTP server for the fake IPGirl site (127.0.0.1 only), with a request log,
conditional GET on article pages and a fault-injection hook."""
from __future__ import annotations

import json
import socket
import struct
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

from .app import App, Response
from .eras import Ctx
from .faults import Fault, FaultTable
from .fmt import http_date
from .model import DEFAULT_NOW, Site, build_site
from .view import expected_items, iter_expected


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        return self.server.date_header

    def do_GET(self) -> None:
        self.server.arrived(self)
        try:
            self._serve(head=False)
        finally:
            self.server.answered(self)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        fault = self.server.faults.pop(self.path)
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.seconds)
            fault = None
        if fault is not None and fault.kind == "drip":
            self.server.log(self, 200, 0, "drip")
            self._drip(fault.seconds)
            return
        if fault is not None and fault.kind == "reset":
            self.server.log(self, None, 0, "reset")
            self._reset()
            return
        if fault is not None and fault.kind == "status":
            resp = Response(fault.status, f"<h1>Error {fault.status}</h1>".encode(),
                            {"Content-Type": "text/html; charset=utf-8"})
            if fault.retry_after is not None:
                resp.headers["Retry-After"] = str(fault.retry_after)
        elif self.path in self.server.extra_routes:
            status, body, headers = self.server.extra_routes[self.path]
            resp = Response(status, body, dict(headers))
        elif (made := next((r for r in map(lambda route: route(self.path), self.server.route_makers) if r), None)):
            status, body, headers = made
            resp = Response(status, body, dict(headers))
        else:
            try:
                resp = self.server.app.route(self.path, self.headers)
            except Exception as exc:  # a bug in the site must show as a 500, not a hang
                resp = Response(500, f"internal error: {exc!r}".encode(), {"Content-Type": "text/plain"})
        truncated = fault is not None and fault.kind == "truncated"
        # Logged before sending, so a client that has its answer also finds it in the log.
        self.server.log(self, resp.status, len(resp.body), "truncated" if truncated else None)
        self._send(resp, head, truncated)

    def _send(self, resp: Response, head: bool, truncated: bool) -> None:
        self.server.answered(self)  # before the answer goes out: the client cannot be done with it earlier
        self.send_response(resp.status)
        for key, value in resp.headers.items():
            self.send_header(key, value)
        if resp.status != 304:
            self.send_header("Content-Length", str(len(resp.body)))
        if truncated:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not head and resp.status != 304 and not isinstance(resp.body, bytes):
            self._stream(resp.body)
        elif not head and resp.status != 304:
            self.wfile.write(resp.body[:len(resp.body) // 2] if truncated else resp.body)

    def _stream(self, chunks: Any) -> None:
        """A body of chunks with a ``len()``, written as they come: a large file is never held whole."""
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
        except OSError:
            self.close_connection = True  # the client had what it wanted

    def _drip(self, seconds: float) -> None:
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            for _ in range(int(60 / seconds)):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(seconds)
        except OSError:
            pass  # the client gave up

    def _reset(self) -> None:
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

    def finish(self) -> None:
        try:
            super().finish()
        except (OSError, ValueError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, addr: tuple[str, int], app: App, faults: FaultTable, date_header: str,
                 log_file: IO[str] | None, keep_log: bool) -> None:
        super().__init__(addr, _Handler)
        self.app, self.faults, self.date_header = app, faults, date_header
        self.log_file, self.keep_log = log_file, keep_log
        self.entries: list[dict[str, Any]] = []
        self.log_lock = threading.Lock()
        # Pages served as they are, before the site's own routes (see hostile.py); a body is bytes, or
        # an iterable of chunks with a len() for a large one (tests/crawl/test_robots_size.py).
        self.extra_routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}
        # Functions of a path that answer (status, body, headers) or None: pages without end (endless.py).
        self.route_makers: list[Any] = []
        # Requests being answered right now, the most seen at once, and a latency every answer waits.
        self.in_flight: set[int] = set()
        self.max_in_flight = 0
        self.latency = 0.0

    def arrived(self, handler: _Handler) -> None:
        with self.log_lock:
            self.in_flight.add(id(handler))
            self.max_in_flight = max(self.max_in_flight, len(self.in_flight))
        if self.latency:
            time.sleep(self.latency)

    def answered(self, handler: _Handler) -> None:
        with self.log_lock:
            self.in_flight.discard(id(handler))

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # client went away, reset faults, etc.

    def log(self, h: _Handler, status: int | None, size: int, fault: str | None) -> None:
        now = time.time()
        entry = {"time": datetime.fromtimestamp(now, timezone.utc).isoformat(timespec="milliseconds"),
                 "ts": now, "method": h.command, "path": h.path, "host": h.headers.get("Host"),
                 "status": status, "bytes": size, "ua": h.headers.get("User-Agent")}
        if fault:
            entry["fault"] = fault
        with self.log_lock:
            if self.keep_log:
                self.entries.append(entry)
            if self.log_file is not None:
                self.log_file.write(json.dumps(entry, ensure_ascii=False) + "\n")
                self.log_file.flush()


class LocalSite:
    """The fake site served on 127.0.0.1; a context manager for tests.

    eras: the article templates to use, e.g. "E,F" or ("A", "F"); None = $LOCALSITE_ERAS or A-D.

    with LocalSite(n_articles=300, seed=1, log_path=...) as site:
        site.base_url, site.expected_items(), site.requests(), site.faults[path] = [503, "reset"]
    """

    def __init__(self, n_articles: int = 300, seed: int = 1, *, now: datetime = DEFAULT_NOW,
                 port: int = 0, log_path: str | Path | None = None, keep_log: bool = True,
                 site: Site | None = None, eras: str | tuple[str, ...] | list[str] | None = None,
                 date_header: datetime | None = None) -> None:
        self.site = site or build_site(n_articles, seed, now, eras=eras)
        self.date_header = date_header  # what its Date header says instead of the present: a wrong clock
        self.faults = FaultTable()
        self.port, self.log_path, self.keep_log = port, log_path, keep_log
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._log_file: IO[str] | None = None
        self._expected: list[dict] | None = None
        self._entries: list[dict[str, Any]] = []
        self._log_lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def alt_base_url(self) -> str:
        """The same server under another host name (a trap: not the allowed host)."""
        return f"http://localhost:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    @property
    def app(self) -> App:
        assert self._server is not None, "the site is not bound yet"
        return self._server.app

    @property
    def extra_routes(self) -> dict[str, tuple[int, bytes, dict[str, str]]]:
        assert self._server is not None, "the site is not bound yet"
        return self._server.extra_routes

    @property
    def route_makers(self) -> list[Any]:
        assert self._server is not None, "the site is not bound yet"
        return self._server.route_makers

    def bind(self) -> LocalSite:
        if self.site.served_at is None:  # a site served again (a second LocalSite of it) keeps its clock
            self.site.served_at = datetime.now(timezone.utc).replace(microsecond=0)
        self._relative_dates_as_served()
        if self.log_path:
            self._log_file = open(self.log_path, "w", encoding="utf-8")
        server = _Server(("127.0.0.1", self.port), App(self.site, Ctx("", "")), self.faults,
                         http_date(self.date_header or self.site.clock), self._log_file, self.keep_log)
        self.port = server.server_address[1]
        server.app.ctx = Ctx(self.base_url, self.alt_base_url)
        self._server = server
        self._entries, self._log_lock = server.entries, server.log_lock
        return self

    def start(self) -> LocalSite:
        if self._server is None:
            self.bind()
        assert self._server is not None
        self._thread = threading.Thread(target=self._server.serve_forever, name="localsite", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        if self._server is None:
            self.bind()
        assert self._server is not None
        self._server.serve_forever()

    def stop(self) -> None:
        if self._server is not None:
            if self._thread is not None:
                self._server.shutdown()
                self._thread.join(timeout=5)
            self._server.server_close()
            self._server = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def max_in_flight(self) -> int:
        """The most requests the site was answering at once."""
        assert self._server is not None, "the site is not bound yet"
        return self._server.max_in_flight

    def set_latency(self, seconds: float) -> None:
        """Every answer waits this long first (a slower site: concurrency becomes visible)."""
        assert self._server is not None, "the site is not bound yet"
        self._server.latency = seconds

    def inject(self, path: str, *faults: Fault | int | str) -> None:
        self.faults.add(path, *faults)

    def change(self, edits: int, new: int, seed: int = 99) -> tuple[list[Any], list[Any]]:
        """Edit and publish articles between two crawls (see ``mutate.change_site``)."""
        from .mutate import change_site

        changed = change_site(self.site, edits, new, seed)
        self._relative_dates_as_served()
        self._expected = None
        return changed

    def _relative_dates_as_served(self) -> None:
        """Pages say "N days ago" as of when they are served, as a real site's do: an article of
        ``site.now`` minus 3 days says "20 days ago" when served 17 days later (its day, and the
        sitemap's lastmod, stay what they are)."""
        offset = (self.site.clock.date() - self.site.now.date()).days
        for article in self.site.articles:
            if article.rel_days and article.id not in self.site.told_as_served:
                article.rel_days += offset
                self.site.told_as_served.add(article.id)

    def remove(self, article_id: int) -> None:
        """The article disappears from the site (see ``mutate.remove_article``)."""
        from .mutate import remove_article

        remove_article(self.site, self.site.by_id[article_id])
        self._expected = None

    def expected_items(self) -> list[dict]:
        if self._expected is None:
            self._expected = expected_items(self.site, self.base_url)
        return list(self._expected)

    def write_expected(self, path: str | Path) -> int:
        """Stream the expected items to a JSON Lines file (no list kept in memory)."""
        n = 0
        with open(path, "w", encoding="utf-8") as fh:
            for item in iter_expected(self.site, self.base_url):
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
                n += 1
        return n

    def requests(self) -> list[dict]:
        """Logged requests so far (also after stop())."""
        with self._log_lock:
            return list(self._entries)
