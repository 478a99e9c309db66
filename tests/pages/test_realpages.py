"""Real article pages of two public collections (``../shared/realpages``, see tests/support/realpages.py):
the generic path of the page object and its second opinion, scored as each collection scores itself."""
from __future__ import annotations

import pytest

from tests.support import realpages
from tests.support.realpages import RealPage, SnippetCounts, page_f1, score_bodies, score_snippets, snippet_counts, tp_fp_fn

# Floors of the sets' scores, a little under what ours measured (make bench reports ours and trafilatura's):
# the benchmark's mean shingle F1 0.971 (trafilatura 0.951); the eval set's snippet F1 0.898 (trafilatura 0.924).
MIN_MEAN_F1 = 0.96
MIN_SNIPPET_F1 = 0.885

needs_pages = pytest.mark.skipif(not realpages.available(), reason=realpages.MISSING)
BENCHMARK = realpages.benchmark_pages() if realpages.available() else ()
EVAL_DEV = realpages.eval_dev_pages() if realpages.available() else ()


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    return {page.page_id: realpages.our_body(page) for page in BENCHMARK}


@pytest.fixture(scope="module")
def eval_texts() -> dict[str, str]:
    return {page.page_id: realpages.our_body(page) for page in EVAL_DEV}


@needs_pages
def test_the_sets_are_many_sites_and_languages() -> None:
    assert 60 <= len(BENCHMARK) <= 200 and len({page.origin for page in BENCHMARK}) >= 50
    assert all(page.expected_body.strip() for page in BENCHMARK)
    assert len(EVAL_DEV) >= 300 and len({page.origin for page in EVAL_DEV}) >= 50
    assert all(page.with_snippets for page in EVAL_DEV)


@needs_pages
@pytest.mark.parametrize("index", range(len(BENCHMARK)), ids=[p.page_id[:12] for p in BENCHMARK])
def test_every_benchmark_page_yields_a_body(index, bodies) -> None:
    page = BENCHMARK[index]
    assert bodies[page.page_id].strip(), f"no body for {page.url}"


@needs_pages
def test_mean_body_f1_holds_its_floor(bodies) -> None:
    scores = score_bodies([(page.expected_body, bodies[page.page_id]) for page in BENCHMARK])
    assert scores.f1 >= MIN_MEAN_F1, scores


@needs_pages
def test_snippet_f1_holds_its_floor(eval_texts) -> None:
    scores, counts = score_snippets([(page, eval_texts[page.page_id]) for page in EVAL_DEV])
    assert scores.f1 >= MIN_SNIPPET_F1, (scores, counts)


@pytest.mark.parametrize(("truth", "prediction", "expected"), [
    ("one two three four five", "one two three four five", (1.0, 0.0, 0.0)),
    ("one two three four five", "", (0.0, 0.0, 1.0)),
    ("", "one two three four five", (0.0, 1.0, 0.0)),
    ("a b c d e", "a b c d x", (1 / 3, 1 / 3, 1 / 3)),  # one shingle shared, one each side
])
def test_shingle_counts_as_the_benchmark_counts_them(truth, prediction, expected) -> None:
    assert tp_fp_fn(truth, prediction) == pytest.approx(expected)


def test_page_f1_of_a_perfect_and_an_empty_prediction() -> None:
    assert page_f1("the cat sat on the mat", "the cat sat on the mat") == 1.0
    assert page_f1("the cat sat on the mat", "") == 0.0


_PAGE = RealPage("p", "https://example.org/a", b"", with_snippets=("the cat  sat", "on the mat"),
                 without_snippets=("Share on", "Read also"))


@pytest.mark.parametrize(("text", "expected"), [
    ("the cat\nsat on the mat", SnippetCounts(tp=2, fn=0, fp=0, tn=2)),  # whitespace does not matter
    ("the cat sat. Share on X", SnippetCounts(tp=1, fn=1, fp=1, tn=1)),
    ("", SnippetCounts(tp=0, fn=2, fp=0, tn=2)),
    ("The Cat sat on the mat", SnippetCounts(tp=1, fn=1, fp=0, tn=2)),  # case does
])
def test_snippets_count_as_trafilatura_counts_them(text, expected) -> None:
    assert snippet_counts(_PAGE, text) == expected


def test_snippet_scores_sum_over_the_set() -> None:
    scores, counts = score_snippets([(_PAGE, "the cat sat. Share on X"), (_PAGE, "the cat sat on the mat")])
    assert counts == SnippetCounts(tp=3, fn=1, fp=1, tn=3)
    assert scores.precision == pytest.approx(0.75) and scores.recall == pytest.approx(0.75)
