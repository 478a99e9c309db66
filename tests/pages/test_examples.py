"""The saved live pages, field by field against their expected items."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from tests.support.helpers import extract, load_example

EXAMPLES = ("article-A-fr-seed", "article-A-ja", "article-B-de")


@lru_cache(maxsize=None)
def extracted(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    html, expected = load_example(name)
    return extract(html, expected["url"]), expected


def cases() -> list[tuple[str, str]]:
    return [(name, field) for name in EXAMPLES for field in load_example(name)[1]]


@pytest.mark.parametrize(("example", "field"), cases())
def test_field(example: str, field: str) -> None:
    item, expected = extracted(example)
    assert item[field] == expected[field]


@pytest.mark.parametrize("example", EXAMPLES)
def test_derived_fields(example: str) -> None:
    item, _ = extracted(example)
    assert item["helpful_ratio"] == item["helpful_votes"] / item["total_votes"]
    assert len(item["content_hash"]) == 64
    assert item["word_count"] > 50
    assert "<script" not in item["body_html"] and "class=" not in item["body_html"]
    assert item["site_notice"] not in item["body_text"]
    assert item["summary"] not in item["body_text"].split("\n\n")
