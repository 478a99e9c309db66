"""Where a crawl keeps its state: a folder per site, a slot per distributed worker."""
from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from ipgirl_crawler.output.files import BATCH_GLOB
from ipgirl_crawler.run.state import StateLock, StateLocked, claim_worker_slot, site_state_dir


@pytest.mark.parametrize(("base_url", "folder"), [
    ("https://www.ipgirl.com", "www.ipgirl.com"),
    ("http://www.ipgirl.com", "www.ipgirl.com"),  # one site whichever scheme asks
    ("http://127.0.0.1:8800", "127.0.0.1_8800"),
    ("http://127.0.0.1:8801", "127.0.0.1_8801"),  # another copy of the site: another folder
    ("http://[::1]:8800", "__1_8800"),
    ("http://WWW.IPGIRL.COM", "www.ipgirl.com"),
])
def test_each_site_has_a_folder_of_its_own(base_url: str, folder: str) -> None:
    assert site_state_dir("/state", base_url) == Path("/state") / folder


def test_workers_take_the_first_free_slot(tmp_path: Path) -> None:
    first, first_lock = claim_worker_slot(tmp_path)
    second, second_lock = claim_worker_slot(tmp_path)
    assert (first.name, second.name) == ("worker-1", "worker-2")
    first_lock.release()
    again, again_lock = claim_worker_slot(tmp_path)
    assert again.name == "worker-1"  # a slot freed by a finished worker is taken again
    for lock in (second_lock, again_lock):
        lock.release()


def test_a_held_slot_cannot_be_locked_twice(tmp_path: Path) -> None:
    slot, lock = claim_worker_slot(tmp_path)
    with pytest.raises(StateLocked):
        StateLock(slot).acquire()
    lock.release()


@pytest.mark.parametrize(("name", "of_run_x"), [
    ("ipgirl-20261201T080000Z-00001.jsonl", True),
    ("ipgirl-20261201T080000Z-123456.jsonl", True),
    ("ipgirl-20261201T080000Z-2-00001.jsonl", False),  # the second run started in that second
    ("ipgirl-20261201T080000Z-worker-1-00001.jsonl", False),  # a distributed worker's run
])
def test_a_runs_files_are_told_apart_from_runs_whose_id_extends_it(name: str, of_run_x: bool) -> None:
    assert fnmatch.fnmatch(name, f"ipgirl-20261201T080000Z-{BATCH_GLOB}") is of_run_x
