"""The images' check: what the page and the site state about the pictures the body was read with
(README "How right is this run").

An article's images are its figures. The site states otherwise of an image:
- the page shows it as an icon or a portrait, 64 CSS pixels wide or less (``pages/statements``:
  ``small_images``): a byline's avatar, a share button (held-out site-builder design X: the
  author's 40-pixel portrait read with the byline into 29 of 90 bodies);
- its ``alt`` is the title of another article of the site (a listing's teaser, or that article's
  page): a related card's thumbnail (held-out email design W: the "Discover more" cards read as
  the body on 4 of 120 pages);
- its caption sits in the body as a block of its own, the image's ``alt`` then a separator and a
  credit ("Robot arm · robots · IPGirl 50075"), while the image has no caption: the figure was read
  apart from its caption, which the body keeps (X: 19 of 90 pages; eras A-V, 300 articles: none);
- it is listed twice.
And the page shows a figure the images lack: an image shown wider than 64 CSS pixels between the
body's first block and the end of its last (``pages/statements``: ``body_figures``; held-out forum
design Z: a figure in 13 of 23 bodies, 10 read without it).
Images none of these fits are *verified* (a figure shown without a stated width, missed, passes);
an article without images may be right (``empty``). Pure over the run's records.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ipgirl_crawler.monitoring.verify_match import norm

MAX_CAPTION_CHARS = 200  # a caption block: the longest the local site's captions run is ~60 characters
Verdict = tuple[str, str]


def image_record(images: object) -> list[list[str]]:
    """What the checks keep of an item's images: [url, alt] each."""
    if not isinstance(images, list):
        return []
    return [[str(image.get("url") or ""), str(image.get("alt") or "")] for image in images if isinstance(image, dict)]


def captions_in_body(images: object, body_text: object) -> list[str]:
    """The body's blocks that are the caption of an image with none: the image's ``alt``, then a
    separator (not a letter or digit: a sentence that starts with the same words goes on with one)."""
    if not isinstance(images, list) or not isinstance(body_text, str):
        return []
    alts = {norm(image.get("alt")) for image in images
            if isinstance(image, dict) and image.get("alt") and not image.get("caption")}
    alts.discard("")
    if not alts:
        return []
    found = []
    for block in body_text.split("\n\n"):
        text = norm(block)
        if len(text) > MAX_CAPTION_CHARS:
            continue
        for alt in alts:
            rest = text[len(alt):].lstrip() if text.startswith(alt) else ""
            if rest and not rest[0].isalnum():
                found.append(block)
                break
    return found


def named(url: str) -> str:
    """An image as an example names it: "…/media/authors/a.png", its path's last three parts (the
    examples' URLs are the pages', which the summary line and its readers pick out)."""
    return "…/" + "/".join(urlsplit(url).path.split("/")[-3:]).lstrip("/")


def shared_figures(records: Iterable[dict[str, Any]]) -> frozenset[str]:
    """The figures shown in the body of two pages or more: the site's (an ad's 468x60 banner on 18
    of 200 pages of eras A-O), none of one article's."""
    shown: dict[str, int] = {}
    for record in records:
        for url in set((record.get("statements") or {}).get("body_figures") or ()):
            shown[url] = shown.get(url, 0) + 1
    return frozenset(url for url, pages in shown.items() if pages >= 2)


def images_verdict(record: dict[str, Any], other_titles: dict[str, str], key: str,
                   site_images: frozenset[str] = frozenset()) -> Verdict:
    """(outcome, what disagreed) of an article's images; ``other_titles``: {normalised title: key}
    of the articles the site titles (``site_titles``); ``site_images``: ``shared_figures``."""
    images = record.get("images") or []
    figures = (record.get("statements") or {}).get("body_figures") or ()
    read = {image[0] for image in images}
    missed = next((url for url in figures if url not in read and url not in site_images), None)
    if missed is not None:
        return "contradicted", f"image {named(missed)} is shown in the body, wider than an icon, and not read"
    if not images:
        return "unverifiable", ""
    small = set((record.get("statements") or {}).get("small_images") or ())
    urls: set[str] = set()
    for url, alt in images:
        if url in small:
            return "contradicted", f"image {named(url)} is shown 64 pixels wide or less: an icon or a portrait"
        if url in urls:
            return "contradicted", f"image {named(url)} listed twice"
        urls.add(url)
        if other_titles.get(norm(alt), key) != key and norm(alt) != norm(record.get("title")):
            return "contradicted", f"image {named(url)}'s alt {alt!r} is the title of another article: a card's thumbnail"
    captions = record.get("captions_in_body") or []
    if captions:
        return "contradicted", f"the caption {captions[0][:80]!r} read as a block of the body, its image without it"
    return "verified", ""


def site_titles(records: dict[str, dict[str, Any]], teaser_titles: dict[str, Iterable[str]]) -> dict[str, str]:
    """{normalised title: key} of every article the run read or a listing titled."""
    found = {norm(record.get("title")): key for key, record in records.items() if record.get("title")}
    for key, titles in teaser_titles.items():
        for title in titles:
            found.setdefault(norm(title), key)
    found.pop("", None)
    return found


def captions_read_twice(images: object, body_text: object) -> list[str]:
    """The body's blocks that are the caption of one of its images whole: read as the image's and as
    the body's (a parser that keeps a figure's caption as a paragraph; no body of eras A-V, 300
    articles seed 11, holds one). The body's fault, not the images'."""
    if not isinstance(images, list) or not isinstance(body_text, str):
        return []
    # Compared as written: the body's blocks and the captions are both the page's text as
    # ``pages/text.normalize_text`` writes it (``norm`` of each block was most of the check's cost).
    captions = {image["caption"] for image in images if isinstance(image, dict) and isinstance(image.get("caption"), str)}
    return [block for block in body_text.split("\n\n") if block in captions] if captions else []
