"""An archive is untrusted input: each hostile record is skipped and counted, the records after it
still read, memory held to one record's size (the whole tools: ``tests/crawl/test_extract.py``,
``tests/crawl/test_archive.py``)."""
from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest
from backports import zstd
from scrapy.utils._compression import _DecompressionMaxSizeExceeded

from ipgirl_crawler import settings
from ipgirl_crawler.archive.reader import DECODERS, HEADROOM, Limits, ReadCounts, responses_from_warc
from tests.support.hostile_archives import (
    block_digest, body_bomb_member, bomb, http_head, lying_length_member, member, record_bomb_member, response_member,
    warc_head,
)

LIMITS = Limits(body=64 << 10)
BODY = b"<html><body><p>a page</p></body></html>"


def url(n: int) -> str:
    return f"http://127.0.0.1:1/en/ai/{n}-a"


def flipped_digest_member() -> bytes:
    block = http_head(length=len(BODY)) + BODY
    record = warc_head(url(2), len(block), block_digest(block)) + block.replace(b"a page", b"a pagE") + b"\r\n\r\n"
    return member(record)


def short_member() -> bytes:
    block = http_head(length=len(BODY)) + BODY
    return member(warc_head(url(2), len(block) + 5000, None) + block + b"\r\n\r\n")


@pytest.mark.parametrize(("middle", "counts"), [
    (lambda: response_member(url(2), BODY), (3, 0, 0)),
    (lambda: response_member(url(2), BODY, digest=False), (3, 0, 0)),  # ISO 28500: the digest is optional
    (flipped_digest_member, (2, 1, 0)),  # present, it is checked
    (lambda: lying_length_member(url(2)), (2, 0, 1)),  # Content-Length 10^12: refused before fastwarc allocates
    (short_member, (2, 1, 0)),  # claims 5,000 bytes more than it holds: torn
    (lambda: record_bomb_member(url(2), mib=4), (2, 0, 1)),  # the member inflates past the record's bound
    (lambda: response_member(url(2), b" " * (LIMITS.body + 1)), (2, 0, 1)),  # the body, not the record, is over
    (lambda: response_member(url(2), b" " * LIMITS.body), (3, 0, 0)),  # at the limit: read
    (lambda: body_bomb_member(url(2), mib=4), (2, 0, 1)),  # its gzip body inflates past the limit
    (lambda: response_member(url(2), b"not gzip", headers=(("Content-Encoding", "gzip"),)), (2, 1, 0)),  # damaged
], ids=["whole", "no digest", "wrong digest", "Content-Length 10^12", "claims more than it holds",
        "record bomb", "body over", "body at the limit", "body bomb", "body not decoding"])
def test_each_hostile_record_is_one_count_and_the_next_is_read(tmp_path: Path, middle: Callable[[], bytes],
                                                                counts: tuple[int, int, int]) -> None:
    path = tmp_path / "a.warc.gz"
    path.write_bytes(response_member(url(1), BODY) + middle() + response_member(url(3), BODY))
    read = ReadCounts()
    responses = list(responses_from_warc(path, read, LIMITS))
    assert (read.records, read.torn, read.oversized) == counts
    assert [r.url for r in responses][0] == url(1) and responses[-1].url == url(3)


def test_the_limits_are_the_download_s() -> None:
    assert Limits().body == settings.DOWNLOAD_MAXSIZE and Limits().record == settings.DOWNLOAD_MAXSIZE + HEADROOM


def test_a_gib_bomb_costs_one_chunk_of_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(record_bomb_member(url(1)) + response_member(url(2), BODY))
    assert path.stat().st_size < 2 << 20  # 1 GiB inflated, ~1 MB on disk
    read = ReadCounts()
    tracemalloc.start()
    try:
        [response] = responses_from_warc(path, read)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.url == url(2) and (read.records, read.oversized) == (1, 1)
    assert peak < Limits().record + (16 << 20), peak  # at most a record's size, not a GiB


def coded(encoding: str, size: int) -> bytes:
    data = b" " * size
    return {"gzip": gzip.compress, "x-gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress,
            "zstd": zstd.compress}[encoding](data)


@pytest.mark.parametrize("encoding", ["gzip", "x-gzip", "deflate", "br", "zstd"])
@pytest.mark.parametrize(("size", "refused"), [(1000, False), (LIMITS.body, False), (LIMITS.body + 1, True),
                                               (64 << 20, True)])
def test_a_coded_body_is_decoded_within_download_maxsize(tmp_path: Path, encoding: str, size: int,
                                                         refused: bool) -> None:
    path = tmp_path / "a.warc.gz"
    path.write_bytes(response_member(url(1), coded(encoding, size), headers=(("Content-Encoding", encoding),)))
    read = ReadCounts()
    responses = list(responses_from_warc(path, read, LIMITS))
    assert (read.records, read.oversized) == ((0, 1) if refused else (1, 0))
    for response in responses:  # the body as the spider receives it, the coding kept aside as warc.py keeps it
        assert response.body == b" " * size and b"Content-Encoding" not in response.headers
        assert response.headers[b"X-Archive-Orig-Content-Encoding"] == encoding.encode()


def test_scrapy_s_bounded_decoders_are_the_reader_s() -> None:
    """The reader uses Scrapy 2.19's private decoders, as its HttpCompressionMiddleware does: an
    upgrade that moves them fails here first."""
    assert set(DECODERS) == {b"gzip", b"x-gzip", b"deflate", b"br", b"zstd"}
    with pytest.raises(_DecompressionMaxSizeExceeded):
        DECODERS[b"gzip"](gzip.compress(b" " * 100), max_size=10)


def test_bomb_helper_makes_valid_gzip() -> None:
    assert gzip.decompress(bomb(b"head", 2, b"tail")) == b"head" + b" " * (2 << 20) + b"tail"
