"""Reading rules for classic blog pages (a hosted blog's post page: the blog's name as the ``h1``, the
date above the post, "Posted by … at …" under it), table-driven with their negative cases (issue 21)."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.eras import page_for

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
    # a headline set in the page's <header> (linking nowhere) is no site name: it stays the title
    (OG, '<header><h1>A headline in the header</h1></header><div class="post"><h2>Tomatoes in the rain</h2>'
     f'{STORY}</div>', "A headline in the header"),
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
