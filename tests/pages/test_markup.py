"""The lowered-markup gate (pages/markup.py): an attribute name absent from the page's lowercased
bytes is on no element of the parsed tree, so a whole-document XPath for it can be skipped."""
from __future__ import annotations

import pytest
from lxml import etree

from ipgirl_crawler.pages.markup import lowered_markup, may_carry


def _in_tree(html: str, name: str) -> bool:
    root = etree.fromstring(html, etree.HTMLParser()) if html else None
    return root is not None and bool(root.xpath(f"//*[@{name}]"))


@pytest.mark.parametrize(("html", "name", "carried"), [
    ('<article data-article-id="42"><h1>T</h1></article>', "data-article-id", True),
    ('<DIV DATA-ARTICLE-ID="42">x</DIV>', "data-article-id", True),          # the parser lowercases names
    ('<p>Für <span Itemprop="author">Ana</span>, 東京</p>', "itemprop", True),  # non-ASCII around it
    ('<p itemprop=datePublished content=2020-01-01></p>', "itemprop", True),
    # negative: the name nowhere, or only a longer or other name
    ('<article data-id="42"><h1>T</h1></article>', "data-article-id", False),
    ('<p>No microdata here, 東京</p>', "itemprop", False),
    ('<div data-itemprops="x">y</div>', "itemprop", None),                   # in the text only: may say yes
    ('', "itemprop", False),
])
def test_an_absent_name_is_on_no_element(html: str, name: str, carried: bool | None) -> None:
    assert _in_tree(html, name) is bool(carried)
    if carried is not None:
        assert may_carry(html, name.encode()) is carried
    else:
        assert may_carry(html, name.encode())  # a false yes costs the XPath, never an element


def test_the_lowered_markup_is_made_once_a_page() -> None:
    html = "<P Class=X>Été</P>"
    first = lowered_markup(html)
    assert first == "<p class=x>Été</p>".encode()  # bytes.lower(): ASCII letters only
    assert lowered_markup(html) is first
    assert lowered_markup("<p>other</p>") == b"<p>other</p>"
