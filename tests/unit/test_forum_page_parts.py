"""The parts of a forum topic's page read by generic rules (issue 21, era Z), table-driven with their
negative cases: a topic-list row's figures are no snippet, a picture linking to its own file is a
figure, a lightbox's file details are no caption, a "Tags" list above the title is the site's."""
from __future__ import annotations

import pytest
from lxml import etree
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.boilerplate import is_link_list
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.related import related_cards
from pipelines.body import clean_body

BASE = "https://example.org"
STORY = "<p>The protests began in June and grew through the summer, the police said.</p>"


def _cards(html: str) -> list[tuple[str | None, str | None]]:
    root = etree.fromstring(f"<html><body><h3>Discover more</h3>{html}</body></html>", etree.HTMLParser())
    cards = related_cards(root.find(".//h3"), lambda href: href, lambda url: bool(url and url.startswith("/a/")),
                          frozenset({"AI"}))
    return [(c["title"], c["snippet"]) for c in cards]


def _row(n: int, cells: str) -> str:
    return (f'<tr><td><a href="/a/{n}">T{n}</a><div><a href="/en/category/ai/">AI</a></div><div>Snippet {n}…</div></td>'
            f"{cells}</tr>")


@pytest.mark.parametrize(("cells", "snippet"), [
    # a topic list's figures (replies, views, activity) stand in cells of their own: no snippet words
    ("<td>12</td><td>3.6k</td><td>10d</td>", "Snippet {n}…"),
    ("<td>0</td><td>2 h</td>", "Snippet {n}…"),
    # negatives: a cell of words beside the title's (a snippet column) stays the snippet's
    ("<td>More words in a column</td>", "Snippet {n}… More words in a column"),
])
def test_a_topic_list_rows_figures_are_no_snippet(cells: str, snippet: str) -> None:
    table = f"<table><tbody>{_row(1, cells)}{_row(2, cells)}</tbody></table>"
    assert _cards(table) == [(f"T{n}", snippet.format(n=n)) for n in (1, 2)]


@pytest.mark.parametrize(("block", "link_list"), [
    # a picture linking to its own file (a lightbox) is a figure, its file details beside it
    ('<div><a href="/media/1/figure-1.jpg"><img src="/media/1/figure-1.jpg"><div><span>A robot</span>'
     '<div>1200×800 85.3 KB</div></div></a></div>', False),
    ('<div><a href="/media/full.png?w=2000"><img src="/media/small.png"></a></div>', False),
    # negatives: a picture linking to another page (an ad, a teaser) and a lone text link stay link lists
    ('<div><a href="https://ads.example.net/click?c=7"><img src="/ad.gif"> Get GPU credits</a></div>', True),
    ('<div><a href="/media/1/figure-1.jpg">figure-1.jpg</a></div>', True),  # a file's link without its picture
    ('<div><a href="/en/ai/12-other">Another story</a></div>', True),
])
def test_a_picture_linking_to_its_file_is_no_link_list(block: str, link_list: bool) -> None:
    assert is_link_list(etree.fromstring(block, etree.HTMLParser()).find(".//div")) is link_list


def _lightbox(shown: str, src: str = "/media/1/figure-1.jpg") -> str:
    return (f'<div><a href="{src}"><img src="{src}" alt="A robot"><div><span>{shown}</span>'
            f"<div>1200×800 85.3 KB</div></div></a></div>")


@pytest.mark.parametrize(("blocks", "caption"), [
    # a lightbox shows the caption (or the file's name where none was written) and the file's size
    (STORY + _lightbox("A robot arm · IPGirl"), "A robot arm · IPGirl"),
    (STORY + _lightbox("figure-1.jpg"), None),
    # negatives: a caption that mentions figures in words keeps them; a caption that names another file stays
    (STORY + "<div><img src='/a.jpg'><br>The 1200×800 panel, 85 KB of it</div>", "The 1200×800 panel, 85 KB of it"),
    (STORY + "<div><img src='/a.jpg'><br>photo.jpg</div>", "photo.jpg"),
])
def test_a_lightboxs_file_details_are_no_caption(blocks: str, caption: str | None) -> None:
    body = clean_body(blocks, "en", f"{BASE}/news/1")
    assert body.images[0]["caption"] == caption
    assert "KB" not in body.text or "85 KB of it" in blocks


@pytest.mark.parametrize(("before", "after", "tags"), [
    # a site's "Tags" list above the title (a forum's sidebar) is not the article's: its chips are
    ('<div><h2>Tags</h2><ul><li><a href="/en/tag/popular/">popular</a></li></ul></div>',
     '<div><a href="/en/tag/eu/">EU</a> <a href="/en/tag/chips/">chips</a></div>', ["EU", "chips"]),
    # negative: a "Tags" label after the title still introduces the article's tags
    ("", '<p>Tags: <a href="/en/tag/eu/">EU</a>, <a href="/en/tag/chips/">chips</a></p>', ["EU", "chips"]),
])
def test_a_tags_list_above_the_title_is_the_sites(before: str, after: str, tags: list[str]) -> None:
    html = (f'<html lang="en"><head><meta property="og:type" content="article"></head><body>{before}<h1>A title</h1>'
            f"{after}<div>{STORY * 3}</div></body></html>")
    page = page_for(HtmlResponse(f"{BASE}/en/ai/12-a-title", body=html.encode(), encoding="utf-8"), BASE)
    assert page.tags() == tags
