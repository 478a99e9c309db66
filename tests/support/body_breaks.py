"""A body parser broken the way a redesign breaks one, one part at a time, for the body's
cross-checks (issue 20): on every third article (``archive_parsers.broken``) the page object's body
blocks lose (or gain) one kind of part, so that everything read from those blocks (the item's body,
the second opinion's comparison, the body's edges in the page's statements) follows the misreading
as it would with a parser that really misread it.

    IPGIRL_TEST_BROKEN_BODY=<breakage> … -s ITEM_PIPELINES=<body_break_pipelines()>

The patch is made where this module is imported: the extraction workers import it with the page
pipelines handed to them (``BodyBreakMarker`` is one), the crawl process with its pipelines.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cached_property
from typing import Any

from lxml.html import Element, HtmlElement

from ipgirl_crawler import settings
from ipgirl_crawler.discovery.urls import article_ref
from ipgirl_crawler.pages.article import ArticlePage
from ipgirl_crawler.pages.chrome_slots import _outside
from ipgirl_crawler.pages.dom import text_of
from pipelines.base import PagePipeline
from tests.support.archive_parsers import broken

ENV = "IPGIRL_TEST_BROKEN_BODY"
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _holds(block: HtmlElement, tags: frozenset[str]) -> bool:
    return block.tag in tags or any(True for _ in block.iter(*tags))


def _drop(tags: frozenset[str]) -> Callable[[Any, list[HtmlElement]], list[HtmlElement]]:
    def misread(page: Any, blocks: list[HtmlElement]) -> list[HtmlElement]:
        return [block for block in blocks if not _holds(block, tags)]
    return misread


def _paragraphs(blocks: list[HtmlElement]) -> list[int]:
    return [i for i, block in enumerate(blocks) if block.tag == "p" and not _holds(block, frozenset({"img"}))]


def _drop_first(page: Any, blocks: list[HtmlElement]) -> list[HtmlElement]:
    shown = _paragraphs(blocks)
    return [b for i, b in enumerate(blocks) if not shown or i != shown[0]]


def _drop_last(page: Any, blocks: list[HtmlElement]) -> list[HtmlElement]:
    shown = _paragraphs(blocks)
    return [b for i, b in enumerate(blocks) if not shown or i != shown[-1]]


def _trailing_line(page: Any, blocks: list[HtmlElement]) -> list[HtmlElement]:
    """The first text block after the body kept as its last block (a container read one level up)."""
    if not blocks:
        return blocks
    end = page.positions.get(blocks[-1], 0)
    after = _outside(page.elements[end + 1:end + 1 + 400], set(blocks[-1].iterdescendants()), 1)
    return blocks + after


def _drop_last_section(page: Any, blocks: list[HtmlElement]) -> list[HtmlElement]:
    """The last heading and what follows it lost (a collapsed or toggled section the parser skips)."""
    heads = [i for i, block in enumerate(blocks) if _holds(block, _HEADINGS)]
    return blocks[:heads[-1]] if heads and heads[-1] > 0 else blocks


def _caption_glued(page: Any, blocks: list[HtmlElement]) -> list[HtmlElement]:
    """Each figure's caption read as a paragraph of the body after it (the figure kept)."""
    found = []
    for block in blocks:
        found.append(block)
        caption = next(block.iter("figcaption"), None)
        text = text_of(caption) if caption is not None else ""
        if text:
            paragraph = Element("p")
            paragraph.text = text
            found.append(paragraph)
    return found


BODY_BREAKS: dict[str, Callable[[Any, list[HtmlElement]], list[HtmlElement]]] = {
    "headings": _drop(_HEADINGS),
    "first_paragraph": _drop_first,
    "last_paragraph": _drop_last,
    "trailing_line": _trailing_line,
    "lists": _drop(frozenset({"ul", "ol"})),
    "blockquotes": _drop(frozenset({"blockquote"})),
    "last_section": _drop_last_section,
    "caption": _caption_glued,
}


def _patch() -> None:
    misread = BODY_BREAKS.get(os.environ.get(ENV, ""))
    if misread is None or getattr(ArticlePage, "_body_broken", False):
        return
    read = ArticlePage.__dict__["body"].func

    def body(self: Any) -> Any:
        region = read(self)
        ref = article_ref(self.response.url)
        if ref is not None and broken(ref.article_id) and region.blocks:
            region.blocks = misread(self, region.blocks)
        return region

    patched = cached_property(body)
    patched.__set_name__(ArticlePage, "body")
    ArticlePage.body = patched  # type: ignore[method-assign,assignment]
    ArticlePage._body_broken = True  # type: ignore[attr-defined]


_patch()


class BodyBreakMarker(PagePipeline):
    """Changes no item: its import in each worker makes the patch (see the module's doc)."""

    name = "test_body_break"

    def process_article(self, item: Any) -> Any:
        return item


def body_break_pipelines() -> list[str]:
    """The ``-s`` argument of a crawl whose body parser misreads as ``IPGIRL_TEST_BROKEN_BODY`` says."""
    pipelines = {**settings.ITEM_PIPELINES, "tests.support.body_breaks.BodyBreakMarker": 150}
    return ["-s", f"ITEM_PIPELINES={json.dumps(pipelines)}"]
