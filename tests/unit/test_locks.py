"""The runtime lock holds what the crawler needs and nothing of the tests; both locks pin every
package with hashes and agree with pyproject.toml (a dependency added without ``make lock`` fails)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCKS = {name: ROOT / "requirements" / f"{name}.lock" for name in ("runtime", "test")}
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)")


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def pins(path: Path) -> dict[str, str]:
    return {_name(m[1]): m[2] for m in map(_PIN.match, path.read_text("utf-8").splitlines()) if m}


def project() -> dict[str, list[str]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return {"runtime": data["dependencies"], "test": data["dependencies"] + data["optional-dependencies"]["test"]}


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_pin_has_hashes(lock: str) -> None:
    blocks = re.split(r"\n(?=[A-Za-z0-9])", LOCKS[lock].read_text("utf-8"))
    pinned = [block for block in blocks if _PIN.match(block)]
    assert pinned and all("--hash=sha256:" in block for block in pinned)


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_the_lock_pins_what_pyproject_asks_for(lock: str) -> None:
    locked = pins(LOCKS[lock])
    for requirement in project()[lock]:
        name, version = requirement.split("==")
        assert locked.get(_name(name)) == version, f"{requirement} is not in {LOCKS[lock].name}: run make lock"


def test_the_runtime_lock_has_no_test_tools_and_the_locks_agree() -> None:
    runtime, test = pins(LOCKS["runtime"]), pins(LOCKS["test"])
    for tool in ("pytest", "hypothesis", "scrapyd", "scrapyd-client", "trafilatura", "duckdb", "pyinstrument"):
        assert tool not in runtime and tool in test, tool
    assert {name: test[name] for name in runtime} == runtime  # one version of each package
