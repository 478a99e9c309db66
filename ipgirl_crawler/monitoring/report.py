"""The run report: one self-contained HTML file per run (docs/data-layout.md, ``<run_id>.report.html``).

Everything is inline (CSS and SVG drawn here, no script, no CDN, no web font), so the file can be
mailed, archived or opened offline; a Content-Security-Policy forbids any load besides inline style.
Items are streamed and folded into counters, never held in memory: a run may have millions.

    python -m ipgirl_crawler.monitoring.report DATA_DIR RUN_DATE RUN_ID    # writes the run's <run_id>.report.html
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from ipgirl_crawler.items import CONTRACT_FIELDS
from ipgirl_crawler.monitoring.categories import CategoryCounts
from ipgirl_crawler.monitoring.charts import bar_chart, bin_labels, fmt_duration, histogram, timeline_chart
from ipgirl_crawler.monitoring.dead_links import DEAD_LINKS_STAT, FLOODS_STAT
from ipgirl_crawler.monitoring.history_report import history_section
from ipgirl_crawler.monitoring.verify_report import accuracy_section
from ipgirl_crawler.output.files import BATCH_GLOB, create_part

logger = logging.getLogger(__name__)

TOP_CATEGORIES = 15
MAX_FAILURE_ROWS = 50
BINS = 10
RUN_ID = re.compile(r"^\d{8}T\d{6}Z(?:-[a-z0-9-]+)?$")
RUN_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CSS = """body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;\
background:#f4f5f7}header{background:#22303c;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}\
header p{margin:4px 0 0;color:#c9d3dc}main{padding:16px 24px;max-width:1200px}section{background:#fff;\
border-radius:8px;padding:12px 16px;margin:0 0 16px;box-shadow:0 1px 2px #0002}h2{font-size:16px;margin:0 0 8px}\
.row{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.row svg{flex:1 1 480px;max-width:640px;height:auto}\
.headline{display:flex;flex-wrap:wrap;gap:10px}.kpi{background:#eef2f6;border-radius:6px;padding:8px 12px;\
min-width:110px}.kpi b{display:block;font-size:20px}.kpi span{color:#555;font-size:12px}.bad{color:#b71c1c}\
table{border-collapse:collapse;font-size:13px}th,td{padding:2px 8px;text-align:left;border-bottom:1px solid #e3e6ea}\
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td:first-child{word-break:break-all;max-width:560px}\
svg text{font-size:11px;fill:#333}.axis{stroke:#999}.grid{stroke:#e3e6ea}.muted{color:#666}"""
ROW = '<div class="row">{}{}</div>'  # a chart and its numbers side by side
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


# -- aggregation -------------------------------------------------------------------------------
def has_value(value: Any) -> bool:
    """Coverage counts a field as present unless it is null or empty (0 and False are values)."""
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and (bool(value) if isinstance(value, (list, dict, tuple)) else True)


class RunSummary:
    """Counters folded from the item and failure streams, one record at a time."""

    def __init__(self) -> None:
        self.items = self.no_votes = self.failures = 0
        self.languages: Counter[str] = Counter()
        self.categories = CategoryCounts()  # by the category's identity, whatever its language
        self.present: Counter[str] = Counter()  # field name -> items where it has a value
        self.ratio_bins = [0] * BINS
        self.failure_reasons: Counter[str] = Counter()
        self.failure_rows: list[dict[str, Any]] = []  # the first MAX_FAILURE_ROWS only

    def add_item(self, item: dict[str, Any]) -> None:
        self.items += 1
        self.languages[str(item.get("language") or "(none)")] += 1
        self.categories.add(item)
        self.present.update(name for name in CONTRACT_FIELDS if has_value(item.get(name)))
        ratio = item.get("helpful_ratio")
        if isinstance(ratio, (int, float)) and not isinstance(ratio, bool) and math.isfinite(ratio):
            # A ratio of exactly 1.0 belongs to the last bin, [0.9, 1.0].
            self.ratio_bins[min(max(int(ratio * BINS), 0), BINS - 1)] += 1
        else:
            self.no_votes += 1

    def add_failure(self, record: dict[str, Any]) -> None:
        self.failures += 1
        self.failure_reasons[str(record.get("reason") or "(none)")] += 1
        if len(self.failure_rows) < MAX_FAILURE_ROWS:
            self.failure_rows.append(record)


# -- formatting helpers ---------------------------------------------------------------------
def fmt_int(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else "—"


def duration_of(stats: dict[str, Any]) -> float | None:
    """``elapsed_time_seconds``, else finish - start (stats JSON carries datetimes as ISO 8601 strings)."""
    if isinstance(stats.get("elapsed_time_seconds"), (int, float)):
        return float(stats["elapsed_time_seconds"])
    try:
        start, finish = (datetime.fromisoformat(str(stats[key]).replace("Z", "+00:00"))
                         for key in ("start_time", "finish_time"))
        return (finish - start).total_seconds()
    except (KeyError, ValueError, TypeError):  # absent, unparsable, or naive and aware mixed
        return None


def table(headers: list[str], rows: Iterable[list[Any]], numeric_from: int = 1) -> str:
    """A small table; columns from ``numeric_from`` on are right-aligned numbers."""
    def cell(tag: str, index: int, value: Any) -> str:
        cls = ' class="n"' if index >= numeric_from else ""
        return f"<{tag}{cls}>{escape(str(value))}</{tag}>"
    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def section(title: str, *body: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{''.join(body)}</section>"


def monitors_text(stats: dict[str, Any]) -> tuple[str, list[str]]:
    """("3 passed / 1 failed", [messages]); "not run" when the run has no monitor results."""
    failed, passed = stats.get("ipgirl/monitors/failed"), stats.get("ipgirl/monitors/passed")
    passed_n = len(passed) if isinstance(passed, list) else passed if isinstance(passed, int) else None
    if failed is None:
        return ("not run" if passed_n is None else f"{passed_n} passed"), []
    messages = [str(m) for m in failed] if isinstance(failed, list) else [str(failed)]
    if not messages:
        return "all passed" if passed_n is None else f"all {passed_n} passed", []
    return ("" if passed_n is None else f"{passed_n} passed / ") + f"{len(messages)} failed", messages


def headline(stats: dict[str, Any], summary: RunSummary) -> str:
    pages = stats.get("downloader/response_count", stats.get("response_received_count"))
    duration = duration_of(stats)
    rate = f"{pages / duration:.1f}" if isinstance(pages, int) and duration else "—"
    monitors, messages = monitors_text(stats)
    # Stats count failed requests; records are written per URL given up on: show the larger.
    failures = max(sum(v for k, v in stats.items() if k.startswith("ipgirl/failures/") and isinstance(v, int)),
                   summary.failures)
    reason = str(stats.get("finish_reason", "—"))
    kpis = [("items", "items in files", fmt_int(summary.items), False),
            ("scraped", "items scraped", fmt_int(stats.get("item_scraped_count")), False),
            ("pages", "pages", fmt_int(pages), False), ("rate", "pages/s", rate, False),
            ("duration", "duration", fmt_duration(duration), False),
            ("finish", "finish reason", reason, reason not in ("—", "finished")),
            ("failures", "failures", fmt_int(failures), failures > 0),
            ("dead-links", "dead links (404/410 the site links to)", fmt_int(stats.get(DEAD_LINKS_STAT, 0)),
             bool(stats.get(FLOODS_STAT))),
            ("monitors", "monitors", monitors, bool(messages))]
    cells = "".join(f'<div class="kpi" id="kpi-{key}"><b class="{"bad" if bad else ""}">{escape(value)}</b>'
                    f"<span>{name}</span></div>" for key, name, value, bad in kpis)
    listed = "".join(f"<li>{escape(m)}</li>" for m in messages)
    return section("Headline", f'<div class="headline">{cells}</div>',
                   f'<ul class="bad">{listed}</ul>' if listed else "")


def counts_section(summary: RunSummary) -> str:
    languages = sorted(summary.languages.items(), key=lambda pair: (-pair[1], pair[0]))
    categories = summary.categories.top(TOP_CATEGORIES)
    others = summary.items - sum(n for _, n in categories)
    note = f'<p class="muted">{others:,} articles in other categories.</p>' if others else ""
    return (section("Articles per language", ROW.format(
                bar_chart("chart-languages", "Articles per language", [(k, float(v)) for k, v in languages]),
                table(["language", "articles"], [[k, f"{v:,}"] for k, v in languages])))
            + section(f"Articles per category (top {TOP_CATEGORIES})", ROW.format(
                bar_chart("chart-categories", f"Articles per category, top {TOP_CATEGORIES}",
                          [(k, float(v)) for k, v in categories]),
                table(["category", "articles"], [[k, f"{v:,}"] for k, v in categories])), note))


def coverage_section(stats: dict[str, Any], summary: RunSummary) -> str:
    share = {name: 100.0 * summary.present[name] / summary.items if summary.items else 0.0
             for name in CONTRACT_FIELDS}
    rows = [[name, f"{share[name]:.1f}", f"{summary.items - summary.present[name]:,}",
             fmt_int(stats.get(f"ipgirl/validate/missing/{name}"))] for name in CONTRACT_FIELDS]
    chart = bar_chart("chart-coverage", "Field coverage: % of items with a value",
                      [(name, round(share[name], 1)) for name in CONTRACT_FIELDS], unit="%", scale_max=100.0)
    return section("Field coverage", ROW.format(chart, table(
        ["field", "% with value", "empty in items", "missing (validate stat)"], rows)))


def helpfulness_section(summary: RunSummary) -> str:
    rows = [*([label, f"{n:,}"] for label, n in zip(bin_labels(BINS), summary.ratio_bins, strict=True)),
            ["no votes", f"{summary.no_votes:,}"]]
    chart = histogram("chart-helpfulness", "Helpfulness: items per helpful_ratio bin", summary.ratio_bins)
    note = f'<p id="no-votes">{summary.no_votes:,} items with no votes (no helpful_ratio).</p>'
    return section("Helpfulness distribution", ROW.format(chart, table(["helpful_ratio", "items"], rows)), note)


def timeline_section(stats: dict[str, Any]) -> str:
    samples = [s for s in stats.get("ipgirl/timeline") or [] if isinstance(s, dict)]
    if len(samples) < 2:
        return section("Responses by status over time",
                       "<p>No timeline recorded (the Progress extension was not enabled).</p>")
    codes = sorted({code for s in samples for code in s.get("status", {})})
    picked = [samples[i] for i in sorted({round(k * (len(samples) - 1) / 7) for k in range(8)})]
    rows = [[fmt_duration(s.get("t", 0)), *(f"{s.get('status', {}).get(c, 0):,}" for c in codes),
             f"{s.get('items', 0):,}"] for s in picked]
    chart = timeline_chart("chart-timeline", "Responses by status over time (cumulative)", samples)
    return section("Responses by status over time", ROW.format(chart, table(["elapsed", *codes, "items"], rows)),
                   f'<p class="muted">Cumulative responses per HTTP status, stacked; dashed: items. '
                   f"{len(samples)} samples.</p>")


def failures_section(stats: dict[str, Any], summary: RunSummary) -> str:
    # The spider counts ``ipgirl/failures/HTTP_500`` for records whose reason is "HTTP 500": one row.
    by_reason = {k.removeprefix("ipgirl/failures/").replace("_", " "): v for k, v in stats.items()
                 if k.startswith("ipgirl/failures/")}
    reasons = sorted(set(by_reason) | set(summary.failure_reasons))
    reason_rows = [[r, fmt_int(by_reason.get(r)), f"{summary.failure_reasons.get(r, 0):,}"] for r in reasons]
    record_rows = [[f.get("url", ""), f.get("reason", ""), f.get("attempts", "")] for f in summary.failure_rows]
    records = (f"<h3>First {len(record_rows)} of {summary.failures:,} failure records</h3>"
               + table(["url", "reason", "attempts"], record_rows, 2)) if record_rows else "<p>No failure records.</p>"
    reasons_html = table(["reason", "stats count", "records"], reason_rows) if reasons else "<p>No failures.</p>"
    return section("Failures", reasons_html, records)


# -- entry points -------------------------------------------------------------------------------
def render_report(stats: dict[str, Any], items: Iterable[dict[str, Any]], failures: Iterable[dict[str, Any]],
                  run_id: str) -> str:
    summary = RunSummary()
    for item in items:
        summary.add_item(item)
    for record in failures:
        summary.add_failure(record)
    title = escape(f"ipgirl crawl {run_id}")
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
            f"<style>{CSS}</style></head><body><header><h1>{title}</h1>"
            f"<p>started {escape(str(stats.get('start_time') or '—'))}</p></header><main>"
            + headline(stats, summary) + counts_section(summary) + coverage_section(stats, summary) + history_section(stats) + accuracy_section(stats)
            + helpfulness_section(summary) + timeline_section(stats) + failures_section(stats, summary)
            + "</main></body></html>\n")


def read_jsonl(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Records of JSON Lines files, one at a time; an unreadable line is logged and skipped."""
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                try:
                    record = json.loads(line) if line.strip() else None
                except json.JSONDecodeError:
                    logger.warning("Skipping an unreadable line %s:%d", path, number)
                    continue
                if isinstance(record, dict):
                    yield record


def write_atomically(path: Path, text: str) -> Path:
    part, handle = create_part(path, text=True)
    with handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, path)  # readers see the old file or the whole new one, never half of it
    return path


def write_report(data_dir: Path, run_date: str, run_id: str) -> Path:
    """Render the run's report from its files (docs/data-layout.md) into ``<run_id>.report.html``."""
    if not RUN_DATE.match(run_date) or not RUN_ID.match(run_id):  # they become paths: no "../"
        raise ValueError(f"bad run_date {run_date!r} or run_id {run_id!r}")
    articles = Path(data_dir) / "articles" / f"run_date={run_date}"
    stats_path = articles / f"{run_id}.stats.json"
    # A crashed run has items but no stats: its report is still worth having.
    stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else {}
    items = read_jsonl(sorted(articles.glob(f"ipgirl-{run_id}-{BATCH_GLOB}")))
    failures = read_jsonl(sorted((Path(data_dir) / "failures" / f"run_date={run_date}").glob(f"ipgirl-{run_id}-{BATCH_GLOB}")))
    articles.mkdir(parents=True, exist_ok=True)
    return write_atomically(articles / f"{run_id}.report.html", render_report(stats, items, failures, run_id))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ipgirl_crawler.monitoring.report", description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="IPGIRL_DATA_DIR, e.g. data")
    parser.add_argument("run_date", help="the run's partition, YYYY-MM-DD")
    parser.add_argument("run_id", help="the run's id, YYYYMMDDTHHMMSSZ")
    args = parser.parse_args(argv)
    try:
        print(write_report(args.data_dir, args.run_date, args.run_id))
    except (ValueError, OSError) as error:  # one line for the operator, not a traceback
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
