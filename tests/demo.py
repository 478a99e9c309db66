"""``make demo``: serve the bundled demo site, crawl it with the real command, say what came out."""
from __future__ import annotations

import argparse
import json
import shutil
import time
from collections import Counter

from tests.localsite import ALL_ERAS
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, read_jsonl, run_crawl, score

DEMO_DIR = ROOT / "data" / "demo"


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
    sample = {k: (v[:120] + "…" if isinstance(v, str) and len(v) > 120 else v) for k, v in items[0].items()}
    print("\nOne item (long strings cut here, not in the file):")
    print(json.dumps(sample, ensure_ascii=False, indent=1)[:3000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
