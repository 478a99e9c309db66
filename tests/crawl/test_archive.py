"""The run's WARC archive and its replay, end to end: real ``ipgirl-crawl`` / ``scrapy crawl``
subprocesses against the local site on loopback, the archive read back by warcio (an independent
reader) and checked with ``warcio check`` (the pure parts: ``tests/unit/test_archive.py``)."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from ipgirl_crawler.archive.reader import ReadCounts, responses_from_warc
from ipgirl_crawler.monitoring.thresholds import default_thresholds
from tests.crawl.test_faults import SMALL_BATCHES, kill_midway
from tests.localsite import Fault
from tests.localsite.server import LocalSite
from tests.support.archive_parsers import BROKEN_PIPELINES, broken
from tests.support.crawl_check import ROOT, SCRAPY, read_jsonl, run_crawl, score
from tests.support.joining import after_all_joined, hold
from tests.support.operations import articles, entrypoint_command, run_entrypoint
from tests.support.redis_server import RedisServer

WARCIO = Path(sys.executable).parent / "warcio"
# A replay of the fixed parser emits a third of the site: too few items for the coverage monitors.
FEW_ITEMS = json.dumps({**default_thresholds(), "coverage_min_items": 1000})


def fields_but_crawled_at(item: dict) -> dict:
    """What a replay must give again: every field but the time (items hold no run id)."""
    return {k: v for k, v in item.items() if k != "crawled_at"}


def warc_files(data: Path) -> list[Path]:
    return sorted(data.glob("archive/run_date=*/*.warc.gz"))


def warcio_records(paths: list[Path]) -> list[tuple[str, dict[str, str], int | None]]:
    """(type, WARC headers, HTTP status) of every record, as warcio reads them."""
    found = []
    for path in paths:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                status = int(record.http_headers.get_statuscode()) if record.rec_type == "response" else None
                record.content_stream().read()
                found.append((record.rec_type, dict(record.rec_headers.headers), status))
    return found


def article_fetches(site: LocalSite, since: int = 0) -> Counter[str]:
    """URLs of the article pages the site answered with 200 (its request log)."""
    return Counter(site.url(r["path"]) for r in site.requests()[since:] if r.get("status") == 200
                   and r["path"].count("/") == 3 and r["path"].split("/")[3][:1].isdigit())


def run_of(data: Path) -> str:
    return next(data.glob("articles/run_date=*/*.manifest.json")).name.removesuffix(".manifest.json")


def manifests(data: Path) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text()) for p in data.glob("articles/run_date=*/*.manifest.json")}


def test_crawl_archives_every_article_and_replays_it_without_a_request(tmp_path: Path) -> None:
    state, crawled, fixed, again = tmp_path / "s", tmp_path / "d1", tmp_path / "d2", tmp_path / "again.jsonl"
    old = crawled / "archive" / "run_date=2020-01-01"
    old.mkdir(parents=True)
    (old / "ipgirl-20200101T000000Z-00001.warc.gz").write_bytes(b"")
    with LocalSite(n_articles=60, seed=41) as site:
        done = run_entrypoint(site.base_url, state, crawled, "-s", f"ITEM_PIPELINES={BROKEN_PIPELINES}",
                              "-s", "IPGIRL_ARCHIVE_MAX_FILE_BYTES=150000")
        assert done.returncode == 1, done.stderr[-3000:]  # the site "changed": the monitors fail the run
        assert "monitors failed: field authors present in" in done.stderr.strip().splitlines()[-1]
        fetched = article_fetches(site)
        expected = site.expected_items()
        first = articles(crawled)

        # The archive: every article page of the run once, readable and verified by warcio.
        files = warc_files(crawled)
        assert not old.exists()  # retention: a run_date= folder over 30 days old is pruned
        assert len(files) > 1 and not list(crawled.glob("archive/*/*.part"))  # rotated by size, all sealed
        check = subprocess.run([str(WARCIO), "check", "-v", *map(str, files)], capture_output=True, text=True)
        assert check.returncode == 0 and "digest pass" in check.stdout and "fail" not in check.stdout, check.stdout[-2000:]
        records = warcio_records(files)
        responses = [(h["WARC-Target-URI"], h, status) for kind, h, status in records if kind == "response"]
        assert Counter(url for url, _, status in responses if status == 200) == fetched
        assert all(h.get("WARC-Payload-Digest", "").startswith("sha1:") and h.get("WARC-Block-Digest") and h.get("WARC-Date")
                   for _, h, _ in responses)
        requests = {h["WARC-Concurrent-To"] for kind, h, _ in records if kind == "request"}
        assert requests == {h["WARC-Record-ID"] for _, h, _ in responses}
        assert set(manifests(crawled)[f"{run_of(crawled)}.manifest.json"]["archive"]["files"]) == \
            {str(p.relative_to(crawled)) for p in files}

        # The parser is fixed; the run is replayed: exactly the articles it read wrong come out, right.
        before = len(site.requests())
        replay = run_entrypoint(site.base_url, state, crawled, "-a", f"replay={run_of(crawled)}",
                                "-s", f"IPGIRL_DATA_DIR={fixed}")
        assert replay.returncode == 2, "the run id is looked up under the replay's IPGIRL_DATA_DIR"
        replay = run_entrypoint(site.base_url, state, fixed, "-a", f"replay={files[0].parent}/*.warc.gz",
                                "-s", f"IPGIRL_MONITOR_THRESHOLDS={FEW_ITEMS}")
        assert replay.returncode == 0, replay.stderr[-3000:]
        corrected = articles(fixed)
        assert sorted(i["url"] for i in corrected) == sorted(e["url"] for e in expected if broken(e["article_id"]))
        assert corrected and not score(corrected, [e for e in expected if broken(e["article_id"])]).wrong
        replayed_from = next(iter(manifests(fixed).values()))["replayed_from"]
        assert replayed_from["files"] == [str(p.resolve()) for p in files] and replayed_from["torn_records"] == 0

        # `scrapy crawl` replays too; with -a full=1 and the crawl's parser: the crawl's items again.
        done = run_crawl(site.base_url, again, state, "-a", f"replay={files[0].parent}/*.warc.gz", "-a", "full=1",
                         "-s", f"ITEM_PIPELINES={BROKEN_PIPELINES}", "-s", f"IPGIRL_DATA_DIR={tmp_path / 'd3'}")
        assert done.returncode == 1 and "field authors present in" in done.stderr, done.stderr[-3000:]  # same monitors
        assert sorted(map(fields_but_crawled_at, read_jsonl(again)), key=str) == sorted(map(fields_but_crawled_at, first), key=str)

        # A damaged copy of an archive file: the replay reads what is whole, and says what was not.
        damaged = tmp_path / "damaged" / files[0].name
        damaged.parent.mkdir()
        damaged.write_bytes(files[0].read_bytes()[:-100])
        done = run_entrypoint(site.base_url, tmp_path / "s4", tmp_path / "d4", "-a", f"replay={damaged}")
        assert done.returncode == 1 and "archived records were torn or damaged" in done.stderr, done.stderr[-2000:]
        assert next(iter(manifests(tmp_path / "d4").values()))["replayed_from"]["torn_records"] == 1
        assert len(site.requests()) == before  # not one request at the site during the replays
    assert len(first) == len(expected) and not list((tmp_path / "d3").glob("archive/*/*"))


def test_archive_off(tmp_path: Path) -> None:
    with LocalSite(n_articles=15, seed=42) as site:
        done = run_entrypoint(site.base_url, tmp_path / "s", tmp_path / "d", "-s", "IPGIRL_ARCHIVE=0")
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(articles(tmp_path / "d")) == 15 and not (tmp_path / "d" / "archive").exists()


def test_replay_of_an_archive_that_is_not_there_is_a_configuration_error(tmp_path: Path) -> None:
    done = run_entrypoint("http://127.0.0.1:9", tmp_path / "s", tmp_path / "d", "-a", "replay=20990101T000000Z")
    assert done.returncode == 2 and "no archive file matches" in done.stderr


def test_sigkill_twice_then_resume_archives_every_article_exactly_once(tmp_path: Path) -> None:
    rng = random.Random(2027)
    data = tmp_path / "d"
    small = ["-s", f"FEEDS={SMALL_BATCHES}", "-s", "IPGIRL_ARCHIVE_MAX_FILE_BYTES=300000"]
    with LocalSite(n_articles=300, seed=43) as site:
        site.faults.always = Fault.slow(0.03)
        command = entrypoint_command(site.base_url, tmp_path / "s", data, *small)
        for batches in (rng.randint(2, 5), rng.randint(7, 10)):
            assert kill_midway(command, data, batches, rng.uniform(0.0, 0.4)) == -signal.SIGKILL
        parts_after_kill = list(data.glob("archive/*/*.warc.gz.part"))
        sealed = warc_files(data)
        assert all(list(responses_from_warc(path)) for path in sealed)  # whole files readable at once
        done = run_entrypoint(site.base_url, tmp_path / "s", data, *small)
        assert done.returncode == 0, done.stderr[-3000:]
        expected = site.expected_items()
        fetched = article_fetches(site)
    result = score(articles(data), expected)
    assert not result.missing and not result.duplicates and not result.wrong, result.summary()
    files = warc_files(data)
    assert parts_after_kill and not list(data.glob("archive/*/*.part"))  # the resumed run sealed the killed runs' files
    check = subprocess.run([str(WARCIO), "check", *map(str, files)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:]
    archived = Counter(h["WARC-Target-URI"] for kind, h, status in warcio_records(files) if kind == "response" and status == 200)
    assert sum(fetched.values()) > len(fetched)  # the interrupted batches' pages were fetched again...
    assert archived == Counter(set(fetched))  # ...and every page fetched is archived once
    assert set(archived) >= {e["url"] for e in expected}
    counts = ReadCounts()
    assert sum(1 for path in files for _ in responses_from_warc(path, counts)) == counts.records and counts.torn == 0


def worker(base_url: str, redis_url: str, work: Path, n: int, *extra: str) -> subprocess.Popen[bytes]:
    """A distributed worker as the README starts one; both share this machine's state and data directories."""
    command = [str(SCRAPY), "crawl", "ipgirl", "-a", f"base_url={base_url}", "-O", str(work / f"w{n}.jsonl"),
               "-s", f"IPGIRL_REDIS_URL={redis_url}", "-s", f"IPGIRL_STATE_DIR={work / 'state'}",
               "-s", f"IPGIRL_DATA_DIR={work / 'data'}", "-s", f"LOG_FILE={work / f'w{n}.log'}", *extra]
    return subprocess.Popen(command, cwd=ROOT)


def test_distributed_workers_archives_replay_as_one_run(tmp_path: Path) -> None:
    with RedisServer(tmp_path) as redis, LocalSite(n_articles=120, seed=44) as site:
        hold(site)
        workers = [worker(site.base_url, redis.url, tmp_path, n, "-a", "full=1") for n in (1, 2)]
        after_all_joined(site, [tmp_path / f"w{n}.log" for n in (1, 2)])
        assert [w.wait(timeout=600) for w in workers] == [0, 0]
        expected = site.expected_items()
        archives = warc_files(tmp_path / "data")
        before = len(site.requests())
        run_id = next((tmp_path / "data").glob("articles/run_date=*/*-worker-1.manifest.json")).name.split("-worker-")[0]
        replay = run_entrypoint(site.base_url, tmp_path / "replay-state", tmp_path / "data",
                                "-a", f"replay={run_id[:9]}*-worker-*", "-s", f"LOG_FILE={tmp_path / 'replay.log'}")
        assert replay.returncode == 0, replay.stderr[-3000:]
        assert len(site.requests()) == before
    assert {p.name.split("-worker-")[1][0] for p in archives} == {"1", "2"}  # each worker archived its part
    replayed = [json.loads(line) for p in (tmp_path / "data").glob("articles/run_date=*/ipgirl-*.jsonl")
                if "worker" not in p.name for line in p.read_text("utf-8").splitlines()]
    result = score(replayed, expected)
    assert not result.missing and not result.duplicates and not result.wrong, result.summary()
