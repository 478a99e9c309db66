"""Python tests of one link that replaced whole-page XPaths, read as those XPaths read:
``locators.is_author_mark`` (``//body//a[contains(@href, '/author') or contains(concat(' ', @rel, ' '),
' author ') or contains(@href, '/u/') or …]``) and ``taglinks.is_rel_tag`` (``//a[contains(concat(' ',
@rel, ' '), ' tag ')]``)."""
from __future__ import annotations

import pytest
from lxml import etree

from ipgirl_crawler.pages.locators import _PROFILE_HINTS, is_author_mark
from ipgirl_crawler.pages.taglinks import is_rel_tag

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


_REL_TAG_XPATH = etree.XPath("self::a[contains(concat(' ', @rel, ' '), ' tag ')]")


@pytest.mark.parametrize(("link", "tag"), [
    ('<a rel="tag" href="/t/ai">AI</a>', True),
    ('<a rel="nofollow tag" href="/t/ai">AI</a>', True),
    ('<a rel=" tag " href="/t/ai">AI</a>', True),
    # negative: another token holding the word, no rel, another case (the XPath is case-sensitive)
    ('<a rel="tags" href="/t/ai">AI</a>', False),
    ('<a rel="hashtag" href="/t/ai">AI</a>', False),
    ('<a href="/tag/ai">AI</a>', False),
    ('<a rel="Tag" href="/t/ai">AI</a>', False),
])
def test_a_rel_tag_link_is_one_as_the_xpath_says(link: str, tag: bool) -> None:
    element = etree.fromstring(f"<html><body>{link}</body></html>", etree.HTMLParser()).find(".//a")
    assert bool(_REL_TAG_XPATH(element)) is tag
    assert is_rel_tag(element) is tag
