"""One fetch as WARC/1.1 records, each record its own gzip member (pure: bytes out).

A gzip member per record is what WARC readers expect (``warcio``, ``fastwarc``, wayback tools
seek to a record's offset), and what makes the file crash-safe: a member is whole or it is the
torn tail, which ``writer.whole_members_end`` finds and recovery cuts off.
"""
from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from urllib.parse import urlsplit

from fastwarc.warc import WarcRecord, WarcRecordType
from isal import isal_zlib

# ISA-L's level 1: half the CPU of zlib's level 1 for a member as small (measured: __init__.py).
GZIP_LEVEL = 1
GZIP_WBITS = 31  # a gzip header and trailer (CRC32, length): a torn member never inflates
# The body is archived as Scrapy holds it (decoded, de-chunked): the headers that described the
# bytes on the wire would make a reader decode it a second time.
WIRE_HEADERS = (b"transfer-encoding", b"content-encoding")
SOFTWARE = "ipgirl-crawler (Scrapy 2.19; fastwarc 2.0.0)"


@dataclass(frozen=True)
class Fetch:
    """What the crawl received for one request: enough to write its request and response records."""
    url: str
    status: int
    headers: list[tuple[bytes, bytes]]  # the response's, in order, one pair per value
    body: bytes
    fetched_at: datetime
    method: str = "GET"
    request_headers: tuple[tuple[bytes, bytes], ...] = ()
    ip_address: str | None = None
    protocol: str | None = None


def warc_date(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _sha1(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")  # noqa: S324 - WARC's digest


def archived_headers(headers: list[tuple[bytes, bytes]], body_length: int) -> list[tuple[bytes, bytes]]:
    """The response's headers as they describe the archived body: wire encodings dropped, and a
    ``Content-Length`` that gave the compressed size kept as ``X-Archive-Orig-Content-Length``."""
    kept = []
    for name, value in headers:
        lower = name.lower()
        if lower in WIRE_HEADERS:
            kept.append((b"X-Archive-Orig-" + name, value))
        elif lower == b"content-length" and value.strip() != str(body_length).encode():
            kept.append((b"X-Archive-Orig-" + name, value))
            kept.append((name, str(body_length).encode()))
        else:
            kept.append((name, value))
    return kept


def http_response_block(fetch: Fetch) -> tuple[bytes, int]:
    """(the HTTP response as archived: status line, headers, body; where its payload starts)."""
    try:
        reason = HTTPStatus(fetch.status).phrase
    except ValueError:
        reason = ""
    lines = [f"{fetch.protocol or 'HTTP/1.1'} {fetch.status} {reason}".rstrip().encode("ascii")]
    lines += [name + b": " + value for name, value in archived_headers(fetch.headers, len(fetch.body))]
    head = b"\r\n".join(lines) + b"\r\n\r\n"
    return head + fetch.body, len(head)


def http_request_block(fetch: Fetch) -> bytes:
    parts = urlsplit(fetch.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    lines = [f"{fetch.method} {target} HTTP/1.1".encode("ascii"), b"Host: " + parts.netloc.encode("idna")]
    lines += [name + b": " + value for name, value in fetch.request_headers if name.lower() != b"host"]
    return b"\r\n".join(lines) + b"\r\n\r\n"


def gzip_member(record: WarcRecord, payload_digest: bytes | None = None) -> bytes:
    raw = io.BytesIO()
    record.write(raw, checksum_data=True, payload_digest=payload_digest)
    compressor = isal_zlib.compressobj(GZIP_LEVEL, isal_zlib.DEFLATED, GZIP_WBITS)
    return compressor.compress(raw.getvalue()) + compressor.flush()


def _record(kind: WarcRecordType, fetch: Fetch, block: bytes, msgtype: str) -> WarcRecord:
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Date"] = warc_date(fetch.fetched_at)
    record.headers["WARC-Target-URI"] = fetch.url
    record.headers["Content-Type"] = f"application/http; msgtype={msgtype}"
    if fetch.ip_address:
        record.headers["WARC-IP-Address"] = fetch.ip_address
    record.set_bytes_content(block)
    return record


def fetch_members(fetch: Fetch) -> bytes:
    """The response record and its request record (``WARC-Concurrent-To``), two gzip members."""
    block, payload_start = http_response_block(fetch)
    response = _record(WarcRecordType.response, fetch, block, "response")
    response.headers["WARC-Payload-Digest"] = _sha1(block[payload_start:])
    request = _record(WarcRecordType.request, fetch, http_request_block(fetch), "request")
    request.headers["WARC-Concurrent-To"] = response.headers["WARC-Record-ID"]
    return gzip_member(response) + gzip_member(request)


def warcinfo_member(filename: str, fields: dict[str, str]) -> bytes:
    """The file's first record: which software wrote it, under which rules."""
    record = WarcRecord()
    record.init_headers(WarcRecordType.warcinfo)
    record.headers["WARC-Date"] = warc_date(datetime.now(timezone.utc))
    record.headers["WARC-Filename"] = filename
    record.headers["Content-Type"] = "application/warc-fields"
    body = "".join(f"{name}: {value}\r\n" for name, value in {"software": SOFTWARE, "format": "WARC File Format 1.1",
                                                               **fields}.items())
    record.set_bytes_content(body.encode("utf-8"))
    return gzip_member(record)
