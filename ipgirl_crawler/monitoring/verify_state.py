"""What the cross-checks keep in the site's ``state.sqlite`` between runs.

``verify_articles``: per article read, what the site states about it (its title and category
as the listings name them, else as its page read, the start of its summary and body, its
translations, its teasers): an incremental run checks a card or an ``hreflang`` pointing at a
page it did not fetch (304) against it, and a replay (which reads no listing) the teasers.
About 1 KB an article. ``verify_runs``: each run's per-field estimates, for the history check.
``verify_region``: the template's texts and places the body's check of lost parts found
(``verify_region.RegionEvidence.kept``), for incremental runs, which read too few pages to tell.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS verify_articles (key TEXT PRIMARY KEY, record TEXT, run_id TEXT);
CREATE TABLE IF NOT EXISTS verify_runs (run_id TEXT PRIMARY KEY, estimates TEXT);
CREATE TABLE IF NOT EXISTS verify_region (name TEXT PRIMARY KEY, keys TEXT);
"""
# The body's check of lost parts keeps, per kind, at most this many keys (8 bytes each): the
# template's texts and places are a few dozen a site.
MAX_REGION_KEYS = 20000
KEPT = ("url", "language", "title", "category", "summary", "body_prefix", "translations",
        "teaser_titles", "teaser_snippets", "teaser_categories", "stated_start")


class VerifyState:
    """The two tables, on the crawl state's connection (one sqlite file, one writer: the crawl)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.db.executescript(SCHEMA)
        self._cache: dict[str, dict[str, Any] | None] = {}

    def article(self, key: str) -> dict[str, Any] | None:
        if key not in self._cache:
            row = self.db.execute("SELECT record FROM verify_articles WHERE key = ?", (key,)).fetchone()
            self._cache[key] = json.loads(row[0]) if row else None
        return self._cache[key]

    def remember(self, run_id: str, records: Iterable[tuple[str, dict[str, Any]]]) -> None:
        rows = [(key, json.dumps({name: record.get(name) for name in KEPT}, ensure_ascii=False), run_id)
                for key, record in records]
        self.db.execute("BEGIN")  # one transaction: the connection autocommits each statement otherwise
        try:
            self.db.executemany("INSERT OR REPLACE INTO verify_articles VALUES (?, ?, ?)", rows)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def region_evidence(self) -> dict[str, list[int]]:
        return {name: json.loads(keys) for name, keys in self.db.execute("SELECT name, keys FROM verify_region")}

    def remember_region(self, kept: dict[str, list[int]]) -> None:
        """Adds this run's template texts and places to the earlier runs' (the newest kept)."""
        known = self.region_evidence()
        rows = [(name, json.dumps(list(dict.fromkeys([*keys, *known.get(name, ())]))[:MAX_REGION_KEYS]))
                for name, keys in kept.items()]
        self.db.executemany("INSERT OR REPLACE INTO verify_region VALUES (?, ?)", rows)

    def record_estimates(self, run_id: str, estimates: dict[str, float]) -> None:
        self.db.execute("INSERT OR REPLACE INTO verify_runs VALUES (?, ?)", (run_id, json.dumps(estimates, sort_keys=True)))

    def past_estimates(self, run_id: str, limit: int = 12) -> list[dict[str, Any]]:
        """The last ``limit`` runs' estimates before ``run_id``, oldest first."""
        rows = self.db.execute("SELECT run_id, estimates FROM verify_runs WHERE run_id < ? ORDER BY run_id DESC LIMIT ?",
                               (run_id, limit)).fetchall()
        return [{"run_id": rid, "estimates": json.loads(text)} for rid, text in reversed(rows)]
