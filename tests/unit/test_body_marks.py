"""Footnote marks and a wiki's heading controls are no words of the body (era AC), table-driven with
the cases where the same shapes are text."""
from __future__ import annotations

import pytest

from ipgirl_crawler.pages.boilerplate import is_link_list
from ipgirl_crawler.pages.marks import is_notes_list
from ipgirl_crawler.pages.dom import parse_fragment
from pipelines.body import clean_body

BASE = "https://example.org"
EDIT = '<a href="/w/index.php?title=X&amp;action=edit&amp;section=1">edit</a>'
EDIT_VE = ('<a href="/w/index.php?title=X&amp;veaction=edit&amp;section=1">edit</a> | '
           '<a href="/w/index.php?title=X&amp;action=edit&amp;section=1">edit source</a>')


@pytest.mark.parametrize(("raw", "text"), [
    ('<p>Rules are due.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>', "Rules are due."),
    ('<p>Rules<sup><a href="#fn2">2</a></sup> are due.</p>', "Rules are due."),
    # negatives: a superscript with no link, a link to another page, a long superscript
    ("<p>An area of 12 m<sup>2</sup>.</p>", "An area of 12 m2."),
    ('<p>Rules are due.<sup><a href="/en/notes/1">[1]</a></sup></p>', "Rules are due.[1]"),
    ('<p>Rules<sup><a href="#n">see the appendix below</a></sup>.</p>', "Rulessee the appendix below."),
])
def test_footnote_marks(raw: str, text: str) -> None:
    assert clean_body(raw, "en", BASE).text == text


@pytest.mark.parametrize(("raw", "text"), [
    (f'<h2>Why it matters<span class="mw-editsection">[{EDIT}]</span></h2><p>Text.</p>', "Why it matters\n\nText."),
    (f"<h2>Why it matters<span>[{EDIT_VE}]</span></h2><p>Text.</p>", "Why it matters\n\nText."),
    # the control beside the heading, in the same wrapper (MediaWiki 1.42's div.mw-heading)
    (f"<div><h2>Why it matters</h2><span>[{EDIT}]</span></div><p>Text.</p>", "Why it matters\n\nText."),
    # negatives: brackets without a link, with words of their own, or not beside a heading
    ("<h2>Results [2024]</h2><p>Text.</p>", "Results [2024]\n\nText."),
    ('<h2>Results <span>[see <a href="/t">table</a>]</span></h2><p>Text.</p>', "Results [see table]\n\nText."),
    (f"<p>Text <span>[{EDIT}]</span> goes on.</p>", "Text [edit] goes on."),
])
def test_heading_controls(raw: str, text: str) -> None:
    assert clean_body(raw, "en", BASE).text == text


@pytest.mark.parametrize(("block", "links"), [
    # a short heading and its longer edit links: a heading, not a list of links
    (f"<h2>A reação do setor<span>[{EDIT_VE}]</span></h2>", False),
    # negative: a heading that is two links
    ('<h2><a href="/en/ai/1-x">One story</a> <a href="/en/ai/2-y">another</a></h2>', True),
])
def test_heading_controls_make_no_link_list(block: str, links: bool) -> None:
    assert is_link_list(parse_fragment(block)[0]) is links


@pytest.mark.parametrize(("block", "links"), [
    # one linked sentence and a footnote's mark: prose
    ('<p>By next year most laptops will ship one. <a href="/en/ai/1-x">The start-up reports far fewer invented '
     'citations.</a><sup><a href="#cite_note-4">[4]</a></sup></p>', False),
    # negatives: two links a reader follows; a mark linking to another page is such a link
    ('<p><a href="/en/ai/1-x">One story</a> and <a href="/en/ai/2-y">another story</a></p>', True),
    ('<p>Most will. <a href="/en/ai/1-x">The start-up reports far fewer invented citations.</a>'
     '<sup><a href="/notes/4">[4]</a></sup></p>', True),
])
def test_a_footnote_mark_makes_no_link_list(block: str, links: bool) -> None:
    assert is_link_list(parse_fragment(block)) is links


NOTE = '<li id="cite_note-{n}"><b><a href="#cite_ref-{n}">{mark}</a></b> <cite><a href="https://r.example/{n}">Research note {n}</a>. Example Research.</cite></li>'


@pytest.mark.parametrize(("block", "notes"), [
    ("<ol>" + NOTE.format(n=1, mark="^") + NOTE.format(n=2, mark="↑") + "</ol>", True),
    ('<div class="reflist"><ol>' + NOTE.format(n=1, mark="^") + "</ol></div>", True),
    # negatives: items opening with links to other pages; with no link; a back-link at the end (a blog's "↩")
    ('<ol><li><a href="/en/ai/1-x">A story</a> and why</li><li><a href="/en/ai/2-y">Another</a></li></ol>', False),
    ("<ul><li>First point of the story.</li><li>Second point.</li></ul>", False),
    ('<ol><li>The source, page 4. <a href="#fnref1">↩</a></li></ol>', False),
])
def test_a_list_of_footnotes(block: str, notes: bool) -> None:
    assert is_notes_list(parse_fragment(block)[0]) is notes
