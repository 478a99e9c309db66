"""Drift monitors: the pure checks over a run's stats and the site's previous runs, table-driven."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.monitoring import drift
from ipgirl_crawler.monitoring.monitors import evaluate
from ipgirl_crawler.monitoring.thresholds import default_thresholds
from ipgirl_crawler.run.state import StateStore

LIMITS = drift.default_limits()
D = "ipgirl/discovery/"
HEALTHY: dict[str, Any] = {
    "finish_reason": "finished", D + "article_responses": 100, "response_received_count": 150,
    "item_scraped_count": 100, "ipgirl/validate/checked": 100, D + "article_shaped": 100,
    drift.SITEMAP_ARTICLES: 90, drift.SITEMAP_READ: 90,
    "ipgirl/validate/missing/tags": 20, "ipgirl/validate/missing/summary": 5,
}
EXAMPLE = "http://127.0.0.1/en/ai/1-a"


@pytest.mark.parametrize(("changes", "failed_about"), [
    ({}, []),
    ({D + "article_shaped_not_article": 5}, []),  # 5 %: at the limit
    ({D + "article_shaped_not_article": 6}, ["6 of 100 article pages (6%) not read as articles"]),
    ({"ipgirl/validate/dropped": 30}, ["30 of 100 article pages (30%) not read"]),
    # pages read as no article that show a title and text are lost articles: 1 % at most (held-out AA: 6 of 120
    # CJK posts dropped, 5 %, and the run exited 0)
    ({D + "article_shaped_not_article": 5, drift.NOT_ARTICLE_SHOWN: 5},
     ["5 of 100 article pages (5%) show a title and a body of text but were read as no article (maximum 1%)"]),
    ({D + "article_shaped_not_article": 2, drift.NOT_ARTICLE_SHOWN: 2},
     ["2 of 100 article pages (2%) show a title and a body of text"]),
    ({D + "article_shaped_not_article": 1, drift.NOT_ARTICLE_SHOWN: 1}, []),  # 1 %: at the limit
    # negatives: pages with no text of an article (a removed article's notice) are the 5 % rule's
    ({D + "article_shaped_not_article": 4}, []),
    ({D + "article_shaped": 10, D + "article_shaped_not_article": 5, drift.SITEMAP_ARTICLES: 10,
      drift.SITEMAP_READ: 5}, []),  # too few pages to judge
    ({drift.SITEMAP_READ: 81}, []),  # 90 %
    ({drift.SITEMAP_READ: 80}, ["80 of the 90 articles the sitemaps list were read (88.9%, minimum 90%)"]),
    ({"ipgirl/body/second_opinion/agreed": 95, "ipgirl/body/second_opinion/fallback": 5}, []),
    ({"ipgirl/body/second_opinion/agreed": 80, "ipgirl/body/second_opinion/fallback": 20},
     ["fallback on 20 of 100 pages (20%"]),
    ({"ipgirl/body/second_opinion/agreed": 70, "ipgirl/body/second_opinion/flagged": 30},
     ["flagged on 30 of 100 pages (30%"]),
    ({"ipgirl/body/second_opinion/agreed": 5, "ipgirl/body/second_opinion/flagged": 5}, []),  # too few
    # flagged pages the site vouches for (held-out V: 15 of 120, every body right) are no drift…
    ({"ipgirl/body/second_opinion/agreed": 70, "ipgirl/body/second_opinion/flagged": 30, drift.VOUCHED: 25}, []),
    # …the others still are (W: 42 flagged, 5 vouched)
    ({"ipgirl/body/second_opinion/agreed": 70, "ipgirl/body/second_opinion/flagged": 30, drift.VOUCHED: 5},
     ["flagged on 25 of 100 pages (25%, maximum 10%): kept our body though the generic extractor disagrees "
      "and the site vouches for none of them (5 more it does)"]),
    ({"ipgirl/body/second_opinion/agreed": 70, "ipgirl/body/second_opinion/fallback": 30, drift.VOUCHED: 30},
     ["fallback on 30 of 100 pages (30%"]),  # a vouched count never excuses the fallback
    ({"ipgirl/body/second_opinion/agreed": 80, "ipgirl/body/second_opinion/fallback": 20,
      "ipgirl/drift/examples/body_fallback": [EXAMPLE]}, [f"(ours missing or far off); e.g. {EXAMPLE}"]),
    ({D + "article_shaped_not_article": 40, drift.SITEMAP_READ: 50, "ipgirl/drift/examples/not_article": [EXAMPLE]},
     [f"not read as articles (maximum 5%); e.g. {EXAMPLE}", f"were read (55.6%, minimum 90%); e.g. {EXAMPLE}"]),
])
def test_drift_checks_without_history(changes: dict[str, Any], failed_about: list[str]) -> None:
    failed = drift.drift_failures({**HEALTHY, **changes}, default_thresholds())
    assert len(failed) == len(failed_about), failed
    for message, about in zip(failed, failed_about, strict=True):
        assert message.startswith("drift: ") and about in message


def run(tags: float, items: int = 100, healthy: bool = True, **coverage: float) -> dict[str, Any]:
    return {"healthy": healthy, "items": items, "coverage": {"tags": tags, "summary": 0.95, **coverage}}


TAGS_OK = [run(0.8), run(0.82), run(0.78)]


@pytest.mark.parametrize(("history", "changes", "failed_about"), [
    (TAGS_OK, {}, []),  # tags at 80 %, as before
    (TAGS_OK, {"ipgirl/validate/missing/tags": 34}, []),  # 66 %: 14 points down, within tolerance
    (TAGS_OK, {"ipgirl/validate/missing/tags": 60}, ["field tags present in 40% of 100 items, down from 80% "
                                                     "(median of the last 3 healthy runs)"]),
    ([run(0.8)], {"ipgirl/validate/missing/tags": 60}, []),  # one run is not a history yet
    ([run(0.8, healthy=False), run(0.8, healthy=False)], {"ipgirl/validate/missing/tags": 60}, []),
    ([run(0.8, items=40), run(0.8, items=40)], {"ipgirl/validate/missing/tags": 60}, []),  # too small to compare
    (TAGS_OK, {"ipgirl/validate/checked": 40, "item_scraped_count": 40, "ipgirl/validate/missing/tags": 30}, []),
    # 50 items: a smaller sample varies more (3 sigma of p=0.8, n=50 is 17 points)
    (TAGS_OK, {"ipgirl/validate/checked": 50, "ipgirl/validate/missing/tags": 18}, []),
    (TAGS_OK, {"ipgirl/validate/checked": 50, "ipgirl/validate/missing/tags": 20}, ["field tags present in 60% of 50"]),
    # the median, not the mean: one odd run does not move the baseline
    ([run(0.8), run(0.1), run(0.8)], {"ipgirl/validate/missing/tags": 60}, ["down from 80%"]),
    (TAGS_OK, {"ipgirl/validate/missing/tags": 60, "ipgirl/drift/examples/missing/tags": [EXAMPLE, EXAMPLE + "2"]},
     [f"; e.g. {EXAMPLE}, {EXAMPLE}2"]),
    (TAGS_OK, {"ipgirl/validate/missing/images": 100}, []),  # a field no past run measured
])
def test_coverage_against_history(history: list[dict[str, Any]], changes: dict[str, Any],
                                  failed_about: list[str]) -> None:
    failed = drift.history_failures({**HEALTHY, **changes}, history, LIMITS)
    assert len(failed) == len(failed_about), failed
    for message, about in zip(failed, failed_about, strict=True):
        assert about in message


def scoped(tags: float, scope: str) -> dict[str, Any]:
    return {**run(tags), "counts": {"scope": scope}}


SLICE = {"ipgirl/validate/checked": 60, "ipgirl/discovery/article_responses": 1000, "ipgirl/validate/missing/tags": 24}


@pytest.mark.parametrize(("history", "changes", "failed_about"), [
    # new articles (a slice) without tags more often than the archive: compared with earlier slices
    ([scoped(0.8, "site"), scoped(0.8, "site"), scoped(0.6, "slice"), scoped(0.62, "slice")], SLICE, []),
    # ... but with the whole-site runs while fewer than 2 slices are known
    ([scoped(0.8, "site"), scoped(0.8, "site"), scoped(0.6, "slice")], {**SLICE, "ipgirl/validate/missing/tags": 40},
     ["down from 80% (median of the last 3 healthy runs)"]),
    ([scoped(0.8, "site"), scoped(0.8, "site"), scoped(0.6, "slice"), scoped(0.6, "slice")],
     {**SLICE, "ipgirl/validate/missing/tags": 50}, ["present in 16.7% of 60 items, down from 60%"]),
])
def test_a_slice_is_compared_with_slices(history: list[dict[str, Any]], changes: dict[str, Any],
                                         failed_about: list[str]) -> None:
    failed = drift.history_failures({**HEALTHY, **changes}, history, LIMITS)
    assert len(failed) == len(failed_about), failed
    for message, about in zip(failed, failed_about, strict=True):
        assert about in message


@pytest.mark.parametrize(("stats", "scope"), [
    ({}, "site"), ({"ipgirl/validate/checked": 150, "ipgirl/discovery/article_responses": 169}, "site"),
    ({"ipgirl/validate/checked": 75, "ipgirl/discovery/article_responses": 169}, "slice"),
    ({"ipgirl/discovery/article_responses": 169}, "slice"),  # all 304
])
def test_run_scope(stats: dict[str, Any], scope: str) -> None:
    assert drift.run_scope(stats) == scope
    assert drift.history_record({**stats, "finish_reason": "finished"}, [])["counts"]["scope"] == scope


def test_history_check_fails_a_run_the_fixed_thresholds_pass() -> None:
    stats = {**HEALTHY, "ipgirl/validate/missing/tags": 60}
    assert evaluate(stats, default_thresholds()) == []
    assert [m for m in evaluate(stats, default_thresholds(), TAGS_OK) if "field tags" in m]


@pytest.mark.parametrize(("rate", "shown"), [(0.3, "30%"), (0.05, "5%"), (0.896, "89.6%"), (0.8966, "89.7%"),
                                             (1.0, "100%"), (0.0, "0%"), (0.1234, "12.3%")])
def test_percent(rate: float, shown: str) -> None:
    assert drift.percent(rate) == shown


@pytest.mark.parametrize(("baseline", "items", "allowed"), [
    (1.0, 50, 0.15), (0.0, 50, 0.15), (0.5, 10_000, 0.15), (0.5, 50, 3 * (0.25 / 50) ** 0.5), (0.8, 100, 0.15),
])
def test_allowed_drop(baseline: float, items: int, allowed: float) -> None:
    assert drift.allowed_drop(baseline, items, LIMITS) == pytest.approx(allowed)


@pytest.mark.parametrize(("stats", "items", "coverage"), [
    ({}, 0, {}),
    ({"item_scraped_count": 10}, 10, {"tags": 1.0}),
    ({"ipgirl/validate/checked": 40, "item_scraped_count": 10, "ipgirl/validate/missing/tags": 10}, 40, {"tags": 0.75}),
    ({"ipgirl/validate/checked": 10, "ipgirl/validate/invalid/title": 1, "ipgirl/validate/missing/title": 1},
     10, {"title": 0.8}),
])
def test_run_coverage(stats: dict[str, Any], items: int, coverage: dict[str, float]) -> None:
    counted, shares = drift.run_coverage(stats)
    assert counted == items
    for field, share in coverage.items():
        assert shares[field] == pytest.approx(share)


def test_overridden_thresholds_keep_the_drift_defaults() -> None:
    limits = drift.drift_limits({"drift": {"max_not_article_rate": 0.5}})
    assert limits["max_not_article_rate"] == 0.5 and limits["min_pages"] == LIMITS["min_pages"]
    assert drift.drift_limits({}) == LIMITS


class Stats(dict):
    get_value, set_value = dict.get, dict.__setitem__

    def inc_value(self, key: str, count: int = 1) -> None:
        self[key] = self.get(key, 0) + count


def test_examples_are_few_and_distinct() -> None:
    stats = Stats()
    for number in [1, 1, 2, 3, 4, 5, 6, 7]:
        drift.record_example(stats, "not_article", f"{EXAMPLE}{number}")
    drift.record_example(stats, "not_article", None)
    assert stats["ipgirl/drift/examples/not_article"] == [f"{EXAMPLE}{n}" for n in range(1, 6)]
    assert drift.examples_text(stats, "not_article") == f"; e.g. {EXAMPLE}1, {EXAMPLE}2, {EXAMPLE}3"
    assert drift.examples_text(stats, "missing/tags") == ""


def test_a_page_s_opinion_is_read_from_its_counts() -> None:
    assert drift.body_opinion({"ipgirl/body/second_opinion/flagged": 1, "ipgirl/body/agreement/5": 1}) == "flagged"
    assert drift.body_opinion({"ipgirl/body/second_opinion/agreed": 1}) == "agreed"
    assert drift.body_opinion({"ipgirl/body/agreement/5": 1}) is None  # no generic body asked


@pytest.mark.parametrize(("counts", "kinds"), [
    ({"ipgirl/body/second_opinion/agreed": 1}, []),
    ({"ipgirl/body/second_opinion/fallback": 1}, ["body_fallback"]),
    ({"ipgirl/body/second_opinion/flagged": 1, "ipgirl/body/agreement/5": 1}, ["body_flagged"]),
])
def test_a_page_s_counts_are_added_and_pages_the_second_opinion_doubted_are_examples(
        counts: dict[str, int], kinds: list[str]) -> None:
    stats = Stats()
    drift.count_page(stats, counts, EXAMPLE)
    drift.count_page(stats, counts, EXAMPLE)  # the same page twice: counted twice, an example once
    assert stats == {**{key: 2 * n for key, n in counts.items()}, **{drift.EXAMPLES + kind: [EXAMPLE] for kind in kinds}}


def test_the_state_keeps_each_run_s_coverage(tmp_path: Any) -> None:
    store = StateStore(tmp_path)
    for run_id, healthy in (("20261120T120000Z", True), ("20261121T120000Z", False), ("20261122T120000Z", True)):
        store.record_run_history(run_id, healthy, 100, {"tags": 0.8}, {"item_scraped_count": 100})
    store.record_run_history("20261122T120000Z", True, 120, {"tags": 0.7}, {})  # a resumed run: replaced
    runs = store.run_history(10)
    assert [(r["run_id"], r["healthy"], r["items"]) for r in runs] == [
        ("20261120T120000Z", True, 100), ("20261121T120000Z", False, 100), ("20261122T120000Z", True, 120)]
    assert runs[-1]["coverage"] == {"tags": 0.7}
    assert [r["run_id"] for r in store.run_history(10, before="20261122T120000Z")] == ["20261120T120000Z", "20261121T120000Z"]
    assert [r["run_id"] for r in store.run_history(1)] == ["20261122T120000Z"]
    store.close()


def test_the_history_section_of_the_report() -> None:
    import lxml.html

    from ipgirl_crawler.monitoring.history_report import history_section

    runs = [{"run_id": "20261120T120000Z", "healthy": True, "items": 150, "coverage": {"tags": 0.8, "title": 1.0},
             "counts": {"article_shaped": 150, "not_article": 0, "body_agreed": 150}},
            {"run_id": "20261121T120000Z-worker-1", "healthy": True, "items": 0, "coverage": {}, "counts": {}},
            {"run_id": "20261122T120000Z", "healthy": False, "items": 100, "coverage": {"tags": 0.1, "title": 1.0},
             "counts": {"article_shaped": 120, "not_article": 15, "dropped": 3, "body_agreed": 80, "body_fallback": 20}}]
    doc = lxml.html.fromstring(history_section({drift.HISTORY_KEY: runs}))
    assert [th.text_content() for th in doc.xpath("//thead//th")] == [
        "field", "trend", "11-20 12:00", "11-21 12:00 worker-1", "11-22 12:00"]
    rows = {tr.xpath("./td")[0].text_content(): [td.text_content() for td in tr.xpath("./td")[2:]]
            for tr in doc.xpath("//tbody/tr")}
    assert rows["verdict"] == ["healthy", "healthy", "failed"] and rows["items read"] == ["150", "0", "100"]
    assert rows["tags"] == ["80", "—", "10"] and rows["title"] == ["100", "—", "100"]
    assert rows["% not read as articles"] == ["0", "—", "15"] and rows["% body fallback"] == ["0", "—", "20"]
    assert "url" not in rows  # a field no run measured has no row
    spark = doc.xpath("//svg[@id='spark-tags']")[0]
    assert spark.get("aria-label") == "tags: 80%, —, 10%" and len(spark.xpath("./polyline")[0].get("points").split()) == 2
    assert "No run history" in history_section({})
