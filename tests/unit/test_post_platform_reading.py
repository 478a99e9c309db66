"""A blogging platform's post page read as a reader sees it (held-out era AB, a Medium-like post), one
generic rule a case, each with the page where it must not fire: hashed atomic class names, a bare
count beside its button, ``h1`` section headings, the writers' "By A and B" line under the account's
row, topic pills after the cards, a figure a reader clicks to zoom, link-preview cards under
category labels."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.pages.class_names import name_words
from ipgirl_crawler.pages.eras import page_for
from pipelines.body import clean_body
from tests.support.helpers import response_for

BASE = "https://www.ipgirl.com"
URL = f"{BASE}/en/ai/50123-a-title"
STORY = ("<p>The first paragraph of the story, long enough to count as the article's text.</p>"
         "<p>The second paragraph of the story, long enough to count as well for the reader.</p>")
# The account's row: its avatar's link first, then its name, a Follow button and the dates.
ACCOUNT = ('<div><div><a href="/@ann-lee"><div><img alt="Ann Lee" src="/a.jpg" width="44" height="44"></div></a></div>'
           '<div><div><a href="/@ann-lee">Ann Lee</a></div><p><button>Follow</button></p>'
           '<div><span>2 min read</span> · <span>Oct 29, 2026</span></div></div></div>')
COUNTERS = ('<div><div><button aria-label="clap"><svg></svg></button><p><button>54</button></p></div>'
            '<div><button aria-label="responses"><svg></svg></button><p><span>14</span></p></div></div>')


def _page(lead: str = "", story: str = STORY, after: str = "") -> str:
    return (f'<html lang="en"><head><title>A title</title></head><body><main><article><section>'
            f'<h1>A title</h1>{lead}</section><section><div>{story}</div></section></article>{after}'
            f'</main></body></html>')


def _item(html: str) -> dict[str, Any]:
    return dict(page_for(response_for(html, URL), BASE).to_item())


def _blocks(html: str) -> list[str]:
    """The body's blocks as the body pipeline writes them."""
    return [block for block in clean_body(_item(html)["raw_body_html"], "en", BASE).text.split("\n\n") if block]


@pytest.mark.parametrize(("names", "words"), [
    ("pw-post-body-paragraph mq er xu ad bz", ["pw", "post", "body", "paragraph"]),  # atomic: "ad" is a hash
    ("bj vd ad", []),
    ("ad", ["ad"]),  # negative: a lone "ad" names an ad
    ("ad ad-slot", ["ad", "ad", "slot"]),  # negative: beside a real name
    ("ad top", ["ad", "top"]),  # negative: one short token among few
])
def test_hashed_atomic_class_tokens_name_nothing(names: str, words: list[str]) -> None:
    assert name_words(names) == words


@pytest.mark.parametrize(("raw", "text"), [
    ("<p class='pw-p mq er xu ad bz'>A paragraph styled by atomic classes.</p>", "A paragraph styled by atomic classes."),
    ("<p>Keep.</p><div class='ad'>Buy now</div>", "Keep."),  # negative: a real ad still goes
])
def test_a_paragraph_whose_hashed_classes_spell_ad_stays(raw: str, text: str) -> None:
    assert clean_body(raw, "en", BASE).text == text


@pytest.mark.parametrize(("lead", "story", "first"), [
    (COUNTERS, STORY, "The first paragraph of the story, long enough to count as the article's text."),
    # negative: a count inside the story, after its first sentence, is the story's
    ("", STORY + "<p>42</p>", "The first paragraph of the story, long enough to count as the article's text."),
])
def test_a_bare_count_beside_its_button_opens_no_body(lead: str, story: str, first: str) -> None:
    blocks = _blocks(_page(lead, story))
    assert blocks[0] == first
    assert ("42" in blocks) == ("42" in story)


@pytest.mark.parametrize(("story", "kept", "dropped"), [
    (STORY + "<h1>Why it matters</h1><p>A section's own paragraph, with a sentence in it.</p>", "Why it matters", None),
    # negative: an h1 before the story's first sentence is the title again (under a breadcrumb trail)
    ("<p>Home › News</p><h1>A title</h1>" + STORY, None, "A title"),
])
def test_an_h1_after_the_story_s_first_sentence_heads_a_section(story: str, kept: str | None, dropped: str | None) -> None:
    blocks = _blocks(_page("", story))
    assert kept is None or kept in blocks
    assert dropped is None or dropped not in blocks


@pytest.mark.parametrize(("lead", "authors", "published"), [
    # the account's row links one writer; the story's own line names both
    (ACCOUNT + "<p><em>By Ann Lee and Bo Chen</em></p>", ["Ann Lee", "Bo Chen"], "2026-10-29T00:00:00Z"),
    # negative: a byline holding the link reads by it (the role beside the name is no writer)
    ('<p>By <a href="/@ann-lee">Ann Lee</a>, editor</p>', ["Ann Lee"], None),
    # negative: the account's row alone
    (ACCOUNT, ["Ann Lee"], "2026-10-29T00:00:00Z"),
])
def test_the_writers_line_names_the_co_writers_the_account_row_leaves_out(lead: str, authors: list[str],
                                                                          published: str | None) -> None:
    item = _item(_page(lead))
    assert item["authors"] == authors
    assert published is None or item["published_at_raw"] in ("Oct 29, 2026", published)
    assert not any(block.startswith("By ") for block in _blocks(_page(lead)))


CARD = ('<div><a href="/en/ai/5{n}-other"><div><div><h2>Other {n}</h2><div><h3>Its summary {n}.</h3></div>'
        '<div><p>ipgirl.com</p></div></div><div><div></div></div></div></a></div>')
PREVIEWS = ("<h2>Discover more</h2>" + "".join(f"<p><strong>AI</strong></p>{CARD.format(n=n)}" for n in (1, 2, 3)))


def test_link_preview_cards_under_category_labels() -> None:
    cards = _item(_page("", STORY + PREVIEWS))["raw_related"]
    assert [(c["title"], c["category"], c["snippet"]) for c in cards] == [
        (f"Other {n}", "AI", f"Its summary {n}.") for n in (1, 2, 3)]


def test_a_line_that_names_no_category_still_ends_the_cards() -> None:
    # negative: a plain line after the first card is no label of a next one
    story = STORY + "<h2>Discover more</h2>" + CARD.format(n=1) + "<p>Thanks for reading</p>" + CARD.format(n=2)
    assert [c["title"] for c in _item(_page("", story))["raw_related"]] == ["Other 1"]


PILLS = ('<div><div><a href="/en/tag/eu?source=post_page"><div>EU</div></a></div>'
         '<div><a href="/en/tag/chips?source=post_page"><div>chips</div></a></div></div>'
         '<div><p>Written by Ann Lee</p><a href="/en/ai/57-more">More from Ann</a><a href="/en/ai/58-more">And</a></div>')
CARD_PILL = ('<div><h2>More from IPGirl</h2><div><a href="/en/tag/robots">Robots</a>'
             '<a href="/en/ai/59-card"><h3>A card</h3></a><p>The card\'s summary.</p></div></div>')


@pytest.mark.parametrize(("after", "tags"), [
    (PILLS, ["EU", "chips"]),  # the story's topic pills, after its cards, in a footer linking several articles
    (CARD_PILL, []),  # negative: a card's own tag pill, beside the card's one article link
])
def test_topic_pills_after_the_cards_are_the_story_s_tags(after: str, tags: list[str]) -> None:
    assert _item(_page("", STORY + PREVIEWS, after))["tags"] == tags


ZOOM = ('<figure><div role="button" tabindex="0"><div><picture><source srcset="/f.jpg?w=640 640w">'
        '<img alt="Lab" width="700" height="467" src="/f.jpg"></picture></div></div><figcaption>Lab</figcaption></figure>')
ICON = '<p>Text of the story, a sentence.</p><div role="button"><img alt="share" width="24" src="/share.svg"></div>'


@pytest.mark.parametrize(("story", "urls"), [
    (STORY + ZOOM, [f"{BASE}/f.jpg"]),  # a figure a reader clicks to zoom
    (STORY + ICON, []),  # negative: an icon button stays a control
])
def test_a_picture_in_a_zoom_button_is_the_story_s_figure(story: str, urls: list[str]) -> None:
    item = _item(_page("", story))
    cleaned = clean_body(item["raw_body_html"], "en", BASE)
    assert [image["url"] for image in cleaned.images] == urls
