"""Other articles beside the story in its container: teasers and comments marked as articles are no
body (pages/other_articles.py); widgets named for noise in camelCase (pages/boilerplate.py); each with
the negative cases where the rule must not fire."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.dom import parse_fragment
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.other_articles import is_article_element

BASE = "https://example.org"
STORY = "".join(f"<p>Paragraph {n} of the story, with enough words in it to weigh as the page's main text.</p>"
                for n in range(6))
TEASER = "<p>A teaser of another story, a line or two long.</p>"


def _body(main: str) -> str:
    html = f'<html lang="en"><head></head><body><main><h1>A title</h1>{main}</main></body></html>'
    page = page_for(HtmlResponse(f"{BASE}/en/ai/12-a-title", body=html.encode(), encoding="utf-8"), BASE)
    return page.raw_body_html()


@pytest.mark.parametrize(("main", "gone", "kept"), [
    # a teaser marked as an article beside the story's text (meininger.de's issue teasers), a card by
    # its ARIA role, a comment so marked
    (f"<div>{STORY}</div><div class='row'><article><h3>Other</h3>{TEASER}</article></div>", ["A teaser"], []),
    (f"<div>{STORY}</div><ul><li role='article'>{TEASER}</li><li role='article'>{TEASER}</li></ul>",
     ["A teaser"], []),
    (f"<article>{STORY}</article><div><div role='comment'><p>Great post, thanks!</p></div></div>",
     ["Great post"], []),
    # negatives: an article inside the story's text (a quoted post) stays; so does one that holds a
    # top-level heading, or as much text as the densest paragraphs' (the story, when they are its
    # comments'); and a story in an article of its own
    (f"<div>{STORY[:300]}<article>{TEASER}</article>{STORY[300:]}</div>", [], ["A teaser"]),
    (f"<div><article><h1>The story</h1>{TEASER}</article></div><div>{STORY}</div>", [], ["A teaser"]),
    (f"<div><article>{STORY}</article></div>", [], ["Paragraph 5"]),
])
def test_other_articles_are_no_body(main: str, gone: list[str], kept: list[str]) -> None:
    html = _body(main)
    assert "Paragraph 0" in html
    assert all(text not in html for text in gone), html
    assert all(text in html for text in kept), html


@pytest.mark.parametrize(("element", "article"), [
    ("<article></article>", True),
    ("<li role='article'></li>", True),
    ("<div role=' Comment '></div>", True),
    ("<div class='article'></div>", False),  # a class names no role
    ("<section role='region'></section>", False),
])
def test_article_elements(element: str, article: bool) -> None:
    assert is_article_element(parse_fragment(element)[0]) is article


@pytest.mark.parametrize(("name", "gone"), [
    # a widget named in camelCase is named for noise by its words (nbcnews' "emailSignup" box)
    ("emailSignup", True),
    ("relatedContent", True),
    ("share-bar", True),  # as before: words between dashes
    # negatives: words that only run into a noise word once the case is dropped, or name none
    ("designUpdate", False),
    ("navigationItem", False),
    ("contentWrapper", False),
])
def test_widgets_named_in_camel_case(name: str, gone: bool) -> None:
    box = f"<div id='{name}'><p>Let our news meet your inbox, every weekday morning.</p></div>"
    html = _body(f"<div>{STORY}</div>{box}")
    assert ("Let our news" not in html) is gone, html
