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
