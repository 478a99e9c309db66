"""Whether a site's state file can be used: sound (SQLite's ``quick_check``), and how many runs it
holds; checked before a run starts (``preflight/checks.py``) and as the crawl opens it (``run/state.py``).
An empty file is a state without runs (SQLite reads it so), which the pre-flight check tells from a
first run by the runs the data directory holds."""
from __future__ import annotations

import sqlite3
from pathlib import Path


class StateUnusable(RuntimeError):
    """The state file is unreadable (truncated, overwritten), or went away during the run."""


STATE_FILE = "state.sqlite"
START_OVER = "-a full=1 (it starts the state over: every article is emitted again)"


def check_database(db: sqlite3.Connection, path: Path) -> None:
    """``StateUnusable``, naming the file and what to do, unless SQLite finds ``path`` sound."""
    try:
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        verdict = str(error)
    if verdict != "ok":
        raise StateUnusable(f"the state file {path} is unreadable ({verdict}): move it aside "
                            f"(mv {path} {path}.broken) and run with {START_OVER}")


def recorded_runs(path: Path) -> int:
    """How many runs the state file ``path`` recorded (0: absent or empty); ``StateUnusable``."""
    if not path.exists():
        return 0
    db = sqlite3.connect(path)  # read-write: closing it folds in and removes the -wal file a read-only one leaves
    try:
        check_database(db, path)
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name='runs'").fetchone():
            return 0  # an empty (truncated) file: SQLite reads it as a database without tables
        return db.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        db.close()
