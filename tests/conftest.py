"""The test suite's layout, for pytest.

- ``unit/``: pure functions and small real parts (a worker pool, a sitemap stream), table-driven;
- ``pages/``: saved pages (examples, one per era, real pages) through the page object and pipelines;
- ``crawl/``: real ``scrapy crawl`` / ``ipgirl-crawl`` subprocesses against servers started on loopback
  (the local site, redis-server, scrapyd, headless Chromium); marked ``crawl``;
- ``support/``: what the tests share (helpers, the crawl runner and scorer, servers); no tests.

``pytest -m "not crawl"`` runs the fast part in well under a minute.
"""
from __future__ import annotations

from pathlib import Path

import pytest

CRAWL_TESTS = Path(__file__).parent / "crawl"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "crawl: runs the real crawler or a server on loopback (tests/crawl/)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if CRAWL_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.crawl)
