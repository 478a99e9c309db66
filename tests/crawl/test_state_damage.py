"""A state deleted between runs or under a run, truncated or overwritten: named, in one line,
never an incremental run that silently emits every article again, never a traceback."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from ipgirl_crawler.run.state import site_state_dir
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT
from tests.support.operations import article_lines, entrypoint_command, run_entrypoint


def one_config_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr[-2000:]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ipgirl-crawl: configuration error: "), lines
    return lines[0]


def test_a_state_deleted_between_runs_is_named_and_full_starts_over(tmp_path: Path) -> None:
    state, data = tmp_path / "state", tmp_path / "data"
    with LocalSite(n_articles=30, seed=61) as site:
        assert run_entrypoint(site.base_url, state, data).returncode == 0
        shutil.rmtree(state)
        asked = len(site.requests())
        refused = run_entrypoint(site.base_url, state, data)
        assert len(site.requests()) == asked, "a refused run asks the site nothing"
        again = run_entrypoint(site.base_url, state, data, "-a", "full=1")
    line = one_config_line(refused)
    assert str(site_state_dir(state, site.base_url) / "state.sqlite") in line and "missing" in line
    assert "full=1" in line
    assert again.returncode == 0, again.stderr[-2000:]
    assert len(article_lines(data)) == 60  # the first run's 30, and the 30 of the run that started over


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _halved(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _overwritten(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


@pytest.mark.parametrize(("damage", "said"), [(_empty, "empty"), (_halved, "unreadable"), (_overwritten, "unreadable")])
def test_a_damaged_state_file_is_one_line_naming_it(tmp_path: Path, damage, said: str) -> None:  # type: ignore[no-untyped-def]
    state, data = tmp_path / "state", tmp_path / "data"
    with LocalSite(n_articles=30, seed=62) as site:
        assert run_entrypoint(site.base_url, state, data).returncode == 0
        database = site_state_dir(state, site.base_url) / "state.sqlite"
        assert database.stat().st_size > 8192 and not database.with_name("state.sqlite-wal").exists()
        damage(database)
        refused = [run_entrypoint(site.base_url, state, data) for _ in range(2)]  # every later run the same
    for done in refused:
        line = one_config_line(done)
        assert str(database) in line and said in line and "full=1" in line
        assert "Traceback" not in done.stderr
    assert len(article_lines(data)) == 30  # nothing emitted again


def test_a_state_deleted_during_the_run_fails_it(tmp_path: Path) -> None:
    state, data = tmp_path / "state", tmp_path / "data"
    with LocalSite(n_articles=80, seed=63) as site:
        site.set_latency(0.05)
        crawl = subprocess.Popen(entrypoint_command(site.base_url, state, data), cwd=ROOT, text=True,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
        deadline = time.monotonic() + 300
        while sum(1 for r in site.requests() if r["path"].count("/") == 3 and r["status"] == 200) < 5:
            assert crawl.poll() is None and time.monotonic() < deadline, "the crawl never got there"
            time.sleep(0.05)
        shutil.rmtree(site_state_dir(state, site.base_url))
        _, stderr = crawl.communicate(timeout=600)
        after = run_entrypoint(site.base_url, state, data)
    assert crawl.returncode == 1, stderr[-3000:]
    summary = stderr.strip().splitlines()[-1]
    assert "UNHEALTHY" in summary and "was deleted during the run" in summary, summary
    # The failed run committed nothing: the next one emits every article, once.
    assert after.returncode == 0, after.stderr[-2000:]
    assert len(article_lines(data)) == 80
