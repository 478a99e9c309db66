"""Generic reading rules found on eras U and V (issue 21), table-driven with their negative cases:
a button beside the byline, ..."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.dom import parse_fragment
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.regions import is_control_row

BASE = "https://example.org"
LONG = "A paragraph of the article with enough words in it to weigh as its main text here. " * 2


def _page(body: str, head: str = "", lang: str = "en"):
    html = f'<html lang="{lang}"><head>{head}</head><body><main><h1>A title</h1>{body}</main></body></html>'
    return page_for(HtmlResponse(f"{BASE}/{lang}/ai/12-a-title", body=html.encode(), encoding="utf-8"), BASE)


@pytest.mark.parametrize(("html", "control"), [
    ('<div><button type="button">+ Follow</button></div>', True),
    ('<div><label>Email <input type="email"></label><button>Subscribe</button></div>', True),
    ('<p>Press <button>Start</button> to begin the test.</p>', False),  # a sentence naming a button
    ('<p>Plain text.</p>', False),
    ('<div><button></button></div>', False),  # nothing shown
])
def test_control_rows(html: str, control: bool) -> None:
    assert is_control_row(parse_fragment(html)[0]) is control


SHARE = "<div><p>Share:</p><a href='https://x.example/s'>X</a></div>"
BYLINE = ("<div><p>By <a href='/en/author/ann/'>Ann Example</a></p><div><button type='button'>+ Follow</button></div></div>"
          "<p>Published on <time datetime='2023-07-04T06:15:00Z'>July 4, 2023</time></p><p>3 min read</p>")


@pytest.mark.parametrize(("body", "blocks"), [
    # a Follow button after the byline, then dates, a reading time, a share bar, the story in sections
    (BYLINE + SHARE + f"<section><p>{LONG}</p></section><section><p>{LONG}</p><p>{LONG}</p></section>", 3),
    # negative: a paragraph that names a button stays the body's first
    ("<p>By <a href='/en/author/ann/'>Ann Example</a></p><p>Press <button>Start</button> to begin the test now.</p>"
     + f"<section><p>{LONG}</p><p>{LONG}</p></section>", 3),
])
def test_a_button_beside_the_byline_ends_no_lead(body: str, blocks: int) -> None:
    page = _page(body)
    assert page.is_article() and len(page.body.blocks) == blocks, [b.text_content()[:30] for b in page.body.blocks]


CARD = "<article class='card'>{link}<span>AI</span><h3>{title}</h3><p>The story in short, one sentence.</p></article>"


@pytest.mark.parametrize(("cards", "titles"), [
    # an empty link stretched over the card, named by aria-label: the card's heading is its title
    ([CARD.format(link="<a href='/en/ai/21-a' aria-label='Story A'></a>", title="Story A")], ["Story A"]),
    # negative: an empty thumbnail link beside the title link is no second card
    ([CARD.format(link="<a href='/en/ai/21-a' aria-label='Story A'><img src='/a.jpg'></a>",
                  title="<a href='/en/ai/21-a'>Story A</a>")], ["Story A"]),
    # negative: an empty link with no name is no card
    ([CARD.format(link="<a href='/en/ai/21-a'></a>", title="Story A")], []),
])
def test_cards_named_by_aria_label(cards: list[str], titles: list[str]) -> None:
    page = _page(f"<p>{LONG}</p><section><h2>Discover more</h2><div>{''.join(cards)}</div></section>")
    related = page.raw_related()
    assert [card["title"] for card in related] == titles
    assert all(card["snippet"] == "The story in short, one sentence." and card["category"] == "AI" for card in related)


TAG_LINKS = "<ul><li><a href='/en/tag/chips/'>chips</a></li><li><a href='/en/tag/robots/'>robots</a></li></ul>"


@pytest.mark.parametrize(("block", "tags"), [
    # a visually hidden "Tags:" inside a heading that shows another word: the heading labels the list
    (f"<section><h2><span class='sr-only'>Tags:</span>Topics</h2>{TAG_LINKS}</section>", ["chips", "robots"]),
    (f"<section><h2>Tags:</h2>{TAG_LINKS}</section>", ["chips", "robots"]),
    ("<p><span>Tags:</span> chips, robots</p>", ["chips", "robots"]),  # an inline label's comma list stays
    # negative: a heading's other words are never tags
    ("<section><h2><span class='sr-only'>Tags:</span>Topics</h2><p>No tags yet.</p></section>", []),
])
def test_a_label_inside_a_heading_labels_what_follows(block: str, tags: list[str]) -> None:
    assert _page(f"<p>{LONG}</p>{block}").tags() == tags


REC = "<ul><li><a href='/en/ai/31-x'>Another story</a></li><li><a href='/en/ai/32-y'>A third story</a></li></ul>"


@pytest.mark.parametrize(("box", "gone"), [
    (f"<div><p>Recommended</p>{REC}</div>", ["Recommended", "Another story"]),
    # negatives: a line before prose stays; a line in a box with more text stays
    ("<div><p>Recommended</p><p>We recommend reading the whole report before judging it.</p></div>", []),
    (f"<div><p>Recommended</p>{REC}<p>More words of the article that belong to its text.</p></div>", ["Another story"]),
    (f"<div><p>The two stories below explain it.</p>{REC}</div>", ["Another story"]),  # a sentence stays
    (f"<div><figure><img src='/f.jpg'><figcaption>Recommended</figcaption></figure>{REC}</div>", ["Another story"]),
    # the title in a wrapper of its own beside the list, or beside one story's link (phys.org's "Explore
    # further", ingenieur.de's "Themen im Artikel" over its tag chips)
    (f"<div><div><p>Recommended</p></div>{REC}</div>", ["Recommended", "Another story"]),
    ("<div><div class='row'><p>Recommended</p></div><a href='/en/ai/31-x'>Another story</a></div>",
     ["Recommended", "Another story"]),
    # negatives: so wrapped, a line before prose, or in a box that holds more text, stays
    (f"<div><div><p>Recommended</p></div>{REC}<p>More words of the article that belong to its text.</p></div>",
     ["Another story"]),
    (f"<div><div><p>The two stories below explain it.</p></div>{REC}</div>", ["Another story"]),
])
def test_a_link_lists_title_line_goes_with_it(box: str, gone: list[str]) -> None:
    html = _page(f"<section><p>{LONG}</p><p>{LONG}</p></section>{box}<section><p>{LONG}</p></section>").raw_body_html()
    assert all(text not in html for text in gone)
    shown = [t for t in ("Recommended", "We recommend", "More words", "The two stories") if t in box]
    assert all(t in html for t in shown if t not in gone), html


FIG = "<figure><img src='/f.jpg' alt='A wafer'><figcaption>A wafer</figcaption></figure>"


@pytest.mark.parametrize(("section", "blocks"), [
    # a figure beside a line in one wrapper: two blocks, the figure's caption its own
    (f"<section>{FIG}<p><a href='/en/ai/40-z'>Read also: Another story</a></p></section>", ["figure", "p"]),
    (f"<section><p>A short line of text.</p>{FIG}</section>", ["p", "figure"]),
    # negatives: one image and its caption in a bare frame stay one block (a figure), a bare figure too
    ("<div><img src='/f.jpg' alt='A wafer'><p>A wafer</p></div>", ["div"]),
    ("<div><figure><img src='/f.jpg' alt='A wafer'></figure><figcaption>A wafer</figcaption></div>", ["div"]),
])
def test_a_wrapper_holding_a_figure_is_no_figure_frame(section: str, blocks: list[str]) -> None:
    from ipgirl_crawler.pages.dom import flatten_blocks

    root = parse_fragment(f"<main>{section}</main>")[0]
    assert [b.tag for b in flatten_blocks(root)] == blocks


def _avatar(slug: str, name: str, role: str) -> str:
    return (f"<div class='col'><div class='avatar'><a href='/en/author/{slug}/'><img src='/img/{slug}.png' alt='{name}'>"
            f"</a><div><div><a href='/en/author/{slug}/'><span>{name}</span></a></div><small>{role}</small></div></div></div>")


AVATARS = f"<div class='row'>{_avatar('ann', 'Ann Example', 'Maintainer')}{_avatar('bo', 'Bo Sample', 'Core team')}</div>"
STORY = f"<p>{LONG}</p><p>{LONG}</p>"


@pytest.mark.parametrize(("lead", "authors", "published"), [
    # a date line (a <time>, or a visible day only), then avatar blocks with no "By": every author, the date
    ("<div><time datetime='2023-07-04T06:15:00Z'>July 4, 2023</time> · 3 min read</div>" + AVATARS,
     ["Ann Example", "Bo Sample"], "2023-07-04"),
    ("<div><span>July 4, 2023</span> · 3 min read</div>" + AVATARS, ["Ann Example", "Bo Sample"], "July 4, 2023"),
    ("<div><span>3 days ago</span> · 3 min read</div>" + AVATARS, ["Ann Example", "Bo Sample"], "3 days ago"),
    # negative: a labelled byline as before
    ("<p>By <a href='/en/author/ann/'>Ann Example</a> · <span>July 4, 2023</span></p>", ["Ann Example"], "July 4, 2023"),
])
def test_avatar_rows_apart_from_the_date_line(lead: str, authors: list[str], published: str) -> None:
    page = _page(f"<div class='doc'>{lead}{STORY}</div>")
    body = page.raw_body_html()
    assert page.authors() == authors and published in (page.published_at_raw() or ""), page.published_at_raw()
    assert "Maintainer" not in body and "/img/" not in body and "July 4" not in body and "min read" not in body
    assert body.count(LONG.strip()) == 2


def test_a_date_line_with_no_byline_after_it_stays_body() -> None:
    page = _page(f"<div class='doc'><p>July 4, 2023</p>{STORY}</div>")
    assert "July 4, 2023" in page.raw_body_html()  # negative: no byline, no date set aside


PUB, MOD = "2023-07-04T06:15:00Z", "2023-07-09T10:00:00Z"
LEAD = f"<p>By <a href='/en/author/ann/'>Ann Example</a></p><div><time datetime='{PUB}'>July 4, 2023</time>{{updated}} · 3 min read</div>"


@pytest.mark.parametrize(("lead", "after", "modified"), [
    # the update's label just before its stamp, in one line with the publication's
    (LEAD.format(updated=f" · Updated <time datetime='{MOD}'>July 9, 2023</time>"), "", MOD),
    (f"<div>By <a href='/en/author/ann/'>Ann Example</a> · <time datetime='{PUB}'>July 4, 2023</time> · Updated "
     f"<time datetime='{MOD}'>July 9, 2023</time> · 3 min read</div>", "", MOD),
    # a line of its own after the body: "Last updated on <day> by <name>", a <time> or the day as text
    (LEAD.format(updated=""), f"<footer><span>Last updated on <b><time datetime='{MOD}'>July 9, 2023</time></b> by "
                              "<b>Ann Example</b></span></footer>", MOD),
    (LEAD.format(updated=""), "<footer><span>Last updated on <b><span>July 9, 2023</span></b> by <b>Ann</b></span></footer>",
     "July 9, 2023"),
    (LEAD.format(updated=""), "<footer><span>Zuletzt aktualisiert am <b><span>9. Juli 2023</span></b></span></footer>",
     "9. Juli 2023"),
    # negatives: no update shown; a sentence of the body that mentions one; another article's line
    (LEAD.format(updated=""), "", None),
    (LEAD.format(updated=""), "<p>The rules were last updated on 9 July 2023, a spokesperson said.</p>", None),
    (LEAD.format(updated=""), "<ul><li><a href='/en/ai/9-x'>Other story</a> <span>Last updated on "
                              "<b>July 9, 2023</b></span></li></ul>", None),
])
def test_an_update_beside_its_label(lead: str, after: str, modified: str | None) -> None:
    lang = "de" if "Zuletzt" in after else "en"
    page = _page(f"<article><div class='doc'>{lead}{STORY}</div>{after}</article>", lang=lang)
    assert page.published_at_raw() == PUB and page.modified_at_raw() == modified


def test_a_heading_before_its_permalink_is_no_list_title() -> None:
    body = "".join(f"<div><h2 id='s{i}'>Section {i}</h2><p><a href='#s{i}' aria-label='#'>#</a></p></div><p>{LONG}</p>"
                   for i in range(3))
    html = _page(f"<section>{body}</section>").raw_body_html()
    assert all(f"Section {i}" in html for i in range(3)), html


SUMMARY = "The short standfirst of the story that the page's description repeats word for word."


@pytest.mark.parametrize(("body", "is_body"), [
    # the story's container opens after the title and its first paragraph, written as the next one,
    # is what the description copied (a CMS's excerpt): the story's first paragraph
    (f"<div class='doc'><p>{SUMMARY}</p>{STORY}</div>", True),
    # negatives: beside the title; set apart by a class, by emphasis, by a wrapper of its own
    (f"<p>{SUMMARY}</p>{STORY}", False),
    (f"<div class='doc'><p class='lede'>{SUMMARY}</p>{STORY}</div>", False),
    (f"<div class='doc'><p><strong>{SUMMARY}</strong></p>{STORY}</div>", False),
    (f"<div class='doc'><div class='excerpt'><p>{SUMMARY}</p></div>{STORY}</div>", False),
])
def test_a_description_copied_from_the_first_paragraph_leaves_it_in_the_body(body: str, is_body: bool) -> None:
    html = _page(body, head=f'<meta name="description" content="{SUMMARY}">').raw_body_html()
    assert (SUMMARY in html) is is_body, html
    assert not is_body or html.index(SUMMARY) < html.index(LONG.strip())  # in its place, first


@pytest.mark.parametrize(("lead", "kept"), [
    # a date line with no byline after it leaves the lead undecided: the standfirst after it is body
    (f"<p>20.04.2018 16:22</p><p>{SUMMARY}</p>", ["20.04.2018 16:22", SUMMARY]),
    # negative: the standfirst right below the title, set apart by its class, is the summary, in its place
    (f"<p class='lede'>{SUMMARY}</p>", []),
])
def test_a_standfirst_after_an_undecided_date_line_is_body(lead: str, kept: list[str]) -> None:
    page = _page(f"<div class='doc'>{lead}{STORY}</div>", head=f'<meta name="description" content="{SUMMARY}">')
    html = page.raw_body_html()
    assert all(text in html for text in kept) and (kept or SUMMARY not in html), html
    if kept:
        assert html.index(kept[0]) < html.index(kept[1]) < html.index(LONG.strip())  # in their place


@pytest.mark.parametrize(("empties", "whole"), [
    (3, True),  # an ad's empty slots beside a one-block intro make no longer intro: the share bar ends nothing
    (0, True),
])
def test_empty_blocks_are_no_intro(empties: int, whole: bool) -> None:
    intro = "<p>The intro of the story.</p>" + "<div class='slot'></div>" * empties
    body = (f"<div class='a'>{intro}<p>Share: <a href='https://x.example/s'>X</a></p>"
            f"<div class='text'><p>{LONG}</p><p>{LONG}</p></div></div>")
    html = _page(body).raw_body_html()
    assert ("The intro of the story." in html) and (LONG.strip() in html) is whole, html
