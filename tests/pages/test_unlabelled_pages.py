"""Markup nobody here described (issue 10): the page object's readings without labels and of
client-side rendered pages, on small pages, table-driven (the eras J-M end to end: tests/crawl/)."""
from __future__ import annotations

import json
from typing import Any

import pytest

from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.jsonstate import body_html, find_article, state_blobs
from ipgirl_crawler.pages.statepage import StatePage
from tests.support.helpers import extract, response_for

BASE = "https://www.ipgirl.com"
URL = f"{BASE}/fr/ai/50123-un-titre"


def _page(body: str, head: str = "") -> str:
    return (f'<html lang="fr"><head><meta name="description" content="Le résumé.">{head}</head><body>'
            f"<h1>Un titre</h1><p>Le résumé.</p>{body}</body></html>")


PARAGRAPHS = "<p>Premier paragraphe du corps, assez long pour compter.</p><p>Second paragraphe du corps.</p>"


@pytest.mark.parametrize(("name", "html", "field", "expected"), [
    ("names and a date, no label, meta author",
     _page(f"<div>Camille Durand — 4 juillet 2023</div>{PARAGRAPHS}", '<meta name="author" content="Camille Durand">'),
     "published_at", "2023-07-04T00:00:00Z"),
    ("names line kept out of the body",
     _page(f"<div>Camille Durand — 4 juillet 2023</div>{PARAGRAPHS}", '<meta name="author" content="Camille Durand">'),
     "body_text", "Premier paragraphe du corps, assez long pour compter.\n\nSecond paragraphe du corps."),
    ("JSON-LD @graph author by @id",
     _page(f"<p>Léa Martin</p>{PARAGRAPHS}", '<script type="application/ld+json">' + json.dumps({"@graph": [
         {"@type": "NewsArticle", "headline": "Un titre", "author": [{"@id": "#p1"}]},
         {"@type": "Person", "@id": "#p1", "name": "Léa Martin"}]}) + "</script>"),
     "authors", ["Léa Martin"]),
    ("a date line of its own after the byline",
     _page(f'<p><a href="/fr/author/lea/">Léa Martin</a></p><p><time datetime="2023-07-04T08:15:00+02:00">4 juillet'
           f" 2023</time> · 3 min de lecture</p>{PARAGRAPHS}"), "body_text",
     "Premier paragraphe du corps, assez long pour compter.\n\nSecond paragraphe du corps."),
    ("tag links without a label, a category link beside them",
     _page(f'{PARAGRAPHS}<div><a href="/fr/category/ai/">IA</a> <a href="/fr/tag/robots/">robots</a>, '
           '<a href="/fr/tag/puces/">puces</a></div>'), "tags", ["robots", "puces"]),
    ("rel=category tag is a category, a label's comma list the tags",
     _page(f'{PARAGRAPHS}<div><a rel="category tag" href="/fr/category/ai/">IA</a></div>'
           '<div><span class="sr">Mots-clés :</span> robots, puces</div>'), "tags", ["robots", "puces"]),
    ("a read-also callout in two blocks",
     _page('<p>Premier paragraphe du corps, assez long pour compter.</p><div><p>Lire aussi</p>'
           '<p><a href="/fr/ai/50001-x">Un autre titre</a></p></div><p>Second paragraphe du corps.</p>'),
     "body_text", "Premier paragraphe du corps, assez long pour compter.\n\nSecond paragraphe du corps."),
])
def test_unlabelled_fields(name: str, html: str, field: str, expected: Any) -> None:
    assert extract(html, URL)[field] == expected, name


def test_one_link_card_with_tracking_parameters() -> None:
    card = ('<a href="/fr/robotics/50002-un-robot?fbclid=IwAR0x1&amp;ref=related"><span>Robotique</span> '
            "<strong>Un robot range la maison</strong> <span>Des chercheurs montrent…</span></a>")
    item = extract(_page(f"{PARAGRAPHS}<h2>Découvrir plus</h2><ul><li>{card}</li></ul>"), URL)
    assert item["related"] == [{"title": "Un robot range la maison", "url": f"{BASE}/fr/robotics/50002-un-robot",
                                "category": "Robotique", "snippet": "Des chercheurs montrent",
                                "snippet_truncated": True}]


STORY = {"id": 50123, "title": "Un titre", "dek": "Le résumé.", "bodyHtml": "<p>Un.</p><h2>Deux</h2><p>Trois.</p>",
         "authors": [{"name": "Léa Martin"}], "category": {"name": "IA"}, "tags": [{"label": "robots"}],
         "publishedAt": "2023-07-04T08:15:00+02:00", "votes": {"helpful": 3, "total": 4}}
SHELL = '<html lang="fr"><head></head><body><div id="__next">Loading…</div>{}</body></html>'


@pytest.mark.parametrize("script", [
    '<script id="__NEXT_DATA__" type="application/json">' + json.dumps({"props": {"pageProps": {"x": {"story": STORY}}}})
    + "</script>",
    "<script>window.__INITIAL_STATE__ = " + json.dumps({"entities": {"a": {"50123": STORY}}}) + ";</script>",
    '<script type="application/ld+json">' + json.dumps({"@type": "NewsArticle", "@id": URL, "headline": "Un titre",
        "articleBody": "Un.\n\nTrois.", "author": "Léa Martin", "datePublished": "2023-07-04"}) + "</script>",
], ids=["next-data", "initial-state", "ld-json-articleBody"])
def test_client_side_rendered_article_read_from_its_state(script: str) -> None:
    page = page_for(response_for(SHELL.format(script), URL), BASE)
    assert isinstance(page, StatePage) and page.is_article()
    item = extract(SHELL.format(script), URL)
    assert item["title"] == "Un titre" and item["authors"] == ["Léa Martin"]
    assert item["body_text"].startswith("Un.") and item["body_text"].endswith("Trois.")
    assert item["published_at"].startswith("2023-07-04")


def test_state_search_is_by_shape_and_bounded() -> None:
    assert find_article([{"a": [{"title": "card", "href": "/x"}], "b": {"deep": STORY}}]) is STORY
    assert find_article([{"title": "no body", "id": 1}]) is None
    nested: Any = STORY
    for _ in range(60_000):  # deeper than the search looks: no recursion, no hang
        nested = [nested]
    assert find_article([nested]) is None
    from lxml import etree
    deep = etree.fromstring(f'<script type="application/json">{"[" * 100_000}{"]" * 100_000}</script>')
    assert state_blobs([deep]) == []  # too deep for the JSON parser: skipped, no crash
    assert state_blobs([]) == [] and body_html([{"type": "list", "items": ["a", "b"]}]) == "<ul><li>a</li><li>b</li></ul>"


LONG_PARAGRAPHS = PARAGRAPHS + "<p>" + "Un troisième paragraphe, plus long que la ligne des dates. " * 3 + "</p>"


def _header_page(meta: str, body: str = LONG_PARAGRAPHS) -> str:
    """The title, byline and a meta line in a <header>, the body in a sibling: the byline is only "Par …"."""
    return ('<html lang="fr"><head><meta name="description" content="Le résumé."></head><body><article><header>'
            '<h1>Un titre</h1><p>Le résumé.</p><p>Par <a rel="author" href="/fr/author/lea/">Léa Martin</a></p>'
            f"{meta}</header><div>{body}</div></article></body></html>")


AUTHOR_ROW = ('<div><a href="/fr/author/lea/"><img src="/a.jpg" alt=""><span>Léa Martin</span></a>'
              '<a href="/fr/author/tom/"><img src="/b.jpg" alt=""><span>Tom Roux</span></a><span>3 min de lecture</span></div>')
TAIL_DATES = ('<div><p>Mis à jour <time datetime="2023-07-09T10:00:00+02:00">9 juillet 2023</time></p>'
              '<p>Publié le <time datetime="2023-07-04T08:15:00+02:00">4 juillet 2023</time></p></div>')
TAGS = '<ul><li><a href="/fr/tag/robots/">robots</a></li></ul>'
BODY_TEXT = "Premier paragraphe du corps, assez long pour compter.\n\nSecond paragraphe du corps."


@pytest.mark.parametrize(("name", "html", "field", "expected"), [
    # Dates after the body: read, the label (not the order) telling the update, kept out of the body.
    ("dates after the body", _page(PARAGRAPHS + TAIL_DATES + TAGS), "published_at", "2023-07-04T06:15:00Z"),
    ("update date after the body, shown first", _page(PARAGRAPHS + TAIL_DATES + TAGS), "modified_at",
     "2023-07-09T08:00:00Z"),
    ("dates after the body are no body", _page(PARAGRAPHS + TAIL_DATES + TAGS), "body_text", BODY_TEXT),
    ("a relative <time> after the body", _page(PARAGRAPHS + "<p><time>il y a 3 jours</time></p>"), "published_at",
     "2026-11-17T00:00:00Z"),
    ("a closing sentence with a date stays body",
     _page(PARAGRAPHS + "<p>Le rapport paraîtra le 4 juillet 2023.</p>"), "body_text",
     BODY_TEXT + "\n\nLe rapport paraîtra le 4 juillet 2023."),
    ("a closing credit with a year stays body", _page(PARAGRAPHS + "<p>Reuters, 2024</p>"), "body_text",
     BODY_TEXT + "\n\nReuters, 2024"),
    ("a date in a related card is not the article's",
     _page(PARAGRAPHS + '<h2>Découvrir plus</h2><div><a href="/fr/ai/50001-x">Un autre titre</a>'
           '<p>Publié le <time datetime="2023-01-01">1 janvier 2023</time></p></div>'), "published_at", None),
    ("dates in the article's <footer>",
     '<html lang="fr"><body><article><h1>Un titre</h1><div>' + PARAGRAPHS + '</div><footer><p>Mis à jour '
     '<time datetime="2023-07-09">9 juillet</time></p><p>Publié le <time datetime="2023-07-04">4 juillet</time></p>'
     "</footer></article></body></html>", "modified_at", "2023-07-09T00:00:00Z"),
    ("a sidebar's date is another article's",
     '<html lang="fr"><body><article><h1>Un titre</h1><div>' + PARAGRAPHS + '</div></article><aside><ul><li>'
     '<a href="/fr/ai/50001-x">Un autre titre</a> <time datetime="2020-01-01">1 janvier 2020</time></li></ul>'
     "</aside></body></html>", "published_at", None),
    # A row of several authors (avatars, names, a reading time) is one byline.
    ("reading time in a row of authors is no body", _page(AUTHOR_ROW + PARAGRAPHS), "body_text", BODY_TEXT),
    ("a row of authors names them all", _page(AUTHOR_ROW + PARAGRAPHS), "authors", ["Léa Martin", "Tom Roux"]),
    ("a first paragraph counting minutes stays body",
     _page(AUTHOR_ROW + "<p>Il y a 5 minutes, le laboratoire a annoncé un robot.</p>" + PARAGRAPHS), "body_text",
     "Il y a 5 minutes, le laboratoire a annoncé un robot.\n\n" + BODY_TEXT),
    # A meta line beside a names-only byline: visible and relative dates, split on its separators.
    ("visible dates in the lead's meta line",
     _header_page('<p><span class="sr-only">Publié le </span><span>15 octobre 2023</span> · '
                  "<span>Mis à jour 19 octobre 2023</span> · <span>2 min de lecture</span></p>"),
     "published_at", "2023-10-15T00:00:00Z"),
    ("the update in the lead's meta line",
     _header_page("<p><span>Publié le 15 octobre 2023</span> | <span>Mis à jour 19 octobre 2023</span></p>"),
     "modified_at", "2023-10-19T00:00:00Z"),
    ("a relative date in the lead's meta line",
     _header_page("<p><span>il y a 3 jours</span> • <span>2 min de lecture</span></p>"), "published_at",
     "2026-11-17T00:00:00Z"),
    ("a dated sentence opening the body is no date",
     _header_page("", "<p>Le 4 juillet 2023, l’UE a annoncé un accord avec le Japon.</p>" + LONG_PARAGRAPHS),
     "published_at", None),
])
def test_dates_and_lines_beside_the_body(name: str, html: str, field: str, expected: Any) -> None:
    assert extract(html, URL)[field] == expected, name
