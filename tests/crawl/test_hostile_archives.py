"""A replay of a hostile archive (``-a replay=``): a real crawl's archive with a record whose
``Content-Length`` says 10^12, a record that inflates to 1 GiB and a page whose gzip body does
appended. The replay reads every real page, counts each hostile record (a body bomb too: alone,
it was one failed fetch in a "healthy" run), is unhealthy, leaves its
summary, stats and report, and its memory stays under 1 GiB (``ipgirl-extract`` on the same
records: ``tests/crawl/test_extract.py``)."""
from __future__ import annotations

import json
from pathlib import Path

from tests.localsite.server import LocalSite
from tests.support.hostile_archives import body_bomb_member, lying_length_member, record_bomb_member, run_bounded
from tests.support.operations import articles, entrypoint_command, run_entrypoint


def test_a_replay_of_hostile_records_counts_them_and_stays_under_a_gib(tmp_path: Path) -> None:
    with LocalSite(n_articles=15, seed=44) as site:
        done = run_entrypoint(site.base_url, tmp_path / "s1", tmp_path / "d1")
        assert done.returncode == 0, done.stderr[-2000:]
        base_url, requests = site.base_url, len(site.requests())
        [warc] = (tmp_path / "d1").glob("archive/run_date=*/*.warc.gz")
        hostile = tmp_path / "hostile" / warc.name
        hostile.parent.mkdir()
        hostile.write_bytes(lying_length_member(f"{base_url}/en/ai/99001-claims-a-terabyte") + warc.read_bytes()
                            + record_bomb_member(f"{base_url}/en/ai/99002-record-bomb")
                            + body_bomb_member(f"{base_url}/en/ai/99003-body-bomb"))
        assert hostile.stat().st_size < warc.stat().st_size + (2 << 20)
        data = tmp_path / "d2"
        replay = run_bounded(entrypoint_command(base_url, tmp_path / "s2", data, "-a", f"replay={hostile}"), tmp_path,
                             cap_gib=4)
        assert len(site.requests()) == requests  # not one request at the site
    assert replay.peak_mib < 1024, replay.peak_mib
    assert replay.returncode == 1, replay.stderr[-3000:]
    assert "3 archived records were over DOWNLOAD_MAXSIZE" in replay.stderr.strip().splitlines()[-1]
    assert "memory allocation" not in replay.stderr and "Traceback" not in replay.stderr
    assert sorted(item["url"] for item in articles(data)) == sorted(item["url"] for item in articles(tmp_path / "d1"))
    [manifest] = data.glob("articles/run_date=*/*.manifest.json")
    assert json.loads(manifest.read_text())["replayed_from"]["oversized_records"] == 3
    [stats] = data.glob("articles/run_date=*/*.stats.json")
    stats_text = stats.read_text()
    assert '"ipgirl/replay/oversized_records": 3' in stats_text
    assert list(data.glob("articles/run_date=*/*.report.html"))
