"""A page the crawl misread becomes a failing test with one command: ``ipgirl-extract … --save-fixture
DIR`` writes a fixture the fixture tests find (``tests/support/fixtures.py``), passing as saved and
failing once ``expected.json`` says what the page should have given."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.crawl.test_extract import run, write_warc
from tests.support.crawl_check import ROOT
from tests.support.fixtures import EXTRA_ENV
from tests.support.helpers import FIXTURES, SITE_DATE

PAGE = FIXTURES / "eras" / "C-latin"


def fixture_tests(root: Path, name: str) -> subprocess.CompletedProcess[str]:
    """The fixture tests over the repository's fixtures and ``root``'s, those of ``name`` selected."""
    return subprocess.run([sys.executable, "-m", "pytest", "tests/pages/test_fixtures.py", "-q", "-p", "no:cacheprovider",
                           "-k", name], cwd=ROOT, env={**os.environ, EXTRA_ENV: str(root)},
                          capture_output=True, text=True, timeout=600, check=False)


def test_a_saved_page_is_a_fixture_the_tests_pick_up_and_a_wrong_value_fails(tmp_path: Path) -> None:
    url = json.loads((PAGE / "meta.json").read_text("utf-8"))["url"]
    folder = tmp_path / "saved" / "misread"
    done = run(PAGE / "page.html", "--url", url, "--date", SITE_DATE, "--save-fixture", folder)
    assert done.returncode == 0, done.stderr
    assert (folder / "page.html").read_bytes() == (PAGE / "page.html").read_bytes()
    meta, expected = (json.loads((folder / name).read_text("utf-8")) for name in ("meta.json", "expected.json"))
    assert meta["url"] == url and meta["date"] == SITE_DATE and meta["base_url"] == "https://www.ipgirl.com"
    assert "crawled_at" not in expected and expected["title"]
    passed = fixture_tests(tmp_path, "misread")
    assert passed.returncode == 0 and f"{len(expected)} passed" in passed.stdout, passed.stdout[-2000:]

    (folder / "expected.json").write_text(json.dumps({**expected, "title": "What the page should have given"}))
    failed = fixture_tests(tmp_path, "misread")
    assert failed.returncode == 1 and "1 failed" in failed.stdout, failed.stdout[-2000:]
    assert "test_field[saved/misread-title]" in failed.stdout


def test_a_record_of_an_archive_is_saved_decoded(tmp_path: Path) -> None:
    archive = tmp_path / "pages.warc.gz"
    urls = write_warc(archive)  # the second record is gzip-encoded on the wire
    folder = tmp_path / "saved" / "from-archive"
    done = run(archive, "--url", urls[1], "--save-fixture", folder)
    assert done.returncode == 0, done.stderr
    assert (folder / "page.html").read_bytes() == (FIXTURES / "pages" / "article-B-de" / "page.html").read_bytes()
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert meta["url"] == urls[1] and "Content-Encoding" not in meta["headers"]
    passed = fixture_tests(tmp_path, "from-archive")
    assert passed.returncode == 0 and "failed" not in passed.stdout, passed.stdout[-2000:]


def test_an_existing_fixture_is_never_overwritten_and_an_absent_record_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    url = json.loads((PAGE / "meta.json").read_text("utf-8"))["url"]
    assert run(PAGE / "page.html", "--url", url, "--save-fixture", folder).returncode == 0
    again = run(PAGE / "page.html", "--url", url, "--save-fixture", folder)
    assert again.returncode == 2 and "holds a fixture already" in again.stderr
    archive = tmp_path / "pages.warc.gz"
    write_warc(archive)
    absent = run(archive, "--url", "https://www.ipgirl.com/en/none/1-x", "--save-fixture", tmp_path / "other")
    assert absent.returncode == 2 and "no HTML response for" in absent.stderr
    assert not (tmp_path / "other" / "meta.json").exists()
