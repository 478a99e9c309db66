"""Files the crawl writes are created, never opened: ``O_EXCL | O_NOFOLLOW`` under a name nobody
can guess (``<name>.<random>.part``), then renamed into place.

A predictable name in a shared directory lets anyone who can write there plant a symlink at it
and have the crawl overwrite whatever it points to, or plant a file and have the crawl fail.
``O_EXCL`` refuses any existing entry, a symlink included; the random part makes planting one
pointless. ``os.replace`` onto the final name replaces a planted symlink rather than following it.
Permissions are ``0o666`` less the umask (``ipgirl-crawl`` sets 027: ``rw-r-----``).
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
from datetime import datetime
from pathlib import Path
from typing import IO, Any

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_APPEND = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
PART_SUFFIX = ".part"
# A run's files are ipgirl-<run_id>-<batch>.jsonl, the batch five digits or more: what follows
# "ipgirl-X-" in the files of run X-2 or X-worker-1 starts otherwise, so a glob for X's is X's only.
BATCH_GLOB = "[0-9][0-9][0-9][0-9][0-9]*.jsonl"


class PlantedLink(OSError):
    """A symbolic link where the crawl writes a folder or file of its own: refused, never followed."""

    def __init__(self, path: Path) -> None:
        try:
            target = f" (to {os.readlink(path)})"
        except OSError:
            target = ""
        super().__init__(f"{path} is a symbolic link{target}: the crawl never writes through a link; remove it")
        self.path = path


def planted_link(root: Path, depth: int = 1) -> Path | None:
    """The first symbolic link among the entries of ``root``, down to ``depth`` levels (links are
    never followed), or None. ``root`` itself may be a link: the operator's choice of where it is."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return None
    for entry in entries:
        if entry.is_symlink():
            return Path(entry.path)
        if depth > 1 and entry.is_dir(follow_symlinks=False):
            found = planted_link(Path(entry.path), depth - 1)
            if found is not None:
                return found
    return None


def make_folder(folder: Path, root: Path | None = None) -> None:
    """``folder`` and its parents made; below ``root`` (the data directory), each one opened by the
    descriptor of its parent with ``O_NOFOLLOW``, so a link planted there is ``PlantedLink``, and
    the files the caller then writes never land outside ``root``."""
    try:
        below = folder.relative_to(root) if root is not None else None
    except ValueError:
        below = None
    if below is None:
        folder.mkdir(parents=True, exist_ok=True)
        return
    root.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
    descriptor, path = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC), root
    try:
        for name in below.parts:
            path = path / name  # type: ignore[operator]
            try:
                os.mkdir(name, dir_fd=descriptor)
            except FileExistsError:
                pass
            try:
                inner = os.open(name, _FOLDER, dir_fd=descriptor)
            except OSError as error:  # ELOOP: a link; ENOTDIR: a file, or a link on some systems
                raise PlantedLink(path) if os.path.islink(path) else error from None
            os.close(descriptor)
            descriptor = inner
    finally:
        os.close(descriptor)


def create_exclusive(path: Path, text: bool = False) -> IO:  # type: ignore[type-arg]
    """A new file at ``path``; ``FileExistsError`` if anything (a symlink too) is already there."""
    descriptor = os.open(path, _CREATE, 0o666)
    return os.fdopen(descriptor, "w", encoding="utf-8") if text else os.fdopen(descriptor, "wb")


def create_part(final: Path, text: bool = False) -> tuple[Path, IO]:  # type: ignore[type-arg]
    """A new part file beside ``final``, under a random name, and its handle."""
    while True:
        part = final.with_name(f"{final.name}.{secrets.token_hex(8)}{PART_SUFFIX}")
        try:
            return part, create_exclusive(part, text)
        except FileExistsError:  # 2^-64 by chance, or planted: try another name
            continue


def open_append(path: Path, buffering: int = -1) -> IO[bytes]:
    """``path`` for appending (created if absent), never through a symlink (``ELOOP``)."""
    return os.fdopen(os.open(path, _APPEND, 0o666), "ab", buffering=buffering)


def parts_of(final: Path) -> list[Path]:
    """The part files written for ``final`` (``create_part``'s names, and the older ``<name>.part``),
    newest first: what recovery renames into place when a crash came between the two steps."""
    found = [path for path in final.parent.glob(f"{final.name}.*{PART_SUFFIX}")
             if len(path.name) == len(final.name) + 17 + len(PART_SUFFIX) and not path.is_symlink()]
    legacy = final.with_name(final.name + PART_SUFFIX)
    if legacy.exists() and not legacy.is_symlink():
        found.append(legacy)
    return sorted(found, key=lambda path: path.stat().st_mtime, reverse=True)


def parse_umask(value: object) -> int:
    """An octal umask such as ``027``; ``ValueError`` for anything else."""
    text = str(value).strip()
    if not text or len(text) > 4 or any(c not in "01234567" for c in text):
        raise ValueError(f"IPGIRL_UMASK must be an octal umask such as 027, got {value!r}")
    return int(text, 8)


def fsync_directory(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_json_atomically(path: Path, data: Any, root: Path | None = None) -> None:
    """``data`` as JSON at ``path``, whole or not at all; below ``root`` never through a link."""
    make_folder(path.parent, root)
    part, handle = create_part(path, text=True)
    with handle:
        json.dump(data, handle, ensure_ascii=False, indent=1, sort_keys=True, default=_json_default)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, path)
    fsync_directory(path.parent)


def _json_default(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
