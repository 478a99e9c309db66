"""End to end: ``scrapy crawl ipgirl`` as a subprocess against the local site server."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.localsite import ALL_ERAS
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, SCRAPY, read_jsonl, run_crawl, score

DISALLOWED = re.compile(r"^/[a-z]{2}/search|/print/?(?:\?|$)")


@pytest.fixture(scope="module")
def full_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("e2e")
    with LocalSite(n_articles=450, seed=7, log_path=work / "requests.jsonl", eras=ALL_ERAS) as site:
        done = run_crawl(site.base_url, work / "out.jsonl", work / "state", log=work / "crawl.log")
        return {"done": done, "items": read_jsonl(work / "out.jsonl"), "expected": site.expected_items(),
                "requests": site.requests(), "log": (work / "crawl.log").read_text("utf-8"),
                "raw": (work / "out.jsonl").read_text("utf-8"), "host": site.base_url.split("//")[1]}


def test_crawl_exits_cleanly(full_crawl: dict[str, Any]) -> None:
    assert full_crawl["done"].returncode == 0, full_crawl["done"].stderr[-2000:]
    assert "Traceback" not in full_crawl["log"]
    assert "'finish_reason': 'finished'" in full_crawl["log"]


def test_every_article_exactly_once_every_field_right(full_crawl: dict[str, Any]) -> None:
    result = score(full_crawl["items"], full_crawl["expected"])
    assert not result.missing and not result.unexpected and not result.duplicates, result.summary()
    assert not result.wrong, result.summary()


def test_output_is_utf8_json_lines_with_contract_fields(full_crawl: dict[str, Any]) -> None:
    assert "\\u" not in full_crawl["raw"]
    first = full_crawl["items"][0]
    assert list(first)[:3] == ["url", "fetched_url", "article_id"]
    assert not any(key.startswith("raw_") for item in full_crawl["items"] for key in item)


def test_no_disallowed_path_and_no_other_host(full_crawl: dict[str, Any]) -> None:
    requests = full_crawl["requests"]
    assert requests, "the server logged nothing"
    assert not [r["path"] for r in requests if DISALLOWED.search(r["path"])]
    assert {r["host"] for r in requests} == {full_crawl["host"]}


def test_each_article_fetched_once(full_crawl: dict[str, Any]) -> None:
    fetched = [r["path"] for r in requests_with_status(full_crawl["requests"], 200) if re.match(r"^/[a-z]{2}/[a-z-]+/\d+", r["path"])]
    assert len(fetched) == len(set(fetched))
    assert set(fetched) == {urlsplit(item["url"]).path for item in full_crawl["expected"]}


def requests_with_status(requests: list[dict[str, Any]], status: int) -> list[dict[str, Any]]:
    return [r for r in requests if r.get("status") == status]


def test_languages_argument_limits_the_crawl(tmp_path: Path) -> None:
    with LocalSite(n_articles=120, seed=3, log_path=tmp_path / "requests.jsonl") as site:
        done = run_crawl(site.base_url, tmp_path / "out.jsonl", tmp_path / "state", "-a", "languages=fr,ja")
        expected = [i for i in site.expected_items() if i["language"] in ("fr", "ja")]
        paths = [r["path"] for r in site.requests()]
    assert done.returncode == 0
    items = read_jsonl(tmp_path / "out.jsonl")
    assert sorted(i["url"] for i in items) == sorted(i["url"] for i in expected)
    assert all(re.match(r"^/(fr|ja)/|^/robots\.txt|^/sitemap", p) for p in paths), paths


@pytest.mark.parametrize("base_url", ["ftp://127.0.0.1", "not a url", "http://127.0.0.1:8000/fr/"])
def test_bad_base_url_stops_at_once_with_one_line(base_url: str, tmp_path: Path) -> None:
    done = subprocess.run([str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={base_url}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("ipgirl:")]
    assert len(errors) == 1 and "base_url" in errors[0]
    assert "Traceback" not in done.stderr
