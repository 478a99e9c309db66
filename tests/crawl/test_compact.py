"""``ipgirl-compact``: latest version per url from every run, atomically, readable by DuckDB and pyarrow."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ipgirl_crawler.items import CONTRACT_FIELDS, SCHEMA_VERSION
from ipgirl_crawler.cli.compact import main
from ipgirl_crawler.output.compact import CompactError, scan_runs, winning_lines
from ipgirl_crawler.schema import validation_errors
from tests.support.crawl_check import ROOT

BASE = "https://www.ipgirl.com"
RUN_1, RUN_2 = "2026-11-19", "2026-11-20"
LANGUAGE_QUERY = ("SELECT language, count(*) FROM read_json_auto('{glob}', hive_partitioning=true) "
                  "GROUP BY language")


def article(article_id: int, language: str, crawled_at: str, title: str) -> dict[str, Any]:
    """A complete contract item (every field, nested lists and translations) as the crawler exports it."""
    body = f"Body of {title}."
    url = f"{BASE}/{language}/robotics/{article_id}-story"
    item = {
        "url": url, "fetched_url": url + "?utm_source=home", "article_id": str(article_id), "language": language,
        "title": title, "summary": "A summary.", "category": "Robotics", "breadcrumbs": ["Home", "Robotics"],
        "authors": ["Ana Ruiz"], "published_at": "2023-07-04T00:00:00Z", "published_at_raw": "4 juillet 2023",
        "modified_at": None, "body_text": body, "body_html": f"<p>{body}</p>", "word_count": 4,
        "images": [{"url": f"{BASE}/media/{article_id}/1.jpg", "alt": "Robot", "caption": None}],
        "tags": ["robots"], "site_notice": None, "helpful_votes": 3, "total_votes": 4, "helpful_ratio": 0.75,
        "related": [{"title": "Other", "url": f"{BASE}/{language}/ai/7-other", "category": None,
                     "snippet": "Cut", "snippet_truncated": True}],
        "translations": {"ja": f"{BASE}/ja/robotics/{article_id + 1}-story"},
        "content_hash": hashlib.sha256(body.encode()).hexdigest(), "crawled_at": crawled_at,
        "schema_version": SCHEMA_VERSION,
    }
    return {name: item[name] for name in CONTRACT_FIELDS}


# (run date, item): A and F are in both runs; E's second copy was crawled earlier (a clock step back).
RUNS: list[tuple[str, dict[str, Any]]] = [
    (RUN_1, article(1001, "en", "2026-11-19T10:00:00Z", "A old")),
    (RUN_1, article(1002, "fr", "2026-11-19T10:01:00Z", "B")),
    (RUN_1, article(1003, "ja", "2026-11-19T10:02:00Z", "C")),
    (RUN_1, article(1005, "fr", "2026-11-19T12:00:00Z", "E kept")),
    (RUN_1, article(1006, "de", "2026-11-19T23:59:59Z", "F run 1")),
    (RUN_2, article(1001, "en", "2026-11-20T09:00:00Z", "A new")),
    (RUN_2, article(1004, "de", "2026-11-20T09:01:00Z", "D")),
    (RUN_2, article(1005, "fr", "2026-11-19T11:00:00Z", "E stale")),
    (RUN_2, article(1006, "de", "2026-11-19T23:59:59Z", "F run 2")),  # same crawled_at: the later run wins
]
KEPT_TITLES = {"A new", "B", "C", "D", "E kept", "F run 2"}


def make_data_dir(root: Path, garbage: bool) -> Path:
    """Two runs laid out as docs/data-layout.md says, plus a half-written ``*.part`` batch file."""
    for run_date in (RUN_1, RUN_2):
        folder = root / "articles" / f"run_date={run_date}"
        folder.mkdir(parents=True)
        run_id = run_date.replace("-", "") + "T020000Z"
        lines = [json.dumps(item, ensure_ascii=False) for day, item in RUNS if day == run_date]
        if garbage and run_date == RUN_1:
            lines[2:2] = ['{"url": "https://www.ipgirl.com/en/broken', ""]  # a cut line and a blank one
        (folder / f"ipgirl-{run_id}-00001.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / f"{run_id}.manifest.json").write_text("{}", encoding="utf-8")
    partial = article(1001, "en", "2026-11-21T00:00:00Z", "A partial")
    (root / "articles" / f"run_date={RUN_2}" / "ipgirl-20261120T020000Z-00002.jsonl.part").write_text(
        json.dumps(partial) + "\n" + '{"url": "trunc', encoding="utf-8")
    return root


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path / "data", garbage=True)


@pytest.fixture
def compacted(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = main(["--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    snapshot = data_dir / "snapshot"
    lines = (snapshot / "articles.jsonl").read_text("utf-8").splitlines()
    return {"code": code, "out": out, "err": err, "dir": snapshot, "items": [json.loads(line) for line in lines],
            "manifest": json.loads((snapshot / "manifest.json").read_text("utf-8"))}


def test_fixture_items_honour_the_contract() -> None:
    assert all(validation_errors(item) == [] for _, item in RUNS)


def test_snapshot_keeps_the_latest_version_of_each_url_sorted(compacted: dict[str, Any]) -> None:
    assert compacted["code"] == 0, compacted["err"]
    items = compacted["items"]
    urls = [item["url"] for item in items]
    assert urls == sorted(set(urls))
    assert {item["title"] for item in items} == KEPT_TITLES
    assert not list(compacted["dir"].glob("*.part"))


def test_manifest_counts_hashes_and_sources(compacted: dict[str, Any], data_dir: Path) -> None:
    manifest = compacted["manifest"]
    assert manifest["count"] == len(KEPT_TITLES) == len(compacted["items"])
    assert manifest["schema_version"] == SCHEMA_VERSION and manifest["schema_versions"] == {SCHEMA_VERSION: 6}
    assert manifest["items_read"] == len(RUNS)
    assert manifest["skipped"] == {"invalid_json": 1, "without_url": 0}
    for name, entry in manifest["files"].items():
        assert entry["sha256"] == hashlib.sha256((compacted["dir"] / name).read_bytes()).hexdigest()
    sources = [source["path"] for source in manifest["sources"]]
    assert sources == [f"articles/run_date={RUN_1}/ipgirl-20261119T020000Z-00001.jsonl",
                       f"articles/run_date={RUN_2}/ipgirl-20261120T020000Z-00001.jsonl"]
    first = data_dir / sources[0]
    assert manifest["sources"][0]["sha256"] == hashlib.sha256(first.read_bytes()).hexdigest()


def test_command_prints_one_summary_line_and_warns_about_the_invalid_line(data_dir: Path) -> None:
    # As a user runs it (the console script calls the same main), so the logging setup is the real one.
    done = subprocess.run([sys.executable, "-m", "ipgirl_crawler.cli.compact", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1
    assert "6 articles" in done.stdout and "1 invalid JSON lines" in done.stdout
    assert "invalid json" in done.stderr and "ipgirl-20261119T020000Z-00001.jsonl:3" in done.stderr


def test_snapshot_lines_are_the_run_lines_byte_for_byte(compacted: dict[str, Any], data_dir: Path) -> None:
    run_lines = {line for path in data_dir.glob("articles/run_date=*/*.jsonl")
                 for line in path.read_text("utf-8").splitlines()}
    snapshot_lines = (compacted["dir"] / "articles.jsonl").read_text("utf-8").splitlines()
    assert set(snapshot_lines) <= run_lines


def test_parquet_snapshot_has_the_same_rows_with_nested_types(compacted: dict[str, Any]) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pq.read_table(compacted["dir"] / "articles.parquet")
    assert table.column_names == list(CONTRACT_FIELDS)
    assert table.num_rows == compacted["manifest"]["count"]
    assert pa.types.is_struct(table.schema.field("related").type.value_type)
    assert pa.types.is_map(table.schema.field("translations").type)
    rows = table.to_pylist()
    assert [row["url"] for row in rows] == [item["url"] for item in compacted["items"]]
    assert rows[0]["related"] == compacted["items"][0]["related"]
    assert dict(rows[0]["translations"]) == compacted["items"][0]["translations"]
    assert compacted["manifest"]["parquet_nulled_values"] == 0


def test_without_parquet_a_stale_parquet_file_is_removed(compacted: dict[str, Any], data_dir: Path) -> None:
    assert main(["--data-dir", str(data_dir), "--no-parquet"]) == 0
    assert not (compacted["dir"] / "articles.parquet").exists()
    assert list(json.loads((compacted["dir"] / "manifest.json").read_text("utf-8"))["files"]) == ["articles.jsonl"]


def test_data_dir_from_the_environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPGIRL_DATA_DIR", str(data_dir))
    assert main(["--no-parquet"]) == 0
    assert (data_dir / "snapshot" / "articles.jsonl").exists()


def test_missing_data_dir_is_an_error(tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path / "nowhere")]) == 2


def test_a_run_file_changed_between_scan_and_write_is_refused(data_dir: Path) -> None:
    scan = scan_runs(data_dir)
    path = next(data_dir.glob(f"articles/run_date={RUN_2}/*.jsonl"))
    path.write_text("\n" + path.read_text("utf-8"), encoding="utf-8")  # every offset moves by one
    with pytest.raises(CompactError):
        list(winning_lines(data_dir, scan))


def _language_counts(connection: Any, glob: str) -> dict[str, int]:
    return dict(connection.execute(LANGUAGE_QUERY.format(glob=glob)).fetchall())


def test_duckdb_reads_the_run_files_and_the_snapshot(tmp_path: Path) -> None:
    import duckdb

    data_dir = make_data_dir(tmp_path / "data", garbage=False)
    assert main(["--data-dir", str(data_dir)]) == 0
    connection = duckdb.connect()
    every_version = Counter(item["language"] for _, item in RUNS)
    assert _language_counts(connection, f"{data_dir}/articles/run_date=*/*.jsonl") == every_version
    lines = (data_dir / "snapshot/articles.jsonl").read_text("utf-8").splitlines()
    latest = Counter(json.loads(line)["language"] for line in lines)
    assert latest == {"en": 1, "fr": 2, "ja": 1, "de": 2}
    snapshot = f"SELECT language, count(*) FROM read_json_auto('{data_dir}/snapshot/articles.jsonl') GROUP BY language"
    assert dict(connection.execute(snapshot).fetchall()) == latest
    if importlib.util.find_spec("pyarrow"):  # the Parquet snapshot exists only with pyarrow
        parquet = f"SELECT language, count(*) FROM read_parquet('{data_dir}/snapshot/articles.parquet') GROUP BY language"
        assert dict(connection.execute(parquet).fetchall()) == latest
    run_dates = connection.execute(f"SELECT DISTINCT run_date::VARCHAR FROM read_json_auto("
                                   f"'{data_dir}/articles/run_date=*/*.jsonl', hive_partitioning=true) ORDER BY 1")
    assert [row[0] for row in run_dates.fetchall()] == [RUN_1, RUN_2]


def test_values_that_do_not_fit_the_parquet_types_become_null_counted(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    folder = tmp_path / "data" / "articles" / f"run_date={RUN_1}"
    folder.mkdir(parents=True)
    odd = {**article(2001, "it", "2026-11-19T10:00:00Z", "Old run"), "helpful_votes": "93"}
    no_url = {**article(2002, "it", "2026-11-19T10:00:00Z", "No url"), "url": None}
    (folder / "ipgirl-20261119T020000Z-00001.jsonl").write_text(f"{json.dumps(odd)}\n{json.dumps(no_url)}\n", "utf-8")
    assert main(["--data-dir", str(tmp_path / "data")]) == 0
    manifest = json.loads((tmp_path / "data/snapshot/manifest.json").read_text("utf-8"))
    assert manifest["count"] == 1 and manifest["skipped"] == {"invalid_json": 0, "without_url": 1}
    assert manifest["parquet_nulled_values"] == 1
    row = pq.read_table(tmp_path / "data/snapshot/articles.parquet").to_pylist()[0]
    assert row["helpful_votes"] is None and row["total_votes"] == 4
    assert json.loads((tmp_path / "data/snapshot/articles.jsonl").read_text("utf-8"))["helpful_votes"] == "93"


def test_compacts_what_a_real_crawl_writes(tmp_path: Path) -> None:
    # The layout contract end to end: the crawler's own run files, not hand-made ones.
    from tests.localsite.server import LocalSite
    from tests.support.crawl_check import SCRAPY

    data_dir = tmp_path / "data"
    with LocalSite(n_articles=60, seed=11) as site:
        done = subprocess.run([str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={site.base_url}",
                               "-s", f"IPGIRL_DATA_DIR={data_dir}", "-s", f"IPGIRL_STATE_DIR={tmp_path / 'state'}",
                               "-s", "LOG_LEVEL=WARNING"], cwd=ROOT, capture_output=True, text=True, timeout=600,
                              check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    run_items = [json.loads(line) for path in data_dir.glob("articles/run_date=*/*.jsonl")
                 for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert run_items
    assert main(["--data-dir", str(data_dir)]) == 0
    lines = (data_dir / "snapshot/articles.jsonl").read_text("utf-8").splitlines()
    assert sorted(json.loads(line)["url"] for line in lines) == sorted({item["url"] for item in run_items})
    assert all(validation_errors(json.loads(line)) == [] for line in lines)


def write_gone(data_dir: Path, run_date: str, url: str, recorded_at: str) -> None:
    folder = data_dir / "gone" / f"run_date={run_date}"
    folder.mkdir(parents=True, exist_ok=True)
    record = {"url": url, "article_id": "0", "language": "en", "status": 404, "recorded_at": recorded_at}
    with (folder / f"ipgirl-{run_date.replace('-', '')}T020000Z-00001.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")


def test_articles_gone_since_their_latest_version_are_dropped(tmp_path: Path) -> None:
    data_dir = make_data_dir(tmp_path / "data", garbage=False)
    gone_b, gone_then_back = f"{BASE}/fr/robotics/1002-story", f"{BASE}/en/robotics/1001-story"
    write_gone(data_dir, RUN_2, gone_b, "2026-11-20T09:30:00Z")
    write_gone(data_dir, RUN_1, gone_then_back, "2026-11-19T11:00:00Z")  # A came back, crawled again in run 2
    assert main(["--data-dir", str(data_dir)]) == 0
    lines = (data_dir / "snapshot/articles.jsonl").read_text("utf-8").splitlines()
    titles = {json.loads(line)["title"] for line in lines}
    assert titles == KEPT_TITLES - {"B"}
    manifest = json.loads((data_dir / "snapshot/manifest.json").read_text("utf-8"))
    assert manifest["dropped_gone"] == 1 and manifest["count"] == len(KEPT_TITLES) - 1


def test_json_and_parquet_snapshots_give_every_column_the_same_type(tmp_path: Path) -> None:
    import duckdb

    pytest.importorskip("pyarrow")
    data_dir = make_data_dir(tmp_path / "data", garbage=False)
    assert main(["--data-dir", str(data_dir)]) == 0
    connection = duckdb.connect()
    connection.execute((data_dir / "snapshot/duckdb.sql").read_text("utf-8"))
    json_types = connection.execute("DESCRIBE articles_json").fetchall()
    parquet_types = connection.execute("DESCRIBE articles_parquet").fetchall()
    assert [row[:2] for row in json_types] == [row[:2] for row in parquet_types]
    types = dict(row[:2] for row in json_types)
    assert types["crawled_at"] == types["published_at"] == "VARCHAR"  # the same ISO 8601 strings in both
    assert types["translations"] == "MAP(VARCHAR, VARCHAR)"
    same = "SELECT crawled_at, published_at, translations FROM {} ORDER BY url"
    assert (connection.execute(same.format("articles_json")).fetchall()
            == connection.execute(same.format("articles_parquet")).fetchall())


def test_symlinks_planted_in_the_snapshot_folder_are_never_written_through(data_dir: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    snapshot = data_dir / "snapshot"
    snapshot.mkdir()
    for name in ("articles.jsonl.part", "articles.parquet.part", "manifest.json.part", "duckdb.sql.part"):
        (snapshot / name).symlink_to(victim)
    assert main(["--data-dir", str(data_dir)]) == 0
    assert victim.read_text("utf-8") == "keep me"
    assert json.loads((snapshot / "manifest.json").read_text("utf-8"))["count"] == len(KEPT_TITLES)


# -- what `make setup` gives the data section of the README ----------------------------------------

def test_the_runtime_lock_installs_pyarrow_and_the_duckdb_command_line() -> None:
    """``make setup`` installs the runtime lock only: the Parquet snapshot and the README's
    ``duckdb`` command must come from it, not from the test lock."""
    pinned = {line.split("==")[0] for line in (ROOT / "requirements" / "runtime.lock").read_text("utf-8").splitlines()
              if "==" in line and not line.startswith((" ", "#"))}
    assert {"pyarrow", "duckdb-cli"} <= pinned


def test_the_readmes_duckdb_commands_run_with_the_duckdb_the_setup_installs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    (command,) = re.findall(r"`\.venv/bin/(duckdb -c [^`]+)`", readme)
    queries = re.search(r"```sql\n(.*?)```", readme, re.DOTALL)[1]
    make_data_dir(tmp_path / "data", garbage=False)
    assert main(["--data-dir", str(tmp_path / "data")]) == 0
    duckdb_cli = str(ROOT / ".venv" / "bin" / "duckdb")
    described = subprocess.run(command.replace("duckdb", f"{duckdb_cli} -csv", 1), shell=True, cwd=tmp_path, capture_output=True,
                               text=True, timeout=120, check=False)
    assert described.returncode == 0, described.stderr
    assert "translations" in described.stdout and "MAP(VARCHAR, VARCHAR)" in described.stdout
    answered = subprocess.run([duckdb_cli, "-csv", "-c", queries.replace("-- duckdb\n", "")], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False)
    assert answered.returncode == 0, answered.stderr
    assert "de,2" in answered.stdout.splitlines()  # the Parquet snapshot's count (the runs' is 3)


def test_a_snapshot_without_pyarrow_says_so_and_its_manifest_counts_it(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as a set-up without it: ``import pyarrow`` fails
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert main(["--data-dir", str(data_dir)]) == 0
    manifest = json.loads((data_dir / "snapshot" / "manifest.json").read_text("utf-8"))
    assert manifest["parquet_skipped"] == "pyarrow not installed" and "articles.parquet" not in manifest["files"]
    assert "pyarrow is not installed" in caplog.text
