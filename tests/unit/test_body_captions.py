"""A caption standing as a block of its own right after its image (pipelines/body_captions.py)."""
from __future__ import annotations

import pytest

from pipelines.body import clean_body

BASE = "https://example.org/news/1"
STORY = "<p>The protests began in June and grew through the summer, the police said.</p>"
PICTURE = "<p class='withoutCaption'><img src='/a.jpg' alt='Protesters'></p>"


@pytest.mark.parametrize(("blocks", "text", "caption"), [
    # a caption (or a credit) set in the block after its picture joins the picture
    (f"{STORY}{PICTURE}<p><span class='newsCaption'>Protesters in the street <span>(Image: GETTY)</span></span></p>",
     STORY[3:-4], "Protesters in the street (Image: GETTY)"),
    (f"{STORY}<figure><img src='/a.jpg'></figure><div class='wp-caption-text'>The square at night</div>",
     STORY[3:-4], "The square at night"),
    (f"{STORY}{PICTURE}<p class='photo_credit'>Photo: Jane Doe</p>{STORY}", f"{STORY[3:-4]}\n\n{STORY[3:-4]}",
     "Photo: Jane Doe"),
    # negatives: a paragraph after a picture not named a caption is the story's; so is a long one, and a
    # caption-named block that follows no picture; a picture that has its caption keeps it
    (f"{PICTURE}{STORY}", STORY[3:-4], None),
    (f"{PICTURE}<p class='caption'>{'A long paragraph of the story. ' * 12}</p>", ("A long paragraph of the story. " * 12).strip(),
     None),
    (f"{PICTURE}{STORY}<p class='caption'>Not under a picture</p>", f"{STORY[3:-4]}\n\nNot under a picture", None),
    (f"<figure><img src='/a.jpg'><figcaption>Its own</figcaption></figure><p class='credit'>Photo: X</p>", "Photo: X", "Its own"),
])
def test_captions_beside_their_picture(blocks: str, text: str, caption: str | None) -> None:
    body = clean_body(blocks, "en", BASE)
    assert body.text == text
    assert body.images[0]["caption"] == caption
