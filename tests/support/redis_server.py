"""A real, throwaway redis-server on loopback for the distributed-mode tests and benchmarks.

``RedisServer`` can be stopped and started again on the same port with the same data (AOF,
fsynced on every write, as a production Redis that must not lose a job would be), can ask for a
password, and can speak TLS only (a self-signed certificate made with ``openssl``).
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """(certificate, key) for 127.0.0.1, made with openssl."""
    cert, key = directory / "redis-cert.pem", directory / "redis-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


class RedisServer:
    def __init__(self, workdir: Path, password: str | None = None, tls: bool = False, durable: bool = False) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed: run `make system-deps` (Debian package redis-server)")
        self.binary, self.workdir, self.password, self.tls, self.durable = binary, workdir, password, tls, durable
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.cert: Path | None = None

    @property
    def url(self) -> str:
        """The URL without the password (give it through the environment or a file)."""
        if self.tls:
            return f"rediss://127.0.0.1:{self.port}/0?ssl_ca_certs={self.cert}"
        return f"redis://127.0.0.1:{self.port}/0"

    def _arguments(self) -> list[str]:
        persistence = ["--appendonly", "yes", "--appendfsync", "always"] if self.durable else ["--appendonly", "no"]
        arguments = ["--bind", "127.0.0.1", "--save", "", "--dir", str(self.workdir), *persistence]
        if self.password:
            arguments += ["--requirepass", self.password]
        if self.tls:
            if self.cert is None:
                self.cert, self.key = self_signed_certificate(self.workdir)
            arguments += ["--port", "0", "--tls-port", str(self.port), "--tls-cert-file", str(self.cert),
                          "--tls-key-file", str(self.key), "--tls-ca-cert-file", str(self.cert), "--tls-auth-clients", "no"]
        else:
            arguments += ["--port", str(self.port)]
        return arguments

    def start(self) -> RedisServer:
        self.process = subprocess.Popen([self.binary, *self._arguments()], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """Starts ``redis-server`` (installed by ``make test``'s set-up) and yields its URL."""
    with RedisServer(workdir) as server:
        yield server.url
