"""Body cleaning: noise out, then plain text, sanitised HTML, images, counts and hash.

``clean_body`` is pure; ``BodyCleaningPipeline`` applies it to an item and counts
what it removed.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ipgirl_crawler.discovery.urls import absolute
from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.languages.rules import AD_LABELS, CHARACTER_COUNTED_LANGUAGES
from ipgirl_crawler.logs.safe import safe_for_log
from ipgirl_crawler.pages.dom import (
    BLOCK_TAGS,
    body_fragment,
    drop_tag,
    drop_tree,
    outer_html,
    set_larger,
    text_content,
)
from ipgirl_crawler.pages.class_names import name_words
from ipgirl_crawler.pages.marks import is_heading_control, is_note_marker
from ipgirl_crawler.pages.text import normalize_text
from pipelines.base import PagePipeline
from pipelines.body_blocks import block_texts, body_images
from pipelines.body_captions import captions_to_figures, frame_caption, is_emoji_icon, take_credit
from pipelines.body_edges import trim_unconfirmed_edges
from pipelines.body_landmarks import is_nested_link_box
from pipelines.body_pointers import points_to_another_story
from pipelines.body_tail import trim_closing_chrome, trim_opening_date
from pipelines.second_opinion import second_opinion, text_to_html

logger = logging.getLogger(__name__)

# "annotation": a MathML formula's source (TeX), which no browser renders.
DROP_TAGS = frozenset({"script", "style", "noscript", "iframe", "ins", "form", "button", "svg", "template",
                       "object", "embed", "video", "audio", "canvas", "input", "select", "textarea", "link", "meta",
                       "annotation", "annotation-xml"})
# Whole words of class and id names that mark noise ("ad-slot", "ad_inline", "share-top"); a
# hashed class that happens to start with "ads" ("aDSl9V") is not one. "contact": the box naming whom
# to write to after a post (eval-dev: one page's must-not, no must-have lost, benchmark unchanged).
NOISE_WORDS = frozenset({"ad", "ads", "adsbygoogle", "advert", "advertisement", "adslot", "sponsor", "sponsored",
                         "promo", "newsletter", "share", "sharing", "social", "related", "banner", "contact"})
_DISPLAY_NONE = re.compile(r"(?:^|;)\s*display\s*:\s*none\b", re.IGNORECASE)
KEEP_TAGS = frozenset({"p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "strong", "em", "figure", "img", "figcaption"})
# A table's cells are blocks of text: unwrapped, the table would leave its words outside any block.
# A section's ``h1`` (the title never reaches the body) is its top heading level, as an ``h2``.
RENAME = {"b": "strong", "i": "em", "h1": "h2", "h5": "h4", "h6": "h4", "div": "p", "pre": "p", "dl": "ul", "dt": "li", "dd": "li",
          "td": "p", "th": "p", "caption": "p"}
# Blocks a frame of one image must not hold: a list, a quote or a heading is content, not a caption.
_NOT_IN_FRAMES = ("ul", "ol", "blockquote", "h2", "h3", "h4")
KEEP_ATTRS = {"a": ("href",), "img": ("src", "alt")}
# What an ad's slot is made of; once it goes, the box that framed it may hold only its label.
_AD_CARRIERS = frozenset({"script", "ins", "iframe"})
# Blocks where a short text is the content itself, never an ad's leftover label.
_SHORT_BY_NATURE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
MAX_LABEL_WORDS, MAX_LABEL_CHARS = 3, 40
_SENTENCE_END = tuple(".!?。！？")
_LABEL_TRIM = " :：-–—·|[]()"


@dataclass
class CleanBody:
    text: str
    html: str
    images: list[dict[str, str | None]]
    word_count: int
    content_hash: str
    removed: Counter[str] = field(default_factory=Counter)


def _is_noise(element: HtmlElement) -> bool:
    """Named for noise by its class or id words, or a custom element's own name (``<amp-ad>``)."""
    classes, ident, tag = element.get("class"), element.get("id"), element.tag
    custom = "-" in tag  # a custom element's name says what it is, as a class would
    if classes is None and ident is None and not custom:  # most elements: nothing to read
        return False
    words = name_words(f"{classes or ''} {ident or ''} {tag if custom else ''}")
    # A plural names the same noise ("socials", "shares", "banners"): the word without its "s" counts too.
    return not NOISE_WORDS.isdisjoint(words) or not NOISE_WORDS.isdisjoint(w[:-1] for w in words if w[-1] == "s")


def _is_hidden(element: HtmlElement) -> bool:
    """Shown to no reader: ``aria-hidden`` (icons, permalink marks, repeated pull-quotes), ``hidden``,
    or an inline style ``display: none`` (a formula's MathML copy beside its image, whose alt holds
    the TeX source); but ``hidden="until-found"`` is collapsed text that a reader opens."""
    aria, hidden, style = element.get("aria-hidden"), element.get("hidden"), element.get("style")
    return (aria is not None and aria.strip().lower() == "true") or (hidden is not None and hidden != "until-found") \
        or (style is not None and "none" in style and _DISPLAY_NONE.search(style) is not None)


def _is_permalink(element: HtmlElement) -> bool:
    """A heading's anchor to itself (``<h2 id=x>Title<a href="#x">#</a></h2>``): a lone symbol
    linking to a fragment of the page, not words of the heading."""
    href = element.get("href") or ""
    if len(href) < 2 or href[0] != "#":
        return False
    text = text_content(element).strip()
    return len(text) <= 2 and not any(c.isalnum() for c in text) \
        and any(a.tag in _HEADINGS for a in element.iterancestors())


def _is_lone_label(element: HtmlElement) -> bool:
    """A few words with no sentence end and no image: what an ad's frame shows once the ad is gone."""
    if element.tag in _SHORT_BY_NATURE or next(element.iter("img"), None) is not None:
        return False
    text = normalize_text(text_content(element))
    return 0 < len(text.split()) <= MAX_LABEL_WORDS and len(text) <= MAX_LABEL_CHARS \
        and not text.endswith(_SENTENCE_END)


# What a callout's label line is written as: a bare box or inline text, never a paragraph, quote or list.
_BOX_LABEL_TAGS = frozenset({"div", "span", "strong", "b", "small"})


def drop_box_label(block: HtmlElement) -> int:
    """Remove the lone label line just before a block that goes as chrome ("tip" over a "Read also"
    callout, "note" over the site notice: 92 of 120 era U bodies kept one); 1 when it did. A heading
    ("<h2>Tip</h2>"), a paragraph ("<p>Thanks</p>": the author's own line), a short quote (a CJK one
    is one "word"), a sentence or a line set larger than the block (a heading, ``set_larger``) stays."""
    label = block.getprevious()
    if label is None or label.tag not in _BOX_LABEL_TAGS or not _is_lone_label(label) or set_larger(label, block):
        return 0
    _remove(label)
    return 1


def _holds_no_block(element: HtmlElement) -> bool:
    return element.tag not in BLOCK_TAGS and next(element.iterdescendants(*BLOCK_TAGS), None) is None


@lru_cache(maxsize=32)  # per language: built once, not on every page
def _ad_labels(lang: str) -> frozenset[str]:
    return frozenset((*AD_LABELS.get(lang, ()), *AD_LABELS[ui_strings.DEFAULT_UI_LANGUAGE]))


@lru_cache(maxsize=32)  # per language: built once, not on every page
def _read_also_pattern(lang: str) -> re.Pattern[str]:
    labels = [re.escape(label.rstrip(" :：")) for label in ui_strings.ui_variants(lang, "read_also")]
    # A symbol may lead the label ("📖 Read also:", "→ Lire aussi :"): an icon, not words of the body.
    return re.compile(rf"^[^\w\s]{{0,3}}\s*(?:{'|'.join(labels)})\s*[:：]", re.IGNORECASE)


@lru_cache(maxsize=32)
def _read_also_labels(lang: str) -> frozenset[str]:
    return frozenset(normalize_text(label.rstrip(" :：")).casefold() for label in ui_strings.ui_variants(lang, "read_also"))


def _is_lone_link(block: HtmlElement, text: str) -> bool:
    """A block that is one link and nothing else (the title a "Read also" callout points at)."""
    links = list(block.iter("a"))
    return len(links) == 1 and normalize_text(text_content(links[0])) == text


def _remove(element: HtmlElement) -> None:
    """Remove an element but keep its tail text in place."""
    drop_tree(element)


def _remove_noise_elements(root: HtmlElement, removed: Counter[str]) -> None:
    """Scripts, ads, hidden subtrees and permalink marks out; then the frames ads leave behind."""
    frames: set[HtmlElement] = set()  # parents of removed ads, which may now hold only their label
    for element in list(root.iter()):
        tag = element.tag
        if not isinstance(tag, str):
            _remove(element)  # comments and processing instructions
            continue
        if tag in DROP_TAGS:
            removed[tag] += 1
        elif _is_noise(element):
            removed["ad"] += 1
        elif _is_hidden(element) or (tag == "a" and _is_permalink(element)) or is_note_marker(element) \
                or is_heading_control(element) or is_nested_link_box(element):
            removed["hidden"] += 1
            _remove(element)
            continue
        else:
            continue
        if tag not in DROP_TAGS or tag in _AD_CARRIERS and _holds_no_block(element.getparent()):
            frames.add(element.getparent())  # a script alone is weak evidence: only beside inline text
        _remove(element)
    for frame in frames:
        if frame is not root and root in frame.iterancestors() and _is_lone_label(frame):
            removed["ad_label"] += 1
            _remove(frame)


def remove_noise(root: HtmlElement, lang: str) -> Counter[str]:
    """Strip scripts, ads, "Read also" lines and empty blocks from the body, in place."""
    removed: Counter[str] = Counter()
    _remove_noise_elements(root, removed)
    read_also, bare_label, after_label = _read_also_pattern(lang), _read_also_labels(lang), False
    ad_labels, kept = _ad_labels(lang), []
    for block in list(root):
        text = normalize_text(text_content(block))
        is_lone_link = after_label and _is_lone_link(block, text)
        after_label = text.casefold() in bare_label  # a callout: the label, then the link block
        if text and (read_also.match(text) or after_label or is_lone_link or points_to_another_story(block, text)):
            removed["read_also"] += 1
            removed["callout_label"] += drop_box_label(block)
            _remove(block)
        elif text and text.strip(_LABEL_TRIM).casefold() in ad_labels:
            removed["ad_label"] += 1  # an ad's frame whose slot nothing here recognised
            _remove(block)
        elif not text and next(block.iter("img"), None) is None:
            removed["empty"] += 1
            _remove(block)
        elif len(root) > 1 and take_credit(block, text, kept):
            removed["credits"] += 1  # a picture's credit as a line: joins it or leaves (pipelines/body_captions.py)
        else:
            kept.append(block)
    return removed


def _lazy_source(attributes: dict[str, str]) -> str | None:
    """The real image of a lazy-loaded ``<img>`` (``data-src``, first ``srcset`` candidate)."""
    for name in ("data-src", "data-original", "data-lazy-src"):
        if attributes.get(name):
            return attributes[name]
    srcset = attributes.get("srcset") or attributes.get("data-srcset") or ""
    return srcset.split(",")[0].split()[0] if srcset.strip() else None


def _sanitize(root: HtmlElement, base_url: str) -> None:
    """Attributes stripped to href/src/alt, links made absolute, tags renamed; no recursion,
    so a body nested thousands of levels deep costs time, not the stack."""
    for element in list(root.iter()):
        if element.tag == "img" and not absolute(base_url, element.get("src")):
            lazy = _lazy_source(dict(element.attrib))  # a placeholder src: the real one waits in data-*
            if lazy:
                element.set("src", lazy)
        if element.tag in RENAME:
            element.tag = RENAME[element.tag]
        keep = KEEP_ATTRS.get(element.tag, ())
        for name in list(element.attrib):
            if name not in keep:
                del element.attrib[name]
        for name in ("href", "src"):
            if name in element.attrib:
                url = absolute(base_url, element.get(name))
                if url:
                    element.set(name, url)
                else:
                    del element.attrib[name]
        if element.tag == "br":
            element.tail = " " + (element.tail or "")


def frames_to_figures(root: HtmlElement) -> int:
    """Blocks that are one image and a short caption (old table or ``<center>`` frames, captioned
    divs) become ``<figure><img><figcaption>``, so their caption leaves the text."""
    converted = 0
    for block in list(root):
        images = list(block.iter("img"))
        # A quote with one picture is a quote beside its speaker's avatar (creativecommons.org/about), no frame.
        if block.tag in ("figure", "img", "blockquote") or len(images) != 1 or is_emoji_icon(images[0]):
            continue
        image = images[0]
        caption = frame_caption(block, image)
        if len(caption) > 300 or next(block.iterdescendants(*_NOT_IN_FRAMES), None) is not None:
            continue
        figure = etree.Element("figure")
        image.tail = None
        figure.append(image)
        if caption:
            figcaption = etree.SubElement(figure, "figcaption")
            figcaption.text = caption
        figure.tail = block.tail
        block.getparent().replace(block, figure)
        converted += 1
    return converted


def _unwrap_foreign(root: HtmlElement) -> None:
    for element in list(root.iter()):
        if element is not root and element.tag not in KEEP_TAGS:
            drop_tag(element)


def count_words(text: str, lang: str | None) -> int:
    if lang in CHARACTER_COUNTED_LANGUAGES:
        # str.split() splits on exactly what str.isspace() calls a space: what is left are the characters.
        return sum(map(len, text.split()))
    return len(text.split())


def clean_body(raw_html: str, lang: str | None, base_url: str, generic: str | None = None) -> CleanBody:
    """The body's text, clean HTML, images, word count and hash from its raw blocks; ``generic``, the
    generic reader's body, checks its edges (pipelines/body_edges.py)."""
    root = body_fragment(raw_html or "")  # the notice pipeline's tree when it parsed this HTML
    removed = remove_noise(root, lang or ui_strings.DEFAULT_UI_LANGUAGE)
    framed = frames_to_figures(root)
    if framed:
        removed["framed_figures"] = framed
    captions = captions_to_figures(root)
    if captions:
        removed["captions_beside_figures"] = captions
    unconfirmed = trim_unconfirmed_edges(root, generic) if generic else 0  # figures framed first: never judged
    if unconfirmed:
        removed["unconfirmed_edges"] = unconfirmed
    removed.update(trim_closing_chrome(root, lang or ui_strings.DEFAULT_UI_LANGUAGE))
    if trim_opening_date(root):
        removed["opening_date"] = 1
    _sanitize(root, base_url)
    _unwrap_foreign(root)
    for block in root:
        if block.tag in ("a", "strong", "em", "li", "figcaption"):
            block.tag = "p"
    text = "\n\n".join(block_texts(root))
    html = "".join(outer_html(block) for block in root)
    return CleanBody(text, normalize_html_whitespace(html), body_images(root), count_words(text, lang),
                     hashlib.sha256(text.encode("utf-8")).hexdigest(), removed)


def normalize_html_whitespace(html: str) -> str:
    # str.split() and the regex "\s" agree on what a space is; split/join runs in C without a regex.
    return " ".join(html.split())


class BodyCleaningPipeline(PagePipeline):
    name = "body"

    def process_article(self, item: Any) -> Any:
        generic, page = item.pop("raw_generic_body", None), item.pop("raw_page_html", None)
        body = clean_body(item.pop("raw_body_html", "") or "", item.get("language"), item.get("fetched_url") or "", generic)
        if generic is not None:
            body = self.second_opinion(body, generic, page, item)
        item.update(body_text=body.text, body_html=body.html, images=body.images,
                    word_count=body.word_count, content_hash=body.content_hash)
        for what, count in body.removed.items():
            self.count(f"removed/{what}", count)
        return item

    def second_opinion(self, body: CleanBody, generic: str, page: str | None, item: Any) -> CleanBody:
        """Ours, or the generic body when they disagree and the tie-break sides against ours; counted."""
        verdict = second_opinion(body.text, generic, page, item.get("fetched_url"), body.html)
        self.count(f"second_opinion/{verdict.outcome}")
        self.count(f"agreement/{verdict.opinion.decile}")
        if verdict.outcome == "flagged":
            logger.info("Body kept though a generic extractor disagrees (agreement %.2f): %s",
                        verdict.opinion.agreement, safe_for_log(item.get("fetched_url")))
        if verdict.text is None:
            return body
        logger.info("Body read by a generic extractor (agreement %.2f with ours): %s",
                    verdict.opinion.agreement, safe_for_log(item.get("fetched_url")))
        return generic_clean_body(verdict.text, body, item.get("language"))


def generic_clean_body(text: str, ours: CleanBody, lang: str | None) -> CleanBody:
    """The fallback body: the generic text's lines as blocks; our images stay (it reads none)."""
    blocks = [line for line in (normalize_text(line) for line in text.splitlines()) if line]
    body_text = "\n\n".join(blocks)
    return CleanBody(body_text, text_to_html("\n".join(blocks)), ours.images, count_words(body_text, lang),
                     hashlib.sha256(body_text.encode("utf-8")).hexdigest(), ours.removed)
