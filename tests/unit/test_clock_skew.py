"""A site's Date header far from our clock is not what relative dates count from, and no date is
after the crawl: table-driven, through the dates pipeline as the crawl runs it."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from pipelines.base import Counts
from pipelines.dates import DatesPipeline, after_crawl, reference_clock

OURS = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)
CRAWLED = "2026-12-07T12:00:00Z"


@pytest.mark.parametrize(("site", "reference", "skewed"), [
    (OURS, OURS, False),
    (OURS - timedelta(hours=23), OURS - timedelta(hours=23), False),  # a slow clock, within a day
    (OURS + timedelta(hours=23), OURS + timedelta(hours=23), False),
    (OURS + timedelta(days=1, seconds=1), OURS, True),
    (datetime(2099, 1, 1, tzinfo=timezone.utc), OURS, True),
    (datetime(1996, 1, 1, tzinfo=timezone.utc), OURS, True),
    (None, OURS, False),  # no Date header: ours, nothing to flag
])
def test_reference_clock(site: datetime | None, reference: datetime, skewed: bool) -> None:
    assert reference_clock(site, OURS) == (reference, skewed)


@pytest.mark.parametrize(("value", "after"), [
    ("2026-12-07T00:00:00Z", False),
    ("2026-12-08T00:00:00Z", False),  # a day in a zone ahead of UTC
    ("2026-12-08T11:59:59Z", False),
    ("2026-12-08T12:00:01Z", True),
    ("2098-11-26T00:00:00Z", True),
    ("1996-01-01T00:00:00Z", False),
    (None, False),
])
def test_after_crawl(value: str | None, after: bool) -> None:
    assert after_crawl(value, OURS) is after


def run(date_header: str | None, raw: str, received_at: str | None = None) -> tuple[dict, Counts]:
    counts = Counts()
    item = {"language": "en", "published_at_raw": raw, "crawled_at": CRAWLED, "response_date": date_header}
    if received_at:
        item["received_at"] = received_at
    return DatesPipeline(counts).process_article(item), counts


@pytest.mark.parametrize(("header", "raw", "published", "skew"), [
    ("Mon, 07 Dec 2026 11:00:00 GMT", "3 days ago", "2026-12-04T00:00:00Z", 0),
    ("Thu, 01 Jan 2099 00:00:00 GMT", "3 days ago", "2026-12-04T00:00:00Z", 1),  # was 2098-12-29
    ("Mon, 01 Jan 1996 00:00:00 GMT", "3 days ago", "2026-12-04T00:00:00Z", 1),  # was 1995-12-29
    ("Thu, 01 Jan 2099 00:00:00 GMT", "July 4, 2023", "2023-07-04T00:00:00Z", 1),  # absolute: no clock involved
    (None, "3 days ago", "2026-12-04T00:00:00Z", 0),
])
def test_relative_dates_count_from_our_clock_when_the_sites_is_off(header: str | None, raw: str, published: str,
                                                                    skew: int) -> None:
    item, counts = run(header, raw)
    assert item["published_at"] == published
    assert counts["ipgirl/dates/clock_skew"] == skew
    assert "response_date" not in item and "received_at" not in item


@pytest.mark.parametrize("raw", ["2099-01-01T00:00:00Z", "January 1, 2099", "2026-12-09"])
def test_a_date_after_the_crawl_is_null_and_counted(raw: str) -> None:
    item, counts = run("Mon, 07 Dec 2026 11:00:00 GMT", raw)
    assert item["published_at"] is None
    assert counts["ipgirl/dates/published_at/invalid_after_crawl"] == 1


def test_an_archived_page_counts_from_when_it_was_received() -> None:
    """Replayed or re-extracted months later: its Date agrees with the record's time, not with now."""
    item, counts = run("Fri, 20 Nov 2026 12:00:00 GMT", "3 days ago", received_at="2026-11-20T12:00:05Z")
    assert item["published_at"] == "2026-11-17T00:00:00Z" and not counts["ipgirl/dates/clock_skew"]


def test_a_skewed_clock_is_logged_once(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DatesPipeline, "skew_logged", False)
    with caplog.at_level(logging.WARNING, logger="pipelines.dates"):
        for _ in range(3):
            run("Thu, 01 Jan 2099 00:00:00 GMT", "3 days ago")
    lines = [r.getMessage() for r in caplog.records if "clock" in r.getMessage()]
    assert len(lines) == 1 and "2099-01-01T00:00:00Z" in lines[0], lines
