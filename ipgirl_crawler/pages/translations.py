"""A page's translations, from its ``hreflang`` links."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lxml.html import HtmlElement

from ipgirl_crawler.discovery.urls import same_origin
from ipgirl_crawler.pages.dom import attr

# A language code as the contract allows it ("fr", "pt-br", "zh-hans"); a mangled hreflang is no translation.
_LANGUAGE_CODE = re.compile(r"[a-z]{2}(?:-[a-z]{2,4})?")


def hreflang_translations(links: Iterable[HtmlElement], resolve: Callable[[str | None], str | None], base_url: str,
                          own_language: str | None) -> dict[str, str]:
    """hreflang code -> URL, keyed by the language alone: ``fr-FR`` and ``fr-CA`` are both ``fr`` (the
    first kept), ``x-default`` no language. A language the site does not have stays here, for the
    related pipeline to leave out and count."""
    found: dict[str, str] = {}
    for link in links:
        code = attr(link, "hreflang").lower().replace("_", "-")
        url = resolve(link.get("href"))
        # Only the site's own pages: never another port, a subdomain or a userinfo trick.
        if url and same_origin(url, base_url) and _LANGUAGE_CODE.fullmatch(code):
            language = code.split("-")[0]
            if language != own_language:
                found.setdefault(language, url)
    return found
