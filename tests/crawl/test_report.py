"""The run report: numbers, escaping, streaming, the data layout, and a real headless browser."""
from __future__ import annotations

import contextlib
import json
import socketserver
import struct
import subprocess
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from ipgirl_crawler.items import CONTRACT_FIELDS
from ipgirl_crawler.monitoring.report import render_report, write_report
from tests.crawl.test_progress import progress_args
from tests.localsite.server import LocalSite
from tests.support.operations import articles, run_entrypoint

RUN_ID, RUN_DATE = "20261120T120000Z", "2026-11-20"
CHROMIUM = Path("/usr/bin/chromium")
# The brief's flags, plus: every connection Chromium opens goes to a local trap (its own background
# services - accounts.google.com, update.googleapis.com - call home even with these flags) and no
# name resolves, so nothing leaves the machine whatever the browser tries.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-features=NetworkTimeServiceQuerying", "--hide-scrollbars",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def doc_of(html: str) -> Any:
    return lxml.html.fromstring(html)


def kpi(doc: Any, key: str) -> str:
    return str(doc.get_element_by_id(f"kpi-{key}").findtext("b"))


def rows_of(doc: Any, heading: str, table_index: int = 0) -> list[list[str]]:
    section = doc.xpath(f"//section[h2[starts-with(., '{heading}')]]")[0]
    table = section.xpath(".//table")[table_index]
    return [[cell.text_content() for cell in row.xpath("./td")] for row in table.xpath(".//tbody/tr")]


def item(language: str = "en", category: str = "AI", ratio: float | None = 0.5, **fields: Any) -> dict[str, Any]:
    base = {name: f"{name}-value" for name in CONTRACT_FIELDS}
    return {**base, "language": language, "category": category, "helpful_ratio": ratio, **fields}


SYNTHETIC_STATS: dict[str, Any] = {
    "downloader/response_count": 20, "response_received_count": 18, "elapsed_time_seconds": 10.0,
    "item_scraped_count": 7, "finish_reason": "finished", "start_time": "2026-11-20T12:00:00+00:00",
    "ipgirl/failures/HTTP_500": 2, "ipgirl/validate/missing/summary": 1,
    "ipgirl/monitors/failed": ["error rate 12% > 5%"],
    "ipgirl/timeline": [{"t": 5.0, "status": {"200": 8, "404": 1}, "items": 3, "errors": 0, "retries": 0},
                        {"t": 10.0, "status": {"200": 17, "404": 1, "500": 2}, "items": 7, "errors": 0, "retries": 2}],
}
SYNTHETIC_ITEMS = [item("en", ratio=0.0), item("en", ratio=0.05), item("en", ratio=0.1, summary=""),
                   item("fr", "IA", ratio=0.95), item("fr", "IA", ratio=1.0), item("de", "KI", ratio=None),
                   item("de", "KI", ratio=None, tags=[])]
SYNTHETIC_FAILURES = [{"url": "http://127.0.0.1/x/1", "reason": "HTTP 500", "attempts": 4},
                      {"url": "http://127.0.0.1/x/2", "reason": "HTTP 500", "attempts": 4}]


def test_headline_and_tables_have_the_right_numbers() -> None:
    doc = doc_of(render_report(SYNTHETIC_STATS, iter(SYNTHETIC_ITEMS), iter(SYNTHETIC_FAILURES), RUN_ID))
    assert [kpi(doc, k) for k in ("items", "scraped", "pages", "rate", "duration", "finish", "failures")] == \
        ["7", "7", "20", "2.0", "10.0 s", "finished", "2"]
    assert kpi(doc, "monitors") == "1 failed" and "error rate 12% > 5%" in doc.text_content()
    assert rows_of(doc, "Articles per language") == [["en", "3"], ["de", "2"], ["fr", "2"]]
    assert rows_of(doc, "Articles per category") == [["AI", "3"], ["IA", "2"], ["KI", "2"]]
    coverage = {row[0]: row[1:] for row in rows_of(doc, "Field coverage")}
    assert coverage["summary"] == ["85.7", "1", "1"]  # 6 of 7 items; the validate stat shown beside
    assert coverage["tags"] == ["85.7", "1", "—"] and coverage["url"] == ["100.0", "0", "—"]
    assert coverage["helpful_ratio"][:2] == ["71.4", "2"]
    helpfulness = {label: count for label, count in rows_of(doc, "Helpfulness")}
    assert helpfulness["0.0–0.1"] == "2" and helpfulness["0.1–0.2"] == "1" and helpfulness["0.9–1.0"] == "2"
    assert helpfulness["no votes"] == "2" and sum(int(v) for v in helpfulness.values()) == 7
    timeline = rows_of(doc, "Responses by status")
    assert timeline[-1] == ["10.0 s", "17", "1", "2", "7"]
    assert rows_of(doc, "Failures") == [["HTTP 500", "2", "2"]]  # stats key HTTP_500, records "HTTP 500"
    assert rows_of(doc, "Failures", 1)[0] == ["http://127.0.0.1/x/1", "HTTP 500", "4"]


def test_charts_are_inline_svg_with_titles() -> None:
    html = render_report(SYNTHETIC_STATS, SYNTHETIC_ITEMS, SYNTHETIC_FAILURES, RUN_ID)
    doc = doc_of(html)
    charts = doc.xpath("//svg[@role='img']")
    assert {c.get("id") for c in charts} == {"chart-languages", "chart-categories", "chart-coverage",
                                              "chart-helpfulness", "chart-timeline"}
    for chart in charts:  # an accessible name for every chart
        assert chart.get("aria-labelledby") and chart.xpath("./title")[0].text
    assert len(doc.get_element_by_id("chart-languages").xpath(".//rect[@class='bar']")) == 3
    assert len(doc.get_element_by_id("chart-timeline").xpath(".//path[@class='area']")) == 3
    assert not doc.xpath("//script | //link | //img | //iframe | //object")  # nothing to load, nothing to run
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "").replace("http://127.0.0.1/x/", "")


def test_top_15_categories_and_the_rest_counted() -> None:
    items = [item(category=f"cat{n:02d}") for n in range(20) for _ in range(n + 1)]
    doc = doc_of(render_report({}, items, [], RUN_ID))
    rows = rows_of(doc, "Articles per category")
    assert len(rows) == 15 and rows[0] == ["cat19", "20"] and rows[-1] == ["cat05", "6"]
    assert "15 articles in other categories" in doc.text_content()  # 1+2+3+4+5


@pytest.mark.parametrize(("items", "expected"), [
    # one category of the site under its names in three languages: one bar, named by them all
    ([("en", "ai", "AI")] * 3 + [("es", "ai", "IA")] * 2 + [("de", "ai", "KI")] + [("fr", "robotics", "Robotique")],
     [["AI · IA · KI", "6"], ["Robotique", "1"]]),
    # two categories that share a name in some language stay two
    ([("en", "ai", "AI"), ("en", "ai-ethics", "AI")], [["AI", "1"], ["AI", "1"]]),
    # more names than shown: the rest counted; an item without a category name is still counted
    ([("en", "ai", n) for n in ("AI", "IA", "KI", "人工智能", "AI")] + [("ja", "ai", None)], [["AI · IA · KI +1", "6"]]),
    # not an article URL: its name is all there is
    ([("en", None, "Other")], [["Other", "1"]]),
])
def test_categories_are_counted_once_whatever_their_language(items: list[tuple[str, str | None, str | None]],
                                                             expected: list[list[str]]) -> None:
    made = [item(language=lang, category=name, url=f"http://127.0.0.1/{lang}/{section}/{n}-story" if section else "x")
            for n, (lang, section, name) in enumerate(items, 1)]
    assert rows_of(doc_of(render_report({}, made, [], RUN_ID)), "Articles per category") == expected


def test_empty_run_renders() -> None:
    html = render_report({}, [], [], RUN_ID)
    doc = doc_of(html)
    assert kpi(doc, "items") == "0" and kpi(doc, "pages") == "—" and kpi(doc, "monitors") == "not run"
    assert "No timeline recorded" in html and "No failures." in html and "no data" in html
    assert all(row[1] == "0.0" for row in rows_of(doc, "Field coverage"))


def test_hostile_strings_are_escaped() -> None:
    evil = "<script>alert(1)</script>"
    stats = {"finish_reason": evil, "ipgirl/monitors/failed": ["<iframe src=//x>"], f"ipgirl/failures/{evil}": 1,
             "ipgirl/timeline": [{"t": 1, "status": {evil: 1}, "items": 0}, {"t": 2, "status": {evil: 2}, "items": 1}]}
    items = [item(evil, f'"><img src=x onerror=alert(1)>{evil}', ratio=0.5, summary=evil)]
    failures = [{"url": f'javascript:alert(1)"{evil}', "reason": "<b>x</b>", "attempts": evil}]
    html = render_report(stats, items, failures, f"{RUN_ID}{evil}")
    doc = doc_of(html)
    assert not doc.xpath("//script | //img | //iframe | //td//b")
    assert not [a for el in doc.iter() for a in el.attrib if a.lower().startswith("on")]
    assert evil not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert evil in doc.text_content()  # shown as text, not run


def test_items_are_streamed_not_kept() -> None:
    def many() -> Iterator[dict[str, Any]]:
        for n in range(30_000):
            yield item(("en", "fr", "de")[n % 3], f"c{n % 40}", ratio=(n % 11) / 10, body_text="x" * 4000)
    tracemalloc.start()
    html = render_report({}, many(), [], RUN_ID)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert kpi(doc_of(html), "items") == "30,000"
    assert peak < 10 * 1024 * 1024, f"{peak / 2**20:.0f} MiB"  # kept, 30k items of 4 KB would be 120+ MiB


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_write_report_reads_the_run_files_of_the_layout(tmp_path: Path) -> None:
    articles = tmp_path / "articles" / f"run_date={RUN_DATE}"
    write_jsonl(articles / f"ipgirl-{RUN_ID}-00001.jsonl", SYNTHETIC_ITEMS[:4])
    write_jsonl(articles / f"ipgirl-{RUN_ID}-00002.jsonl", SYNTHETIC_ITEMS[4:])
    write_jsonl(articles / "ipgirl-20261120T180000Z-00001.jsonl", [item("ko")] * 5)  # another run that day
    write_jsonl(articles / f"ipgirl-{RUN_ID}-00003.jsonl.part", [item("ja")] * 5)  # still being written
    stats = {**SYNTHETIC_STATS, "start_time": "2026-11-20T12:00:00+00:00", "finish_time": "2026-11-20T12:01:30+00:00"}
    del stats["elapsed_time_seconds"]  # the duration then comes from the ISO datetimes
    (articles / f"{RUN_ID}.stats.json").write_text(json.dumps(stats), encoding="utf-8")
    write_jsonl(tmp_path / "failures" / f"run_date={RUN_DATE}" / f"ipgirl-{RUN_ID}-00001.jsonl", SYNTHETIC_FAILURES)
    (articles / f"{RUN_ID}.report.html").write_text("old", encoding="utf-8")

    path = write_report(tmp_path, RUN_DATE, RUN_ID)
    assert path == articles / f"{RUN_ID}.report.html"
    assert not list(articles.glob("*.html.part"))
    doc = doc_of(path.read_text(encoding="utf-8"))
    assert kpi(doc, "items") == "7" and kpi(doc, "duration") == "0:01:30" and kpi(doc, "rate") == "0.2"
    assert [row[0] for row in rows_of(doc, "Articles per language")] == ["en", "de", "fr"]
    assert len(rows_of(doc, "Failures", 1)) == 2


def test_write_report_without_stats_and_with_bad_ids(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "articles" / f"run_date={RUN_DATE}" / f"ipgirl-{RUN_ID}-00001.jsonl", [item()])
    assert kpi(doc_of(write_report(tmp_path, RUN_DATE, RUN_ID).read_text("utf-8")), "items") == "1"
    for run_date, run_id in (("../..", RUN_ID), (RUN_DATE, "../../etc/x"), (RUN_DATE, "*")):
        with pytest.raises(ValueError):
            write_report(tmp_path, run_date, run_id)


# -- a real crawl, rendered, opened in a real browser ----------------------------------------------
@pytest.fixture(scope="module")
def crawled_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("report-crawl")
    data = work / "data"
    with LocalSite(n_articles=60, seed=11) as site:
        site.inject("/it/", 500, 500, 500, 500)  # the Italian listing fails for good: real failure records
        # The cron entry point: its run files under the data directory are what a report shows.
        done = run_entrypoint(site.base_url, work / "state", data, *progress_args(data),
                              "-s", f"LOG_FILE={work / 'crawl.log'}")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    stats_file = next(data.glob("articles/run_date=*/*.stats.json"))
    run_date, run_id = stats_file.parent.name.removeprefix("run_date="), stats_file.name.split(".")[0]
    return {"report": write_report(data, run_date, run_id), "stats": json.loads(stats_file.read_text("utf-8")),
            "items": articles(data), "work": work}


def test_report_of_a_real_crawl(crawled_run: dict[str, Any]) -> None:
    doc = doc_of(crawled_run["report"].read_text(encoding="utf-8"))
    stats, items = crawled_run["stats"], crawled_run["items"]
    assert kpi(doc, "items") == str(len(items)) == "60"
    assert kpi(doc, "pages") == f"{stats['downloader/response_count']:,}"
    assert sum(int(n) for _, n in rows_of(doc, "Articles per language")) == 60
    assert len(stats["ipgirl/timeline"]) >= 2 and doc.xpath("//svg[@id='chart-timeline']//path[@class='area']")
    assert any(row[1] == "HTTP 500" and row[2] == "4" for row in rows_of(doc, "Failures", 1))
    assert kpi(doc, "monitors") in ("all passed", f"{len(stats.get('ipgirl/monitors/failed', []))} failed")


class _Trap(socketserver.BaseRequestHandler):
    """Stands in for the whole network: notes what was asked, answers nothing."""
    seen: list[str]

    def handle(self) -> None:
        self.request.settimeout(2)
        with contextlib.suppress(OSError):  # a client that hangs up says nothing worth keeping
            self.seen.append(self.request.recv(4096).split(b"\r\n", 1)[0].decode("latin-1"))


def run_chromium(url: str, work: Path, *action: str) -> tuple[subprocess.CompletedProcess[str], list[str], list[str]]:
    """Open ``url``; returns the run, the network requests the *page* made (from Chromium's NetLog) and
    what reached the trap."""
    work.mkdir(parents=True, exist_ok=True)
    _Trap.seen = []
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Trap) as trap:
        threading.Thread(target=trap.serve_forever, daemon=True).start()
        command = [str(CHROMIUM), *CHROMIUM_FLAGS, f"--proxy-server=http://127.0.0.1:{trap.server_address[1]}",
                   f"--user-data-dir={work / 'profile'}", f"--log-net-log={work / 'netlog.json'}", *action, url]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        trap.shutdown()
    netlog = json.loads((work / "netlog.json").read_text(encoding="utf-8"))
    names = {number: name for name, number in netlog["constants"]["logEventTypes"].items()}
    # A request of the page has the file:// page as its top frame; the browser's own have none.
    page_requests = [e["params"]["url"] for e in netlog["events"]
                     if names[e["type"]] == "URL_REQUEST_START_JOB"
                     and str(e.get("params", {}).get("network_isolation_key", "")).startswith("file://")]
    return done, page_requests, list(_Trap.seen)


needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(),
                                    reason="needs Debian's chromium: apt-get install -y chromium")


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@needs_chromium
def test_report_in_headless_chromium(crawled_run: dict[str, Any], tmp_path: Path) -> None:
    url = crawled_run["report"].as_uri()
    done, page_requests, _ = run_chromium(url, tmp_path / "dom", "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = doc_of(done.stdout)
    charts = [svg for svg in dom.xpath("//svg") if svg.xpath(".//rect[@class='bar'] | .//path[@class='area']")]
    assert len(charts) >= 2 and done.stdout.count("<svg") >= 5
    assert kpi(dom, "items") == "60" and kpi(dom, "pages") == f"{crawled_run['stats']['downloader/response_count']:,}"
    assert kpi(dom, "finish") == "finished"
    assert page_requests == []  # file:// only: the report loads nothing

    shot = tmp_path / "report.png"
    done, page_requests, _ = run_chromium(url, tmp_path / "shot", f"--screenshot={shot}", "--window-size=1280,3600")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    assert png_size(shot) == (1280, 3600) and shot.stat().st_size > 50_000  # charts and text, not a blank page
    assert page_requests == []
    crawled_run["work"].joinpath("report.png").write_bytes(shot.read_bytes())  # kept for a person to look at


@needs_chromium
def test_the_request_detector_sees_a_page_request(tmp_path: Path) -> None:
    # The check above is only worth something if a page that does load something is caught.
    page = tmp_path / "canary.html"
    page.write_text('<!DOCTYPE html><p>canary</p><img src="http://canary.invalid/pixel.png">', encoding="utf-8")
    done, page_requests, trapped = run_chromium(page.as_uri(), tmp_path / "canary", "--dump-dom")
    assert done.returncode == 0 and "canary" in done.stdout
    assert page_requests == ["http://canary.invalid/pixel.png"]
    assert "GET http://canary.invalid/pixel.png HTTP/1.1" in trapped  # it reached the trap, not the network
