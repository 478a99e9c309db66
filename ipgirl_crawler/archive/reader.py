"""WARC → Scrapy responses: what the archive holds, as the spider received it.

The file is split into its gzip members here (one a record, ``warc.py``), each record then parsed
by fastwarc: WARC readers hide where a member ends, and a crash's torn tail is exactly a member
that does not end. A torn or damaged record (its gzip CRC, or its ``WARC-Block-Digest`` when it has
one: ISO 28500 makes it optional) is skipped and counted, never handed on as a short page.

An archive is untrusted input, read under the bounds of a download (``DOWNLOAD_MAXSIZE``, the
size a body decompressed): a member is inflated into memory only up to ``Limits.record`` bytes
(past that, inflated and dropped chunk by chunk to find where the next one starts), a record's
``Content-Length`` is checked before fastwarc allocates it (10^12 aborted the process), and a
body over the limit, once its content coding is undone, is refused. Each such record is skipped
and counted as oversized.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from fastwarc.warc import WarcRecord, WarcRecordType
from isal import isal_zlib
from scrapy.http import HtmlResponse, Response
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes
from scrapy.utils._compression import _DecompressionMaxSizeExceeded, _inflate, _unbrotli, _unzstd
from scrapy.utils.gz import gunzip

from ipgirl_crawler.settings import DOWNLOAD_MAXSIZE

logger = logging.getLogger(__name__)
CHUNK = 1 << 20
# Room for the WARC and HTTP headers around a body of DOWNLOAD_MAXSIZE (the crawl's own records
# have under 2 KiB of them; 1 MiB leaves other tools' long cookies and links headers alone).
HEADROOM = 1 << 20
HEAD_MAX = 64 << 10  # a WARC header block longer than this is not one
TORN, OVERSIZED = "torn", "oversized"


@dataclass(frozen=True)
class Limits:
    """What one archived response may weigh, as a download: its body (decompressed, as Scrapy's
    ``DOWNLOAD_MAXSIZE`` counts it), and the record around it."""
    body: int = DOWNLOAD_MAXSIZE

    @property
    def record(self) -> int:
        return self.body + HEADROOM

    @classmethod
    def of(cls, settings: Any) -> Limits:
        return cls(settings.getint("DOWNLOAD_MAXSIZE") or DOWNLOAD_MAXSIZE)


@dataclass
class ReadCounts:
    """What reading found: response records read, and records skipped as torn or damaged, or
    as over the size limit."""
    records: int = 0
    torn: int = 0
    oversized: int = 0


@dataclass(frozen=True)
class Member:
    offset: int  # where the gzip member starts in the file
    end: int  # where it ends (the next one starts)
    data: bytes | None  # the record it holds; None when the member is torn or damaged, or oversized
    inflated: int = 0  # its size inflated; over the limit, ``data`` is None and the member whole


@dataclass(frozen=True)
class ArchivedResponse:
    path: str
    offset: int  # of the record's gzip member: ``response_at(path, offset)`` reads it again
    fetched_at: datetime | None  # WARC-Date: when the crawl received it
    response: Response


def gzip_members(handle: IO[bytes], limit: int | None = None) -> Iterator[Member]:
    """The gzip members from the handle's position on; the last is ``data=None`` when the file
    ends inside one (a torn tail) or its bytes do not inflate (nothing after it can be trusted).
    A member that inflates to more than ``limit`` bytes (None: no limit, the run's own files)
    has ``data=None`` too, but is whole: it is inflated to its end, its output dropped as it comes,
    so memory holds one chunk of it (a GiB of zeros costs ~0.4 s, not a GiB)."""
    offset, pending = handle.tell(), b""
    while True:
        inflater, out, inflated, used = isal_zlib.decompressobj(31), [], 0, 0
        while not inflater.eof:
            pending = pending or handle.read(CHUNK)
            if not pending:
                if used:
                    yield Member(offset, offset + used, None)
                return
            try:
                piece = inflater.decompress(pending, CHUNK)
            except isal_zlib.error:
                yield Member(offset, offset + used + len(pending), None)
                return
            left = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
            used, pending, inflated = used + len(pending) - len(left), left, inflated + len(piece)
            if limit is None or inflated <= limit:
                out.append(piece)
            else:
                out.clear()
        end = offset + used
        whole = limit is None or inflated <= limit
        yield Member(offset, end, b"".join(out) if whole else None, inflated)
        offset = end


# What Scrapy's HttpCompressionMiddleware undoes before the spider sees a body, with its own bounded
# decoders (Scrapy 2.19's, private: tests/unit/test_archive_bounds.py pins them), so that a body
# bomb stops at DOWNLOAD_MAXSIZE here as in the crawl: unbounded, a 1 GiB gzip body took
# ipgirl-extract past 19 GB. The crawl's own archive holds bodies decoded already.
DECODERS = {b"gzip": gunzip, b"x-gzip": gunzip, b"deflate": _inflate, b"br": _unbrotli, b"zstd": _unzstd}


def to_response(record: WarcRecord, max_body: int = 0) -> Response | None:
    """The record's HTTP response as the spider receives it: ``HtmlResponse`` for a page, else the
    class Scrapy picks for its headers and body, its content coding undone (at most ``max_body``
    bytes: ``_DecompressionMaxSizeExceeded`` past them; 0: no limit); None when the record holds
    no HTTP response or its body does not decode."""
    record.parse_http(auto_decode="none")
    http = record.http_headers
    if http is None or not http.status_code:
        return None
    body = record.reader.read()
    headers = Headers(http.astuples())
    if (decoder := DECODERS.get((headers.get(b"Content-Encoding") or b"").strip().lower())) is not None:
        try:
            body = decoder(body, max_size=max_body)
        except _DecompressionMaxSizeExceeded:
            raise
        except Exception:  # a body its coding does not decode: damaged (the crawl would fail it too)
            return None
        headers[b"X-Archive-Orig-Content-Encoding"] = headers.pop(b"Content-Encoding")  # as warc.py archives it
    url = record.headers["WARC-Target-URI"]
    protocol = http.status_line.split(" ", 1)[0] if http.status_line else None
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    if not issubclass(cls, HtmlResponse) and b"html" in (headers.get(b"Content-Type") or b"").lower():
        cls = HtmlResponse
    return cls(url=url, status=http.status_code, headers=headers, body=body, protocol=protocol)


def declared_length(data: bytes) -> tuple[int, int] | None:
    """(where the record's block starts, the ``Content-Length`` its header gives), read before
    fastwarc sees the record: fastwarc allocates that many bytes first. None without a header end
    or a length."""
    head_end = data.find(b"\r\n\r\n", 0, HEAD_MAX)
    if head_end < 0:
        return None
    for line in data[:head_end].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            value = value.strip()
            return (head_end + 4, int(value)) if value.isdigit() and len(value) <= 20 else None
    return None


def refusal(member: Member, limit: int | None = None) -> str | None:
    """Why the member's record cannot be read: ``OVERSIZED`` (it inflates to, or its header claims,
    more than ``limit`` bytes), ``TORN`` (torn, damaged, or it claims more bytes than it holds), or None."""
    if member.data is None:
        return OVERSIZED if limit is not None and member.inflated > limit else TORN
    declared = declared_length(member.data)
    if declared is None:
        return TORN
    block_start, length = declared
    if limit is not None and length > limit:
        return OVERSIZED
    return TORN if block_start + length > len(member.data) else None


def whole_record(member: Member, limit: int | None = None) -> WarcRecord | None:
    """The member's WARC record when it is whole, no larger than ``limit``, and its block digest
    checks out (when it has one)."""
    if refusal(member, limit) is not None:
        return None
    try:
        record = WarcRecord.from_bytes(member.data)
    except OSError:
        return None
    if "WARC-Block-Digest" in record.headers and not record.verify_block_digest(consume=False):
        return None
    return record


def _response(member: Member, record: WarcRecord | None, limits: Limits) -> tuple[Response | None, str | None]:
    """(the member's response, None) or (None, why it cannot be read: ``TORN`` or ``OVERSIZED``)."""
    if record is None:
        return None, refusal(member, limits.record) or TORN
    try:
        response = to_response(record, limits.body)
    except _DecompressionMaxSizeExceeded:
        return None, OVERSIZED
    if response is None:
        return None, TORN
    return (None, OVERSIZED) if len(response.body) > limits.body else (response, None)


def _read(path: str | Path, handle: IO[bytes], counts: ReadCounts, limits: Limits,
          first_only: bool) -> Iterator[ArchivedResponse]:
    for member in gzip_members(handle, limits.record):
        record = whole_record(member, limits.record)
        if record is not None and record.record_type != WarcRecordType.response:
            continue
        response, problem = _response(member, record, limits)
        if problem == OVERSIZED:
            counts.oversized += 1
            logger.warning("Skipped an oversized WARC record at offset %d of %s: its body, inflated, or its "
                           "Content-Length is over DOWNLOAD_MAXSIZE (%d bytes)", member.offset, path, limits.body)
        elif problem == TORN:
            counts.torn += 1
            logger.warning("Skipped a torn or damaged WARC record at offset %d of %s", member.offset, path)
        else:
            counts.records += 1
            yield ArchivedResponse(str(path), member.offset, record.record_date, response)
        if first_only:
            return


def archived_responses(path: str | Path, counts: ReadCounts | None = None,
                       limits: Limits = Limits()) -> Iterator[ArchivedResponse]:
    """Every whole response record of one WARC file, in order, with where it is."""
    with open(path, "rb") as handle:
        yield from _read(path, handle, counts if counts is not None else ReadCounts(), limits, first_only=False)


def responses_from_warc(path: str | Path, counts: ReadCounts | None = None,
                        limits: Limits = Limits()) -> Iterator[Response]:
    """The archived responses of ``path`` (``HtmlResponse`` for pages); torn and oversized records
    are skipped and counted in ``counts``."""
    for archived in archived_responses(path, counts, limits):
        yield archived.response


def response_at(path: str | Path, offset: int, counts: ReadCounts | None = None,
                limits: Limits = Limits()) -> ArchivedResponse | None:
    """The response record whose gzip member starts at ``offset`` of ``path``, if it is whole."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        return next(_read(path, handle, counts if counts is not None else ReadCounts(), limits, first_only=True), None)
