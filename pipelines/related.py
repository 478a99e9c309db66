"""Related links: the raw "Discover more" cards into clean ``{title, url, category, snippet, snippet_truncated}``,
and translations kept to the site's languages."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.text import normalize_or_none, normalize_text
from pipelines.base import PagePipeline

_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…)\s*$")
# A "read on" arrow or chevron a card prints after its snippet: a button, not the snippet's words.
_TRAILING_ARROWS = re.compile(r"\s*[→⟶➔➜➝➞➡↗›»❯▸▶⇒]+\s*$")


# Joiners and variation selectors that build an emoji ("📄️" is U+1F4C4 U+FE0F).
_EMOJI_PARTS = frozenset("\ufe0e\ufe0f\u200d\u20e3")


def without_leading_icons(title: str) -> str:
    """("📄️ Regulators tighten the rules") -> "Regulators tighten the rules": pictographs (Unicode
    category So) before a card's first word are its icon, not words of the title (a docs site's
    card list: 107 of 120 era U pages). A title that starts with a letter, digit or currency sign,
    or holds a symbol further on, keeps it."""
    start = 0
    while start < len(title) and (unicodedata.category(title[start]) == "So" or title[start] in _EMOJI_PARTS):
        start += 1
    rest = title[start:].lstrip()
    return rest if start and rest else title


def split_ellipsis(snippet: str | None) -> tuple[str | None, bool]:
    """("Cependant, avez-vous...") -> ("Cependant, avez-vous", True)."""
    text = normalize_text(snippet)
    if not text:
        return None, False
    text = _TRAILING_ARROWS.sub("", text)
    cut = _ELLIPSIS.sub("", text)
    return (cut or None), cut != text


def clean_card(raw: dict[str, Any]) -> dict[str, Any] | None:
    """A contract card, or None when the card has no link or no title."""
    title, url = normalize_or_none(raw.get("title")), raw.get("url")
    if not title or not url:
        return None
    snippet, truncated = split_ellipsis(raw.get("snippet"))
    return {"title": title, "url": url, "category": normalize_or_none(raw.get("category")),
            "snippet": snippet, "snippet_truncated": truncated}


def site_translations(translations: dict[str, str]) -> dict[str, str]:
    """Only the languages the site has: an ``hreflang="nl"`` on a page of the nine is no translation of it."""
    site = ui_strings.languages()
    return {code: url for code, url in translations.items() if code in site}


class RelatedLinksPipeline(PagePipeline):
    name = "related"

    def process_article(self, item: Any) -> Any:
        cards = [clean_card(raw) for raw in item.pop("raw_related", None) or []]
        for card in cards:
            if card and (title := without_leading_icons(card["title"])) != card["title"]:
                card["title"] = title
                self.count("icon_titles")
        item["related"] = [card for card in cards if card]
        self.count("cards", len(item["related"]))
        self.count("dropped_cards", len(cards) - len(item["related"]))
        translations = item.get("translations") or {}
        kept = site_translations(translations)
        if len(kept) != len(translations):
            item["translations"] = kept
            self.count("dropped_translations", len(translations) - len(kept))
        return item
