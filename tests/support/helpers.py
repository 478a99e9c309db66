"""Shared test helpers: run a saved page through the page object and the item pipelines."""
from __future__ import annotations

import asyncio
import inspect
import json
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse
from scrapy.utils.misc import load_object

from ipgirl_crawler import settings
from ipgirl_crawler.pages.eras import page_for

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SITE_DATE = "Fri, 20 Nov 2026 12:00:00 GMT"


def response_for(html: bytes | str, url: str, charset: str = "utf-8", date: str = SITE_DATE) -> HtmlResponse:
    body = html.encode(charset) if isinstance(html, str) else html
    return HtmlResponse(url=url, body=body, headers={"Content-Type": f"text/html; charset={charset}", "Date": date})


def run_pipelines(item: Any) -> dict[str, Any]:
    """The item as the crawl would export it, through every pipeline in settings order."""
    async def chain(item: Any) -> Any:
        for path, _ in sorted(settings.ITEM_PIPELINES.items(), key=lambda pair: pair[1]):
            result = load_object(path)().process_item(item)
            item = await result if inspect.isawaitable(result) else result
        return item

    return dict(asyncio.run(chain(item)))


def extract(html: bytes | str, url: str, base_url: str = "https://www.ipgirl.com", **kwargs: Any) -> dict[str, Any]:
    """A saved page read as an archived one: received when its ``Date`` says (relative dates count from it)."""
    page = page_for(response_for(html, url, **kwargs), base_url)
    assert page.is_article(), "the page was not recognised as an article"
    item = page.to_item()
    item["received_at"] = parsedate_to_datetime(kwargs.get("date", SITE_DATE)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return run_pipelines(item)


def load_example(name: str) -> tuple[bytes, dict[str, Any]]:
    """A saved page fixture (``fixtures/pages/<name>/``): its bytes and its expected item."""
    folder = FIXTURES / "pages" / name
    return (folder / "page.html").read_bytes(), json.loads((folder / "expected.json").read_text("utf-8"))
