"""No silent failure at the edges (issue 15): feeds, settings, paths, Scrapy's own commands.

Each test is a row of the issue's table, run as a user runs it (``scrapy crawl`` / ``ipgirl-crawl``
subprocesses against the local site on loopback): the outcome is the items, or exit 2 at start
with one line and no request sent, or exit 1 naming the store that failed; never exit 0 with data
missing.
"""
from __future__ import annotations

import csv
import json
import marshal
import os
import pickle
import re
import sqlite3
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lxml import etree

from tests.localsite import Fault
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, SCRAPY, read_jsonl, run_crawl
from tests.support.operations import articles, run_entrypoint

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def remembered(state: Path) -> int:
    (database,) = state.glob("*/state.sqlite")
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def read_feed(path: Path, format_: str) -> list[dict[str, Any]]:
    data = path.read_bytes()
    if format_ == "json":
        return json.loads(data)
    if format_ == "csv":
        return list(csv.DictReader(data.decode("utf-8").splitlines(keepends=True)))
    if format_ == "xml":
        return [{child.tag: child.text for child in item} for item in etree.fromstring(data)]
    load, items = {"marshal": marshal.load, "pickle": pickle.load}[format_], []
    with path.open("rb") as handle:
        while True:
            try:
                items.append(load(handle))
            except EOFError:
                return items


@pytest.fixture(scope="module")
def small_site() -> Any:
    with LocalSite(n_articles=20, seed=5) as site:
        yield site


@pytest.mark.parametrize(("target", "format_"), [("out.csv", "csv"), ("out.json", "json"), ("out.xml", "xml"),
                                                 ("out.jsonl:json", "json"), ("out.marshal", "marshal"),
                                                 ("out.pickle", "pickle")])
def test_every_format_scrapy_ships_stores_the_items(small_site: LocalSite, tmp_path: Path, target: str,
                                                    format_: str) -> None:
    done = run_crawl(small_site.base_url, tmp_path / target, tmp_path / "state", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'd'}")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Error storing" not in done.stderr
    items = read_feed(tmp_path / target.split(":")[0], format_)
    expected = sorted(item["url"] for item in small_site.expected_items())
    assert sorted(item["url"] for item in items) == expected
    assert remembered(tmp_path / "state") == len(expected)  # the state committed what the file holds


def test_a_feed_that_cannot_be_stored_fails_the_run_naming_it(small_site: LocalSite, tmp_path: Path) -> None:
    target = tmp_path / "taken.jsonl"
    target.mkdir()  # its folder is writable, the rename at the end is not possible
    done = run_crawl(small_site.base_url, target, tmp_path / "state", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'd'}")
    assert done.returncode == 1
    assert f"Monitor failed: feed not stored: {target}" in done.stderr


def test_a_feed_that_cannot_be_stored_fails_ipgirl_crawl_naming_it(small_site: LocalSite, tmp_path: Path) -> None:
    target = tmp_path / "taken.jsonl"
    target.mkdir()
    feeds = json.dumps({str(target): {"format": "jsonlines", "overwrite": True}})
    done = run_entrypoint(small_site.base_url, tmp_path / "s", tmp_path / "d", "-s", f"FEEDS={feeds}")
    assert done.returncode == 1
    summary = done.stderr.strip().splitlines()[-1]
    assert "UNHEALTHY" in summary and f"feed not stored: {target}" in summary


def test_an_unwritable_output_stops_before_any_request(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with LocalSite(n_articles=5, seed=5) as site:
        for extra in (["-O", str(tmp_path / "file" / "out.jsonl")],
                      ["-O", str(tmp_path / "out.jsonl"), "-s", f"IPGIRL_DATA_DIR={tmp_path / 'file' / 'data'}"],
                      ["-O", str(tmp_path / "out.jsonl"), "-s", f"IPGIRL_STATE_DIR={tmp_path / 'file' / 'state'}"]):
            done = subprocess.run([str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={site.base_url}", *extra], cwd=ROOT,
                                  env=ENV, capture_output=True, text=True, timeout=120, check=False)
            assert_refused(done, "ipgirl:", "ot a directory")
        assert site.requests() == []


def test_overwrite_with_zero_items_leaves_an_empty_file(small_site: LocalSite, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    for _ in range(2):  # the second run is incremental: nothing changed, nothing emitted
        done = run_crawl(small_site.base_url, out, tmp_path / "state", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'd'}")
        assert done.returncode == 0, done.stderr[-3000:]
    assert out.read_bytes() == b""


def assert_refused(done: subprocess.CompletedProcess[str], prefix: str, *words: str) -> None:
    """Exit 2 at start with one line on stderr, ours, no traceback."""
    assert done.returncode == 2, done.stderr[-2000:]
    ours = done.stderr.strip().splitlines()
    assert len(ours) == 1 and ours[0].startswith(prefix), done.stderr[-2000:]
    assert all(word in ours[0] for word in words), ours
    assert "Traceback" not in done.stderr


REFUSED = [
    (["-s", "IPGIRL_MONITOR_THRESHOLDS={bad json"], ("IPGIRL_MONITOR_THRESHOLDS", "JSON")),
    (["-s", 'IPGIRL_MONITOR_THRESHOLDS={"max_error_rate": 5}'], ("max_error_rate",)),
    (["-s", 'IPGIRL_MONITOR_THRESHOLDS={"max_eror_rate": 0.1}'], ("max_eror_rate", "max_error_rate")),
    (["-s", "IPGIRL_REDIS_URL=notaurl"], ("IPGIRL_REDIS_URL",)),
    (["-s", "IPGIRL_EXTRACTION_WORKERS=lots"], ("IPGIRL_EXTRACTION_WORKERS",)),
    (["-s", "IPGIRL_PROGRESS_INTERVAL=abc"], ("IPGIRL_PROGRESS_INTERVAL",)),
    (["-s", "RETRY_TIMES=-1"], ("RETRY_TIMES",)),
    (["-a", "langs=fr"], ("langs", "languages", "base_url", "full")),
]


@pytest.mark.parametrize(("extra", "words"), REFUSED)
def test_a_bad_setting_or_argument_stops_scrapy_crawl_at_start(tmp_path: Path, extra: list[str],
                                                               words: tuple[str, ...]) -> None:
    with LocalSite(n_articles=5, seed=5) as site:
        done = subprocess.run([str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={site.base_url}",
                               "-s", f"IPGIRL_STATE_DIR={tmp_path / 's'}", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'd'}",
                               *extra], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120, check=False)
        assert site.requests() == []
    assert_refused(done, "ipgirl:", *words)


@pytest.mark.parametrize(("extra", "words"), [REFUSED[0], REFUSED[3], REFUSED[-1]])
def test_a_bad_setting_or_argument_stops_ipgirl_crawl_at_start(tmp_path: Path, extra: list[str],
                                                               words: tuple[str, ...]) -> None:
    with LocalSite(n_articles=5, seed=5) as site:
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", *extra)
        assert site.requests() == []
    assert_refused(done, "ipgirl-crawl:", *words)


def test_an_unwritable_state_directory_stops_ipgirl_crawl_at_start(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    done = run_entrypoint("http://127.0.0.1:9", tmp_path / "file" / "state", tmp_path / "d")
    assert_refused(done, "ipgirl-crawl:", "IPGIRL_STATE_DIR")


def test_a_partial_threshold_override_merges_with_the_defaults(small_site: LocalSite, tmp_path: Path) -> None:
    first = run_entrypoint(small_site.base_url, tmp_path / "s", tmp_path / "d1",
                           "-s", 'IPGIRL_MONITOR_THRESHOLDS={"max_error_rate": 0.05}')
    assert first.returncode == 0, first.stderr[-3000:]
    assert "healthy" in first.stderr.splitlines()[-1]
    assert len(articles(tmp_path / "d1")) == 20
    second = run_entrypoint(small_site.base_url, tmp_path / "s", tmp_path / "d2")
    assert second.returncode == 0
    assert "(resumed)" not in second.stderr  # the first run was marked finished


def test_a_stricter_partial_override_is_applied(small_site: LocalSite, tmp_path: Path) -> None:
    done = run_entrypoint(small_site.base_url, tmp_path / "s", tmp_path / "d",
                          "-s", 'IPGIRL_MONITOR_THRESHOLDS={"min_articles_seen": 1000}')
    assert done.returncode == 1
    assert "article pages answered (minimum 1000)" in done.stderr.splitlines()[-1]


# -- Scrapy's own commands -----------------------------------------------------------------------

def scrapy_command(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A Scrapy command of this project run from an empty folder: what it writes lands there."""
    env = {**ENV, "SCRAPY_SETTINGS_MODULE": "ipgirl_crawler.settings"}
    return subprocess.run([str(SCRAPY), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
                          check=False)


BASE_URL = "-a base_url={}"


@pytest.mark.parametrize("base_url", [False, True])
@pytest.mark.parametrize("spider", [[], ["--spider", "ipgirl"]])
def test_scrapy_parse_shows_the_item_and_writes_nothing(small_site: LocalSite, tmp_path: Path,
                                                        spider: list[str], base_url: bool) -> None:
    article = small_site.expected_items()[0]
    given = BASE_URL.format(small_site.base_url).split(" ", 1) if base_url else []
    done = scrapy_command(tmp_path, "parse", *spider, *given, article["url"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert "# Scraped Items" in done.stdout and f"'article_id': '{article['article_id']}'" in done.stdout
    assert "Traceback" not in done.stderr and "Deprecat" not in done.stderr and "ERROR" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # no data/, no data/state/, no run files


@pytest.mark.parametrize("base_url", [False, True])
@pytest.mark.parametrize("spider", [[], ["--spider", "ipgirl"]])
def test_scrapy_parse_of_a_listing_shows_its_requests(small_site: LocalSite, tmp_path: Path, spider: list[str],
                                                      base_url: bool) -> None:
    given = BASE_URL.format(small_site.base_url).split(" ", 1) if base_url else []
    done = scrapy_command(tmp_path, "parse", *spider, *given, f"{small_site.base_url}/fr/")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "# Requests" in done.stdout and f"{small_site.base_url}/fr/category/" in done.stdout
    assert "Traceback" not in done.stderr and "ERROR" not in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["/fr/ai/99999999-no-such-article", "/fr/category/no-such-category/"])
def test_scrapy_parse_that_shows_nothing_exits_1(small_site: LocalSite, tmp_path: Path, url: str) -> None:
    done = scrapy_command(tmp_path, "parse", "--spider", "ipgirl", "-a", f"base_url={small_site.base_url}",
                          small_site.base_url + url)
    assert done.returncode == 1, done.stderr[-3000:]
    assert "No response downloaded" in done.stderr


@pytest.mark.parametrize("command", [["shell", "-c", "response.css('h1::text').get()"], ["fetch"]])
@pytest.mark.parametrize("spider", [[], ["--spider", "ipgirl"]])
def test_scrapy_shell_and_fetch_work_and_write_nothing(small_site: LocalSite, tmp_path: Path, command: list[str],
                                                      spider: list[str]) -> None:
    article = small_site.expected_items()[0]
    done = scrapy_command(tmp_path, command[0], *spider, *command[1:], article["url"])
    assert done.returncode == 0, done.stderr[-3000:]
    assert article["title"][:30] in done.stdout
    assert "Traceback" not in done.stderr and "ERROR" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_scrapy_parse_beside_a_crawl_leaves_its_state_alone(small_site: LocalSite, tmp_path: Path) -> None:
    state = tmp_path / "state"
    first = run_entrypoint(small_site.base_url, state, tmp_path / "d1")
    assert first.returncode == 0
    before = sorted(p.relative_to(state) for p in state.rglob("*"))
    stamp = {p: p.stat().st_mtime_ns for p in state.rglob("*") if p.is_file()}
    article = small_site.expected_items()[1]
    done = scrapy_command(tmp_path, "parse", "--spider", "ipgirl", "-s", f"IPGIRL_STATE_DIR={state}", article["url"])
    assert done.returncode == 0
    assert f"'article_id': '{article['article_id']}'" in done.stdout
    assert sorted(p.relative_to(state) for p in state.rglob("*")) == before
    assert {p: p.stat().st_mtime_ns for p in state.rglob("*") if p.is_file()} == stamp


# -- a resumed run ---------------------------------------------------------------------------------

def test_a_resumed_runs_stats_cover_the_whole_run(tmp_path: Path) -> None:
    with LocalSite(n_articles=60, seed=8) as site:
        # the first segment stops early (not "finished"): the next start resumes the same run
        first = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-s", "CLOSESPIDER_ITEMCOUNT=25",
                               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "AUTOTHROTTLE_ENABLED=0")
        assert first.returncode == 1
        second = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d")
    assert second.returncode == 0, second.stderr[-3000:]
    (stats_file,) = (tmp_path / "d").glob("articles/run_date=*/*.stats.json")
    (manifest_file,) = (tmp_path / "d").glob("articles/run_date=*/*.manifest.json")
    stats, manifest = json.loads(stats_file.read_text()), json.loads(manifest_file.read_text())
    assert manifest["counts"]["articles"] == len(articles(tmp_path / "d")) == 60
    assert stats["item_scraped_count"] == 60
    assert stats["ipgirl/run/segments"] == 2
    assert "healthy: 60 items" in second.stderr.splitlines()[-1]


def test_robots_txt_is_fetched_once_a_run(tmp_path: Path) -> None:
    with LocalSite(n_articles=10, seed=5) as site:
        done = run_crawl(site.base_url, tmp_path / "out.jsonl", tmp_path / "state", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'd'}")
        robots = [r for r in site.requests() if r["path"] == "/robots.txt"]
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(robots) == 1
    assert "'ipgirl/discovery/robots_reused': 1" in done.stderr
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 10  # the sitemaps it lists were read all the same


# -- what the docs say the files hold ------------------------------------------------------------

def documented_fields(kind: str) -> set[str]:
    """The ``{a, b, c}`` field list docs/data-layout.md gives for the ``kind`` record files."""
    layout = (ROOT / "docs" / "data-layout.md").read_text("utf-8")
    match = re.search(rf"^\s*{kind}/run_date=.*#\s*\{{([^}}]*)\}}", layout, re.MULTILINE)
    assert match, kind
    return {name.strip() for name in match[1].split(",")}


def test_gone_and_failure_records_hold_the_documented_fields_and_gone_articles_leave_the_snapshot(
        tmp_path: Path) -> None:
    with LocalSite(n_articles=30, seed=16) as site:
        assert run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d").returncode == 0
        gone, failing = site.expected_items()[3], site.expected_items()[5]
        site.remove(int(gone["article_id"]))
        site.inject(urlsplit(failing["url"]).path, *[Fault.http(500)] * 4)  # one a try: 1 + 3 retries
        again = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-a", "full=1",
                               "-s", "IPGIRL_RETRY_BACKOFF_MAX=0.2")
    assert again.returncode == 0, again.stderr[-2000:]
    for kind, url in (("gone", gone["url"]), ("failures", failing["url"])):
        records = [json.loads(line) for path in (tmp_path / "d").glob(f"{kind}/*/*.jsonl")
                   for line in path.read_text("utf-8").splitlines()]
        assert [record["url"] for record in records] == [url]
        assert set(records[0]) == documented_fields(kind)
    compacted = subprocess.run([str(Path(SCRAPY).parent / "ipgirl-compact"), "--data-dir", str(tmp_path / "d")],
                               capture_output=True, text=True, timeout=120, check=False)
    assert compacted.returncode == 0, compacted.stderr
    snapshot = read_jsonl(tmp_path / "d" / "snapshot" / "articles.jsonl")
    assert gone["url"] not in {item["url"] for item in snapshot} and len(snapshot) == 29
    assert json.loads((tmp_path / "d" / "snapshot" / "manifest.json").read_text())["dropped_gone"] == 1


@pytest.mark.parametrize("name", ["out.json", "out.xml", "out.csv"])
def test_appending_to_a_whole_file_format_is_refused_at_start(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("an earlier run's file")
    done = subprocess.run([str(SCRAPY), "crawl", "ipgirl", "-a", "base_url=http://127.0.0.1:9", "-o", str(tmp_path / name),
                           "-s", f"IPGIRL_STATE_DIR={tmp_path / 's'}"], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, timeout=120, check=False)
    assert_refused(done, "ipgirl:", "appending", name)


def test_csv_cells_hold_nested_fields_as_json(small_site: LocalSite, tmp_path: Path) -> None:
    done = run_crawl(small_site.base_url, tmp_path / "out.csv", tmp_path / "state", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'd'}")
    assert done.returncode == 0, done.stderr[-3000:]
    text = (tmp_path / "out.csv").read_text("utf-8")
    assert "\\u" not in text
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["url"]: row for row in csv.DictReader(handle)}
    expected = {item["url"]: item for item in small_site.expected_items()}
    assert set(rows) == set(expected)
    for url, row in rows.items():
        for name in ("breadcrumbs", "authors", "tags", "translations", "images", "related"):
            value = json.loads(row[name])  # JSON text, not a Python repr
            assert isinstance(value, dict if name == "translations" else list), (name, row[name])
        assert json.loads(row["tags"]) == expected[url]["tags"]
        assert json.loads(row["translations"]) == expected[url]["translations"]
        assert [image["url"] for image in json.loads(row["images"])] == [i["url"] for i in expected[url]["images"]]
    assert any(json.loads(row["related"]) for row in rows.values())
