"""DOM helpers of the page object."""
from __future__ import annotations

import pytest


def test_common_ancestor() -> None:
    from lxml.html import fromstring

    from ipgirl_crawler.pages.dom import common_ancestor

    root = fromstring("<html><body><div id='a'><h1>T</h1></div><div id='b'><p>x</p></div></body></html>")
    h1, body, p = root.find(".//h1"), root.find("body"), root.find(".//p")
    assert common_ancestor(h1, body) is body
    assert common_ancestor(h1, p) is body
    assert common_ancestor(p, p.getparent()).get("id") == "b"


def test_text_of_keeps_the_page_trees_answers_only() -> None:
    """The page's tree no longer changes once it is read, so its texts are kept; a fragment the
    pipelines edit is read afresh each time, and a new page forgets the last one's."""
    from lxml import etree

    from ipgirl_crawler.pages import dom

    page = etree.HTML("<html><body><p>one <b>two</b></p></body></html>")
    dom.remember_texts(page)
    paragraph = page.find(".//p")
    assert dom.text_of(paragraph) == "one two"
    assert dom._page_texts == {paragraph: "one two"}
    fragment = etree.HTML("<div><p>three</p></div>")
    edited = fragment.find(".//p")
    assert dom.text_of(edited) == "three"
    edited.text = "four"
    assert dom.text_of(edited) == "four"
    dom.remember_texts(etree.HTML("<p>next page</p>"))
    assert dom._page_texts == {}


# What text_of reads where an element holds script, style or <br>, as one XPath says it (slow).
_VISIBLE_XPATH = ".//text()[not(ancestor::*[self::script or self::style or self::noscript or self::template or self::svg])] | .//br"


@pytest.mark.parametrize(("html", "text"), [
    ("<div>By <!-- -->Ann<!-- --> Lee<script>x()</script> today</div>", "By Ann Lee today"),  # comments' tails
    ("<div>One<br>two<style>p{}</style><b>Hel</b>lo</div>", "One twoHello"),
    ("<div>A<noscript><p>B</p><br>C</noscript>D</div>", "A D"),  # a <br> in a noscript still a space
    ("<div><svg><text>S</text></svg>T<script>1</script></div>", "T"),
    ("<div><?pi x?>P<template><i>no</i></template>Q</div>", "PQ"),
    ("<noscript><div>Hidden<script>1</script><br>still</div></noscript>", ""),  # hidden from above
    ("<div><script>x</script></div>", ""),
    ("<p>  a   childless\n paragraph </p>", "a childless paragraph"),  # no child: its .text
    ("<p></p>", ""),
    ("<script>var childless = 1;</script>", ""),  # no child, but a script itself: not its text
    ("<br>", ""),
])
def test_text_of_leaves_scripts_out_as_the_xpath_does(html: str, text: str) -> None:
    from lxml import etree

    from ipgirl_crawler.pages import dom
    from ipgirl_crawler.pages.text import normalize_text

    dom.remember_texts(etree.HTML("<p>another page</p>"))
    element = etree.HTML(f"<html><body>{html}</body></html>").find("body")[0]
    element = element if element.tag != "noscript" else element[0]
    expected = normalize_text("".join(p if isinstance(p, str) else " " for p in element.xpath(_VISIBLE_XPATH)))
    assert (dom.text_of(element), expected) == (text, text)


@pytest.mark.parametrize(("levels", "blocks"), [
    (3, [("p", 6), ("span", 6), ("p", 3)]),
    (40, [("p", 43), ("span", 43), ("p", 3)]),   # MAX_DEPTH wrappers: still looked into
    (41, [("div", 43), ("p", 3)]),               # one more: the innermost wrapper is one block
    (42, [("div", 3), ("p", 3)]),
    (60, [("div", 3), ("p", 3)]),
])
def test_flatten_blocks_through_a_chain_of_wrappers(levels: int, blocks: list[tuple[str, int]]) -> None:
    """Each wrapper of a chain is asked whether it holds blocks once; the depth limit stays where it was."""
    from lxml import etree

    from ipgirl_crawler.pages.dom import flatten_blocks

    html = f"<main>{'<div>' * levels}<p>x</p><span>y</span>{'</div>' * levels}<p>z</p></main>"
    main = etree.HTML(f"<html><body>{html}</body></html>").find(".//main")
    assert [(e.tag, len(list(e.iterancestors()))) for e in flatten_blocks(main)] == blocks


@pytest.mark.parametrize(("html", "blocks"), [
    # a layout table: rows of one cell stacked, each a block as a div would be (an email's story)
    ("<table><tbody><tr><td><div>One.</div></td></tr><tr><td><div>Two.</div></td></tr>"
     "<tr><td><div>Three.</div></td></tr></tbody></table>", ["One.", "Two.", "Three."]),
    ("<table><tr><td>One.</td></tr><tr><td>Two.</td></tr></table>", ["One.", "Two."]),
    # negatives: a data table (rows of several cells), a table of one row: one block each
    ("<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2023</td><td>5</td></tr></table>", ["YearSales20235"]),
    ("<table><tr><td>Only row.</td></tr></table>", ["Only row."]),
])
def test_a_layout_tables_rows_are_blocks(html: str, blocks: list[str]) -> None:
    from lxml import etree

    from ipgirl_crawler.pages.dom import flatten_blocks, text_of

    main = etree.HTML(f"<html><body><main>{html}<p>End.</p></main></body></html>").find(".//main")
    assert [text_of(e) for e in flatten_blocks(main)] == [*blocks, "End."]


# text_content reads a childless element's .text without XPath; an element with children (a comment
# one included) by the text serializer: both as XPath's string() reads them.
@pytest.mark.parametrize("markup", [
    "<p>plain text</p>",  # no child: its .text
    "<p></p>",  # no child, no text: ""
    "<p>one <b>two</b> three</p>",  # children: the serializer
    "<p>one<!-- note -->two</p>",  # a comment is a child, whose text is left out
    "<p><!-- only a comment --></p>",
    "<p>caf&eacute; &amp; th&eacute;</p>",  # entities, decoded alike
    "<p>a<script>var x = '<b>';</script>b<style>p{}</style><?php echo 1 ?>c</p>",  # script text kept, a PI's not
    "<p><span><i>deep</i> er</span> tail <a href='#'>link</a></p><p>next</p>",  # nested; no tail of its own
    "<p>東京 — naïve \u00a0 ​ text</p>",
])
def test_text_content_reads_as_xpath_string(markup: str) -> None:
    from lxml import etree

    from ipgirl_crawler.pages.dom import text_content

    paragraph = etree.HTML(f"<html><body>{markup}</body></html>").find(".//p")
    assert text_content(paragraph) == paragraph.xpath("string()")
    comment = etree.HTML("<html><body><p><!-- a note --></p></body></html>").find(".//p")[0]
    assert text_content(comment) == comment.xpath("string()") == " a note "


@pytest.mark.parametrize(("html", "blocks"), [
    # an element HTML does not define holding blocks is a wrapper (hosted.ap.org's story in a <block>)
    ("<block><p>One.</p><div class='trending'><h3>Trending</h3><ol><li>A</li></ol></div></block>",
     ["One.", "Trending", "A"]),
    ("<x-story><p>One.</p><p>Two.</p></x-story>", ["One.", "Two."]),
    # negatives: one holding inline text only is a block of its own; so is a known inline element
    ("<block>Some text in a <b>block</b></block>", ["Some text in a block"]),
    ("<label><p>One.</p></label>", ["One."]),
])
def test_unknown_elements_holding_blocks_are_wrappers(html: str, blocks: list[str]) -> None:
    from ipgirl_crawler.pages.dom import flatten_blocks, parse_fragment, text_of

    assert [text_of(e) for e in flatten_blocks(parse_fragment(html))] == blocks
