"""The archive writer hands what the crawl received to its thread in batches (``BATCH``): a batch
commit (``flush``) and the end of the run (``close``) find every page received before them on disk,
a batch not yet full included."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from ipgirl_crawler.archive.reader import responses_from_warc
from ipgirl_crawler.archive.writer import BATCH, ArchiveWriter


def writer_in(tmp_path: Path) -> ArchiveWriter:
    crawler = get_crawler(settings_dict={"IPGIRL_DATA_DIR": str(tmp_path), "IPGIRL_ARCHIVE_MAX_FILE_BYTES": 10**9})
    state = SimpleNamespace(run_date="2026-12-07", run_id="20261207T000000Z", before_commit=[], store=None)
    return ArchiveWriter(crawler, state)  # type: ignore[arg-type]


def receive(writer: ArchiveWriter, n: int, section: str = "ai") -> list[str]:
    urls = [f"http://127.0.0.1:1/en/{section}/{i}-a" for i in range(1, n + 1)]
    for url in urls:
        request = Request(url, meta={"article_key": url})
        response = HtmlResponse(url, body=b"<html><body><p>page</p></body></html>", encoding="utf-8", request=request)
        writer.response_received(response, request, None)  # type: ignore[arg-type]
    return urls


def archived_urls(tmp_path: Path) -> list[str]:
    return [response.url for path in sorted(tmp_path.glob("archive/*/*.warc.gz*"))
            for response in responses_from_warc(path)]


@pytest.mark.parametrize("received", [1, BATCH - 1, BATCH, BATCH + 1, 3 * BATCH + 2])
def test_a_flush_finds_every_page_received_before_it_on_disk(tmp_path: Path, received: int) -> None:
    writer = writer_in(tmp_path)
    urls = receive(writer, received)
    writer.flush()  # what a batch commit calls first
    assert archived_urls(tmp_path) == urls
    writer.close()
    assert archived_urls(tmp_path) == urls  # sealed: each page once


def test_pages_received_after_a_flush_are_on_disk_when_the_run_closes(tmp_path: Path) -> None:
    writer = writer_in(tmp_path)
    first = receive(writer, 3)
    writer.flush()
    later = receive(writer, 2, "tech")
    assert archived_urls(tmp_path) == first  # not handed over yet: no batch is full
    writer.close()
    assert archived_urls(tmp_path) == first + later
