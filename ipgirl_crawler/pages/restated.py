"""What a page restates, anywhere on it, about its modification date, its authors and its tags: the
statements the crawl's cross-checks compare an item with (``pages/statements.py`` gathers them).

Read by what a reader sees, not where one template puts it:
- ``updates``: the text (or the machine-readable value beside it) after the language's "updated"
  label wherever it stands ("· Updated May 2, 2024" in a post footer, an italic "Updated …" note in
  the story, a properties row "Last updated | 6 March 2024", "This page was last edited on …"), and
  the microdata ``itemprop=dateModified``;
- ``bylines``: the names after the language's "by" label in a short line of their own ("By A and B",
  "Posted by A", "Written by A", a row "Author(s) | A, B");
- ``author_links``: the texts of links to the site's author pages (``/{lang}/author/…``);
- ``tag_groups``: the page's links to the site's tag pages, grouped by the block that holds them
  (a tag cloud in a sidebar is one group, the same on every page: the run-level check sets apart a
  group shown on many pages); ``article:tag`` metas and JSON-LD ``keywords`` (``tag_metas``).

Never inside a link, a menu, a sidebar (``aside``), a heading or another ``<article>`` than the
title's: those state another article's date or byline. Cheap: one pass over the page's short text
nodes that the reading indexed already (``short_texts``), one regular expression searched over their
text joined, and one pass over its links.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from ipgirl_crawler.discovery.urls import article_ref, same_origin
from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.languages.rules import PROPERTY_LABELS
from ipgirl_crawler.pages.byline import cut_date, split_names
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.taglinks import is_tag_page
from ipgirl_crawler.pages.text import normalize_text

# Words pages print for "updated" and "by" besides the UI strings and the properties tables'
# (rules.PROPERTY_LABELS): a wiki's "last edited" footer and its infobox rows ("Author(s)").
MORE_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "updated": {"en": ("Last modified on",), "ja": ("最終更新",), "ko": ("최종 수정",), "zh": ("最后更新",)},
    # The wiki engine's page footer (MediaWiki's "lastmodifiedat" message, its date after these
    # words): shown on every page, the publication's day on a page never changed since.
    "edited": {"en": ("This page was last edited on",), "fr": ("La dernière modification de cette page a été faite le",),
               "de": ("Diese Seite wurde zuletzt am",), "es": ("Esta página se editó por última vez el",),
               "it": ("Questa pagina è stata modificata per l’ultima volta il",
                      "Questa pagina è stata modificata per l'ultima volta il"),
               "pt": ("Esta página foi editada pela última vez em",), "zh": ("此页面最后编辑于",)},
    # The bare word a properties row or infobox prints for the publication ("Published | 4 July 2023").
    "published": {"ja": ("公開",), "zh": ("发布",), "ko": ("게시",)},
    # A blog engine's post footer ("Posted by", Blogger's strings in each language) and a wiki's infobox.
    "by": {"en": ("Author(s)", "Posted by", "Written by"), "fr": ("Auteur(s)", "Publié par", "Écrit par"),
           "de": ("Autor(en)", "Geschrieben von", "Eingestellt von"), "es": ("Autor(es)", "Escrito por", "Publicado por"),
           "it": ("Autore/i", "Autore(i)", "Scritto da", "Pubblicato da"),
           "pt": ("Autor(es)", "Escrito por", "Publicado por", "Postado por"), "ja": ("執筆者", "投稿者"),
           "zh": ("发帖者",), "ko": ("작성자", "게시자")},
}
# Where a label states nothing about this article: another article's link, card or sidebar, a menu.
_ELSEWHERE = frozenset({"a", "nav", "aside", "button", "select", "option", "label"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A label's value is a short text: "May 2, 2024", "Mei Lin and Ana Souza" (a longer one is prose
# that happens to start with the word: "By the end of next year, …").
MAX_VALUE_CHARS = 90
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 50
# A sentence's end: after a word (not "a. m.", "p. m." of a Spanish clock time), or a CJK full stop.
_SENTENCE = re.compile(r"(?:(?<=[^\W\d_]{3})[.!?](?:\s|$))|[。！？]")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_AUTHOR_PAGE = re.compile(r"^/[a-z]{2}/(?:authors?|writers?|people|profile)/[^/]+")
_AUTHOR_MARKS = ("/author", "/writer", "/people", "/profile")
_INLINE = frozenset({"a", "b", "strong", "em", "i", "span", "small", "font", "u", "mark", "abbr", "cite"})
# the parts of a line: "By A · 3 min read"; " - " too, the dash of a charset without "—" (era D)
_PARTS = re.compile(r"\s[·|•—–-]\s|\s[|·•]|[·|•]\s")
MAX_STATED = 12
# The text nodes a label may start: a date or byline line ("Von A · Veröffentlicht am 7. Juni 2024 ·
# Aktualisiert 8. Juni 2024 · 2 Min. Lesezeit" is 80), a wiki footer's sentence (~60); not a paragraph.
MAX_LINE_CHARS = 160
MAX_CARD_CHARS = 400  # a card's title, snippet and date line: ~60 + ~150 + ~40 characters  # statements a page keeps of one kind (a comment thread is not a byline list)


LABEL_KEYS = ("by", "updated", "edited", "published")  # "Publicado por" is a by line, not "Publicado"


def _labels(lang: str, key: str) -> str:
    codes = (lang, "en")
    labels = list(ui_strings.ui_variants(lang, key)) if key != "edited" else []
    labels += [w for c in codes for table in (PROPERTY_LABELS, MORE_LABELS) for w in table.get(key, {}).get(c, ())]
    cores = sorted({re.sub(r"\s*[:：]\s*$", "", label).strip() for label in labels if label.strip()}, key=len,
                   reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in core.split()) for core in cores)


@lru_cache(maxsize=16)
def label_search(lang: str) -> re.Pattern[str]:
    """Every label of ``LABEL_KEYS`` (group name = key) starting a text node, or after a separator
    ("· Updated"), as a whole word; never after a plain space, where it is a sentence's word ("the
    company updated its model"). One search a page for the four keys."""
    words = "|".join(f"(?P<{key}>{_labels(lang, key)})" for key in LABEL_KEYS)
    # CJK labels stand without spaces around them ("最終更新 2023年7月5日", "作者：").
    return re.compile(rf"(?:^|(?<=[·|•,;(—–\-])|(?<=[·|•,;(—–\-] ))(?:{words})(?=[\s:：(]|$|[\d一-鿿])",
                      re.IGNORECASE | re.MULTILINE)


def _elsewhere(node: HtmlElement, own: frozenset[HtmlElement], headings: bool) -> bool:
    for ancestor in (node, *node.iterancestors()):
        tag = ancestor.tag
        if tag in _ELSEWHERE or headings and tag in _HEADINGS or tag == "article" and ancestor not in own:
            return True
    return False


def _in_card(page: Any, node: HtmlElement, own: frozenset[HtmlElement]) -> bool:
    """Whether ``node`` stands in another article's card: the smallest block around it that links
    another article links one only (a list item, a teaser) and is short; a block linking several is
    the list or section that holds the cards (a story's last section with its "Discover more"
    embeds), a long one a part of the story (held-out Medium design AB: "By A and B" in a section
    whose "Read also:" links one article)."""
    here = article_ref(page.response.url)
    for ancestor in node.iterancestors():
        if ancestor in own:
            return False
        # The href's own path (no resolving: ~40 µs a link): a card links the site's article paths.
        targets = {ref for a in ancestor.iter("a") for ref in [article_ref(a.get("href") or "")]
                   if ref is not None and ref != here}
        if targets:  # a card is short; a story's section with a "Read also" link is not one
            return len(targets) == 1 and len(text_of(ancestor)) <= MAX_CARD_CHARS
    return False


def _after_label(owner: HtmlElement, match_end: str) -> tuple[str, HtmlElement | None]:
    """The text after the label in its element's text, and the element holding the value when the
    label stands alone in its own (a ``th``/``dt`` before its ``td``/``dd``)."""
    text = text_of(owner)
    at = text.find(match_end)
    rest = text[at + len(match_end):].lstrip(" :：-–—") if at >= 0 else ""
    if rest:
        return rest, owner
    sibling = owner.getnext()
    return (text_of(sibling), sibling) if sibling is not None else ("", None)


def _machine_value(holder: HtmlElement | None) -> str | None:
    """An ISO date a machine reads beside the label: ``datetime``, ``title`` or ``content``."""
    if holder is None:
        return None
    for node in holder.iter():
        for name in ("datetime", "title", "content"):
            value = (node.get(name) or "").strip()
            if _ISO_DAY.match(value):
                return value
    return None


def labelled_values(page: Any, key: str) -> list[tuple[str, HtmlElement | None]]:
    """(the text after each ``key`` label on the page, the element holding it)."""
    nodes = _short_texts(page)
    starts = nodes["starts"]
    own = frozenset(page._title.iterancestors()) if page._title is not None else frozenset()
    found: list[tuple[str, HtmlElement | None]] = []
    for match in nodes["labels"].get(key, ()):
        index = bisect_right(starts, match.start()) - 1
        owner = nodes["owners"][index]
        if _elsewhere(owner, own, headings=key == "by") or _in_card(page, owner, own):
            continue
        rest, holder = _after_label(owner, normalize_text(match[0]))
        if rest and len(rest) <= MAX_VALUE_CHARS * 2:
            found.append((rest[:MAX_VALUE_CHARS * 2], holder))
        if len(found) >= MAX_STATED:
            break
    return found


def _short_texts(page: Any) -> dict[str, Any]:
    """Every label of the page's short text nodes (joined by newlines: one regular expression over
    the whole finds them at C speed), with each node's start and owner."""
    cached = getattr(page, "_restated_texts", None)
    if cached is None:
        texts, starts, owners, at = [], [], [], 0
        for node, owner in page.anchors.lines:  # the reading's walk of the page's short texts
            if len(node) > MAX_LINE_CHARS:  # a paragraph: its labels would be a sentence's words
                continue
            text = node.strip()  # whitespace inside a label is matched as "\s+"
            starts.append(at)
            owners.append(owner)
            texts.append(text)
            at += len(text) + 1
        labels: dict[str, list[re.Match[str]]] = {}
        for match in label_search(page.language or "en").finditer("\n".join(texts)):
            labels.setdefault(match.lastgroup or "", []).append(match)
        cached = {"labels": labels, "starts": starts, "owners": owners}
        page._restated_texts = cached
    return cached


def edits(page: Any) -> list[str]:
    """The last edit a wiki's footer states on every page ("This page was last edited on …")."""
    return [rest[:MAX_VALUE_CHARS] for rest, _ in labelled_values(page, "edited")][:MAX_STATED]


def updates(page: Any) -> list[str]:
    """The modification dates the page states: machine values beside an "updated" label or in
    ``itemprop=dateModified``, else the visible text after the label (parsed by the crawl)."""
    found = []
    for node in getattr(page, "_itemprops", ()):
        if node.get("itemprop") == "dateModified":
            value = _machine_value(node)
            if value:
                found.append(value)
    for rest, holder in labelled_values(page, "updated"):
        machine = _machine_value(holder) if holder is not None and len(text_of(holder)) <= MAX_VALUE_CHARS else None
        found.append(machine or rest[:MAX_VALUE_CHARS])
    return list(dict.fromkeys(found))[:MAX_STATED]


def publications(page: Any) -> list[str]:
    """The publication dates the page states anywhere: microdata ``itemprop=datePublished`` (a blog's
    footer "Posted at <abbr itemprop=datePublished title=ISO>"), and the text after a "published"
    label (a properties row "Published | 4 July 2023"): what an update is later than."""
    found = [value for node in getattr(page, "_itemprops", ()) if node.get("itemprop") == "datePublished"
             for value in [_machine_value(node)] if value]
    for rest, holder in labelled_values(page, "published"):
        machine = _machine_value(holder) if holder is not None and len(text_of(holder)) <= MAX_VALUE_CHARS else None
        found.append(machine or rest[:MAX_VALUE_CHARS])
    return list(dict.fromkeys(found))[:MAX_STATED]


def _names(rest: str, holder: HtmlElement | None, lang: str) -> list[str]:
    """The names a "by" label introduces, or none when the text is prose, not names."""
    # Linked names are the names, whatever stands between them (roles: "A, Senior Reporter, and B, Editor").
    links = [name for name in (text_of(a) for a in holder.iter("a")) if name] if holder is not None else []
    if links and all(name in rest for name in links) and all(len(n) <= MAX_NAME_CHARS for n in links):
        return links
    head = _PARTS.split(rest, maxsplit=1)[0]
    if _SENTENCE.search(head) or len(head) > MAX_VALUE_CHARS:
        return []
    names, _ = cut_date(head, lang)
    found = split_names(names, lang)
    if not found or any(len(n) > MAX_NAME_CHARS or len(n.split()) > MAX_NAME_WORDS or _uncased_start(n) for n in found):
        return []
    return found


def _uncased_start(name: str) -> bool:
    """A name starts with a capital where its script has cases: "Par où commencer ?" is a heading."""
    first = name[0]
    return first.isalpha() and first.lower() != first.upper() and not first.isupper()




def _in_prose(holder: HtmlElement | None) -> bool:
    """Whether an inline label's line is a sentence: "<strong>Von Brüssel</strong> bis Tokio wächst
    der Druck, …" (its block's first part, up to a "·" or "|", ends a sentence)."""
    block = holder
    while block is not None and block.tag in _INLINE:
        block = block.getparent()
    if block is None or block is holder:
        return False
    return bool(_SENTENCE.search(_PARTS.split(text_of(block), maxsplit=1)[0]))


def bylines(page: Any) -> list[list[str]]:
    """The name lists of the page's "by" lines (each line's names, in its order)."""
    lang = page.language or "en"
    found = [names for rest, holder in labelled_values(page, "by") if not _in_prose(holder)
             for names in [_names(rest, holder, lang)] if names]
    return [list(names) for names in dict.fromkeys(tuple(n) for n in found)]


def _marked_links(page: Any) -> list[HtmlElement]:
    """The page's links whose href may name a tag or an author page: one pass over its links."""
    cached = getattr(page, "_restated_links", None)
    if cached is None:
        cached = [link for link in page.root.iter("a")
                  if any(mark in (link.get("href") or "") for mark in ("/tag", *_AUTHOR_MARKS))]
        page._restated_links = cached
    return cached


def _site_links(page: Any, is_wanted: Any, marks: tuple[str, ...]) -> list[tuple[HtmlElement, str]]:
    """The page's links to its own site whose URL ``is_wanted``, among those whose href holds one of
    ``marks`` ("/tag"): resolving every link of a page cost 0.7 ms of the restatements' 2.3."""
    found = []
    for link in _marked_links(page):
        href = link.get("href")
        if not any(mark in href for mark in marks):
            continue
        url = page.resolve(href)
        if url and is_wanted(url) and same_origin(url, page.base_url):
            found.append((link, url))
    return found


def author_links(page: Any) -> list[list[str]]:
    """The names of the site's author pages the page links, outside menus, sidebars and other
    articles (a card's author), grouped by the block that holds them (as ``tag_groups``): a
    contributors list is one group, the same on many pages."""
    own = frozenset(page._title.iterancestors()) if page._title is not None else frozenset()
    links = [(link, text_of(link)) for link, _ in _site_links(page, lambda url: bool(_AUTHOR_PAGE.match(urlsplit(url).path)), _AUTHOR_MARKS)]
    links = [(link, name) for link, name in links
             if name and len(name) <= MAX_NAME_CHARS and not _elsewhere(link.getparent(), own, headings=True)]
    return _grouped(links)


def _grouped(links: list[tuple[HtmlElement, str]]) -> list[list[str]]:
    members = {link for link, _ in links}
    groups: dict[HtmlElement, list[str]] = {}
    for link, name in links:
        names = groups.setdefault(_group_of(link, members), [])
        if name not in names:
            names.append(name)
    return [names for names in groups.values() if names][:MAX_STATED]


def _group_of(link: HtmlElement, others: set[HtmlElement]) -> HtmlElement:
    """The nearest ancestor holding another of the page's tag links (the list they stand in), else
    the link's parent."""
    for ancestor in link.iterancestors():
        if any(other is not link and other in others for other in ancestor.iter("a")):
            return ancestor
    return link.getparent()


def tag_groups(page: Any) -> list[list[str]]:
    """The page's tag links outside menus and other articles, grouped by the list they stand in;
    each group's names (a "#" dropped; the URL's last segment when the link shows no text)."""
    own = frozenset(page._title.iterancestors()) if page._title is not None else frozenset()
    # A list of tags above the title is the site's, as the reading takes it (held-out forum design Z:
    # four of the site's tags in a sidebar before the topic, other ones on every page).
    title_at = page.positions.get(page._title, -1) if page._title is not None else -1
    links = [(link, url) for link, url in _site_links(page, is_tag_page, ("/tag",))
             if page.positions.get(link, -1) > title_at and not _elsewhere(link.getparent(), own, headings=False)
             and not any(a.tag in ("nav", "aside") for a in link.iterancestors())]
    named = [(link, text_of(link).lstrip("#").strip() or unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]))
             for link, url in links]
    return _grouped([(link, name) for link, name in named if name])


def tag_metas(page: Any) -> dict[str, list[str]]:
    """The tags the head states: ``article:tag`` metas, JSON-LD ``keywords``."""
    found: dict[str, list[str]] = {}
    metas = [normalize_text(m.get("content") or "") for m in page.tagged.by_tag["meta"]
             if m.get("property") == "article:tag" or m.get("name") == "article:tag"]
    if any(metas):
        found["article:tag"] = list(dict.fromkeys(m for m in metas if m))
    keywords = page.json_ld.get("keywords") if isinstance(page.json_ld, dict) else None
    if isinstance(keywords, str):
        keywords = re.split(r"\s*,\s*", keywords)
    if isinstance(keywords, list):
        words = [normalize_text(k) for k in keywords if isinstance(k, str) and normalize_text(k)]
        if words:
            found["keywords"] = list(dict.fromkeys(words))
    return found
