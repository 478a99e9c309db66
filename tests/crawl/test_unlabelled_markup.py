"""Markup nobody here described (issue 10): eras J, K, L (labels gone), M (client-side rendering)
and N, O (two 2020s designs a helper wrote blind, without reading the parser: the parser was then
mended on what they showed) through ``ipgirl-crawl``."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from tests.localsite import LocalSite
from tests.support.crawl_check import score
from tests.support.operations import articles, run_entrypoint

NEW_ERAS = "J,K,L,M,N,O"


@pytest.fixture(scope="module")
def new_eras_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("unlabelled")
    with LocalSite(n_articles=480, seed=31, eras=NEW_ERAS) as site:
        done = run_entrypoint(site.base_url, work / "state", work / "data", "-s", f"LOG_FILE={work / 'crawl.log'}")
        era_of = {a.path: a.era for a in site.site.articles}
        return {"done": done, "items": articles(work / "data"), "expected": site.expected_items(),
                "era_of": {site.base_url + path: era for path, era in era_of.items()}}


def test_ipgirl_crawl_exits_0_on_the_new_eras(new_eras_run: dict[str, Any]) -> None:
    assert new_eras_run["done"].returncode == 0, new_eras_run["done"].stdout[-2000:]


def test_every_article_of_every_new_era_found_once_and_right(new_eras_run: dict[str, Any]) -> None:
    result = score(new_eras_run["items"], new_eras_run["expected"])
    assert not result.missing and not result.unexpected and not result.duplicates, result.summary()
    assert result.accuracy >= 0.99, result.summary()
    by_era: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in new_eras_run["items"]:
        by_era[new_eras_run["era_of"][item["url"]]].append(item)
    assert set(by_era) == set(NEW_ERAS.split(","))
    for era, items in by_era.items():
        wanted = [e for e in new_eras_run["expected"] if new_eras_run["era_of"][e["url"]] == era]
        assert score(items, wanted).accuracy >= 0.99, (era, score(items, wanted).summary())


