"""The JSON-LD ``articleBody`` read for a page whose markup is a shell (pages/ldbody.py), with the
negative cases where the markup's own body stays."""
from __future__ import annotations

import json

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.ldbody import shell_body_html, stated_body

BASE = "https://example.org"
STATED = "\n".join(f"Paragraph {n} of the stated story, which a script renders in the browser." for n in range(10))
SHOWN = "".join(f"<p>Paragraph {n} of the story as the markup shows it, long enough to weigh as text.</p>"
                for n in range(10))


def _ld(kind: str, body: str) -> str:
    return f"<script type='application/ld+json'>{json.dumps({'@type': kind, 'articleBody': body})}</script>"


def _raw_body(head: str, main: str) -> str:
    html = f"<html lang='en'><head>{head}</head><body><main><h1>A title</h1>{main}</main></body></html>"
    return page_for(HtmlResponse(f"{BASE}/en/ai/12-x", body=html.encode(), encoding="utf-8"), BASE).raw_body_html()


@pytest.mark.parametrize(("head", "main", "stated"), [
    # an app shell (a caption's line) and the story stated in an article's JSON-LD (scmp.com's Opinion type)
    (_ld("OpinionNewsArticle", STATED), "<p>A picture's caption line.</p>", True),
    (_ld("BlogPosting", STATED), "<p>A picture's caption line.</p>", True),
    # negatives: the markup shows the story; a stated teaser too short to be one; a body stated by
    # something that is no article (a recipe, a product)
    (_ld("NewsArticle", STATED), SHOWN, False),
    (_ld("NewsArticle", "The first line of the story."), "<p>A picture's caption line.</p>", False),
    (_ld("Recipe", STATED), "<p>A picture's caption line.</p>", False),
])
def test_a_shell_reads_the_stated_body(head: str, main: str, stated: bool) -> None:
    html = _raw_body(head, main)
    assert ("Paragraph 9 of the stated story" in html) is stated, html
    if stated:
        assert html.count("<p>") == 10


def test_stated_body_takes_the_articles() -> None:
    objects = [{"@type": "WebPage", "articleBody": "x"}, {"@type": ["Thing", "NewsArticle"], "articleBody": "y"}]
    assert stated_body(objects) == "y"
    assert shell_body_html(0, [{"@type": "NewsArticle", "articleBody": 123}]) is None
