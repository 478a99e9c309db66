"""Hostile WARC files, made at test time and small on disk: a record whose ``Content-Length``
lies, a record that inflates to a GiB (a gzip bomb as the archive's own member), a response whose
``Content-Encoding: gzip`` body inflates to a GiB, off-origin and ``file:`` records, and records
without ``WARC-Block-Digest`` as other tools write them.

A bomb is built without ever holding (or compressing) its inflated bytes: one chunk of filler is
deflated once behind a full flush (no back-reference before it), and that byte-aligned segment is
repeated; the gzip trailer's CRC is computed chunk by chunk. 1 GiB of spaces is ~1 MB on disk.
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
import resource
import struct
import subprocess
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.support.crawl_check import ROOT

CHUNK = 1 << 20
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # deflate, no name, no time, unknown OS


def bomb(head: bytes, repeats: int, tail: bytes = b"", filler: bytes = b" ") -> bytes:
    """A gzip member that inflates to ``head``, ``repeats`` MiB of ``filler``, then ``tail``."""
    chunk = filler * (CHUNK // len(filler))
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = deflater.compress(head) + deflater.flush(zlib.Z_FULL_FLUSH)
    segment = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    last = deflater.compress(tail) + deflater.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + repeats * len(chunk) + len(tail)
    return GZIP_HEADER + first + segment * repeats + last + struct.pack("<II", crc, size & 0xFFFFFFFF)


def member(data: bytes) -> bytes:
    """``data`` as one gzip member, as WARC writers write a record."""
    deflater = zlib.compressobj(6, zlib.DEFLATED, 31)
    return deflater.compress(data) + deflater.flush()


def block_digest(block: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()  # noqa: S324 - WARC's digest


def warc_head(url: str, length: int, digest: str | None, kind: str = "response") -> bytes:
    lines = ["WARC/1.1", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{hashlib.md5(url.encode()).hexdigest()}>",  # noqa: S324
             "WARC-Date: 2026-11-20T12:00:00Z", f"WARC-Target-URI: {url}",
             "Content-Type: application/http; msgtype=response", f"Content-Length: {length}"]
    if digest:
        lines.append(f"WARC-Block-Digest: {digest}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def http_head(status: str = "200 OK", headers: tuple[tuple[str, str], ...] = (), length: int | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Content-Type: text/html; charset=utf-8", *(f"{k}: {v}" for k, v in headers)]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def response_member(url: str, body: bytes, status: str = "200 OK", headers: tuple[tuple[str, str], ...] = (),
                    digest: bool = True) -> bytes:
    """A whole response record, one gzip member; without ``WARC-Block-Digest`` when ``digest`` is false."""
    block = http_head(status, headers, len(body)) + body
    return member(warc_head(url, len(block), block_digest(block) if digest else None) + block + b"\r\n\r\n")


def lying_length_member(url: str, claimed: int = 10**12) -> bytes:
    """A small response record whose ``Content-Length`` says ``claimed`` bytes."""
    block = http_head(length=5) + b"<p>x</p>"
    return member(warc_head(url, claimed, block_digest(block)) + block + b"\r\n\r\n")


def record_bomb_member(url: str, mib: int = 1024) -> bytes:
    """A response record of a ``mib`` MiB page of spaces, its Content-Length true: the archive's
    own gzip member is the bomb."""
    http = http_head(length=mib * CHUNK)
    return bomb(warc_head(url, len(http) + mib * CHUNK, None) + http, mib, b"\r\n\r\n")


def body_bomb_member(url: str, mib: int = 1024) -> bytes:
    """A small response record whose body, ``Content-Encoding: gzip``, inflates to ``mib`` MiB."""
    return response_member(url, bomb(b"<html><body><p>", mib), headers=(("Content-Encoding", "gzip"),))


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    peak_mib: float  # the kernel's high-water mark of resident memory (VmHWM)


def _high_water_mib(pid: int) -> float:
    try:
        match = re.search(r"^VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.MULTILINE)
    except OSError:
        return 0.0
    return int(match[1]) / 1024 if match else 0.0


def _cap_address_space(cap: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def run_bounded(command: list[str], work: Path, cap_gib: int = 2, timeout: float = 600) -> Measured:
    """Run ``command`` (from the project root), its peak resident memory read from /proc while it
    runs; its address space capped at ``cap_gib`` so that a reader that inflates a bomb fails the
    test instead of filling the shared machine (unbounded, one took 22.9 GB)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out, err = work / "stdout.txt", work / "stderr.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout, stderr=stderr,
                                   preexec_fn=lambda: _cap_address_space(cap_gib << 30))  # noqa: PLW1509 - no threads here
        peak, deadline = 0.0, time.monotonic() + timeout
        while process.poll() is None:
            peak = max(peak, _high_water_mib(process.pid))
            if time.monotonic() > deadline:
                process.kill()
            time.sleep(0.02)
    return Measured(process.returncode, out.read_text("utf-8", "replace"), err.read_text("utf-8", "replace"), peak)
