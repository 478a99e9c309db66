"""Page fixtures, one layout for all: a folder holding ``page.html`` (the bytes served), ``meta.json``
(url, content type, HTTP date, other headers, the site's origin) and ``expected.json`` (the fields
the page must give). ``fixtures/eras/<era>-<family>/`` are written by ``python -m
tests.localsite.fixtures``, ``fixtures/pages/<name>/`` by ``ipgirl-extract PAGE --url URL
--save-fixture DIR`` (a page the crawl misread: save it, correct ``expected.json``, fix the reader).

The fixture tests find every such folder: none is listed by hand. ``IPGIRL_EXTRA_FIXTURES`` names
one more folder to search (a test's own).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse

from ipgirl_crawler.cli.extract import crawl_pipelines, crawl_settings, extract_page, origin_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXTRA_ENV = "IPGIRL_EXTRA_FIXTURES"


def fixture_roots() -> list[Path]:
    extra = os.environ.get(EXTRA_ENV)
    return [FIXTURES, *([Path(extra)] if extra else [])]


def fixture_folders() -> dict[str, Path]:
    """name (the folder's path under its root) -> folder, for every folder holding a ``meta.json``."""
    return {str(meta.parent.relative_to(root)): meta.parent
            for root in fixture_roots() for meta in sorted(root.rglob("meta.json"))}


def meta_of(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "meta.json").read_text("utf-8"))


def expected_of(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "expected.json").read_text("utf-8"))


def response_of(folder: Path) -> HtmlResponse:
    """The page as the crawl received it: its bytes and its headers."""
    meta = meta_of(folder)
    headers = {**meta.get("headers", {}), "Content-Type": meta["content_type"],
               **({"Date": meta["date"]} if meta.get("date") else {})}
    return HtmlResponse(url=meta["url"], body=(folder / "page.html").read_bytes(), headers=headers)


@lru_cache(maxsize=None)
def read_fixture(folder: Path) -> dict[str, Any]:
    """The item the crawl makes of the fixture's page (``ipgirl-extract``'s reading: the page object
    and the page pipelines, as in the crawl's extraction worker)."""
    meta = meta_of(folder)
    pipelines = crawl_pipelines(crawl_settings())
    return extract_page(response_of(folder), meta.get("base_url") or origin_of(meta["url"]), pipelines).item


def fixture_fields() -> list[tuple[str, str]]:
    """(fixture, field) for every field of every fixture's ``expected.json``."""
    return [(name, field) for name, folder in fixture_folders().items() for field in expected_of(folder)]
