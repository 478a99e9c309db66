"""When a generic extractor contradicts our body: the decision over agreement and coverage, table-driven."""
from __future__ import annotations

import pytest

from pipelines.second_opinion import Opinion


@pytest.mark.parametrize(("opinion", "contradicts"), [
    (Opinion(agreement=0.95, coverage=0.9, missing=5), False),    # confirmed
    (Opinion(agreement=0.45, coverage=0.9, missing=10), True),    # ours = theirs + a menu or comments
    (Opinion(agreement=0.9, coverage=0.2, missing=300), True),    # ours missed most of the article
    (Opinion(agreement=0.9, coverage=0.2, missing=40), False),    # a short page: summary and byline outweigh
    # Each reads something else (an IPGirl legacy page: both extractors drop its last blocks and keep
    # menu, summary and byline): no ground to prefer theirs.
    (Opinion(agreement=0.59, coverage=0.43, missing=94), False),
])
def test_contradicts(opinion: Opinion, contradicts: bool) -> None:
    assert opinion.contradicts is contradicts
