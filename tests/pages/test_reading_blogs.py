"""Reading rules for classic blog pages (a hosted blog's post page: the blog's name as the ``h1``, the
date above the post, "Posted by … at …" under it), table-driven with their negative cases (issue 21)."""
from __future__ import annotations

import lxml.html
import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.boilerplate import paragraph_weights
from ipgirl_crawler.pages.text_divs import text_divs_as_paragraphs
from ipgirl_crawler.pages.byline import looks_like_date
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.footer_byline import _archive_link_text
from ipgirl_crawler.pages.inline import wrap_inline_runs
from ipgirl_crawler.workers.extraction import shows_an_article
from pipelines.dates import parse_visible_date

BASE = "https://example.org"
STORY = "<p>One paragraph of the post that is long enough to be its body text, and then some more words.</p>" * 3


def _page(head: str, body: str, lang: str = "en"):
    html = f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'
    response = HtmlResponse(f"{BASE}/{lang}/ai/12-a-post", body=html.encode(), encoding="utf-8")
    return page_for(response, BASE)


BANNER = '<header><h1 class="title"><a href="/">My Garden Blog</a></h1></header>'
OG = '<meta property="og:title" content="Tomatoes in the rain">'


@pytest.mark.parametrize(("head", "body", "title"), [
    # the blog's name is the h1, the post's title an h3 the og:title states
    (OG, f'{BANNER}<h2>Tuesday, July 4, 2023</h2><div class="post"><h3>Tomatoes in the rain</h3>{STORY}</div>',
     "Tomatoes in the rain"),
    # no og:title: the document title holds it beside the blog's name
    ("<title>My Garden Blog: Tomatoes in the rain</title>",
     f'{BANNER}<div class="post"><h3>Tomatoes in the rain</h3>{STORY}</div>', "Tomatoes in the rain"),
    ("<title>Tomatoes in the rain | My Garden Blog</title>",
     f'{BANNER}<div class="post"><h2>Tomatoes in the rain</h2>{STORY}</div>', "Tomatoes in the rain"),
    # negatives: a real h1 title stays, whatever a lower heading says
    (OG, f'<h1>A different headline</h1><div class="post"><h3>Tomatoes in the rain</h3>{STORY}</div>',
     "A different headline"),
    # a headline set in the page's <header> (linking nowhere) is no site name: it stays the title (an h3
    # here: an h2 the og:title states is the title by titles.title_below, the rule of blogs that set it so)
    (OG, '<header><h1>A headline in the header</h1></header><div class="post"><h3>Tomatoes in the rain</h3>'
     f'{STORY}</div>', "A headline in the header"),
    # a headline in the <header> that links to its own page, not the home page, stays the title
    (OG, '<header><h1><a href="/en/ai/12-a-post">A linked headline</a></h1></header><div class="post">'
     f'<h3>Tomatoes in the rain</h3>{STORY}</div>', "A linked headline"),
    # the site's name as og:site_name states it, with no link
    (OG + '<meta property="og:site_name" content="My Garden Blog">',
     f'<h1>My Garden Blog</h1><div class="post"><h3>Tomatoes in the rain</h3>{STORY}</div>', "Tomatoes in the rain"),
    # a sidebar's or a card's heading that repeats the title is not the post's
    (OG, f'{BANNER}<div class="post"><h3>Post</h3>{STORY}</div><aside><h3>Tomatoes in the rain</h3></aside>',
     "My Garden Blog"),
    # a short section word inside the document title is no post title
    ("<title>News - My Garden Blog</title>", f'{BANNER}<div class="post"><h2>News</h2>{STORY}</div>', "My Garden Blog"),
    # a heading only part of the document title's words ("Tomatoes" in "Tomatoes in the rain") is not it
    ("<title>My Garden Blog: Tomatoes in the rain</title>",
     f'{BANNER}<div class="post"><h3>Tomatoes in the</h3>{STORY}</div>', "My Garden Blog"),
])
def test_a_blogs_name_as_h1_leaves_the_title_to_the_stated_heading(head: str, body: str, title: str) -> None:
    assert _page(head, body).title() == title


PROFILE = '<a href="https://blog.example/profile/{0}" rel="author">{0}</a>'
FOOTER = ('<div class="post-footer"><div class="line">Posted by <span>{}</span> at '
          '<abbr class="published" title="2023-07-04T10:15:00+02:00">10:15 AM</abbr></div>'
          '<div class="line">Share: <a href="/share">X</a></div></div>')


def _post(footer: str, head: str = "", outside: str = "", wrapped: bool = True) -> object:
    post = f"<h1>Tomatoes in the rain</h1>{STORY}{footer}"
    body = (f'<div class="post">{post}</div>' if wrapped else post) + outside
    return _page(head, body)


@pytest.mark.parametrize(("footer", "head", "outside", "wrapped", "authors", "published"), [
    # Blogger's default: the author line after the post, its time an hAtom abbr
    (FOOTER.format(PROFILE.format("Ann Lee") + " and " + PROFILE.format("Bo Chen")), "", "", True,
     ["Ann Lee", "Bo Chen"], "2023-07-04T10:15:00+02:00"),
    # the metadata names the author and the line shows that name
    (FOOTER.format(PROFILE.format("Ann Lee")), '<meta name="author" content="Ann Lee">', "", True,
     ["Ann Lee"], "2023-07-04T10:15:00+02:00"),
    # negatives: a sidebar's contributors after the post are not its authors
    ("", "", f'<aside><ul><li>{PROFILE.format("Cy Dunn")}</li><li>{PROFILE.format("Di Eng")}</li></ul></aside>', True,
     [], None),
    # with no element around the post but the page's body, a line below may be anything's
    (FOOTER.format(PROFILE.format("Ann Lee")), "", "", False, [], None),
    # an author archive's link ("All posts by …") is no byline: its text is no name
    (FOOTER.format('<a href="/author/ann" rel="author">View all posts by Ann Lee</a>'), "", "", True, [], None),
    (FOOTER.format('<a href="/author/ann" rel="author">by Ann Lee</a>'), "", "", True, [], None),
    # …but a name that holds the word is a name
    (FOOTER.format(PROFILE.format("Ursula von der Leyen")), "", "", True, ["Ursula von der Leyen"],
     "2023-07-04T10:15:00+02:00"),
    # members under a column whose metadata names its author are someone else
    (FOOTER.format(PROFILE.format("Reader 27")), '<meta name="author" content="Ann Lee">', "", True, ["Ann Lee"], None),
])
def test_a_byline_below_the_post(footer, head, outside, wrapped, authors, published) -> None:
    page = _post(footer, head, outside, wrapped)
    assert page.authors() == authors
    assert page.published_at_raw() == published


@pytest.mark.parametrize(("above", "lang", "published"), [
    ("<h2><span>Tuesday, July 4, 2023</span></h2>", "en", "Tuesday, July 4, 2023"),
    ("<h2>2023年7月4日火曜日</h2>", "ja", "2023年7月4日火曜日"),
    ('<header><time datetime="2017-01-26T16:05:25+01:00">26 January 2017</time></header>', "en",
     "2017-01-26T16:05:25+01:00"),
    # negatives: a breadcrumb, a card's date (in a link or list item), a sentence with a year
    ('<div><a href="/">Home</a> » <a href="/c/">AI</a></div>', "en", None),
    ('<ul><li><a href="/other">Older post</a> July 1, 2023</li></ul>', "en", None),
    ("<p>In 2023 the garden flooded twice before the summer came, and the tomatoes suffered.</p>", "en", None),
    # the nearest text above the title decides: a date further up, above a kicker, is no post's
    ("<h2>Tuesday, July 4, 2023</h2><div>Gardening</div>", "en", None),
])
def test_a_date_header_above_the_title(above: str, lang: str, published: str | None) -> None:
    page = _page("", f'<div class="post">{above}<h3>Tomatoes in the rain</h3>{STORY}</div>'
                 .replace("<h3>", "<h1>").replace("</h3>", "</h1>"), lang=lang)
    assert page.published_at_raw() == published


@pytest.mark.parametrize(("text", "lang", "dated"), [
    ("3일 전", "ko", True), ("3日前", "ja", True), ("2023年7月4日", "ja", True),
    # negatives: the time of day before noon holds the "ago" marker, and is no date
    ("오전 8:00", "ko", False), ("午前10:15", "ja", False), ("오후 1:11", "ko", False),
])
def test_a_clock_is_no_relative_date(text: str, lang: str, dated: bool) -> None:
    assert looks_like_date(text, lang) is dated


@pytest.mark.parametrize(("text", "lang", "day"), [
    ("2024年6月24日月曜日", "ja", "2024-06-24T00:00:00Z"),  # "月曜日" read as a second month before
    ("2024年6月24日(月)", "ja", "2024-06-24T00:00:00Z"),
    ("2023年7月4日星期二", "zh", "2023-07-04T00:00:00Z"),
    ("2023년 7월 4일 화요일", "ko", "2023-07-04T00:00:00Z"),
    ("2024年6月24日", "ja", "2024-06-24T00:00:00Z"),  # no weekday: unchanged
    ("月曜日", "ja", None),  # a weekday alone is no day
])
def test_a_cjk_weekday_after_the_day(text: str, lang: str, day: str | None) -> None:
    assert parse_visible_date(text, lang) == day


def _root(body: str):
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


LIST = "<ul>" + "<li>A long item of the post's own list, with words enough to weigh more than the text.</li>" * 4 + "</ul>"


@pytest.mark.parametrize(("body", "paragraphs"), [
    # a post written in divs, outweighed by its own list: its run of text divs are paragraphs
    ('<div class="post">' + "<div>A short paragraph.</div><div><br></div>" * 3 + f"{LIST}</div>", 3),
    # negatives: two text divs are no run (a teaser's snippet, a widget's lines)
    ('<div class="post">' + "<div>A short paragraph.</div>" * 2 + f"{LIST}</div>", 0),
    # a parent whose <p>s hold more prose than its text divs is written in paragraphs
    ('<div class="post">' + "<div>Short.</div>" * 3 + "<p>" + "A real paragraph of the post. " * 8 + "</p>" * 2
     + f"{LIST}</div>", 0),
])
def test_a_run_of_text_divs_is_a_posts_paragraphs(body: str, paragraphs: int) -> None:
    root = _root(body)
    text_divs_as_paragraphs(root)
    assert len([p for p in root.iter("p") if p.text in ("A short paragraph.", "Short.")]) == paragraphs


TEASERS = "<ul>" + "".join(f'<li><a href="/p{i}">Other post {i}</a><div>A snippet of another post of the site '
                           "that goes on for a while...</div></li>" for i in range(4)) + "</ul>"
SHORT_POST = '<div class="post"><p>A short post.</p><p>Of two lines.</p></div>'


@pytest.mark.parametrize(("body", "densest_class"), [
    (f'{SHORT_POST}<aside><div class="popular">{TEASERS}</div></aside>', "post"),
    # negatives: a linked list in the story's column weighs (a story's list of sources)
    (f'{SHORT_POST}<div class="popular">{TEASERS}</div>', "popular"),
    # a sidebar's list without links is text, and weighs
    ('<div class="post"><p>A short post.</p></div><aside><div class="popular"><ul>'
     + "<li>A sidebar's own text, long enough to weigh more than the post.</li>" * 3 + "</ul></div></aside>", "popular"),
])
def test_a_sidebars_teasers_do_not_weigh(body: str, densest_class: str) -> None:
    weights = paragraph_weights(_root(body))
    assert weights.most_common(1)[0][0].get("class") == densest_class


@pytest.mark.parametrize(("body", "blocks"), [
    # a bold minor heading after an ad's empty slot is a block of its own
    ('<div>First.<br><br><ins class="ad"></ins><script>ads()</script><b>Minor heading</b><br>Its paragraph.<br><br>'
     "<h2>H</h2></div>", ["First.", "Minor heading", "Its paragraph."]),
    ('<div>First.<br><br><b>Minor heading</b><br>Its paragraph.<br><br><h2>H</h2></div>',
     ["First.", "Minor heading", "Its paragraph."]),
    # negatives: a bold label that opens its line stays in its paragraph
    ('<div>First.<br><br><b>Note:</b> the line goes on.<br>And on.<br><br><h2>H</h2></div>',
     ["First.", "Note: the line goes on.And on."]),
    # a link beside the bold words is seen: the line is no heading alone
    ('<div>First.<br><br><a href="/x">See</a><b>this</b><br>Text.<br><br><h2>H</h2></div>',
     ["First.", "SeethisText."]),
])
def test_a_bold_line_is_a_minor_heading(body: str, blocks: list[str]) -> None:
    root = _root(body)
    wrap_inline_runs(root)
    assert [text_of(p).replace(" ", "") for p in root.iter("p")] == [b.replace(" ", "") for b in blocks]


REMOVED = "<p>This article is no longer available.</p>"


@pytest.mark.parametrize(("head", "body", "shown"), [
    # read as no article (no article URL, no byline, no date, no schema) yet a title and a body of text
    ("<title>Tomatoes in the rain</title>", f"<h1>Tomatoes in the rain</h1>{STORY}", True),
    # negatives: a removed article's notice; text and no title at all
    ("<title>Gone</title>", f"<h1>Gone</h1>{REMOVED}", False),
    ("", STORY.replace("<p>", "<div>").replace("</p>", "</div>"), False),
])
def test_a_page_read_as_no_article_may_still_show_one(head: str, body: str, shown: bool) -> None:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    page = page_for(HtmlResponse(f"{BASE}/en/page/about", body=html.encode(), encoding="utf-8"), BASE)
    assert not page.is_article()
    assert shows_an_article(page) is shown


@pytest.mark.parametrize(("text", "lang", "archive"), [
    ("by India Post News Weekly", "en", True), ("Alle Artikel von Tanja Karrasch", "de", True),
    ("View all posts by Ann Lee", "en", True),
    # negatives: names, some holding the word
    ("Tanja Karrasch", "de", False), ("Ursula von der Leyen", "de", False), ("Gian Luca Di Marco", "it", False),
    ("Pia Bypass", "en", False),
])
def test_an_author_archive_link_is_no_name(text: str, lang: str, archive: bool) -> None:
    assert _archive_link_text(text, lang) is archive
