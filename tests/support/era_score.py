"""Crawl a local site of chosen eras with the real crawler and score its items per era and per field.

    .venv/bin/python -m tests.support.era_score --eras P --articles 120 --seed 7 --out /tmp/era-P

Writes ``items.jsonl``, ``expected.jsonl``, ``crawl.log`` and ``report.json`` (exit status, per era:
articles found/expected, (article, field) accuracy, accuracy of each field, up to three wrong values
of each field with the page's date mode) under ``--out`` and prints a summary. Used to measure the
crawler on the held-out eras (N-R) that its authors never saw.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tests.localsite import LocalSite
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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.support.era_score")
    p.add_argument("--eras", required=True)
    p.add_argument("--articles", type=int, default=120)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with LocalSite(args.articles, seed=args.seed, eras=args.eras) as site:
        done = run_crawl(site.base_url, args.out / "items.jsonl", args.out / "state", log=args.out / "crawl.log")
        expected, base = site.expected_items(), site.base_url
        era_of = {base + a.path: a.era for a in site.site.articles}
        page_of = {base + a.path: [a.date_mode, a.rel_days, a.ui_lang] for a in site.site.articles}
    items = read_jsonl(args.out / "items.jsonl") if (args.out / "items.jsonl").exists() else []
    (args.out / "expected.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in expected))
    whole = score(items, expected)
    report = {"eras": args.eras, "articles": args.articles, "seed": args.seed, "exit_status": done.returncode,
              "found": len(items), "expected": len(expected), "missing": len(whole.missing),
              "unexpected": len(whole.unexpected), "duplicates": len(whole.duplicates),
              "accuracy": round(whole.accuracy, 4), "per_era": era_report(items, expected, era_of, page_of, base)}
    (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print(f"eras {args.eras}: exit {done.returncode}, {len(items)}/{len(expected)} articles, accuracy {whole.accuracy:.2%}")
    for era, row in report["per_era"].items():
        print(f"  {era}: {row['found']}/{row['expected']}, accuracy {row['accuracy']:.2%}, wrong {row['wrong']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
