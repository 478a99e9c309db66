"""The report's "Field coverage over the last runs" section: one row per field, a sparkline and
the share of items with a value in each of the site's recent runs (``ipgirl/history/runs`` in the
run's stats, written by ``run.history``), so a data team sees in which run a field started to go.
Plain inline SVG and a table, like the rest of the report (no script)."""
from __future__ import annotations

from html import escape
from typing import Any

from ipgirl_crawler.items import CONTRACT_FIELDS
from ipgirl_crawler.monitoring.drift import HISTORY_KEY

SPARK_W, SPARK_H = 120, 22


def sparkline(field: str, values: list[float | None]) -> str:
    """Coverage (0-100 %) over the runs, oldest left; a run that did not measure it is a gap."""
    step = SPARK_W / max(len(values) - 1, 1)
    points = [(i * step, 2 + (SPARK_H - 4) * (1 - v)) for i, v in enumerate(values) if v is not None]
    shown = ", ".join("—" if v is None else f"{v:.0%}" for v in values)
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    last = (f'<circle cx="{points[-1][0]:.1f}" cy="{points[-1][1]:.1f}" r="2.5" fill="#b71c1c"/>' if points else "")
    return (f'<svg class="spark" id="spark-{escape(field)}" role="img" aria-label="{escape(field)}: {shown}" '
            f'viewBox="-3 0 {SPARK_W + 6} {SPARK_H}" width="{SPARK_W + 6}" height="{SPARK_H}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{escape(field)}: {shown}</title>'
            f'<line x1="0" y1="2" x2="{SPARK_W}" y2="2" stroke="#e3e6ea"/>'
            f'<line x1="0" y1="{SPARK_H - 2}" x2="{SPARK_W}" y2="{SPARK_H - 2}" stroke="#e3e6ea"/>'
            f'<polyline points="{path}" fill="none" stroke="#4f7cac" stroke-width="1.5"/>{last}</svg>')


def run_label(run: dict[str, Any]) -> str:
    """``11-20 12:00`` from ``20261120T120000Z``, with a worker suffix or resume number kept."""
    run_id = str(run.get("run_id", "?"))
    if len(run_id) < 15:
        return run_id
    suffix = run_id[16:].lstrip("-")
    return f"{run_id[4:6]}-{run_id[6:8]} {run_id[9:11]}:{run_id[11:13]}{suffix and ' ' + suffix}"


def history_rows(runs: list[dict[str, Any]]) -> list[tuple[str, list[float | None]]]:
    """(field, coverage per run) for every contract field some run measured."""
    rows = []
    for field in CONTRACT_FIELDS:
        values = [run.get("coverage", {}).get(field) if run.get("items") else None for run in runs]
        if any(v is not None for v in values):
            rows.append((field, values))
    return rows


def rate_cell(part: int, whole: int) -> str:
    return f'<td class="n">{100 * part / whole:.0f}</td>' if whole else '<td class="n">—</td>'


def drift_rows(runs: list[dict[str, Any]]) -> str:
    """Per run: % of article pages not read as articles, % of pages whose body came from the second
    opinion (fallback) or was flagged (the drift monitors' rates)."""
    rows = []
    for label, part_of, whole_of in (
            ("% not read as articles", lambda c: c.get("not_article", 0) + c.get("dropped", 0),
             lambda c: c.get("article_shaped", 0)),
            ("% body fallback", lambda c: c.get("body_fallback", 0), lambda c: _opinions(c)),
            ("% body flagged", lambda c: c.get("body_flagged", 0), lambda c: _opinions(c))):
        cells = "".join(rate_cell(part_of(run.get("counts", {})), whole_of(run.get("counts", {}))) for run in runs)
        rows.append(f"<tr><td>{escape(label)}</td><td></td>{cells}</tr>")
    return "".join(rows)


def _opinions(counts: dict[str, int]) -> int:
    return sum(counts.get(f"body_{what}", 0) for what in ("agreed", "fallback", "flagged"))


def history_section(stats: dict[str, Any]) -> str:
    runs = [run for run in stats.get(HISTORY_KEY) or [] if isinstance(run, dict)]
    title = "<h2>Field coverage over the last runs</h2>"
    if not runs:
        return f'<section id="coverage-history">{title}<p>No run history (no state directory).</p></section>'
    head = "".join(f'<th class="n">{escape(run_label(run))}</th>' for run in runs)
    verdicts = "".join(f'<td class="n{"" if run.get("healthy") else " bad"}">{"healthy" if run.get("healthy") else "failed"}'
                       "</td>" for run in runs)
    items = "".join(f'<td class="n">{run.get("items", 0):,}</td>' for run in runs)
    body = "".join(f"<tr><td>{escape(field)}</td><td>{sparkline(field, values)}</td>"
                   + "".join(f'<td class="n">{"—" if v is None else f"{100 * v:.0f}"}</td>' for v in values) + "</tr>"
                   for field, values in history_rows(runs))
    return (f'<section id="coverage-history">{title}<p class="muted">% of the items read (validated) with a value, '
            f"per run, oldest first; this run is the last column. Runs with no items read show —.</p>"
            f"<table><thead><tr><th>field</th><th>trend</th>{head}</tr></thead><tbody>"
            f"<tr><td>verdict</td><td></td>{verdicts}</tr><tr><td>items read</td><td></td>{items}</tr>"
            f"{drift_rows(runs)}{body}</tbody></table></section>")
