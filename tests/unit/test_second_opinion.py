"""The body's second opinion: scores, verdicts and the stats they are counted under (pure functions)."""
from __future__ import annotations

import pytest

from pipelines.base import Counts
from pipelines.body import BodyCleaningPipeline
from pipelines.second_opinion import compare, second_opinion, shingles, text_to_html

OURS = "The first paragraph of the article says what happened.\n\nThe second paragraph says why it matters."
CHROME = "Home News Sport Weather\n\nSign in to read more\n\nMost popular stories today"


@pytest.mark.parametrize(("ours", "other", "agreement", "coverage"), [
    (OURS, OURS, 1.0, None),  # theirs is read whole: its shingles across lines lower the coverage a little
    (OURS, "Site menu\n\n" + OURS + "\n\nFooter links here", 1.0, None),  # theirs holds chrome: ours confirmed
    ("", OURS, 0.0, 0.0),
    (OURS, "", 0.0, 1.0),
    (OURS, CHROME, 0.0, 0.0),
])
def test_compare(ours: str, other: str, agreement: float, coverage: float | None) -> None:
    opinion = compare(ours, other)
    assert opinion.agreement == pytest.approx(agreement)
    if coverage is not None:
        assert opinion.coverage == pytest.approx(coverage)


def test_shingles_count_each_cjk_character_as_a_word_and_never_span_lines() -> None:
    assert ("欧", "州", "連") in shingles("欧州連合は")
    assert not any("paragraph" in s and "second" in s for s in shingles("one paragraph\nsecond line"))


@pytest.mark.parametrize(("ours", "generic", "html", "outcome"), [
    (OURS, OURS, "<p>x</p>", "agreed"),
    (OURS, "The first paragraph of the article says what happened.", None, "flagged"),  # no page: no tie-break
    (OURS + "\n\nA third paragraph the generic reader left out.", OURS, "<p>x</p>", "flagged"),  # not contradicted
    (OURS, CHROME, None, "flagged"),
])
def test_verdicts_without_a_tie_break(ours: str, generic: str, html: str | None, outcome: str) -> None:
    assert second_opinion(ours, generic, html, None).outcome == outcome


def test_both_extractors_against_ours_means_fallback() -> None:
    article = "".join(f"<p>{line} It goes on for a while, as articles do, sentence after sentence.</p>"
                      for line in ("The council voted on Tuesday.", "Residents spoke for hours.", "The plan passes."))
    page = f"<html><body><nav><a href='/'>Home</a></nav><article><h1>Vote</h1>{article}</article></body></html>"
    verdict = second_opinion(CHROME, "The council voted on Tuesday. Residents spoke for hours.", page, "https://x.test/a")
    assert verdict.outcome == "fallback" and "council voted" in (verdict.text or "")


def test_pipeline_counts_outcome_and_decile_under_the_body_stats() -> None:
    counts = Counts()
    item = {"raw_body_html": "<p>" + OURS.replace("\n\n", "</p><p>") + "</p>", "language": "en",
            "fetched_url": "https://x.test/a", "raw_generic_body": OURS, "raw_page_html": "<p>x</p>"}
    BodyCleaningPipeline(counts).process_article(item)
    assert counts["ipgirl/body/second_opinion/agreed"] == 1 and counts["ipgirl/body/agreement/10"] == 1
    assert "raw_generic_body" not in item and "raw_page_html" not in item


def test_fallback_html_is_one_paragraph_a_line() -> None:
    assert text_to_html("a < b\n\nc") == "<p>a &lt; b</p><p>c</p>"
