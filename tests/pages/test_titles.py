"""A header's <h1> that the document's title opens with is the page's title, not the site's banner
(pages/titles.py), with the negative cases where a header's h1 stays the banner."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.titles import opens_the_title

BASE = "https://example.org"
TEXT = "".join(f"<p>Paragraph {n} of the post, with enough words in it to weigh as the page's main text.</p>"
               for n in range(4))


@pytest.mark.parametrize(("heading", "titles", "site", "names"), [
    ("CDPATH replacements", ["CDPATH replacements - anarcat"], "", True),
    ("CDPATH replacements", ["Something else", "CDPATH replacements"], "", True),  # og:title
    ("Lithium aus dem Schredder", ["Lithium aus dem Schredder | heise online"], "", True),
    # negatives: a site's name first in its titles ("Site - A long story"), the declared site name,
    # a heading the title does not open with, an empty one
    ("anarcat", ["anarcat - CDPATH replacements and more"], "", False),
    ("Example News", ["Example News"], "Example News", False),
    ("Shell jumpers", ["CDPATH replacements - anarcat"], "", False),
    ("", ["CDPATH replacements - anarcat"], "", False),
])
def test_opens_the_title(heading: str, titles: list[str], site: str, names: bool) -> None:
    assert opens_the_title(heading, titles, site) is names


def _title(head: str, header: str) -> str:
    html = (f"<html lang='en'><head>{head}</head><body><div id='content'>{header}{TEXT}"
            f"<h1>What I use now</h1>{TEXT}</div></body></html>")
    page = page_for(HtmlResponse(f"{BASE}/en/ai/12-x", body=html.encode(), encoding="utf-8"), BASE)
    return page.to_item()["title"]


@pytest.mark.parametrize(("head", "header", "title"), [
    ("<title>CDPATH replacements - anarcat</title>", "<header><h1>CDPATH replacements</h1></header>",
     "CDPATH replacements"),
    # negatives: the site's banner (its name, not what the title opens with), and a breadcrumb's current
    # crumb in the header's navigation: the article's h1 below is the title
    ("<title>CDPATH replacements - anarcat</title>", "<header><h1>anarcat</h1></header>", "What I use now"),
    ("<title>CDPATH replacements - anarcat</title>",
     "<header><nav><ul><li><h1>CDPATH replacements</h1></li></ul></nav></header>", "What I use now"),
])
def test_a_headers_h1_named_by_the_title(head: str, header: str, title: str) -> None:
    assert _title(head, header) == title


def _blog_title(head: str, h1: str, h2: str) -> str:
    html = (f"<html lang='en'><head>{head}</head><body><header><a href='/'><h1>{h1}</h1></a></header><main>"
            f"<div class='category'>Promis</div><h2>{h2}</h2>{TEXT}<h2>Another section</h2>{TEXT}</main></body></html>")
    page = page_for(HtmlResponse(f"{BASE}/en/ai/12-x", body=html.encode(), encoding="utf-8"), BASE)
    item = page.to_item()
    return f"{item['title']} | {'Promis' in item['raw_body_html']}"


@pytest.mark.parametrize(("head", "h1", "h2", "read"), [
    # a blog's h1 is its name, the post's title an h2 the document's title opens with: the h2 is the
    # title, and the kicker above it no line of the story (tonight.de, deutscheweine.de)
    ("<title>Jangan Membenci Satu Kaum - Kabar Islam</title>", "Kabar Islam", "Jangan Membenci Satu Kaum",
     "Jangan Membenci Satu Kaum | False"),
    ("<meta property='og:title' content='Posts gewinnen'>", "Details", "Posts gewinnen", "Posts gewinnen | False"),
    # negatives: the h1 the title starts with stays (a subtitle after it); no title stated; an h2 the
    # title does not open with
    ("<title>Tote Hummeln unter Linden: Die Erklärung | Hummeln</title>", "Tote Hummeln unter Linden",
     "Tote Hummeln unter Linden: Die Erklärung", "Tote Hummeln unter Linden | True"),
    ("", "Kabar Islam", "Jangan Membenci Satu Kaum", "Kabar Islam | True"),
    ("<title>Something else - Kabar Islam</title>", "Kabar Islam", "Jangan Membenci Satu Kaum",
     "Kabar Islam | True"),
])
def test_a_post_titled_in_an_h2_under_the_blogs_h1(head: str, h1: str, h2: str, read: str) -> None:
    assert _blog_title(head, h1, h2) == read
