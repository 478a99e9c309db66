"""Saves one article page per template era and language family, with the item it must give.

python -m tests.localsite.fixtures [--out tests/fixtures/eras] [--articles 600] [--seed 5]

Each fixture is a folder ``<era>-<family>/`` holding ``page.html`` (the bytes the site serves),
``expected.json`` (the oracle's item) and ``meta.json`` (url, headers, era, language), so a
regression in any era shows up in a unit test rather than only as a URL in a slow crawl.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from .app import App
from .eras import Ctx
from .fmt import http_date
from .model import ALL_ERAS, DEFAULT_NOW, Article, build_site
from .view import ArticleView, expected_item

BASE = "https://www.ipgirl.com"
# Latin-script pages and CJK pages differ in bylines, dates, digit grouping and word counts.
FAMILIES = {"latin": ("en", "fr", "de", "es", "it", "pt"), "cjk": ("ja", "zh", "ko")}
OUT = Path(__file__).resolve().parent.parent / "fixtures" / "eras"


def pick(articles: list[Article], era: str, langs: tuple[str, ...]) -> Article | None:
    """The first article of the era in one of the languages (the seed article is left to the examples)."""
    return next((a for a in articles if a.era == era and a.lang in langs and not a.custom), None)


def save(article: Article, app: App, folder: Path) -> None:
    response = app.route(article.path, {})
    assert response.status == 200, f"{article.path} answered {response.status}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page.html").write_bytes(response.body)
    item = expected_item(ArticleView(article, app.site), BASE)
    (folder / "expected.json").write_text(json.dumps(item, ensure_ascii=False, indent=1) + "\n", "utf-8")
    meta = {"url": BASE + article.path, "era": article.era, "language": article.lang,
            "content_type": response.headers["Content-Type"], "date": http_date(app.site.now)}
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.localsite.fixtures")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    site = build_site(args.articles, args.seed, DEFAULT_NOW, eras=ALL_ERAS)
    app = App(site, Ctx(BASE, "https://ipgirl.com"))
    shutil.rmtree(args.out, ignore_errors=True)
    missing = []
    for era in ALL_ERAS:
        for family, langs in FAMILIES.items():
            article = pick(site.articles, era, langs)
            if article is None:
                missing.append(f"{era}-{family}")
                continue
            save(article, app, args.out / f"{era}-{family}")
    print(f"saved {len(ALL_ERAS) * len(FAMILIES) - len(missing)} fixtures to {args.out}")
    if missing:
        print(f"no article for {', '.join(missing)}: raise --articles")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
