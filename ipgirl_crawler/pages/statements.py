"""The page's "second statements": what its metadata says about the fields the item carries.

A reader sees the ``h1``, the byline and the visible date; the page's head restates them for
machines (``og:title``, JSON-LD ``headline``, ``meta description``, ``meta author``,
``article:published_time``, JSON-LD ``datePublished``), and the header shows its date with a
machine-readable instant (``<time datetime>``, a web component's ``<relative-time datetime>``).
The crawl's cross-checks (``ipgirl_crawler.run.crosschecks``) match each field against these, so a parser that reads a field wrong is seen even when the
field is present. Read from the page object's lookups already made (``meta``, ``json_ld``), so
they cost a few dictionary reads a page; ``ArticlePage``'s field methods stay untouched.
"""
from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ipgirl_crawler.discovery.urls import absolute, article_key, article_ref, same_origin
from ipgirl_crawler.pages.anchors import prefix_pattern
from ipgirl_crawler.pages.byline import split_names
from ipgirl_crawler.pages.body_region import body_region
from ipgirl_crawler.pages.chrome_slots import body_slots
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.jsonstate import field
from ipgirl_crawler.pages.people import ld_people, objects_by_id
from ipgirl_crawler.pages.restated import author_links, bylines, edits, publications, tag_groups, tag_metas, updates
from ipgirl_crawler.pages.taglinks import is_tag_page, outside_cards, tag_names
from ipgirl_crawler.pages.text import normalize_text

# Metadata that names the publication instant, most specific first.
_PUBLISHED_META = ("article:published_time", "datePublished", "og:published_time", "pubdate")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified")
# A date in the header inside one of these is another article's (a "latest" list, a card, a sidebar).
_OTHER_ARTICLES = frozenset({"a", "li", "aside", "nav"})
def _dated(page: Any) -> list[Any]:
    """Machine-readable dates, in document order: any element's ``datetime``; hAtom's ``<abbr
    class="published" title=ISO>``. A pass over the page's elements the reading indexed already
    (``positions``): 0.04 ms a page, the union XPath 0.07."""
    return [node for node in page.positions if node.get("datetime") is not None
            or (node.tag == "abbr" and node.get("title") is not None and "published" in (node.get("class") or ""))]
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _text(value: Any) -> str | None:
    return normalize_text(value) or None if isinstance(value, str) else None


def _titles(page: Any) -> list[str]:
    found = [_text(page.meta.get("og:title")), _text(page.meta.get("twitter:title")),
             _text(page.json_ld.get("headline")), _text(page.json_ld.get("name"))]
    return list(dict.fromkeys(t for t in found if t))


def _descriptions(page: Any) -> list[str]:
    found = [_text(page.meta.get("description")), _text(page.meta.get("og:description")),
             _text(page.json_ld.get("description"))]
    return list(dict.fromkeys(t for t in found if t))


def _published(page: Any) -> list[str]:
    found = [_text(page.meta.get(name)) for name in _PUBLISHED_META]
    found.append(_text(page.json_ld.get("datePublished")))
    # <meta itemprop="datePublished" content=…> (microdata) carries no name or property.
    for node in page.tagged.by_tag["meta"]:
        if node.get("itemprop") == "datePublished":
            found.append(_text(node.get("content")))
    return list(dict.fromkeys(t for t in found if t))


def _modified(page: Any) -> list[str]:
    found = [_text(page.meta.get(name)) for name in _MODIFIED_META] + [_text(page.json_ld.get("dateModified"))]
    found += _state_dates(page, "modified")
    return list(dict.fromkeys(t for t in found if t))


def _header_dates(page: Any) -> list[str]:
    """The machine-readable dates (any element's ``datetime``: ``<time>``, ``<relative-time>``;
    hAtom ``abbr.published[title]``) of the article's own header (inside the element holding its
    title and body, before the body's first block), or labelled as the publication anywhere after
    it and before the related cards ("Published on <time …>" below the body); in no link, list item,
    sidebar, nav or ``<article>`` but the title's (another article's date), and not labelled as the
    update. Comments and dates inside the body carry no such label and stand after the first
    block, the cards after their heading: they state nothing about this article's publication."""
    container, blocks = page.body_container(), page.body.blocks
    if container is None or not blocks:
        return []
    start, end = page.positions.get(container, -1), page.positions.get(blocks[0], -1)
    cards = page.positions.get(page.discover_heading(), 1 << 30)
    own = set(page._title.iterancestors()) if page._title is not None else set()
    found = []
    for node in _dated(page):
        position = page.positions.get(node, -1)
        if not start < position < cards or any(
                a.tag in _OTHER_ARTICLES or a.tag == "article" and a not in own for a in node.iterancestors()):
            continue
        if (position < end or _labelled_published(page, node)) and not page._is_update_stamp(node):
            value = _text(node.get("datetime") if node.get("datetime") is not None else node.get("title"))
            found.append(value if value and _ISO_DAY.match(value) else None)
    return list(dict.fromkeys(t for t in found if t))


def _labelled_published(page: Any, node: Any) -> bool:
    parent = node.getparent()
    match = prefix_pattern(page.language or "en").match(text_of(parent)) if parent is not None else None
    return bool(match and match.lastgroup == "published")


def _state_dates(page: Any, name: str) -> list[str]:
    """A client-rendered page's dates in its JSON state (``StatePage.article``): its only machine
    statement, the one its reading comes from, so it checks the value's conversion, not its choice."""
    article = getattr(page, "article", None)
    value = field(article, name) if isinstance(article, dict) else None
    return [value] if isinstance(value, str) and _ISO_DAY.match(value.strip()) else []


def _published_or_shown(page: Any) -> list[str]:
    """The publication instants the page states: its metadata's, its JSON state's, and the header's
    dates that are not the modification instant its metadata states."""
    modified = set(_modified(page))
    try:
        shown = [d for d in _header_dates(page) if d not in modified]
    except Exception:  # a page without the regions the header is found by: its metadata still states
        shown = []
    return list(dict.fromkeys([*_published(page), *_state_dates(page, "published"), *shown]))


def _authors(page: Any) -> dict[str, list[str]]:
    language = page.language or "en"
    found: dict[str, list[str]] = {}
    if page.json_ld:
        # an organisation as the author (a wiki's "Contributors to X") states no byline: era AC's people were
        # called contradicted by it on 5 of 58 checkable pages
        named = ld_people(page.json_ld, objects_by_id(page.ld_objects), organizations=False)
        if named:
            found["ld"] = [normalize_text(n) for n in named if normalize_text(n)]
    meta = page.meta.get("author")
    if meta:
        found["meta"] = split_names(meta, language)
    shown = _header_byline(page)
    if shown:
        found["byline"] = shown
    return found


_LINE_TAGS = frozenset({"p", "div", "span", "em", "i", "address"})
MAX_WRITERS_LINE_CHARS = 200


def _header_byline(page: Any) -> list[str]:
    """The names of the header's "By A and B" line that links no one, between the title and the
    body's first block: where a platform links only the account that posted a co-written story, this
    line names every writer (era AB: authors right on 74 % of pages, estimated 100 % from the meta
    author, which names the account alone). A byline with links is read by them: the words beside a
    linked name are its role ("By <a>Mei Lin</a>, rédactrice en chef": era T, 9 of 300 pages blamed)."""
    title, blocks = page._title, page.body.blocks
    if title is None or not blocks:
        return []
    start, end = page.positions.get(title, -1), page.positions.get(blocks[0], -1)
    pattern = prefix_pattern(page.language or "en")
    for element in page.elements[start + 1:end]:
        if not isinstance(element.tag, str) or element.tag not in _LINE_TAGS or next(element.iter("a"), None) is not None:
            continue
        text = text_of(element)
        match = pattern.match(text) if len(text) <= MAX_WRITERS_LINE_CHARS else None
        if match and match.lastgroup == "by":
            return split_names(text[match.end():], page.language or "en")
    return []


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_NOT_HEADER = frozenset({"nav", "aside"})  # a menu's or a sidebar's tag links
MAX_RELATED_SCAN = 400  # elements after the heading: a card list of 4-6 cards is ~60 (W: 48)
# An image a browser shows this narrow is an icon or a portrait, never an article's figure: the
# local site's avatars are 40 pixels wide, its share icons 24; its figures 264 or more.
ICON_PX = 64
MAX_SMALL_IMAGES = 20
# The images that state a width (an XPath: 5 µs on a 337-element site-builder page, iter("img") 250).
_SIZED_IMAGES = etree.XPath("//img[@width or @style]")
_CSS_WIDTH = re.compile(r"(?<![\w-])(?:max-)?width\s*:\s*(\d+(?:\.\d+)?)px", re.IGNORECASE)


def shown_width(img: Any) -> float | None:
    """The CSS pixels an ``<img>`` is shown wide: its inline style's (max-)width, else its width attribute."""
    style = img.get("style") or ""
    found = _CSS_WIDTH.search(style) if "px" in style else None
    if found:
        return float(found[1])
    width = (img.get("width") or "").strip()
    return float(width) if width.isdigit() else None


def _small_images(page: Any) -> list[str]:
    """The absolute URLs of the page's images shown ``ICON_PX`` wide or less."""
    found = []
    for img in _SIZED_IMAGES(page.root):
        width, src = shown_width(img), img.get("src")
        url = absolute(page.response.url, src) if src and width is not None and width <= ICON_PX else None
        if url and url not in found:
            found.append(url)
    return found[:MAX_SMALL_IMAGES]


def _header_tags(page: Any) -> list[str]:
    """The tags the article's header shows: links to the site's tag pages between the title and
    the body's first block, in no nav or aside, nor a ``<header>`` other than the title's (a
    sidebar's "Tags" list of the site stands elsewhere: held-out forum design Z read it on 12 of 23
    pages)."""
    blocks, title = page.body.blocks, page._title
    start = page.positions.get(title, -1) if title is not None else -1
    end = page.positions.get(blocks[0], -1) if blocks else -1
    if start < 0:
        return []
    own = set(title.iterancestors())
    links = [link for link in page.root.iter("a") if start < page.positions.get(link, -1) < end
             and is_tag_page(page.resolve(link.get("href"))) and same_origin(page.resolve(link.get("href")), page.base_url)
             and not any(a.tag in _NOT_HEADER or a.tag == "header" and a not in own for a in link.iterancestors())]
    return tag_names(links, unique=True)


_NOT_CLOSING = frozenset({"nav", "aside", "header", "footer"})


def _closing_tags(page: Any) -> list[str]:
    """The tags a box after the body links (a wiki's categories box, a "Tags:" line under the story):
    links to the site's tag pages after the body's last block, in no menu, sidebar, header or footer,
    in a box that links no article (a card's tag is the card's). Read only when the header links none
    (era AC: tags wrong on 2 of 120 pages, and on 97 before, were named by no monitor)."""
    blocks = page.body.blocks
    if not blocks:
        return []
    start = page.positions.get(blocks[-1], -1)
    links = [link for link in page.root.iter("a") if page.positions.get(link, -1) > start
             and is_tag_page(page.resolve(link.get("href"))) and same_origin(page.resolve(link.get("href")), page.base_url)
             and not any(a.tag in _NOT_CLOSING for a in link.iterancestors())]
    boxes = {link.getparent().getparent() for link in links if link.getparent() is not None}
    if len(boxes) != 1 or None in boxes or any(page.is_article_url(page.resolve(a.get("href")))
                                               for box in boxes for a in box.iter("a")):
        return []  # tag links scattered over several boxes, or among cards: no one list
    return tag_names(links, unique=True)


def _footer_tags(page: Any) -> list[str]:
    """The tags the story's footer shows: links to the site's tag pages after the body's last block,
    in no nav, aside or header and in no card (``taglinks.outside_cards``). Medium's topic pills stand
    there, after the "Discover more" cards: with the tags read on 20 % of era AB pages, no check saw it."""
    blocks = page.body.blocks
    if not blocks:
        return []
    end = max((page.positions.get(node, -1) for node in blocks[-1].iter()), default=-1)
    links = [link for link in page.root.iter("a") if page.positions.get(link, -1) > end
             and is_tag_page(page.resolve(link.get("href"))) and same_origin(page.resolve(link.get("href")), page.base_url)
             and not any(a.tag in _NOT_HEADER or a.tag in ("header", "footer") for a in link.iterancestors())]
    return tag_names(outside_cards(links, lambda href: page.is_article_url(page.resolve(href))), unique=True)


def _body_figures(page: Any) -> list[str]:
    """The absolute URLs of the images a browser shows wider than ``ICON_PX`` between the body's
    first block and the end of its last: the article's figures (held-out Z: a figure in 13 of 23
    bodies, read without it on 10)."""
    blocks = page.body.blocks
    if not blocks:
        return []
    start = page.positions.get(blocks[0], -1)
    end = max((page.positions.get(node, -1) for node in blocks[-1].iter()), default=-1)
    found = []
    for img in _SIZED_IMAGES(page.root):
        width, src = shown_width(img), img.get("src")
        if width is None or width <= ICON_PX or not src or src.startswith("data:") \
                or not start <= page.positions.get(img, -1) <= end:
            continue
        url = absolute(page.response.url, src)
        if url and url not in found:
            found.append(url)
    return found[:MAX_SMALL_IMAGES]


def _related_heading(page: Any) -> str | None:
    """The heading the page shows over a list of related articles ("Discover more", "Related
    articles": the UI strings' ``discover``), when a link to another article follows it before
    the next heading of its rank or higher (a 30-article test site shows the heading over an
    empty list on pages with no related article); an article of this site's origin only. Every such
    heading, not the first only: a table of contents lists "Discover more" above the story (held-out
    wiki design AC: 55 of 120 pages' cards read empty, unseen behind the contents' entry)."""
    found = _related_list(page)
    return found[0] if found else None


def _related_targets(page: Any) -> list[str]:
    """The keys of the articles linked under that heading, before the next heading of its rank."""
    found = _related_list(page)
    return found[1] if found else []


def _related_list(page: Any) -> tuple[str, list[str]] | None:
    cached = getattr(page, "_related_list_found", False)
    if cached is not False:
        return cached
    found = next((hit for hit in map(lambda h: _heading_over_articles(page, h), page.anchors.all("discover")) if hit),
                 None)
    page._related_list_found = found
    return found


def _heading_over_articles(page: Any, heading: Any) -> tuple[str, list[str]] | None:
    start = page.positions.get(heading)
    if start is None:
        return None
    rank = heading.tag if heading.tag in _HEADINGS else "h6"
    own = article_ref(page.response.url)
    targets: list[str] = []
    for element in page.elements[start + 1:start + 1 + MAX_RELATED_SCAN]:
        if element.tag in _HEADINGS and element.tag <= rank:
            break
        href = element.get("href") if element.tag == "a" else None
        url = absolute(page.response.url, href) if href else None
        # Off the site's origin no card is read (the offsite trap's other port and subdomain): no card is owed.
        target = article_ref(url) if url and same_origin(url, page.response.url) else None
        if target is not None and target != own:
            key = article_key(target.language, target.article_id)
            targets += [key] if key not in targets else []
    return (_text(text_of(heading)) or "", targets) if targets else None


def page_statements(page: Any) -> dict[str, Any]:
    """What the page's metadata and header state about its title, summary, authors, publication and
    modification dates, and where its body's edges sit (``chrome_slots``); only the kinds the page has. Never raises: a statement that cannot be read
    is no statement."""
    statements: dict[str, Any] = {}
    for name, read in (("titles", _titles), ("descriptions", _descriptions), ("published", _published_or_shown),
                       ("modified", _modified), ("authors", _authors), ("body_slots", body_slots), ("body_region", body_region),
                       ("small_images", _small_images), ("related_heading", _related_heading),
                       ("related_targets", _related_targets),
                       ("header_tags", _header_tags), ("closing_tags", _closing_tags), ("footer_tags", _footer_tags), ("body_figures", _body_figures),
                       ("updates", updates), ("edits", edits), ("publications", publications),
                       ("bylines", bylines), ("author_links", author_links), ("tag_groups", tag_groups),
                       ("tag_metas", tag_metas)):
        try:
            value = read(page)
        except Exception:  # odd metadata (a JSON-LD list where a dict was expected): no statement
            continue
        if value:
            statements[name] = value
    return statements
