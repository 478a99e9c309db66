"""``ipgirl-compact``: the latest version of every article across all runs, into ``snapshot/``.

The command line only: ``output/compact.py`` does the work and says how.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from ipgirl_crawler import settings
from ipgirl_crawler.output.compact import SNAPSHOT_DIR, CompactError, compact
from ipgirl_crawler.output.snapshot import SnapshotError


def default_data_dir() -> str:
    """``IPGIRL_DATA_DIR`` from the environment, else the crawler setting, else ``data``."""
    return os.environ.get("IPGIRL_DATA_DIR") or getattr(settings, "IPGIRL_DATA_DIR", None) or "data"


def summary(data_dir: Path, manifest: dict[str, Any]) -> str:
    skipped, files = manifest["skipped"], " + ".join(manifest["files"])
    return (f"ipgirl-compact: {manifest['count']} articles ({manifest['items_read']} items in {len(manifest['sources'])} "
            f"run files) -> {data_dir / SNAPSHOT_DIR}/{{{files}}}; skipped {skipped['invalid_json']} invalid JSON "
            f"lines, {skipped['without_url']} items without url; dropped {manifest['dropped_gone']} articles gone"
            + (f"; no Parquet file ({manifest['parquet_skipped']})" if manifest.get("parquet_skipped") else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ipgirl-compact", description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="the crawler's data directory (default: $IPGIRL_DATA_DIR, the IPGIRL_DATA_DIR setting, or data)")
    parser.add_argument("--no-parquet", action="store_true", help="write the JSON Lines snapshot only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="ipgirl-compact: %(levelname)s: %(message)s")
    data_dir: Path = args.data_dir or Path(default_data_dir())
    if not data_dir.is_dir():
        print(f"ipgirl-compact: no data directory at {data_dir}", file=sys.stderr)
        return 2
    try:
        manifest = compact(data_dir, with_parquet=not args.no_parquet)
    except (CompactError, SnapshotError, OSError) as error:
        print(f"ipgirl-compact: error: {error}", file=sys.stderr)
        return 1
    print(summary(data_dir, manifest))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
