"""``make system-deps`` installs what is missing of Redis, Chromium and the CJK fonts the run
report's category names need, each checked on its own. Run with stand-ins for ``dpkg``,
``fc-list`` and ``apt-get`` first on PATH (the real ones would need root and the network): the
stand-in ``apt-get`` records what it was asked to install."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.support.crawl_check import ROOT


def stand_ins(folder: Path, fonts_installed: bool) -> Path:
    folder.mkdir()
    scripts = {
        "dpkg": f"exit {0 if fonts_installed else 1}",
        "fc-list": "echo 'DejaVuSans.ttf: DejaVu Sans:style=Book'",
        "apt-get": f'echo "$@" >> {folder / "apt.log"}',
        "redis-server": "exit 0", "chromium": "exit 0",
    }
    for name, body in scripts.items():
        path = folder / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)
    return folder


@pytest.mark.parametrize(("fonts_installed", "installed"), [(False, "fonts-noto-cjk"), (True, None)])
def test_system_deps_installs_the_cjk_fonts_when_they_are_missing(tmp_path: Path, fonts_installed: bool,
                                                                  installed: str | None) -> None:
    bin_dir = stand_ins(tmp_path / "bin", fonts_installed)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    done = subprocess.run(["make", "-s", "system-deps"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    asked = (bin_dir / "apt.log").read_text() if (bin_dir / "apt.log").exists() else ""
    if installed is None:
        assert asked == ""
    else:
        install = [line for line in asked.splitlines() if "install" in line]
        assert install and install[0].split()[-1] == installed, asked  # that alone: Redis and Chromium are there
