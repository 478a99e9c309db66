"""The page's "second statements": what its metadata says about the fields the item carries.

A reader sees the ``h1``, the byline and the visible date; the page's head restates them for
machines (``og:title``, JSON-LD ``headline``, ``meta description``, ``meta author``,
``article:published_time``). The crawl's cross-checks (``ipgirl_crawler.run.crosschecks``)
match each field against these, so a parser that reads a field wrong is seen even when the
field is present. Read from the page object's lookups already made (``meta``, ``json_ld``), so
they cost a few dictionary reads a page; ``ArticlePage``'s field methods stay untouched.
"""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.pages.byline import split_names
from ipgirl_crawler.pages.people import ld_people, objects_by_id
from ipgirl_crawler.pages.text import normalize_text

# Metadata that names the publication instant, most specific first.
_PUBLISHED_META = ("article:published_time", "datePublished", "og:published_time", "pubdate")


def _text(value: Any) -> str | None:
    return normalize_text(value) or None if isinstance(value, str) else None


def _titles(page: Any) -> list[str]:
    found = [_text(page.meta.get("og:title")), _text(page.meta.get("twitter:title")),
             _text(page.json_ld.get("headline")), _text(page.json_ld.get("name"))]
    return list(dict.fromkeys(t for t in found if t))


def _descriptions(page: Any) -> list[str]:
    found = [_text(page.meta.get("description")), _text(page.meta.get("og:description")),
             _text(page.json_ld.get("description"))]
    return list(dict.fromkeys(t for t in found if t))


def _published(page: Any) -> list[str]:
    found = [_text(page.meta.get(name)) for name in _PUBLISHED_META]
    found.append(_text(page.json_ld.get("datePublished")))
    # <meta itemprop="datePublished" content=…> (microdata) carries no name or property.
    for node in page.tagged.by_tag["meta"]:
        if node.get("itemprop") == "datePublished":
            found.append(_text(node.get("content")))
    return list(dict.fromkeys(t for t in found if t))


def _authors(page: Any) -> dict[str, list[str]]:
    language = page.language or "en"
    found: dict[str, list[str]] = {}
    if page.json_ld:
        named = ld_people(page.json_ld, objects_by_id(page.ld_objects))
        if named:
            found["ld"] = [normalize_text(n) for n in named if normalize_text(n)]
    meta = page.meta.get("author")
    if meta:
        found["meta"] = split_names(meta, language)
    return found


def page_statements(page: Any) -> dict[str, Any]:
    """What the page's metadata states about its title, summary, authors and publication date;
    only the kinds the page has. Never raises: a statement that cannot be read is no statement."""
    statements: dict[str, Any] = {}
    for name, read in (("titles", _titles), ("descriptions", _descriptions), ("published", _published),
                       ("authors", _authors)):
        try:
            value = read(page)
        except Exception:  # odd metadata (a JSON-LD list where a dict was expected): no statement
            continue
        if value:
            statements[name] = value
    return statements
