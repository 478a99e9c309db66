"""What every tracked text file must be, whatever it says: no merge left half done in it."""
from __future__ import annotations

import re
import subprocess

from tests.support.crawl_check import ROOT

# A merge's conflict markers at a line's start (git writes 7 of each): a docs table once shipped
# with both sides of a conflict in it.
CONFLICT = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)
TEXT = (".py", ".md", ".toml", ".cfg", ".in", ".txt", ".json", ".yml", ".yaml")


def test_no_tracked_file_holds_merge_conflict_markers() -> None:
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    tracked = [ROOT / n for n in names if n.endswith(TEXT) or n in ("Makefile", ".ci/run")]
    assert len(tracked) > 50  # the listing worked
    marked = [str(p.relative_to(ROOT)) for p in tracked if p.is_file() and CONFLICT.search(p.read_text("utf-8", "replace"))]
    assert marked == []
