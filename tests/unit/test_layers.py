"""The rooms' import contracts (pyproject.toml, ``[tool.importlinter]``): kept by the code, broken by
an import up a layer or into the distributed plug-in; no import circle, none dodged in a function."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("ipgirl_crawler", "pipelines")
# Imports inside a function that stay, each for a reason other than a cycle.
LATE_IMPORTS = {
    ("ipgirl_crawler/output/compact.py", "pyarrow"): "optional (the parquet extra): loaded only to write parquet",
    ("ipgirl_crawler/output/compact.py", "pyarrow.parquet"): "optional (the parquet extra)",
    ("pipelines/second_opinion.py", "trafilatura"): "~15x an lxml parse to load and run: only for a contested body",
    ("ipgirl_crawler/pages/encoding.py", "charset_normalizer"): "only for a page whose declared charset lies; "
                                                                "ipgirl-extract's first line comes sooner",
    ("ipgirl_crawler/pages/encoding.py", "bs4.dammit"): "as charset_normalizer: bs4 costs ~0.1 s of start-up",
    ("pipelines/dates.py", "dateparser.date"): "only for dates their shapes do not read; ~0.17 s of start-up "
                                              "(ipgirl-extract's first line, the crawl process)",
    ("ipgirl_crawler/pages/lastedit.py", "dateparser"): "only for a wiki footer's day; ~0.17 s of start-up "
                                                      "(ipgirl-extract's first line)",
    ("ipgirl_crawler/preflight/checks.py", "redis.connection"): "only a distributed run's URL is read by it; "
                                                                 "a local run's start-up need not load the client",
    ("ipgirl_crawler/cli/entry.py", "ipgirl_crawler.cli"): "ipgirl-extract's command loaded with the collector paused: "
                                                          "~50 ms of its first line",
    ("ipgirl_crawler/cli/extract.py", "ipgirl_crawler.archive.reader"): "an archive's reader (fastwarc, isal): "
                                                                       "not loaded for a saved page's line",
    ("ipgirl_crawler/schema.py", "jsonschema"): "explains the rare item fastjsonschema refuses; ~0.1 s of start-up",
}


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=environment, capture_output=True,
                          text=True, timeout=300)


def test_the_rooms_keep_their_contracts() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "3 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(("module", "line", "broken"), [
    ("ipgirl_crawler/pages/text.py", "from ipgirl_crawler.run import state", "Rooms in layers"),
    ("ipgirl_crawler/monitoring/drift.py", "from ipgirl_crawler.run import finish", "Rooms in layers"),
    ("ipgirl_crawler/spiders/ipgirl.py", "from ipgirl_crawler.distributed import plugin", "no other room imports it"),
    ("pipelines/duplicates.py", "from ipgirl_crawler.archive import writer", "do not know each other"),
])
def test_an_import_against_the_rooms_breaks_a_contract(tmp_path: Path, module: str, line: str, broken: str) -> None:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / module).open("a", encoding="utf-8") as handle:
        handle.write(f"\n{line}  # noqa: E402\n")
    done = lint_imports(tmp_path)
    assert done.returncode != 0
    assert broken in " ".join(done.stdout.split("Broken contracts")[-1].split()), done.stdout[-3000:]


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_import_graph_has_no_circle() -> None:
    assert _cycles(grimp.build_graph(*PACKAGES, cache_dir=None)) == []


def test_the_circle_finder_finds_a_circle(tmp_path: Path) -> None:
    package = tmp_path / "circle"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from circle import b\n")
    (package / "b.py").write_text("from circle import c\n")
    (package / "c.py").write_text("from circle import a\n")
    sys.path.insert(0, str(tmp_path))
    try:
        assert _cycles(grimp.build_graph("circle", cache_dir=None)) == [["circle.a", "circle.b", "circle.c"]]
    finally:
        sys.path.remove(str(tmp_path))


def _late_imports(path: Path) -> list[str]:
    """Modules imported inside a function body (not under ``if TYPE_CHECKING``, which never runs)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    found += [alias.name for alias in inner.names]
                elif isinstance(inner, ast.ImportFrom):
                    found.append(inner.module or "")
    return found


def test_no_import_in_a_function_but_the_justified_ones() -> None:
    late = {(str(path.relative_to(ROOT)), module) for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
            for module in _late_imports(path)}
    assert late <= set(LATE_IMPORTS), sorted(late - set(LATE_IMPORTS))


def test_a_late_import_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "late.py"
    path.write_text("import os\n\n\ndef f():\n    from ipgirl_crawler.run import state\n    return state, os\n")
    assert _late_imports(path) == ["ipgirl_crawler.run"]
