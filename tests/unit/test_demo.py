"""``make demo`` shows one item whole: every field, long strings cut visibly, still JSON."""
from __future__ import annotations

import json

import pytest

from tests.demo import sample_text, shortened


@pytest.mark.parametrize(("value", "expected"), [
    ("short", "short"),
    ("x" * 120, "x" * 120),  # at the limit: unchanged
    ("x" * 121, "x" * 120 + "…(1 more chars)"),
    ("é" * 5000, "é" * 120 + "…(4,880 more chars)"),
    ([{"caption": "y" * 130, "alt": None}], [{"caption": "y" * 120 + "…(10 more chars)", "alt": None}]),
    ({"fr": "z" * 200}, {"fr": "z" * 120 + "…(80 more chars)"}),
    (None, None), (42, 42), ([], []),
])
def test_shortened(value: object, expected: object) -> None:
    assert shortened(value) == expected


def test_the_sample_is_the_whole_item_as_json() -> None:
    item = {"url": "http://127.0.0.1/fr/ai/1-x", "body_text": "mot " * 2000, "body_html": "<p>" + "mot " * 2000 + "</p>",
            "related": [{"title": "t" * 300, "url": "u", "snippet": None}] * 6, "translations": {"ja": "https://x/" + "é" * 200},
            "schema_version": "1.0"}
    shown = json.loads(sample_text(item))  # a whole JSON object, never cut in the middle
    assert list(shown) == list(item)
    assert shown["schema_version"] == "1.0" and len(shown["related"]) == 6
    assert shown["body_text"].endswith("…(7,880 more chars)")
