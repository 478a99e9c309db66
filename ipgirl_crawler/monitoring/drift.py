"""Drift monitors: a run whose pages the crawler no longer reads the way it used to must fail.

Pure functions over the run's stats (and, for coverage, the site's previous runs kept in the
state, ``StateStore.run_history``); ``monitors.evaluate`` calls ``drift_failures``. Each failure is
one sentence naming the check, the rate and a few example URLs (kept in the stats while the
crawl runs, ``record_example``), so the summary line, the log and the report say what drifted.
"""
from __future__ import annotations

import json
import math
import statistics
from importlib import resources
from typing import Any

from ipgirl_crawler.items import CONTRACT_FIELDS

DISCOVERY = "ipgirl/discovery/"
ARTICLE_SHAPED = DISCOVERY + "article_shaped"  # article pages (at article URLs) handed to extraction
NOT_ARTICLE = DISCOVERY + "article_shaped_not_article"  # ... of which the page object saw no article
NOT_ARTICLE_SHOWN = NOT_ARTICLE + "/shows_article"  # ... of which show a title and a body of text all the same
# Distinct articles the site's sitemaps list, and those of them answered and read (item, 304,
# 404/410). A resumed run's segment lists and reads them all again (what it emitted before counts
# as read): across segments the largest count stands ("/max", run.segments), not the sum.
SITEMAP_ARTICLES = DISCOVERY + "sitemap_articles/max"
SITEMAP_READ = DISCOVERY + "sitemap_articles_read/max"
CHECKED = "ipgirl/validate/checked"  # items that reached contract validation (the coverage denominator)
DROPPED = "ipgirl/validate/dropped"  # ... of which had no usable title, body, id, language or url
MISSING, INVALID = "ipgirl/validate/missing/", "ipgirl/validate/invalid/"
OPINION = "ipgirl/body/second_opinion/"  # agreed / fallback / flagged, counted by the body's second opinion
EXAMPLES = "ipgirl/drift/examples/"
OPINION_OUTCOMES = ("agreed", "fallback", "flagged")
# Flagged pages whose body the site vouches for (its cards state its start, the body check verifies
# it; ``monitoring/verify_opinion``), counted by the cross-checks: no evidence of drift.
VOUCHED = OPINION + "flagged_vouched"
OPINION_EXAMPLES = ("fallback", "flagged")  # the second opinion's outcomes that drift messages name pages of
HISTORY_KEY = "ipgirl/history/runs"  # the runs this one was compared with, and itself: for the report
MAX_EXAMPLES = 5
SHOWN_EXAMPLES = 3


def default_limits() -> dict[str, Any]:
    text = resources.files("ipgirl_crawler").joinpath("data/monitors.json").read_text("utf-8")
    return json.loads(text)["drift"]


def drift_limits(thresholds: dict[str, Any]) -> dict[str, Any]:
    """The ``drift`` thresholds, defaults filled in for any an override leaves out."""
    return {**default_limits(), **(thresholds.get("drift") or {})}


# -- examples, recorded while the crawl runs -------------------------------------------------
def record_example(stats: Any, kind: str, url: str | None) -> None:
    """Keep ``url`` as an example of ``kind`` (``not_article``, ``missing/tags``…), up to MAX_EXAMPLES."""
    if not url:
        return
    key = EXAMPLES + kind
    examples = stats.get_value(key)
    if examples is None:
        stats.set_value(key, [url])
    elif len(examples) < MAX_EXAMPLES and url not in examples:
        examples.append(url)


def count_page(stats: Any, counts: dict[str, int], url: str | None) -> None:
    """A page's pipeline counts into the crawl's stats; a page whose body the second opinion fell
    back on or flagged is kept as an example of that kind."""
    for key, value in counts.items():
        stats.inc_value(key, value)
    for outcome in OPINION_EXAMPLES:
        if counts.get(OPINION + outcome):
            record_example(stats, "body_" + outcome, url)


def body_opinion(counts: dict[str, int]) -> str | None:
    """What the second opinion said of one page's body ("agreed", "fallback", "flagged"), from its counts."""
    return next((what for what in OPINION_OUTCOMES if counts.get(OPINION + what)), None)


def examples_text(stats: dict[str, Any], *kinds: str) -> str:
    """"; e.g. URL, URL" from the examples of ``kinds``; empty when none were kept."""
    urls: list[str] = []
    for kind in kinds:
        urls += [u for u in stats.get(EXAMPLES + kind) or [] if u not in urls]
    return f"; e.g. {', '.join(urls[:SHOWN_EXAMPLES])}" if urls else ""


# -- the checks -----------------------------------------------------------------------------
def percent(rate: float) -> str:
    """"30%" for a whole percentage, else one decimal ("89.6%": never rounded onto a threshold)."""
    return f"{rate:.0%}" if round(rate * 100, 1) == round(rate * 100) else f"{rate:.1%}"


def _count(stats: dict[str, Any], key: str) -> int:
    value = stats.get(key, 0)
    return value if isinstance(value, int) else 0


def not_article_failures(stats: dict[str, Any], limits: dict[str, Any]) -> list[str]:
    """Pages at article URLs (from a sitemap, listing or card) that gave no article, or an item
    without a usable title or body."""
    shaped = _count(stats, ARTICLE_SHAPED)
    unread = _count(stats, NOT_ARTICLE) + _count(stats, DROPPED)
    if shaped < limits["min_pages"] or unread / shaped <= limits["max_not_article_rate"]:
        return []
    return [f"drift: {unread} of {shaped} article pages ({percent(unread / shaped)}) not read as articles "
            f"(maximum {percent(limits['max_not_article_rate'])})" + examples_text(stats, "not_article", "dropped")]


def lost_article_failures(stats: dict[str, Any], limits: dict[str, Any]) -> list[str]:
    """Pages read as no article that show a title and a body of text (``workers.extraction.
    shows_an_article``): articles the reading lost, each one every field of an article wrong. Held
    to the 1 % a field may be wrong, not to the 5 % of pages a site may serve that are no articles
    (held-out AA: 6 of 120 posts dropped, 5 %, and the run exited 0)."""
    shaped, lost = _count(stats, ARTICLE_SHAPED), _count(stats, NOT_ARTICLE_SHOWN)
    if shaped < limits["min_pages"] or lost / shaped <= limits["max_lost_article_rate"]:
        return []
    return [f"drift: {lost} of {shaped} article pages ({percent(lost / shaped)}) show a title and a body of text "
            f"but were read as no article (maximum {percent(limits['max_lost_article_rate'])})"
            + examples_text(stats, "not_article_shows_article")]


def second_opinion_failures(stats: dict[str, Any], limits: dict[str, Any]) -> list[str]:
    """The generic extractor had to supply the body, or disagreed with ours, on too many pages (the
    flagged pages whose body the site vouches for, ``VOUCHED``, not counted)."""
    counts = {what: _count(stats, OPINION + what) for what in OPINION_OUTCOMES}
    total = sum(counts.values())
    if total < limits["min_pages"]:
        return []
    vouched = min(_count(stats, VOUCHED), counts["flagged"])
    counts["flagged"] -= vouched
    found = []
    for what, meaning in (("fallback", "used the generic extractor's body (ours missing or far off)"),
                          ("flagged", "kept our body though the generic extractor disagrees"
                                      + (f" and the site vouches for none of them ({vouched} more it does)"
                                         if vouched else ""))):
        rate, maximum = counts[what] / total, limits[f"max_body_{what}_rate"]
        if rate > maximum:
            found.append(f"drift: body second opinion {what} on {counts[what]} of {total} pages ({percent(rate)}, "
                         f"maximum {percent(maximum)}): {meaning}" + examples_text(stats, "body_" + what))
    return found


def sitemap_failures(stats: dict[str, Any], limits: dict[str, Any]) -> list[str]:
    """Too few of the articles the sitemaps list were read: an item (emitted or unchanged), a 304,
    or gone (404/410). Articles in no sitemap are not counted either way."""
    listed, read = _count(stats, SITEMAP_ARTICLES), _count(stats, SITEMAP_READ)
    if listed < limits["min_pages"] or read / listed >= limits["min_sitemap_read_rate"]:
        return []
    return [f"drift: {read} of the {listed} articles the sitemaps list were read ({percent(read / listed)}, "
            f"minimum {percent(limits['min_sitemap_read_rate'])})" + examples_text(stats, "not_article", "dropped")]


def run_coverage(stats: dict[str, Any]) -> tuple[int, dict[str, float]]:
    """(items validated, share of them with a value, per contract field) of this run."""
    items = _count(stats, CHECKED) or _count(stats, "item_scraped_count")
    if not items:
        return 0, {}
    return items, {field: max(0.0, 1 - (_count(stats, MISSING + field) + _count(stats, INVALID + field)) / items)
                   for field in CONTRACT_FIELDS}


def run_scope(stats: dict[str, Any]) -> str:
    """"site" when the run read most of the article pages it asked for (a first or full run, or a
    site that answers no 304), "slice" when it read only the new and changed ones."""
    return "slice" if 2 * _count(stats, CHECKED) < _count(stats, DISCOVERY + "article_responses") else "site"


def baseline_runs(history: list[dict[str, Any]], limits: dict[str, Any], scope: str = "site") -> list[dict[str, Any]]:
    """The last healthy runs with enough items to measure coverage, oldest first: those of the same
    scope when there are enough (new articles may differ from the archive), else any."""
    usable = [run for run in history if run.get("healthy") and run.get("items", 0) >= limits["history_min_items"]]
    alike = [run for run in usable if run.get("counts", {}).get("scope", "site") == scope]
    return (alike if len(alike) >= limits["history_min_runs"] else usable)[-limits["history_runs"]:]


def allowed_drop(baseline: float, items: int, limits: dict[str, Any]) -> float:
    """How far below its usual coverage a field may fall: the fixed tolerance, or more when the run
    has few items (a sample of ``items`` pages varies by about sqrt(p(1-p)/n))."""
    return max(limits["history_tolerance"], limits["history_sigmas"] * math.sqrt(baseline * (1 - baseline) / items))


def history_failures(stats: dict[str, Any], history: list[dict[str, Any]], limits: dict[str, Any]) -> list[str]:
    """Fields whose coverage fell well below the median of the site's last healthy runs."""
    items, coverage = run_coverage(stats)
    runs = baseline_runs(history, limits, run_scope(stats))
    if items < limits["history_min_items"] or len(runs) < limits["history_min_runs"]:
        return []
    found = []
    for field in limits["history_fields"]:
        past = [run["coverage"][field] for run in runs if field in run.get("coverage", {})]
        if len(past) < limits["history_min_runs"] or field not in coverage:
            continue
        usual = statistics.median(past)
        if usual - coverage[field] > allowed_drop(usual, items, limits):
            found.append(f"drift: field {field} present in {percent(coverage[field])} of {items} items, down from "
                         f"{percent(usual)} (median of the last {len(past)} healthy runs)"
                         + examples_text(stats, f"missing/{field}"))
    return found


def drift_failures(stats: dict[str, Any], thresholds: dict[str, Any],
                   history: list[dict[str, Any]] | None = None) -> list[str]:
    """Every drift check over one run's stats; ``history`` is the site's previous runs (oldest first)."""
    limits = drift_limits(thresholds)
    return (not_article_failures(stats, limits) + lost_article_failures(stats, limits)
            + second_opinion_failures(stats, limits)
            + sitemap_failures(stats, limits) + history_failures(stats, history or [], limits))


def history_record(stats: dict[str, Any], failed: list[str]) -> dict[str, Any]:
    """This run as the history keeps it: healthy or not, items validated, coverage, and counts."""
    items, coverage = run_coverage(stats)
    counts = {name: _count(stats, key) for name, key in (
        ("item_scraped_count", "item_scraped_count"), ("article_shaped", ARTICLE_SHAPED),
        ("not_article", NOT_ARTICLE), ("sitemap_articles", SITEMAP_ARTICLES), ("sitemap_articles_read", SITEMAP_READ),
        ("dropped", DROPPED), *((f"body_{what}", OPINION + what) for what in ("agreed", "fallback", "flagged")))}
    healthy = stats.get("finish_reason") == "finished" and not failed
    return {"healthy": healthy, "items": items, "coverage": coverage, "counts": {**counts, "scope": run_scope(stats)}}
