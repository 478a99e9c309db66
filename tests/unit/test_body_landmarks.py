"""A landmark box of links nested inside a paragraph (pipelines/body_landmarks.py): the site's, not the
story's; with the negative cases where it must stay."""
from __future__ import annotations

import pytest

from pipelines.body import clean_body

BASE = "https://example.org/news/1"
SENTENCE = "Habeck proposed a subsidised power price for industry months ago."
LINKS = "".join(f"<li><a href='/news/{n}'>Another story number {n}</a></li>" for n in range(3))


@pytest.mark.parametrize(("block", "text"), [
    # a box of links the older parser nested in a paragraph (a browser closes the <p> before it)
    (f"<p>{SENTENCE}<aside><b>Read on</b><ul>{LINKS}</ul></aside></p>", SENTENCE),
    (f"<p>{SENTENCE}<nav><a href='/a'>Home</a> <a href='/b'>Economy</a></nav></p>", SENTENCE),
    # negatives: a pull quote in an aside (no links) is the story's; a paragraph's own links stay;
    # an aside of prose with one link in a sentence is no box of links
    (f"<p>{SENTENCE}<aside><q>This will be his second film</q></aside></p>", f"{SENTENCE}This will be his second film"),
    (f"<p>{SENTENCE} <a href='/x'>The plan</a> was dropped.</p>", f"{SENTENCE} The plan was dropped."),
    (f"<p>{SENTENCE}<aside>The minister, <a href='/m'>quoted here</a>, has since left the government.</aside></p>",
     f"{SENTENCE}The minister, quoted here, has since left the government."),
])
def test_nested_link_boxes(block: str, text: str) -> None:
    assert clean_body(block, "en", BASE).text == text
