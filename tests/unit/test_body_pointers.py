"""A line pointing to another story, read by its shape in any language (pipelines/body_pointers.py),
with the negative cases where the line is the story's."""
from __future__ import annotations

import pytest

from pipelines.body import clean_body

BASE = "https://example.org/news/1"
STORY = "<p>The court opened three new cases on Tuesday, the tribunal's president said.</p>"


@pytest.mark.parametrize(("line", "kept"), [
    # a label, a colon, one linked headline: in Spanish, German, as a heading
    ("<p>Le puede interesar: <a href='/jep/macrocasos'>JEP abrirá tres nuevos macrocasos: Farc y fuerza pública</a></p>",
     False),
    ("<p><strong>Lesen Sie auch:</strong> <a href='/x'>Warum die Zinsen so schnell steigen</a></p>", False),
    ("<h3>MIRA: <a href='/y'>Madre se acerca a conocer los motivos de captura de su hijo</a></h3>", False),
    # negatives: a sentence with a link; a label before text not all linked; a credit's short link; two
    # links; a label too long to be one
    ("<p>The ruling, <a href='/r'>published in full</a>, runs to 300 pages.</p>", True),
    ("<p>Note: the <a href='/r'>report on the three cases</a> was withdrawn.</p>", True),
    ("<p>Foto: <a href='/dpa'>dpa</a></p>", False),  # a credit: left to take_credit, which takes it too
    ("<p>See: <a href='/a'>The first of the cases here</a> and <a href='/b'>the second one there</a></p>", True),
    ("<p>What the president of the tribunal told reporters: <a href='/q'>We will judge all three cases</a></p>",
     True),
])
def test_lines_pointing_to_another_story(line: str, kept: bool) -> None:
    text = clean_body(f"{STORY}{line}{STORY}", "en", BASE).text
    assert (len(text.split("\n\n")) == 3) is kept, text
