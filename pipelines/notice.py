"""Footer split: the site notice ("We will continue to update IPGirl…") out of the body."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.dom import drop_tree, hand_over_fragment, outer_html, parse_fragment, text_content
from ipgirl_crawler.pages.text import normalize_text, strip_control
from pipelines.base import PagePipeline


# A callout's icon before its text ("💡", "ℹ️ ", "⚠"): a picture, not words of the notice.
_ICON = re.compile(r"^[^\w\s]+\s*")


@lru_cache(maxsize=16)
def notice_texts(lang: str | None) -> frozenset[str]:
    """The notice as pages show it: the page's language and English first, every language accepted."""
    found = ui_strings.ui_variants(lang, "notice") + ui_strings.all_ui_variants("notice")
    return frozenset(normalize_text(text).casefold() for text in found)


def split_notice(raw_html: str, lang: str | None) -> tuple[str, str | None]:
    """(body without the notice block, the notice as shown); the body unchanged when absent."""
    notices = notice_texts(lang)
    visible = normalize_text(html.unescape(raw_html)).casefold()
    if not any(n[:24] in visible for n in notices):
        return raw_html, None
    root = parse_fragment(strip_control(raw_html))
    for block in reversed(list(root)):
        text = _ICON.sub("", normalize_text(text_content(block)))
        if text.casefold() in notices:
            drop_tree(block)
            body = "".join(outer_html(b) for b in root)
            hand_over_fragment(body, root)
            return body, text
    return raw_html, None


class NoticeSplitPipeline(PagePipeline):
    name = "notice"

    def process_article(self, item: Any) -> Any:
        body, notice = split_notice(item.get("raw_body_html") or "", item.get("language"))
        outside = item.pop("raw_notice_text", None)
        if notice is None and outside and normalize_text(outside).casefold() in notice_texts(item.get("language")):
            notice = normalize_text(outside)
            self.count("outside_body")
        item["raw_body_html"] = body
        item["site_notice"] = notice
        self.count("split" if notice else "absent")
        return item
