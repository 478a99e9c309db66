"""The snapshot replaced whole: ``snapshot`` is a symlink to one complete version, switched by one rename.

Each file replaced on its own left a torn snapshot after a ``kill -9`` between two renames
(``articles.jsonl`` of 4,500 lines beside a manifest of 4,000 and another sha256: 8 tries of 8).
Now ``ipgirl-compact`` writes every file of a version, its manifest and digests included, into a
new folder ``snapshots/<UTC time>-<random>/`` that nothing points at yet, fsyncs it, then points
``snapshot`` at it: a symlink made under a random name and renamed over ``snapshot``, one atomic
step. A reader, or what a ``kill -9`` at any moment leaves, sees the old version or the new one;
``data/snapshot/articles.jsonl`` and the rest stay where the README says. A reader that opens
several files resolves ``snapshot`` once (``realpath``): the version before the current one is
kept until the next compaction, older ones and what a killed run left are removed.

A ``snapshot`` folder of the layout before (plain files) is swapped with the link in one
``renameat2(RENAME_EXCHANGE)`` (Linux 3.15); where the kernel or filesystem refuses it, it is
moved aside first, the one moment no snapshot is there, said in a warning.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from ipgirl_crawler.output.files import fsync_directory

log = logging.getLogger("ipgirl.compact")

SNAPSHOT_LINK = "snapshot"
VERSIONS = "snapshots"
LOCK = ".lock"
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


class SnapshotError(Exception):
    """The snapshot folders are not as this module leaves them (a planted link, another compaction)."""


def versions_root(data_dir: Path) -> Path:
    root = data_dir / VERSIONS
    if root.is_symlink():
        raise SnapshotError(f"{root} is a symlink: refusing to write the snapshot through it")
    root.mkdir(exist_ok=True)
    return root


@contextmanager
def compaction_lock(data_dir: Path) -> Iterator[None]:
    """One compaction at a time on a data directory: the clean-up removes versions a second one would be writing."""
    descriptor = os.open(versions_root(data_dir) / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SnapshotError(f"another ipgirl-compact is running on {data_dir}") from None
        yield
    finally:
        os.close(descriptor)  # releases the lock


def new_version(data_dir: Path) -> Path:
    """A new, empty version folder under ``snapshots/``: nothing points at it yet."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")  # sorts by time, within a second too
    version = versions_root(data_dir) / f"{stamp}-{secrets.token_hex(4)}"
    version.mkdir()  # exclusive: a name already there (planted) is an error, not reused
    return version


def current_version(data_dir: Path) -> str | None:
    """The name of the version ``snapshot`` points at, if it is a link to one of ``snapshots/``."""
    link = data_dir / SNAPSHOT_LINK
    if not link.is_symlink():
        return None
    target = Path(os.readlink(link))
    return target.name if target.parent == Path(VERSIONS) else None


def _exchange(new: Path, old: Path) -> bool:
    """Swap two names in one step (``renameat2``); False where the kernel or filesystem cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(old), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(old))


def publish(data_dir: Path, version: Path) -> str | None:
    """Point ``snapshot`` at ``version`` (complete and fsynced) in one rename, durably; returns the
    name the old layout's folder was moved to under ``snapshots/``, if there was one."""
    fsync_directory(version)
    link, temporary = data_dir / SNAPSHOT_LINK, data_dir / f".{SNAPSHOT_LINK}.{secrets.token_hex(8)}.link"
    os.symlink(f"{VERSIONS}/{version.name}", temporary)
    if link.is_dir() and not link.is_symlink():  # the layout before: a folder of plain files
        aside = version.parent / f"before-{version.name}"
        if _exchange(temporary, link):
            os.rename(temporary, aside)  # ``temporary`` now names the old folder
        else:
            log.warning("moving the old snapshot folder aside: until the link is in place there is no %s", link)
            os.rename(link, aside)
            os.replace(temporary, link)
        fsync_directory(data_dir)
        return aside.name
    os.replace(temporary, link)  # replaces the old link (or a planted one), never what it points at
    fsync_directory(data_dir)
    return None


def clean_up(data_dir: Path, keep: set[str]) -> list[str]:
    """Remove the versions not in ``keep`` and the temporary links a killed compaction left;
    returns their names. Only real folders and links are removed, never what a link points at."""
    removed = []
    for entry in sorted(versions_root(data_dir).iterdir()):
        if entry.name in keep or entry.name == LOCK:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry.name)
    for stray in data_dir.glob(f".{SNAPSHOT_LINK}.*.link"):
        if stray.is_symlink():
            stray.unlink()
            removed.append(stray.name)
    return removed
