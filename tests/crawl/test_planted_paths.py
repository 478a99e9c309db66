"""No path is written through a link: a symbolic link planted where a run writes (its lock, its
stats, a partition folder of the data directory) is refused at start with one line naming it,
exit 2, and never followed; nothing is written outside the data and state directories."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest

from ipgirl_crawler.run.state import site_state_dir
from tests.localsite.server import LocalSite
from tests.support.operations import article_lines, run_entrypoint

VICTIM_TEXT = "precious, must stay as it is\n"


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


# name -> (where the link is planted, given the site's state folder and the data directory; a file
# or a folder as its target)
PLANTINGS: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "the state lock": (lambda site, data: site / "lock", "file"),
    "the stats part file": (lambda site, data: site / "run-stats.json.part", "file"),
    "an old archive partition": (lambda site, data: data / "archive" / "run_date=2000-01-01", "folder"),
    "today's article partition": (lambda site, data: data / "articles" / f"run_date={_today()}", "folder"),
}


@pytest.mark.parametrize("name", sorted(PLANTINGS))
def test_a_planted_link_is_refused_at_start_and_never_followed(tmp_path: Path, name: str) -> None:
    where, kind = PLANTINGS[name]
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_text(VICTIM_TEXT)
    state, data = tmp_path / "state", tmp_path / "data"
    with LocalSite(n_articles=20, seed=97) as site:
        planted = where(site_state_dir(state, site.base_url), data)
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.symlink_to(victim if kind == "file" else outside)
        refused = run_entrypoint(site.base_url, state, data, timeout=300)
        assert not site.requests(), "a refused run asks the site nothing"
        planted.unlink()  # the operator removes it: the next run works
        after = run_entrypoint(site.base_url, state, data, timeout=600)
    assert refused.returncode == 2, refused.stderr[-2000:]
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ipgirl-crawl: configuration error: "), lines
    assert str(planted) in lines[0] and "symbolic link" in lines[0] and "Traceback" not in refused.stderr
    assert victim.read_text() == VICTIM_TEXT and sorted(p.name for p in outside.iterdir()) == ["victim.txt"]
    assert after.returncode == 0, after.stderr[-2000:]
    assert len(article_lines(data)) == 20
