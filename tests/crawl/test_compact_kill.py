"""``kill -9`` of ``ipgirl-compact`` at every step, and after random delays: what it leaves is the old
snapshot or the new one, whole (the manifest's count and sha256 those of the files beside it), and
the next compaction cleans up after it. A step is each call that changes which files are where
(mkdir, rename, replace, symlink, unlink, rmdir, rmtree): a forked child compacts and SIGKILLs
itself right after the Nth one (forked, so that ~40 compactions cost no interpreter start each)."""
from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ipgirl_crawler.cli.compact import main
from ipgirl_crawler.output.snapshot import compaction_lock
from tests.crawl.test_compact import article

STEPS = ("mkdir", "rename", "replace", "symlink", "unlink", "rmdir")
OLD_ARTICLES, NEW_ARTICLES = 2000, 300


def _counted(real: Callable[..., Any], count: list[int], kill_at: int) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        count[0] += 1
        if count[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return call


def compact_child(data: Path, kill_at: int = 0, steps_file: Path | None = None) -> int:
    """Compact ``data`` in a forked child, SIGKILLed right after its ``kill_at``-th step (0: never);
    its exit status (-9 when killed). ``steps_file`` gets the number of steps of a whole run."""
    pid = os.fork()
    if pid == 0:  # the child: nothing it does returns into pytest
        status = 3
        try:
            count = [0]
            for name in STEPS:
                setattr(os, name, _counted(getattr(os, name), count, kill_at))
            shutil.rmtree = _counted(shutil.rmtree, count, kill_at)
            status = main(["--data-dir", str(data)])
            if steps_file is not None:
                steps_file.write_text(str(count[0]))
        finally:
            os._exit(status)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def write_run(data: Path, run_date: str, items: list[dict[str, Any]]) -> None:
    folder = data / "articles" / f"run_date={run_date}"
    folder.mkdir(parents=True)
    text = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    (folder / f"ipgirl-{run_date.replace('-', '')}T020000Z-00001.jsonl").write_text(text, encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def visible(data: Path) -> str:
    """The sha256 of the ``articles.jsonl`` a reader sees, after checking it against the manifest beside it."""
    folder = Path(os.path.realpath(data / "snapshot"))  # resolved once, as a reader of several files does
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    beside = {p.name for p in folder.iterdir() if not p.name.endswith(".part")}  # readers skip part files
    assert set(manifest["files"]) == beside - {"manifest.json", "duckdb.sql"}
    for name, facts in manifest["files"].items():
        assert sha256(folder / name) == facts["sha256"] and (folder / name).stat().st_size == facts["bytes"], name
    lines = (folder / "articles.jsonl").read_bytes().count(b"\n")
    assert lines == manifest["count"], f"a torn snapshot: {lines} lines, manifest {manifest['count']}"
    return manifest["files"]["articles.jsonl"]["sha256"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A data directory compacted once (the old snapshot), then a new run (the new one's content),
    and the same in the layout before (``snapshot/`` a folder of plain files)."""
    root = tmp_path_factory.mktemp("kill")
    data = root / "data"
    write_run(data, "2026-11-19", [article(10_000 + n, "en", "2026-11-19T10:00:00Z", f"old {n}")
                                   for n in range(OLD_ARTICLES)])
    assert compact_child(data) == 0
    old = visible(data)
    write_run(data, "2026-11-20", [article(10_000 + n, "en", "2026-11-20T10:00:00Z", f"new {n}")
                                   for n in range(0, OLD_ARTICLES + NEW_ARTICLES, 7)])
    legacy = root / "legacy"
    shutil.copytree(data, legacy, symlinks=True, ignore=shutil.ignore_patterns("snapshot", "snapshots"))
    shutil.copytree(os.path.realpath(data / "snapshot"), legacy / "snapshot")
    probe = root / "probe"
    shutil.copytree(data, probe, symlinks=True)
    assert compact_child(probe) == 0
    return {"data": data, "legacy": legacy, "old": old, "new": visible(probe)}


def check_kill_then_rerun(runs: dict[str, Any], start: Path, work: Path, kill: Callable[[Path], int]) -> bool:
    """Kill a compaction of a copy of ``start``; True when it was killed. Either way the snapshot
    seen is the old or the new one, and one more compaction leaves the new one and nothing else."""
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(start, data, symlinks=True)
    status = kill(data)
    assert status in (0, -signal.SIGKILL), status
    assert visible(data) in (runs["old"], runs["new"])
    assert compact_child(data) == 0
    assert visible(data) == runs["new"]
    assert len(list((data / "snapshots").iterdir())) <= 3  # the lock, the current and the previous version
    assert not list(data.glob(".snapshot.*"))
    return status == -signal.SIGKILL


@pytest.mark.parametrize("layout", ["data", "legacy"])
def test_a_kill_at_any_step_leaves_the_old_snapshot_or_the_new_one(runs: dict[str, Any], layout: str,
                                                                  tmp_path: Path) -> None:
    step = 1
    while check_kill_then_rerun(runs, runs[layout], tmp_path, lambda data: compact_child(data, step)):
        step += 1
    assert step > 7  # each step (mkdir, 4 renames, symlink, switch) a kill point, until one ran to its end


def test_a_kill_after_a_random_delay_leaves_the_old_snapshot_or_the_new_one(runs: dict[str, Any],
                                                                           tmp_path: Path) -> None:
    rng = random.Random(25)

    def after_a_delay(data: Path) -> int:
        pid = os.fork()
        if pid == 0:
            os._exit(main(["--data-dir", str(data)]))
        time.sleep(rng.uniform(0.0, 0.5))
        os.kill(pid, signal.SIGKILL)
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    for _ in range(10):
        check_kill_then_rerun(runs, runs["data"], tmp_path, after_a_delay)


def test_one_compaction_at_a_time_and_old_versions_go(runs: dict[str, Any], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(runs["data"], data, symlinks=True)
    first = os.readlink(data / "snapshot")
    with compaction_lock(data):
        assert main(["--data-dir", str(data)]) == 1
    assert "another ipgirl-compact is running on" in capsys.readouterr().err
    assert os.readlink(data / "snapshot") == first
    for _ in range(3):
        assert main(["--data-dir", str(data)]) == 0
    assert visible(data) == runs["new"]
    versions = sorted(p.name for p in (data / "snapshots").iterdir() if p.is_dir())
    assert len(versions) == 2 and os.readlink(data / "snapshot") == f"snapshots/{versions[-1]}"  # and the previous


def test_a_planted_snapshots_link_is_never_written_through(runs: dict[str, Any], tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    shutil.copytree(runs["data"], data, symlinks=True, ignore=shutil.ignore_patterns("snapshot", "snapshots"))
    elsewhere.mkdir()
    (data / "snapshots").symlink_to(elsewhere)
    assert main(["--data-dir", str(data)]) == 1
    assert "snapshots is a symlink" in capsys.readouterr().err and not list(elsewhere.iterdir())
