"""The page's dates: machine-readable ones (JSON-LD, metas, microdata, ``time[datetime]``, hAtom
``abbr[title]``) before the byline's visible text, as ``ArticlePage`` reads them."""
from __future__ import annotations

import re
from functools import cached_property

from lxml.html import HtmlElement

from ipgirl_crawler.pages.anchors import prefix_pattern
from ipgirl_crawler.pages.byline import BylineParts, looks_like_date, parse_byline
from ipgirl_crawler.pages.dom import attr, has_class_hint, lines_of, text_of
from ipgirl_crawler.pages.fields import item_field
from ipgirl_crawler.pages.lastedit import edited_after, last_edited_text
from ipgirl_crawler.pages.markup import may_carry
from ipgirl_crawler.pages.properties import date_in
from ipgirl_crawler.pages.regions import SENTENCE_ENDS
from ipgirl_crawler.pages.text import normalize_text

_STAMPS = ".//time | .//abbr[@title]"
# The lead's meta line is the byline's next sibling, or its parent's (a <header>): a few levels.
MAX_LEAD_LEVELS = 3
MAX_LEAD_LINES = 4
# Where a date after the body belongs to another article: a card's link, a list of them, a sidebar.
_OTHER_ARTICLES = frozenset({"a", "li", "aside", "nav"})
# "Veröffentlicht am 15. Oktober 2023 · Aktualisiert 19. Oktober 2023 · 2 Min. Lesezeit".
MAX_META_LINE_CHARS = 160
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_STAMP_SEPARATORS = re.compile(r"[·|•,]")
MAX_DAY_CHARS = 40  # "Mittwoch, 27. September 2023, 14:05 Uhr": 38
MIN_DAY_CHARS = 5  # a part of a date run shorter than this ("2023", "3d") is no day of its own


class DateStamps:
    """The date fields of ``ArticlePage`` (a mixin: it reads the page's metas, byline and body)."""

    @cached_property
    def _itemprops(self) -> list[HtmlElement]:
        """Every microdata property of the page, in document order (read for both dates)."""
        # The whole-document XPath only when the markup holds the attribute's name (pages/markup.py).
        return self.root.xpath("//*[@itemprop]") if may_carry(self.response.text, b"itemprop") else []

    def _microdata_date(self, key: str) -> str:
        """The ``content`` of the first ``[itemprop=key]`` with a content or datetime, else the
        ``datetime`` of the first with one."""
        props = [e for e in self._itemprops if e.get("itemprop") == key]
        with_value = next((e for e in props if e.get("content") is not None or e.get("datetime") is not None), None)
        return attr(with_value, "content") or attr(next((e for e in props if e.get("datetime") is not None), None),
                                                   "datetime")

    def _machine_date(self, ld_key: str, meta_key: str, published: bool) -> str | None:
        value = self.json_ld.get(ld_key)
        if isinstance(value, str) and value.strip():
            return normalize_text(value)
        value = self.meta.get(meta_key) or self._microdata_date(ld_key)
        if value:
            return value
        return next((stamp for stamp, is_update, machine in self._stamps if machine and is_update != published), None)

    def _visible_stamp(self, published: bool) -> str | None:
        """A date shown in a ``<time>`` without ``datetime`` beside the byline ("3 days ago")."""
        return next((stamp for stamp, is_update, machine in self._stamps if not machine and is_update != published), None)

    @cached_property
    def _stamps(self) -> list[tuple[str, bool, bool]]:
        """Machine-readable dates shown with the byline (``time[datetime]``, hAtom ``abbr[title]``),
        each with whether it is the update date; searched in the byline, else between title and body,
        else in the date lines after the body (where the label, not the order, tells the update)."""
        byline = self._byline
        nodes = byline.xpath(_STAMPS) if byline is not None else []
        if not [n for n in nodes if n.get("datetime") or n.get("title")] and not self.byline.published:
            nodes = []  # the byline shows no date: look beside it
        if not nodes:
            start = self.positions.get(self._title, -1)
            end = self.positions.get(self.body.blocks[0], 1 << 30) if self.body.blocks else 1 << 30
            nodes = [n for n in self.tagged.in_body("time", "abbr") if n.tag == "time" or n.get("title") is not None]
            nodes = [n for n in nodes if start < self.positions.get(n, -1) < end]
        if not nodes:
            nodes = [n for line in self.body.dates for n in line.xpath(_STAMPS)] or self._times_after_body()
        return [stamp for stamp in map(self._stamp, nodes) if stamp is not None]

    def _times_after_body(self) -> list[HtmlElement]:
        """The ``<time>``s after the body and before the related cards that stand in no body block
        and in no link, list item or sidebar (another article's date), inside the title's
        ``<article>`` when it has one: an article's ``<footer>`` ("Updated <time>…")."""
        if not self.body.blocks:
            return []
        start = self.positions.get(self.body.blocks[-1], 1 << 30)
        end = self.positions.get(self.discover_heading(), 1 << 30)
        article = next(iter(self._title.iterancestors("article")), None) if self._title is not None else None
        blocks = set(self.body.blocks)
        found = []
        for node in self.tagged.in_body("time"):
            if not start < self.positions.get(node, -1) < end:
                continue
            ancestors = list(node.iterancestors())
            if article is not None and article not in ancestors or blocks.intersection(ancestors):
                continue
            if not any(a.tag in _OTHER_ARTICLES for a in ancestors):
                found.append(node)
        return found[:MAX_LEAD_LINES]

    def _stamp(self, node: HtmlElement) -> tuple[str, bool, bool] | None:
        value = attr(node, "datetime" if node.tag == "time" else "title")
        if node.tag == "time" and not value:
            return text_of(node), self._is_update_stamp(node), False
        if node.tag == "time" or _ISO_DAY.match(value):
            return value, self._is_update_stamp(node), True
        return None

    @cached_property
    def _lead_lines(self) -> list[HtmlElement]:
        """The elements after the byline (else the title) and before the body, found through the
        siblings of it and of a few of its ancestors: where "Published on … · Updated …" stands
        when the byline holds only the names."""
        start = self._byline if self._byline is not None else self._title
        if start is None or not self.body.blocks:
            return []
        first_block = self.body.blocks[0]
        end, holders = self.positions.get(first_block, 1 << 30), set(first_block.iterancestors())
        lines: list[HtmlElement] = []
        for node in (start, *start.iterancestors())[:MAX_LEAD_LEVELS]:
            for sibling in node.itersiblings():
                if sibling in holders or self.positions.get(sibling, 1 << 30) >= end:
                    return lines
                if isinstance(sibling.tag, str) and len(lines) < MAX_LEAD_LINES:
                    lines.append(sibling)
        return lines

    @cached_property
    def _line_dates(self) -> BylineParts:
        """The dates that short date lines beside the body show as text, read as a byline's are
        ("Published on 4 July 2023 · Updated 9 July 2023", "33 giorni fa"): their labels tell which."""
        lang = self.language or "en"
        # Read by lines: a lead line that is a box of two date lines ("Published 26 August" and
        # "Updated 19 September" in divs) read as one text glued the second label to the first date.
        texts = [lines_of(line) for line in (*self._lead_lines, *self.body.dates)]
        texts = [t for t in texts if t and len(t) <= MAX_META_LINE_CHARS and not t.endswith(SENTENCE_ENDS)]
        return parse_byline(" | ".join(t for t in texts if looks_like_date(t, lang)), lang)

    def _is_update_stamp(self, node: HtmlElement) -> bool:
        if has_class_hint(node, "updat", "modif"):
            return True
        parent, before = node.getparent(), node.getprevious()
        pattern = prefix_pattern(self.language or "en")
        match = pattern.match(text_of(parent)) if parent is not None else None
        if (match is None or match.lastgroup != "updated") and before is not None:
            # "By A · 4 July 2023 · Updated <time>": the label just before it, whatever the line starts with
            match = pattern.match(_STAMP_SEPARATORS.split(before.tail or "")[-1].strip())
        return bool(match and match.lastgroup == "updated")

    @cached_property
    def _update_after_body(self) -> str | None:
        """An update shown on a line of its own after the body ("Last updated on <b>4 July 2023</b> by
        <b>Ann</b>": a docs page's footer, the only update date of 6 of 120 era U pages): its
        ``<time>``'s datetime, else the part of the line that is a date."""
        if not self.body.blocks:
            return None
        start = self.positions.get(self.body.blocks[-1], 1 << 30)
        end = self.positions.get(self.discover_heading(), 1 << 30)
        lang = self.language or "en"
        for line in self.anchors.all("updated"):
            if not start < self.positions.get(line, -1) < end or any(a.tag in _OTHER_ARTICLES for a in line.iterancestors()):
                continue
            stamp = next(line.iter("time"), None)
            if stamp is not None and stamp.get("datetime"):
                return stamp.get("datetime")
            return next((text for text in map(text_of, line.iterchildren()) if len(text) <= MAX_DAY_CHARS
                         and looks_like_date(text, lang)), None)
        return None

    def _property_date(self, key: str) -> str | None:
        """The date a properties table's row shows ("Published | 4 July 2023", "Last edited | …")."""
        value = self.properties.get(key)
        return date_in(value) if value is not None else None

    def _date_part(self, whole: str | None, *lines: HtmlElement | None) -> str | None:
        """A date read from unlabelled parts ("Olivia Grant January 8, 2025 #1": a poster's name, the date
        and the post's number in spans of their own) is the part that is a date (18 of 120 era Z pages'
        dates went unread); a date read whole, or with no such part, stays. A bare year is no such part."""
        if not whole:
            return whole
        lang = self.language or "en"
        parts = [text for line in lines if line is not None for e in line.iter() if isinstance(e.tag, str)
                 and not len(e) and (text := text_of(e)) and MIN_DAY_CHARS <= len(text) < len(whole)
                 and text in whole and looks_like_date(text, lang)]
        return max(parts, key=len) if parts else whole

    @cached_property
    def _date_above_title(self) -> str | None:
        """The line right above the title when it is only a day ("Tuesday, July 4, 2023"): a blog's date
        header over its posts (Blogger's ``h2.date-header``, era AA's 97 visibly dated pages; a photo
        blog's ``<time>`` over the post's heading). The nearest text before the title, widened to the
        largest element around it that stays a short date and holds no title; its ``<time>``'s
        datetime when it has one. A breadcrumb, a kicker or a card above the title is no day."""
        title = self._title
        if title is None:
            return None
        holders = set(title.iterancestors())
        for element in reversed(self.elements[:self.positions.get(title, 0)]):
            if element in holders or not isinstance(element.tag, str) or not text_of(element):
                continue
            while (parent := element.getparent()) is not None and parent not in holders \
                    and len(text_of(parent)) <= MAX_DAY_CHARS:
                element = parent
            text, lang = text_of(element), self.language or "en"
            if any(e.tag in _OTHER_ARTICLES for e in (*element.iter(), *element.iterancestors())) \
                    or len(text) > MAX_DAY_CHARS or not looks_like_date(text, lang):
                return None
            stamp = next((t for t in element.iter("time") if t.get("datetime")), None)
            return stamp.get("datetime") if stamp is not None else text
        return None

    @cached_property
    def _row_dates(self) -> BylineParts:
        """The dates the author row shows when the byline is another line: a platform's account row
        ("Olivia Grant · Follow · 2 min read · Oct 29, 2026") above the writers' own "By A and B" line
        (era AB: 12 of 120 pages lost their date once that line was read as the byline)."""
        row = self.body.author_row
        return parse_byline(lines_of(row), self.language or "en") if row is not None else BylineParts()

    @item_field
    def published_at_raw(self) -> str | None:
        return (self._machine_date("datePublished", "article:published_time", True) or self._property_date("published")
                or self._date_part(self.byline.published, self._byline)
                or self._date_part(self._row_dates.published, self.body.author_row) or self._visible_stamp(True)
                or self._date_part(self._line_dates.published, *self._lead_lines, *self.body.dates)
                or self._date_above_title)

    @item_field
    def modified_at_raw(self) -> str | None:
        return (self._machine_date("dateModified", "article:modified_time", False) or self._property_date("updated")
                or self.byline.modified or self._row_dates.modified
                or self._visible_stamp(False) or self._line_dates.modified or self._update_after_body
                or self._wiki_last_edited)

    @property
    def _wiki_last_edited(self) -> str | None:
        """A wiki footer's "last edited on" day, when after the publication's (era AC: 15 of 120 pages
        showed their revision there alone)."""
        lang = self.language or "en"
        return edited_after(last_edited_text(self.root, lang), self.published_at_raw(), lang)
