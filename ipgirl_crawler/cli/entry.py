"""``ipgirl-extract``'s console entry point: its command loaded with the cyclic collector paused.

Loading Scrapy, the page objects and the pipelines makes some 300,000 objects that live as long as
the process. CPython's collector, run every 700 allocations, walks them over and over while they
load: ~50 ms of CPU of the ~0.42 s to the first line (CPU to the first line, median of 11 runs
alternated: 0.42 s with it, 0.37 s paused; 2026-12-07, load ~2.5 on 2 cores). Once loaded they
are frozen (``gc.freeze``: no later collection walks them) and the collector is back on for the
pages, which an archive of thousands needs.
"""
from __future__ import annotations

import gc


def extract() -> int:
    gc.disable()
    try:
        # Imported here, not above: the point of this module is that it loads with the collector paused.
        from ipgirl_crawler.cli import extract as command
    finally:
        gc.freeze()
        gc.enable()
    return command.main()
