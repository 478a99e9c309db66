"""Real article pages from many sites and languages (tests/realpages): the generic path of the page
object and its second opinion, scored with the public benchmarks' body shingle F1."""
from __future__ import annotations

import pytest

from tests.realpages import load_pages, our_body
from tests.realpages.score import corpus_scores, page_f1, tp_fp_fn

# The floor of the set's mean F1 (measured 0.959 for ours, trafilatura 0.951; make bench reports both).
MIN_MEAN_F1 = 0.94

PAGES = load_pages()


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    return {page.page_id: our_body(page) for page in PAGES}


def test_the_set_is_many_sites_and_languages() -> None:
    hosts = {page.origin for page in PAGES}
    assert 60 <= len(PAGES) <= 200 and len(hosts) >= 50
    assert all(page.expected_body.strip() for page in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=[p.page_id[:12] for p in PAGES])
def test_every_real_page_yields_a_body(page, bodies) -> None:
    assert bodies[page.page_id].strip(), f"no body for {page.url}"


def test_mean_body_f1_holds_its_floor(bodies) -> None:
    scores = corpus_scores([(page.expected_body, bodies[page.page_id]) for page in PAGES])
    assert scores.f1 >= MIN_MEAN_F1, scores


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
