"""Body F1 and per-page cost on real article pages (tests/realpages): ours (page object + body
pipeline with its second opinion) against trafilatura 2.3.1, in the same run, on the same pages."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html

from tests.bench.extraction import time_per_page
from tests.bench.report import Row
from tests.realpages import RealPage, load_pages, our_body, trafilatura_body
from tests.realpages.score import Scores, corpus_scores


def _scores(pages: tuple[RealPage, ...], extract: Callable[[RealPage], str]) -> Scores:
    return corpus_scores([(page.expected_body, extract(page)) for page in pages])


def measure(repeats: int) -> tuple[list[Row], dict[str, Any]]:
    pages = load_pages()
    ours, theirs = _scores(pages, our_body), _scores(pages, trafilatura_body)
    print(f"  {len(pages)} real pages: ours F1 {ours.f1:.3f} (P {ours.precision:.3f}, R {ours.recall:.3f}); "
          f"trafilatura {theirs.f1:.3f} (P {theirs.precision:.3f}, R {theirs.recall:.3f})", flush=True)
    reps = max(1, repeats // 2)
    timings = {
        "lxml": time_per_page("lxml.html.fromstring", lambda p: lxml.html.fromstring(p.html), list(pages), reps),
        "ours": time_per_page("ours", our_body, list(pages), reps),
        "trafilatura": time_per_page("trafilatura.extract", trafilatura_body, list(pages), reps),
    }
    for timing in timings.values():
        print("  " + timing.summary(), flush=True)
    ms = {name: timing.ms_per_page for name, timing in timings.items()}
    rows = [
        Row("real pages: ours body F1", ours.f1, "", ">=", 0.95, note=f"{len(pages)} pages, shingle F1 of the public benchmarks"),
        Row("real pages: ours precision / recall", ours.precision, "", note=f"recall {ours.recall:.3f}"),
        Row("real pages: trafilatura body F1", theirs.f1, "", note=f"P {theirs.precision:.3f}, R {theirs.recall:.3f}"),
        Row("real pages: ours F1 - trafilatura F1", ours.f1 - theirs.f1, "", ">=", 0.0),
        Row("real pages: ours ms/page", ms["ours"], " ms", note="CPU, page object + body pipeline + second opinion"),
        Row("real pages: trafilatura ms/page", ms["trafilatura"], " ms"),
        Row("real pages: lxml.html.fromstring ms/page", ms["lxml"], " ms"),
    ]
    details = {"pages": len(pages), "ours": vars(ours), "trafilatura": vars(theirs),
               **{f"{name}_ms": vars(timing) for name, timing in timings.items()}}
    return rows, details
