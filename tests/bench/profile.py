"""Where the per-article time goes: cProfile over the in-memory per-page loop of ``extraction``,
reduced to the project's own functions (``ipgirl_crawler/``, ``pipelines/``) with their share of
the loop's time, and the library calls that cost most with the project function that makes them.
With pyinstrument installed, its call tree is written beside the results as well."""
from __future__ import annotations

import cProfile
import pstats
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.bench.extraction import Extractor, Page
from tests.support.crawl_check import ROOT

PROJECT_DIRS = (str(ROOT / "ipgirl_crawler") + "/", str(ROOT / "pipelines") + "/")
FuncKey = tuple[str, int, str]


@dataclass
class Hotspot:
    function: str
    location: str
    inclusive_share: float  # of the per-page time, callees included
    self_share: float       # of the per-page time, in the function's own lines
    calls_per_page: float
    via: str = ""           # for a library function: the project function that calls it most

    def line(self) -> str:
        via = f"  <- {self.via}" if self.via else ""
        return (f"{self.inclusive_share:6.1%} incl {self.self_share:6.1%} self {self.calls_per_page:8.1f} calls/page  "
                f"{self.function}  {self.location}{via}")


def _is_project(key: FuncKey) -> bool:
    return key[0].startswith(PROJECT_DIRS)


def _where(key: FuncKey) -> str:
    path = key[0]
    for prefix in (str(ROOT) + "/", "/"):
        if path.startswith(prefix) and prefix != "/":
            return f"{path[len(prefix):]}:{key[1]}"
    tail = path.split("site-packages/")[-1] if "site-packages/" in path else path.rsplit("/", 1)[-1]
    return f"{tail}:{key[1]}" if key[1] else tail


def _name(key: FuncKey) -> str:
    return key[2].strip("<>") if key[0] == "~" else key[2]


def _project_caller(raw: dict[FuncKey, Any], key: FuncKey) -> str:
    callers = raw[key][4]
    best = max((c for c in callers if _is_project(c)), key=lambda c: callers[c][3], default=None)
    return f"{_name(best)} ({_where(best)})" if best else ""


def profile_pages(extractor: Extractor, pages: list[Page], passes: int = 3) -> tuple[pstats.Stats, float]:
    """The stats of ``passes`` passes over ``pages`` and the profiled time per page (seconds)."""
    for page in pages:  # warm-up: imports, regex and XPath compilation
        extractor(page)
    profiler = cProfile.Profile()
    for _ in range(passes):
        extractor.reset()
        profiler.enable()
        for page in pages:
            extractor(page)
        profiler.disable()
    stats = pstats.Stats(profiler)
    return stats, stats.total_tt / (passes * len(pages))  # type: ignore[attr-defined]


def hotspots(stats: pstats.Stats, pages: int, top: int = 15) -> tuple[list[Hotspot], list[Hotspot]]:
    """(the project's functions by inclusive time, the library functions by own time)."""
    raw: dict[FuncKey, Any] = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt  # type: ignore[attr-defined]
    def spot(key: FuncKey, via: str = "") -> Hotspot:
        _, calls, own, inclusive, _ = raw[key]
        return Hotspot(_name(key), _where(key), inclusive / total, own / total, calls / pages, via)
    ours = sorted((k for k in raw if _is_project(k)), key=lambda k: raw[k][3], reverse=True)
    theirs = sorted((k for k in raw if not _is_project(k)), key=lambda k: raw[k][2], reverse=True)
    return [spot(k) for k in ours[:top]], [spot(k, _project_caller(raw, k)) for k in theirs[:top]]


def pyinstrument_tree(extractor: Extractor, pages: list[Page], path: Path) -> bool:
    """Write pyinstrument's call tree of one pass to ``path``; False when it is not installed."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return False
    extractor.reset()
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for page in pages:
        extractor(page)
    profiler.stop()
    path.write_text(profiler.output_text(unicode=True, color=False, show_all=False), "utf-8")
    return True


def report(extractor: Extractor, pages: list[Page], out_dir: Path, passes: int = 3) -> dict[str, Any]:
    stats, per_page = profile_pages(extractor, pages, passes)
    ours, theirs = hotspots(stats, passes * len(pages))
    out_dir.mkdir(parents=True, exist_ok=True)
    stats.dump_stats(str(out_dir / "profile.pstats"))
    tree = pyinstrument_tree(extractor, pages, out_dir / "profile-pyinstrument.txt")
    print(f"\nProfile of the per-page path ({len(pages)} pages x {passes}, {per_page * 1000:.2f} ms/page under cProfile)")
    print("Project functions, by inclusive share of per-page time:")
    for spot in ours:
        print("  " + spot.line())
    print("Library functions, by own share of per-page time (<- the project function that calls them most):")
    for spot in theirs:
        print("  " + spot.line())
    print(f"cProfile data: {out_dir / 'profile.pstats'}" + (f"; pyinstrument tree: {out_dir / 'profile-pyinstrument.txt'}"
                                                           if tree else " (pyinstrument not installed)"))
    return {"ms_per_page_profiled": per_page * 1000, "project": [vars(s) for s in ours],
            "library": [vars(s) for s in theirs]}
