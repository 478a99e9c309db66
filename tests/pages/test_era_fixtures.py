"""One saved page per template era and language family, field by field against its expected item.

The fixtures are written by ``python -m tests.localsite.fixtures``; a new era without one fails here.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from tests.localsite.fixtures import BASE, FAMILIES
from tests.localsite.model import ALL_ERAS
from tests.support.crawl_check import SCORED_FIELDS
from tests.support.helpers import FIXTURES, extract

ERA_FIXTURES = FIXTURES / "eras"
FOLDERS = sorted(p.name for p in ERA_FIXTURES.iterdir() if p.is_dir())


@lru_cache(maxsize=None)
def extracted(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    folder: Path = ERA_FIXTURES / name
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    charset = meta["content_type"].split("charset=")[-1]
    item = extract((folder / "page.html").read_bytes(), meta["url"], base_url=BASE, charset=charset, date=meta["date"])
    return item, json.loads((folder / "expected.json").read_text("utf-8"))


@pytest.mark.parametrize("era", ALL_ERAS)
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_era_has_a_fixture(era: str, family: str) -> None:
    assert f"{era}-{family}" in FOLDERS, f"era {era} has no {family} fixture: run python -m tests.localsite.fixtures"


@pytest.mark.parametrize("field", SCORED_FIELDS)
@pytest.mark.parametrize("fixture", FOLDERS)
def test_field(fixture: str, field: str) -> None:
    item, expected = extracted(fixture)
    assert item[field] == expected[field]
