"""Hostile and broken input mixed into a normal site: nothing crashes, leaks or is lost."""
from __future__ import annotations

import json
import re
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.localsite import ALL_ERAS, hostile
from tests.localsite.server import LocalSite
from tests.support.crawl_check import crawl_command, read_jsonl, run_measured, score
from tests.support.operations import run_entrypoint

CANARY_TEXT = "CANARY-7f3a9c-local-file-must-never-be-read"


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("hostile")
    canary = work / "canary.txt"
    canary.write_text(CANARY_TEXT)
    with LocalSite(n_articles=200, seed=51, log_path=work / "requests.jsonl", eras=ALL_ERAS) as site:
        paths = hostile.install(site, canary)
        log = work / "crawl.log"
        status, peak_mib = run_measured(crawl_command(site.base_url, work / "out.jsonl", work / "state",
                                                      "-s", f"IPGIRL_DATA_DIR={work / 'data'}", "-s", f"LOG_FILE={log}"))
        return {"status": status, "peak_mib": peak_mib, "items": read_jsonl(work / "out.jsonl"),
                "expected": site.expected_items(), "requests": site.requests(), "host": site.base_url.split("//")[1],
                "log": log.read_text("utf-8", errors="replace"), "hostile": paths, "work": work}


def test_exits_0_without_traceback(hostile_crawl: dict[str, Any]) -> None:
    assert hostile_crawl["status"] == 0
    assert "Traceback" not in hostile_crawl["log"]
    assert "'finish_reason': 'finished'" in hostile_crawl["log"]


def test_normal_articles_are_right(hostile_crawl: dict[str, Any]) -> None:
    hostile_urls = {f"http://{hostile_crawl['host']}{p}" for p in hostile_crawl["hostile"]}
    normal = [i for i in hostile_crawl["items"] if i["url"] not in hostile_urls]
    result = score(normal, hostile_crawl["expected"])
    assert not result.missing and not result.unexpected and not result.duplicates, result.summary()
    assert result.accuracy >= 0.99, result.summary()


def test_no_request_leaves_the_host_and_no_local_file_is_read(hostile_crawl: dict[str, Any]) -> None:
    assert {r["host"] for r in hostile_crawl["requests"]} == {hostile_crawl["host"]}
    for path in hostile_crawl["work"].rglob("*"):
        if path.is_file() and path.name != "canary.txt":
            assert CANARY_TEXT not in path.read_text("utf-8", errors="replace"), path


def test_memory_stays_bounded(hostile_crawl: dict[str, Any]) -> None:
    assert hostile_crawl["peak_mib"] < 1024


def test_no_control_surface_and_clean_log_lines(hostile_crawl: dict[str, Any]) -> None:
    log = hostile_crawl["log"]
    assert "TelnetConsole" not in log and "Telnet console" not in log
    assert "RemoteControl" not in log and "remote control" not in log.lower()
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", log)  # no control characters, no forged lines
    assert "FAKE LOG LINE" not in "".join(line for line in log.splitlines() if not line.startswith("20"))


def test_each_hostile_case_is_counted(hostile_crawl: dict[str, Any]) -> None:
    log = hostile_crawl["log"]
    for stat in ("ipgirl/discovery/not_article", "ipgirl/discovery/offsite_sitemap_entry",
                 "ipgirl/discovery/charset_corrected", "ipgirl/failures/", "ipgirl/validate/invalid/title"):
        assert f"'{stat}" in log, stat
    charset_item = next(i for i in hostile_crawl["items"] if i["url"].endswith("90011-charset-lie"))
    assert charset_item["title"] == "Café crème: déjà vu"


# Every character of C0 and C1 but tab and LF, and the bidi controls.
_CONTROL_OR_BIDI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def test_c1_and_bidi_characters_reach_neither_items_nor_log(hostile_crawl: dict[str, Any]) -> None:
    item = next(i for i in hostile_crawl["items"] if i["url"].endswith("90016-bidi"))
    assert item["title"] == "31mevil Bidi title31m" and item["authors"] == ["Ann Example"]
    assert item["body_text"].startswith("31mevil Body text here.")
    for line in (hostile_crawl["work"] / "out.jsonl").read_text("utf-8").splitlines():
        assert not _CONTROL_OR_BIDI.search(line), ascii(_CONTROL_OR_BIDI.findall(line))
    assert not _CONTROL_OR_BIDI.search(hostile_crawl["log"]), ascii(_CONTROL_OR_BIDI.findall(hostile_crawl["log"]))


# -- a flood of dead links (issue 25): a monitor fails naming the source, bounded, little archived -----

def dead_404s(requests: list[dict[str, Any]], dead: list[str]) -> int:
    wanted = set(dead)
    return sum(1 for r in requests if r["path"] in wanted)


@pytest.mark.parametrize(("where", "kind"), [("sitemap", "sitemap URLs"), ("listing", "links of a listing page")])
def test_a_source_whose_links_are_mostly_dead_fails_the_run_naming_it(tmp_path: Any, where: str, kind: str) -> None:
    with LocalSite(n_articles=60, seed=52) as site:
        dead = hostile.dead_link_flood(site, where, 2000)
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", timeout=300)
        fetched = dead_404s(site.requests(), dead)
        source = f"{site.base_url}{'/sitemaps/dead.xml' if where == 'sitemap' else '/en/'}"
    assert done.returncode == 1, done.stderr[-3000:]
    summary = done.stderr.splitlines()[-1]
    assert re.search(rf"\d+ of \d+ {kind} dead \(maximum 50%\), [\d,]+ more not followed: {re.escape(source)}",
                     summary), summary
    assert fetched < 200, fetched  # the sample and what was in flight, not the 2,000
    assert "Traceback" not in done.stderr


def test_404_pages_of_dead_links_are_archived_up_to_a_small_cap(tmp_path: Any) -> None:
    from ipgirl_crawler.archive.writer import MAX_DEAD_LINK_PAGES  # here: a failed import fails this test only

    with LocalSite(n_articles=30, seed=53) as site:
        dead = hostile.dead_link_flood(site, "sitemap", 400)
        # a sample as large as the flood: every dead link is fetched, the archive keeps a few
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-s",
                              'IPGIRL_MONITOR_THRESHOLDS={"dead_link_sample": 1000}', timeout=300)
        fetched = dead_404s(site.requests(), dead)
    assert fetched == 400, done.stderr[-2000:]
    statuses = []
    for path in (tmp_path / "d").glob("archive/run_date=*/*.warc.gz"):
        with path.open("rb") as handle:
            statuses += [record.http_headers.get_statuscode() for record in ArchiveIterator(handle)
                         if record.rec_type == "response"]
    archived_404 = statuses.count("404")
    assert archived_404 <= MAX_DEAD_LINK_PAGES and statuses.count("200") >= 30
    (stats_file,) = (tmp_path / "d").glob("articles/run_date=*/*.stats.json")
    stats = json.loads(stats_file.read_text("utf-8"))
    assert stats["ipgirl/archive/dead_link_pages_not_archived"] >= 400 - MAX_DEAD_LINK_PAGES
