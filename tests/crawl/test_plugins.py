"""Distributed mode is a plug-in: a local run never loads it; setting ``IPGIRL_REDIS_URL`` does."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, read_jsonl

# ``ipgirl-crawl`` run in a fresh interpreter, which then names the project's modules it loaded.
CRAWL_AND_LIST_MODULES = """
import json, sys
from ipgirl_crawler.cli.crawl import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted(m for m in sys.modules if m.startswith("ipgirl_crawler")),
                  "redis": "redis" in sys.modules}))
"""
PLUGINS_AND_LIST_MODULES = """
import json, sys
from scrapy.settings import Settings
from ipgirl_crawler.run import plugins
plugins.enabled(Settings({"IPGIRL_REDIS_URL": "redis://127.0.0.1:9/0"}))
print(json.dumps({"modules": sorted(m for m in sys.modules if m.startswith("ipgirl_crawler"))}))
"""


def _python(code: str, *arguments: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *arguments], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600, check=False)
    assert done.stdout.strip(), done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_local_run_loads_nothing_of_distributed_mode(tmp_path: Path) -> None:
    with LocalSite(n_articles=40, seed=3) as site:
        answer = _python(CRAWL_AND_LIST_MODULES, "-a", f"base_url={site.base_url}",
                         "-s", f"IPGIRL_STATE_DIR={tmp_path / 'state'}", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'data'}",
                         "-s", "IPGIRL_EXTRACTION_WORKERS=0", "-s", 'IPGIRL_MONITOR_THRESHOLDS={"min_articles_seen": 1}')
    items = [item for path in (tmp_path / "data" / "articles").rglob("*.jsonl") for item in read_jsonl(path)]
    assert answer["status"] == 0 and len(items) >= 30  # a real run, which wrote its items
    assert "ipgirl_crawler.run.state" in answer["modules"] and "ipgirl_crawler.spiders.ipgirl" in answer["modules"]
    assert [m for m in answer["modules"] if m.startswith("ipgirl_crawler.distributed")] == []
    assert answer["redis"] is False  # nor the Redis client (~50 ms of start-up)


def test_the_redis_setting_loads_the_plugin() -> None:
    assert "ipgirl_crawler.distributed.plugin" in _python(PLUGINS_AND_LIST_MODULES)["modules"]
