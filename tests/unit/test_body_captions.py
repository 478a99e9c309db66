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
    # negatives: a paragraph after a picture not named a caption is the story's; so is a long one; a
    # picture that has its caption keeps it (a caption-named line elsewhere: test_pictureless_captions)
    (f"{PICTURE}{STORY}", STORY[3:-4], None),
    (f"{PICTURE}<p class='caption'>{'A long paragraph of the story. ' * 12}</p>", ("A long paragraph of the story. " * 12).strip(),
     None),
    (f"<figure><img src='/a.jpg'><figcaption>Its own</figcaption></figure><p class='credit'>Jane Doe</p>{STORY}",
     STORY[3:-4], "Its own"),
])
def test_captions_beside_their_picture(blocks: str, text: str, caption: str | None) -> None:
    body = clean_body(blocks, "en", BASE)
    assert body.text == text
    assert body.images[0]["caption"] == caption


AGENCY_CAPTION = ("Sheikh Mohammed, vice president and prime minister, center, passes a 787-10 passenger jet "
                  "during the air show in Dubai, United Arab Emirates, on Monday, Nov. 18, 2019. The carrier "
                  "finalized a deal for 30 of the jets on Wednesday, executives of both companies announced at the show, "
                  "and talks on a larger order go on.")


@pytest.mark.parametrize(("blocks", "text", "captions"), [
    # a bare picture as a block, its named caption in the next: one captioned figure (venturebeat's hero image)
    (f"<img src='/a.jpg'><p class='wp-caption-text'>A coworking space</p>{STORY}", STORY[3:-4], ["A coworking space"]),
    # a named caption whose picture is not among the blocks (loaded by a script, or gone as an ad's): no
    # story text, kept in the HTML as a figure's caption (real pages: space.com, livescience, outdoor-magazin)
    (f"{STORY}<div class='caption-text'>A plume of water vapor over Europa.</div>{STORY}",
     f"{STORY[3:-4]}\n\n{STORY[3:-4]}", []),
    (f"{STORY}<p class='caption'>Not under a picture</p>", STORY[3:-4], []),
    # an agency's long caption and its credit in a lazy picture's frame named so (cnbc: 311 characters)
    (f"{STORY}<div class='InlineImage-imageEmbed'><div class='lazyload-placeholder'></div>"
     f"<div class='InlineImage-imageEmbedCaption'>{AGENCY_CAPTION}</div>"
     "<div class='InlineImage-imageEmbedCredit'>Getty Images</div></div>", STORY[3:-4], []),
    # negatives: as long, with no picture's name, a caption-named paragraph is the story's; a picture
    # followed by a paragraph not named a caption stays apart
    (f"{STORY}<div class='caption-box'>{AGENCY_CAPTION}</div>", f"{STORY[3:-4]}\n\n{AGENCY_CAPTION}", []),
    (f"<img src='/a.jpg'>{STORY}", STORY[3:-4], [None]),
])
def test_pictureless_captions(blocks: str, text: str, captions: list[str | None]) -> None:
    body = clean_body(blocks, "en", BASE)
    assert body.text == text
    assert [image["caption"] for image in body.images] == captions


CREDITED = "<figure><img src='/a.jpg'></figure>"


@pytest.mark.parametrize(("blocks", "text", "caption"), [
    # a credit label and a colon, in any language the table knows, anywhere: a picture's credit
    (f"{STORY}<p>LK</p><p>Copyright: Gisele Wender</p>", f"{STORY[3:-4]}\n\nLK", None),
    (f"{CREDITED}{STORY}<p>Bild: Logo des Awards | © Springer</p>{STORY}", f"{STORY[3:-4]}\n\n{STORY[3:-4]}", None),
    (f"{STORY}<p>Foto: <a href='/x'>dpa</a></p>", STORY[3:-4], None),
    (f"{STORY}<p>© Foto: Johanna Link / Donna Magazin</p>", STORY[3:-4], None),
    # "©" right after a picture; after its caption, which joins the picture
    (f"{CREDITED}<p>© Oli Scarff/Getty Images</p>{STORY}", STORY[3:-4], "© Oli Scarff/Getty Images"),
    (f"{PICTURE}<p>Photo: Jane Doe</p>{STORY}", STORY[3:-4], "Photo: Jane Doe"),
    (f"{CREDITED}<p>A robot before Big Ben</p><p>© Oli Scarff/Getty Images</p>{STORY}", STORY[3:-4],
     "A robot before Big Ben"),
    # negatives: "©" under the text is the story's (an agency's closing line); a label that runs on into a
    # sentence; a label with no colon; the word inside a sentence; "Source:" cites the story's source
    (f"{STORY}<p>© Reuters</p>", f"{STORY[3:-4]}\n\n© Reuters", None),
    (f"{CREDITED}{STORY}<p>© Reuters</p>", f"{STORY[3:-4]}\n\n© Reuters", None),
    (f"<figure><img src='/a.jpg'><figcaption>Its own</figcaption></figure><p>The square</p><p>© X</p>{STORY}",
     f"The square\n\n{STORY[3:-4]}", "Its own"),
    (f"{STORY}<p>FOTOS: Wer der Hektik des Alltags entfliehen möchte, ist in den burgenländischen Thermen und "
     "Wellnesshotels besonders gut aufgehoben.</p>", f"{STORY[3:-4]}\n\nFOTOS: Wer der Hektik des Alltags entfliehen "
     "möchte, ist in den burgenländischen Thermen und Wellnesshotels besonders gut aufgehoben.", None),
    (f"{STORY}<p>Photo by Jane Doe</p>", f"{STORY[3:-4]}\n\nPhoto by Jane Doe", None),
    (f"{STORY}<p>The photo: a crowd at dawn.</p>", f"{STORY[3:-4]}\n\nThe photo: a crowd at dawn.", None),
    (f"{STORY}<p>Source: the police</p>", f"{STORY[3:-4]}\n\nSource: the police", None),
    ("<p>Photo: Jane Doe</p>", "Photo: Jane Doe", None),  # one block always stays
])
def test_credit_lines(blocks: str, text: str, caption: str | None) -> None:
    body = clean_body(blocks, "en", BASE)
    assert body.text == text
    assert [image["caption"] for image in body.images][:1] == ([caption] if "<img" in blocks else [])


QUOTE = "Our work is to build a vibrant, usable commons, powered by collaboration and gratitude."


@pytest.mark.parametrize(("blocks", "text", "caption"), [
    # a quote beside its speaker's avatar is a quote: its words stay the story's
    (f"{STORY}<blockquote><div><a href='/author/ryan/'><img src='/ryan.png' alt='Ryan'></a></div>"
     f"<div>{QUOTE}</div></blockquote>", f"{STORY[3:-4]}\n\n{QUOTE}", None),
    # a callout's emoji drawn as an image ("💬", twemoji) beside a line is no picture: the line stays the story's
    (f"{STORY}<div><img alt='💬' src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><p>“{QUOTE}”</p></div>",
     f"{STORY[3:-4]}\n\n“{QUOTE}”", None),
    # negatives: a frame of one picture and a short line (a div, a table cell, a centred block) is a figure,
    # a picture whose alt is words too ("📷 Square" is no icon)
    (f"{STORY}<div><img src='/a.jpg' alt='📷 Square'><br>The square at night</div>", STORY[3:-4], "The square at night"),
    (f"{STORY}<div><img src='/a.jpg'><br>The square at night</div>", STORY[3:-4], "The square at night"),
    (f"{STORY}<center><img src='/a.jpg'><br>The square at night</center>", STORY[3:-4], "The square at night"),
])
def test_frames_of_one_picture(blocks: str, text: str, caption: str | None) -> None:
    body = clean_body(blocks, "en", BASE)
    assert body.text == text
    assert (body.images[0]["caption"] if body.images else None) == caption
