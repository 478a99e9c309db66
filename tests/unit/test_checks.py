"""Pure parts of the start checks, feed read-back and whole-run stats, table-driven."""
from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Any

import pytest
from scrapy.exporters import (
    CsvItemExporter,
    JsonItemExporter,
    JsonLinesItemExporter,
    MarshalItemExporter,
    PickleItemExporter,
    XmlItemExporter,
)
from scrapy.settings import Settings

from ipgirl_crawler.monitoring.feed_health import feed_failures
from ipgirl_crawler.monitoring.monitors import evaluate
from ipgirl_crawler.monitoring.thresholds import ThresholdError, default_thresholds, monitor_thresholds
from ipgirl_crawler.output.feeds import FAILED_FEEDS_KEY
from ipgirl_crawler.output.formats import READABLE_FORMATS, read_items
from ipgirl_crawler.preflight.checks import (
    SETTING_RULES,
    check_settings,
    check_spider_arguments,
    known_spider_arguments,
)
from ipgirl_crawler.run import segments
from ipgirl_crawler.run.config import ConfigurationError


@pytest.mark.parametrize(("name", "value", "ok"), [
    ("IPGIRL_EXTRACTION_WORKERS", "auto", True), ("IPGIRL_EXTRACTION_WORKERS", "0", True),
    ("IPGIRL_EXTRACTION_WORKERS", 3, True), ("IPGIRL_EXTRACTION_WORKERS", "lots", False),
    ("IPGIRL_EXTRACTION_WORKERS", "-1", False), ("IPGIRL_EXTRACTION_WORKERS", "1.5", False),
    ("IPGIRL_PROGRESS_INTERVAL", "2.5", True), ("IPGIRL_PROGRESS_INTERVAL", "0", False),
    ("IPGIRL_PROGRESS_INTERVAL", "abc", False), ("IPGIRL_PROGRESS_INTERVAL", "nan", False),
    ("IPGIRL_PROGRESS_ENABLED", "false", True), ("IPGIRL_PROGRESS_ENABLED", "maybe", False),
    ("IPGIRL_REDIS_URL", "redis://127.0.0.1:6379/0", True), ("IPGIRL_REDIS_URL", "unix:///tmp/redis.sock", True),
    ("IPGIRL_REDIS_URL", "notaurl", False), ("IPGIRL_REDIS_URL", "redis://", False),
    ("IPGIRL_REDIS_URL", "http://127.0.0.1:6379", False),
    ("IPGIRL_REDIS_IDLE_SECONDS", "5", True), ("IPGIRL_REDIS_IDLE_SECONDS", "0", False),
    ("RETRY_TIMES", "3", True), ("RETRY_TIMES", "-1", False), ("RETRY_TIMES", True, False),
    ("CONCURRENT_REQUESTS_PER_DOMAIN", "0", False), ("DOWNLOAD_DELAY", "0.25", True),
    ("DOWNLOAD_DELAY", "-1", False), ("MEMUSAGE_LIMIT_MB", "1e3", False),
])
def test_setting_rules(name: str, value: Any, ok: bool) -> None:
    settings = Settings({name: value})
    if ok:
        check_settings(settings)
    else:
        with pytest.raises(ConfigurationError, match=name):
            check_settings(settings)


def test_the_project_settings_pass_their_own_rules() -> None:
    from scrapy.utils.project import get_project_settings

    check_settings(get_project_settings())
    assert all(rule.expected for rule in SETTING_RULES.values())


@pytest.mark.parametrize(("override", "expected"), [
    (None, {}),
    ('{"max_error_rate": 0.05}', {"max_error_rate": 0.05}),
    ({"field_coverage": {"tags": 0.5}}, {"field_coverage": {**default_thresholds()["field_coverage"], "tags": 0.5}}),
    ('{"finish_reasons": ["finished", "closespider_itemcount"]}',
     {"finish_reasons": ["finished", "closespider_itemcount"]}),
])
def test_a_partial_threshold_override_merges_with_the_defaults(override: Any, expected: dict[str, Any]) -> None:
    assert monitor_thresholds(Settings({"IPGIRL_MONITOR_THRESHOLDS": override})) == {**default_thresholds(), **expected}


@pytest.mark.parametrize(("override", "words"), [
    ("{bad json", "not valid JSON"), ("[1]", "JSON object"), ('{"max_eror_rate": 0.1}', "unknown max_eror_rate"),
    ('{"max_error_rate": 2}', "fraction"), ('{"max_error_rate": "low"}', "number"), ('{"max_error_rate": true}', "number"),
    ('{"min_articles_seen": 1.5}', "integer"), ('{"min_articles_seen": -1}', ">= 0"),
    ('{"finish_reasons": "finished"}', "list of strings"), ('{"field_coverage": {"title": 1.5}}', "field_coverage.title"),
    ('{"field_coverage": 0.9}', "an object"),
])
def test_bad_thresholds_are_refused(override: str, words: str) -> None:
    with pytest.raises(ThresholdError, match=words.replace("[", r"\[")):
        monitor_thresholds(Settings({"IPGIRL_MONITOR_THRESHOLDS": override}))


def test_a_bad_full_flag_is_named() -> None:
    from ipgirl_crawler.run.config import CrawlConfig

    with pytest.raises(ConfigurationError, match="full must be 1 or 0, got 'maybe'"):
        CrawlConfig.from_arguments(Settings(), "https://www.ipgirl.com", None, "maybe")


def test_spider_arguments_are_the_spiders_own() -> None:
    assert set(known_spider_arguments()) >= {"base_url", "languages", "full"}
    check_spider_arguments({"base_url": "x", "languages": "fr", "full": "1", "_job": "scrapyd-job"})
    with pytest.raises(ConfigurationError, match="langs .*known: base_url"):
        check_spider_arguments({"langs": "fr"})


ITEMS = [{"url": "https://www.ipgirl.com/fr/ai/1-a", "language": "fr", "article_id": "1", "content_hash": "ab",
          "body_text": "Deux lignes,\n\n« citées », et \"guillemets\"", "authors": ["A", "B"], "translations": {"ja": "u"}},
         {"url": "https://www.ipgirl.com/ja/ai/2-b", "language": "ja", "article_id": "2", "content_hash": "cd",
          "body_text": "日本語の本文", "authors": [], "translations": {}}]
EXPORTERS = {"jsonlines": JsonLinesItemExporter, "jsonl": JsonLinesItemExporter, "jl": JsonLinesItemExporter,
             "json": JsonItemExporter, "csv": CsvItemExporter, "xml": XmlItemExporter, "marshal": MarshalItemExporter,
             "pickle": PickleItemExporter}
KEYS = ("url", "language", "article_id", "content_hash")


@pytest.mark.parametrize("format_", sorted(READABLE_FORMATS))
@pytest.mark.parametrize("options", [{}, {"indent": 2}])
@pytest.mark.parametrize("count", [0, 2])
def test_each_format_reads_back_what_scrapy_wrote(format_: str, options: dict[str, Any], count: int) -> None:
    buffer = io.BytesIO()
    extra = options if format_ in ("json", "jsonlines", "jsonl", "jl", "xml") else {}
    exporter = EXPORTERS[format_](buffer, **extra)
    exporter.start_exporting()
    for item in ITEMS[:count]:
        exporter.export_item(item)
    exporter.finish_exporting()
    buffer.seek(0)
    read = [{key: item[key] for key in KEYS} for item in read_items(buffer, format_)]
    assert read == [{key: item[key] for key in KEYS} for item in ITEMS[:count]]


def test_a_json_array_is_read_across_chunk_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    from ipgirl_crawler.output import formats

    monkeypatch.setattr(formats, "CHUNK", 7)
    buffer = io.BytesIO()
    exporter = JsonItemExporter(buffer)
    exporter.start_exporting()
    for item in ITEMS * 3:
        exporter.export_item(item)
    exporter.finish_exporting()
    buffer.seek(0)
    assert [item["article_id"] for item in read_items(buffer, "json")] == ["1", "2"] * 3


START = datetime(2026, 12, 1, 3, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("earlier", "current", "expected"), [
    ({}, {"item_scraped_count": 5}, {"item_scraped_count": 5, segments.SEGMENTS_KEY: 1}),
    ({"item_scraped_count": 5, "memusage/max": 10, "start_time": "2026-12-01T02:00:00+00:00", segments.SEGMENTS_KEY: 1},
     {"item_scraped_count": 3, "memusage/max": 7, "start_time": START, "finish_reason": "finished"},
     {"item_scraped_count": 8, "memusage/max": 10, "start_time": "2026-12-01T02:00:00+00:00",
      "finish_reason": "finished", segments.SEGMENTS_KEY: 2}),
    ({"ipgirl/failures/HTTP_500": 1, "finish_reason": "shutdown", segments.SEGMENTS_KEY: 2},
     {"ipgirl/discovery/dead_links": 2, "finish_reason": "finished"},
     {"ipgirl/failures/HTTP_500": 1, "ipgirl/discovery/dead_links": 2, "finish_reason": "finished",
      segments.SEGMENTS_KEY: 3}),
])
def test_whole_run_stats_add_up_the_segments(earlier: dict[str, Any], current: dict[str, Any],
                                             expected: dict[str, Any]) -> None:
    assert segments.merged(earlier, current) == expected


@pytest.mark.parametrize(("stats", "expected"), [
    ({}, []),
    ({"feedexport/success_count/AtomicFileFeedStorage": 3}, []),
    ({FAILED_FEEDS_KEY: ["/srv/out.jsonl: [Errno 28] No space left on device"],
      "feedexport/failed_count/AtomicFileFeedStorage": 1},
     ["feed not stored: /srv/out.jsonl: [Errno 28] No space left on device"]),
    ({"feedexport/failed_count/S3FeedStorage": 2}, ["2 feed(s) not stored (see 'Error storing' in the log)"]),
])
def test_a_feed_not_stored_fails_the_monitors(stats: dict[str, Any], expected: list[str]) -> None:
    assert feed_failures(stats) == expected
    healthy = {"finish_reason": "finished", "ipgirl/discovery/article_responses": 5, "response_received_count": 5}
    assert evaluate({**healthy, **stats}) == expected


def test_every_project_setting_has_a_rule() -> None:
    # A setting added without a row in SETTING_RULES would take any value unchecked until it broke mid-run.
    from ipgirl_crawler import settings
    from ipgirl_crawler.preflight.checks import SETTING_RULES

    checked_elsewhere = {"IPGIRL_BASE_URL", "IPGIRL_MONITOR_THRESHOLDS"}  # config.py, check_thresholds
    names = {name for name in dir(settings) if name.startswith("IPGIRL_")} - checked_elsewhere
    assert sorted(names - set(SETTING_RULES)) == []


def test_a_wrong_redis_url_is_refused_without_its_password() -> None:
    from scrapy.settings import Settings

    from ipgirl_crawler.preflight.checks import check_settings
    from ipgirl_crawler.run.config import ConfigurationError

    with pytest.raises(ConfigurationError) as refused:
        check_settings(Settings({"IPGIRL_REDIS_URL": "http://:s3cret@redis.internal:6379/0"}))
    assert "IPGIRL_REDIS_URL" in str(refused.value) and "s3cret" not in str(refused.value)
