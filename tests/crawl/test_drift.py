"""Loud on drift, through ``ipgirl-crawl`` on a real local site: a healthy site never trips the
monitors (twice in a row, incremental), a site whose pages moved to markup the crawler cannot
read exits 1 naming the drift, and a field that suddenly drops fails on the site's history even
where the fixed thresholds pass. The report shows each field's coverage over the last runs."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from ipgirl_crawler.monitoring.monitors import evaluate
from ipgirl_crawler.run.state import StateStore, site_state_dir
from tests.crawl.test_report import CHROMIUM, run_chromium
from tests.localsite.drift import client_side_rendering, tags_by_script, text_as_images
from tests.localsite.server import LocalSite
from tests.support.operations import run_entrypoint


def run_files(data: Path) -> tuple[dict[str, Any], Path]:
    stats_file = next(data.glob("articles/run_date=*/*.stats.json"))
    return json.loads(stats_file.read_text("utf-8")), stats_file.with_name(stats_file.name.replace(".stats.json", ".report.html"))


def last_line(done: Any) -> str:
    return done.stderr.strip().splitlines()[-1]


def test_healthy_twice_then_a_field_drops_and_the_history_check_fails(tmp_path: Path) -> None:
    state = tmp_path / "s"
    with LocalSite(n_articles=150, seed=31) as site:
        for number, extra in ((1, ()), (2, ()), (3, ("-a", "full=1"))):  # 2: incremental, nothing to emit
            done = run_entrypoint(site.base_url, state, tmp_path / f"d{number}", *extra)
            assert done.returncode == 0, done.stderr[-3000:]
            assert last_line(done).startswith("ipgirl-crawl: healthy:")
        # The tag block of half the pages is now drawn by a script: their tags vanish, nothing else.
        tags_by_script(site, share=0.5)
        done = run_entrypoint(site.base_url, state, tmp_path / "d4")
    assert done.returncode == 1, done.stderr[-3000:]
    summary = last_line(done)
    assert "UNHEALTHY" in summary and "drift: field tags present in 0% of 75 items, down from" in summary
    assert "(median of the last 2 healthy runs); e.g. http://127.0.0.1:" in summary
    assert [line for line in done.stderr.splitlines() if "ERROR: Monitor failed: drift: field tags" in line]
    stats, report = run_files(tmp_path / "d4")
    assert evaluate(stats) == []  # the fixed thresholds alone would have passed this run

    store = StateStore(site_state_dir(state, site.base_url))
    runs = store.run_history(10)
    store.close()
    assert [(run["healthy"], run["items"]) for run in runs] == [(True, 150), (True, 0), (True, 150), (False, 75)]
    assert runs[0]["coverage"]["tags"] == runs[2]["coverage"]["tags"] > 0.6 and runs[3]["coverage"]["tags"] == 0

    doc = lxml.html.fromstring(report.read_text("utf-8"))
    rows = {row.xpath("./td")[0].text_content(): [td.text_content() for td in row.xpath("./td")[2:]]
            for row in doc.xpath("//section[@id='coverage-history']//tbody/tr")}
    assert rows["verdict"] == ["healthy", "healthy", "healthy", "failed"]
    assert rows["items read"] == ["150", "0", "150", "75"]
    assert rows["tags"][0] == rows["tags"][2] != "0" and rows["tags"][1] == "—" and rows["tags"][3] == "0"
    assert rows["title"] == ["100", "—", "100", "100"]
    assert doc.xpath("//svg[@id='spark-tags']/polyline")
    if CHROMIUM.exists():  # the section renders in a real browser, loading nothing
        shown, page_requests, _ = run_chromium(report.as_uri(), tmp_path / "dom", "--dump-dom")
        assert shown.returncode == 0 and page_requests == []
        assert "Field coverage over the last runs" in shown.stdout and 'id="spark-tags"' in shown.stdout


@pytest.mark.parametrize("rewrite", [client_side_rendering, text_as_images])
def test_a_share_of_pages_in_unreadable_markup_fails_the_run(rewrite: Any, tmp_path: Path) -> None:
    """30 % of the pages moved to markup the crawler cannot read: the article only in a JSON state
    blob, or every paragraph an image of its text (some of those pages still give an item)."""
    with LocalSite(n_articles=150, seed=32) as site:
        moved = rewrite(site, share=0.3)
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d")
    assert done.returncode == 1, done.stderr[-3000:]
    summary = last_line(done)
    assert summary.startswith("ipgirl-crawl: UNHEALTHY: ")
    moved_paths = {site.site.by_id[article_id].path for article_id in moved}
    stats, report = run_files(tmp_path / "d")
    cited = re.findall(r"e\.g\. ([^;]+)", summary)
    examples = [url for group in cited for url in group.split(", ")]
    # Every failure names pages that moved: a moved page is not read as an article, or read with
    # fields missing (a page whose paragraphs are images still has its headings and lists).
    assert examples and all(url.removeprefix(site.base_url) in moved_paths for url in examples), summary
    if rewrite is client_side_rendering:  # not one of them is read as an article
        assert "UNHEALTHY: 105 items" in summary and "drift: 45 of 150 article pages (30%)" in summary
        assert "not read as articles (maximum 5%); e.g. http://" in summary
        assert "articles the sitemaps list were read" in summary
        assert 0 < stats["ipgirl/discovery/article_shaped_not_article"] <= len(moved) == 45
        assert "not read as articles" in report.read_text("utf-8")  # the report's headline lists the failures
