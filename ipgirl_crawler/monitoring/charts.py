"""The run report's charts: inline SVG drawn from numbers (bars, a histogram, a timeline), each with
a title and a description a screen reader reads; nothing loaded from anywhere."""
from __future__ import annotations

from html import escape
from typing import Any

STATUS_COLOURS = {"2": ("#2e7d32", "#81c784"), "3": ("#1565c0", "#64b5f6"), "4": ("#e65100", "#ffb74d"),
                  "5": ("#b71c1c", "#e57373")}  # 2xx greens, 3xx blues, 4xx oranges, 5xx reds


def fmt_duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def nice_max(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k that is >= value: round axis ends."""
    scale = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1.0
    return next(step * scale for step in (1, 2, 2.5, 5, 10) if step * scale >= value)


def svg_open(chart_id: str, title: str, desc: str, width: int, height: int) -> str:
    # role=img + <title>/<desc> give screen readers the chart's name and its gist.
    return (f'<svg class="chart" id="{chart_id}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>')


# -- charts ------------------------------------------------------------------------------------
def bar_chart(chart_id: str, title: str, rows: list[tuple[str, float]], unit: str = "",
              scale_max: float | None = None) -> str:
    """Horizontal bars, one per row, the value written after each bar."""
    label_w, bar_w, row_h = 170, 330, 22
    height = max(len(rows), 1) * row_h + 10
    top = scale_max or nice_max(max((v for _, v in rows), default=0))
    desc = "; ".join(f"{label}: {value:g}{unit}" for label, value in rows[:20]) or "no data"
    parts = [svg_open(chart_id, title, desc, label_w + bar_w + 70, height)]
    for index, (label, value) in enumerate(rows):
        y = 5 + index * row_h
        width = bar_w * value / top if top else 0
        short = label if len(label) <= 24 else label[:23] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(short)}</text>'
                     f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row_h - 6}" '
                     f'fill="#4f7cac"><title>{escape(label)}: {value:g}{unit}</title></rect>'
                     f'<text x="{label_w + width + 4:.1f}" y="{y + 15}">{value:g}{unit}</text>')
    if not rows:
        parts.append(f'<text x="{label_w}" y="20">no data</text>')
    return "".join(parts) + "</svg>"


def bin_labels(count: int) -> list[str]:
    return [f"{i / count:.1f}–{(i + 1) / count:.1f}" for i in range(count)]


def histogram(chart_id: str, title: str, bins: list[int]) -> str:
    """Vertical bars over [0, 1] in equal bins, with counts above them."""
    width, height, left, base, plot_h = 520, 230, 40, 200, 170
    top, step, labels = nice_max(max(bins, default=0)), (width - left - 10) / len(bins), bin_labels(len(bins))
    desc = "; ".join(f"{label}: {n}" for label, n in zip(labels, bins, strict=True))
    parts = [svg_open(chart_id, title, desc, width, height),
             f'<line class="axis" x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}"/>']
    for i, (count, label) in enumerate(zip(bins, labels, strict=True)):
        bar_h = plot_h * count / top
        x, y = left + i * step + 2, base - bar_h
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{step - 4:.1f}" height="{bar_h:.1f}" '
                     f'fill="#7b61a8"><title>{label}: {count}</title></rect>'
                     f'<text x="{x + step / 2 - 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{count}</text>'
                     f'<text x="{x - 2:.1f}" y="{base + 14}" text-anchor="middle">{i / len(bins):.1f}</text>')
    parts.append(f'<text x="{width - 12}" y="{base + 14}" text-anchor="end">1.0</text>'
                 f'<text x="{left + (width - left) / 2}" y="{height - 2}" text-anchor="middle">helpful_ratio</text>')
    return "".join(parts) + "</svg>"


def timeline_chart(chart_id: str, title: str, samples: list[dict[str, Any]]) -> str:
    """Stacked areas of cumulative responses per status over time, and the items as a dashed line."""
    width, height, left, plot_w, plot_h = 600, 260, 50, 530, 200
    codes = sorted({code for s in samples for code in s.get("status", {})})
    points = [{"t": 0.0, "status": {}, "items": 0}, *samples] if samples[0].get("t", 0) > 0 else samples
    t_max = max(float(points[-1].get("t", 0)), 0.1)
    y_max = nice_max(max(max(sum(p.get("status", {}).values()), p.get("items", 0)) for p in points))
    xs = [left + plot_w * float(p.get("t", 0)) / t_max for p in points]

    def y_of(value: float) -> float:
        return 10 + plot_h * (1 - value / y_max)
    final = points[-1].get("status", {})
    # A class's colour (2xx green...), alternating two shades between the codes of one class.
    colours = {c: STATUS_COLOURS.get(c[:1], ("#757575", "#bdbdbd"))[[d[:1] for d in codes[:i]].count(c[:1]) % 2]
               for i, c in enumerate(codes)}
    desc = f"over {fmt_duration(t_max)}: " + ", ".join(f"HTTP {c}: {final.get(c, 0)}" for c in codes)
    parts = [svg_open(chart_id, title, desc, width, height)]
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y, x = y_of(y_max * frac), left + plot_w * frac
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}"/>'
                     f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{y_max * frac:g}</text>'
                     f'<text x="{x:.1f}" y="{height - 28}" text-anchor="middle">{fmt_duration(t_max * frac)}</text>')
    base = [0] * len(points)
    for code in codes:  # each status is a band stacked on the ones before it
        upper = [b + p.get("status", {}).get(code, 0) for b, p in zip(base, points, strict=True)]
        ahead = " ".join(f"{x:.1f},{y_of(v):.1f}" for x, v in zip(xs, upper, strict=True))
        back = " ".join(f"{x:.1f},{y_of(v):.1f}" for x, v in reversed(list(zip(xs, base, strict=True))))
        parts.append(f'<path class="area" d="M{ahead} L{back} Z" fill="{colours[code]}" fill-opacity="0.85">'
                     f"<title>HTTP {escape(code)}: {final.get(code, 0)}</title></path>")
        base = upper
    line = " L".join(f"{x:.1f},{y_of(p.get('items', 0)):.1f}" for x, p in zip(xs, points, strict=True))
    parts.append(f'<path class="line" d="M{line}" fill="none" stroke="#111" stroke-width="2" stroke-dasharray="5 3">'
                 f'<title>items: {points[-1].get("items", 0)}</title></path>'
                 f'<line class="axis" x1="{left}" y1="{10 + plot_h}" x2="{left + plot_w}" y2="{10 + plot_h}"/>')
    legend = [*((f"HTTP {c}", f'fill="{colours[c]}"') for c in codes), ("items", 'fill="none" stroke="#111"')]
    parts += [f'<rect x="{left + 10 + i * 80}" y="{height - 14}" width="10" height="10" {style}/>'
              f'<text x="{left + 24 + i * 80}" y="{height - 5}">{escape(name)}</text>'
              for i, (name, style) in enumerate(legend)]
    return "".join(parts) + "</svg>"


# -- sections -------------------------------------------------------------------------------------
