"""The README's shell blocks run as written, against a local site on loopback.

The ```sh blocks are run in order, as a reader following the README does (the demo site one
starts serves the blocks after it), by bash, stopping at the first failure, from an empty folder
that links the project (``.venv``, ``scrapy.cfg``, the packages), so what a command writes
(``out.jsonl``, ``data/``) lands there. Two things are changed (``substituted``): the demo site's
port (another test may hold 8800) and ``/tmp/...`` folders (to the test's own). Lines that cannot run here are skipped, each listed in ``SKIPPED`` with why; a
README line listed there that no longer exists fails the test, so the list stays exact.
"""
from __future__ import annotations

import re
import socket
import subprocess
from pathlib import Path

from tests.support.crawl_check import ROOT
from tests.support.redis_server import RedisServer

README = ROOT / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
PROJECT = (".venv", "scrapy.cfg", "ipgirl_crawler", "pipelines", "tests", "pyproject.toml")

REDIS_CLEAN_UP = "redis-cli --scan --pattern 'ipgirl:127.0.0.1:8800:*' | xargs -r redis-cli del"
SKIPPED = {
    ".venv/bin/ipgirl-crawl -a full=1 -s IPGIRL_REDIS_URL=redis://redis.internal:6379/0 -s IPGIRL_STATE_DIR=/srv/ipgirl/state -s IPGIRL_DATA_DIR=/srv/ipgirl/data":
        "needs the Redis server of the reader's own network and /srv (distributed mode: tests/crawl/test_distributed*.py)",
    ".venv/bin/ipgirl-extract ARCHIVE.warc.gz      # every HTML response record: URL, headers, charset from the record":
        "ARCHIVE.warc.gz stands for the reader's own archive file (ipgirl-extract over WARC files: tests/crawl/test_extract.py)",
    "make demo    # set up .venv/, serve the bundled demo site on 127.0.0.1, crawl it, show what came out":
        "sets up the project and runs the whole demo: its parts are the tests themselves (tests/demo.py)",
    "make test    # set up .venv/, run every test (unit, example pages, end-to-end crawls)":
        "runs this very suite",
    ".venv/bin/scrapy crawl ipgirl                                  # all nine languages -> data/ipgirl-<time>.jsonl":
        "crawls the live site",
    ".venv/bin/scrapy crawl ipgirl -a languages=fr,ja -O fr-ja.jsonl":
        "crawls the live site",
    "make demo    # prints items, per-language counts and field accuracy against the answer key":
        "the whole demo (see above)",
    "make bench   # ~10 min; `python -m tests.bench --quick` for a smoke run under a minute, `--no-memory` to skip the long step":
        "a ten-minute benchmark, never part of the tests (no timed assertions)",
    ".venv/bin/scrapy crawl ipgirl -a full=1 -O worker-$(hostname).jsonl -s IPGIRL_REDIS_URL=redis://redis.internal:6379/0":
        "needs the Redis server of the reader's own network (distributed mode: tests/crawl/test_distributed.py)",
    REDIS_CLEAN_UP:
        "needs a Redis server: run against a real one by test_the_redis_clean_up_runs_as_written",
}
# Blocks of other languages: not shell.
OTHER_BLOCKS = {"cron": "a crontab line, run by cron on a server", "sql": "DuckDB queries, run by tests/crawl/test_compact.py"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def substituted(line: str, port: int, tmp: Path) -> str:
    """The two changes made to a README line: the demo port, and /tmp/<name> folders."""
    line = line.replace("127.0.0.1:8800", f"127.0.0.1:{port}").replace("--port 8800", f"--port {port}")
    return re.sub(r"/tmp/([\w.-]+)", lambda m: str(tmp / m[1]), line)



def shell_blocks() -> list[list[str]]:
    text = README.read_text("utf-8")
    return [[line for line in body.splitlines() if line.strip()] for kind, body in BLOCK.findall(text) if kind == "sh"]


def wait_for_site(port: int) -> str:
    return (f".venv/bin/python -c \"import socket,time\nfor _ in range(600):\n    try: socket.create_connection(('127.0.0.1', {port}), 1).close(); break\n"
            f"    except OSError: time.sleep(0.1)\"")


def script(lines: list[str], port: int, tmp: Path) -> str:
    """The block as a bash script: stop at the first failure, and wait for a server started with ``&``."""
    body = ["set -euo pipefail", "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT"]
    for line in lines:
        body.append(substituted(line, port, tmp))
        if line.rstrip().endswith("&"):
            body.append(wait_for_site(port))
    return "\n".join(body) + "\n"


def test_the_skip_list_names_only_lines_the_readme_has() -> None:
    lines = {line for block in shell_blocks() for line in block}
    assert set(SKIPPED) <= lines, set(SKIPPED) - lines
    kinds = {kind for kind, _ in BLOCK.findall(README.read_text("utf-8"))}
    assert kinds <= {"sh", *OTHER_BLOCKS}, kinds


def test_the_readme_shell_blocks_run_as_written(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    for name in PROJECT:
        (work / name).symlink_to(ROOT / name)
    lines = [line for block in shell_blocks() for line in block if line not in SKIPPED]
    assert len(lines) >= 5, lines
    done = subprocess.run(["bash", "-c", script(lines, free_port(), tmp_path)], cwd=work, capture_output=True,
                          text=True, timeout=1200, check=False)
    assert done.returncode == 0, f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    for line in lines:
        for written in re.findall(r"-O (\S+)", line):
            path = work / written.split(":")[0]
            assert path.is_file() and path.stat().st_size > 0, line
    assert "'article_id': '48213'" in done.stdout  # scrapy parse showed the article's item


def test_the_redis_clean_up_runs_as_written(tmp_path: Path) -> None:
    """The crashed job's clean-up, on a real Redis (``redis-cli`` pointed at its port): it removes
    that job's keys only, and succeeds when there is nothing to remove."""
    assert REDIS_CLEAN_UP in {line for block in shell_blocks() for line in block}
    with RedisServer(tmp_path) as server:
        command = REDIS_CLEAN_UP.replace("redis-cli", f"redis-cli -p {server.port}")
        cli = ["redis-cli", "-p", str(server.port)]
        nothing = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True,
                                 timeout=60, check=False)
        assert nothing.returncode == 0 and "ERR" not in nothing.stdout + nothing.stderr, nothing
        for key in ("ipgirl:127.0.0.1:8800:queue", "ipgirl:127.0.0.1:8800:commits", "ipgirl:127.0.0.1:8801:queue"):
            subprocess.run([*cli, "set", key, "1"], capture_output=True, check=True, timeout=60)
        removed = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], capture_output=True, text=True,
                                 timeout=60, check=False)
        assert removed.returncode == 0, removed
        left = subprocess.run([*cli, "--scan", "--pattern", "ipgirl:*"], capture_output=True, text=True, check=True,
                              timeout=60).stdout.split()
    assert left == ["ipgirl:127.0.0.1:8801:queue"]  # another job's keys stay
