"""One saved page per template era and language family: every era has one, and the era table
names the class that reads it. Their fields are checked with every other fixture (``test_fixtures.py``).

The fixtures are written by ``python -m tests.localsite.fixtures``; a new era without one fails here.
"""
from __future__ import annotations

import pytest

from ipgirl_crawler.pages.eras import ERAS, page_for
from tests.localsite.fixtures import BASE, FAMILIES
from tests.localsite.model import ALL_ERAS
from tests.support.fixtures import FIXTURES, meta_of, response_of

ERA_FIXTURES = FIXTURES / "eras"
FOLDERS = sorted(p.name for p in ERA_FIXTURES.iterdir() if p.is_dir())


@pytest.mark.parametrize("era", ALL_ERAS)
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_era_has_a_fixture(era: str, family: str) -> None:
    assert f"{era}-{family}" in FOLDERS, f"era {era} has no {family} fixture: run python -m tests.localsite.fixtures"


@pytest.mark.parametrize("era", ALL_ERAS)
def test_every_era_is_in_the_era_table(era: str) -> None:
    assert era in ERAS, f"era {era} is not in ipgirl_crawler/pages/eras.py ERAS"


@pytest.mark.parametrize("fixture", FOLDERS)
def test_each_era_is_read_by_the_class_its_table_row_names(fixture: str) -> None:
    folder = ERA_FIXTURES / fixture
    assert type(page_for(response_of(folder), BASE)) in ERAS[meta_of(folder)["era"]].parsers
