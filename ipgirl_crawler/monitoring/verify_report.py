"""The report's "How right is this run" section: per checked field, this run's estimate and its
counts, the estimates of the site's last runs (``ipgirl/verify/history``), and the fields the
site never restates, shown as unverifiable rather than silently fine. Plain HTML like the rest."""
from __future__ import annotations

from html import escape
from typing import Any

from ipgirl_crawler.monitoring.verify_checks import CHECKED_FIELDS
from ipgirl_crawler.monitoring.verify_monitor import HISTORY, NEVER_RESTATED, estimates_of, verify_counts


def _cell(value: float | None, bad: bool = False) -> str:
    shown = "—" if value is None else f"{100 * value:.1f}"
    return f'<td class="n{" bad" if bad else ""}">{shown}</td>'


def accuracy_section(stats: dict[str, Any]) -> str:
    counts = verify_counts(stats)
    estimates = estimates_of(counts)
    past = [run for run in stats.get(HISTORY) or [] if isinstance(run, dict)]
    head = "".join(f'<th class="n">{escape(str(run.get("run_id", "?"))[4:13])}</th>' for run in past)
    rows = []
    for field in CHECKED_FIELDS:
        outcome = counts.get(field, {})
        estimate = estimates.get(field)
        history = "".join(_cell(run.get("estimates", {}).get(field)) for run in past)
        numbers = "".join(f'<td class="n">{outcome.get(name, 0):,}</td>'
                          for name in ("verified", "contradicted", "corrected", "unverifiable", "empty"))
        shown = _cell(estimate, estimate is not None and estimate < 0.99) if estimate is not None else \
            '<td class="n bad">unverifiable</td>'
        rows.append(f"<tr><td>{escape(field)}</td>{history}{shown}{numbers}</tr>")
    never = ", ".join(NEVER_RESTATED)
    return (f'<section id="accuracy"><h2>How right is this run</h2><p class="muted">Each field checked against '
            f"what the rest of the site states about it (teasers, metadata, cards, hreflang, notice, votes): "
            f"estimated % of the items right, over the site's last runs (oldest first) and this run. "
            f"The site never restates {escape(never)}: unverifiable.</p><table><thead><tr><th>field</th>{head}"
            f'<th class="n">this run</th><th class="n">verified</th><th class="n">contradicted</th>'
            f'<th class="n">corrected</th><th class="n">unverifiable</th><th class="n">empty</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>")
