"""CLI.

python -m tests.localsite serve --articles N --seed S [--port P] [--log FILE] [--expected FILE] [--now ISO] [--eras E,F] [--prerender]
python -m tests.localsite expected --articles N --seed S --base-url URL [--now ISO] [--eras E,F] > items.jsonl

--eras picks the article templates (A-I, comma-separated); default $LOCALSITE_ERAS, else A,B,C,D.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone

from .model import ALL_ERAS, DEFAULT_NOW, build_site, parse_eras
from .server import LocalSite
from .view import iter_expected


def _now(text: str | None) -> datetime:
    if not text:
        return DEFAULT_NOW
    dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _eras(text: str) -> tuple[str, ...]:
    try:
        return parse_eras(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tests.localsite")
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("serve", "expected"):
        s = sub.add_parser(name)
        s.add_argument("--articles", type=int, default=300)
        s.add_argument("--seed", type=int, default=1)
        s.add_argument("--now", help="site clock, ISO 8601 (default 2026-11-20T12:00:00Z)")
        s.add_argument("--eras", type=_eras, default=None,
                       help=f"article templates to serve, comma-separated from {','.join(ALL_ERAS)} "
                            "(default: $LOCALSITE_ERAS, else A,B,C,D); E and F take ~10%% each, G, H and I ~8%%")
    serve = sub.choices["serve"]
    serve.add_argument("--port", type=int, default=0)
    serve.add_argument("--log", help="request log, one JSON line per request")
    serve.add_argument("--expected", help="write the expected items (JSON Lines) before serving")
    serve.add_argument("--prerender", action="store_true",
                       help="render every article page before serving and answer from memory (the bench: "
                            "the server's CPU is not the crawler's)")
    sub.choices["expected"].add_argument("--base-url", required=True)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    now = _now(args.now)
    if args.cmd == "expected":
        site = build_site(args.articles, args.seed, now, eras=args.eras)
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        try:
            for item in iter_expected(site, args.base_url.rstrip("/")):
                sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            sys.stderr.close()
        return 0
    local = LocalSite(args.articles, args.seed, now=now, port=args.port, log_path=args.log, keep_log=False,
                      eras=args.eras)
    local.bind()
    if args.expected:
        local.write_expected(args.expected)
    if args.prerender:
        local.app.prerender()
    print(f"serving {local.base_url}", flush=True)
    try:
        local.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        local.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
