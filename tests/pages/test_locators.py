"""``locators.is_author_mark``: the Python test of one link that replaced a whole-page XPath, read
as that XPath reads (``//body//a[contains(@href, '/author') or contains(concat(' ', @rel, ' '), ' author ')
or contains(@href, '/u/') or …]``)."""
from __future__ import annotations

import pytest
from lxml import etree

from ipgirl_crawler.pages.locators import _PROFILE_HINTS, is_author_mark

_AS_XPATH = etree.XPath("self::a[contains(@href, '/author') or contains(concat(' ', @rel, ' '), ' author ')"
                        + _PROFILE_HINTS + "]")


@pytest.mark.parametrize(("link", "mark"), [
    ('<a href="/author/ana-lima">Ana</a>', True),
    ('<a href="https://x.org/authors/">All</a>', True),
    ('<a href="/u/ann.lee">Ann</a>', True),
    ('<a href="/users/7">7</a>', True),
    ('<a href="/members/bo">Bo</a>', True),
    ('<a href="/profile?id=3">Me</a>', True),
    ('<a href="/people/jo">Jo</a>', True),
    ('<a href="/@kim">Kim</a>', True),
    ('<a rel="author" href="/about">About</a>', True),
    ('<a rel="nofollow author" href="#">Ana</a>', True),
    # negative: case differs (XPath's contains() is case-sensitive), a word only like "author", no href
    ('<a href="/Author/ana">Ana</a>', False),
    ('<a rel="authors" href="/x">x</a>', False),
    ('<a rel="co-author" href="/x">x</a>', False),
    ('<a href="/category/news">News</a>', False),
    ('<a href="/us/">US</a>', False),
    ('<a>no href</a>', False),
    ('<a name="author">anchor</a>', False),
])
def test_a_link_is_a_mark_as_the_xpath_says(link: str, mark: bool) -> None:
    element = etree.fromstring(f"<html><body>{link}</body></html>", etree.HTMLParser()).find(".//a")
    assert bool(_AS_XPATH(element)) is mark
    assert is_author_mark(element) is mark
