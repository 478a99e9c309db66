"""Scheduling with scrapyd: a real scrapyd on 127.0.0.1, this project deployed with scrapyd-deploy as an
egg built from a copy of the repository, one ``ipgirl`` job against the local site, all items found."""
from __future__ import annotations

import configparser
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipgirl_crawler import settings as project_settings
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, read_jsonl
from tests.support.processes import stop

BIN = Path(sys.executable).parent
PROJECT = "ipgirl_crawler"
JOB_TIMEOUT = 180.0
# What the egg needs and nothing else: no tests, no data, no virtualenv.
EGG_SOURCES = ("ipgirl_crawler", "pipelines", "pyproject.toml", "scrapy.cfg", "README.md")
# scrapyd finds a project's settings module through this entry point of its egg. scrapyd-deploy's
# generated setup.py declares it, but setuptools ignores setup.py entry points once pyproject.toml has
# [project.scripts]: pyproject.toml must declare it (added to the copy here when missing).
ENTRY_POINT = '\n[project.entry-points.scrapy]\nsettings = "ipgirl_crawler.settings"\n'
# Only in the copy, so only in the egg: proves the job ran the deployed egg, not this working tree
# (which the virtualenv's editable install also makes importable).
EGG_PROBE = '''
from pathlib import Path
from scrapy.exceptions import NotConfigured
import ipgirl_crawler


class EggProbe:
    @classmethod
    def from_crawler(cls, crawler):
        Path(crawler.settings["EGG_PROBE_FILE"]).write_text(ipgirl_crawler.__file__)
        raise NotConfigured("probe done")
'''
SCRAPYD_CONF = """[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {work}/eggs
logs_dir = {work}/logs
dbs_dir = {work}/dbs
# items_dir stays empty on purpose: when set, scrapyd passes its own FEEDS, which replaces the
# project's run-partitioned feed (and any setting=FEEDS=...) - the data layout would be lost.
items_dir =
jobs_to_keep = 5
max_proc = 1
poll_interval = 0.5
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def api(base: str, endpoint: str, data: dict[str, Any] | list[tuple[str, str]] | None = None) -> dict[str, Any]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=30) as response:
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def copy_project(target: Path) -> Path:
    """A copy of what the egg is built from, so that scrapyd-deploy's setup.py, build/ and
    *.egg-info land in the copy and never in the working tree."""
    for name in EGG_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, target / name)
    pyproject = target / "pyproject.toml"
    if "[project.entry-points.scrapy]" not in pyproject.read_text(encoding="utf-8"):
        with pyproject.open("a", encoding="utf-8") as handle:
            handle.write(ENTRY_POINT)
    (target / "ipgirl_crawler" / "run" / "egg_probe.py").write_text(EGG_PROBE, encoding="utf-8")
    return target


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[dict[str, Any]]:
    work = tmp_path / "scrapyd"
    work.mkdir()
    port = free_port()
    (work / "scrapyd.conf").write_text(SCRAPYD_CONF.format(port=port, work=work), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    # cwd=work: scrapyd reads ./scrapyd.conf, and no scrapy.cfg lies above it to be picked up by jobs.
    log = (work / "scrapyd.out").open("wb")
    process = subprocess.Popen([str(BIN / "scrapyd")], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: ping(base), 30, f"scrapyd did not start: {(work / 'scrapyd.out').read_text()[-2000:]}")
        yield {"base": base, "work": work, "port": port}
    finally:
        stop(process, timeout=20)
        log.close()


def ping(base: str) -> bool:
    try:
        return bool(api(base, "daemonstatus.json")["status"] == "ok")
    except OSError:
        return False


def wait_until(condition: Any, timeout: float, message: str, every: float = 0.5) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    pytest.fail(message)


def deploy(project_copy: Path, base: str) -> subprocess.CompletedProcess[str]:
    config = configparser.ConfigParser()
    config.read(project_copy / "scrapy.cfg")
    config["deploy"] = {"url": f"{base}/", "project": PROJECT}
    with (project_copy / "scrapy.cfg").open("w", encoding="utf-8") as handle:
        config.write(handle)
    return subprocess.run([str(BIN / "scrapyd-deploy"), "-v", "test-1"], cwd=project_copy, capture_output=True,
                          text=True, timeout=300, check=False)


def finished_job(base: str, job_id: str) -> dict[str, Any] | None:
    return next((job for job in api(base, f"listjobs.json?project={PROJECT}")["finished"] if job["id"] == job_id),
                None)


def test_deploy_schedule_and_collect_all_items(scrapyd: dict[str, Any], tmp_path: Path) -> None:
    base, data, probe = scrapyd["base"], tmp_path / "data", tmp_path / "egg-probe.txt"
    project_copy = copy_project(tmp_path / "project")
    done = deploy(project_copy, base)
    assert done.returncode == 0 and '"status": "ok"' in done.stdout, done.stdout + done.stderr
    assert not (ROOT / "setup.py").exists()  # the working tree stays clean
    assert api(base, f"listspiders.json?project={PROJECT}")["spiders"] == ["ipgirl"]

    extensions = {**project_settings.EXTENSIONS, "ipgirl_crawler.run.egg_probe.EggProbe": 0}
    with LocalSite(n_articles=40, seed=5) as site:
        job = api(base, "schedule.json", [
            ("project", PROJECT), ("spider", "ipgirl"), ("base_url", site.base_url),
            # Absolute paths: a job's cwd is scrapyd's, and the defaults (data/, data/state) are relative.
            ("setting", f"IPGIRL_DATA_DIR={data}"), ("setting", f"IPGIRL_STATE_DIR={tmp_path / 'state'}"),
            ("setting", f"EXTENSIONS={json.dumps(extensions)}"), ("setting", f"EGG_PROBE_FILE={probe}"),
        ])
        assert job["status"] == "ok", job
        finished = wait_until(lambda: finished_job(base, job["jobid"]), JOB_TIMEOUT,
                              f"job not finished in {JOB_TIMEOUT:.0f} s: {api(base, 'listjobs.json')}", every=1.0)
        expected = {item["url"] for item in site.expected_items()}

    log_file = scrapyd["work"] / "logs" / PROJECT / "ipgirl" / f"{job['jobid']}.log"
    log = log_file.read_text(encoding="utf-8")
    assert "'finish_reason': 'finished'" in log and "Traceback" not in log, log[-3000:]
    assert ".egg" in probe.read_text(encoding="utf-8")  # the code that ran came from the deployed egg
    items = [item for path in sorted(data.glob("articles/run_date=*/ipgirl-*.jsonl")) for item in read_jsonl(path)]
    assert len(items) == 40 and {item["url"] for item in items} == expected
    assert list(data.glob("articles/run_date=*/*.stats.json")), "no stats file: the run did not close cleanly"
    assert finished.get("log_url") and not list(scrapyd["work"].glob("data"))  # nothing written relative to cwd
