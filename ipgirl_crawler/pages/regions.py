"""The page's regions found by structure: title, byline, body blocks, related cards."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ipgirl_crawler.pages.anchors import END_KEYS, Anchors, prefix_pattern
from ipgirl_crawler.pages.avatars import is_avatar_block, name_line_names
from ipgirl_crawler.pages.byline import looks_like_date, looks_like_reading_time
from ipgirl_crawler.pages.dom import flatten_blocks, set_larger, text_of
from ipgirl_crawler.pages.lead_chrome import is_chrome_only, is_jump_links, is_site_tagline
from ipgirl_crawler.pages.thread import is_profile_link

BYLINE_KEYS = ("by", "published", "updated")
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})  # an h1 after the title is a section heading (dom.BLOCK_TAGS)
MAX_BYLINE_CHARS = 300
MAX_DATE_LINE_CHARS = 80
SENTENCE_ENDS = (".", "。", "!", "?")
DATE_LABEL_KEYS = ("published", "updated")
# An intro above a share bar is one block; after more, a footer landmark ends the body even where
# the densest text starts later (a short story above a sidebar of teasers: era F, ko).
MAX_INTRO_BLOCKS = 3
# How many blocks from the body's end may hold its dates and the tag links after them.
MAX_TAIL_BLOCKS = 6
# Inline tags that set a whole paragraph apart as a standfirst ("<p><em>…</em></p>").
EMPHASIS_TAGS = frozenset({"strong", "b", "em", "i"})


@dataclass
class BodyRegion:
    """Blocks between byline and footer, and the byline block when it stands among them."""

    blocks: list[HtmlElement] = field(default_factory=list)
    byline: HtmlElement | None = None
    author_row: HtmlElement | None = None  # avatars and names shown apart from a byline of dates
    dates: list[HtmlElement] = field(default_factory=list)  # date lines set aside, from the lead and the tail
    byline_names: tuple[str, ...] = ()  # the names of a byline shown as an avatar and a name line, no label


def marked_elements(anchors: Anchors, keys: tuple[str, ...] | frozenset[str]) -> set[HtmlElement]:
    """The anchors of ``keys`` and all their ancestors: a block in this set holds a landmark."""
    marked: set[HtmlElement] = set()
    for key in keys:
        for element in anchors.all(key):
            marked.add(element)
            marked.update(element.iterancestors())
    return marked


def _inside(block: HtmlElement, anchors: set[HtmlElement]) -> bool:
    return any(ancestor in anchors for ancestor in block.iterancestors())


def _labels_a_row(element: HtmlElement) -> bool:
    return element.tag == "th" or (parent := element.getparent()) is not None and parent.tag == "th"


def is_author_link(element: HtmlElement) -> bool:
    """A link to the page of a person: an author's, or a member's profile (a forum post's poster)."""
    return is_profile_link(element)


def _holds_person(block: HtmlElement, members: bool = True) -> bool:
    """A ``time``, or a link to an author's page (with ``members``, to any person's profile)."""
    links = block.iter("a")
    return next(block.iter("time"), None) is not None or any(
        is_profile_link(a) if members else "/author" in (a.get("href") or "") for a in links)


def is_byline_block(block: HtmlElement, byline_marks: set[HtmlElement], names: tuple[str, ...] = ()) -> bool:
    """A short non-heading block with a byline label, a ``time`` or an author link, not a sentence;
    or, without any of these, the short block that shows the authors the page's metadata names."""
    if block.tag in HEADING_TAGS:
        return False
    text = text_of(block)
    if names and len(text) <= MAX_BYLINE_CHARS and any(name in text for name in names):
        return True
    # A row of several avatars and names falls apart into one block per author link.
    if is_author_link(block) and len(text) <= MAX_BYLINE_CHARS:
        return True
    # "Von Brüssel bis Tokio wächst der Druck …." is a sentence, however it starts.
    if not text or len(text) > MAX_BYLINE_CHARS or text.endswith((".", "。", "!", "?")):
        # a sentence naming people with links to their profiles elsewhere ("Our guests were Prof. <a>…</a>")
        return _holds_person(block, members=False) and len(text) <= MAX_BYLINE_CHARS
    return block in byline_marks or _holds_person(block)


def _short_line(block: HtmlElement, text: str) -> bool:
    """A line of metadata is short and no sentence: a paragraph that mentions a date is body."""
    return block.tag not in HEADING_TAGS and bool(text) and len(text) <= MAX_DATE_LINE_CHARS \
        and not text.endswith(SENTENCE_ENDS)


def is_date_line(block: HtmlElement, lang: str) -> bool:
    """A short line of the lead that only dates the article ("4 juillet 2023 · 3 min de lecture")."""
    text = text_of(block)
    return _short_line(block, text) and (next(block.iter("time"), None) is not None or looks_like_date(text, lang))


def is_reading_time_line(block: HtmlElement, lang: str) -> bool:
    """A short line that only says how long the article takes to read ("1분 분량", "3 min read")."""
    text = text_of(block)
    return _short_line(block, text) and looks_like_reading_time(text, lang)


def is_tail_date_line(block: HtmlElement, lang: str) -> bool:
    """A short line after the body that dates it: a ``<time>``, a published/updated label or a reading
    time. Stricter than the lead's rule: a closing "Reuters, 2024" is the body's own."""
    text = text_of(block)
    if not _short_line(block, text):
        return False
    if next(block.iter("time"), None) is not None or looks_like_reading_time(text, lang):
        return True
    match = prefix_pattern(lang).match(text)
    return bool(match and match.lastgroup in DATE_LABEL_KEYS)


# A post's number beside its poster and date ("#1"): no words of the story (it ended the lead of 2 of
# 120 era Z pages before the post's "By A and B" line). A bare count between title and story ("14",
# "4.2K") is a widget's (claps, responses, views beside their buttons), no paragraph: the responses
# count opened 112 of 117 era AB bodies. Headings are never taken by it (a listicle's "1").
_POST_NUMBER = re.compile(r"^#?\d[\d.,]{0,8}[KkMm]?$")
# Controls a reader presses, not reads: their labels ("+ Follow", "Subscribe") are no paragraph.
CONTROL_TAGS = ("button", "select", "option", "textarea", "label")
MAX_TOGGLE_LABEL_CHARS = 40


def is_control_row(block: HtmlElement) -> bool:
    """A block whose visible text is all its buttons' and other controls' labels (a "Follow"
    button beside the byline). Controls hold no text of the article; a paragraph that names one
    in a sentence ("Press <button>Start</button> to begin") has text of its own and stays."""
    text = text_of(block).replace(" ", "")
    controls = [c for c in block.iter(*CONTROL_TAGS) if not any(a.tag in CONTROL_TAGS for a in c.iterancestors())]
    if any(c.get("aria-expanded") == "false" for c in controls) and len(text) <= MAX_TOGGLE_LABEL_CHARS:
        return True  # a closed toggle and its label ("▸ Contents"): what it holds is hidden, the label a control's
    return bool(text and controls) and len("".join(map(text_of, controls)).replace(" ", "")) >= len(text)


def _is_link_row(block: HtmlElement) -> bool:
    """A block whose text, if any, is all link text (tag links, a share row)."""
    text = text_of(block).replace(" ", "")
    return not text or len("".join(text_of(a) for a in block.iter("a")).replace(" ", "")) >= len(text)


def _set_aside_tail_dates(region: BodyRegion, lang: str) -> None:
    """Dates shown after the body ("Updated …", "Published on …"), maybe with tag links after them,
    date the article: they are no paragraphs of it. Only the last few blocks are read."""
    index = len(region.blocks)
    while index > max(0, len(region.blocks) - MAX_TAIL_BLOCKS):
        block = region.blocks[index - 1]
        if is_tail_date_line(block, lang):
            region.dates.append(region.blocks.pop(index - 1))
        elif not _is_link_row(block):
            return
        index -= 1


def holds_author_link(block: HtmlElement) -> bool:
    return is_author_link(block) or any(is_author_link(a) for a in block.iter("a"))


def _byline_row(block: HtmlElement, container: HtmlElement, after: int, positions: dict[HtmlElement, int],
                links_only: bool = True) -> HtmlElement:
    """An author link standing as a block (or, for an author row, a block holding one) is one of a
    row (avatars, names, roles, a reading time): the widest short row holding it, below the title
    and the container, is the byline."""
    if not (is_author_link(block) if links_only else holds_author_link(block)):
        return block
    row = block
    while (parent := row.getparent()) is not None and parent is not container \
            and positions.get(parent, -1) > after and len(text_of(parent)) <= MAX_BYLINE_CHARS:
        row = parent
    return row


@dataclass
class _Lead:
    """The blocks between the title and the body: summary, byline, author rows, dates, reading time."""

    container: HtmlElement
    after: int
    positions: dict[HtmlElement, int]
    summary: str
    byline_marks: set[HtmlElement]
    names: tuple[str, ...]
    lang: str
    byline_found: bool
    region: BodyRegion = field(default_factory=BodyRegion)
    pending: list[HtmlElement] = field(default_factory=list)  # date lines before any byline
    pending_at: int = 0  # where they stand among the blocks
    avatar: list[HtmlElement] = field(default_factory=list)  # a small picture, then a line of names: undecided
    avatar_at: int = 0  # where they stand among the blocks
    avatar_names: tuple[str, ...] = ()
    summary_block: HtmlElement | None = None  # the block that repeats the summary, taken as the standfirst
    site_names: tuple[str, ...] = ()  # the site's own name, as its metadata and <title> give it

    def takes(self, block: HtmlElement) -> bool:
        """Whether ``block`` belongs to the lead (kept aside), not to the body."""
        region, text = self.region, text_of(block)
        if text and (is_chrome_only(block) or is_jump_links(block)):
            return True  # a wrapper of menus between title and story (a wiki's page tabs: "Article Talk Read Edit")
        if self.summary and text == self.summary and not self.pending:
            self.summary_block = block
            return True  # after an undecided date line a standfirst is the body's (a real page's teaser)
        if any(row is not None and row in block.iterancestors() for row in (region.byline, region.author_row)):
            return True  # the rest of the byline's row: more authors, a reading time
        if self.avatar and self._avatar_row(block, text):
            return True
        # a picture linking to its person's profile (a poster's avatar) is read with the profile links below
        if not self.byline_found and region.byline is None and region.author_row is None and is_avatar_block(block) \
                and not holds_author_link(block):
            self.avatar, self.avatar_at = [block], len(region.blocks)  # decided by the lines under it
            return True
        # an avatar's link alone (no text) is no byline: the names beside it are
        if not self.byline_found and (region.byline is None or not text_of(region.byline)) \
                and is_byline_block(block, self.byline_marks, self.names):
            region.byline = _byline_row(block, self.container, self.after, self.positions)
            return True
        if region.byline is not None and self._names_writers(block, text):
            # the post's own "By A and B" line names who wrote it; the poster's line, who posted it, dates it
            region.dates.append(region.byline)
            region.byline = block
            return True
        if region.author_row is None and holds_author_link(block) and len(text) <= MAX_BYLINE_CHARS \
                and (not text.endswith(SENTENCE_ENDS) or _holds_person(block, members=False)):
            # avatar blocks after a date line taken as the byline: 24 of 120 era U pages lost their authors
            region.author_row = _byline_row(block, self.container, self.after, self.positions, links_only=False)
            return True
        if is_date_line(block, self.lang):  # "4 July 2023 · 3 min read" dates, whatever else it says
            # a date line of its own beside the byline, before it too (era U: a date line, then the avatars)
            dated = self.byline_found or region.byline is not None or is_reading_time_line(block, self.lang)
            if not dated and not self.pending:
                self.pending_at = len(region.blocks)
            (region.dates if dated else self.pending).append(block)
            return True
        # a "Follow" button beside the byline ended the lead: 18 of 120 pages of era V lost
        return is_reading_time_line(block, self.lang) or is_control_row(block) \
            or (block.tag not in HEADING_TAGS and bool(_POST_NUMBER.match(text))) or is_site_tagline(block, text, self.site_names)

    def _names_writers(self, block: HtmlElement, text: str) -> bool:
        """A short "By A and B" line after a byline that is a poster's line (a profile link, no label):
        a staff account posted the story its writers' line opens (era Z: 40% of pages)."""
        byline = self.region.byline
        if not text or len(text) > MAX_BYLINE_CHARS or text.endswith(SENTENCE_ENDS) or not holds_author_link(byline):
            return False
        pattern = prefix_pattern(self.lang)
        label, poster_label = pattern.match(text), pattern.match(text_of(byline))
        return bool(label and label.lastgroup == "by" and not (poster_label and poster_label.lastgroup == "by"))

    def _avatar_row(self, block: HtmlElement, text: str) -> bool:
        """A small picture, a line of names right under it, then a line of dates: the byline (a CMS's
        author reference, an avatar and the names with no "By": 35 of 120 era X pages). Whether
        ``block`` is taken as the names; the date line is read on, beside the byline. Without the
        names, or the dates, the picture (and the line) are the story's, put back in their place."""
        if len(self.avatar) == 1:
            names = () if block.tag in HEADING_TAGS else tuple(name_line_names(text, self.lang))
            if names:
                self.avatar.append(block)
                self.avatar_names = names
                return True
        elif is_date_line(block, self.lang) or is_reading_time_line(block, self.lang):
            self.region.byline, self.region.byline_names = self.avatar[1], self.avatar_names
            self.avatar = []
            return False
        self._put_back_avatar()
        return False

    def _put_back_avatar(self) -> None:
        self.region.blocks[self.avatar_at:self.avatar_at] = self.avatar
        self.avatar = []

    def close(self) -> None:
        """The lead ends: date lines before a byline date the article; with no byline they are body."""
        self._put_back_avatar()  # nothing under the picture, or its names: the story's
        if self.byline_found or self.region.byline is not None or self.region.author_row is not None:
            self.region.dates.extend(self.pending)
        else:  # in their place, before the empty blocks the lead let through after them
            self.region.blocks[self.pending_at:self.pending_at] = self.pending
        self.pending = []


def opens_the_story(standfirst: HtmlElement, blocks: list[HtmlElement], title_at: int,
                    positions: dict[HtmlElement, int], byline: HtmlElement | None = None) -> bool:
    """Whether the block that repeats the summary is the story's first paragraph: inside the story's
    own container, which opens after the title (the title stands outside it), and written as the next
    paragraph is: same tag and class, not all in emphasis nor set larger. A description copied from
    the first paragraph (a CMS's excerpt: eval-dev unzensuriert.at lost its lead, 3 must-haves) is no
    standfirst; one beside the title, or set apart by its class, wrapper or emphasis (every era of the
    local site) is."""
    following, parent = next((block for block in blocks if text_of(block)), None), standfirst.getparent()
    if following is None or following.getparent() is not parent or following.tag != standfirst.tag \
            or positions.get(parent, -1) <= title_at:
        return False
    if byline is not None and positions.get(standfirst, -1) < positions.get(byline, -1) < positions.get(following, -1):
        return False  # the byline under it sets it apart: a lead paragraph over "By A and B" (era AC, 28 of 120 pages)
    if standfirst.get("class") != following.get("class") or set_larger(standfirst, following):
        return False
    emphasis = [child for child in standfirst if child.tag in EMPHASIS_TAGS]
    return not (len(emphasis) == 1 and text_of(emphasis[0]) == text_of(standfirst))


# A paragraph of the story: a sentence of this many characters or more (a short Chinese one is 24).
MIN_PROSE_CHARS = 20


def without_leading_h1(blocks: list[HtmlElement]) -> list[HtmlElement]:
    """The blocks without the ``h1`` that stand before the story's first sentence: the page's title
    again (a CMS's second title, one under a breadcrumb trail: 16 real pages of ../shared gained
    theirs once an ``h1`` became a block). An ``h1`` after the story's first sentence heads a
    section of it (Medium's subheadings, era AB)."""
    kept, prose = [], False
    for block in blocks:
        if block.tag == "h1" and not prose:
            continue
        text = text_of(block)
        prose = prose or (block.tag not in HEADING_TAGS and len(text) >= MIN_PROSE_CHARS and text.endswith(SENTENCE_ENDS))
        kept.append(block)
    return kept


def split_body(container: HtmlElement, after: int, positions: dict[HtmlElement, int],
               anchors: Anchors, summary: str, byline_found: bool = False,
               author_names: list[str] | tuple[str, ...] = (), lang: str = "en", main_at: int = -1,
               site_names: tuple[str, ...] = ()) -> BodyRegion:
    """Walk the container's blocks after the title: skip the lead (summary, byline, a share bar),
    keep the body, stop at the first footer landmark (tags, share, votes, discover).

    Only the lead may hold the summary and the byline ("in their place"): a body paragraph
    that repeats the summary, or starts with "Von", stays body. A footer landmark after a one-block
    intro and before ``main_at`` (where the element with the most paragraph text starts) ends nothing."""
    # a row's header cell labels its value ("분류 | 반도체": Korean "category", also a tags label), no footer
    # (era AC: a Korean infobox's category row ended 2 of 120 bodies at the title)
    end_anchors = {e for key in END_KEYS for e in anchors.all(key) if not _labels_a_row(e)}
    end_marks = {m for e in end_anchors for m in (e, *e.iterancestors())}
    lead = _Lead(container, after, positions, summary, marked_elements(anchors, BYLINE_KEYS), tuple(author_names),
                 lang, byline_found, site_names=site_names)
    region, in_lead = lead.region, True
    for block in flatten_blocks(container):
        if positions.get(block, -1) <= after:
            continue
        at_end = block in end_marks or _inside(block, end_anchors)
        if in_lead:
            if at_end or lead.takes(block):
                continue
            in_lead = not text_of(block)
            if not in_lead:
                lead.close()
        elif at_end:
            intro = sum(1 for b in region.blocks if text_of(b))  # empty blocks (an ad's slot) are no intro
            if intro <= MAX_INTRO_BLOCKS and positions.get(block, -1) < main_at:
                continue  # a share bar between an intro and the main text: the article goes on
            break
        region.blocks.append(block)
    if in_lead:
        lead.close()
    if lead.summary_block is not None and opens_the_story(lead.summary_block, region.blocks, after, positions,
                                                          region.byline):
        region.blocks.insert(0, lead.summary_block)
    _set_aside_tail_dates(region, lang)
    region.blocks = without_leading_h1(region.blocks)
    return region
