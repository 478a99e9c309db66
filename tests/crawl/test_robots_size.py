"""robots.txt over the size limit: a 50 MB file (served plain, streamed, or gzip-coded) whose
rules are in its first lines. The crawl obeys its first 500 KiB (RFC 9309 §2.5): no page they
disallow is fetched, and a rule past them is not read (the pure parts: ``tests/unit/test_robots.py``)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.localsite.server import LocalSite
from tests.support.crawl_check import read_jsonl, run_crawl
from tests.support.hostile_archives import bomb

SIZE = 50_000_000
FILLER = b"# " + b"-" * 61 + b"\n"  # 64 bytes: comment lines, as some sites pad theirs


def rules(base_url: str) -> bytes:
    return (f"User-agent: *\nDisallow: /*/search\nDisallow: /de/\n\nSitemap: {base_url}/sitemap.xml\n").encode()


FAR_RULE = b"\nUser-agent: *\nDisallow: /fr/\n"  # 50 MB in: past what a crawler has to read


class Streamed:
    """A body written chunk by chunk, never held whole: ``head``, comment lines, ``tail``."""

    def __init__(self, head: bytes, tail: bytes, size: int) -> None:
        self.head, self.tail, self.size = head, tail, size

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[bytes]:
        yield self.head
        chunk, left = FILLER * 1024, self.size - len(self.head) - len(self.tail)
        while left > 0:
            yield chunk[:left]
            left -= len(chunk)
        yield self.tail


def served(base_url: str, coding: str) -> tuple[int, object, dict[str, str]]:
    if coding == "gzip":
        body = bomb(rules(base_url), SIZE >> 20, FAR_RULE, filler=FILLER)  # ~50 KB coded, ~52 MB decoded
        return 200, body, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}
    return 200, Streamed(rules(base_url), FAR_RULE, SIZE), {"Content-Type": "text/plain; charset=utf-8"}


@pytest.mark.parametrize("coding", ["plain", "gzip"])
def test_a_50_mb_robots_txt_is_obeyed_by_its_first_500_kib(tmp_path: Path, coding: str) -> None:
    log = tmp_path / "crawl.log"
    with LocalSite(n_articles=40, seed=45) as site:
        site.extra_routes["/robots.txt"] = served(site.base_url, coding)
        done = run_crawl(site.base_url, tmp_path / "out.jsonl", tmp_path / "state", "-s",
                         f"IPGIRL_DATA_DIR={tmp_path / 'data'}", log=log)
        paths = [request["path"] for request in site.requests()]
    text = log.read_text("utf-8", errors="replace")
    assert "Traceback" not in text, text[-3000:]
    assert paths.count("/robots.txt") == 1
    assert not [path for path in paths if path.startswith("/de/")], "a page robots.txt disallows was fetched"
    assert "'robotstxt/forbidden'" in text and "'ipgirl/discovery/robots_truncated': 1" in text
    assert "is over 512000 bytes" in text and "obeying its first" in text
    items = read_jsonl(tmp_path / "out.jsonl")
    languages = {item["language"] for item in items}
    assert "de" not in languages and "fr" in languages  # the rule 50 MB in is past what is read
    assert "/sitemap.xml" in paths, done.stderr[-2000:]  # its Sitemap: line read
