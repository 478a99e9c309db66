"""Related cards: the snippet's ellipsis and a card's fields, table-driven."""
from __future__ import annotations

import pytest

from pipelines.related import clean_card, split_ellipsis


@pytest.mark.parametrize(("snippet", "expected"), [
    ("Cependant, avez-vous...", ("Cependant, avez-vous", True)),
    ("Das Angebot des…", ("Das Angebot des", True)),
    ("研究者たちは公...", ("研究者たちは公", True)),
    ("A complete sentence.", ("A complete sentence.", False)),
    ("  ", (None, False)),
    (None, (None, False)),
])
def test_split_ellipsis(snippet: str | None, expected: tuple[str | None, bool]) -> None:
    assert split_ellipsis(snippet) == expected


def test_clean_card() -> None:
    raw = {"title": " T ", "url": "https://h/fr/ai/1-x", "category": "AI", "snippet": "S…"}
    assert clean_card(raw) == {"title": "T", "url": "https://h/fr/ai/1-x", "category": "AI", "snippet": "S", "snippet_truncated": True}
    assert clean_card({"title": "", "url": "https://h/x"}) is None
