"""``make demo``: serve the bundled demo site, crawl it with the real command, say what came out."""
from __future__ import annotations

import argparse
import json
import shutil
import time
from collections import Counter
from typing import Any

from tests.localsite import ALL_ERAS
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, read_jsonl, run_crawl, score

DEMO_DIR = ROOT / "data" / "demo"
SHOWN_CHARS = 120  # of each string in the item shown: a body of 3,000 characters would fill the screen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    shutil.rmtree(DEMO_DIR, ignore_errors=True)
    DEMO_DIR.mkdir(parents=True)
    output, log = DEMO_DIR / "articles.jsonl", DEMO_DIR / "crawl.log"
    with LocalSite(n_articles=args.articles, seed=1, log_path=DEMO_DIR / "server-requests.jsonl", eras=ALL_ERAS) as site:
        print(f"Demo site with {args.articles} articles in 9 languages at {site.base_url}")
        print(f"Crawling: scrapy crawl ipgirl -a base_url={site.base_url} -O {output.relative_to(ROOT)}")
        started = time.monotonic()
        done = run_crawl(site.base_url, output, DEMO_DIR / "state", log=log)
        elapsed = time.monotonic() - started
        expected = site.expected_items()
    if done.returncode != 0 or not output.exists():
        print(f"The crawl failed (exit {done.returncode}); see {log}")
        return 1
    items = read_jsonl(output)
    print(f"\n{len(items)} articles in {elapsed:.1f}s -> {output.relative_to(ROOT)} (JSON Lines, one article a line)")
    print("by language:", dict(sorted(Counter(i["language"] for i in items).items())))
    print("crawl log:", log.relative_to(ROOT), "| server log:", (DEMO_DIR / "server-requests.jsonl").relative_to(ROOT))
    print("\nChecked against the demo site's own answer key:")
    print(score(items, expected).summary())
    print("\nOne item, whole (long strings shortened here, not in the file):")
    print(sample_text(items[0]))
    return 0


def shortened(value: Any, limit: int = SHOWN_CHARS) -> Any:
    """``value`` with every string over ``limit`` characters, at any depth, cut visibly: the
    rest of it counted ("…(3,412 more chars)"), so the item shown is whole and still JSON."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]}…({len(value) - limit:,} more chars)"
    if isinstance(value, list):
        return [shortened(part, limit) for part in value]
    if isinstance(value, dict):
        return {key: shortened(part, limit) for key, part in value.items()}
    return value


def sample_text(item: dict[str, Any]) -> str:
    return json.dumps(shortened(item), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    raise SystemExit(main())
