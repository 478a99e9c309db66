"""robots.txt fetched once a run, and read up to its first 500 KiB whatever its size.

Scrapy's ``RobotsTxtMiddleware`` fetches robots.txt to obey it, and the spider asks for it again
to read its ``Sitemap:`` lines: two fetches of one file. This middleware keeps the answer of the
first and gives it to the spider's request (counted: ``ipgirl/discovery/robots_reused``); when the
first fetch failed, the spider's request goes to the site as before.

A robots.txt over ``DOWNLOAD_MAXSIZE`` was a failed download, and Scrapy then obeys nothing: a
50 MB file whose rules were in its first lines let the crawl fetch 19 pages they disallow.
RFC 9309 §2.5 has crawlers parse at least its first 500 KiB, so ``RobotsTxtPrefix`` reads that:
the download stops there (whatever ``Content-Length`` announces), a coded body is decoded up to
500 KiB (a bomb stays one), and the file is cut after its last whole line (counted:
``ipgirl/discovery/robots_truncated``). It sits between Scrapy's ``HttpCompressionMiddleware`` and
the downloader, so the body it hands on carries no coding left to decode.
"""
from __future__ import annotations

import logging
import zlib
from collections.abc import Callable
from itertools import chain

import brotli
from backports import zstd
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import StopDownload
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from ipgirl_crawler.discovery.reachability import quiet_robots_network_errors

logger = logging.getLogger(__name__)
REUSED_STAT = "ipgirl/discovery/robots_reused"
TRUNCATED_STAT = "ipgirl/discovery/robots_truncated"
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 §2.5: "at least 500 kibibytes"
RECEIVED = "ipgirl_robots_received"  # request meta: the bytes of a robots.txt received so far


def is_robots_txt(request: Request) -> bool:
    return urlparse_cached(request).path == "/robots.txt"


def whole_lines(text: bytes) -> bytes:
    """``text`` up to its last line break: a rule cut in the middle says something else
    (``Allow: /a`` of ``Allow: /a/b``)."""
    return text[:max(text.rfind(b"\n"), text.rfind(b"\r")) + 1]


def _inflated(body: bytes, limit: int) -> bytes:
    for wbits in (47, -15):  # gzip or zlib (told apart by the header), then raw deflate as some servers send it
        try:
            return zlib.decompressobj(wbits).decompress(body, limit)
        except zlib.error:
            continue
    return b""


def _unbrotli(body: bytes, limit: int) -> bytes:
    try:
        return brotli.Decompressor().process(body, output_buffer_limit=limit)[:limit]
    except brotli.error:
        return b""


def _unzstd(body: bytes, limit: int) -> bytes:
    try:
        return zstd.ZstdDecompressor().decompress(body, max_length=limit)
    except zstd.ZstdError:
        return b""


# The codings Scrapy's HttpCompressionMiddleware decodes, each decoded here to its first bytes only.
PREFIX_DECODERS: dict[bytes, Callable[[bytes, int], bytes]] = {
    b"gzip": _inflated, b"x-gzip": _inflated, b"deflate": _inflated, b"br": _unbrotli, b"zstd": _unzstd}


def decoded_prefix(body: bytes, codings: list[bytes], limit: int = ROBOTS_MAX_BYTES) -> tuple[bytes, list[bytes]]:
    """(the first ``limit`` bytes of ``body`` decoded, the codings left): decoded from the last
    applied on, as Scrapy does, up to one it does not know; a broken stream decodes to nothing."""
    left = [coding.strip().lower() for coding in chain.from_iterable(value.split(b",") for value in codings)]
    while left and left[-1] in PREFIX_DECODERS:
        body = PREFIX_DECODERS[left.pop()](body, limit)
    return body, left


class RobotsTxtPrefix:
    """The first 500 KiB of robots.txt, however large the file or its coding."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        crawler.signals.connect(self.bytes_received, signal=signals.bytes_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsTxtPrefix:
        return cls(crawler)

    def process_request(self, request: Request, spider: object = None) -> None:
        if is_robots_txt(request):
            # No whole-file limit nor warning: ROBOTS_MAX_BYTES is read, then the download stops.
            request.meta.update({"download_maxsize": 0, "download_warnsize": 0, RECEIVED: 0})

    def bytes_received(self, data: bytes, request: Request, spider: object = None) -> None:
        if RECEIVED in request.meta:
            request.meta[RECEIVED] += len(data)
            if request.meta[RECEIVED] > ROBOTS_MAX_BYTES:
                raise StopDownload(fail=False)

    def process_response(self, request: Request, response: Response, spider: object = None) -> Response:
        if RECEIVED not in request.meta:
            return response
        codings = response.headers.getlist(b"Content-Encoding")
        text, left = decoded_prefix(response.body, codings, ROBOTS_MAX_BYTES + 1)
        cut = "download_stopped" in response.flags or len(text) > ROBOTS_MAX_BYTES
        if not cut and not codings:
            return response
        if cut:
            text = whole_lines(text[:ROBOTS_MAX_BYTES])
            length = response.headers.get(b"Content-Length") or b""
            announced = length.decode() if length.isdigit() else "not given"
            logger.warning("robots.txt at %s is over %d bytes (Content-Length %s): obeying its first %d bytes, "
                           "as RFC 9309 allows", response.url, ROBOTS_MAX_BYTES, announced, len(text))
            self.stats.inc_value(TRUNCATED_STAT)
        headers = response.headers.copy()
        headers.pop(b"Content-Encoding", None)
        if left:
            headers[b"Content-Encoding"] = b", ".join(left)
        return response.replace(body=text, headers=headers)


class RobotsTxtOnce(RobotsTxtMiddleware):
    def __init__(self, crawler) -> None:  # type: ignore[no-untyped-def]
        super().__init__(crawler)
        quiet_robots_network_errors()
        self._answers: dict[str, Response] = {}  # netloc -> the robots.txt answer, until the spider's request

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        self._answers[netloc] = response
        await super()._parse_robots(response, netloc, request)

    async def process_request(self, request: Request) -> Response | None:  # type: ignore[override]
        await super().process_request(request)
        if request.meta.get("dont_obey_robotstxt"):
            return None
        parts = urlparse_cached(request)
        answer = self._answers.get(parts.netloc) if parts.path == "/robots.txt" else None
        if answer is None or answer.url != request.url:
            return None
        del self._answers[parts.netloc]
        self._stats.inc_value(REUSED_STAT)
        return answer.replace(request=request)
