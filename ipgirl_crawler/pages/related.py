"""The "Discover more" cards, found from their heading rather than their classes."""
from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.byline import looks_like_date, looks_like_reading_time
from ipgirl_crawler.pages.dom import text_of
from ipgirl_crawler.pages.text import normalize_text

MAX_CARDS = 50
STOP_TAGS = frozenset({"footer", "h1", "h2", "h3"})
_SNIPPET_TRIM = " -–—|:·•"
_CODE_TAGS = frozenset({"script", "style"})

LinkResolver = Callable[[str | None], str | None]


def _hidden(element: HtmlElement) -> bool:
    """Marked for no reader (``aria-hidden``): a card's arrow, its duplicate thumbnail link."""
    value = element.get("aria-hidden")
    return value is not None and value.strip().lower() == "true"


def _hidden_within(card: HtmlElement, tops: set[HtmlElement]) -> bool:
    """The card, or what holds it inside the cards' region, is hidden from readers: a carousel's
    loop clone of another card (its track repeats the last card first and the first ones last)."""
    node: HtmlElement | None = card
    while node is not None:
        if _hidden(node):
            return True
        if node in tops:
            return False
        node = node.getparent()
    return False


def _aria_name(link: HtmlElement) -> str:
    """An empty link's name from ``aria-label``: a whole card made clickable by an empty link
    stretched over it. A link beside another to the same place is that one's thumbnail, no card of
    its own, whatever its label says."""
    label = normalize_text(link.get("aria-label") or "")
    parent, href = link.getparent(), link.get("href")
    if not label or parent is None or any(a is not link and a.get("href") == href for a in parent.iter("a")):
        return ""
    return label


def link_name(link: HtmlElement) -> str:
    """What a reader (or a screen reader) calls the link: its text, else its ``aria-label``."""
    return text_of(link) or _aria_name(link)


def _named_title(card: HtmlElement, name: str) -> HtmlElement | None:
    """The heading of the card that shows an empty link's name (its title, shown beside the link)."""
    return next((h for h in card.iter(*_HEADINGS) if text_of(h) == name), None)


# How many levels above the heading (and the frames that hold only it) the cards may start.
MAX_REGION_LEVELS = 6


def _heading_frame(heading: HtmlElement) -> HtmlElement:
    """The widest element around the heading that shows nothing but it: an email's heading stands
    in a text block of eight nested layout-table levels (held-out era W: 0 of 120 pages' cards found
    six levels up), a page's in a ``<div>`` or two, which are the heading as a reader sees it."""
    frame, text = heading, text_of(heading)
    while (parent := frame.getparent()) is not None and parent.tag != "body" and text_of(parent) == text \
            and next((e for e in parent.iter("img", "a") if heading not in e.iterancestors()), None) is None:
        frame = parent
    return frame


def _card_region(heading: HtmlElement, is_article_link: Callable[[HtmlElement], bool],
                 category_names: frozenset[str] = frozenset()) -> list[HtmlElement]:
    """The elements after the heading that hold the cards (its section, or its next siblings), and
    the category labels standing between them ("<p><b>AI</b></p>" over each card: Medium's list of
    link previews, era AB, whose region ended after its first card on 70 of 120 pages)."""
    node = _heading_frame(heading)
    for _ in range(MAX_REGION_LEVELS):
        followers: list[HtmlElement] = []
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            has_links = any(is_article_link(a) for a in sibling.iter("a"))
            label = not has_links and sibling.tag not in STOP_TAGS and named_category(text_of(sibling), category_names)
            if sibling.tag in STOP_TAGS and followers or (followers and not has_links and not label):
                break
            if has_links or label:
                followers.append(sibling)
        if any(any(is_article_link(a) for a in top.iter("a")) for top in followers):
            return followers
        node = node.getparent()
        if node is None or node.tag == "body":
            break
    return []


def _card_of(link: HtmlElement, region_tops: set[HtmlElement], is_article_link: Callable[[HtmlElement], bool]) -> HtmlElement:
    """The widest element holding ``link`` and no link to another article. A second link to the same
    URL (a "Read More" button under the title link) is the same card's: every card of era X has one."""
    card, href = link, link.get("href")
    while card not in region_tops:
        parent = card.getparent()
        if parent is None or next((a for a in parent.iter("a") if a.get("href") != href and is_article_link(a)), None) \
                is not None:
            break  # the parent holds another card's link too
        card = parent
    return card


def _same_target(card: HtmlElement, link: HtmlElement) -> set[HtmlElement]:
    """The card's other links to the link's URL: a button's text ("Read More") is no snippet of the card."""
    href = link.get("href")
    return {a for a in card.iter("a") if a is not link and a.get("href") == href}


def _text_outside(card: HtmlElement, excluded: set[HtmlElement | None]) -> str:
    """The card's text outside its title and category links: the snippet."""
    if card in excluded or any(a in excluded for a in card.iterancestors()):
        return ""
    parts: list[str] = []
    _collect_text(card, excluded, parts, hidden=False)
    return normalize_text(" ".join(parts))


def _collect_text(element: HtmlElement, excluded: set[HtmlElement | None], parts: list[str], hidden: bool) -> None:
    """The text nodes under ``element`` in document order, but those in ``excluded`` subtrees and
    in script or style: the walk a ``.//text()`` XPath with ancestor tests makes, without them."""
    hidden = hidden or element.tag in _CODE_TAGS
    if element.text and not hidden:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child not in excluded and not _hidden(child):  # a comment's text is no text node
            _collect_text(child, excluded, parts, hidden)
        if child.tail and not hidden:
            parts.append(child.tail)


def _category_inside(link: HtmlElement, category_names: frozenset[str]) -> str | None:
    """A category label nested in the card's link (``<a><span>Halbleiter</span><strong>…``)."""
    for child in link.iterdescendants():
        if isinstance(child.tag, str) and text_of(child) in category_names:
            return text_of(child)
    return None


# What marks a title among a card link's parts (``<a><span>AI</span><strong>Title</strong><p>…</a>``).
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_TITLE_TAGS = frozenset({*_HEADINGS, "strong", "b"})
# A card's date or reading-time line is short ("May 5, 2023 • 4 min read": 24); a snippet ends a
# sentence or is cut with an ellipsis.
MAX_META_CHARS = 60
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", "…", "...")
_HOST_NAME = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.IGNORECASE)


def _is_title(element: HtmlElement) -> bool:
    return element.tag in _TITLE_TAGS or next(element.iterdescendants(*_HEADINGS), None) is not None


def is_card_meta(element: HtmlElement, text: str) -> bool:
    """A card's footer line: its date or reading time ("May 5, 2023 • 4 min read"), no snippet words.
    A snippet is a sentence, or cut with an ellipsis; a meta line is short and dates or times."""
    if element.tag == "footer" or next(element.iter("time"), None) is not None:
        return True
    if len(text) > MAX_META_CHARS or text.endswith(_SENTENCE_ENDS):
        return False
    if _HOST_NAME.match(text):
        return True  # a link preview's domain line ("ipgirl.com"): where the link goes, no words of the story
    return any(looks_like_reading_time(text, lang) or looks_like_date(text, lang) for lang in ui_strings.languages())


def _shown_parts(element: HtmlElement) -> list[tuple[HtmlElement, str]]:
    return [(child, text) for child in element
            if isinstance(child.tag, str) and not _hidden(child) and (text := text_of(child))]


def _link_parts(link: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The parts of a card link's text: its children that show text, read through the wrappers that
    hold all of it (a link preview box nests its title, description and domain two divs down)."""
    node, parts = link, _shown_parts(link)
    while len(parts) == 1 and parts[0][1] == text_of(node):
        node = parts[0][0]
        parts = _shown_parts(node)
    return parts if len(parts) > 1 else []


def _one_link_card(link: HtmlElement, category_names: frozenset[str]) -> dict[str, str | None] | None:
    """A card that is one link around its category, title, snippet and a date or reading time: each
    a child of the link (or of the wrappers in it). The title is the part with a heading (else the
    first), the snippet the text after it but the footer's date, reading time or domain."""
    parts = _link_parts(link)
    if len(parts) < 2:
        return None
    category = next((text for _, text in parts if text in category_names), None)
    rest = [(child, text) for child, text in parts if text != category]
    if not rest:
        return None
    title_at = next((i for i, (child, _) in enumerate(rest) if _is_title(child)), 0)
    snippet = " ".join(text for child, text in rest[title_at + 1:] if not is_card_meta(child, text))
    return {"title": rest[title_at][1], "category": category, "snippet": snippet or None}


def parse_card(link: HtmlElement, card: HtmlElement, category_names: frozenset[str],
               resolve: LinkResolver) -> dict[str, str | None]:
    whole = _one_link_card(link, category_names)
    if whole is not None and not _text_outside(card, {link}):
        return {**whole, "url": resolve(link.get("href"))}
    link_text = title = text_of(link)
    shown_title = None
    if not link_text:  # an empty overlay link named by aria-label: the card's heading shows that name
        title = link_name(link)
        shown_title = _named_title(card, title)
    category_link = next((a for a in card.iter("a") if "/category/" in (a.get("href") or "")), None)
    category = text_of(category_link) if category_link is not None else None
    if category is None:
        category = _category_inside(link, category_names)
        if category and link_text.startswith(category) and link_text != category:
            title = normalize_text(link_text[len(category):])
    if category is None:  # a category shown as plain text beside the link, maybe quoted ("In “AI”")
        category_link = next((e for e in card.iter() if isinstance(e.tag, str) and e is not card
                              and link not in (e, *e.iterancestors()) and named_category(text_of(e), category_names)),
                             None)
        category = named_category(text_of(category_link), category_names) if category_link is not None else None
    meta = {e for e in card.iter("time", "footer") if e is not card and e is not link and link not in e.iterancestors()}
    meta.update(_stat_cells(card, link))
    excluded = {link, category_link, shown_title, *meta, *_same_target(card, link)}
    snippet = _text_outside(card, excluded).strip(_SNIPPET_TRIM)
    description = card.getnext() if card.tag == "dt" else None
    if description is not None and description.tag == "dd":  # <dt><a>title</a></dt><dd>category — snippet</dd>
        snippet = text_of(description)
    if category is None:
        category, snippet = _leading_category(snippet, category_names)
    return {"title": title, "url": resolve(link.get("href")), "category": category, "snippet": snippet or None}


# A table row's cell of figures: a count, a number of views, an age ("12", "3.6k", "10d", "2 h").
MAX_STAT_CHARS = 12
_DIGITS = re.compile(r"\d")


def _stat_cells(card: HtmlElement, link: HtmlElement) -> list[HtmlElement]:
    """A card that is a table row (a forum's topic list: Topic, Replies, Views, Activity) shows figures
    in the cells beside its title's: columns of the table, no words of the snippet (era Z: "12 3.6k 10d"
    ended all 120 pages' snippets). A cell of words (a snippet column) stays."""
    if card.tag != "tr":
        return []
    return [cell for cell in card if isinstance(cell.tag, str) and link not in cell.iterdescendants()
            and len(text := text_of(cell)) <= MAX_STAT_CHARS and _DIGITS.search(text)]


# A context line quoting the category: "In “AI”", "Dans « IA »", "In „KI“", "「AI」より".
_QUOTED = re.compile(r"^[^\W\d]{0,12}\s?[«“”\"„「『‘]\s*(.+?)\s*[»”“\"」』’]\s?[^\W\d]{0,4}$")


def named_category(text: str, category_names: frozenset[str]) -> str | None:
    """The category a short text names: the whole text, or a category quoted after (or before) a
    short word."""
    if text in category_names:
        return text
    match = _QUOTED.match(text) if len(text) <= 60 else None
    return match[1] if match and match[1] in category_names else None


def _leading_category(snippet: str, category_names: frozenset[str]) -> tuple[str | None, str]:
    """("Robotique — Des chercheurs…") -> ("Robotique", "Des chercheurs…") when it names a category."""
    for separator in (" — ", " – ", " - ", " | ", " · ", ": "):
        head, found, rest = snippet.partition(separator)
        if found and head in category_names:
            return head, rest.strip(_SNIPPET_TRIM)
    return None, snippet


def related_cards(heading: HtmlElement | None, resolve: LinkResolver,
                  is_article_url: Callable[[str | None], bool], category_names: frozenset[str]) -> list[dict[str, str | None]]:
    """Raw cards in page order: title, url, category, snippet (ellipsis still on)."""
    if heading is None:
        return []

    verdicts: dict[str | None, bool] = {}

    def is_article_link(a: HtmlElement) -> bool:
        # Card regions are scanned link by link several times over: resolve each href once.
        href = a.get("href")
        verdict = verdicts.get(href)
        if verdict is None:
            verdict = verdicts[href] = is_article_url(resolve(href))
        return verdict

    card_links: dict[HtmlElement, bool] = {}

    def is_card_link(a: HtmlElement) -> bool:
        # A link hidden from readers or with no name (a card's thumbnail beside its title link)
        # repeats its card's link: it neither makes a card nor splits one in two. Asked of each
        # link once per card it may belong to: decided once.
        verdict = card_links.get(a)
        if verdict is None:
            verdict = card_links[a] = is_article_link(a) and not _hidden(a) and bool(link_name(a))
        return verdict

    region = _card_region(heading, is_article_link, category_names)
    tops = set(region)
    cards, seen, label = [], set(), None
    for top in region:
        if not any(is_card_link(link) for link in top.iter("a")):
            label = named_category(text_of(top), category_names)  # the next card's category, over it
            continue
        for link in top.iter("a"):
            if not is_card_link(link):
                continue
            card = _card_of(link, tops, is_card_link)
            if card in seen or _hidden_within(card, tops):
                continue
            seen.add(card)
            parsed = parse_card(link, card, category_names, resolve)
            cards.append({**parsed, "category": parsed["category"] or label})
            if len(cards) >= MAX_CARDS:
                return cards
        label = None
    return cards
