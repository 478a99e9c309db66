"""The site notice as the run's pages state it: one text per language across the site, so a text
that holds, or starts like, a more common one is a misreading of it. Pure over the run's records.
"""
from __future__ import annotations

import os
from collections import Counter
from typing import Any

from ipgirl_crawler.monitoring.verify_match import norm


def notice_texts(records: Any) -> dict[str, str | None]:
    """{normalised notice text: None when it is one of the site's notice texts, else the site's
    text it is a variant of}. The site shows one notice text per language: a text shown on 3 or
    more pages is the site's, unless it holds (or is held by, or starts like) a text shown more
    often, which makes it a misreading of that one. A rare text like no other states nothing."""
    counts: Counter[str] = Counter(norm(r["site_notice"]) for r in records if r.get("site_notice"))
    found: dict[str, str | None] = {}
    for text, shown in counts.most_common():
        site_text = next((t for t, of in found.items() if of is None and _variant(text, t)), None)
        if site_text is not None:
            found[text] = site_text
        elif shown >= 3:
            found[text] = None
    return found


def _variant(text: str, site_text: str) -> bool:
    common = len(os.path.commonprefix([text, site_text]))
    return text in site_text or site_text in text or common >= min(len(text), len(site_text)) // 2
