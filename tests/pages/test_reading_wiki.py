"""Generic reading rules a wiki-rendered article needed (held-out era AC, issue 21), table-driven with
their negative cases: what stands between the title and the story (the site's tagline, page tabs,
skip links), the lead paragraph over a byline, an organisation named as the author, and a
properties table's labels with an optional plural ending."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.properties import _label_text

BASE = "https://example.org"
STORY = ("<p>The first paragraph of the story is long enough to be read as its body text, and it ends here.</p>"
         "<p>A second paragraph of the story follows it, as long and as plain as the first one was.</p>")
ORG = '{"@type": "Organization", "name": "Contributors to IPGirl"}'
PERSON = '{"@type": "Person", "name": "Ann Lee"}'


def _page(lead: str = "", author: str = "", description: str = "", title: str = "A title - IPGirl",
          one_parent: bool = False):
    ld = (f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Article", '
          f'"author": {author}}}</script>') if author else ""
    meta = f'<meta name="description" content="{description}">' if description else ""
    html = (f'<html lang="en"><head><title>{title}</title>{meta}{ld}</head><body><main><h1>A title</h1>'
            + (f"<div>{lead}{STORY}</div>" if one_parent else f"{lead}<div>{STORY}</div>") + "</main></body></html>")
    response = HtmlResponse(f"{BASE}/en/ai/12-a-title", body=html.encode(), encoding="utf-8")
    return page_for(response, BASE)


def _first_block(page) -> str:
    from ipgirl_crawler.pages.dom import text_of
    return text_of(page.body.blocks[0])


@pytest.mark.parametrize(("lead", "first"), [
    ('<div id="siteSub">From IPGirl</div>', "The first paragraph"),
    ('<div class="tagline">Origem: IPGirl</div>', "The first paragraph"),
    ("<div>来自IPGirl</div>", "The first paragraph"),  # CJK runs on without a space
    # page tabs: a wrapper of menus; skip links: links to places on the page
    ('<div><nav><ul><li><a href="/x">Article</a></li><li><a href="/y">Talk</a></li></ul></nav></div>', "The first"),
    ('<a href="#nav">Jump to navigation</a> <a href="#search">Jump to search</a>', "The first paragraph"),
    # negatives: a sentence naming the site, a short line naming something else, a link elsewhere
    ("<p>IPGirl raised six million dollars.</p>", "IPGirl raised"),
    ("<div>From the archive</div>", "From the archive"),
    ("<div>IPGirlfriend special</div>", "IPGirlfriend special"),  # the name inside another word
    ('<p>The figures are in <a href="#table">the table below</a>, by year.</p>', "The figures are in"),
])
def test_what_stands_before_the_story(lead: str, first: str) -> None:
    assert _first_block(_page(lead=lead)).startswith(first)


SUMMARY = "A lead paragraph that the meta description repeats word for word."


@pytest.mark.parametrize(("lead", "in_body"), [
    # the byline under the lead paragraph sets it apart: the summary, not the story's first paragraph
    (f'<p>{SUMMARY}</p><div class="byline">By <a href="/en/author/ann-lee/">Ann Lee</a></div>', False),
    # negative: the byline above it, the paragraph opens the story as its next one does
    (f'<div class="byline">By <a href="/en/author/ann-lee/">Ann Lee</a></div><p>{SUMMARY}</p>', True),
])
def test_a_lead_paragraph_over_the_byline_is_the_summary(lead: str, in_body: bool) -> None:
    page = _page(lead=lead, description=SUMMARY, one_parent=True)
    from ipgirl_crawler.pages.dom import text_of
    assert (SUMMARY in [text_of(b) for b in page.body.blocks]) is in_body
    assert page.authors() == ["Ann Lee"]


@pytest.mark.parametrize(("author", "lead", "authors"), [
    # an organisation is no byline where the page names people
    (ORG, '<div class="byline">By <a href="/en/author/ann-lee/">Ann Lee</a></div>', ["Ann Lee"]),
    (f"[{ORG}, {PERSON}]", "", ["Ann Lee"]),
    # negatives: the organisation when nobody is named; a person's JSON-LD name as before
    (ORG, "", ["Contributors to IPGirl"]),
    (PERSON, "", ["Ann Lee"]),
])
def test_an_organisation_as_author(author: str, lead: str, authors: list[str]) -> None:
    assert _page(lead=lead, author=author).authors() == authors


def test_an_organisation_states_no_byline_to_the_self_check() -> None:
    from ipgirl_crawler.pages.statements import _authors
    assert _authors(_page(author=ORG)) == {}
    assert _authors(_page(author=PERSON)) == {"ld": ["Ann Lee"]}


@pytest.mark.parametrize(("label", "read"), [
    ("Author(s)", "author"), ("Autor(es)", "autor"), ("Autore/i", "autore"), ("Author:", "author"),
    # negatives: a unit or a note set apart by a space is no plural ending
    ("Date (UTC)", "date (utc)"), ("Speed km/h", "speed km/h"),
])
def test_a_label_with_an_optional_plural(label: str, read: str) -> None:
    assert _label_text(label) == read


def test_an_infobox_author_row_with_a_plural_label() -> None:
    infobox = ('<table class="infobox"><tr><th>Author(s)</th><td><a href="/en/author/ann-lee/">Ann Lee</a></td></tr>'
               "<tr><th>Published</th><td>July 24, 2025</td></tr></table>")
    assert _page(lead=infobox, author=ORG).authors() == ["Ann Lee"]


@pytest.mark.parametrize(("after", "kept"), [
    # a landmark of chrome by its role, as <nav> is: a wiki's navbox under the story
    ('<div role="navigation"><table><tr><th>IPGirl</th></tr><tr><td><ul><li><a href="/en/category/ai/">AI</a>'
     "</li></ul></td></tr></table></div>", False),
    # negative: a region or a note is content
    ('<div role="region"><p>IPGirl closing words of the story, a sentence.</p></div>', True),
])
def test_a_navigation_landmark_is_no_body(after: str, kept: bool) -> None:
    from ipgirl_crawler.pages.dom import text_of
    page = _page(lead="", one_parent=True)
    html = page.response.text.replace("</main>", f"{after}</main>")
    page = page_for(HtmlResponse(page.response.url, body=html.encode(), encoding="utf-8"), BASE)
    assert any("IPGirl" in text_of(b) for b in page.body.blocks) is kept


@pytest.mark.parametrize(("infobox", "kept"), [
    # the rows of a properties table read for its author and date are metadata: labels and other rows too
    ('<table class="infobox"><tr><th colspan="2">A title</th></tr><tr><th>Category</th><td><a href="/en/category/ai/">'
     'AI</a></td></tr><tr><th>Author(s)</th><td><a href="/en/author/ann-lee/">Ann Lee</a></td></tr>'
     "<tr><th>Published</th><td>July 24, 2025</td></tr></table>", []),
    # negative: a data table in the story, with no author or date row, stays
    ("<table><tr><th>Region</th><td>Sales of the quarter in the region</td></tr>"
     "<tr><th>Europe</th><td>Forty two million units sold</td></tr></table>", ["Europe"]),
])
def test_a_properties_table_is_no_body(infobox: str, kept: list[str]) -> None:
    from ipgirl_crawler.pages.dom import text_of
    page = _page(lead=infobox, one_parent=True)
    texts = " ".join(text_of(b) for b in page.body.blocks)
    assert [word for word in ("Category", "Author(s)", "Europe") if word in texts] == kept


@pytest.mark.parametrize(("cell", "date"), [
    # a hidden machine copy of the day beside the visible one ({{Start date}})
    ('July 24, 2025<span style="display:none">&#160;(<span class="dtstart">2025-07-24</span>)</span>', "July 24, 2025"),
    ("July 24, 2025 <span hidden>(2025-07-24)</span>", "July 24, 2025"),
    # negatives: a shown day as it is, a <time>'s datetime first
    ("July 24, 2025", "July 24, 2025"),
    ('<time datetime="2025-07-24">yesterday</time>', "2025-07-24"),
])
def test_a_property_date_as_shown(cell: str, date: str) -> None:
    from ipgirl_crawler.pages.dom import parse_fragment
    from ipgirl_crawler.pages.properties import date_in
    assert date_in(parse_fragment(f"<table><tr><td>{cell}</td></tr></table>")[0].find(".//td")) == date


@pytest.mark.parametrize(("toc", "cards"), [
    # a contents list naming "Discover more" before the story is no section heading: the section's own is
    ('<nav role="navigation"><ul><li><a href="#Discover_more">Discover more</a></li></ul></nav>', 1),
    ('<div role="navigation"><ul><li><a href="#Discover_more">Discover more</a></li></ul></div>', 1),
    # negative: with no contents list the section's heading as before
    ("", 1),
])
def test_a_contents_entry_is_no_related_heading(toc: str, cards: int) -> None:
    section = ('<h2><span>Discover more</span><span>[<a href="/w/index.php?action=edit">edit</a>]</span></h2>'
               '<ul><li><a href="/en/ai/13-other-story"><b>Other story</b></a><br>What the other story says.</li></ul>')
    page = _page(lead="", one_parent=True)
    # the other languages' versions of the article, as a wiki's language menu links them, beside the contents
    languages = '<div><a href="/zh/ai/14-a-title" hreflang="zh">中文</a></div>'
    html = page.response.text.replace("<main>", f"<div>{toc}</div>{languages}<main>").replace("</main>", f"{section}</main>")
    page = page_for(HtmlResponse(page.response.url, body=html.encode(), encoding="utf-8"), BASE)
    assert len(page.raw_related()) == cards


@pytest.mark.parametrize(("footer", "lang", "published", "modified"), [
    ("<li>This page was last edited on May 24, 2023, at 06:59.</li>", "en", "2023-05-06T04:17:00Z", "2023-05-24"),
    ("<li>Esta página se editó por última vez el 5 de octubre de 2026 a las 10:12.</li>", "es", "23 de septiembre de 2026",
     "2026-10-05"),
    ("<li>이 문서는 2024년 11월 25일 (월) 10:12에 마지막으로 편집되었습니다.</li>", "ko", "2024-10-24", "2024-11-25"),
    ("<li>This page was last edited on October 24, 2023, at 07:46.</li>", "ko", "September 26, 2023", "2023-10-24"),
    # negative: a local day one on from a publication moment in UTC is the same moment, not an edit
    ("<li>此页面最后编辑于2023年11月16日 (星期四) 01:10。</li>", "zh", "2023-11-15T17:10:00Z", None),
    # negatives: an unrevised page's footer names its publication day; no footer line; no publication to compare
    ("<li>This page was last edited on July 24, 2025, at 09:35.</li>", "en", "2025-07-24T14:35:00Z", None),
    ("<li>Privacy policy</li>", "en", "2025-07-24", None),
    ("<li>This page was last edited on May 24, 2023, at 06:59.</li>", "en", None, None),
])
def test_a_wiki_footer_last_edited_day(footer: str, lang: str, published: str | None, modified: str | None) -> None:
    from ipgirl_crawler.pages.dom import parse_fragment
    from ipgirl_crawler.pages.lastedit import edited_after, last_edited_text
    root = parse_fragment(f"<div><p>Story.</p><footer><ul>{footer}</ul></footer></div>")
    assert edited_after(last_edited_text(root, lang), published, lang) == modified


def test_a_last_edited_sentence_in_the_story_is_no_footer() -> None:
    from ipgirl_crawler.pages.dom import parse_fragment
    from ipgirl_crawler.pages.lastedit import last_edited_text
    root = parse_fragment("<div><p>This page was last edited on May 24, 2023, at 06:59.</p><footer></footer></div>")
    assert last_edited_text(root, "en") is None


@pytest.mark.parametrize(("after", "stated"), [
    # a box of tag links after the story states the tags to the self-check
    ('<div><a href="/w/Special:Categories">Categories</a>: <ul><li><a href="/en/category/ai/">AI</a></li>'
     '<li><a href="/en/tag/eu/">EU</a></li><li><a href="/en/tag/chips/">chips</a></li></ul></div>', ["EU", "chips"]),
    # negatives: tag links among cards that link articles; in the page's footer
    ('<ul><li><a href="/en/ai/13-other">Other story</a> <a href="/en/tag/eu/">EU</a></li></ul>', []),
    ('<footer><ul><li><a href="/en/tag/eu/">EU</a></li></ul></footer>', []),
])
def test_a_tag_box_after_the_story_is_stated(after: str, stated: list[str]) -> None:
    from ipgirl_crawler.pages.statements import _closing_tags
    page = _page(lead="", one_parent=True)
    html = page.response.text.replace("</main>", f"</main>{after}")
    page = page_for(HtmlResponse(page.response.url, body=html.encode(), encoding="utf-8"), BASE)
    assert _closing_tags(page) == stated


@pytest.mark.parametrize(("picture", "figures"), [
    # a picture in a properties table (an infobox's image) is the article's first figure
    ('<tr><td colspan="2"><a href="/media/1.jpg"><img src="/media/1.jpg" alt="Lab"></a><div>Lab · IPGirl</div></td></tr>', 1),
    # negative: a table with no picture gives none
    ("", 0),
])
def test_a_properties_table_picture(picture: str, figures: int) -> None:
    infobox = (f'<table class="infobox">{picture}<tr><th>Author(s)</th><td><a href="/en/author/ann-lee/">Ann Lee</a></td>'
               "</tr><tr><th>Published</th><td>July 24, 2025</td></tr></table>")
    page = _page(lead=infobox, one_parent=True)
    assert sum(1 for b in page.body.blocks for _ in b.iter("img")) == figures


@pytest.mark.parametrize(("frame", "is_frame"), [
    # a wiki thumbnail: the caption two divs deep beside an empty "enlarge" icon
    ('<div class="thumb"><div class="thumbinner"><a href="/m/1.jpg"><img src="/m/1.jpg" alt="Chart"></a>'
     '<div class="thumbcaption"><div class="magnify"><a href="/m/1.jpg" title="Enlarge"></a></div>Chart · IPGirl</div>'
     "</div></div>", True),
    # negative: a picture beside two lines of text is a box of text, no figure
    ('<div><img src="/m/1.jpg" alt="Chart"><div><div>First line of text.</div><div>Second line.</div></div></div>', False),
])
def test_a_nested_caption_frames_its_picture(frame: str, is_frame: bool) -> None:
    from ipgirl_crawler.pages.dom import is_figure_frame, parse_fragment
    from ipgirl_crawler.pages.inline import wrap_inline_runs
    root = parse_fragment(frame)
    wrap_inline_runs(root)
    assert is_figure_frame(root[0]) is is_frame


@pytest.mark.parametrize(("lead", "after", "story_read"), [
    # a properties row labelled with a footer word ("Tags", Korean "분류") labels its value: the story goes on
    ('<table><tr><th>A title</th></tr><tr><th>Tags</th><td><a href="/en/tag/eu/">EU</a></td></tr>'
     "<tr><th>Published</th><td>July 24, 2025</td></tr></table>", "", True),
    # negative: a "Tags:" line after the story still closes it
    ("", '<p>Tags: <a href="/en/tag/eu/">EU</a></p><p>A closing line after the tags that is no story text.</p>', True),
])
def test_a_row_label_ends_no_body(lead: str, after: str, story_read: bool) -> None:
    from ipgirl_crawler.pages.dom import text_of
    page = _page(lead=lead, one_parent=True)
    html = page.response.text.replace("</div></main>", f"{after}</div></main>")
    page = page_for(HtmlResponse(page.response.url, body=html.encode(), encoding="utf-8"), BASE)
    texts = [text_of(b) for b in page.body.blocks]
    assert any(t.startswith("A second paragraph") for t in texts) is story_read
    assert not any("closing line" in t for t in texts)
