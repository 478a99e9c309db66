"""A parser "broken" the way a redesign breaks one, for the archive tests and the README's demo:
on every third article the byline is lost, and the body's last block (the content hash follows,
as the body pipeline's would). The run's ``authors`` coverage monitor fails."""
from __future__ import annotations

import hashlib
import json
from html import escape
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from ipgirl_crawler import settings
from ipgirl_crawler.languages import ui_strings
from pipelines.base import CountingPipeline, PagePipeline
from tests.localsite.eras_s import HC


def broken(article_id: str | None) -> bool:
    return int(article_id or 0) % 3 == 0


class MisreadRedesignPipeline(CountingPipeline):
    name = "test_broken_parser"

    def process_article(self, item: Any) -> Any:
        blocks = (item.get("body_text") or "").split("\n\n")
        if broken(item.get("article_id")) and len(blocks) > 1:
            item["authors"] = []
            item["body_text"] = "\n\n".join(blocks[:-1])
            item["content_hash"] = hashlib.sha256(item["body_text"].encode("utf-8")).hexdigest()
            self.count("misread")
        return item


# -s ITEM_PIPELINES=… for a crawl with the broken parser (before validation, which counts what is missing).
BROKEN_PIPELINES = json.dumps({**settings.ITEM_PIPELINES, "tests.support.archive_parsers.MisreadRedesignPipeline": 550})


# -- one field broken at a time, for the cross-checks (tests/crawl/test_verify.py) ----------------
# Each misreads one field on every third article the way a redesign does: wrong, but present.
def _title(item: Any) -> None:  # a kicker read into the h1
    item["title"] = f"{item['title']} – {item.get('category') or 'News'}"


def _summary(item: Any) -> None:  # the first body paragraph taken for the summary
    item["summary"] = (item.get("body_text") or "x").split("\n\n")[0]


def _category(item: Any) -> None:  # the first crumb ("Home") taken for the category
    item["category"] = (item.get("breadcrumbs") or ["Home"])[0]


def _related(item: Any) -> None:  # the card's date appended to its snippet
    item["related"] = [{**card, "snippet": f"{card.get('snippet') or ''} 4 July 2023".strip()}
                       for card in item.get("related") or []]


def _translations(item: Any) -> None:  # hreflang kept with its region ("fr-fr")
    item["translations"] = {f"{lang}-{lang}": url for lang, url in (item.get("translations") or {}).items()}


def _published_at(item: Any) -> None:  # a local day read as the next UTC day
    value = item.get("published_at")
    if value:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")) + timedelta(days=1)
        item["published_at"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _authors(item: Any) -> None:  # the byline's label kept with the first name
    if item.get("authors"):
        item["authors"] = [f"By {item['authors'][0]}", *item["authors"][1:]]


def _site_notice(item: Any) -> None:  # the next line read into the notice
    if item.get("site_notice"):
        item["site_notice"] = f"{item['site_notice']} Share:"


def _votes(item: Any) -> None:  # the two numbers read in the other order
    helpful, total = item.get("helpful_votes"), item.get("total_votes")
    if isinstance(helpful, int) and isinstance(total, int) and helpful < total:
        item["helpful_votes"], item["total_votes"] = total, helpful
        item["helpful_ratio"] = round(total / helpful, 4) if helpful else None


def _chrome_kept(item: Any, line: str | None) -> None:
    if line and item.get("body_text"):
        item["body_text"] = f"{item['body_text']}\n\n{line}"
        item["content_hash"] = hashlib.sha256(item["body_text"].encode("utf-8")).hexdigest()


def _body_text(item: Any) -> None:  # the block after the body kept: the votes widget's question
    _chrome_kept(item, ui_strings.ui_string(item.get("language") or "en", "helpful_q"))


def _body_text_help_center(item: Any) -> None:  # a help center's "Have more questions? Submit a request"
    hc = HC.get(item.get("language") or "en", HC["en"])
    _chrome_kept(item, f"{hc['q']} {hc['submit']}")


def _images(item: Any) -> None:  # a lazy image counted twice: its placeholder's and its <noscript> copy
    if item.get("images"):
        item["images"] = [*item["images"], item["images"][0]]


BREAKS: dict[str, Callable[[Any], None]] = {
    "title": _title, "summary": _summary, "category": _category, "related": _related,
    "translations": _translations, "published_at": _published_at, "authors": _authors,
    "site_notice": _site_notice, "helpful_votes": _votes, "body_text": _body_text, "images": _images}


def _published_day_only(item: Any) -> None:  # the visible day read, not the instant the header states
    value = item.get("published_at")
    if value:
        item["published_at"] = value[:10] + "T00:00:00Z"


# Misreadings of a field other than BREAKS' own, by name (not parametrised over the fields).
OTHER_BREAKS: dict[str, Callable[[Any], None]] = {"published_at_day": _published_day_only,
                                                  "body_text_help_center": _body_text_help_center}


class BrokenFieldPipeline(CountingPipeline):
    """``IPGIRL_TEST_BROKEN_FIELD=<field>``: that field misread on every third article."""

    name = "test_broken_field"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.field = self.crawler.settings.get("IPGIRL_TEST_BROKEN_FIELD") if self.crawler else None

    def process_article(self, item: Any) -> Any:
        misread = BREAKS.get(self.field) or OTHER_BREAKS.get(self.field)
        if misread is not None and broken(item.get("article_id")):
            misread(item)
            self.count("misread")
        return item


def broken_field_pipelines(field: str) -> list[str]:
    """The ``-s`` arguments of a crawl whose parser misreads ``field`` (before validation)."""
    pipelines = {**settings.ITEM_PIPELINES, "tests.support.archive_parsers.BrokenFieldPipeline": 550}
    return ["-s", f"ITEM_PIPELINES={json.dumps(pipelines)}", "-s", f"IPGIRL_TEST_BROKEN_FIELD={field}"]



class CardsReadIntoBodyPipeline(PagePipeline):
    """A parser that reads the page's related cards into the body, ahead of the article, on every
    third article: the generic extractor disagrees (the body second opinion flags or replaces it),
    and no card on another page states such a body's start. In the worker, before the body's
    cleaning (``cards_in_body_pipelines``)."""

    name = "test_cards_in_body"

    def process_article(self, item: Any) -> Any:
        cards = [card for card in item.get("raw_related") or [] if isinstance(card, dict)]
        if broken(item.get("article_id")) and cards:
            shown = "".join(f"<p>{escape(str(card.get('title') or ''))} {escape(str(card.get('snippet') or ''))}</p>"
                            for card in cards)
            item["raw_body_html"] = shown + (item.get("raw_body_html") or "")
            self.count("misread")
        return item


def cards_in_body_pipelines() -> list[str]:
    """The ``-s`` argument of a crawl whose parser reads the related cards into the body."""
    pipelines = {**settings.ITEM_PIPELINES, "tests.support.archive_parsers.CardsReadIntoBodyPipeline": 150}
    return ["-s", f"ITEM_PIPELINES={json.dumps(pipelines)}"]


if __name__ == "__main__":
    print(BROKEN_PIPELINES)
