"""``python -m tests.bench --quick`` is the README's smoke run of under a minute: what it runs."""
from __future__ import annotations

import pytest

from tests.bench.__main__ import STEPS, parse_args, wanted


@pytest.mark.parametrize(("argv", "steps"), [
    (["--quick"], {"throughput", "extraction"}),
    (["--quick", "--memory"], {"throughput", "extraction", "memory"}),
    (["--quick", "--only", "realpages"], {"realpages"}),  # any step alone, quick or not
    ([], set(STEPS)),  # the whole bench is unchanged
    (["--no-memory"], set(STEPS) - {"memory"}),
])
def test_the_steps_each_run_takes(argv: list[str], steps: set[str]) -> None:
    args = parse_args(argv)
    assert {step for step in STEPS if wanted(args, step)} == steps


def test_the_quick_run_is_small() -> None:
    args = parse_args(["--quick"])
    assert (args.articles, args.repeat, args.sample, args.reps) == (150, 1, 30, 1)


@pytest.mark.parametrize(("argv", "first", "sizes"), [
    ([], 1000, (1000, 3000)),  # the sizes; the other steps share the 1,000-article site
    (["--large", "20000"], 1000, (1000, 3000, 20000)),  # the large site only when asked for
    (["--articles", "2000"], 2000, (2000,)),
    (["--articles", "500,1000", "--large", "1000"], 500, (500, 1000)),  # a size is crawled once
    (["--quick"], 150, (150,)),
])
def test_throughput_runs_at_each_size_asked_for(argv: list[str], first: int, sizes: tuple[int, ...]) -> None:
    args = parse_args(argv)
    assert (args.articles, args.sizes) == (first, sizes)
