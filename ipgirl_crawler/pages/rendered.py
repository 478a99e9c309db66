"""The document a browser renders, brought into the parsed tree before anything reads it.

libxml2 parses markup, not what a reader sees. Four things differ on real and server-rendered pages:
- declarative shadow DOM: a custom element's ``<template shadowrootmode="open">`` (legacy
  ``shadowroot="open"``) is its rendered content, and the element's own children show through its
  ``<slot>`` elements (``slot="name"`` into ``<slot name="name">``, the rest into the unnamed slot;
  a slot nobody fills shows its fallback content). Unread, a parser sees the light DOM alone;
- lazy images: the real source waits in ``data-src``/``data-srcset`` behind a placeholder, and the
  image for readers without scripts in a ``<noscript>`` beside it;
- a ``<noscript>`` copy of the page (its own ``h1``, for readers without scripts: a forum's crawler
  view) is not shown to a reader with scripts when the page shows its ``h1`` outside it;
- AMP and other custom image elements (``<amp-img src>``): an image by what they are;
- custom elements (``<x-card>``): unknown tags to a parser; one with an ARIA ``role`` is that role's
  element, one without a ``<div>`` (its name kept as a class, so name-based rules still read it);
- a ``div``/``span``/``p`` with ``role="heading"`` (a block editor's headings) is a heading of its
  ``aria-level``, as a reader sees it set larger and as assistive technology announces it; one with
  ``role="img"`` a picture, one with ``role="button"`` and a short label a button.

``rendered_root`` does it once per page, in place, on the single lxml tree.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable

from lxml import etree
from lxml.html import HtmlElement
from scrapy.http import HtmlResponse, TextResponse

from ipgirl_crawler.pages.dom import drop_tag, drop_tree, page_root, text_content
from ipgirl_crawler.pages.markup import lowered_markup, remember_markup

logger = logging.getLogger(__name__)

# ARIA roles that name an HTML element a reader would see in their place.
ROLE_TAGS = {
    "heading": "h2", "paragraph": "p", "list": "ul", "listitem": "li", "img": "img", "figure": "figure",
    "navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
    "main": "main", "article": "article", "region": "section", "blockquote": "blockquote", "link": "a",
    "search": "form", "form": "form", "table": "table", "row": "tr", "cell": "td", "time": "time",
}
_HEADING_LEVELS = {"1": "h1", "2": "h2", "3": "h3", "4": "h4", "5": "h5", "6": "h6"}
# The custom image elements of AMP and of component libraries: their src is the picture.
IMAGE_ELEMENTS = frozenset({"amp-img", "amp-anim"})
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)", re.IGNORECASE)
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original")
# A noscript image of this size or less is a tracking pixel, not a picture.
MAX_PIXEL = 1


def rendered_root(response: TextResponse) -> HtmlElement:
    """The page's tree (``dom.page_root``) as a browser renders it. Markup no rule foresaw leaves the
    tree as parsed, with a log line: a page is never lost to its rendering."""
    root = page_root(response)
    if isinstance(response, HtmlResponse):
        remember_markup(response.text, response.body, response.encoding)
        try:
            render(root, response.text)
        except (ValueError, TypeError, AttributeError):
            # A URL is percent-encoded ASCII; the log handlers' filter cleans any record anyway.
            logger.warning("Page not fully rendered (read as parsed): %s", response.url, exc_info=True)
    return root


def render(root: HtmlElement, html: str) -> dict[str, int]:
    """Compose shadow roots, then images, then custom elements, in place; ``html`` is the page's text.
    Returns what changed, by kind. One walk in C finds the templates, noscripts and images, and one
    regex the custom elements (together ~0.04 ms on a page of the site that has none of them)."""
    found: dict[str, list[HtmlElement]] = {"template": [], "noscript": [], "img": []}
    for element in root.iter("template", "noscript", "img"):
        found[element.tag].append(element)
    changed = {
        "shadow_roots": compose_shadow_roots(found["template"]) if found["template"] else 0,
        "noscript_images": noscript_images(found["noscript"]) if found["noscript"] else 0,
        "noscript_copies": noscript_copies(found["noscript"]) if found["noscript"] else 0,
        "lazy_images": lazy_images(found["img"]),  # a noscript's images are parsed, so among them
        "custom_elements": custom_elements(root) if _CUSTOM_TAG_BYTES.search(lowered_markup(html)) else 0,
        "role_elements": role_elements(root) if may_read_roles(html) else 0,
    }
    return {kind: count for kind, count in changed.items() if count}


# -- declarative shadow DOM ----------------------------------------------------------------------
def _is_shadow_root(element: HtmlElement) -> bool:
    mode = (element.get("shadowrootmode") or element.get("shadowroot") or "").strip().lower()
    return mode in ("open", "closed")


def compose_shadow_roots(templates: Iterable[HtmlElement]) -> int:
    """Each host's first declarative shadow root composed into it, innermost first (a shadow tree may
    hold hosts of its own: composing the inner ones first leaves the outer slots to the outer host)."""
    first_roots: dict[HtmlElement, HtmlElement] = {}
    for template in templates:  # in document order
        host = template.getparent()
        if host is not None and host not in first_roots and _is_shadow_root(template):
            first_roots[host] = template
    for host, template in reversed(first_roots.items()):
        _compose(host, template)
    return len(first_roots)


def _light_nodes(host: HtmlElement, template: HtmlElement) -> tuple[str, list[HtmlElement], dict[str, list[HtmlElement]]]:
    """The host's own content split by slot: the default slot's leading text and elements, and the
    elements named for each slot (their trailing text goes to the default slot, as a browser does)."""
    text = (host.text or "") + (template.tail or "")
    default: list[HtmlElement] = []
    named: dict[str, list[HtmlElement]] = defaultdict(list)
    for child in host:
        if child is template:
            continue
        name = child.get("slot") if isinstance(child.tag, str) else None
        if not name:
            default.append(child)
            continue
        tail, child.tail = child.tail, None
        named[name].append(child)
        if tail and default:
            default[-1].tail = (default[-1].tail or "") + tail
        elif tail:
            text += tail
    return text, default, named


def _compose(host: HtmlElement, template: HtmlElement) -> None:
    text, default, named = _light_nodes(host, template)
    shadow = list(template)
    host.text = template.text
    for child in list(host):
        host.remove(child)
    host.extend(shadow)
    filled: set[str] = set()
    for slot in [s for s in host.iter("slot") if not any(a.tag == "template" for a in s.iterancestors())]:
        name = slot.get("name") or ""
        assigned = (default if not name else named.get(name, [])) if name not in filled else []
        if assigned or (not name and text.strip() and name not in filled):
            filled.add(name)
            for child in list(slot):
                slot.remove(child)
            slot.text = text if not name else None
            slot.extend(assigned)
        drop_tag(slot)  # its assigned nodes, else its fallback content, in its place


# -- images ---------------------------------------------------------------------------------------
def _has_source(img: HtmlElement) -> bool:
    src = (img.get("src") or "").strip()
    return bool(src) and not src.startswith("data:")


def _is_placeholder(img: HtmlElement) -> bool:
    src = (img.get("src") or "").strip()
    return not src or src.startswith("data:") or any(img.get(name) for name in (*LAZY_SOURCES, "data-srcset"))


def noscript_images(noscripts: Iterable[HtmlElement]) -> int:
    """A ``<noscript>`` holding only an image (not a tracking pixel, not a script's stand-in) shows
    that image: unwrapped in its place, and the lazy placeholder just before it removed (a reader
    sees one picture)."""
    shown = 0
    for noscript in noscripts:
        if noscript.getparent() is None:  # left out of the composed page (an unslotted light child)
            continue
        images = list(noscript.iter("img"))
        previous = noscript.getprevious()
        # After a script, a noscript is that script's stand-in (an ad's banner, a tracker), no picture.
        if len(images) != 1 or text_content(noscript).strip() or _is_pixel(images[0]) \
                or previous is not None and previous.tag == "script":
            continue
        if previous is not None and previous.tag == "img" and _is_placeholder(previous):
            drop_tree(previous)
        drop_tag(noscript)
        shown += 1
    return shown


def noscript_copies(noscripts: Iterable[HtmlElement]) -> int:
    """A ``<noscript>`` holding an ``h1`` is the page's copy for readers without scripts: when the page
    shows an ``h1`` outside every noscript, that is the page a reader sees, and the copy goes (else the
    copy is all there is to read, and stays). A forum's topic shipped twice put the title, the byline
    and the story in the copy on 12 of 40 era Z pages."""
    copies = [n for n in noscripts if n.getparent() is not None and next(n.iter("h1"), None) is not None]
    if not copies:
        return 0
    root = copies[0].getroottree().getroot()
    shown = [h1 for h1 in root.iter("h1") if not any(a.tag == "noscript" for a in h1.iterancestors())]
    if not shown:
        return 0
    for noscript in copies:
        drop_tree(noscript)
    return len(copies)


def _is_pixel(img: HtmlElement) -> bool:
    sizes = [img.get("width"), img.get("height")]
    return any(size is not None and size.strip().isdigit() and int(size) <= MAX_PIXEL for size in sizes)


def lazy_images(images: Iterable[HtmlElement]) -> int:
    """An ``<img>`` whose src is missing or a placeholder (a ``data:`` URI) shows its ``data-src``, or
    the first candidate of its ``data-srcset``."""
    swapped = 0
    for img in images:
        src = (img.get("src") or "").strip()
        if src and not src.startswith("data:"):
            continue
        lazy = next((img.get(name).strip() for name in LAZY_SOURCES if (img.get(name) or "").strip()), "")
        if not lazy and (img.get("data-srcset") or "").strip():
            lazy = img.get("data-srcset").split(",")[0].split()[0]
        if lazy:
            img.set("src", lazy)
            swapped += 1
    return swapped


# -- custom elements ------------------------------------------------------------------------------
# A custom element is never void, so its end tag is in the text: searching for "</" first is ~7x
# faster than for every "<" (0.015 against 0.106 ms on a 17 KB page of the site).
_CUSTOM_TAG = re.compile(r"</[a-zA-Z][a-zA-Z0-9]*-")
# The same on the lowered UTF-8 markup (``markup.lowered_markup``, made once a page): ASCII letters
# and digits are the same bytes there, and no other character's bytes are (0.12 -> 0.03 ms a real page).
_CUSTOM_TAG_BYTES = re.compile(rb"</[a-z][a-z0-9]*-")


# Plain elements whose role makes them another element to a reader (a custom element is renamed by
# its role already): a heading, a picture drawn with a character (an emoji icon), a control.
_WITH_ROLE = etree.XPath("//*[self::div or self::span or self::p][@role]")
_READ_ROLES = re.compile(r"""role\s*=\s*["']?(?:heading|img|button)""", re.IGNORECASE)
# The same test on the page's UTF-8 bytes, lowercased: a case-insensitive search of the text cost
# 0.75-1.0 ms a real page (0.12-0.18 a site page), this 0.1 (0.02). What \s matches beyond ASCII
# (NBSP, the Unicode spaces) is spelled as its UTF-8 bytes.
_SPACE_BYTES = rb"(?:[\s\x1c-\x1f]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80)*"
_READ_ROLE_BYTES = re.compile(rb"role" + _SPACE_BYTES + rb"=" + _SPACE_BYTES + rb"""["']?(?:heading|img|button)""")


def may_read_roles(html: str) -> bool:
    """``_READ_ROLES.search(html)``, but for letters only a case-insensitive match equates with ASCII
    ones (a Turkish dotted I, a long s), which no role value ``role_elements`` reads is spelled with."""
    return _READ_ROLE_BYTES.search(lowered_markup(html)) is not None
# A control's label is a word or two ("3 backlinks", "Duplicate"); a clickable card of text is no control.
MAX_CONTROL_CHARS = 40


def role_elements(root: HtmlElement) -> int:
    """Each ``div``, ``span`` or ``p`` with a role a reader sees as another element: ``heading`` as its
    level's ``h1``-``h6`` (``h2`` without a level), ``img`` as a picture (its text, an emoji, becomes its
    alt), ``button`` with a short label as a button. Its tag is kept as a class. Era Y's native blocks:
    every section heading was a ``div`` a paragraph rule could not tell from the text under it (44 of
    120 bodies wrong); its callouts' emoji icons and its "3 backlinks" buttons were read as text."""
    read = 0
    for element in _WITH_ROLE(root):  # found in C: walking every div in Python cost ~1 ms a real page
        role = (element.get("role") or "").strip().lower().split(" ")[0]
        if role == "heading":
            _rename(element, _role_tag(element) or "h2")
        elif role == "img" and next(element.iter("img"), None) is None:
            element.set("alt", element.get("aria-label") or text_content(element).strip())
            _rename(element, "img")
        elif role == "button" and len(text_content(element).strip()) <= MAX_CONTROL_CHARS \
                and not _holds_figure_picture(element):
            _rename(element, "button")
        else:
            continue
        read += 1
    return read


# Wider than an icon or an avatar (24-96 px): a picture of the story.
MIN_FIGURE_PX = 100


def _holds_figure_picture(element: HtmlElement) -> bool:
    """A ``<picture>`` of sources, or an image shown wider than an icon: the story's figure a reader
    clicks to zoom (Medium wraps each in a ``div role=button``: every figure of era AB went as a
    control), not a control's icon."""
    if next(element.iter("picture"), None) is not None:
        return True
    widths = [(img.get("width") or "").strip() for img in element.iter("img")]
    return any(width.isdigit() and int(width) > MIN_FIGURE_PX for width in widths)


def _role_tag(element: HtmlElement) -> str | None:
    role = (element.get("role") or "").strip().lower().split(" ")[0]
    if role == "heading":
        return _HEADING_LEVELS.get((element.get("aria-level") or "2").strip(), "h2")
    return ROLE_TAGS.get(role)


def _image_source(element: HtmlElement) -> str | None:
    src = next((element.get(name) for name in ("src", *LAZY_SOURCES) if element.get(name)), None)
    if element.tag in IMAGE_ELEMENTS or (src and _IMAGE_FILE.search(src)):
        return src
    return None


def custom_elements(root: HtmlElement) -> int:
    """Custom elements (a ``-`` in the name) read by role: an image element as ``<img>`` (or unwrapped
    when its shadow tree draws an ``<img>``, a placeholder there taking the element's source), one with a ``role`` as that role's element, the rest as a
    ``<div>``. The name stays in ``class``: ``amp-ad``, ``share-bar`` still say what they are."""
    read = 0
    for element in list(root.iter()):
        tag = element.tag
        if not isinstance(tag, str) or "-" not in tag or element.getparent() is None:
            continue  # not custom, or inside an image element read before and emptied
        src = _image_source(element)
        if src is not None:
            inner = next(element.iter("img"), None)
            if inner is not None:  # its shadow tree draws the picture: a placeholder shows the element's source
                if not _has_source(inner):
                    inner.set("src", src)
                drop_tag(element)
            else:
                _rename(element, "img")
                element.set("src", src)
            read += 1
            continue
        # A custom element with a datetime is a time (GitHub's <relative-time>, <local-time>, <time-ago>).
        _rename(element, _role_tag(element) or ("time" if element.get("datetime") else "div"))
        read += 1
    return read


def _rename(element: HtmlElement, tag: str) -> None:
    name = element.tag
    element.tag = tag
    element.set("class", f"{element.get('class') or ''} {name}".strip())
    if tag == "img":  # an image holds nothing: its placeholder and fallback children go
        element.text = None
        for child in list(element):
            element.remove(child)
