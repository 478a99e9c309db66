"""``ipgirl-extract … --save-fixture DIR``: a page the crawl misread becomes a test in one command.

DIR gets the fixture layout every page test reads (``tests/support/fixtures.py``): ``page.html``,
the bytes the reader got (content coding undone); ``meta.json``, its URL, content type, HTTP date,
other headers and the site's origin; ``expected.json``, the item as the crawl reads it now, less
``crawled_at`` (the time of reading). Correct the misread fields in ``expected.json``: the fixture
test then fails until the reader is fixed. An existing fixture is never overwritten.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse

# Headers that describe the bytes on the wire, not the page read from them (the body saved is decoded).
WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
# Fields that say when the page was read, not what it says.
TIME_OF_READING = frozenset({"crawled_at"})


class FixtureExists(FileExistsError):
    """DIR holds a fixture already (its ``expected.json`` may hold corrections)."""


def header_texts(response: HtmlResponse) -> dict[str, str]:
    """The response's headers as text (the first value of each), wire headers left out."""
    return {name.decode("latin-1"): values[0].decode("latin-1") for name, values in response.headers.items()
            if values and name.decode("latin-1").lower() not in WIRE_HEADERS}


def fixture_meta(response: HtmlResponse, base_url: str) -> dict[str, Any]:
    headers = header_texts(response)
    content_type = headers.pop("Content-Type", "text/html")
    return {"url": response.url, "content_type": content_type, "date": headers.pop("Date", None),
            "headers": headers, "base_url": base_url}


def save_fixture(folder: Path, response: HtmlResponse, base_url: str, item: dict[str, Any]) -> None:
    """The page, what it was served with, and its item as expected output (see the module's doc)."""
    if (folder / "meta.json").exists():
        raise FixtureExists(f"{folder} holds a fixture already; choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.html").write_bytes(response.body)
    expected = {field: value for field, value in item.items() if field not in TIME_OF_READING}
    for name, data in (("expected.json", expected), ("meta.json", fixture_meta(response, base_url))):
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
