"""A line that points the reader to another story: a short label, a colon, and one link that is all
the rest of the line ("Le puede interesar: <a>JEP abrirá tres nuevos macrocasos</a>", "MIRA: <a>Madre
se acerca …</a>").

The body pipeline reads "Read also" lines by their label in each language (ui_strings' ``read_also``);
sites write many more labels than any table holds ("Le puede interesar", "MIRA", "Lesen Sie auch",
"Das könnte Sie interessieren"). What they share is how the line is built: a label of a few words and
a colon, then another story's headline, linked, and nothing else. Read by that shape, in any
language. A sentence with a link in it, a label before text that is not all linked ("Note: the
<a>report</a> was withdrawn"), or a link of a word or two ("Foto: <a>dpa</a>", a credit, left to
``take_credit``) is no such line.
"""
from __future__ import annotations

from lxml.html import HtmlElement

from ipgirl_crawler.pages.dom import text_content
from ipgirl_crawler.pages.text import normalize_text

MAX_LABEL_WORDS = 4
MIN_HEADLINE_WORDS = 4  # a story's headline, not a credit's name or a site's
_COLONS = (":", "：")


def points_to_another_story(block: HtmlElement, text: str) -> bool:
    """Whether ``block`` (``text``: its normalised text) is a label, a colon and one linked headline."""
    links = list(block.iter("a"))
    if len(links) != 1 or not any(colon in text for colon in _COLONS):
        return False
    linked = normalize_text(text_content(links[0]))
    if not linked or not text.endswith(linked):
        return False
    label = text[:-len(linked)].strip()
    return label.endswith(_COLONS) and 0 < len(label[:-1].split()) <= MAX_LABEL_WORDS \
        and len(linked.split()) >= MIN_HEADLINE_WORDS
