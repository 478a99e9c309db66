"""Crawl a local site of chosen eras with the real crawler and score its items per era and per field.

    .venv/bin/python -m tests.support.era_score --eras P --articles 120 --seed 7 --out /tmp/era-P

Writes ``items.jsonl``, ``expected.jsonl``, ``crawl.log`` and ``report.json`` (exit status, per era:
articles found/expected, (article, field) accuracy, accuracy of each field, up to three wrong values
of each field with the page's date mode) under ``--out`` and prints a summary. Used to measure the
crawler on the held-out eras (N-R) that its authors never saw.

And how well the run knows how right it is (issue 20): ``report.json``'s ``fields`` gives, per field,
its true accuracy over the items found, the run's own estimate (``ipgirl/verify/<field>/estimate``
from the run's stats file) and whether a failed monitor named it; ``monitors_failed`` the failed
monitors' lines. The summary prints the fields that are wrong, estimated wrong or named.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from tests.localsite import LocalSite
from tests.support.body_breaks import BODY_BREAKS, ENV as BODY_ENV, body_break_pipelines
from tests.support.crawl_check import SCORED_FIELDS, read_jsonl, run_crawl, score


def era_report(items: list[dict[str, Any]], expected: list[dict[str, Any]], era_of: dict[str, str],
               page_of: dict[str, list[Any]], base: str) -> dict[str, Any]:
    """Per era: found/expected, accuracy, per-field accuracy, examples of wrong fields."""
    want = {e["url"]: e for e in expected}
    out: dict[str, Any] = {}
    for era in sorted(set(era_of.values())):
        wanted = [e for e in expected if era_of[e["url"]] == era]
        got = [i for i in items if era_of.get(i.get("url", "")) == era]
        result = score(got, wanted)
        matched = len({i["url"] for i in got})
        examples: dict[str, list[dict[str, Any]]] = {}
        for item in got:
            for name in SCORED_FIELDS:
                if item.get(name) != want[item["url"]][name] and len(examples.setdefault(name, [])) < 3:
                    examples[name].append({"url": item["url"][len(base):], "page": page_of[item["url"]],
                                           "got": item.get(name), "want": want[item["url"]][name]})
        out[era] = {"found": matched, "expected": len(wanted), "accuracy": round(result.accuracy, 4),
                    "fields": {f: round(1 - result.wrong[f] / matched, 3) if matched else None for f in SCORED_FIELDS},
                    "wrong": dict(result.wrong), "examples": examples}
    return out


# A failed monitor names a field as "field <name> …"; the body's second-opinion drift names the body.
NAMED_BY = {"body_text": ("drift: body second opinion",)}
# The fields computed from the body's text (README: "the body's HTML, count and hash follow its text"):
# named when it is.
FOLLOWS = {"body_html": "body_text", "word_count": "body_text", "content_hash": "body_text"}
ESTIMATE = "ipgirl/verify/{}/estimate"
FAILED = "ipgirl/monitors/failed"


def run_stats(state_dir: Path) -> dict[str, Any]:
    """The run's final stats as ``ipgirl-crawl`` writes them beside its items (``<state>-data``,
    ``crawl_check.crawl_command``): the newest ``articles/run_date=*/<run_id>.stats.json``."""
    files = sorted(state_dir.with_name(state_dir.name + "-data").glob("articles/run_date=*/*.stats.json"))
    return json.loads(files[-1].read_text("utf-8")) if files else {}


def names(line: str, field: str) -> bool:
    """Whether a failed monitor's line names ``field``."""
    return re.search(rf"\bfield {re.escape(field)}\b", line) is not None \
        or any(line.startswith(prefix) for prefix in NAMED_BY.get(field, ())) \
        or field in FOLLOWS and names(line, FOLLOWS[field])


def field_table(whole: Any, found: int, stats: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per field: its true accuracy over the ``found`` items, the run's estimate, the failed monitors naming it."""
    failed = [str(line) for line in stats.get(FAILED) or []]
    table = {}
    for name in SCORED_FIELDS:
        estimate = stats.get(ESTIMATE.format(name))
        table[name] = {"true": round(1 - whole.wrong[name] / found, 4) if found else None,
                       "estimate": estimate if isinstance(estimate, (int, float)) else None,
                       "named": [line[:160] for line in failed if names(line, name)]}
    return table


def print_fields(table: dict[str, dict[str, Any]], failed: list[str]) -> None:
    for name, row in table.items():
        true, estimate = row["true"], row["estimate"]
        if row["named"] or (true is not None and true < 0.99) or (estimate is not None and estimate < 0.99):
            shown = "-" if estimate is None else f"{estimate:.1%}"
            print(f"  field {name}: true {true:.1%}, estimate {shown}, named {'yes' if row['named'] else 'NO'}")
    for line in failed:
        print(f"  monitor failed: {line[:200]}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.support.era_score")
    p.add_argument("--eras", required=True)
    p.add_argument("--articles", type=int, default=120)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--body-break", choices=sorted(BODY_BREAKS), help="a body parser broken so (tests/support/body_breaks.py)")
    args = p.parse_args(argv)
    extra = body_break_pipelines() if args.body_break else []
    if args.body_break:
        os.environ[BODY_ENV] = args.body_break  # the crawl's extraction workers inherit it
    args.out.mkdir(parents=True, exist_ok=True)
    with LocalSite(args.articles, seed=args.seed, eras=args.eras) as site:
        done = run_crawl(site.base_url, args.out / "items.jsonl", args.out / "state", *extra, log=args.out / "crawl.log")
        expected, base = site.expected_items(), site.base_url
        era_of = {base + a.path: a.era for a in site.site.articles}
        page_of = {base + a.path: [a.date_mode, a.rel_days, a.ui_lang] for a in site.site.articles}
    items = read_jsonl(args.out / "items.jsonl") if (args.out / "items.jsonl").exists() else []
    (args.out / "expected.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in expected))
    whole = score(items, expected)
    report = {"eras": args.eras, "body_break": args.body_break, "articles": args.articles, "seed": args.seed, "exit_status": done.returncode,
              "found": len(items), "expected": len(expected), "missing": len(whole.missing),
              "unexpected": len(whole.unexpected), "duplicates": len(whole.duplicates),
              "accuracy": round(whole.accuracy, 4), "per_era": era_report(items, expected, era_of, page_of, base)}
    stats = run_stats(args.out / "state")
    found = len({i.get("url") for i in items} & {e["url"] for e in expected})
    report["fields"] = field_table(whole, found, stats)
    report["monitors_failed"] = [str(line) for line in stats.get(FAILED) or []]
    (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print(f"eras {args.eras}: exit {done.returncode}, {len(items)}/{len(expected)} articles, accuracy {whole.accuracy:.2%}")
    for era, row in report["per_era"].items():
        print(f"  {era}: {row['found']}/{row['expected']}, accuracy {row['accuracy']:.2%}, wrong {row['wrong']}")
    print_fields(report["fields"], report["monitors_failed"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
