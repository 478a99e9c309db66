"""The lowered-markup gate (pages/markup.py): an attribute name absent from the page's lowercased
bytes is on no element of the parsed tree, so a whole-document XPath for it can be skipped."""
from __future__ import annotations

import pytest
from lxml import etree
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.markup import lowered_markup, may_carry, remember_markup
from ipgirl_crawler.pages.rendered import _CUSTOM_TAG_BYTES, may_read_roles


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


@pytest.mark.parametrize("body", [
    b'<div role="heading">T</div><p data-article-id="7">x</p>',
    b'\xef\xbb\xbf<DIV ROLE=\xc2\xa0"IMG">\xf0\x9f\x8c\x8a</DIV>',        # a byte-order mark, NBSP
    b'<p itemprop="author">Caf\xc3\xa9 \xff\xfe broken</p><x-card></x-card>',  # invalid UTF-8
    # negative: nothing any gate looks for
    b'<p>caf\xc3\xa9, \xe6\x9d\xb1\xe4\xba\xac</p>',
    b'\xc2<p role=navigation>\xa0</p>',                                  # a torn sequence around a space
])
def test_a_utf8_responses_bytes_answer_as_its_text(body: bytes) -> None:
    response = HtmlResponse(url="https://example.org/", body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    text = response.text
    asked = (lambda: may_read_roles(text), lambda: bool(_CUSTOM_TAG_BYTES.search(lowered_markup(text))),
             lambda: may_carry(text, b"data-article-id"), lambda: may_carry(text, b"itemprop"))
    from_text = [ask() for ask in asked]
    remember_markup(text, response.body, response.encoding)
    assert lowered_markup(text) == body.lower()
    assert [ask() for ask in asked] == from_text
