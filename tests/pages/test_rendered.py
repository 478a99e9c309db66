"""The document as a browser renders it (pages/rendered.py): declarative shadow roots composed with
their slots, lazy and ``<noscript>`` images shown, custom elements read by role; and pages without
any of these left as parsed."""
from __future__ import annotations

import pytest
from lxml import etree
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.rendered import rendered_root
from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.pages.markup import lowered_markup
from ipgirl_crawler.pages.rendered import _CUSTOM_TAG, _CUSTOM_TAG_BYTES, _READ_ROLES, may_read_roles, render


def _rendered(body: str) -> tuple[str, dict[str, int]]:
    html = f"<html><body>{body}</body></html>"
    root = etree.fromstring(html, etree.HTMLParser())
    changed = render(root, html)
    inner = root.find("body")
    return (inner.text or "") + "".join(etree.tostring(c, encoding="unicode", method="html") for c in inner), changed


@pytest.mark.parametrize(("body", "expected"), [
    # the shadow tree replaces the host's content; light children show through their slots
    ('<x-card><template shadowrootmode="open"><h2><slot name="title">?</slot></h2><div><slot></slot></div>'
     '</template><span slot="title">Title</span><p>Text</p></x-card>',
     '<div class="x-card"><h2><span slot="title">Title</span></h2><div><p>Text</p></div></div>'),
    # the legacy attribute, and a slot nobody fills shows its fallback
    ('<x-a><template shadowroot="open"><p><slot name="date">no date</slot></p></template></x-a>',
     '<div class="x-a"><p>no date</p></div>'),
    # loose text goes to the unnamed slot, in order
    ('<x-b><template shadowrootmode="open"><p>Hi <slot></slot>!</p></template>world</x-b>',
     '<div class="x-b"><p>Hi world!</p></div>'),
    # nested hosts: the inner shadow tree composes inside the outer one
    ('<x-o><template shadowrootmode="open"><x-i><template shadowrootmode="open"><h3><slot></slot></h3>'
     '</template><slot></slot></x-i></template>Inner</x-o>',
     '<div class="x-o"><div class="x-i"><h3>Inner</h3></div></div>'),
    # only the first shadow root of a host counts
    ('<x-c><template shadowrootmode="open"><p>one</p></template><template shadowrootmode="open"><p>two</p>'
     '</template></x-c>',
     '<div class="x-c"><p>one</p></div>'),
])
def test_shadow_roots_compose_into_their_hosts(body: str, expected: str) -> None:
    assert _rendered(body)[0] == expected


@pytest.mark.parametrize("body", [
    '<template><p>a plain template is inert</p></template>',  # no shadowrootmode: not rendered
    '<div><template shadowrootmode="bogus"><p>x</p></template></div>',
    '<p>plain <b>page</b></p>',
])
def test_what_is_no_shadow_root_stays(body: str) -> None:
    assert _rendered(body)[0] == body


@pytest.mark.parametrize(("body", "expected"), [
    # the lazy placeholder goes, the noscript image shows
    ('<p><img src="data:image/gif;base64,R0l" data-src="/a.jpg"><noscript><img src="/a.jpg" alt="A"></noscript></p>',
     '<p><img src="/a.jpg" alt="A"></p>'),
    # an image only in noscript
    ('<figure><noscript><img src="/b.jpg"></noscript><figcaption>B</figcaption></figure>',
     '<figure><img src="/b.jpg"><figcaption>B</figcaption></figure>'),
    # lazy sources without noscript
    ('<img data-src="/c.jpg">', '<img data-src="/c.jpg" src="/c.jpg">'),
    ('<img src="data:," data-srcset="/d.jpg 1x, /d2.jpg 2x">', '<img src="/d.jpg" data-srcset="/d.jpg 1x, /d2.jpg 2x">'),
    # negatives: a tracking pixel stays hidden, a noscript with text stays, a real src stays
    ('<noscript><img src="/px.gif" width="1" height="1"></noscript>', '<noscript><img src="/px.gif" width="1" height="1"></noscript>'),
    ('<noscript><p>Enable JavaScript</p><img src="/e.jpg"></noscript>', '<noscript><p>Enable JavaScript</p><img src="/e.jpg"></noscript>'),
    ('<img src="/f.jpg" data-src="/g.jpg">', '<img src="/f.jpg" data-src="/g.jpg">'),
    # an ad script's stand-in banner stays hidden
    ('<center><script>document.write("ad")</script><noscript><a href="https://ads.example/c"><img src="/ad.gif">'
     '</a></noscript></center>',
     '<center><script>document.write("ad")</script><noscript><a href="https://ads.example/c"><img src="/ad.gif">'
     '</a></noscript></center>'),
])
def test_lazy_and_noscript_images_show(body: str, expected: str) -> None:
    assert _rendered(body)[0] == expected


@pytest.mark.parametrize(("body", "expected"), [
    ('<amp-img src="/a.jpg" alt="A" width="4" height="3"></amp-img>', '<img src="/a.jpg" alt="A" width="4" height="3" class="amp-img">'),
    ('<amp-img src="/a.jpg"><noscript><img src="/a.jpg"></noscript></amp-img>', '<img src="/a.jpg">'),
    ('<lazy-image data-src="/b.webp"></lazy-image>', '<img data-src="/b.webp" class="lazy-image" src="/b.webp">'),
    ('<x-h role="heading" aria-level="3">Sub</x-h>', '<h3 role="heading" aria-level="3" class="x-h">Sub</h3>'),
    ('<x-p role="paragraph">Text</x-p>', '<p role="paragraph" class="x-p">Text</p>'),
    ('<site-nav role="navigation"><a href="/">Home</a></site-nav>', '<nav role="navigation" class="site-nav"><a href="/">Home</a></nav>'),
    # a lazy component: its shadow tree's placeholder shows the element's data-src; the caption is slotted,
    # the noscript fallback (unslotted) is not shown twice
    ('<x-image data-src="/c.jpg"><template shadowrootmode="open"><figure><img src="data:image/svg+xml,x" alt="C">'
     '<figcaption><slot name="caption"></slot></figcaption></figure></template><span slot="caption">Cap</span>'
     '<noscript><img src="/c.jpg"></noscript></x-image>',
     '<figure><img src="/c.jpg" alt="C"><figcaption><span slot="caption">Cap</span></figcaption></figure>'),
    ('<relative-time datetime="2024-05-01T10:00:00Z">3 days ago</relative-time>',
     '<time datetime="2024-05-01T10:00:00Z" class="relative-time">3 days ago</time>'),
    # negatives: a custom element with a non-image src is no image; a plain element keeps its tag
    ('<video-player src="/v.mp4"></video-player>', '<div src="/v.mp4" class="video-player"></div>'),
    ('<div role="region">Not custom</div>', '<div role="region">Not custom</div>'),
    ('<amp-ad type="x"><div>fallback</div></amp-ad>', '<div type="x" class="amp-ad"><div>fallback</div></div>'),
])
def test_custom_elements_read_by_role(body: str, expected: str) -> None:
    assert _rendered(body)[0] == expected


def test_a_page_without_signs_is_left_as_parsed() -> None:
    assert _rendered("<p>Plain <img src='/a.jpg'> text</p>")[1] == {}


SHADOW_ARTICLE = """<html lang="en"><head><title>T</title></head><body>
<article-page><template shadowrootmode="open"><article><h1><slot name="title"></slot></h1>
<p class="byline"><slot name="byline"></slot></p><div class="content"><slot></slot></div></article></template>
<span slot="title">A composed title</span><span slot="byline">By Ann Lee, <time datetime="2024-05-01">May 1, 2024</time></span>
<p>First paragraph of the article, long enough to be the body of this page for the reader.</p>
<p>Second paragraph of the article, also long enough to count as text of the body here.</p>
<lazy-img data-src="/img/a.jpg"></lazy-img>
</article-page></body></html>"""


def test_the_page_object_reads_the_composed_page() -> None:
    response = HtmlResponse("https://example.org/en/article/12-a", body=SHADOW_ARTICLE.encode(), encoding="utf-8")
    page = page_for(response, "https://example.org")
    assert page.title() == "A composed title"
    assert page.published_at_raw() == "2024-05-01"
    assert "First paragraph" in page.raw_body_html() and 'src="/img/a.jpg"' in page.raw_body_html()
    assert "By Ann Lee" not in page.raw_body_html()


def test_page_root_renders_once() -> None:
    response = HtmlResponse("https://example.org/a", body=b"<html><body><amp-img src='/a.jpg'></amp-img></body></html>")
    assert rendered_root(response).find(".//img").get("src") == "/a.jpg"


@pytest.mark.parametrize(("body", "kept"), [
    # a forum's crawler view shipped in <noscript> beside the page: the copy goes, the page stays
    ('<noscript><div><h1>Topic</h1><p>Copy of the post.</p></div></noscript><main><h1>Topic</h1><p>The post.</p></main>',
     '<main><h1>Topic</h1><p>The post.</p></main>'),
    # negative: the copy is all the page shows (an app shell without its h1): it stays to be read
    ('<noscript><div><h1>Topic</h1><p>The post.</p></div></noscript><div id="app"></div>',
     '<noscript><div><h1>Topic</h1><p>The post.</p></div></noscript><div id="app"></div>'),
    # negative: a noscript without a heading (a notice) is no copy of the page
    ('<noscript><p>Enable JavaScript</p></noscript><h1>Topic</h1>', '<noscript><p>Enable JavaScript</p></noscript><h1>Topic</h1>'),
])
def test_a_noscript_copy_of_the_page_is_not_shown(body: str, kept: str) -> None:
    assert _rendered(body)[0] == kept


@pytest.mark.parametrize(("body", "expected"), [
    # a block editor's heading blocks: a div, span or p marked as a heading is one, of its level
    ('<div role="heading" aria-level="2">Why it matters</div>', '<h2 role="heading" aria-level="2" class="div">Why it matters</h2>'),
    ('<div role="heading" aria-level="3">Sub</div>', '<h3 role="heading" aria-level="3" class="div">Sub</h3>'),
    ('<span role="heading">No level</span>', '<h2 role="heading" class="span">No level</h2>'),
    # an emoji icon drawn with a character is a picture, its character its alt; a short control label a button
    ('<div role="img" aria-label="💡">💡</div>', '<img role="img" aria-label="💡" alt="💡" class="div">'),
    ('<div role="button">3 backlinks</div>', '<button role="button" class="div">3 backlinks</button>'),
    # negatives: other roles on plain elements, a heading role on a list item, a "button" of prose
    # (a clickable card), a role=img around a real picture, stay
    ('<div role="region">Not custom</div>', '<div role="region">Not custom</div>'),
    (f'<div role="button">{"A card of text that a reader reads. " * 3}</div>', f'<div role="button">{"A card of text that a reader reads. " * 3}</div>'),
    ('<span role="img"><img src="/a.jpg"></span>', '<span role="img"><img src="/a.jpg"></span>'),
    ('<li role="heading">Item</li>', '<li role="heading">Item</li>'),
    ('<div class="heading">Looks like one</div>', '<div class="heading">Looks like one</div>'),
])
def test_plain_elements_read_by_role(body: str, expected: str) -> None:
    assert _rendered(body)[0] == expected


@pytest.mark.parametrize(("html", "reads"), [
    ('<div role="heading" aria-level="2">Title</div>', True),
    ("<span ROLE = 'IMG'>*</span>", True),
    ('<div role=button>Copy</div>', True),
    ('<p role\u00a0=\u3000"Heading">Title</p>', True),      # Unicode spaces, as \s matches them
    ('<p role=\u2009heading>Title</p>', True),
    ('<p>Café, naïve, 東京</p><div role="img">🌊</div>', True),  # non-ASCII text before the role
    # negative: no role, another role, the word without an attribute's "="
    ('<div class="heading">Title</div>', False),
    ('<div role="navigation"><a href="/">Home</a></div>', False),
    ('<p>The role of a heading in prose</p>', False),
    ('<p>东京 role：heading</p>', False),                  # a full-width colon is no "="
    ('', False),
])
def test_the_role_gate_reads_as_the_case_insensitive_search(html: str, reads: bool) -> None:
    assert may_read_roles(html) is reads
    assert bool(_READ_ROLES.search(html)) is reads


@pytest.mark.parametrize(("html", "custom"), [
    ("<x-card>Text</x-card>", True),
    ("<AMP-IMG src=a.jpg></AMP-IMG>", True),                 # upper case: the parser lowercases tags
    ("<p>東京</p><relative-time datetime=2020>x</relative-time>", True),
    # negative: no end tag of a name with a dash, or a dash after a non-ASCII letter
    ("<p>a - b</p><hr/>", False),
    ("<div data-x-y=1>x</div>", False),
    ("</é-x>", False),
    ("</1-x>", False),
])
def test_the_custom_element_gate_reads_as_the_text_search(html: str, custom: bool) -> None:
    assert bool(_CUSTOM_TAG.search(html)) is custom
    assert bool(_CUSTOM_TAG_BYTES.search(lowered_markup(html))) is custom
