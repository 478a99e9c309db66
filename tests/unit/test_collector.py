"""The crawl process and its extraction workers run the cyclic collector less often."""
from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from ipgirl_crawler import settings
from ipgirl_crawler.run.collector import FIRST_GENERATION_THRESHOLD, CollectorTuning


@pytest.fixture
def default_thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield before
    gc.set_threshold(*before)


def test_the_extension_raises_only_the_first_generation_threshold(default_thresholds: tuple[int, int, int]) -> None:
    CollectorTuning.from_crawler(None)  # type: ignore[arg-type]
    assert gc.get_threshold() == (FIRST_GENERATION_THRESHOLD, 10, 10)


def test_the_project_enables_it() -> None:
    assert "ipgirl_crawler.run.collector.CollectorTuning" in settings.EXTENSIONS
