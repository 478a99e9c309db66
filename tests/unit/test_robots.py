"""robots.txt read up to its first 500 KiB (``discovery/robots.py``), table-driven: the cut after a
whole line, every coding Scrapy decodes decoded to its prefix only, what is left alone (the crawl:
``tests/crawl/test_robots_size.py``)."""
from __future__ import annotations

import gzip
import zlib

import brotli
import pytest
from backports import zstd
from protego import Protego
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from ipgirl_crawler.discovery.robots import (
    ROBOTS_MAX_BYTES, TRUNCATED_STAT, RobotsTxtPrefix, decoded_prefix, whole_lines,
)

RULES = b"User-agent: *\nDisallow: /de/\nAllow: /de/open/\n"
BIG = RULES + b"# padding\n" * 100_000 + b"User-agent: *\nDisallow: /fr/\n"  # ~1 MB, a rule past 500 KiB


@pytest.mark.parametrize(("text", "kept"), [
    (b"Disallow: /a\nAllow: /a/b", b"Disallow: /a\n"),  # the line cut in the middle goes
    (b"Disallow: /a\r\nAllow: /a/b\r\n", b"Disallow: /a\r\nAllow: /a/b\r\n"),
    (b"Disallow: /a\rAllow: /a/b", b"Disallow: /a\r"),  # CR alone ends a line too (RFC 9309 EOL)
    (b"no line break at all", b""),
    (b"", b""),
])
def test_whole_lines(text: bytes, kept: bytes) -> None:
    assert whole_lines(text) == kept


CODERS = {b"gzip": gzip.compress, b"x-gzip": gzip.compress, b"deflate": zlib.compress,
          b"br": brotli.compress, b"zstd": zstd.compress}


@pytest.mark.parametrize("coding", list(CODERS))
@pytest.mark.parametrize("text", [RULES, BIG, b"x" * (64 << 20)], ids=["small", "1 MB", "64 MiB bomb"])
def test_each_coding_decodes_to_its_first_bytes_only(coding: bytes, text: bytes) -> None:
    decoded, left = decoded_prefix(CODERS[coding](text), [coding])
    assert decoded == text[:ROBOTS_MAX_BYTES] and left == []


@pytest.mark.parametrize(("codings", "left"), [
    ([b"gzip, identity"], [b"gzip", b"identity"]),  # decoded from the last applied on: an unknown one stops it
    ([b"compress"], [b"compress"]),
    ([b"x-other", b"gzip"], [b"x-other"]),  # the known last one decoded, the rest kept (as Scrapy would)
])
def test_codings_it_does_not_know_are_left(codings: list[bytes], left: list[bytes]) -> None:
    body = gzip.compress(RULES)
    decoded, remaining = decoded_prefix(body, codings)
    assert remaining == left and decoded == (RULES if left == [b"x-other"] else body)


def test_a_broken_stream_decodes_to_nothing() -> None:
    assert decoded_prefix(b"not gzip at all", [b"gzip"]) == (b"", [])


def answer(body: bytes, headers: dict[str, str] | None = None,
           flags: list[str] | None = None) -> tuple[Response, Request, RobotsTxtPrefix]:
    crawler = get_crawler()
    middleware = RobotsTxtPrefix(crawler)
    request = Request("http://127.0.0.1:1/robots.txt")
    middleware.process_request(request)
    response = Response(request.url, body=body, headers=headers or {}, flags=flags or [], request=request)
    return middleware.process_response(request, response), request, middleware


@pytest.mark.parametrize(("body", "headers", "flags", "obeyed", "cut"), [
    (RULES, {}, [], RULES, False),  # a small file is left as it came
    (BIG[:ROBOTS_MAX_BYTES + 70_000], {}, ["download_stopped"], whole_lines(BIG[:ROBOTS_MAX_BYTES]), True),
    (gzip.compress(BIG), {"Content-Encoding": "gzip"}, [], whole_lines(BIG[:ROBOTS_MAX_BYTES]), True),
    (gzip.compress(RULES), {"Content-Encoding": "gzip"}, [], RULES, False),
    (RULES[:-3], {}, ["download_stopped"], whole_lines(RULES[:-3]), True),  # stopped: the last line may be cut
])
def test_the_middleware_hands_on_the_first_500_kib(body: bytes, headers: dict[str, str], flags: list[str],
                                                    obeyed: bytes, cut: bool) -> None:
    response, request, middleware = answer(body, headers, flags)
    assert response.body == obeyed and b"Content-Encoding" not in response.headers
    assert request.meta["download_maxsize"] == 0
    assert (middleware.stats.get_value(TRUNCATED_STAT) or 0) == int(cut)
    robots = Protego.parse(response.body.decode())
    assert not robots.can_fetch("http://127.0.0.1:1/de/x", "ipgirl") and robots.can_fetch("http://127.0.0.1:1/fr/x", "ipgirl")


def test_other_requests_are_left_alone() -> None:
    crawler = get_crawler()
    middleware = RobotsTxtPrefix(crawler)
    request = Request("http://127.0.0.1:1/robots.txt.html")
    middleware.process_request(request)
    response = Response(request.url, body=BIG, headers={"Content-Encoding": "gzip"})
    assert "download_maxsize" not in request.meta and middleware.process_response(request, response) is response
