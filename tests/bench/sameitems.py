"""Every item the page object and the page pipelines make of a fixed set of pages, one JSON line
each, to show that a change meant to be faster reads every page the same (run it before and
after, then ``cmp`` the two files):

    python -m tests.bench.sameitems --out /tmp/after.jsonl

The pages: every page fixture (``ipgirl-extract``'s reading), the local site's articles of every
known era (A-X) under two seeds, and both real-page sets of ``../shared/realpages`` when present (read at run
time, never copied). The fetch time (``crawled_at``) is left out: it is the clock's.
"""
from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from typing import Any

from tests.bench.pagecost import Page, ours, site_pages
from tests.localsite.model import KNOWN_ERAS
from tests.support import realpages
from tests.support.fixtures import fixture_folders, read_fixture

SITE_SEEDS = (1, 7)


def real_pages() -> list[Page]:
    if not realpages.available():
        print(realpages.MISSING, flush=True)
        return []
    every = realpages.benchmark_pages() + realpages.eval_dev_pages()
    return [Page(p.url, p.html, {b"Content-Type": [b"text/html"]}, p.origin) for p in every]


def items(articles: int) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, folder in fixture_folders().items():
        yield f"fixture {name}", dict(read_fixture(folder))
    eras = ",".join(KNOWN_ERAS)  # the held-out ones too: a rule must read them the same as well
    for page in [page for seed in SITE_SEEDS for page in site_pages(articles, seed, eras)] + real_pages():
        yield page.url, ours(page) or {}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.sameitems")
    parser.add_argument("--out", required=True)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    lines = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for key, item in items(args.articles):
            item.pop("crawled_at", None)
            out.write(json.dumps({"page": key, **item}, ensure_ascii=False, sort_keys=True, default=str) + "\n")
            lines += 1
    print(f"{lines} items written to {args.out}")


if __name__ == "__main__":
    main()
