"""WARC → Scrapy responses: what the archive holds, as the spider received it.

The file is split into its gzip members here (one a record, ``warc.py``), each record then parsed
by fastwarc: WARC readers hide where a member ends, and a crash's torn tail is exactly a member
that does not end. A torn or damaged record (its gzip CRC or ``WARC-Block-Digest`` wrong) is
skipped and counted, never handed on as a short page.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from fastwarc.warc import WarcRecord, WarcRecordType
from isal import isal_zlib
from scrapy.http import HtmlResponse, Response
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes

logger = logging.getLogger(__name__)
CHUNK = 1 << 20


@dataclass
class ReadCounts:
    """What reading found: response records read, and records skipped as torn or damaged."""
    records: int = 0
    torn: int = 0


@dataclass(frozen=True)
class Member:
    offset: int  # where the gzip member starts in the file
    end: int  # where it ends (the next one starts)
    data: bytes | None  # the record it holds; None when the member is torn or damaged


@dataclass(frozen=True)
class ArchivedResponse:
    path: str
    offset: int  # of the record's gzip member: ``response_at(path, offset)`` reads it again
    fetched_at: datetime | None  # WARC-Date: when the crawl received it
    response: Response


def gzip_members(handle: IO[bytes]) -> Iterator[Member]:
    """The gzip members from the handle's position on; the last is ``data=None`` when the file
    ends inside one (a torn tail) or its bytes do not inflate (nothing after it can be trusted)."""
    offset, data = handle.tell(), b""
    while True:
        inflater, out, fed = isal_zlib.decompressobj(31), [], 0
        while not inflater.eof:
            data = data or handle.read(CHUNK)
            if not data:
                if fed:
                    yield Member(offset, offset + fed, None)
                return
            try:
                out.append(inflater.decompress(data))
            except isal_zlib.error:
                yield Member(offset, offset + fed + len(data), None)
                return
            fed, data = fed + len(data), b""
        data = inflater.unused_data
        end = offset + fed - len(data)
        yield Member(offset, end, b"".join(out))
        offset = end


def to_response(record: WarcRecord) -> Response | None:
    """The record's HTTP response as Scrapy builds one: ``HtmlResponse`` for a page, else the
    class Scrapy picks for its headers and body; None when the record holds no HTTP response."""
    record.parse_http(auto_decode="none")
    http = record.http_headers
    if http is None or not http.status_code:
        return None
    body = record.reader.read()
    headers = Headers(http.astuples())
    url = record.headers["WARC-Target-URI"]
    protocol = http.status_line.split(" ", 1)[0] if http.status_line else None
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    if not issubclass(cls, HtmlResponse) and b"html" in (headers.get(b"Content-Type") or b"").lower():
        cls = HtmlResponse
    return cls(url=url, status=http.status_code, headers=headers, body=body, protocol=protocol)


def whole_record(member: Member) -> WarcRecord | None:
    """The member's WARC record when it is whole and its block digest checks out."""
    if member.data is None:
        return None
    try:
        record = WarcRecord.from_bytes(member.data)
    except OSError:
        return None
    return record if record.verify_block_digest(consume=False) else None


def _read(path: str | Path, handle: IO[bytes], counts: ReadCounts, first_only: bool) -> Iterator[ArchivedResponse]:
    for member in gzip_members(handle):
        record = whole_record(member)
        if record is not None and record.record_type != WarcRecordType.response:
            continue
        response = to_response(record) if record is not None else None
        if response is None:
            counts.torn += 1
            logger.warning("Skipped a torn or damaged WARC record at offset %d of %s", member.offset, path)
        else:
            counts.records += 1
            yield ArchivedResponse(str(path), member.offset, record.record_date, response)
        if first_only:
            return


def archived_responses(path: str | Path, counts: ReadCounts | None = None) -> Iterator[ArchivedResponse]:
    """Every whole response record of one WARC file, in order, with where it is."""
    with open(path, "rb") as handle:
        yield from _read(path, handle, counts if counts is not None else ReadCounts(), first_only=False)


def responses_from_warc(path: str | Path, counts: ReadCounts | None = None) -> Iterator[Response]:
    """The archived responses of ``path`` (``HtmlResponse`` for pages); torn records are skipped
    and counted in ``counts``."""
    for archived in archived_responses(path, counts):
        yield archived.response


def response_at(path: str | Path, offset: int, counts: ReadCounts | None = None) -> ArchivedResponse | None:
    """The response record whose gzip member starts at ``offset`` of ``path``, if it is whole."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        return next(_read(path, handle, counts if counts is not None else ReadCounts(), first_only=True), None)
