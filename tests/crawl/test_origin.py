"""Origin = scheme + host + port, everywhere; and one site, one host (the origin learnt at start)."""
from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from scrapy import exceptions as scrapy_errors
from twisted.internet import error as twisted_errors

from ipgirl_crawler.discovery.origin import SiteOrigin, is_sibling, learn
from ipgirl_crawler.discovery.reachability import unreachable
from ipgirl_crawler.discovery.urls import Origin, origin_of
from tests.localsite import offsite
from tests.localsite.server import LocalSite
from tests.support.crawl_check import score
from tests.support.operations import articles, run_entrypoint


def _origin(url: str) -> Origin:
    found = origin_of(url)
    assert found is not None
    return found


@pytest.mark.parametrize(("candidate", "configured", "expected"), [
    ("https://www.ipgirl.com", "https://ipgirl.com", True),
    ("https://ipgirl.com", "https://www.ipgirl.com", True),
    ("https://www.ipgirl.com", "http://ipgirl.com", True),  # upgraded to https on default ports
    ("http://www.ipgirl.com", "https://www.ipgirl.com", False),  # never downgraded
    ("http://127.0.0.1:8800", "http://localhost:8800", True),
    ("http://127.0.0.1:8801", "http://localhost:8800", False),
    ("https://cdn.ipgirl.com", "https://www.ipgirl.com", False),
    ("https://evil.example", "https://www.ipgirl.com", False),
    ("http://127.0.0.1:8800", "http://192.168.1.2:8800", False),
])
def test_is_sibling(candidate: str, configured: str, expected: bool) -> None:
    assert is_sibling(_origin(candidate), _origin(configured)) is expected


@pytest.mark.parametrize(("configured", "final", "canonical", "origin", "stops"), [
    ("http://localhost:8800", "http://localhost:8800/fr/", "http://127.0.0.1:8800/fr/", "http://127.0.0.1:8800", False),
    ("https://ipgirl.com", "https://www.ipgirl.com/fr/", None, "https://www.ipgirl.com", False),
    ("https://ipgirl.com", "https://www.ipgirl.com/fr/", "https://www.ipgirl.com/fr/", "https://www.ipgirl.com", False),
    ("https://www.ipgirl.com", "https://www.ipgirl.com/fr/", "https://www.ipgirl.com/fr/", "https://www.ipgirl.com", False),
    ("https://www.ipgirl.com", "https://www.ipgirl.com/fr/", None, "https://www.ipgirl.com", False),
    ("http://127.0.0.1:8800", "http://127.0.0.1:8800/fr/", "http://127.0.0.1:8801/fr/", None, True),
    ("https://www.ipgirl.com", "https://www.ipgirl.com/fr/", "https://mirror.example/fr/", None, True),
])
def test_learn(configured: str, final: str, canonical: str | None, origin: str | None, stops: bool) -> None:
    learnt = learn(configured, final, canonical)
    assert (learnt.site is None) is stops
    if learnt.site is not None:
        assert learnt.site.base_url == origin
    else:
        assert learnt.message and "base_url=" in learnt.message


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:8800/fr/ai/1-x", "http://127.0.0.1:8800/fr/ai/1-x"),
    ("http://localhost:8800/fr/ai/1-x?page=2", "http://127.0.0.1:8800/fr/ai/1-x?page=2"),
    ("http://localhost:8801/fr/ai/1-x", None),
    ("http://user@localhost:8800/fr/ai/1-x", None),
    ("https://127.0.0.1:8800/fr/", None),
])
def test_site_origin_reads_aliases_as_its_own(url: str, expected: str | None) -> None:
    site = SiteOrigin.of("http://127.0.0.1:8800", _origin("http://localhost:8800"))
    assert site.on_site(url) == expected


def test_an_https_site_reads_its_plain_http_links_as_its_own() -> None:
    site = SiteOrigin.of("https://www.ipgirl.com")
    assert site.on_site("http://www.ipgirl.com/fr/ai/1-x") == "https://www.ipgirl.com/fr/ai/1-x"
    assert site.on_site("http://ipgirl.com/fr/ai/1-x") is None


def _stats(data: Path) -> dict[str, Any]:
    [path] = data.glob("articles/run_date=*/*.stats.json")
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def offsite_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("origin")
    with LocalSite(n_articles=60, seed=61) as other, LocalSite(n_articles=60, seed=61) as site:
        targets = offsite.install(site, other.base_url)
        done = run_entrypoint(site.base_url, work / "state", work / "data", "-s", f"LOG_FILE={work / 'crawl.log'}")
        return {"done": done, "other": other.requests(), "targets": targets, "site": site.base_url,
                "items": articles(work / "data"), "stats": _stats(work / "data"), "expected": site.expected_items(),
                "log": (work / "crawl.log").read_text("utf-8")}


def test_no_request_reaches_another_port_or_a_subdomain(offsite_crawl: dict[str, Any]) -> None:
    assert offsite_crawl["done"].returncode == 0, offsite_crawl["done"].stderr[-2000:]
    assert offsite_crawl["other"] == []  # not robots.txt, not a sitemap, not an article
    stats = offsite_crawl["stats"]
    assert stats["ipgirl/origin/filtered_requests"] == 2  # the two redirects' next hops
    assert not any(key.startswith("ipgirl/failures/DNS") for key in stats)  # www.127.0.0.1 was never looked up
    for what in ("offsite_sitemap", "offsite_sitemap_entry"):
        assert stats[f"ipgirl/discovery/{what}"] >= 1, what


def test_translations_and_cards_keep_only_the_sites_origin(offsite_crawl: dict[str, Any]) -> None:
    item = next(i for i in offsite_crawl["items"] if i["url"].endswith(offsite.ARTICLE))
    assert item["translations"] == {"fr": f"{offsite_crawl['site']}/fr/ai/91000-fr"}
    assert item["related"] == []
    for other in offsite_crawl["items"]:
        for url in [*other["translations"].values(), *(card["url"] for card in other["related"])]:
            assert url.startswith(offsite_crawl["site"] + "/"), url


def test_the_normal_articles_are_all_there(offsite_crawl: dict[str, Any]) -> None:
    normal = [i for i in offsite_crawl["items"] if not i["url"].endswith(offsite.ARTICLE)]
    result = score(normal, offsite_crawl["expected"])
    assert not result.missing and not result.unexpected and not result.duplicates, result.summary()


def test_a_crawl_under_an_alias_learns_the_origin_and_loses_nothing(tmp_path: Path) -> None:
    with LocalSite(n_articles=40, seed=1) as site:  # its links and canonical URLs say 127.0.0.1
        done = run_entrypoint(site.alt_base_url, tmp_path / "state", tmp_path / "data")
        expected = site.expected_items()
        hosts = {(r["host"], r["path"]) for r in site.requests() if r["host"].startswith("localhost")}
    assert done.returncode == 0, done.stderr[-2000:]
    result = score(articles(tmp_path / "data"), expected)
    assert not result.missing and not result.unexpected and not result.duplicates, result.summary()
    assert result.accuracy == 1.0, result.summary()
    assert _stats(tmp_path / "data")["ipgirl/origin/learnt"] == site.base_url
    assert {path for _, path in hosts} <= {"/robots.txt", "/en/"}  # the alias: only the start-up probe


def test_a_home_page_naming_another_site_stops_the_crawl_at_start(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=2) as other, LocalSite(n_articles=20, seed=2) as site:
        home = site.app.route("/en/", {}).body.decode().replace(f'href="{site.base_url}/en/"', f'href="{other.base_url}/en/"')
        site.extra_routes["/en/"] = (200, home.encode(), {"Content-Type": "text/html; charset=utf-8"})
        done = run_entrypoint(site.base_url, tmp_path / "state", tmp_path / "data", "-a", "languages=en",
                              "-s", f"LOG_FILE={tmp_path / 'crawl.log'}")
        assert other.requests() == []
        fetched = [r["path"] for r in site.requests()]
    assert done.returncode == 1
    assert "finish reason origin_mismatch" in done.stderr
    log = (tmp_path / "crawl.log").read_text("utf-8")
    assert f"Stopping at start: the home page of {site.base_url} names {other.base_url} as its own" in log
    assert f"-a base_url={other.base_url}" in log
    assert set(fetched) <= {"/robots.txt", "/en/"}


def test_a_home_page_redirecting_to_another_site_stops_the_crawl_at_start(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=3) as other, LocalSite(n_articles=20, seed=3) as site:
        site.extra_routes["/en/"] = (302, b"", {"Location": f"{other.base_url}/en/"})
        done = run_entrypoint(site.base_url, tmp_path / "state", tmp_path / "data", "-a", "languages=en",
                              "-s", f"LOG_FILE={tmp_path / 'crawl.log'}")
        assert other.requests() == []
    assert done.returncode == 1 and "finish reason origin_mismatch" in done.stderr
    assert f"Stopping at start: the home page {site.base_url}/en/ redirects to another site" in \
        (tmp_path / "crawl.log").read_text("utf-8")


def test_links_to_another_name_of_the_host_are_counted_and_named(offsite_crawl: dict[str, Any]) -> None:
    # the local site's footer links to its mirror, http://localhost:PORT: left out, not silently
    assert offsite_crawl["stats"]["ipgirl/origin/sibling_links"] > 0
    alias = offsite_crawl["site"].replace("127.0.0.1", "localhost")
    assert f"Links to {alias}, another name of {offsite_crawl['site']}, are left out" in offsite_crawl["log"]


# -- a site that does not answer -------------------------------------------------------------------

@pytest.mark.parametrize(("error", "expected"), [
    (scrapy_errors.DownloadConnectionRefusedError("refused"), "connection refused"),
    (twisted_errors.ConnectionRefusedError(), "connection refused"),
    (twisted_errors.DNSLookupError(), "host name not found"),
    (scrapy_errors.DownloadTimeoutError("slow"), "connection timed out"),
    (ValueError("a bug of ours"), None),  # not the site's fault: no "unreachable" verdict
    (scrapy_errors.ResponseDataLossError("cut"), None),  # it answered
])
def test_what_a_connection_error_says_of_the_site(error: Exception, expected: str | None) -> None:
    assert unreachable(error) == expected


def test_nothing_listening_at_the_base_url_stops_at_start_naming_it(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        base_url = f"http://127.0.0.1:{probe.getsockname()[1]}"
        done = run_entrypoint(base_url, tmp_path / "s", tmp_path / "d", timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    summary = done.stderr.splitlines()[-1]
    assert f"site unreachable: connection refused at {base_url}" in summary, summary
    assert "finish reason site_unreachable" in summary
