"""``make bench``: throughput, per-page cost, memory growth and a profile of the ipgirl crawler.

Run ``python -m tests.bench [--quick] [--articles N] [--only NAME] [--memory | --no-memory]``.
Every crawl runs against a local copy of the site served by a separate process
(``python -m tests.localsite serve``) on 127.0.0.1; results go to ``data/bench/results.json``.
"""
from __future__ import annotations
