"""What a body's edges hold outside the story, read as a reader sees it.

At the end, what a reader never takes for the article when they close it, each judged on the last
block only, until a block is none of them (one block always stays):
- a list of downloads: every link names a file (``.pdf``, ``.docx``…) and beside the links stands only
  their sizes ("583 KB"), maybe under a heading (a help center's attachments);
- a call to action of one line: a question (or words naming questions, in the page's language or
  English), then one link that answers it, and nothing else ("Have more questions? Submit a request",
  "他にご質問がございましたら リクエストを送信");
- a heading or a label ending in a colon with nothing after it: it introduced a widget that is gone
  ("Schlagworte", "Ein Beitrag von:");
- a short label and links only ("Tag: digitimes.com"): the site's index of the story;
- a list of other stories' cards: each item a linked heading and a teaser of a line or two.
A download link, a question or a label in the story, with prose around it, stays; so does anything
before the story's last paragraph.

Above the story, a first block that only dates it ("October 12, 2017", "12.10.2017 14:30") is the
page's, not the article's: a year, a day, and at most three words beside the numbers.

Measured on the real pages (../shared/realpages) and era S, see README ("The body's edges").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ipgirl_crawler.languages.rules import DOWNLOAD_EXTENSIONS, FILE_SIZE_UNITS, QUESTION_STEMS
from ipgirl_crawler.pages.dom import drop_tree, text_content

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A file's size as it stands beside its link: a number, a unit of FILE_SIZE_UNITS.
_SIZE = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]+)")
# What else may stand beside download links: separators, brackets, the file's type in capitals.
_FILLER = re.compile(r"[\s()\[\],;:|·•–—/-]+")
_QUESTION_ENDS = ("?", "？", "؟")
# A call to action is one short line (the help center's: 37 characters in English, 55 in French); a
# reader's question with a linked answer in the story runs longer, into prose.
MAX_CALL_CHARS = 120
# A label that introduced something (a byline box, a tag list) is a few words; a heading a line. A
# "heading" of sentences is prose set large (a blog's closing 230-character h3 on the eval pages).
MAX_LABEL_CHARS, MAX_HEADING_CHARS = 40, 80
MAX_LABEL_WORDS = 3
# A card's teaser beside its linked heading is a line or two (cbssports: ~60 characters); a buying
# guide's item describes its product at length.
MAX_TEASER_CHARS = 160


def _is_download(link: HtmlElement) -> bool:
    path = urlsplit((link.get("href") or "").strip()).path
    return path.rsplit(".", 1)[-1].casefold() in DOWNLOAD_EXTENSIONS if "." in path.rsplit("/", 1)[-1] else False


def _only_sizes(text: str) -> bool:
    """Whether ``text`` holds nothing but file sizes, separators and file types in capitals."""
    rest = _SIZE.sub(lambda m: " " if m.group(2).casefold() in FILE_SIZE_UNITS else m.group(0), text)
    return all(word.isupper() and len(word) <= 5 for word in _FILLER.split(rest) if word)


def is_download_list(block: HtmlElement) -> bool:
    """Links that all name files, with only their sizes (and a heading) beside them."""
    links = list(block.iter("a"))
    if not links or not all(map(_is_download, links)):
        return False
    spoken = [text_content(e) for e in block.iter(*_HEADINGS)] + [text_content(a) for a in links]
    rest = text_content(block)
    for part in spoken:
        rest = rest.replace(part, " ", 1)
    return _only_sizes(rest)


@lru_cache(maxsize=32)  # per language: built once, not on every page
def _question_stems(lang: str) -> tuple[str, ...]:
    return (*QUESTION_STEMS.get(lang, ()), *QUESTION_STEMS["en"])


def is_question_call(block: HtmlElement, lang: str = "en") -> bool:
    """One short line: a question, or words naming questions, then a single link that closes it."""
    links = list(block.iter("a"))
    text = " ".join(text_content(block).split())
    if len(links) != 1 or not text or len(text) > MAX_CALL_CHARS:
        return False
    link = " ".join(text_content(links[0]).split())
    question = text[:-len(link)].rstrip() if link and text.endswith(link) else ""
    folded = question.casefold()
    return bool(question) and (question.endswith(_QUESTION_ENDS) or any(s in folded for s in _question_stems(lang)))


def is_label_and_links(block: HtmlElement) -> bool:
    """One short line: a label of a few words ending in a colon, then only links ("Tag: <a>digitimes.com</a>",
    "Related Roundup: <a>MacBook Pro</a>"); the site's index of the story, not words of it."""
    links = list(block.iter("a"))
    text = " ".join(text_content(block).split())
    if not links or len(text) > MAX_CALL_CHARS:
        return False
    label, colon, rest = text.partition(":")
    if not colon or not label or len(label.split()) > MAX_LABEL_WORDS:
        return False
    for link in links:
        rest = rest.replace(" ".join(text_content(link).split()), " ", 1)
    return not _FILLER.sub("", rest)


def _is_card(item: HtmlElement) -> bool:
    """A list item that is another story's card: a heading that is (or holds) a link, and beside it a
    teaser of a line or two."""
    heading = next(item.iterdescendants(*_HEADINGS), None)
    if heading is None or (next(heading.iter("a"), None) is None
                           and not any(a.tag == "a" for a in heading.iterancestors())):
        return False
    return len(" ".join(text_content(item).split())) - len(" ".join(text_content(heading).split())) <= MAX_TEASER_CHARS


def is_card_list(block: HtmlElement) -> bool:
    """A list of two or more cards of other stories, and nothing else."""
    lists = [block] if block.tag in ("ul", "ol") else [e for e in block if e.tag in ("ul", "ol")]
    items = [li for lst in lists for li in lst if li.tag == "li"]
    return len(items) >= 2 and all(map(_is_card, items))


def is_dangling_label(block: HtmlElement) -> bool:
    """A heading, or a short label ending in a colon: what introduces something, here nothing."""
    text = " ".join(text_content(block).split())
    if not text or next(block.iter("img"), None) is not None:
        return False
    heading = block.tag in _HEADINGS or (len(block) == 1 and block[0].tag in _HEADINGS
                                          and " ".join(text_content(block[0]).split()) == text)
    return heading and len(text) <= MAX_HEADING_CHARS or (len(text) <= MAX_LABEL_CHARS and text.endswith((":", "：")))


# A date line: a year and a day's number, and beside them no more words than a weekday, a month and a
# time's "um"/"PM" (or 年, 月, 日); "Tokyo 2020 Olympics" has no day.
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_NUMBERS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]+")
MAX_DATE_LINE_CHARS, MAX_DATE_WORDS = 40, 3


def is_date_only_line(block: HtmlElement) -> bool:
    """A short block that is a date and nothing else: a year, a day, a few words, no sentence."""
    text = " ".join(text_content(block).split())
    return 0 < len(text) <= MAX_DATE_LINE_CHARS and block.tag not in _HEADINGS and _YEAR.search(text) is not None \
        and len(_NUMBERS.findall(text)) >= 2 and len(_WORDS.findall(text)) <= MAX_DATE_WORDS \
        and not text.endswith(".") and next(block.iter("img"), None) is None


def trim_opening_date(root: HtmlElement) -> int:
    """The body's first block, when it only dates the story, removed in place (one block always stays)."""
    if len(root) > 1 and is_date_only_line(root[0]):
        drop_tree(root[0])
        return 1
    return 0


def trim_closing_chrome(root: HtmlElement, lang: str = "en") -> Counter[str]:
    """The body's last blocks that are downloads, a call to action or a dangling label, removed in
    place from the end (one block always stays); what went, by kind."""
    removed: Counter[str] = Counter()
    while len(root) > 1:
        last = root[-1]
        kind = "downloads" if is_download_list(last) else "call_to_action" if is_question_call(last, lang) \
            else "dangling_label" if is_dangling_label(last) else "label_links" if is_label_and_links(last) \
            else "cards" if is_card_list(last) else None
        if kind is None:
            break
        removed[kind] += 1
        drop_tree(last)
    return removed
