"""Any bytes in: a valid item or a counted refusal out, never an exception (hypothesis)."""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.eras import page_for
from ipgirl_crawler.schema import validation_errors
from pipelines.body import clean_body
from pipelines.dates import parse_machine_date, parse_visible_date
from pipelines.votes import parse_votes
from tests.support.helpers import load_example, run_pipelines

BASE = "https://www.ipgirl.com"
URL = f"{BASE}/fr/ai/48213-x"
SEED_PAGE, _ = load_example("article-A-fr-seed")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def extract_or_refuse(body: bytes, charset: str = "utf-8") -> None:
    response = HtmlResponse(url=URL, body=body, headers={"Content-Type": f"text/html; charset={charset}"})
    page = page_for(response, BASE)
    if not page.is_article():
        return
    try:
        item = run_pipelines(page.to_item())
    except DropItem:
        return
    assert validation_errors(item) == [], validation_errors(item)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(body: bytes) -> None:
    extract_or_refuse(body)


@FUZZ
@given(st.integers(0, len(SEED_PAGE)), st.integers(0, 200), st.binary(max_size=64), st.sampled_from(["utf-8", "shift_jis", "cp1252"]))
def test_mutated_real_page(at: int, cut: int, junk: bytes, charset: str) -> None:
    extract_or_refuse(SEED_PAGE[:at] + junk + SEED_PAGE[at + cut:], charset)


@FUZZ
@given(st.integers(1, len(SEED_PAGE)))
def test_truncated_real_page(length: int) -> None:
    extract_or_refuse(SEED_PAGE[:length])


@FUZZ
@given(st.text(max_size=300), st.sampled_from([None, "en", "fr", "de", "ja", "zh", "ko"]))
def test_text_parsers_never_raise(text: str, lang: str | None) -> None:
    votes = parse_votes(text, lang)
    assert votes is None or 0 <= votes[0] <= votes[1]
    for parsed in (parse_machine_date(text), parse_visible_date(text, lang)):
        assert parsed is None or (len(parsed) == 20 and parsed.endswith("Z"))
    clean_body(text, lang, BASE)


def test_deep_wide_and_absurd_pages() -> None:
    rng = random.Random(5)
    pages = [
        b"<html><body><h1>T</h1>" + b"<div>" * 200_000 + b"<p>x</p>" + b"</div>" * 200_000,
        b"<html><body><h1>" + b"A" * 1_000_000 + b"</h1><p>body</p></body></html>",
        SEED_PAGE.replace(b"93 out of 132", b"9" * 5000 + b" out of " + b"9" * 5001),
        SEED_PAGE.replace(b"2023-07-04T08:15:00+02:00", b"90000-07-04T08:15:00+02:00"),
        SEED_PAGE.replace(b"<p>", b"<p>\x00\x01\x1b[31m", 3),
        bytes(rng.getrandbits(8) for _ in range(100_000)),
        b"", b"\x00" * 10_000, b"<html>" * 50_000,
    ]
    for body in pages:
        extract_or_refuse(body)
