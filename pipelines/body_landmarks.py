"""Landmarks a browser never sets inside a paragraph, found there in a body's blocks.

HTML's parser closes an open ``<p>`` before an ``<aside>`` or a ``<nav>``; an older parser (lxml's,
libxml2) nests them in it, so the block reader, which skips them where they stand as blocks, takes
them with the paragraph. A box of links so nested ("Weiterlesen" over three stories' links, in an
``<aside>`` inside a paragraph: eval-dev deutsche-wirtschafts-nachrichten, 3 must-not snippets) is the
site's. A pull quote set in an ``<aside>`` (a quote, no links: the benchmark's theverge page, whose
reference keeps it) is the story's and stays.
"""
from __future__ import annotations

from lxml.html import HtmlElement

from ipgirl_crawler.pages.boilerplate import is_link_list

NESTED_LANDMARKS = frozenset({"aside", "nav"})


def is_nested_link_box(element: HtmlElement) -> bool:
    """An ``<aside>`` or ``<nav>`` inside a block whose text is mostly links."""
    return element.tag in NESTED_LANDMARKS and is_link_list(element)
