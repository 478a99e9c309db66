"""The archive's pure parts, table-driven: WARC records, torn records and recovery, headers,
retention, which files a replay reads, the archive's monitors."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from ipgirl_crawler.archive.reader import ReadCounts, gzip_members, responses_from_warc
from ipgirl_crawler.archive.replay import archive_files
from ipgirl_crawler.archive.warc import Fetch, archived_headers, fetch_members, warcinfo_member
from ipgirl_crawler.archive.writer import prune, recover
from ipgirl_crawler.monitoring.archive_checks import archive_failures

FETCH = Fetch("http://127.0.0.1:1/en/ai/1-a", 200, [(b"Content-Type", b"text/html; charset=utf-8")],
              b"<html><body><p>body</p></body></html>" * 50, datetime(2026, 12, 1, 3, 15, tzinfo=timezone.utc),
              request_headers=((b"User-Agent", b"test"),))


def archive_bytes() -> tuple[bytes, list[int]]:
    """A file of a warcinfo record and two fetches, and where each member ends."""
    members = [warcinfo_member("t.warc.gz", {})]
    for n in (1, 2):
        members.append(fetch_members(Fetch(f"http://127.0.0.1:1/en/ai/{n}-a", FETCH.status, FETCH.headers, FETCH.body,
                                           FETCH.fetched_at, request_headers=FETCH.request_headers)))
    ends, total = [], 0
    for member in members:
        total += len(member)
        ends.append(total)
    return b"".join(members), ends


@pytest.mark.parametrize(("cut", "records", "torn"), [
    ("whole", 2, 0),
    ("inside the first response", 0, 1),
    ("after the first fetch", 1, 0),
    ("five bytes into the second fetch", 1, 1),
    ("inside the last request record", 2, 1),  # counted; it costs no response
    ("flipped byte in the second fetch", 1, 1),
])
def test_the_reader_counts_and_skips_torn_records(tmp_path: Path, cut: str, records: int, torn: int) -> None:
    data, ends = archive_bytes()
    data = {"whole": data, "inside the first response": data[:ends[0] + 100], "after the first fetch": data[:ends[1]],
            "five bytes into the second fetch": data[:ends[1] + 5], "inside the last request record": data[:-10],
            "flipped byte in the second fetch": data[:ends[1] + 60] + bytes([data[ends[1] + 60] ^ 0xFF]) + data[ends[1] + 61:],
            }[cut]
    path = tmp_path / "t.warc.gz"
    path.write_bytes(data)
    counts = ReadCounts()
    responses = list(responses_from_warc(path, counts))
    assert (counts.records, counts.torn) == (records, torn)
    assert all(r.status == 200 and r.body == FETCH.body and r.css("p::text").get() == "body" for r in responses)


def test_recovery_cuts_a_torn_tail_off_and_keeps_every_whole_record(tmp_path: Path) -> None:
    data, ends = archive_bytes()
    path = tmp_path / "t.warc.gz.part"
    path.write_bytes(data[:ends[1] + 300])
    urls, torn = recover(path)
    assert torn and urls == {"http://127.0.0.1:1/en/ai/1-a"} and path.stat().st_size == ends[1]
    with path.open("rb") as handle:
        assert all(member.data is not None for member in gzip_members(handle))


@pytest.mark.parametrize(("headers", "archived"), [
    ([(b"Content-Length", b"1500")], [(b"Content-Length", b"1500")]),
    ([(b"Content-Length", b"310")], [(b"X-Archive-Orig-Content-Length", b"310"), (b"Content-Length", b"1500")]),
    ([(b"Content-Encoding", b"gzip")], [(b"X-Archive-Orig-Content-Encoding", b"gzip")]),
    ([(b"Transfer-Encoding", b"chunked"), (b"ETag", b'"x"')], [(b"X-Archive-Orig-Transfer-Encoding", b"chunked"), (b"ETag", b'"x"')]),
])
def test_archived_headers_describe_the_archived_body(headers: list, archived: list) -> None:
    assert archived_headers(headers, 1500) == archived


def test_retention_prunes_only_old_run_date_folders(tmp_path: Path) -> None:
    for name in ("run_date=2026-10-01", "run_date=2026-11-01", "run_date=2026-12-01", "run_date=2020-01-01", "other"):
        (tmp_path / name).mkdir()
    assert prune(tmp_path, 30, date(2026, 12, 1), keep="run_date=2020-01-01") == ["run_date=2026-10-01"]
    assert prune(tmp_path, 0, date(2030, 1, 1), keep="") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "run_date=2020-01-01", "run_date=2026-11-01",
                                                            "run_date=2026-12-01"]


def test_replay_names_runs_workers_paths_and_globs(tmp_path: Path) -> None:
    folder = tmp_path / "archive" / "run_date=2026-12-01"
    folder.mkdir(parents=True)
    names = ["ipgirl-20261201T031500Z-00001.warc.gz", "ipgirl-20261201T031500Z-2-00001.warc.gz",
             "ipgirl-20261201T031500Z-worker-1-00001.warc.gz", "ipgirl-20261201T031500Z-worker-2-00003.warc.gz"]
    for name in names:
        (folder / name).write_bytes(b"")
    settings = {"IPGIRL_DATA_DIR": str(tmp_path)}

    class Settings(dict):
        get = dict.get

    def found(value: str) -> list[str]:
        return [p.name for p in archive_files(value, Settings(settings))]
    assert found("20261201T031500Z") == names[:1]
    assert found("20261201T031500Z-worker-*") == names[2:]
    assert found(f"{folder}/*worker-2*") == names[3:]
    assert found(str(folder / names[1])) == names[1:2]


@pytest.mark.parametrize(("stats", "failed"), [
    ({}, []),
    ({"ipgirl/archive/write_errors": 0, "ipgirl/replay/torn_records": 0}, []),
    ({"ipgirl/archive/write_errors": 2}, ["2 pages could not be written to the archive (see the log)"]),
    ({"ipgirl/replay/torn_records": 1}, ["1 archived records were torn or damaged: their pages were not replayed"]),
    ({"ipgirl/replay/oversized_records": 2}, ["2 archived records were over DOWNLOAD_MAXSIZE (inflated, or by their "
                                              "Content-Length): their pages were not replayed"]),
    ({"ipgirl/replay/oversized_records": 0}, []),
])
def test_archive_monitors(stats: dict, failed: list) -> None:
    assert archive_failures(stats) == failed
