"""Threads of posts (issue 21, era Z): a forum topic's first post is the article, the replies by
other members below it are not; a post's poster is its byline (a link to a member's profile), unless
the post opens with its writers' "By A and B" line. Table-driven, with negative cases."""
from __future__ import annotations

import pytest
from lxml import etree
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.thread import first_post, is_profile_link

BASE = "https://example.org"
STORY = ("<p>The first paragraph of the story, long enough to be the text a reader came for on this page.</p>"
         "<p>The second paragraph of the story goes on with more of the same long and readable prose.</p>")


def _post(n: int, name: str, handle: str, text: str, when: str = "") -> str:
    stamp = f'<time datetime="{when}">{when[:10]}</time>' if when else ""
    return (f'<article id="p{n}"><div><a href="/u/{handle}"><img src="/a/{handle}.png" alt="" width="45" height="45"></a></div>'
            f'<div><div><a href="/u/{handle}">{name}</a> <a href="/u/{handle}">{handle}</a> {stamp}</div>'
            f"<div>{text}</div></div></article>")


def _topic(first: str, replies: int = 2, og_type: str = "website") -> str:
    answers = "".join(_post(n, f"Member {n}", f"member{n}", f"<p>Reply number {n}: thanks for this!</p>",
                            f"2024-05-0{n}T10:00:00Z") for n in range(2, 2 + replies))
    return (f'<html lang="en"><head><meta property="og:type" content="{og_type}"></head><body>'
            f'<h1>A topic title</h1><div class="stream">{first}{answers}</div></body></html>')


def _page(html: str):
    response = HtmlResponse(f"{BASE}/en/ai/12-a-topic", body=html.encode(), encoding="utf-8")
    return page_for(response, BASE)


@pytest.mark.parametrize(("href", "rel", "person"), [
    ("/u/ann.lee", "", True), ("https://forum.example.org/users/42/", "", True), ("/@ann", "", True),
    ("/en/author/ann-lee", "", True), ("/people/ann-lee", "", True), ("/x", "author", True),
    # negatives: an article, a member's sub-page, a category, a user's avatar file
    ("/en/ai/12-a-topic", "", False), ("/u/ann.lee/activity", "", False), ("/en/category/ai/", "", False),
    ("/user_avatar/site/ann/90/1_2.png", "", False),
])
def test_profile_links(href: str, rel: str, person: bool) -> None:
    assert is_profile_link(etree.fromstring(f'<a href="{href}" rel="{rel}">x</a>')) is person


@pytest.mark.parametrize(("html", "is_first"), [
    # the first of sibling posts that each show a poster
    (f'<div>{_post(1, "Ann Lee", "ann", STORY)}{_post(2, "Bo", "bo", "<p>Hi</p>")}</div>', True),
    # negatives: one post alone is no thread; siblings that show nobody are no replies
    (f'<div>{_post(1, "Ann Lee", "ann", STORY)}</div>', False),
    (f'<div>{_post(1, "Ann Lee", "ann", STORY)}<article><p>A teaser</p></article></div>', False),
])
def test_the_first_post_of_a_thread(html: str, is_first: bool) -> None:
    root = etree.fromstring(html, etree.HTMLParser())
    densest = root.xpath("//article[@id='p1']//p")[0].getparent()
    assert (first_post(densest) is root.xpath("//article[@id='p1']")[0]) is is_first


def test_a_topic_reads_its_first_post_not_the_replies() -> None:
    page = _page(_topic(_post(1, "Ann Lee", "ann.lee", STORY, "2024-05-01T08:00:00Z")))
    assert page.is_article()  # og:type website, the poster's line shows it is one
    assert page.authors() == ["Ann Lee"]  # the handle after the name is the same person
    assert page.published_at_raw() == "2024-05-01T08:00:00Z"  # the first post's, not a reply's
    body = page.raw_body_html()
    assert "first paragraph" in body and "Reply number" not in body and "ann.lee" not in body
    assert "<img" not in body  # the poster's avatar, a picture linking to the profile, is no picture of the story


@pytest.mark.parametrize(("opening", "authors"), [
    ("<p>By Ann Lee and Bo Chen</p>", ["Ann Lee", "Bo Chen"]),
    # negatives: a sentence that starts with "By" is the story's; no writers' line leaves the poster
    ("<p>By 2030, most chips will be made in new fabs, analysts say.</p>", ["Editorial"]),
    ("", ["Editorial"]),
])
def test_a_writers_line_opening_a_staff_post_names_the_authors(opening: str, authors: list[str]) -> None:
    page = _page(_topic(_post(1, "Editorial", "staff", opening + STORY, "2024-05-01T08:00:00Z")))
    assert page.authors() == authors
    assert page.published_at_raw() == "2024-05-01T08:00:00Z"
    assert ("By Ann Lee" in page.raw_body_html()) is False


def test_comments_beside_an_article_leave_its_body_as_it_was() -> None:
    """Negative: a story in its own <article> with comments in a section after it is no thread."""
    html = ('<html lang="en"><body><article><h1>A title</h1><p>By <a href="/en/author/ann">Ann Lee</a></p>'
            f'{STORY}</article><section>{_post(2, "Bo", "bo", "<p>Nice</p>")}{_post(3, "Cy", "cy", "<p>Yes</p>")}'
            "</section></body></html>")
    page = _page(html)
    assert page.is_article() and page.authors() == ["Ann Lee"] and "first paragraph" in page.raw_body_html()


def _crawler_post(poster: str, shown: str, opening: str = "") -> str:
    """A forum's crawler view: the poster, the date and the post's number in spans of their own."""
    return (f'<div id="p1"><div><span><a href="/u/{poster.lower()}"><span>{poster}</span></a></span>\n'
            f'<span>\n<span>{shown}</span>\n<span>#1</span></span></div><div>{opening}{STORY}</div></div>')


def _crawler_reply(n: int) -> str:
    return f'<div id="p{n}"><div><a href="/u/member{n}">Member {n}</a> <span>2d</span></div><p>Reply {n}.</p></div>'


@pytest.mark.parametrize(("poster", "shown", "opening", "authors", "published"), [
    # the date is the part of the poster's line that is one; the post's number ends no lead
    ("Olivia Grant", "January 8, 2025", "", ["Olivia Grant"], "January 8, 2025"),
    ("Editorial", "31 days ago", "<p>By Ann Lee and Bo Chen</p>", ["Ann Lee", "Bo Chen"], "31 days ago"),
    # negative: a bare year beside the name is no day of its own: the line is read whole, as before
    ("Olivia Grant", "2025", "", ["Olivia Grant"], "Olivia Grant 2025 #1"),
])
def test_a_posters_line_of_parts(poster: str, shown: str, opening: str, authors: list[str], published: str) -> None:
    html = (f'<html lang="en"><head><meta property="og:type" content="website"></head><body><h1>A topic title</h1>'
            f'<div>{_crawler_post(poster, shown, opening)}{_crawler_reply(2)}{_crawler_reply(3)}</div></body></html>')
    page = _page(html)
    assert page.authors() == authors
    assert page.published_at_raw() == published
    assert "#1" not in page.raw_body_html() and "By Ann" not in page.raw_body_html()


def test_a_story_above_a_thread_of_comments_keeps_its_body() -> None:
    """Negative: prose between the title and the thread (a story with its comments below, the first
    comment longer than the story: a real macrumors page) makes the thread the comments, not the article."""
    long_comment = "<p>" + "A long comment that goes on and on about the story above it, at length. " * 3 + "</p>"
    html = ('<html lang="en"><head><meta property="og:type" content="article"></head><body><h1>A title</h1>'
            f'<div class="story">{STORY}</div><div class="comments">{_post(1, "Cy", "cy", long_comment)}'
            f'{_post(2, "Bo", "bo", "<p>Nice</p>")}</div></body></html>')
    body = _page(html).raw_body_html()
    assert "first paragraph of the story" in body
