"""Generic reading rules found on era X (a site builder's page, issue 21), table-driven with their
negative cases: an avatar and a name line as the byline, a card's second link to the same URL, a
caption set in smaller type under its picture."""
from __future__ import annotations

import pytest
from lxml import etree
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.avatars import name_line_names
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.related import related_cards
from pipelines.body import clean_body

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
    # names under a small picture with no line of dates after them: the story's (an interviewee's portrait)
    (_picture("width='40'") + "<p><b>Mei Lin</b></p>" + f"<p>{LONG}</p>", [], None, ""),
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
    ("Share This Story", "en", []),
    ("The Quick Brown Fox Jumps Over", "en", []),
])
def test_name_lines(text: str, lang: str, names: list[str]) -> None:
    assert name_line_names(text, lang) == names


def _cards(html: str) -> list[tuple[str | None, str | None, str | None]]:
    root = etree.fromstring(f"<html><body><h2>Discover more</h2><div role='list'>{html}</div></body></html>",
                            etree.HTMLParser())
    cards = related_cards(root.find(".//h2"), lambda href: href, lambda url: bool(url and url.startswith("/a/")),
                          frozenset({"AI"}))
    return [(c["title"], c["category"], c["snippet"]) for c in cards]


def _card(href: str, title: str, button: str = "") -> str:
    return (f"<div role='listitem'><img src='/t.jpg' alt=''><p><span>AI</span></p><p><span><a href='{href}'>{title}</a>"
            f"</span></p><p><span>The story in short…</span></p>{button}</div>")


@pytest.mark.parametrize(("html", "cards"), [
    # a "Read More" button to the card's own URL: one card, the button's text no snippet
    (_card("/a/1", "T1", "<a href='/a/1'><span>Read More</span></a>") + _card("/a/2", "T2", "<a href='/a/2'>Read More</a>"),
     [("T1", "AI", "The story in short…"), ("T2", "AI", "The story in short…")]),
    # negative: a second link to another article in the same box makes two cards
    ("<div role='listitem'><p><a href='/a/1'>T1</a></p><p>One…</p><p><a href='/a/2'>T2</a></p><p>Two…</p></div>",
     [("T1", None, None), ("T2", None, None)]),
    # negative: without a button the card reads as before
    (_card("/a/3", "T3"), [("T3", "AI", "The story in short…")]),
])
def test_two_links_to_one_url_are_one_card(html: str, cards: list[tuple[str | None, str | None, str | None]]) -> None:
    assert _cards(html) == cards


def _text(words: str, size: str) -> str:
    return f"<p><span style='font-size:{size};'>{words}</span></p>"


PARAGRAPH = "The engineers combined a vision model with a large language model to plan the next action."
IMAGE = "<div><wow-image><img src='/f.jpg' alt='Robot arm' style='width:490px'></wow-image></div>"


@pytest.mark.parametrize(("blocks", "caption", "paragraphs"), [
    # a short line in smaller type right under the picture: its caption, out of the text
    (_text(PARAGRAPH, "17px") + IMAGE + _text("Robot arm · Japan", "13px") + _text(PARAGRAPH, "17px"),
     "Robot arm · Japan", 2),
    (_text(PARAGRAPH, "1.1em") + IMAGE + _text("A robot arm at the lab.", "10pt"), "A robot arm at the lab.", 1),
    # negatives: a line in the story's size, or a larger heading, under the picture is the story's
    (_text(PARAGRAPH, "17px") + IMAGE + _text("Robot arm · Japan", "17px"), None, 2),
    (_text(PARAGRAPH, "17px") + IMAGE + "<p><b><span style='font-size:28px'>What comes next</span></b></p>", None, 2),
    # a small line that follows no picture, and a page that sets no size inline
    (_text(PARAGRAPH, "17px") + _text("Robot arm · Japan", "13px") + IMAGE, None, 2),
    (f"<p>{PARAGRAPH}</p>{IMAGE}<p><small>Robot arm · Japan</small></p>", None, 2),
])
def test_a_smaller_line_under_a_picture_is_its_caption(blocks: str, caption: str | None, paragraphs: int) -> None:
    body = clean_body(blocks, "en", BASE)
    assert [image["caption"] for image in body.images] == [caption]
    assert len(body.text.split("\n\n")) == paragraphs, body.text
