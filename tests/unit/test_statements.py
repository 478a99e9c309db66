"""The page's statements of its dates (``pages/statements.py``): every machine-readable instant
the article's own header shows (any element's ``datetime``: ``<time>``, a web component's
``<relative-time>``), its metas and JSON-LD; none from related cards, comments, sidebars or the
body; and the cross-check of ``published_at`` against them."""
from __future__ import annotations

import json
from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_checks import CONTRADICTED, VERIFIED, RunChecks
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.statements import page_statements
from tests.support.helpers import response_for

BASE = "https://www.ipgirl.com"
URL = f"{BASE}/en/ai/50123-a-title"
BODY = ("<p>The first paragraph of the body, long enough to count as the article's text.</p>"
        "<p>The second paragraph of the body, long enough to count as well for the reader.</p>")
INSTANT = "2026-10-14T10:44:47+01:00"
RELATIVE = f'<p class="meta"><relative-time datetime="{INSTANT}">37 days ago</relative-time> · 3 min read</p>'
CARDS = ('<section><h2>Discover more</h2><ul><li><a href="/en/ai/50001-other"><h3>Other</h3>'
         '<time datetime="2025-01-02T03:04:00Z">2 Jan</time></a></li></ul></section>')
COMMENTS = '<section class="comments"><div><b>Ann</b> <time datetime="2026-11-01T09:00:00Z">1 Nov</time> Nice.</div></section>'
SIDEBAR = '<aside><h3>Latest</h3><p><time datetime="2024-05-05T05:05:00Z">5 May</time></p></aside>'


def _page(header: str, after: str = "", head: str = "", before: str = "") -> str:
    return (f'<html lang="en"><head>{head}</head><body>{before}<article><header><h1>A title</h1>'
            f'<p>By <a href="/en/author/ann/">Ann Lee</a></p>{header}</header>{BODY}</article>{after}</body></html>')


def statements(html: str) -> dict[str, Any]:
    return page_statements(page_for(response_for(html, URL), BASE))


@pytest.mark.parametrize(("name", "html", "published", "modified"), [
    ("a web component's datetime in the header", _page(RELATIVE), [INSTANT], None),
    ("a <time datetime> in the header", _page('<time datetime="2023-07-04">4 July 2023</time>'), ["2023-07-04"], None),
    ("metas and JSON-LD dates", _page("", head=(
        '<meta property="article:published_time" content="2023-07-04T08:00:00Z">'
        '<meta property="article:modified_time" content="2023-07-09T08:00:00Z">'
        '<script type="application/ld+json">' + json.dumps(
            {"@type": "NewsArticle", "datePublished": "2023-07-04T08:00:00Z", "dateModified": "2023-07-10"})
        + "</script>")), ["2023-07-04T08:00:00Z"], ["2023-07-09T08:00:00Z", "2023-07-10"]),
    ("the update shown in the header is not the publication", _page(
        '<time datetime="2023-07-04T08:00:00Z">4 July</time> <span>Updated <time class="updated" '
        'datetime="2023-07-09T08:00:00Z">9 July</time></span>'), ["2023-07-04T08:00:00Z"], None),
    ("hAtom's abbr.published", _page('<abbr class="published" title="2025-10-02T14:42:00+08:00">2 Oct</abbr>'),
     ["2025-10-02T14:42:00+08:00"], None),
    ("labelled as the publication below the body", _page(
        "", after='<div><p>Published on <time datetime="2023-12-25T11:27:00+01:00">December 25</time></p></div>'),
     ["2023-12-25T11:27:00+01:00"], None),
    # negative cases: dates of other articles, of comments and of the body state nothing
    ("a labelled date in a card", _page("", after='<ul><li><a href="/en/ai/50003-y">Y</a><p>Published on '
                                                  '<time datetime="2022-02-02T00:00:00Z">2 Feb</time></p></li></ul>'),
     None, None),
    ("a labelled date in a card after the cards' heading", _page("", after=(
        '<section><h2>Discover more</h2><div class="card"><h3><a href="/en/ai/50004-z">Z</a></h3>'
        '<p>Published on <time datetime="2022-03-03T00:00:00Z">3 Mar</time></p></div></section>')), None, None),
    ("a labelled date in another <article>", _page("", after=(
        '<article><h3><a href="/en/ai/50005-w">W</a></h3><p>Published on '
        '<time datetime="2022-04-04T00:00:00Z">4 Apr</time></p></article>')), None, None),
    ("an abbr title that is no date", _page('<abbr class="published" title="Coordinated Universal Time">UTC</abbr>'),
     None, None),
    ("only related cards carry a datetime", _page("", after=CARDS), None, None),
    ("only comments carry a datetime", _page("", after=COMMENTS), None, None),
    ("only a sidebar before the article", _page("", before=SIDEBAR), None, None),
    ("a date inside the body", _page("").replace("reader.</p>", 'reader, <time datetime="2020-01-01">then</time>.</p>'),
     None, None),
    ("a 'latest' list in the header's column", _page('<ul><li><a href="/en/ai/50002-x">X</a> '
                                                     '<time datetime="2024-01-01T00:00:00Z">1 Jan</time></li></ul>'),
     None, None),
])
def test_dates_the_page_states(name: str, html: str, published: list[str] | None, modified: list[str] | None) -> None:
    found = statements(html)
    assert found.get("published") == published, name
    assert found.get("modified") == modified, name


def _check(published_at: str, stated: dict[str, Any]) -> str:
    record = {"url": URL, "language": "en", "published_at": published_at, "statements": stated}
    return RunChecks({"en-50123": record}, ListingStatements()).check_published_at("en-50123", record)[0]


@pytest.mark.parametrize(("name", "published_at", "html", "outcome"), [
    ("the instant the header states", "2026-10-14T09:44:47Z", _page(RELATIVE), VERIFIED),
    ("the day at 00:00 where the header states a time", "2026-10-14T00:00:00Z", _page(RELATIVE), CONTRADICTED),
    ("another instant", "2026-10-15T09:44:47Z", _page(RELATIVE), CONTRADICTED),
    ("a day-only header date, the same day", "2023-07-04T00:00:00Z",
     _page('<time datetime="2023-07-04">4 July 2023</time>'), VERIFIED),
    # negative: a wrong-looking date is not contradicted by another article's or a comment's date
    ("dates only in cards and comments", "2026-10-14T00:00:00Z", _page("", after=CARDS + COMMENTS), "unverifiable"),
])
def test_published_at_against_the_header(name: str, published_at: str, html: str, outcome: str) -> None:
    assert _check(published_at, statements(html)) == outcome, name


def test_a_client_rendered_page_states_its_dates_in_its_json_state() -> None:
    story = {"id": 50123, "title": "A title", "bodyHtml": "<p>The body of the article, long enough.</p>",
             "publishedAt": "2026-10-05T17:50:00+02:00", "updatedAt": "2026-11-03T11:56:00+02:00"}
    html = ('<html lang="en"><head></head><body><div id="__next">Loading…</div><script id="__NEXT_DATA__" '
            'type="application/json">' + json.dumps({"props": {"pageProps": {"story": story}}}) + "</script></body></html>")
    found = statements(html)
    assert found["published"] == ["2026-10-05T17:50:00+02:00"] and found["modified"] == ["2026-11-03T11:56:00+02:00"]
    assert _check("2026-10-06T15:50:00Z", found) == CONTRADICTED  # a local day read as the next UTC day
    assert _check("2026-10-05T15:50:00Z", found) == VERIFIED


@pytest.mark.parametrize(("after", "heading"), [
    (CARDS, "Discover more"),  # the site's heading over its related articles
    ('<section><h2>Related articles</h2><ul><li><a href="/en/ai/50001-other">Other</a></li></ul></section>',
     "Related articles"),
    (SIDEBAR, None),  # negative: another box's heading
    ("<section><h2>Discover more</h2><ul></ul></section><hr><p><a href='/en/about'>About</a></p>", None),  # an empty list
    ("<h3>Discover more</h3><h2>Comments</h2><p><a href='/en/ai/50001-other'>Other</a></p>", None),  # another section's link
    ("<p>Discover more about robots in our guide to the lab's arms and grippers.</p>", None),  # a sentence
    # another origin's articles (another port, a subdomain): no card of this site is owed
    ('<section><h2>Discover more</h2><ul><li><a href="https://www.ipgirl.com:8443/en/ai/50001-other">Other</a></li>'
     '<li><a href="https://news.ipgirl.com/en/ai/50002-more">More</a></li></ul></section>', None),
])
def test_the_page_states_it_shows_related_articles(after: str, heading: str | None) -> None:
    assert statements(_page("", after)).get("related_heading") == heading


@pytest.mark.parametrize(("related", "heading", "outcome"), [
    ([], "Discover more", CONTRADICTED),  # the page shows a related list, none was read
    ([], None, "unverifiable"),  # negative: an article without related articles
    ([{"url": f"{BASE}/en/ai/50001-other", "title": "Other", "snippet": None}], "Discover more", "unverifiable"),
])
def test_related_read_empty_under_the_page_s_related_heading_is_contradicted(
        related: list[dict[str, Any]], heading: str | None, outcome: str) -> None:
    record = {"url": URL, "language": "en", "related": related,
              "statements": {"related_heading": heading} if heading else {}}
    checks = RunChecks({"en:50123": record}, ListingStatements(), languages=("en",))
    assert checks.check_related("en:50123", record)[0] == outcome


SIDEBAR_TAGS = ('<div class="sidebar"><h2>Tags</h2><ul><li><a href="/en/tag/eu/">EU</a></li>'
                '<li><a href="/en/tag/data/">data</a></li></ul></div>')
HEADER_TAGS = '<div class="tags"><a href="/en/tag/chips/">Chips</a>, <a href="/en/tag/japan/">Japan</a></div>'
FOOTER_TAGS = '<p>Tags: <a href="/en/tag/robots/">robots</a></p>'


@pytest.mark.parametrize(("html", "header_tags"), [
    (_page(HEADER_TAGS, before=SIDEBAR_TAGS), ["Chips", "Japan"]),  # held-out Z: the header's, not the sidebar's
    (_page("", before=SIDEBAR_TAGS), None),  # negative: a sidebar's list before the title states nothing
    (_page("", after=FOOTER_TAGS), None),  # negative: tags below the body are not the header's
    (_page('<nav><a href="/en/tag/ai/">AI</a></nav>'), None),  # a menu's tag link
])
def test_the_tags_the_article_s_header_links(html: str, header_tags: list[str] | None) -> None:
    assert statements(html).get("header_tags") == header_tags


FIGURE = '<p><img src="/media/50123/figure-1.jpg" alt="Chart" width="690" height="460"></p>'


@pytest.mark.parametrize(("body", "figures"), [
    (BODY.replace("</p><p>", f"</p>{FIGURE}<p>"), [f"{BASE}/media/50123/figure-1.jpg"]),  # held-out Z
    (BODY.replace("</p><p>", '</p><p><img src="/i/icon.png" width="24"></p><p>'), None),  # negative: an icon
    (BODY.replace("</p><p>", '</p><p><img src="/media/x.jpg"></p><p>'), None),  # no stated width: unknown
])
def test_the_figures_the_body_shows(body: str, figures: list[str] | None) -> None:
    html = _page("").replace(BODY, body)
    assert statements(html).get("body_figures") == figures
    # a cover image above the title, or a card's thumbnail after the body, is none of them
    assert statements(_page("", before=FIGURE, after=FIGURE)).get("body_figures") is None
