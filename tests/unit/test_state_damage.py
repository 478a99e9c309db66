"""The state file checked at start (``recorded_runs``, ``check_state``) and during the run (``lost``),
on real SQLite files: absent, empty, cut short, overwritten, deleted or replaced under the run."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ipgirl_crawler.preflight.checks import check_state
from ipgirl_crawler.run.config import ConfigurationError
from ipgirl_crawler.run.state import StateStore
from ipgirl_crawler.run.state_file import StateUnusable, recorded_runs


def state_with_runs(folder: Path, runs: int = 2) -> Path:
    store = StateStore(folder)
    for _ in range(runs):
        run_id, _ = store.begin_run(full=False)
        store.finish_run(run_id, "finished")
    store.db.executemany("INSERT INTO articles (key, url) VALUES (?, ?)", [(f"fr:{n}", "u" * 500) for n in range(200)])
    store.close()
    return folder / "state.sqlite"


def test_recorded_runs_of_a_sound_state(tmp_path: Path) -> None:
    path = state_with_runs(tmp_path / "site")
    assert recorded_runs(path) == 2
    assert not path.with_name("state.sqlite-wal").exists()  # read without leaving anything behind
    assert recorded_runs(tmp_path / "none" / "state.sqlite") == 0


def test_an_empty_file_is_a_state_without_runs(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    path.write_bytes(b"")
    assert recorded_runs(path) == 0


@pytest.mark.parametrize("damage", ["halved", "overwritten", "header"])
def test_a_damaged_state_is_named_with_what_to_do(tmp_path: Path, damage: str) -> None:
    path = state_with_runs(tmp_path / "site")
    data = path.read_bytes()
    path.write_bytes({"halved": data[: len(data) // 2], "overwritten": os.urandom(len(data)),
                      "header": b"\0" * 100 + data[100:]}[damage])
    with pytest.raises(StateUnusable) as unusable:
        recorded_runs(path)
    assert str(path) in str(unusable.value) and "full=1" in str(unusable.value) and "move it aside" in str(unusable.value)
    with pytest.raises(StateUnusable):
        StateStore(path.parent)  # the crawl's own opening says the same


def manifest_of(data: Path, site: str | None, run_date: str = "2026-12-01") -> None:
    folder = data / "articles" / f"run_date={run_date}"
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"counts": {"articles": 0 if site and site.endswith("-O") else 30}}
    manifest.update({"site": site.removesuffix("-O")} if site else {})
    (folder / f"{run_date.replace('-', '')}T000000Z.manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize(("manifest_site", "state", "full", "refused"), [
    ("127.0.0.1_8800", None, False, "missing"),
    ("127.0.0.1_8800", "empty", False, "empty"),
    ("127.0.0.1_8800", None, True, None),  # starting over, as asked
    ("127.0.0.1_8800", "runs", False, None),
    ("127.0.0.1_9900", None, False, None),  # another site's runs
    ("127.0.0.1_8800-O", None, False, None),  # a run to -O: no article of it in the data directory
    (None, None, False, None),  # a manifest from before manifests named their site
    ("", None, False, None),  # no runs at all: a first run
])
def test_a_missing_state_of_a_site_with_runs_is_refused(tmp_path: Path, manifest_site: str | None, state: str | None,
                                                        full: bool, refused: str | None) -> None:
    data, site = tmp_path / "data", tmp_path / "state" / "127.0.0.1_8800"
    if manifest_site != "":
        manifest_of(data, manifest_site)
    if state == "runs":
        state_with_runs(site)
    elif state == "empty":
        site.mkdir(parents=True)
        (site / "state.sqlite").write_bytes(b"")
    if refused is None:
        check_state(data, site, full)
        return
    with pytest.raises(ConfigurationError, match=refused) as error:
        check_state(data, site, full)
    assert str(site / "state.sqlite") in str(error.value) and "full=1" in str(error.value)


@pytest.mark.parametrize("how", ["deleted", "folder deleted", "replaced"])
def test_a_state_gone_during_the_run_is_noticed(tmp_path: Path, how: str) -> None:
    store = StateStore(tmp_path / "site")
    assert store.lost() is None
    if how == "deleted":
        (tmp_path / "site" / "state.sqlite").unlink()
    elif how == "folder deleted":
        shutil.rmtree(tmp_path / "site")
    else:
        other = StateStore(tmp_path / "other")
        other.close()
        os.replace(tmp_path / "other" / "state.sqlite", tmp_path / "site" / "state.sqlite")
    lost = store.lost()
    assert lost is not None and str(tmp_path / "site" / "state.sqlite") in lost
    assert ("replaced" if how == "replaced" else "deleted") in lost
    store.close()
