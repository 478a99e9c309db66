"""Sitemaps read as a stream: memory stays flat however many URLs a sitemap lists.

``scrapy.utils.sitemap.Sitemap`` builds the whole tree first; a sitemap of 50,000 URLs then
weighs tens of megabytes while its requests are scheduled. External entities are never
resolved and entity expansion is bounded by libxml2, as there.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

KINDS = ("urlset", "sitemapindex")


@dataclass(frozen=True)
class SitemapEntry:
    kind: str  # "urlset" (a page) or "sitemapindex" (another sitemap)
    loc: str
    lastmod: str | None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def sitemap_entries(body: bytes) -> Iterator[SitemapEntry]:
    """Every ``<url>``/``<sitemap>`` entry with a ``<loc>``, in order; nothing for a non-sitemap."""
    events = etree.iterparse(BytesIO(body), events=("start", "end"), resolve_entities=False, no_network=True,
                             recover=True, remove_comments=True, huge_tree=False)
    kind = None
    try:
        for event, element in events:
            name = _local(element.tag)
            if event == "start":
                if kind is None:
                    kind = name
                    if kind not in KINDS:
                        return
                continue
            if name in ("url", "sitemap"):
                fields = {_local(child.tag): (child.text or "").strip() for child in element}
                if fields.get("loc"):
                    yield SitemapEntry(kind, fields["loc"], fields.get("lastmod") or None)
                element.clear()
                while element.getprevious() is not None:  # drop what has been read
                    del element.getparent()[0]
    except etree.XMLSyntaxError:
        return  # what was readable has been yielded; the rest of a broken sitemap is lost
