"""DOM helpers of the page object."""
from __future__ import annotations


def test_common_ancestor() -> None:
    from lxml.html import fromstring

    from ipgirl_crawler.pages.dom import common_ancestor

    root = fromstring("<html><body><div id='a'><h1>T</h1></div><div id='b'><p>x</p></div></body></html>")
    h1, body, p = root.find(".//h1"), root.find("body"), root.find(".//p")
    assert common_ancestor(h1, body) is body
    assert common_ancestor(h1, p) is body
    assert common_ancestor(p, p.getparent()).get("id") == "b"
