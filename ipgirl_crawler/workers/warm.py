"""Imported by the extraction workers' fork server (``PRELOADED``): loads what dateparser loads on
first use, for every site language, so each worker forked from the server starts with it loaded.

This is an import with a side effect on purpose: the fork server's preload list is the one hook
that runs code in the server before it forks, and loading here (~0.5 s of CPU) rather than in
each worker takes it off the crawl's first pages, and off every worker started after one died.
"""
from __future__ import annotations

from ipgirl_crawler.languages import ui_strings
from pipelines.dates import warm_up

warm_up(tuple(ui_strings.languages()))
