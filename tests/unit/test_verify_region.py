"""The body's check of lost parts (``monitoring/verify_region``, ``pages/body_region``): the element the
body came from shows a heading or a sentence the body lacks, between two of its blocks, or that other
bodies hold, or that no other page shows; the template's boxes, the site's labels, bylines and what
the item reads as another field never count. And a body holding the article's tag line or an image's
caption whole is contradicted."""
from __future__ import annotations

from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_checks import CONTRADICTED, RunChecks
from ipgirl_crawler.monitoring.verify_images import captions_read_twice
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.monitoring.verify_region import RegionEvidence, block_keys, region_gaps, tags_line
from ipgirl_crawler.pages.body_region import body_region, text_key
from ipgirl_crawler.pages.eras import page_for
from tests.support.helpers import response_for

P1 = "The first paragraph tells the reader what happened in the laboratory last week."
P2 = "The second paragraph explains why the result matters to the people who build chips."
P3 = "The third paragraph closes the story with what the company plans to do next year."
HEADING = "What comes next"
BOX, BODY_BOX = 7, 3  # the parents' places in the page's order


def leaf(text: str, kind: str = "p", box: int = BODY_BOX, where: int = 1) -> list[Any]:
    return [kind, text_key(text), text[:80], box, where]


def record(language: str, body: list[str], region: list[list[Any]], **fields: Any) -> dict[str, Any]:
    keys = block_keys("\n\n".join(body))
    found = {"language": language, "url": f"https://x/{language}/{len(body)}", "body_keys": keys,
             "body_prefix": "\n\n".join(body)[:1200], **fields}
    gaps = region_gaps(region, keys, [fields.get("summary")], fields.get("authors"))
    if gaps:
        found["region_gaps"] = gaps
    return found


WHOLE = [leaf(P1), leaf(HEADING, "h"), leaf(P2), leaf(P3)]


@pytest.mark.parametrize(("name", "body", "region", "lost"), [
    ("a heading lost between two blocks", [P1, P2, P3], WHOLE, HEADING),
    ("the last paragraph lost, shown on no other page", [P1, HEADING, P2], WHOLE, P3[:80]),
    ("the first paragraph lost, shown on no other page", [HEADING, P2, P3], WHOLE, P1[:80]),
    ("a sentence read twice, the quote of it lost", [P1, P2, P3],
     [leaf(P1), leaf(P2), leaf(P1), leaf(P3)], P1[:80]),
    # negative cases: the body holds all the article's text its element shows
    ("a body read whole", [P1, HEADING, P2, P3], WHOLE, None),
    ("the summary shown above the body", [P1, P2], [leaf("A summary of the story, as long as a sentence is."),
                                                   leaf(P1), leaf(P2)], None),
    ("an ad's label between two blocks", [P1, P2], [leaf(P1), leaf("Sponsored"), leaf(P2)], None),
    ("a date line after the body", [P1, P2], [leaf(P1), leaf(P2), leaf("Updated March 3, 2024 · 2 min read")], None),
    ("the byline, a sentence's length", [P1, P2],
     [leaf("By Elena Martín and Marta Gil · 3 de septiembre de 2024 · Actualizado 4 de septiembre de 2024"),
      leaf(P1), leaf(P2)], None),
    ("a heading alone after the body: a box's", [P1, P2], [leaf(P1), leaf(P2), leaf("Attachments", "h", BOX)], None),
    ("the site's votes question", [P1, P2], [leaf(P1), leaf("Was this article helpful?"), leaf(P2)], None),
    ("an element showing none of the body", [P1, P2], [leaf(P3), leaf(HEADING, "h")], None),
])
def test_a_body_that_lost_a_part_its_element_shows_is_contradicted(name: str, body: list[str],
                                                                   region: list[list[Any]], lost: str | None) -> None:
    page = record("en", body, region, summary="A summary of the story, as long as a sentence is.",
                  authors=["Elena Martín", "Marta Gil"])
    found = RegionEvidence([page]).lost(page)
    assert (found[0][2] if found else None) == lost, name


NEWSLETTER = [leaf("Get the IPGirl newsletter", "h", BOX, 9), leaf("The week in AI and chips, every Friday. No spam.", "p", BOX, 10),
              leaf("By subscribing you agree to our terms of use and our privacy policy.", "p", BOX, 11)]


def test_a_box_of_the_template_left_out_is_no_loss() -> None:
    """A newsletter box in the middle of the body on many pages: its heading and blurb are the
    template's, and so is its fine print on the one page it shows, being in the same box."""
    pages = [record("en", [P1, P2], [leaf(P1), *NEWSLETTER[:2], leaf(P2)]) for _ in range(3)]
    pages.append(record("en", [P1, P3], [leaf(P1), *NEWSLETTER, leaf(P3)]))
    evidence = RegionEvidence(pages)
    assert [evidence.lost(page) for page in pages] == [None] * 4


def test_a_part_lost_on_many_pages_that_other_bodies_hold_is_lost() -> None:
    """A heading lost on three pages is no template's when other bodies of the run hold it in their middle."""
    full = [P1, P2, HEADING, P3, P1, P2, P3]
    healthy = record("en", full, [leaf(t, "h" if t == HEADING else "p") for t in full])
    broken = [record("en", [P1, P2, P3], WHOLE) for _ in range(3)]
    evidence = RegionEvidence([healthy, *broken])
    assert evidence.lost(healthy) is None
    assert [evidence.lost(page)[1] for page in broken] == ["a block other bodies of the run hold"] * 3


def test_the_run_names_the_lost_heading() -> None:
    page = record("en", [P1, P2, P3], WHOLE)
    verdict = RunChecks({"en:1": page}, ListingStatements()).check_body_text("en:1", page)
    assert verdict[0] == CONTRADICTED and repr(HEADING) in verdict[1]


def test_a_heading_s_hidden_permalink_mark_is_no_difference() -> None:
    assert text_key("The bigger picture#") == text_key("The bigger picture") == text_key("The bigger picture ¶")
    assert text_key("“A quote”") == text_key("A quote") == text_key("«\u00a0A quote\u00a0»")
    assert text_key("A quote.") != text_key("A quote")


@pytest.mark.parametrize(("body", "tags", "language", "found"), [
    ([P1, P2, "タグ： #半導体 #ロボット"], ["半導体", "ロボット"], "ja", "タグ： #半導体 #ロボット"),
    ([P1, P2, "Tags: Robots"], ["Robots"], "en", "Tags: Robots"),
    ([P1, P2, "Robots · Chips"], ["Robots", "Chips"], "en", "Robots · Chips"),
    # negative cases: a heading that is a tag, a sentence naming the tags, a tag line in the middle
    ([P1, "Robots", P2], ["Robots"], "en", None),
    ([P1, P2, "Robots and chips are the story."], ["Robots", "chips"], "en", None),
    ([P1, P2, "Tags: Robots", P3, P1, P2, P3, P1], ["Robots"], "en", None),
    ([P1, P2], [], "en", None),
])
def test_a_tag_line_at_the_body_s_edges(body: list[str], tags: list[str], language: str, found: str | None) -> None:
    assert tags_line("\n\n".join(body), tags, language) == found


@pytest.mark.parametrize(("body", "found"), [
    ([P1, "Robot arm · robots · IPGirl 50214", P2], ["Robot arm · robots · IPGirl 50214"]),
    ([P1, "Robot arm", P2], []),  # the alt alone: a heading may say it
    ([P1, P2], []),
])
def test_an_image_s_caption_read_into_the_body(body: list[str], found: list[str]) -> None:
    images = [{"url": "https://x/a.jpg", "alt": "Robot arm", "caption": "Robot arm · robots · IPGirl 50214"}]
    assert captions_read_twice(images, "\n\n".join(body)) == found


BASE = "https://www.ipgirl.com"
URL = f"{BASE}/en/ai/50123-a-title"


def test_body_region_reads_the_element_s_leaves_between_title_and_related() -> None:
    html = (f'<html lang="en"><body><nav><p>{P3} in the menu.</p></nav><article><h1>A title</h1>'
            f'<div class="body"><p>{P1}</p><h2>{HEADING}</h2><p>{P2}</p>'
            f'<p><strong>Read also:</strong> <a href="/en/ai/50001-other-story-with-a-long-title">'
            f'Another story with a long title that fills the line</a></p>'
            f'<ul><li>{P3}</li></ul><aside><p>{P1} in an aside.</p></aside></div>'
            f'<section><h2>Discover more</h2><ul><li><a href="/en/ai/50002-x">X</a> {P2} after.</li></ul></section>'
            '</article></body></html>')
    page = page_for(response_for(html, URL), BASE)
    leaves = body_region(page)
    assert [(kind, start) for kind, _, start, _, _ in leaves] == [("p", P1[:80]), ("h", HEADING), ("p", P2[:80]),
                                                                 ("p", P3[:80])]
    assert leaves[0][3] == leaves[1][3] != leaves[3][3]  # the list item's box is its list


def test_a_healthy_run_verifies_the_body() -> None:
    page = record("en", [P1, HEADING, P2, P3], WHOLE)
    assert "region_gaps" not in page
    # the region's evidence only contradicts: the chrome check says verified or unverifiable
    assert RunChecks({"en:1": page}, ListingStatements()).check_body_text("en:1", page)[0] != CONTRADICTED


def test_an_incremental_run_keeps_the_template_earlier_runs_found() -> None:
    """A run of one changed page cannot tell the newsletter box from a lost part; the state's
    ``kept`` of the full run before it can."""
    full = [record("en", [P1, P2], [leaf(P1), *NEWSLETTER[:2], leaf(P2)]) for _ in range(3)]
    kept = RegionEvidence(full).kept()
    assert NEWSLETTER[0][1] in kept["template"] and NEWSLETTER[1][1] in kept["repeated"]
    alone = record("en", [P1, P2], [leaf(P1), *NEWSLETTER[:2], leaf(P2)])
    assert RegionEvidence([alone]).lost(alone) is not None  # without the state: taken for a lost heading
    assert RegionEvidence([alone], kept).lost(alone) is None
    lost = record("en", [P1, P2, P3], WHOLE)
    assert RegionEvidence([lost], kept).lost(lost) is not None  # what the state keeps hides no real loss


@pytest.mark.parametrize(("paragraph", "heading", "texts"), [
    # a wiki's footnote mark and a heading's edit links: no words of the text, as the body reads it
    (f'{P1}<sup><a href="#cite_note-1">[1]</a></sup>', f'{HEADING}<span>[<a href="?action=edit">edit</a>]</span>',
     [P1, HEADING]),
    # negatives: a superscript without a link, brackets of the text's own words stay
    (f'{P1} 10<sup>3</sup>', f'{HEADING} [2024]', [f"{P1} 103", f"{HEADING} [2024]"]),
])
def test_body_region_reads_leaves_without_marks(paragraph: str, heading: str, texts: list[str]) -> None:
    html = (f'<html lang="en"><body><article><h1>A title</h1><div class="body"><p>{paragraph}</p>'
            f'<h2>{heading}</h2><p>{P2}</p></div></article></body></html>')
    leaves = body_region(page_for(response_for(html, URL), BASE))
    assert [key for _, key, _, _, _ in leaves[:2]] == [text_key(text) for text in texts]


@pytest.mark.parametrize(("notes", "leaves"), [
    ('<ol><li><a href="#ref-1">^</a> Research note 1. Example Research.</li></ol>', 2),  # the sources: no leaf
    ('<ol><li><a href="/en/ai/50001-x">A story</a> and what it says.</li></ol>', 3),  # negative: a list of the text
])
def test_body_region_leaves_a_list_of_footnotes_out(notes: str, leaves: int) -> None:
    html = (f'<html lang="en"><body><article><h1>A title</h1><div class="body"><p>{P1}</p><p>{P2}</p>{notes}'
            '</div></article></body></html>')
    assert len(body_region(page_for(response_for(html, URL), BASE))) == leaves


@pytest.mark.parametrize(("between", "leaves"), [
    # a link preview box between two paragraphs: its heading and description are the link's
    ('<a href="/en/ai/50001-other"><div><h2>Another story with a long title</h2><p>What it says, in brief.</p>'
     '<p>ipgirl.com</p></div></a>', 2),
    ('<h2>A heading of the story</h2>', 3),  # negative: a heading of the text is a leaf
])
def test_body_region_leaves_a_link_s_own_blocks_out(between: str, leaves: int) -> None:
    html = (f'<html lang="en"><body><article><h1>A title</h1><div class="body"><p>{P1}</p>{between}<p>{P2}</p>'
            '</div></article></body></html>')
    assert len(body_region(page_for(response_for(html, URL), BASE))) == leaves


@pytest.mark.parametrize(("box", "leaves"), [
    # a table of contents and its title: links to the page's own places only
    ('<div><h2>Contents</h2><ul><li><a href="#a">One</a></li><li><a href="#b">Two</a></li></ul></div>', 2),
    ('<h2>Contents of the report</h2>', 3),  # negative: a heading with no contents box is the text's
])
def test_body_region_leaves_a_table_of_contents_out(box: str, leaves: int) -> None:
    html = (f'<html lang="en"><body><article><h1>A title</h1><div class="body"><p>{P1}</p>{box}<p>{P2}</p>'
            '</div></article></body></html>')
    assert len(body_region(page_for(response_for(html, URL), BASE))) == leaves
