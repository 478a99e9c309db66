"""``ipgirl-extract``, the real console script, on saved pages and on a WARC file written here
with warcio: the crawl's item for each page, contract fields in order, reasons on stderr."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from datetime import datetime, timezone
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ipgirl_crawler.archive.reader import responses_from_warc
from ipgirl_crawler.archive.warc import Fetch, fetch_members, warcinfo_member
from ipgirl_crawler.items import CONTRACT_FIELDS
from tests.support.helpers import FIXTURES, SITE_DATE, extract, load_example
from tests.support.hostile_archives import (
    body_bomb_member, lying_length_member, record_bomb_member, response_member, run_bounded,
)

EXTRACT = Path(sys.executable).parent / "ipgirl-extract"
EXAMPLES = ("article-A-fr-seed", "article-A-ja", "article-B-de")
LISTING = FIXTURES / "examples" / "listing-fr-category-ai.html"
LISTING_URL = "https://www.ipgirl.com/fr/category/ai/"
WARC_DATE = "2026-11-20T12:00:00Z"
GONE_URL = "https://www.ipgirl.com/fr/ai/48213-retired"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXTRACT), *map(str, args)], capture_output=True, text=True, timeout=120, check=False)


def lines_of(done: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in done.stdout.splitlines()]
    for item in items:
        assert list(item) == list(CONTRACT_FIELDS)  # every contract field, in contract order
    return items


def without_time(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k != "crawled_at"}


def crawl_item(name: str) -> dict[str, Any]:
    """The example through the page object and every pipeline, as the tests of the crawl read it."""
    html, expected = load_example(name)
    return {field: extract(html, expected["url"]).get(field) for field in CONTRACT_FIELDS}


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_saved_page_gives_the_crawl_s_item(name: str) -> None:
    _, expected = load_example(name)
    done = run(FIXTURES / "pages" / name / "page.html", "--url", expected["url"], "--date", SITE_DATE)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    [item] = lines_of(done)
    assert {field: item[field] for field in expected} == expected
    assert without_time(item) == without_time(crawl_item(name))
    assert "\\u" not in done.stdout  # UTF-8, as the crawl's files


def test_a_page_the_crawl_would_not_emit_still_gets_a_line() -> None:
    done = run(LISTING, "--url", LISTING_URL)
    assert done.returncode == 1
    [item] = lines_of(done)
    assert item["url"] == LISTING_URL and item["article_id"] is None  # what could be read: no id
    [reason] = done.stderr.splitlines()
    assert reason.startswith(f"ipgirl-extract: {LISTING_URL}: not emitted by the crawl: not an article")


@pytest.mark.parametrize(("args", "message"), [
    (["missing.html", "--url", LISTING_URL], "no such file"),
    ([LISTING], "--url"),
])
def test_bad_input_exits_2_with_one_line(args: list[Any], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2 and message in done.stderr.splitlines()[-1]


def response_record(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK",
                    extra: list[tuple[str, str]] = ()) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Date", SITE_DATE), *extra],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": WARC_DATE}))


def write_warc(path: Path) -> list[str]:
    """The examples (one gzip-encoded, one in Shift_JIS declared only in the HTTP header), the
    listing, and records that are not HTML responses; the HTML responses' URLs, in order."""
    fr, de, ja = (load_example(name) for name in EXAMPLES[:1] + EXAMPLES[2:] + EXAMPLES[1:2])
    ja_html = ja[0].decode("utf-8").replace('<meta charset="utf-8">', "").encode("shift_jis", "xmlcharrefreplace")
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warc_record("https://www.ipgirl.com/robots.txt", "request",
                                                      payload=io.BytesIO(b"GET /robots.txt HTTP/1.1\r\n\r\n")))
        response_record(writer, "https://www.ipgirl.com/robots.txt", b"User-agent: *\n", "text/plain")
        response_record(writer, fr[1]["url"], fr[0], "text/html; charset=utf-8")
        response_record(writer, de[1]["url"], gzip.compress(de[0]), "text/html; charset=utf-8",
                        extra=[("Content-Encoding", "gzip")])
        response_record(writer, ja[1]["url"], ja_html, "text/html; charset=Shift_JIS")
        response_record(writer, LISTING_URL, LISTING.read_bytes(), "text/html")
        response_record(writer, GONE_URL, fr[0], "text/html; charset=utf-8", status="410 Gone")
    return [fr[1]["url"], de[1]["url"], ja[1]["url"], LISTING_URL, GONE_URL]


def test_every_html_response_of_a_warc_file(tmp_path: Path) -> None:
    archive = tmp_path / "pages.warc.gz"
    urls = write_warc(archive)
    assert [r.url for r in responses_from_warc(archive) if isinstance(r, HtmlResponse)] == urls
    done = run(archive)
    assert done.returncode == 1  # the listing is not an article
    items = lines_of(done)
    assert [item["fetched_url"] for item in items] == urls
    for item, name in zip(items[:3], ("article-A-fr-seed", "article-B-de", "article-A-ja"), strict=True):
        assert without_time(item) == without_time(crawl_item(name)), name  # gzip and Shift_JIS read as the crawl reads
        assert item["crawled_at"] == WARC_DATE  # the fetch time is the record's
    assert items[3]["article_id"] is None
    assert items[4]["article_id"] == "48213" and items[4]["fetched_url"] == GONE_URL  # what could be read
    reasons = done.stderr.splitlines()
    assert [line.split(": ")[1] for line in reasons] == [LISTING_URL, GONE_URL]
    assert "not an article" in reasons[0] and "HTTP 410: gone" in reasons[1]


def test_a_torn_archive_exits_2_after_the_whole_records(tmp_path: Path) -> None:
    whole = tmp_path / "pages.warc.gz"
    urls = write_warc(whole)
    torn = tmp_path / "torn.warc.gz"
    torn.write_bytes(whole.read_bytes()[:-200])  # a crash in the middle of the last record
    done = run(torn)
    assert done.returncode == 2 and "cannot read 1 torn or damaged record(s)" in done.stderr.splitlines()[-1]
    assert [item["fetched_url"] for item in lines_of(done)] == urls[:-1]


# What ipgirl-extract never needs before its first line: the Redis client (through the duplicate
# filter, a pipeline it does not apply), jsonschema (it explains a refused item only), bs4 (for a
# page whose charset lies only). Together ~0.3 s of CPU: 0.8-0.9 s to the first line with them, 0.5-0.6 without.
# Nor Scrapy's crawler (the engine and its logging, ~11 ms; the pipelines name it in annotations only),
# nor for a saved page the archive reader (fastwarc, isal: ~9 ms).
NOT_BEFORE_THE_FIRST_LINE = ("redis", "jsonschema", "bs4", "ipgirl_crawler.distributed", "scrapy.crawler",
                             "ipgirl_crawler.archive.reader", "fastwarc")


def test_the_first_line_needs_no_redis_client_nor_jsonschema_nor_bs4() -> None:
    code = ("import sys; import ipgirl_crawler.cli.extract as extract; extract.crawl_pipelines(extract.crawl_settings()); "
            f"print([m for m in {NOT_BEFORE_THE_FIRST_LINE!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# Whether the collector ran while ipgirl-extract's command module loaded, and whether it is on,
# with the loaded modules frozen, once the first line is out.
COLLECTOR_WHILE_LOADING = (
    "import gc, sys\n"
    "class Watch:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name == 'ipgirl_crawler.cli.extract':\n"
    "            print('loading with the collector', 'on' if gc.isenabled() else 'paused', file=sys.stderr)\n"
    "sys.meta_path.insert(0, Watch())\n"
    "{start}\n"
    "print('after the page: collector', 'on' if gc.isenabled() else 'off', gc.get_freeze_count() > 0, file=sys.stderr)\n"
)


@pytest.mark.parametrize(("start", "loading", "after"), [
    ("from ipgirl_crawler.cli.entry import extract; extract()", "paused", "on True"),  # the console script
    ("from ipgirl_crawler.cli.extract import main; main()", "on", "on False"),  # the module itself: left alone
], ids=["entry point", "module"])
def test_the_console_script_loads_its_command_with_the_collector_paused(start: str, loading: str, after: str) -> None:
    _, expected = load_example(EXAMPLES[0])
    page = FIXTURES / "pages" / EXAMPLES[0] / "page.html"
    done = subprocess.run([sys.executable, "-c", COLLECTOR_WHILE_LOADING.format(start=start), str(page),
                           "--url", expected["url"], "--date", SITE_DATE],
                          capture_output=True, text=True, timeout=120, check=False)
    assert lines_of(done)[0]["url"] == expected["url"]
    said = done.stderr.splitlines()
    assert f"loading with the collector {loading}" in said and f"after the page: collector {after}" in said, done.stderr[-2000:]


# dateparser (~0.17 s of CPU to import) is loaded by the first date its shapes do not read
# (pipelines/dates.py): the saved pages' dates are all read by their shapes.
FIRST_LINE_DATEPARSER = (
    "import sys\n"
    "from ipgirl_crawler.cli.extract import main\n"
    "status = main([sys.argv[1], '--url', sys.argv[2], '--date', sys.argv[3]])\n"
    "print(status, 'dateparser' in sys.modules, file=sys.stderr)\n"
)


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_page_whose_dates_its_shapes_read_never_loads_dateparser(name: str) -> None:
    _, expected = load_example(name)
    assert expected["published_at"]  # a date was read
    page = FIXTURES / "pages" / name / "page.html"
    done = subprocess.run([sys.executable, "-c", FIRST_LINE_DATEPARSER, str(page), expected["url"], SITE_DATE],
                          capture_output=True, text=True, timeout=120, check=False)
    assert lines_of(done)[0]["published_at"] == expected["published_at"]
    assert done.stderr.splitlines()[-1] == "0 False", done.stderr[-2000:]


def test_a_date_only_dateparser_reads_loads_it() -> None:
    code = ("import sys; from pipelines import dates; loaded = 'dateparser' in sys.modules; "
            "day = dates._dateparser_day('4 juillet 2023', ('fr',)); print(loaded, 'dateparser' in sys.modules, day)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split() == ["False", "True", "2023-07-04"], done.stderr[-2000:]


SITE = "https://www.ipgirl.com"


def site_url(n: int) -> str:
    return f"{SITE}/en/ai/{n}-hostile"


@pytest.mark.parametrize(("hostile", "status", "said"), [
    (lambda: lying_length_member(site_url(1)), 2, "skipped 1 record(s) of"),  # Content-Length: 10^12
    (lambda: record_bomb_member(site_url(1)), 2, "skipped 1 record(s) of"),  # the record inflates to 1 GiB
    (lambda: body_bomb_member(site_url(1)), 2, "skipped 1 record(s) of"),  # its gzip body inflates to 1 GiB
], ids=["Content-Length 10^12", "record bomb", "body bomb"])
def test_a_hostile_record_is_skipped_counted_and_memory_stays_under_a_gib(
        tmp_path: Path, hostile: Callable[[], bytes], status: int, said: str) -> None:
    fr, de = load_example(EXAMPLES[0]), load_example(EXAMPLES[2])
    archive = tmp_path / "hostile.warc.gz"
    archive.write_bytes(response_member(fr[1]["url"], fr[0], headers=(("Date", SITE_DATE),)) + hostile()
                        + response_member(de[1]["url"], de[0], headers=(("Date", SITE_DATE),)))
    assert archive.stat().st_size < 2 << 20
    done = run_bounded([str(EXTRACT), "--base-url", SITE, str(archive)], tmp_path)
    assert done.peak_mib < 1024, done.peak_mib
    assert done.returncode == status, done.stderr[-2000:]
    items = [json.loads(line) for line in done.stdout.splitlines()]
    assert [item["url"] for item in items] == [fr[1]["url"], de[1]["url"]]  # before and after the hostile one
    assert without_time(items[1]) == without_time(crawl_item(EXAMPLES[2]))
    assert said in done.stderr and "Traceback" not in done.stderr


def test_a_record_of_another_origin_or_a_local_file_gets_no_item_of_the_site(tmp_path: Path) -> None:
    html, expected = load_example(EXAMPLES[0])  # its rel=canonical names the site
    archive = tmp_path / "offsite.warc.gz"
    archive.write_bytes(response_member("http://elsewhere.example/fr/ai/48213-copy", html)
                        + response_member("file:///etc/passwd", html)
                        + response_member(f"{SITE}:8443/fr/ai/48213-port", html)
                        + response_member(expected["url"], html))
    done = run("--base-url", SITE, archive)
    assert done.returncode == 1
    assert [item["fetched_url"] for item in lines_of(done)] == [expected["url"]]
    reasons = done.stderr.splitlines()
    assert len(reasons) == 3 and all("not emitted by the crawl" in reason for reason in reasons)
    assert "http://elsewhere.example/fr/ai/48213-copy: not emitted by the crawl: off the site's origin" in reasons[0]
    assert "file:///etc/passwd: not emitted by the crawl: not an http(s) URL" in reasons[1]
    done = run(archive)  # each page of its own origin: a file: URL has none
    assert done.returncode == 1 and "file:///etc/passwd" not in done.stdout
    assert len(lines_of(done)) == 3


def test_a_saved_page_off_the_base_url_s_origin_gets_no_line() -> None:
    html = FIXTURES / "pages" / EXAMPLES[0] / "page.html"
    done = run(html, "--url", "http://elsewhere.example/fr/ai/48213-copy", "--base-url", SITE)
    assert done.returncode == 1 and done.stdout == "" and "off the site's origin" in done.stderr
    assert run(html, "--url", LISTING_URL, "--base-url", "file:///etc").returncode == 2


def test_an_archive_without_block_digests_is_read(tmp_path: Path) -> None:
    html, expected = load_example(EXAMPLES[0])
    archive = tmp_path / "other-tool.warc.gz"  # ISO 28500: WARC-Block-Digest is optional
    archive.write_bytes(response_member(expected["url"], html, headers=(("Date", SITE_DATE),), digest=False))
    done = run(archive)
    assert done.returncode == 0, done.stderr
    assert [without_time(item) for item in lines_of(done)] == [without_time(crawl_item(EXAMPLES[0]))]


def test_the_run_s_archived_404_pages_are_reported_by_their_status(tmp_path: Path) -> None:
    archive = tmp_path / "run.warc.gz"
    gone = Fetch(GONE_URL, 404, [(b"Content-Type", b"text/html; charset=utf-8")], b"<html><h1>Not found</h1></html>",
                 datetime(2026, 11, 20, 12, tzinfo=timezone.utc))
    archive.write_bytes(warcinfo_member(archive.name, {}) + fetch_members(gone))  # as the crawl's archive writes it
    done = run(archive)
    assert done.returncode == 1
    assert [item["fetched_url"] for item in lines_of(done)] == [GONE_URL]
    assert done.stderr.splitlines() == [f"ipgirl-extract: {GONE_URL}: not emitted by the crawl: HTTP 404: gone (the crawl "
                                        "records the article as gone, and emits no item)"]
