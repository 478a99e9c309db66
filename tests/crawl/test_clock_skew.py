"""A site whose clock is off by decades: its pages' "N days ago" count from our clock, no date is
after the crawl, and the run says so (a stat, one log line)."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.localsite.server import LocalSite
from tests.support.operations import articles, run_entrypoint


def _instant(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


@pytest.mark.parametrize("clock", [datetime(2099, 1, 1, tzinfo=timezone.utc), datetime(1996, 1, 1, tzinfo=timezone.utc)])
def test_relative_dates_count_from_our_clock_when_the_sites_is_off(tmp_path: Path, clock: datetime) -> None:
    with LocalSite(n_articles=60, seed=23, date_header=clock) as site:
        done = run_entrypoint(site.base_url, tmp_path / "state", tmp_path / "data")
        expected = {item["url"]: item for item in site.expected_items()}
    assert done.returncode == 0, done.stderr[-2000:]
    items = articles(tmp_path / "data")
    assert len(items) == 60
    relative = [item for item in items if "ago" in (item["published_at_raw"] or "") or "il y a" in (item["published_at_raw"] or "")]
    assert relative, "the site has relative dates"
    for item in items:
        assert item["published_at"] == expected[item["url"]]["published_at"], item["published_at_raw"]
        if item["published_at"]:
            assert _instant(item["published_at"]) <= _instant(item["crawled_at"]) + timedelta(days=1)
    [stats_file] = (tmp_path / "data").glob("articles/run_date=*/*.stats.json")
    stats = json.loads(stats_file.read_text())
    assert stats["ipgirl/dates/clock_skew"] == 60
    assert done.stderr.count("The site's clock is") >= 1  # once a process (the crawl's, each worker's)
    assert done.stderr.count("The site's clock is") <= 1 + 4
