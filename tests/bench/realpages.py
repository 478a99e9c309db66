"""Real article pages of two public collections (``../shared/realpages``): ours (page object + body
pipeline with its second opinion) against trafilatura 2.3.1, in the same run, on the same pages.
The article-extraction benchmark's body shingle F1 / P / R; trafilatura's evaluation's snippet
P / R / F1 summed over its set; and per-page cost."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html

from tests.bench.extraction import time_per_page
from tests.bench.report import Row
from tests.support import realpages
from tests.support.realpages import RealPage, Scores, score_bodies, score_snippets

EXTRACTORS: dict[str, Callable[[RealPage], str]] = {"ours": realpages.our_body, "trafilatura": realpages.trafilatura_body}


def _body_scores(pages: tuple[RealPage, ...], extract: Callable[[RealPage], str]) -> Scores:
    return score_bodies([(page.expected_body, extract(page)) for page in pages])


def _line(name: str, scores: Scores) -> str:
    return f"{name} F1 {scores.f1:.3f} (P {scores.precision:.3f}, R {scores.recall:.3f})"


def _accuracy(details: dict[str, Any]) -> list[Row]:
    pages, snippet_pages = realpages.benchmark_pages(), realpages.eval_dev_pages()
    bodies = {name: _body_scores(pages, extract) for name, extract in EXTRACTORS.items()}
    snippets = {name: score_snippets([(page, extract(page)) for page in snippet_pages])
                for name, extract in EXTRACTORS.items()}
    print(f"  {len(pages)} benchmark pages, body shingles: "
          + "; ".join(_line(name, s) for name, s in bodies.items()), flush=True)
    print(f"  {len(snippet_pages)} eval-dev pages, snippets: "
          + "; ".join(f"{_line(name, s)} {vars(c)}" for name, (s, c) in snippets.items()), flush=True)
    ours, theirs = bodies["ours"], bodies["trafilatura"]
    (s_ours, c_ours), (s_theirs, c_theirs) = snippets["ours"], snippets["trafilatura"]
    details.update(pages=len(pages), ours=vars(ours), trafilatura=vars(theirs), eval_dev_pages=len(snippet_pages),
                   eval_dev_ours={**vars(s_ours), **vars(c_ours)}, eval_dev_trafilatura={**vars(s_theirs), **vars(c_theirs)})
    return [
        Row("real pages: ours body F1", ours.f1, "", ">=", 0.95, note=f"{len(pages)} pages, the benchmark's shingle F1"),
        Row("real pages: ours precision / recall", ours.precision, "", note=f"recall {ours.recall:.3f}"),
        Row("real pages: trafilatura body F1", theirs.f1, "", note=f"P {theirs.precision:.3f}, R {theirs.recall:.3f}"),
        Row("real pages: ours F1 - trafilatura F1", ours.f1 - theirs.f1, "", ">=", 0.0),
        Row("eval-dev pages: ours snippet F1", s_ours.f1, "", note=f"{len(snippet_pages)} pages, "
            f"P {s_ours.precision:.3f}, R {s_ours.recall:.3f}"),
        Row("eval-dev pages: trafilatura snippet F1", s_theirs.f1, "",
            note=f"P {s_theirs.precision:.3f}, R {s_theirs.recall:.3f}"),
        Row("eval-dev pages: ours F1 - trafilatura F1", s_ours.f1 - s_theirs.f1, "", ">=", 0.0),
    ]


def measure(repeats: int) -> tuple[list[Row], dict[str, Any]]:
    if not realpages.available():
        print("  " + realpages.MISSING, flush=True)
        return [], {"skipped": realpages.MISSING}
    details: dict[str, Any] = {}
    rows = _accuracy(details)
    pages = list(realpages.benchmark_pages())
    reps = max(1, repeats // 2)
    timings = {
        "lxml": time_per_page("lxml.html.fromstring", lambda p: lxml.html.fromstring(p.html), pages, reps),
        "ours": time_per_page("ours", realpages.our_body, pages, reps),
        "trafilatura": time_per_page("trafilatura.extract", realpages.trafilatura_body, pages, reps),
    }
    for timing in timings.values():
        print("  " + timing.summary(), flush=True)
    ms = {name: timing.ms_per_page for name, timing in timings.items()}
    rows += [
        Row("real pages: ours ms/page", ms["ours"], " ms", note="CPU, page object + body pipeline + second opinion"),
        Row("real pages: trafilatura ms/page", ms["trafilatura"], " ms"),
        Row("real pages: lxml.html.fromstring ms/page", ms["lxml"], " ms"),
    ]
    details.update({f"{name}_ms": vars(timing) for name, timing in timings.items()})
    return rows, details
