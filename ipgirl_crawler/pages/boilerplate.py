"""Blocks of a structural body that are page chrome, not article: link lists and noise widgets.

On a page nobody here wrote, the body container (the common ancestor of the title and the
densest text) often holds a site's menus, "most popular" lists, comments and share bars too.
Two signs readability-style extractors use, both read by structure: a block whose text is
mostly link text is a list of links, and a block standing
in a widget named for noise (``comments``, ``sidebar``, ``related``…) below the container is
that widget's — unless the widget also holds the page's main text (a site may name its whole
article ``content-wrapper social``). On the benchmark's real pages (../shared/realpages) they take
precision from 0.80 to 0.88 (recall 0.97 -> 0.88: a wide widget name can take the body with it); the second opinion then
brings the lost bodies back (F1 0.88 alone, 0.958 with it).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import islice

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import common_ancestor, text_content, text_of
from ipgirl_crawler.pages.class_names import name_words
from ipgirl_crawler.pages.marks import is_mark_link, is_notes_list
from ipgirl_crawler.pages.other_articles import other_articles

# Above this share of link text a block is a list of links, not prose ("Read also" lines are
# links too, but the body pipeline reads those by their label).
MAX_LINK_DENSITY = 0.5
ALL_LINK = 0.95
# Ads are left to the body pipeline, which removes and counts them (pipelines/body.py); "caption"
# is no noise (a captioned figure is the body's).
NOISE_WORDS = frozenset({
    "newsletter", "share", "sharing", "social", "related", "comment", "comments", "sidebar", "popular",
    "widget", "recommended", "trending", "footer", "subscribe", "outbrain", "taboola", "breadcrumb", "breadcrumbs",
    "gallery", "slideshow", "carousel", "modal", "recirc", "toolbar", "dateline", "timestamp", "bio", "tags",
    "byline", "author", "credit", "signup", "nav", "menu",
    # What real sites name the same widgets (eval-dev, half A): WordPress's post footer ("Erstellt am …
    # abgelegt unter … Kommentare im RSS 2.0 Feed"), an advertiser disclosure, a shop's buy box, an embed
    # held back until consent ("content-blocker"), comments named in the site's language.
    "postmetadata", "disclosure", "buybox", "paywall", "blocker",
    "kommentare", "commentaires", "comentarios", "commenti", "komentarze",
})
_NAME_WORDS = re.compile(r"[a-z0-9]+")
# camelCase names ("emailSignup", "shareBar", "relatedContent"): their words split where the case turns.
_CAMEL_HUMP = re.compile(r"[a-z][A-Z]")
_CAMEL_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
# A box with a form to fill in and only this much text is a call to action (newsletter sign-up,
# comment box), not article; more when the form names itself for noise (action="/newsletter").
MAX_WIDGET_CHARS, MAX_NAMED_WIDGET_CHARS = 300, 600
# Inputs a reader types into; hidden, checkbox or radio inputs alone make no sign-up form.
_TYPED_INPUTS = frozenset({"", "text", "email", "search", "tel", "url"})
_SUBMIT_INPUTS = frozenset({"submit", "image"})
# Beside its list a table of contents holds a title and a toggle ("Table of Contents [hide]": 24).
MAX_TOC_TITLE_CHARS = 60


def is_link_list(block: HtmlElement) -> bool:
    """Mostly link text over several links, or one link and nothing else. A paragraph with one of
    its sentences linked is prose, however long that sentence. Characters are counted as a reader
    sees them, blanks left out: a template's indentation between cards (a list of linked titles and
    their dates) had weighed as text (eval-dev must-not snippets kept 125 -> 115, benchmark P 0.958 -> 0.961)."""
    # a footnote's mark ("…citations.[4]") is no link a reader follows away: era AC's closing paragraph
    # with one linked sentence and a mark went as a two-link list on 30 of 120 pages
    anchors = [a for a in block.iter("a") if not is_mark_link(a)]
    if not anchors or len(anchors) == 1 and _opens_its_picture(anchors[0]):
        return False
    links = [_visible_chars(text_content(a)) for a in anchors]
    text = _visible_chars(text_content(block))
    density = sum(links) / text if text else 0.0
    return density > MAX_LINK_DENSITY and (len(links) > 1 or density >= ALL_LINK)


_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.IGNORECASE)


def _opens_its_picture(link: HtmlElement) -> bool:
    """A link around a picture to that picture's file (a lightbox, "view full size"): the picture is
    the story's, the link no navigation (era Z: every figure went as a one-link list on 25 of 120
    pages). A picture linking elsewhere (an ad's banner) is no such thing."""
    image = next(link.iter("img"), None)
    href = (link.get("href") or "").strip()
    return image is not None and bool(href) and (href == (image.get("src") or "").strip() or bool(_IMAGE_FILE.search(href)))


def _noise_named(element: HtmlElement) -> bool:
    return _names_noise(f"{element.get('class') or ''} {element.get('id') or ''}")


@lru_cache(maxsize=4096)  # each block's ancestors are asked again for the next block, with the same names
def _names_noise(names: str) -> bool:
    return bool(names.strip()) and not NOISE_WORDS.isdisjoint(name_words(names)) \
        or _CAMEL_HUMP.search(names) is not None and not NOISE_WORDS.isdisjoint(
            w.lower() for w in _CAMEL_WORDS.findall(names))


def in_noise_widget(block: HtmlElement, container: HtmlElement, main: set[HtmlElement],
                    widgets: frozenset[HtmlElement] = frozenset()) -> bool:
    """Whether ``block`` or an ancestor below ``container`` is a form widget, or is named for noise
    and holds no main text."""
    for element in (block, *block.iterancestors()):
        if element is container:
            return False
        if element in widgets or element not in main and _noise_named(element):
            return True
    return False


def _is_entry_form(form: HtmlElement) -> bool:
    """A field to type into and a button to send it: what a sign-up or comment form is made of."""
    typed = submit = False
    for field in form.iter("input", "textarea", "button"):
        kind = (field.get("type") or "").strip().lower()
        if field.tag == "textarea" or field.tag == "input" and kind in _TYPED_INPUTS:
            typed = True
        elif field.tag == "button" and kind in ("", "submit") or kind in _SUBMIT_INPUTS:
            submit = True
    return typed and submit


def form_widgets(container: HtmlElement, main: set[HtmlElement]) -> frozenset[HtmlElement]:
    """The boxes around the container's entry forms that hold little else: each form's widest
    ancestor below the container, short of the main text's, whose text stays short."""
    widgets = set()
    for form in container.iter("form"):
        if not _is_entry_form(form):
            continue
        named = _noise_named(form) or not NOISE_WORDS.isdisjoint(
            _NAME_WORDS.findall(f"{form.get('action') or ''} {form.get('name') or ''}".lower()))
        limit, widget = MAX_NAMED_WIDGET_CHARS if named else MAX_WIDGET_CHARS, None
        for element in (form, *form.iterancestors()):
            if element is container or element in main or len(text_of(element)) > limit:
                break
            widget = element
        if widget is not None:
            widgets.add(widget)
    return frozenset(widgets)


def _is_fragment_link(link: HtmlElement) -> bool:
    href = (link.get("href") or "").strip()
    return len(href) > 1 and href[0] == "#"


def contents_boxes(container: HtmlElement) -> frozenset[HtmlElement]:
    """Tables of contents: a list of two or more links, all to places in the page (``#section``) and
    nothing else, with the box around it that holds only its title and a show/hide toggle. A list of
    footnotes links back with "↩" beside its own text: its text is not all link text."""
    boxes = set()
    for box in container.iter("ul", "ol"):
        links = list(box.iter("a"))
        if len(links) < 2 or not all(map(_is_fragment_link, links)) or not is_link_list(box) \
                or any(a in boxes for a in box.iterancestors()):
            continue
        list_chars = len(text_content(box).strip())
        for element in box.iterancestors():
            if element is container or len(text_content(element).strip()) - list_chars > MAX_TOC_TITLE_CHARS:
                break
            box = element
        boxes.add(box)
    return frozenset(boxes)


# What a mailing's opt-out link says in its address, whatever the language of its text
# (list-manage.com/unsubscribe, /optout, ?action=opt-out).
OPT_OUT_HREFS = ("unsubscribe", "optout", "opt-out", "opt_out")
# A mailing's footer (copyright, why you get it, the sender's postal address, preferences and opt-out
# links) is short (held-out era W's: 175-360 characters); the box around it that holds more, or the
# page's title, holds the story too.
MAX_MAILING_FOOTER_CHARS = 1000


def mailing_footers(container: HtmlElement) -> frozenset[HtmlElement]:
    """The footers of a mailing shown on the web (a newsletter's "view in browser" page): the widest
    short box below the container around each opt-out link. Chrome the law makes every mailing carry
    (CAN-SPAM: the sender's postal address, a way to unsubscribe), never the story."""
    footers = set()
    for link in container.iter("a"):
        href = (link.get("href") or "").lower()
        if not any(token in href for token in OPT_OUT_HREFS):
            continue
        footer = None
        for element in (link, *link.iterancestors()):
            if element is container or len(text_of(element)) > MAX_MAILING_FOOTER_CHARS \
                    or next(element.iter("h1"), None) is not None:  # a short story (CJK) and its title
                break
            footer = element
        if footer is not None:
            footers.add(footer)
    return frozenset(footers)


def article_blocks(blocks: list[HtmlElement], container: HtmlElement | None,
                   main_text: HtmlElement | None) -> list[HtmlElement]:
    """``blocks`` without link lists, noise widgets and tables of contents; ``main_text`` is the
    densest text's parent."""
    if container is None:
        return blocks
    main = {main_text, *main_text.iterancestors()} if main_text is not None else set()
    widgets = form_widgets(container, main) | contents_boxes(container) | mailing_footers(container) \
        | other_articles(container, main_text)
    lists = {b for b in blocks if is_link_list(b) or is_notes_list(b)}
    kept = [b for b in blocks if b not in lists and not in_noise_widget(b, container, main, widgets)]
    titles = list_titles(kept, lists, blocks)
    return without_orphan_headings([b for b in kept if b not in titles] if titles else kept)


_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", ":", "：")


def list_titles(kept: list[HtmlElement], lists: set[HtmlElement], blocks: list[HtmlElement] = ()) -> set[HtmlElement]:
    """Short title lines of the link lists that go ("Recommended" over two stories' links, as a
    paragraph rather than a heading): the line just before the list, no sentence, in a box that holds
    nothing else (61 of 120 era V pages kept such a title). The line may stand in a wrapper of its own
    beside the list (``<div><div><p>Explore further</p></div><a>…</a></div>``): then the box is the
    two's nearest common ancestor (``_title_before``). A line before prose, or in a box with
    more text, a heading (a permalink "#" after it is no list: era P lost every heading) or a
    figure (its caption is short too) stays."""
    titles = set()
    for block in lists:
        title, box = block.getprevious(), block.getparent()
        if title is None or title not in kept:
            title, box = _title_before(block, blocks, kept)
        # A heading is left to without_orphan_headings; one link ("#", a heading's permalink) is no list.
        if title is None or title not in kept or box is None or title.tag in _HEADING_LEVELS \
                or next(title.iter("img"), None) is not None or next(islice(block.iter("a"), 1, None), None) is None \
                and not _is_nested_title(title, block):
            continue
        text = text_of(title)
        if len(text) > MAX_TOC_TITLE_CHARS or text.endswith(_SENTENCE_ENDS):
            continue
        shown = len(text.replace(" ", "")) + sum(len(text_of(b).replace(" ", "")) for b in lists if box in b.iterancestors())
        if shown >= len(text_of(box).replace(" ", "")):
            titles.add(title)
    return titles


def _title_before(block: HtmlElement, blocks: list[HtmlElement], kept: list[HtmlElement]) -> tuple[HtmlElement | None, HtmlElement | None]:
    """The kept block just before ``block`` in reading order and the nearest box holding both."""
    at = blocks.index(block) if block in blocks else 0
    title = blocks[at - 1] if at else None
    return (title, common_ancestor(title, block)) if title is not None and title in kept else (None, None)


def _is_nested_title(title: HtmlElement, block: HtmlElement) -> bool:
    """A title in a wrapper of its own over a single link ("Explore further", then one story's link):
    the two are not siblings, so the link is no heading's permalink."""
    return title.getparent() is not block.getparent()


_HEADING_LEVELS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def without_orphan_headings(blocks: list[HtmlElement]) -> list[HtmlElement]:
    """A heading introduces what follows it: one with nothing after it, or only a heading of its own
    level or above, headed a widget that is gone ("Mehr zum Thema" over a list of links)."""
    kept: list[HtmlElement] = []
    for block in reversed(blocks):
        level = _HEADING_LEVELS.get(block.tag)
        if level is not None:
            following = _HEADING_LEVELS.get(kept[-1].tag) if kept else 0
            if following is not None and following <= level:
                continue
        kept.append(block)
    return kept[::-1]


# Text a reader does not read as prose: link lists, form controls, code.
_NOT_PROSE = frozenset({"a", "select", "button", "script", "style", "noscript", "template"})


def _visible_chars(text: str) -> int:
    # Counting the common blanks runs in C; a menu's indentation weighs nothing.
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


def prose_chars(paragraph: HtmlElement) -> int:
    """Characters of a paragraph's text, blanks left out, but for its links and form controls."""
    chars = _visible_chars(text_content(paragraph))
    if len(paragraph):  # most paragraphs hold no element: nothing to take away
        # Tags compared here, not by lxml's tag filter, which is set up anew on each call: the
        # densest element's weighing 0.89 -> 0.82 ms a real page (a site page's paragraphs hold few elements: even).
        for element in paragraph.iterdescendants():
            if element.tag in _NOT_PROSE:
                chars -= _visible_chars(text_content(element))
    return max(0, chars)


MIN_TEASER_ITEMS = 2
_SIDEBARS = frozenset({"aside", "nav"})


def is_teaser_list(parent: HtmlElement) -> bool:
    """Whether ``parent`` is a list in a sidebar whose every item (``MIN_TEASER_ITEMS`` or more) holds a link."""
    items = [child for child in parent if child.tag == "li"]
    return len(items) >= MIN_TEASER_ITEMS and all(any(a.get("href") for a in item.iter("a")) for item in items) \
        and any(a.tag in _SIDEBARS or a.get("role") == "complementary" for a in parent.iterancestors())


def paragraph_weights(root: HtmlElement) -> Counter[HtmlElement]:
    """Paragraph text per element that holds it (``prose_chars``: a sidebar's list of recent comments,
    a menu's indentation, an archive's month picker outweighed short posts on real pages): a ``<p>``
    weighs in its parent, an ``<li>`` in its list's parent. A block editor's text divs were made
    paragraphs before (``text_divs_as_paragraphs``); other pages' text divs are teasers and widgets
    and weigh nothing (two real pages lost their story to a display:none copy in divs)."""
    weights: Counter[HtmlElement] = Counter()
    teasers: dict[HtmlElement, bool] = {}
    # One walk in C (the //body//p | //body//li union cost more: it sorts what it finds).
    for paragraph in (p for body in root.iter("body") for p in body.iter("p", "li")):
        parent = paragraph.getparent()
        if parent is None:
            continue
        if paragraph.tag == "li":
            if parent not in teasers:
                teasers[parent] = is_teaser_list(parent)
            if teasers[parent]:
                continue
        weights[parent if paragraph.tag == "p" else parent.getparent()] += prose_chars(paragraph)
    weights.pop(None, None)
    return weights
