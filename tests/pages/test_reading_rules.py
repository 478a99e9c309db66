"""Generic reading rules (issue 21), table-driven with their negative cases: translations keyed by
language, and the densest text read as prose (links, form controls and indentation do not weigh)."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.boilerplate import prose_chars
from ipgirl_crawler.pages.dom import parse_fragment
from ipgirl_crawler.pages.eras import page_for
from pipelines.base import Counts
from pipelines.related import RelatedLinksPipeline, site_translations

BASE = "https://example.org"


def _page(head: str = "", body: str = "", lang: str = "en"):
    html = (f'<html lang="{lang}"><head>{head}</head><body><h1>A title</h1>{body}'
            "<p>One paragraph of the article that is long enough to be its body text.</p></body></html>")
    response = HtmlResponse(f"{BASE}/{lang}/ai/12-a-title", body=html.encode(), encoding="utf-8")
    return page_for(response, BASE)


def _alternates(*pairs: tuple[str, str]) -> str:
    return "".join(f'<link rel="alternate" hreflang="{code}" href="{href}">' for code, href in pairs)


@pytest.mark.parametrize(("pairs", "expected"), [
    ((("fr-FR", "/fr/ia/12-x"), ("ja-JP", "/ja/ai/12-x")), {"fr": f"{BASE}/fr/ia/12-x", "ja": f"{BASE}/ja/ai/12-x"}),
    ((("zh-Hans", "/zh/ai/12-x"), ("pt_BR", "/pt/ia/12-x")), {"zh": f"{BASE}/zh/ai/12-x", "pt": f"{BASE}/pt/ia/12-x"}),
    ((("de", "/de/ki/12-x"), ("de-AT", "/de-at/ki/12-x")), {"de": f"{BASE}/de/ki/12-x"}),  # the first of a language
    # negatives: x-default, the page's own language (with a region too), another site
    ((("x-default", "/en/ai/12-x"),), {}),
    ((("en-GB", "/en-gb/ai/12-x"), ("en", "/en/ai/12-x")), {}),
    ((("fr-FR", "https://other.example/fr/ia/12-x"),), {}),
])
def test_translations_are_keyed_by_language(pairs, expected) -> None:
    assert _page(head=_alternates(*pairs)).translations() == expected


@pytest.mark.parametrize(("translations", "kept"), [
    ({"fr": "u1", "ja": "u2"}, {"fr": "u1", "ja": "u2"}),
    ({"fr": "u1", "nl": "u2", "ru": "u3"}, {"fr": "u1"}),  # not one of the site's nine languages
    ({}, {}),
])
def test_translations_keep_the_site_languages(translations, kept) -> None:
    assert site_translations(translations) == kept


def test_translations_left_out_are_counted() -> None:
    counts = Counts()
    item = RelatedLinksPipeline(counts).process_article({"raw_related": [], "translations": {"fr": "u", "nl": "v"}})
    assert item["translations"] == {"fr": "u"}
    assert counts["ipgirl/related/dropped_translations"] == 1


@pytest.mark.parametrize(("html", "chars"), [
    ("<p>Plain prose here.</p>", len("Plainprosehere.")),
    ("<p>Read <a href='/x'>this link</a> now.</p>", len("Readnow.")),
    ("<p>\n\t\t   \n   Indented   text   </p>", len("Indentedtext")),
    ("<p>Month <select><option>January 2020 (5)</option><option>February</option></select></p>", len("Month")),
    ("<p><a href='/a'>only a link</a></p>", 0),
    ("<p>Code<script>var x = 1;</script><button>Share</button></p>", len("Code")),
    ("<p>Note<!-- not text --> and <b>bold</b> <a href='/x'>link</a></p>", len("Noteandbold")),  # comments: no text
    ("<p>Go <button><a href='/x'>here</a></button></p>", 0),  # a link in a button taken away twice: none left
])
def test_prose_chars(html: str, chars: int) -> None:
    assert prose_chars(parse_fragment(html)[0]) == chars


def test_a_sidebar_of_links_does_not_outweigh_a_short_post() -> None:
    sidebar = "<aside><h3>Recent comments</h3><ul>" + "".join(
        f"<li><a href='/c{i}'>A reader on a much longer post title number {i}</a></li>" for i in range(30)) + "</ul></aside>"
    page = _page(body=f"<div class='post'><p>{'A short post of the blog. ' * 4}</p></div>{sidebar}")
    assert page.densest.get("class") == "post"


TOC = ('<div class="box"><p>Table of Contents</p><span>[<a href="#">hide</a>]</span>'
       '<ul><li><a href="#one">One</a></li><li><a href="#two">Two</a></li></ul></div>')


@pytest.mark.parametrize(("html", "boxes"), [
    (f"<div>{TOC}<h2 id='one'>One</h2><p>Text of the article, long enough to be prose.</p></div>", ["box"]),
    # negatives: links to other pages; one fragment link; footnotes with their own text; a list in prose
    ("<div><ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul></div>", []),
    ("<div><ul><li><a href='#one'>One</a></li></ul></div>", []),
    ("<div><ol class='notes'><li>A long note on the source of this figure <a href='#r1'>↩</a></li>"
     "<li>Another note that explains a term used above <a href='#r2'>↩</a></li></ol></div>", []),
    ("<div><p>A paragraph that introduces the list below, and is long enough to be prose, as prose is.</p>"
     "<ul><li><a href='#a'>A</a></li><li><a href='#b'>B</a></li></ul></div>", ["ul"]),
])
def test_tables_of_contents(html: str, boxes: list[str]) -> None:
    from ipgirl_crawler.pages.boilerplate import contents_boxes

    found = contents_boxes(parse_fragment(html)[0])
    assert sorted(box.get("class") or box.tag for box in found) == boxes


@pytest.mark.parametrize(("lang", "line", "tags"), [
    ("en", '<span class="t">Filed under: chips, robots</span>', ["chips", "robots"]),
    ("en", '<span>Filed under: <a href="/en/tag/chips/">chips</a>, <a href="/en/tag/ai/">AI</a></span>', ["chips", "AI"]),
    ("fr", "<span>Classé dans : puces, robots</span>", ["puces", "robots"]),
    ("de", "<p><b>Abgelegt unter:</b> Chips, Roboter</p>", ["Chips", "Roboter"]),
    ("ja", "<span>カテゴリー・タグ：半導体、ロボット</span>", ["半導体", "ロボット"]),
    ("zh", "<span>标签：芯片、机器人</span>", ["芯片", "机器人"]),
    # negatives: the words inside a sentence are no label; a comma list with no label is no tag line
    ("en", "<p>The report was filed under: pressure from the board, it said.</p>", []),
    ("en", "<span>chips, robots</span>", []),
])
def test_tags_under_other_label_words(lang: str, line: str, tags: list[str]) -> None:
    assert _page(body=f"<footer>{line}</footer>", lang=lang).tags() == tags


@pytest.mark.parametrize(("tags", "kept"), [
    (["p", "h2", "p", "h2"], ["p", "h2", "p"]),  # a heading at the end heads nothing
    (["p", "h2", "h2", "p"], ["p", "h2", "p"]),  # a heading right before one of its level
    (["p", "h3", "h2", "p", "h3"], ["p", "h2", "p"]),
    # negatives: a heading over its text, a heading over a subsection
    (["h2", "p", "h3", "p"], ["h2", "p", "h3", "p"]),
    (["p", "h2", "h3", "p"], ["p", "h2", "h3", "p"]),
    (["p"], ["p"]),
])
def test_orphan_headings(tags: list[str], kept: list[str]) -> None:
    from lxml import etree

    from ipgirl_crawler.pages.boilerplate import without_orphan_headings

    assert [b.tag for b in without_orphan_headings([etree.Element(t) for t in tags])] == kept


LONG = "A paragraph of the article with enough words in it to weigh as its main text here. " * 2


@pytest.mark.parametrize(("body", "kept", "left_out"), [
    # a share bar between the intro and the main text ends nothing
    (f"<div class='a'><p class='intro'>The intro of the story.</p><p>Share: <a href='https://x.example/s'>X</a></p>"
     f"<div class='text'><p>{LONG}</p><p>{LONG}</p></div></div>", ["The intro of the story.", LONG.strip()], []),
    # negative: after the main text, the share bar ends the body
    (f"<div class='a'><div class='text'><p>{LONG}</p><p>{LONG}</p></div><p>Share: <a href='https://x.example/s'>X</a></p>"
     "<p>A line after the share bar.</p></div>", [LONG.strip()], ["A line after the share bar."]),
])
def test_a_share_bar_before_the_main_text_ends_nothing(body: str, kept: list[str], left_out: list[str]) -> None:
    html = _page(body=body).raw_body_html()
    assert all(text in html for text in kept) and not any(text in html for text in left_out)


@pytest.mark.parametrize(("lang", "heading", "ends"), [
    # a heading over what the site adds after the story, as sites word it in the page's language or English
    ("de", "<h3>Weitere Informationen</h3>", True),
    ("de", "<h3><em>Ähnliche Beiträge</em></h3>", True),
    ("de", "<div class='t'>Ähnliche Themen</div>", True),
    ("fr", "<h2>Related articles</h2>", True),
    ("es", "<h4>Noticias relacionadas</h4>", True),
    # negatives: the words inside a sentence or a longer heading, another language's words, a label's prefix
    ("de", "<h3>Weitere Informationen zur Heizung</h3>", False),
    ("de", "<p>Weitere Informationen gibt es beim Amt.</p>", False),
    ("en", "<h3>Weitere Informationen</h3>", False),
    ("es", "<p>Más información: el amt.</p>", False),
])
def test_a_heading_over_the_sites_additions_ends_the_body(lang: str, heading: str, ends: bool) -> None:
    after = "A paragraph after the heading, with words enough to be a line of text."
    html = _page(body=f"<div class='text'><p>{LONG}</p><p>{LONG}</p>{heading}<p>{after}</p></div>", lang=lang).raw_body_html()
    assert LONG.strip() in html and (after not in html) is ends


CARDS = ("<section><h2>Discover more</h2><article><a href='/en/ai/13-b'>Other story</a>"
         "<a href='/en/tag/ai/' rel='tag'>AI</a></article></section>")


@pytest.mark.parametrize(("body", "tags"), [
    ("<p>Topics <a href='/en/topic/chips/' rel='tag'>chips</a></p>" + CARDS, ["chips"]),
    (CARDS, []),  # a card's category marked rel=tag is no tag of the article
])
def test_rel_tag_links_among_cards_are_no_tags(body: str, tags: list[str]) -> None:
    assert _page(body=body).tags() == tags


def test_table_cells_standing_as_blocks_keep_their_text() -> None:
    from ipgirl_crawler.pages.dom import block_html

    row = parse_fragment("<table><tr><td>Cell text <a href='/x'>link</a> more</td></tr></table>")[0].find(".//td")
    assert block_html(row) == '<div>Cell text <a href="/x">link</a> more</div>' and row.tag == "td"
    paragraph = parse_fragment("<p>Plain</p>")[0]
    assert block_html(paragraph) == "<p>Plain</p>"  # negative: any other block as it is


DATE = '<p>By Ann Example · <time datetime="2023-07-04T06:15:00Z">July 4, 2023</time></p>'


@pytest.mark.parametrize(("og_type", "body", "article"), [
    ("article", "", True),
    ("website", DATE, True),  # many CMSs' default for every page: a byline and a date show an article
    ("website", "", False),  # nothing shows an article: the page's own word stands
    ("profile", DATE, False),  # an author's page with their latest date is no article
])
def test_og_type_vetoes_an_article_only_where_nothing_shows_one(og_type: str, body: str, article: bool) -> None:
    assert _page(head=f'<meta property="og:type" content="{og_type}">', body=body).is_article() is article


def _slide(path: str, title: str, clone: bool) -> str:
    hidden = ' aria-hidden="true"' if clone else ""
    return f'<div class="slide"{hidden}><a href="{path}"><h3>{title}</h3></a><p>{title} in short.</p></div>'


def test_a_carousels_hidden_loop_clones_are_no_cards() -> None:
    real = [("/en/ai/21-a", "Story A"), ("/en/ai/22-b", "Story B"), ("/en/ai/23-c", "Story C")]
    track = ([_slide(*real[2], clone=True)] + [_slide(*card, clone=False) for card in real]
             + [_slide(*card, clone=True) for card in real[:2]])
    page = _page(body=f"<section><h2>Discover more</h2><div class='track'>{''.join(track)}</div></section>")
    assert [card["title"] for card in page.raw_related()] == ["Story A", "Story B", "Story C"]
    shown = _page(body="<section><h2>Discover more</h2><div class='track'>"
                       + "".join(_slide(*card, clone=False) for card in real) + "</div></section>")
    assert len(shown.raw_related()) == 3  # negative: visible slides are all cards


@pytest.mark.parametrize(("stamps", "published"), [
    # a box of two date lines after the byline: each line read apart, the second's label not glued on
    ("<div><div>Published 4 July 2023</div><div>Updated 9 July 2023</div></div>", "4 July 2023"),
    ("<div>Published 4 July 2023</div>", "4 July 2023"),  # negative: one line as before
])
def test_a_box_of_date_lines_is_read_line_by_line(stamps: str, published: str) -> None:
    page = _page(body=f"<p>By Ann Example</p>{stamps}<p>A first paragraph of the article, long enough to be body text.</p>")
    raw = page.published_at_raw() or ""
    assert raw.endswith(published) and "Updated" not in raw, raw


_INDENT = "\n" + " " * 24  # a template's indentation between a card's parts: no reader sees it


@pytest.mark.parametrize(("block", "is_list"), [
    # cards of other stories, each a linked title and its date, in a deeply indented template
    (f"<ul>{_INDENT}<li>{_INDENT}<a href='/n/1'><img src='/1.jpg'></a>{_INDENT}<a href='/n/1'><h4>Mazda builds its cars more flexibly"
     f"</h4></a>{_INDENT}<div>4 November 2021</div>{_INDENT}</li>{_INDENT}<li>{_INDENT}<a href='/n/2'><h4>Kia Sportage rolls off the line"
     f"</h4></a>{_INDENT}<div>3 November 2021</div>{_INDENT}</li>{_INDENT}</ul>", True),
    (f"<p>{_INDENT}<a href='/a'>A story</a>{_INDENT}|{_INDENT}<a href='/b'>Another one</a>{_INDENT}</p>", True),
    # negatives: prose with a linked phrase, however indented; a paragraph with one sentence linked
    (f"<p>{_INDENT}The council voted on Tuesday, as <a href='/r'>the report</a> had asked, to rebuild it.{_INDENT}</p>",
     False),
    ("<p><a href='/r'>The council voted on Tuesday to rebuild the bridge.</a> It will cost two million.</p>", False),
])
def test_link_lists_weigh_what_a_reader_sees(block: str, is_list: bool) -> None:
    from ipgirl_crawler.pages.boilerplate import is_link_list

    assert is_link_list(parse_fragment(block)[0]) is is_list
