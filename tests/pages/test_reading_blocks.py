"""A block editor's page (issue 21, era Y): text written in divs, not paragraphs, is read as
paragraphs where the page writes more of its text so; elsewhere, and hidden, such divs weigh nothing.
Table-driven, with negative cases."""
from __future__ import annotations

import pytest
from lxml import etree
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.text_divs import text_div_block
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.eras import page_for

BASE = "https://example.org"
LONG = "A sentence of the story that is long enough to weigh as a reader's paragraph of text. " * 2


def _block(text: str) -> str:
    return f'<div class="block"><div style="display:flex"><div class="leaf">{text}</div></div></div>'


@pytest.mark.parametrize(("html", "holder"), [
    # a text run wrapped in single-child divs weighs in the parent of the widest wrapper
    (f'<div id="content">{_block("One")}{_block("Two")}</div>', "content"),
    (f'<div id="content"><div class="leaf">Text with <a href="/x">a link</a> and <b>bold</b></div>{_block("Two")}</div>',
     "content"),
    # negatives: a div holding a block (a paragraph) is no text run; nor a div with no text of its own;
    # nor one inside a display:none or hidden copy
    ('<div id="content"><div class="leaf">Intro<p>Para</p></div></div>', None),
    ('<div id="content"><div class="leaf"> <span>Only inline child</span></div></div>', None),
    (f'<div id="content" style="display: none">{_block("Hidden")}</div>', None),
    (f'<div id="content" hidden>{_block("Hidden")}</div>', None),
])
def test_a_text_divs_block_weighs_in_its_parent(html: str, holder: str | None) -> None:
    root = etree.fromstring(f"<html><body>{html}</body></html>", etree.HTMLParser())
    leaf = root.xpath("//div[@class='leaf']")[0]
    block = text_div_block(leaf)  # where it weighs, as a <p> in its parent: the parent of its block
    found = block.getparent() if block is not None else None
    assert (found.get("id") if found is not None else None) == holder


def _page(body: str):
    html = f'<html lang="en"><head><meta property="og:type" content="article"></head><body><h1>A title</h1>{body}</body></html>'
    return page_for(HtmlResponse(f"{BASE}/en/ai/12-a-title", body=html.encode(), encoding="utf-8"), BASE)


def test_a_page_written_in_text_divs_reads_them_as_its_body() -> None:
    body = ('<div class="menu"><ul><li>Home</li><li>AI</li></ul></div><div id="content">'
            + "".join(_block(f"Block {n}. {LONG}") for n in range(4))
            + '<div role="heading" aria-level="2">A section</div>' + _block(f"Last. {LONG}") + "</div>")
    page = _page(body)
    assert page.densest.get("id") == "content"
    html = page.raw_body_html()
    assert "Block 0." in html and "Last." in html and "<h2" in html


def test_teaser_divs_do_not_outweigh_a_story_in_paragraphs() -> None:
    """Negative: a page that writes its story in <p> keeps it, whatever text its teaser divs hold."""
    story = "".join(f"<p>Story {n}. {LONG}</p>" for n in range(3))
    teasers = "".join(f'<div class="teaser">Teaser {n}. {LONG}</div>' for n in range(2))
    hidden = f'<div style="display:none"><div>{LONG * 6}</div></div>'
    page = _page(f'<div id="story">{story}</div><aside><div id="river">{teasers}</div></aside>{hidden}')
    assert page.densest.get("id") == "story"


def _aria_row(label: str, value: str) -> str:
    return f'<div role="row"><div role="rowheader"><svg></svg><div>{label}</div></div><div role="cell">{value}</div></div>'


def _chip(name: str) -> str:
    return f'<div class="person"><div class="initial">{name[0]}</div><div class="name">{name}</div></div>'


@pytest.mark.parametrize(("lang", "rows", "authors", "published", "modified"), [
    # ARIA rows with name chips (an initial-letter avatar before each name), in the page's language
    ("fr", _aria_row("Auteur", _chip("Camille Durand") + _chip("Julien Moreau")) + _aria_row("Publié le", "<span>4 juillet 2023</span>")
     + _aria_row("Dernière modification", "<span>9 juillet 2023</span>"),
     ["Camille Durand", "Julien Moreau"], "4 juillet 2023", "9 juillet 2023"),
    # a <table> of th/td rows, English labels on a German page, a plain "A and B" value
    ("de", '<table><tr><th scope="row">Author</th><td>Anna Schröder and Jonas Weber</td></tr>'
     '<tr><th>Published</th><td><time datetime="2024-05-01T08:00:00Z">May 1</time></td></tr></table>',
     ["Anna Schröder", "Jonas Weber"], "2024-05-01T08:00:00Z", None),
    # negatives: a data table whose rows are no properties; a row of three cells; a label the page never uses
    ("en", "<table><tr><th>Model</th><td>GPT</td></tr><tr><td>Author</td><td>x</td><td>y</td></tr></table>", [], None, None),
    ("en", _aria_row("Owner", _chip("Ann Lee")), [], None, None),
])
def test_a_properties_table_names_authors_and_dates(lang, rows, authors, published, modified) -> None:
    html = (f'<html lang="{lang}"><head><meta property="og:type" content="article"></head><body><h1>A title</h1>'
            f'<div>{rows}</div><div id="content">{"".join(f"<p>{LONG}</p>" for _ in range(3))}</div></body></html>')
    page = page_for(HtmlResponse(f"{BASE}/{lang}/ai/12-a-title", body=html.encode(), encoding="utf-8"), BASE)
    assert page.authors() == authors
    assert page.published_at_raw() == published
    assert page.modified_at_raw() == modified


def _notion(blocks: str) -> str:
    return ('<div class="props"><div role="row"><div role="rowheader">Author</div><div role="cell">Ann Lee</div></div></div>'
            '<div role="button">3 backlinks</div>' + blocks)


def _toggle(label: str, open_: bool) -> str:
    return (f'<div class="block"><div style="display:flex"><div role="button" aria-expanded="{str(open_).lower()}">'
            f'<svg></svg></div><div style="width:100%"><div class="leaf">{label}</div></div></div></div>')


@pytest.mark.parametrize(("blocks", "firsts"), [
    # a block editor's text blocks are paragraphs each, a closed toggle ("▸ Contents") and the page's
    # controls and properties no text; an emoji icon is no line of its own
    (_notion(_toggle("Contents", False) + _block(f"One. {LONG}") + _block(f"Two. {LONG}")
             + f'<div class="callout"><div role="img" aria-label="💡">💡</div><div>{_block(f"Note. {LONG}")}</div></div>'),
     ["One.", "Two.", "Note."]),
    # negative: an open toggle's label is the story's (a toggle heading's section shows)
    (_notion(_block(f"One. {LONG}") + _toggle("An open toggle", True) + _block(f"Two. {LONG}")),
     ["One.", "An", "Two."]),
])
def test_a_block_editors_text_blocks_are_paragraphs(blocks: str, firsts: list[str]) -> None:
    page = _page(f'<div id="content">{blocks}</div>')
    assert [text_of(block).split(" ")[0] for block in page.body.blocks if text_of(block)] == firsts
    assert not any(word in page.raw_body_html() for word in ("backlinks", "Ann Lee", "Contents"))


def test_text_divs_stay_divs_where_the_page_writes_paragraphs() -> None:
    """Negative: teaser divs on a page of <p> stay divs (only a block editor's page is rewritten)."""
    page = _page(f'<div id="story">{"".join(f"<p>Story {n}. {LONG}</p>" for n in range(3))}</div>'
                 f'<div id="river"><div>Teaser one. {LONG}</div><div>Teaser two.</div></div>')
    assert page.root.xpath("//div[@id='river']/div") and not page.root.xpath("//div[@id='river']/p")


def test_a_wrapped_text_block_survives_the_bodys_reparsing() -> None:
    """A quote block wraps its text div in two styled divs: the <p> it becomes holds the text itself
    (a <p> holding a <div> is closed by the parser when the body is read again: 3 of 120 era Y
    quotes lost). Negative: an unwrapped text block is the same <p> either way."""
    quote = ('<div class="quote"><div style="border-left:3px solid"><div style="display:flex">'
             '<div class="leaf">“A quoted line”</div></div></div></div>')
    page = _page(f'<div id="content">{_block(f"One. {LONG}")}{quote}{_block(f"Two. {LONG}")}</div>')
    reread = etree.HTML(page.raw_body_html())
    assert [" ".join(p.itertext()).split(" ")[0] for p in reread.iter("p")] == ["One.", "“A", "Two."]
    assert not reread.xpath("//p//div")
