"""Output files are created exclusively (O_EXCL | O_NOFOLLOW, unpredictable names): a planted
symlink is never followed; ipgirl-crawl's files are not world-readable (umask 027)."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from ipgirl_crawler.output.files import create_exclusive, create_part, open_append, parse_umask, parts_of
from ipgirl_crawler.run.state import StateStore
from tests.localsite.server import LocalSite
from tests.support.crawl_check import crawl_command, read_jsonl, run_measured
from tests.support.operations import run_entrypoint

VICTIM_TEXT = "precious, must stay as it is\n"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text(VICTIM_TEXT)
    return path


def test_create_exclusive_never_follows_a_planted_symlink(tmp_path: Path, victim: Path) -> None:
    planted = tmp_path / "out.jsonl.part"
    planted.symlink_to(victim)
    with pytest.raises(FileExistsError):
        create_exclusive(planted)
    assert victim.read_text() == VICTIM_TEXT


def test_create_part_names_cannot_be_guessed(tmp_path: Path) -> None:
    final = tmp_path / "out.jsonl"
    (first, a), (second, b) = create_part(final), create_part(final)
    a.close(), b.close()
    assert first != second and first.name.startswith("out.jsonl.") and first.name.endswith(".part")
    assert parts_of(final)  # what recovery looks for


def test_append_never_follows_a_symlink(tmp_path: Path, victim: Path) -> None:
    planted = tmp_path / "out.jsonl"
    planted.symlink_to(victim)
    with pytest.raises(OSError) as refused:
        open_append(planted)
    assert refused.value.errno == errno.ELOOP
    assert victim.read_text() == VICTIM_TEXT


def test_recovery_finds_a_batch_written_under_a_random_name(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state")
    run_id, _ = store.begin_run(full=False)
    final = tmp_path / "data" / "ipgirl-x-00001.jsonl"
    final.parent.mkdir()
    part, handle = create_part(final)
    with handle:
        handle.write(b'{"language": "fr", "article_id": "1", "url": "u", "content_hash": "h"}\n')
    store.prepare_batch(final, run_id, [{"key": "fr:1", "url": "u", "content_hash": "h"}])
    # killed here, between the pending record and the rename
    assert store.recover() == [f"completed {final.name}"]
    assert final.exists() and not part.exists() and store.article("fr:1") is not None


def test_a_distributed_worker_keeps_a_pending_batch_only_on_its_own_commit_record(tmp_path: Path) -> None:
    """Recovery asks Redis about this very batch (run, file, keys): a record left by an earlier job
    for the same ``-O`` file never vouches for a batch whose commit did not run."""
    final = tmp_path / "data" / "out.worker-1.jsonl"
    final.parent.mkdir()
    identities = []
    for keys in (["fr:1", "fr:2"], ["fr:3"]):  # two jobs, one after the other, writing the same file
        store = StateStore(tmp_path / f"state-{len(identities)}")
        run_id, _ = store.begin_run(full=False)
        part, handle = create_part(final)
        with handle:
            handle.write(b"{}\n")
        store.prepare_batch(final, run_id, [{"key": key, "url": "u", "content_hash": "h"} for key in keys])
        assert store.batch_identity(final) == store.batch_identity(final)  # a resend: the same commit
        identities.append(store.batch_identity(final))
    assert identities[0] != identities[1]
    asked: list[tuple[Path, str]] = []
    assert store.recover(lambda path, identity: asked.append((path, identity)) or identity == identities[0]) == [
        f"discarded {final.name}"]
    assert asked == [(final, identities[1])] and not part.exists()


@pytest.mark.parametrize(("text", "value"), [("027", 0o027), ("22", 0o022), ("0077", 0o077)])
def test_parse_umask(text: str, value: int) -> None:
    assert parse_umask(text) == value


@pytest.mark.parametrize("text", ["", "abc", "9", "-1", "00000"])
def test_parse_umask_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="IPGIRL_UMASK"):
        parse_umask(text)


def test_a_crawl_replaces_a_planted_symlink_rather_than_writing_through_it(tmp_path: Path, victim: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.symlink_to(victim)
    with LocalSite(n_articles=20, seed=95) as site:
        status, _ = run_measured(crawl_command(site.base_url, output, tmp_path / "state",
                                               "-s", f"IPGIRL_DATA_DIR={tmp_path / 'data'}"))
    assert status == 0
    assert victim.read_text() == VICTIM_TEXT
    assert not output.is_symlink() and len(read_jsonl(output)) == 20


def test_the_cron_entry_point_writes_files_rw_r_____(tmp_path: Path) -> None:
    with LocalSite(n_articles=20, seed=96) as site:
        done = run_entrypoint(site.base_url, tmp_path / "state", tmp_path / "data")
    assert done.returncode == 0, done.stderr[-2000:]
    written = [path for path in (tmp_path / "data").rglob("*")] + [path for path in (tmp_path / "state").rglob("*")]
    files = [path for path in written if path.is_file()]
    assert any(path.suffix == ".jsonl" for path in files) and any(path.name.endswith(".report.html") for path in files)
    for path in written:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert not mode & 0o007, f"{path}: {oct(mode)}"  # nothing for others
        assert not mode & 0o020, f"{path}: {oct(mode)}"  # nor written by the group
    assert not list((tmp_path / "data").rglob("*.part"))
