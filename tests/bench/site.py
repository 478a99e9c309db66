"""The local site in its own process (``python -m tests.localsite serve``), so its CPU and memory
are not counted in the crawl's, and the two share the machine's cores as a crawler and a remote
site would not — the closest a single machine gets."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.support.crawl_check import ROOT, read_jsonl
from tests.support.processes import stop


class ServedSite:
    """``with ServedSite(2000, seed=1, work=dir) as site: site.base_url, site.expected_items()``."""

    def __init__(self, n_articles: int, seed: int, work: Path, prerender: bool = True) -> None:
        # prerender: article pages rendered before serving, so the server's CPU during a crawl is
        # mostly HTTP (the memory step, whose sites are 10x larger, renders on request)
        self.n_articles, self.seed, self.work, self.prerender = n_articles, seed, work, prerender
        self.expected_path = work / f"expected-{n_articles}.jsonl"
        self.base_url = ""
        self.startup_seconds = 0.0
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> ServedSite:
        self.work.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "tests.localsite", "serve", "--articles", str(self.n_articles),
                   "--seed", str(self.seed), "--expected", str(self.expected_path)]
        if self.prerender:
            command.append("--prerender")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        self._process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, text=True)
        assert self._process.stdout is not None
        line = self._process.stdout.readline()  # blocks until the site is built and bound
        if not line.startswith("serving "):
            self.close()
            raise RuntimeError(f"the local site did not start (got {line!r})")
        self.base_url = line.split()[1].rstrip("/")
        self.startup_seconds = time.monotonic() - started
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @property
    def pid(self) -> int:
        return self._process.pid if self._process else 0

    def expected_items(self) -> list[dict[str, Any]]:
        return read_jsonl(self.expected_path)

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            stop(process)
