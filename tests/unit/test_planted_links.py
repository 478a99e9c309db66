"""Each place a run writes refuses a planted link on its own (a link planted after the start-up
check), on real files: the lock, the stats, retention, partition folders, archive parts."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from scrapy.settings import Settings

from ipgirl_crawler.archive.writer import ArchiveFile, prune
from ipgirl_crawler.discovery.frontier import spill_frontier_to_disk
from ipgirl_crawler.output.files import PlantedLink, make_folder
from ipgirl_crawler.run import segments
from ipgirl_crawler.preflight.checks import check_no_planted_links
from ipgirl_crawler.run.config import ConfigurationError
from ipgirl_crawler.run.records import RecordFile
from ipgirl_crawler.run.state import StateLock

VICTIM_TEXT = "precious, must stay as it is\n"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    path = outside / "victim.txt"
    path.write_text(VICTIM_TEXT)
    return path


def untouched(victim: Path) -> bool:
    return victim.read_text() == VICTIM_TEXT and [p.name for p in victim.parent.iterdir()] == ["victim.txt"]


def test_the_lock_is_never_taken_through_a_link(tmp_path: Path, victim: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "lock").symlink_to(victim)
    with pytest.raises(PlantedLink, match="lock is a symbolic link"):
        StateLock(tmp_path / "site").acquire()
    assert untouched(victim)


def test_the_lock_of_a_real_file_holds_the_pid(tmp_path: Path) -> None:
    lock = StateLock(tmp_path / "site").acquire()
    assert (tmp_path / "site" / "lock").read_text().strip().isdigit()
    lock.release()


def test_the_run_stats_are_never_written_through_a_planted_part(tmp_path: Path, victim: Path) -> None:
    (tmp_path / "run-stats.json.part").symlink_to(victim)
    segments.save(tmp_path, "20261207T000000Z", {"item_scraped_count": 3})
    assert untouched(victim)
    assert segments.load_earlier(tmp_path, "20261207T000000Z") == {"item_scraped_count": 3}


def test_retention_never_follows_a_link(tmp_path: Path, victim: Path) -> None:
    root = tmp_path / "archive"
    (root / "run_date=2000-01-02").mkdir(parents=True)
    (root / "run_date=2000-01-01").symlink_to(victim.parent)
    pruned = prune(root, 30, date(2026, 12, 7), "run_date=2026-12-07")
    assert pruned == ["run_date=2000-01-02"] and untouched(victim)


@pytest.mark.parametrize(("planted", "folder"), [
    ("articles", "articles/run_date=2026-12-07"),  # the kind folder
    ("articles/run_date=2026-12-07", "articles/run_date=2026-12-07"),  # the partition itself
])
def test_a_partition_folder_is_never_made_through_a_link(tmp_path: Path, victim: Path, planted: str, folder: str) -> None:
    data = tmp_path / "data"
    (data / planted).parent.mkdir(parents=True, exist_ok=True)
    (data / planted).symlink_to(victim.parent)
    with pytest.raises(PlantedLink) as refused:
        make_folder(data / folder, data)
    assert refused.value.path == data / planted and untouched(victim)


def test_the_data_directory_itself_may_be_a_link(tmp_path: Path) -> None:
    (tmp_path / "disk").mkdir()
    (tmp_path / "data").symlink_to(tmp_path / "disk")
    make_folder(tmp_path / "data" / "articles" / "run_date=2026-12-07", tmp_path / "data")
    assert (tmp_path / "disk" / "articles" / "run_date=2026-12-07").is_dir()
    make_folder(tmp_path / "elsewhere" / "x", tmp_path / "data")  # outside the root: a plain mkdir
    assert (tmp_path / "elsewhere" / "x").is_dir()


def test_a_record_file_refuses_a_linked_partition(tmp_path: Path, victim: Path) -> None:
    data = tmp_path / "data"
    (data / "failures").mkdir(parents=True)
    (data / "failures" / "run_date=2026-12-07").symlink_to(victim.parent)
    with pytest.raises(PlantedLink):
        RecordFile(data / "failures" / "run_date=2026-12-07" / "ipgirl-x-00001.jsonl", data).write({"url": "u"})
    assert untouched(victim)


def test_an_archive_part_is_never_appended_through_a_link(tmp_path: Path, victim: Path) -> None:
    folder = tmp_path / "data" / "archive" / "run_date=2026-12-07"
    folder.mkdir(parents=True)
    (folder / "ipgirl-x-00001.warc.gz.part").symlink_to(victim)
    with pytest.raises(OSError):
        ArchiveFile(folder / "ipgirl-x-00001.warc.gz", tmp_path / "data")
    assert untouched(victim)


@pytest.mark.parametrize(("planted", "refused"), [
    ("state/site/lock", True),
    ("state/site/state.sqlite-wal", True),
    ("state/site/worker-1/lock", True),
    ("state/site/frontier", True),
    ("data/archive/run_date=2000-01-01", True),
    ("data/gone", True),
    ("data/snapshot", False),  # not a folder a run writes into
    ("data/articles/run_date=2026-12-07/ipgirl-x-00001.jsonl", False),  # a file name is replaced, not followed
])
def test_the_start_up_check_names_the_first_planted_link(tmp_path: Path, victim: Path, planted: str, refused: bool) -> None:
    (tmp_path / "state" / "site").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / planted).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / planted).symlink_to(victim)
    if refused:
        with pytest.raises(ConfigurationError, match="symbolic link") as error:
            check_no_planted_links(tmp_path / "data", tmp_path / "state" / "site")
        assert str(tmp_path / planted) in str(error.value)
    else:
        check_no_planted_links(tmp_path / "data", tmp_path / "state" / "site")
    assert untouched(victim)


def test_the_frontier_is_never_made_through_a_link(tmp_path: Path, victim: Path) -> None:
    (tmp_path / "frontier").symlink_to(victim.parent)
    settings = Settings({"SCHEDULER": "scrapy.core.scheduler.Scheduler"})
    spill_frontier_to_disk(settings, tmp_path)
    assert not (tmp_path / "frontier").exists() and settings.get("JOBDIR") == str(tmp_path / "frontier")
    assert untouched(victim)
