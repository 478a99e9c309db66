"""Old pages' text runs brought to blocks (``pages/inline.py``): where the runs are looked for."""
from __future__ import annotations

import pytest
from lxml import etree

from ipgirl_crawler.pages.inline import _CANDIDATES, _TEXT_PARENTS, wrap_inline_runs

# The candidates as one XPath says them: the parents of a <br>, of non-blank text, and theirs.
ONE_XPATH = "//body//br/.. | //body//text()[normalize-space()]/.. | //body//text()[normalize-space()]/../.."


@pytest.mark.parametrize(("body", "tags"), [
    ("<td><font>One<br><br>Two</font></td>", ["td", "font"]),  # text's parent and grandparent, a <br>'s parent
    ("Loose text<div><p>In <b>bold</b></p></div>", ["html", "body", "div", "p", "b"]),  # body's text: html too
    ("<div>   \n  </div><p><br></p>", ["p"]),  # blank text is no run; a <br> alone is
    ("", []),  # nothing in the body (the head's title is no candidate)
])
def test_the_candidates_are_those_of_the_one_xpath(body: str, tags: list[str]) -> None:
    root = etree.HTML(f"<html><head><title>Title</title></head><body>{body}</body></html>")
    candidates = _CANDIDATES(root, text_parents=_TEXT_PARENTS(root))
    assert candidates == root.xpath(ONE_XPATH)
    assert [element.tag for element in candidates] == tags


def test_a_run_between_double_breaks_becomes_a_paragraph() -> None:
    root = etree.HTML("<html><body><td>First run<br><br>Second run<div>block</div></td></body></html>")
    assert wrap_inline_runs(root) == 1
    assert [(p.tag, p.text) for p in root.find(".//td")] == [("p", "First run"), ("p", "Second run"), ("div", "block")]
