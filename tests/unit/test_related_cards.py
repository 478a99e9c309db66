"""Related cards: the snippet's ellipsis and a card's fields, table-driven."""
from __future__ import annotations

import pytest
from lxml import etree

from ipgirl_crawler.pages.related import related_cards
from pipelines.related import clean_card, split_ellipsis, without_leading_icons


@pytest.mark.parametrize(("snippet", "expected"), [
    ("Cependant, avez-vous...", ("Cependant, avez-vous", True)),
    ("Das Angebot des…", ("Das Angebot des", True)),
    ("研究者たちは公...", ("研究者たちは公", True)),
    ("A complete sentence.", ("A complete sentence.", False)),
    ("  ", (None, False)),
    (None, (None, False)),
])
def test_split_ellipsis(snippet: str | None, expected: tuple[str | None, bool]) -> None:
    assert split_ellipsis(snippet) == expected


def test_clean_card() -> None:
    raw = {"title": " T ", "url": "https://h/fr/ai/1-x", "category": "AI", "snippet": "S…"}
    assert clean_card(raw) == {"title": "T", "url": "https://h/fr/ai/1-x", "category": "AI", "snippet": "S", "snippet_truncated": True}
    assert clean_card({"title": "", "url": "https://h/x"}) is None


@pytest.mark.parametrize(("snippet", "expected"), [
    ("ein anderes Mod... →", ("ein anderes Mod", True)),
    ("A whole sentence. ›", ("A whole sentence.", False)),
    ("Next »", ("Next", False)),
    ("Arrows → inside stay", ("Arrows → inside stay", False)),
])
def test_trailing_arrows_are_no_snippet(snippet: str, expected: tuple[str | None, bool]) -> None:
    assert split_ellipsis(snippet) == expected


def _cards(html: str) -> list[dict[str, str | None]]:
    root = etree.fromstring(f"<html><body><h2>More</h2><div>{html}</div></body></html>", etree.HTMLParser())
    return related_cards(root.find(".//h2"), lambda href: href, lambda url: bool(url and url.startswith("/a/")),
                         frozenset({"AI"}))


@pytest.mark.parametrize(("html", "cards"), [
    # One link around the card: its aria-hidden arrow is no snippet text.
    (("<ul><li><a href='/a/1'><img alt=''><span>AI</span><h3>T1</h3><p>Snip...</p><span aria-hidden='true'>→</span></a></li>"
     "<li><a href='/a/2'><span>AI</span><h3>T2</h3><p>Two</p></a></li></ul>"),
     [("T1", "AI", "Snip..."), ("T2", "AI", "Two")]),
    # A hidden or text-less thumbnail link beside the title link: one card each, not two.
    (("<article><a href='/a/1' aria-hidden='true'><img src='t.jpg'></a><span>AI</span><h3><a href='/a/1'>T1</a></h3>"
     "<p>One</p></article><article><a href='/a/2'><img src='u.jpg'></a><h3><a href='/a/2'>T2</a></h3><p>Two</p></article>"),
     [("T1", "AI", "One"), ("T2", None, "Two")]),
    # Not hidden: a visible text link of the card is still its title.
    (("<article><a href='/a/3'>T3</a><p>Three <span aria-hidden='false'>x</span></p></article>"
     "<article><a href='/a/4'>T4</a></article>"), [("T3", None, "Three x"), ("T4", None, None)]),
])
def test_card_links_hidden_or_image_only_make_no_card(html: str, cards: list[tuple[str, str | None, str | None]]) -> None:
    assert [(c["title"], c["category"], c["snippet"]) for c in _cards(html)] == cards


@pytest.mark.parametrize(("html", "cards"), [
    # One link around image, category, title in a header, snippet and a footer: title and snippet apart,
    # the footer's date and reading time no snippet words (the ellipsis stays last).
    (("<article><a href='/a/1'><img src='t.jpg'><div>AI</div><header><h2>T1</h2></header><div>Snip…</div>"
      "<footer><time datetime='2023-05-05'>May 5, 2023</time> • <span>4 min read</span></footer></a></article>"
      "<article><a href='/a/2'><div>AI</div><header><h3>T2</h3></header><div>Two.</div><div>8 min read</div></a></article>"),
     [("T1", "AI", "Snip…"), ("T2", "AI", "Two.")]),
    (("<article><a href='/a/3'><div>AI</div><h3>T3</h3><div>Cut her…</div><span>May 5, 2023</span></a></article>"
      "<article><a href='/a/4'><h3>T4</h3><div>Four.</div></a></article>"),
     [("T3", "AI", "Cut her…"), ("T4", None, "Four.")]),
    # Negatives: a snippet that is a sentence with a year, or long, stays whole
    (("<article><a href='/a/5'><h3>T5</h3><div>Sales grew in 2023.</div></a></article>"
      "<article><a href='/a/6'><h3>T6</h3><div>Six</div><div>a second line of the snippet</div></a></article>"),
     [("T5", None, "Sales grew in 2023."), ("T6", None, "Six a second line of the snippet")]),
    # Several elements: a date beside the snippet is no snippet; a quoted category line is the category
    (("<div><h4><a href='/a/7'>T7</a></h4><p>Seven…</p><time datetime='2023-05-05'>May 5, 2023</time></div>"
      "<div><h4><a href='/a/8'>T8</a></h4><p>Eight…</p><p>In “AI”</p></div>"
      "<div><h4><a href='/a/9'>T9</a></h4><p>Nine…</p><p>In “Robots”</p></div>"),
     [("T7", None, "Seven…"), ("T8", "AI", "Eight…"), ("T9", None, "Nine… In “Robots”")]),
])
def test_card_parts_read_by_role(html: str, cards: list[tuple[str, str | None, str | None]]) -> None:
    assert [(c["title"], c["category"], c["snippet"]) for c in _cards(html)] == cards


@pytest.mark.parametrize(("title", "shown"), [
    ("📄️ Regulators tighten the rules", "Regulators tighten the rules"),
    ("📄️Regulators", "Regulators"),
    ("★ Top story", "Top story"),
    # negatives: words, digits, currency, a symbol further on, a title that is only a symbol
    ("Regulators 📄️ tighten", "Regulators 📄️ tighten"),
    ("5 things to know", "5 things to know"),
    ("€5bn for chips", "€5bn for chips"),
    ("«Quoted» title", "«Quoted» title"),
    ("📄️", "📄️"),
])
def test_a_cards_leading_icon_is_no_title_word(title: str, shown: str) -> None:
    assert without_leading_icons(title) == shown


def test_leading_icons_are_counted() -> None:
    from pipelines.base import Counts
    from pipelines.related import RelatedLinksPipeline

    counts = Counts()
    raw = [{"title": "📄️ T", "url": "https://h/en/ai/1-x"}, {"title": "U", "url": "https://h/en/ai/2-y"}]
    item = RelatedLinksPipeline(counts).process_article({"raw_related": raw, "translations": {}})
    assert [c["title"] for c in item["related"]] == ["T", "U"] and counts["ipgirl/related/icon_titles"] == 1


def _nested(inner: str, levels: int) -> str:
    """``inner`` in ``levels`` nested layout tables (an email's text block)."""
    return "<table><tr><td>" * levels + inner + "</td></tr></table>" * levels


# Cards as the cells of a layout table: each a title link, a category and a snippet after <br>.
CELLS = ("<table><tr><td><span>AI</span><br><a href='/a/1'><strong>T1</strong></a><br>One…</td>"
         "<td><a href='/a/2'><img src='t.jpg'></a><br><a href='/a/2'>T2</a><br>Two.</td></tr></table>")


@pytest.mark.parametrize(("heading", "cards"), [
    # the heading framed by three layout tables (nine levels), the cards in the table after them
    (_nested("<h2>More</h2>", 3), [("T1", "AI", "One…"), ("T2", None, "Two.")]),
    (_nested("<div><h2>More</h2></div>", 1), [("T1", "AI", "One…"), ("T2", None, "Two.")]),
    # negatives: a frame that shows more than the heading (a line, a banner) is no part of it: the
    # cards nine levels up are out of reach
    (_nested("<h2>More</h2><p>Picked by our editors this week</p>", 3), []),
    (_nested("<h2>More</h2><img src='banner.png'>", 3), []),
])
def test_cards_after_a_heading_framed_by_layout_tables(heading: str, cards: list[tuple[str, str | None, str | None]]) -> None:
    root = etree.fromstring(f"<html><body>{heading}{CELLS}</body></html>", etree.HTMLParser())
    found = related_cards(root.find(".//h2"), lambda href: href, lambda url: bool(url and url.startswith("/a/")),
                          frozenset({"AI"}))
    assert [(c["title"], c["category"], c["snippet"]) for c in found] == cards
