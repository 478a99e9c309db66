"""Helpers for the scheduled-operation tests: run ``ipgirl-crawl`` and read what a run left."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.crawl_check import ROOT

ENTRYPOINT = Path(sys.executable).parent / "ipgirl-crawl"


def entrypoint_command(base_url: str, state: Path, data: Path, *extra: str) -> list[str]:
    return [str(ENTRYPOINT), "-a", f"base_url={base_url}", "-s", f"IPGIRL_STATE_DIR={state}",
            "-s", f"IPGIRL_DATA_DIR={data}", *extra]


def run_entrypoint(base_url: str, state: Path, data: Path, *extra: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(entrypoint_command(base_url, state, data, *extra), cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})


def article_lines(data: Path) -> list[str]:
    return [line for path in sorted(data.glob("articles/run_date=*/*.jsonl"))
            for line in path.read_text("utf-8").splitlines()]


def articles(data: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in article_lines(data)]


def article_page_fetches(requests: list[dict[str, Any]], status: int = 200) -> int:
    return sum(1 for r in requests if r.get("status") == status and r["path"].count("/") == 3
               and r["path"].split("/")[3][:1].isdigit())
