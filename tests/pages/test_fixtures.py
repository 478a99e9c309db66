"""Every page fixture (``tests/support/fixtures.py``: era fixtures, saved pages), field by field
against its expected item, as the crawl reads it. The folders are found, not listed."""
from __future__ import annotations

import pytest

from tests.support.fixtures import FIXTURES, expected_of, fixture_fields, fixture_folders, read_fixture

SAVED_PAGES = FIXTURES / "pages"


@pytest.mark.parametrize(("fixture", "field"), fixture_fields())
def test_field(fixture: str, field: str) -> None:
    folder = fixture_folders()[fixture]
    assert read_fixture(folder).get(field) == expected_of(folder)[field]


def test_the_fixtures_are_found() -> None:
    names = set(fixture_folders())
    assert {"pages/article-A-fr-seed", "pages/article-A-ja", "pages/article-B-de", "eras/A-latin"} <= names


@pytest.mark.parametrize("fixture", [name for name, folder in fixture_folders().items()
                                     if SAVED_PAGES in folder.parents and "word_count" not in expected_of(folder)])
def test_derived_fields(fixture: str) -> None:
    """The saved live pages' fields the expected items leave out are consistent with the rest."""
    item = read_fixture(fixture_folders()[fixture])
    assert item["helpful_ratio"] == item["helpful_votes"] / item["total_votes"]
    assert len(item["content_hash"]) == 64
    assert item["word_count"] > 50
    assert "<script" not in item["body_html"] and "class=" not in item["body_html"]
    assert item["site_notice"] not in item["body_text"]
    assert item["summary"] not in item["body_text"].split("\n\n")
