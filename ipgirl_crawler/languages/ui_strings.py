"""Per-language UI strings of the site, loaded once from ``data/ui-strings.json``.

Pages show their UI strings either in English or in their own language, so every
lookup here offers both (the page's language first).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ipgirl_crawler.languages.rules import LABEL_VARIANTS

DEFAULT_UI_LANGUAGE = "en"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files("ipgirl_crawler").joinpath("data/ui-strings.json").read_text("utf-8")
    return json.loads(text)


def languages() -> tuple[str, ...]:
    return tuple(_table()["languages"])


def ui_string(lang: str, key: str) -> str | None:
    return _table()["ui_strings"].get(lang, {}).get(key)


def ui_variants(lang: str | None, key: str) -> tuple[str, ...]:
    """The UI string ``key`` in ``lang`` and in English, then the other words sites use for it
    (``rules.LABEL_VARIANTS``), without repeats."""
    codes = (lang or DEFAULT_UI_LANGUAGE, DEFAULT_UI_LANGUAGE)
    others = LABEL_VARIANTS.get(key, {})
    found = [ui_string(code, key) for code in codes] + [word for code in codes for word in others.get(code, ())]
    return tuple(dict.fromkeys(s for s in found if s))


def ui_names() -> tuple[str, ...]:
    """The names of the UI strings (``helpful_q``, ``tags``…), as English has them."""
    return tuple(_table()["ui_strings"][DEFAULT_UI_LANGUAGE])


def all_ui_variants(key: str) -> tuple[str, ...]:
    """The UI string ``key`` in every language, for pages whose language is unknown."""
    return tuple(dict.fromkeys(ui_string(code, key) for code in languages() if ui_string(code, key)))


def category_names() -> dict[str, dict[str, str]]:
    """Category slug -> language -> localized name."""
    return _table()["categories"]
