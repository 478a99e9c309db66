"""The images' check (monitoring/verify_images.py, pages/statements.py's small images), with the
markup and values where it must not fire."""
from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from ipgirl_crawler.monitoring.verify_images import (
    captions_in_body,
    image_record,
    images_verdict,
    shared_figures,
    site_titles,
)
from ipgirl_crawler.pages.statements import _small_images, shown_width

FIGURE = {"url": "http://x/media/50075/figure-1.jpg", "alt": "Robot arm", "caption": None}
AVATAR = {"url": "http://x/media/authors/james-carter.png", "alt": None, "caption": None}
THUMB = {"url": "http://x/media/thumbs/50009.jpg", "alt": "A start-up cuts hallucinations (86)", "caption": None}
TITLES = {"a start-up cuts hallucinations (86)": "en:50009", "robots tidy up": "en:50075"}


def record(images: list[dict[str, Any]], body: str = "Text.", small: tuple[str, ...] = (),
           figures: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"title": "Robots tidy up", "images": image_record(images),
            "statements": {"small_images": list(small), "body_figures": list(figures)},
            "captions_in_body": captions_in_body(images, body)}


@pytest.mark.parametrize(("given", "outcome"), [
    (record([FIGURE]), "verified"),
    (record([], figures=(FIGURE["url"],)), "contradicted"),  # held-out Z: a figure shown in the body, not read
    (record([FIGURE], figures=(FIGURE["url"],)), "verified"),  # negative: read
    (record([]), "unverifiable"),  # no images: "empty", which may be right
    (record([FIGURE, AVATAR], small=(AVATAR["url"],)), "contradicted"),  # shown 40 px wide: a portrait
    (record([FIGURE], small=(AVATAR["url"],)), "verified"),  # negative: the page's small image is not ours
    (record([FIGURE, FIGURE]), "contradicted"),  # listed twice
    (record([FIGURE, THUMB]), "contradicted"),  # another article's title as its alt: a card's thumbnail
    (record([{**FIGURE, "alt": "Robots tidy up"}]), "verified"),  # negative: the article's own title
    (record([FIGURE], "Text.\n\nRobot arm · robots · IPGirl 50075"), "contradicted"),  # its caption in the body
    (record([FIGURE], "Text.\n\nRobot arm makers expect growth."), "verified"),  # negative: a sentence
    (record([{**FIGURE, "caption": "Robot arm · robots"}], "Text.\n\nRobot arm · robots"), "verified"),  # has its caption
])
def test_images_verdict(given: dict[str, Any], outcome: str) -> None:
    assert images_verdict(given, TITLES, "en:50075")[0] == outcome


def test_site_titles_name_the_article_the_site_titles() -> None:
    found = site_titles({"en:1": {"title": "One"}, "en:2": {"title": None}}, {"en:3": ["Three"], "en:1": ["Uno"]})
    assert found == {"one": "en:1", "three": "en:3", "uno": "en:1"}


@pytest.mark.parametrize(("img", "width"), [
    ('<img src="a.png" style="width:40px;object-fit:cover">', 40.0),
    ('<img src="a.png" width="24">', 24.0),
    ('<img src="a.png" width="200" style="max-width:400px;">', 400.0),  # the style decides
    ('<img src="a.png" width="100%">', None),  # negative: no pixels stated
    ('<img src="a.png">', None),
])
def test_shown_width(img: str, width: float | None) -> None:
    assert shown_width(lxml.html.fragment_fromstring(img)) == width


def test_small_images_are_the_page_s_icons_and_portraits_only() -> None:
    html = ('<html><body><img src="/media/authors/a.png" style="width:40px"><img src="/i/share.png" width="24">'
            '<img src="/media/1.jpg" width="600"><img src="/media/2.jpg"></body></html>')
    page = type("Page", (), {"root": lxml.html.fromstring(html),
                             "response": type("R", (), {"url": "http://x/en/ai/1-a"})()})()
    assert _small_images(page) == ["http://x/media/authors/a.png", "http://x/i/share.png"]


def test_an_example_names_the_image_by_its_path_not_a_url() -> None:
    """The summary line's examples are the pages' URLs (the drift tests pick them out)."""
    detail = images_verdict(record([FIGURE, FIGURE]), TITLES, "en:50075")[1]
    assert detail == "image …/media/50075/figure-1.jpg listed twice" and "http" not in detail


def test_a_figure_shown_in_the_body_of_several_pages_is_the_site_s() -> None:
    banner = "http://x/ads/banner-468x60.gif"
    records = [record([FIGURE], figures=(banner, FIGURE["url"])), record([], figures=(banner,)),
               record([], figures=("http://x/media/50076/figure-1.jpg",))]
    site_images = shared_figures(records)
    assert site_images == {banner}  # negative: each article's own figure is shown on its page only
    assert [images_verdict(r, TITLES, "en:50075", site_images)[0] for r in records] == \
        ["verified", "unverifiable", "contradicted"]
