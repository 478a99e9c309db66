"""Generic reading rules found on era X (a site builder's page, issue 21), table-driven with their
negative cases: an avatar and a name line as the byline, a card's second link to the same URL, a
caption set in smaller type under its picture."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.avatars import name_line_names
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.eras import page_for

BASE = "https://example.org"
LONG = "A paragraph of the article with enough words in it to weigh as its main text here. " * 2
WEBSITE = '<meta property="og:type" content="website">'


def _page(body: str, head: str = WEBSITE, lang: str = "en"):
    html = f'<html lang="{lang}"><head>{head}</head><body><main><h1>A title</h1>{body}</main></body></html>'
    return page_for(HtmlResponse(f"{BASE}/{lang}/ai/12-a-title", body=html.encode(), encoding="utf-8"), BASE)


def _picture(width: str) -> str:
    return f"<div><span><img src='/media/p.png' alt='' {width}></span></div>"


STORY = f"<div><p>{LONG}</p></div><div><p>{LONG}</p></div>"


@pytest.mark.parametrize(("lead", "authors", "published", "first_block"), [
    # a small picture, the names under it with no "By", then a line of dates: the byline
    (_picture("style='width:40px;object-fit:cover'") + "<p><b>Mei Lin</b></p><p>March 23, 2025</p>",
     ["Mei Lin"], "March 23, 2025", LONG.strip()),
    (_picture("width='64'") + "<p><span>Olivia Grant and Tom O'Neill</span></p><p>3 days ago</p>",
     ["Olivia Grant", "Tom O'Neill"], "3 days ago", LONG.strip()),
    # negatives: a picture the size of a figure is the story's, and so is the line under it
    (_picture("style='width:490px'") + "<p><b>Mei Lin</b></p>", [], None, ""),
    # a small picture over a caption, a sentence or a heading is the story's too
    (_picture("width='40'") + "<p>Robot arm</p>", [], None, ""),
    (_picture("width='40'") + "<p>Mei Lin reports from Tokyo.</p>", [], None, ""),
    (_picture("width='40'") + "<h2>Mei Lin</h2>", [], None, ""),
    # a picture whose size the page does not say is no avatar
    (_picture("") + "<p><b>Mei Lin</b></p>", [], None, ""),
])
def test_a_name_line_under_an_avatar_is_the_byline(lead: str, authors: list[str], published: str | None,
                                                  first_block: str) -> None:
    page = _page(lead + STORY)
    assert page.authors() == authors
    assert page.published_at_raw() == published
    assert text_of(page.body.blocks[0]) == first_block  # the picture stays the story's when no byline
    # og:type "website" (a site builder's default on dynamic pages) vetoes nothing once the byline shows
    assert page.is_article() is bool(authors)


@pytest.mark.parametrize(("text", "lang", "names"), [
    ("Olivia Grant and Tom O'Neill", "en", ["Olivia Grant", "Tom O'Neill"]),
    ("Marta Gil, Mei Lin y Carlos Ruiz", "es", ["Marta Gil", "Mei Lin", "Carlos Ruiz"]),
    ("伊藤 彩", "ja", ["伊藤 彩"]),
    ("Ludwig van Beethoven", "de", ["Ludwig van Beethoven"]),
    # negatives: a caption, a date, a sentence, a label, a long title are no names
    ("Robot arm", "en", []),
    ("March 23, 2025", "en", []),
    ("Mei Lin reports.", "en", []),
    ("Share:", "en", []),
    ("The Quick Brown Fox Jumps Over", "en", []),
])
def test_name_lines(text: str, lang: str, names: list[str]) -> None:
    assert name_line_names(text, lang) == names
