"""The era score's measure of how well a run knows how right it is (issue 20)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tests.support.crawl_check import Score
from tests.support.era_score import field_table, names, run_stats

RELATED = "field related present in 0% of 120 items (minimum 50%); e.g. http://x/en/ai/1-a"
BODY_DRIFT = "drift: body second opinion flagged on 15 of 120 pages (12.5%, maximum 10%): kept our body"
BODY_VERIFY = "verify: field body_text contradicted by the site on 4 of 120 checkable pages (3.3%)"


@pytest.mark.parametrize(("line", "field", "named"), [
    (RELATED, "related", True),
    (BODY_VERIFY, "body_text", True),
    (BODY_DRIFT, "body_text", True),      # the second opinion's drift is about the body
    (RELATED, "title", False),            # negative: another field's line
    (BODY_VERIFY, "body", False),         # negative: a name the line holds only as a part of another
    ("verify: field authorsx estimated right", "authors", False),
    (BODY_DRIFT, "images", False),
    (BODY_VERIFY, "word_count", True),    # computed from the body's text: named with it
    (RELATED, "content_hash", False),
])
def test_a_failed_monitor_names_a_field(line: str, field: str, named: bool) -> None:
    assert names(line, field) is named


def test_the_table_gives_true_accuracy_estimate_and_naming(tmp_path: Path) -> None:
    folder = tmp_path / "state-data" / "articles" / "run_date=2026-12-07"
    folder.mkdir(parents=True)
    stats = {"ipgirl/verify/body_text/estimate": 0.9667, "ipgirl/monitors/failed": [BODY_VERIFY]}
    (folder / "20261207T224306Z.stats.json").write_text(json.dumps(stats))
    read = run_stats(tmp_path / "state")
    table = field_table(Score(wrong=Counter({"body_text": 43})), 120, read)
    assert table["body_text"] == {"true": 0.6417, "estimate": 0.9667, "named": [BODY_VERIFY]}
    assert table["title"] == {"true": 1.0, "estimate": None, "named": []}
    assert run_stats(tmp_path / "nothing") == {}
