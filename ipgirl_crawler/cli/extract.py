"""``ipgirl-extract``: the item the crawl would emit for a saved page, or for every HTML response
of a WARC file, one JSON line each (contract fields in contract order, the crawl's exporter).

    ipgirl-extract PAGE.html --url URL [--base-url ORIGIN] [--date "Fri, 20 Nov 2026 12:00:00 GMT"]
    ipgirl-extract ARCHIVE.warc.gz      (one gzip member per record, as WARC writers write them)
    ipgirl-extract PAGE.html --url URL --save-fixture DIR       (the page as a test fixture)
    ipgirl-extract ARCHIVE.warc.gz --url URL --save-fixture DIR (that record as a test fixture)

Each page goes through what the crawl does to it: the page object, then the page pipelines of
``ITEM_PIPELINES`` (all the cleaning and the contract check). The pipelines after them
(duplicates, card corrections, incremental output) need a run's state and are not applied. A page the crawl
would not emit (not an article, dropped by a pipeline, not an HTTP 200) still gets a line with
what could be read, and the reason goes to stderr. A page the crawl would never read as the
site's gets no line, only its reason: a URL off the origin of ``--base-url`` or not http(s)
(an archive from another crawl, ``file:///etc/passwd``: its ``rel=canonical`` must not make it
an item of the site).

An archive is read under the bounds of a download (``archive/reader.py``): a record over them
(its ``Content-Length``, inflated, or its body once its content coding is undone: the crawl cuts
such a download off) is skipped and counted, and memory stays near one record's size whatever
the file holds.

Exit status: 0 when every page gave an item the crawl would emit; 1 when some did not (their
lines are still printed); 2 when the input cannot be read (a missing file, bad arguments, an
archive with torn, damaged or oversized records: the whole ones still get their lines).
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from scrapy.utils.conf import build_component_list
from scrapy.utils.project import get_project_settings

from ipgirl_crawler.cli.fixture import FixtureExists, save_fixture
from ipgirl_crawler.discovery import urls
from ipgirl_crawler.items import CONTRACT_FIELDS, ArticleItem
from ipgirl_crawler.logs.safe import safe_for_log
from ipgirl_crawler.output.exporters import ContractJsonLinesItemExporter
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.workers.extraction import extract
from pipelines.base import Counts, PagePipeline, page_pipelines, run_page_pipelines
from pipelines.dates import parse_response_date
from pipelines.validate import check_contract

if TYPE_CHECKING:
    from ipgirl_crawler.archive.reader import ArchivedResponse

EXIT_ALL_EMITTED, EXIT_SOME_NOT_EMITTED, EXIT_UNREADABLE = 0, 1, 2
# The pipelines after the page pipelines that need a run's state: left out, by design.
# (VerifyPipeline corrects cards by the articles the run read or its state remembers, and hands
# items to the run's cross-checks.)
STATE_PIPELINES = frozenset({"pipelines.duplicates.DuplicateUrlPipeline", "pipelines.incremental.IncrementalPipeline",
                             "pipelines.verify.VerifyPipeline"})


@dataclass
class Extracted:
    item: dict[str, Any]  # the contract fields, in order: what the crawl would write (or could read)
    reason: str | None = None  # why the crawl would not emit it; None when it would


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def contract_item(item: dict[str, Any]) -> dict[str, Any]:
    """The contract fields of ``item`` in order, empty ones null ([] / {}), as validation leaves them."""
    clean, _, _ = check_contract(item)
    return {field: clean[field] for field in CONTRACT_FIELDS}


def readable_parts(response: HtmlResponse, base_url: str, pipelines: tuple[type[PagePipeline], ...],
                   received: str | None = None) -> dict[str, Any]:
    """What the page object and the page pipelines make of a page it does not take for an article."""
    try:
        item = dict(page_for(response, base_url).to_item(), **({"received_at": received} if received else {}))
        item, _ = run_page_pipelines(item, pipelines, Counts())
    except Exception as error:  # a page that breaks the reader still gets its line, and the error is named
        return {"fetched_url": response.url, "_error": f"{type(error).__name__}: {error}"}
    return item


def status_reason(status: int) -> str | None:
    """Why the crawl emits no item for a response of this status (None: a 200, it may)."""
    if status == 200:
        return None
    if status in (404, 410):
        return f"HTTP {status}: gone (the crawl records the article as gone, and emits no item)"
    return f"HTTP {status}: the crawl reads items from 200 responses only"


def extract_page(response: HtmlResponse, base_url: str, pipelines: tuple[type[PagePipeline], ...],
                 fetched_at: datetime | None = None) -> Extracted:
    """The crawl's reading of one response: its item, or what could be read and why it is not one."""
    # When the page was received, what its relative dates count from: its record's time, or for a
    # saved page the Date given with it (``--date``).
    received = fetched_at or parse_response_date(response.headers.get(b"Date"))
    received = received.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if received is not None else None
    result = extract(response.url, response.body, dict(response.headers), base_url, pipelines, received)
    if result.item is None:
        parts = readable_parts(response, base_url, pipelines, received)
        reason = (status_reason(response.status)
                  or "not an article: the page object found no article (id, title, body, and a byline, date or schema)")
        if parts.get("_error"):
            reason += f"; reading it failed: {parts['_error']}"
        return Extracted(_stamped(contract_item(parts), fetched_at), reason)
    item = _stamped(contract_item(result.item), fetched_at)
    if (reason := status_reason(response.status)) is not None:
        return Extracted(item, reason)
    if result.outcome is not None and result.outcome.dropped_by is not None:
        return Extracted(item, f"dropped by the {result.outcome.dropped_by} pipeline: {result.outcome.reason}")
    return Extracted(item)


def _stamped(item: dict[str, Any], fetched_at: datetime | None) -> dict[str, Any]:
    """An archived page was fetched when its record says, not now."""
    if fetched_at is not None and item.get("crawled_at"):
        item["crawled_at"] = fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return item


def never_read(response: HtmlResponse, base_url: str | None) -> str | None:
    """Why the crawl would never read this response as the site's page, or None."""
    if urls.origin_of(response.url) is None:
        return "not an http(s) URL: the crawl never fetches it"
    if base_url is not None and not urls.same_origin(response.url, base_url):
        return f"off the site's origin {base_url}: the crawl never reads it as the site's page"
    return None


def warc_pages(records: Iterable[ArchivedResponse]) -> Iterator[tuple[HtmlResponse, datetime | None]]:
    """(response, fetch time) of every whole HTML response record of the archive, its body as the
    spider receives it (the reader undoes a content coding, within DOWNLOAD_MAXSIZE)."""
    for archived in records:
        if isinstance(archived.response, HtmlResponse):
            yield archived.response, archived.fetched_at


def page_response(path: Path, url: str, date: str | None = None) -> HtmlResponse:
    """A saved page as a response: no charset in the header (the page's ``<meta charset>`` and its
    bytes decide, as in the crawl); ``date`` is the HTTP ``Date`` that relative dates count from."""
    headers = {"Content-Type": "text/html", **({"Date": date} if date else {})}
    return HtmlResponse(url=url, body=path.read_bytes(), headers=headers)


def crawl_settings() -> Settings:
    """The crawl's settings, as ``ipgirl-crawl`` builds them with no ``-s`` (its module, cli/crawl.py,
    imports the run's machinery, ~0.3 s before the first line, none of which is needed here)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "ipgirl_crawler.settings")
    return get_project_settings()


def crawl_pipelines(settings: Settings) -> tuple[type[PagePipeline], ...]:
    """The page pipelines the crawl runs on each page; a stateless pipeline after them that this
    tool cannot apply is named on stderr rather than skipped silently."""
    leading = page_pipelines(settings, STATE_PIPELINES)
    rest = build_component_list(settings.getwithbase("ITEM_PIPELINES"))[len(leading):]
    for path in rest:
        name = path if isinstance(path, str) else f"{path.__module__}.{path.__qualname__}"
        if name not in STATE_PIPELINES:
            print(f"ipgirl-extract: warning: {name} runs in the crawl after the page pipelines and is not applied here",
                  file=sys.stderr)
    return leading


def write_lines(pages: Iterable[tuple[HtmlResponse, datetime | None]], base_url: str | None, out: IO[bytes],
                err: IO[str], settings: Settings | None = None, fixture: Path | None = None) -> int:
    """One line per page the crawl would read on ``out``, reasons on ``err``; the exit status. With
    ``fixture``, each page read is also saved there as a test fixture (one page: the caller picks it)."""
    settings = settings or crawl_settings()
    pipelines = crawl_pipelines(settings)
    exporter = ContractJsonLinesItemExporter(out, fields_to_export=list(CONTRACT_FIELDS), encoding="utf-8")
    status = EXIT_ALL_EMITTED
    for response, fetched_at in pages:
        reason = never_read(response, base_url)
        if reason is None:
            origin = base_url or origin_of(response.url)
            extracted = extract_page(response, origin, pipelines, fetched_at)
            if fixture is not None:
                save_fixture(fixture, response, origin, extracted.item)
                print(f"ipgirl-extract: saved {safe_for_log(response.url)} as a fixture in {fixture}: correct what "
                      f"the crawl misread in expected.json", file=err)
            exporter.export_item(ArticleItem(extracted.item))
            out.flush()
            reason = extracted.reason
        if reason:
            status = EXIT_SOME_NOT_EMITTED
            print(f"ipgirl-extract: {safe_for_log(response.url)}: not emitted by the crawl: {safe_for_log(reason)}",
                  file=err)
    return status


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.save_fixture is not None and (args.save_fixture / "meta.json").exists():
        raise FixtureExists(f"{args.save_fixture} holds a fixture already; choose another folder")
    if not args.path.name.endswith((".warc", ".warc.gz")):
        if not args.url:
            parser.error("a saved page needs its address: --url URL")
        # A fixture keeps the date its relative dates ("3 days ago") were read against.
        date = args.date or (format_datetime(datetime.now(timezone.utc), usegmt=True) if args.save_fixture else None)
        return write_lines([(page_response(args.path, args.url, date), None)], args.base_url,
                           sys.stdout.buffer, sys.stderr, fixture=args.save_fixture)
    return run_archive(args, parser)


def run_archive(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    # The archive reader (fastwarc, isal, Scrapy's response types: ~9 ms of CPU, its source compiled)
    # is loaded for an archive only: a saved page's line comes without it.
    from ipgirl_crawler.archive.reader import Limits, ReadCounts, archived_responses

    if args.save_fixture and not args.url:
        parser.error("a fixture from an archive is one of its records: --url URL")
    settings, counts = crawl_settings(), ReadCounts()
    pages = warc_pages(archived_responses(args.path, counts, Limits.of(settings)))
    if args.save_fixture:  # the first whole HTML response record of that URL
        pages = itertools.islice((page for page in pages if page[0].url == args.url), 1)
    status = write_lines(pages, args.base_url, sys.stdout.buffer, sys.stderr, settings, args.save_fixture)
    if args.save_fixture and not (args.save_fixture / "meta.json").exists():
        print(f"ipgirl-extract: no HTML response for {safe_for_log(args.url)} in {args.path}", file=sys.stderr)
        return EXIT_UNREADABLE
    if counts.torn:
        print(f"ipgirl-extract: cannot read {counts.torn} torn or damaged record(s) of {args.path}", file=sys.stderr)
    if counts.oversized:
        print(f"ipgirl-extract: skipped {counts.oversized} record(s) of {args.path} over DOWNLOAD_MAXSIZE "
              f"({Limits.of(settings).body} bytes: by their Content-Length, inflated, or their body decoded)",
              file=sys.stderr)
    return EXIT_UNREADABLE if counts.torn or counts.oversized else status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ipgirl-extract", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="a saved page (.html) or a WARC file (.warc, .warc.gz)")
    parser.add_argument("--url", help="the page's URL (a saved page only; a WARC record names its own)")
    parser.add_argument("--base-url", help="the site's origin (default: the page URL's); a page of another origin "
                                           "gets no line")
    parser.add_argument("--date", help="a saved page's HTTP Date, which \"3 days ago\" counts from (default: now)")
    parser.add_argument("--save-fixture", type=Path, metavar="DIR",
                        help="also save the page (of an archive: the record of --url) as a test fixture in DIR")
    args = parser.parse_args(argv)
    if args.base_url and urls.origin_of(args.base_url) is None:
        parser.error(f"--base-url {args.base_url!r} is not an http(s) origin")
    if not args.path.is_file():
        print(f"ipgirl-extract: no such file: {args.path}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        return run(args, parser)
    except FixtureExists as error:
        print(f"ipgirl-extract: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except Exception as error:  # a broken archive or page file: one line, not a traceback
        print(f"ipgirl-extract: cannot read {args.path}: {type(error).__name__}: {safe_for_log(error)}", file=sys.stderr)
        return EXIT_UNREADABLE


if __name__ == "__main__":
    raise SystemExit(main())
