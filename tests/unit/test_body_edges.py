"""The body's edges checked against the generic reader's body (pipelines/body_edges.py)."""
from __future__ import annotations

import pytest

from ipgirl_crawler.pages.dom import outer_html, parse_fragment
from pipelines.body import clean_body
from pipelines.body_edges import _probes, trim_unconfirmed_edges

# Every line its own words, so the generic body holds more 3-grams than MIN_GENERIC_SHINGLES.
STORY = [f"On day {n} the river{n} rose past mill{n} and farm{n} while crew{n} moved herd{n} to hill{n} ground."
         for n in range(1, 30)]
GENERIC = "\n".join(STORY)  # the generic reader's body: the story, and nothing else


def _trim(blocks: list[str], generic: str = GENERIC) -> tuple[list[str], int]:
    root = parse_fragment("".join(f"<p>{b}</p>" if not b.startswith("<") else b for b in blocks))
    removed = trim_unconfirmed_edges(root, generic)
    return [outer_html(b) for b in root], removed


@pytest.mark.parametrize(("blocks", "kept"), [
    # chrome at both ends, unconfirmed: out
    (["Subscribe to our newsletter for more stories like this", *STORY[:3], "Was this article helpful? Yes No"], 3),
    (["Read the full story in the app, it is free to download now", *STORY[:3]], 3),
    # negatives: confirmed edges stay; chrome in the middle is not this rule's; a figure stops the trim
    (STORY[:4], 4),
    ([STORY[0], "An aside the generic reader dropped, in the middle of it", STORY[1]], 3),
    ([*STORY[:2], "<figure><img src='/a.jpg'></figure>", "Share this on every network you use"], 3),
    ([*STORY[:2], "<figure><img src='/a.jpg'><figcaption>Chart · data · IPGirl 5</figcaption></figure>"], 3),
    ([*STORY[:2], "<ul><li>A closing list the generic reader dropped</li><li>its second item</li></ul>"], 3),
])
def test_unconfirmed_edges(blocks: list[str], kept: int) -> None:
    assert len(_trim(blocks)[0]) == kept


# What a generic reader keeps of a page when it misses the story (an email's layout tables): the
# page's chrome, and cards whose snippets repeat a sentence of the story.
CHROME = [f"Footer line {n} lists store{n} hours, shop{n} prices and town{n} events for folk{n} nearby."
          for n in range(1, 30)]


@pytest.mark.parametrize(("generic", "kept"), [
    # it read the chrome and one card echoing the story's last line: it speaks for none of our edges
    ("\n".join([*CHROME, STORY[5]]), 6),
    ("\n".join([*CHROME[:20], STORY[2], STORY[5]]), 6),
    # negatives: it read the story (with or without chrome around it): the unconfirmed opening goes
    ("\n".join(STORY[1:20]), 5),
    ("\n".join([*CHROME[:8], *STORY[1:6], *CHROME[8:16]]), 5),
])
def test_a_generic_body_that_read_elsewhere_trims_nothing(generic: str, kept: int) -> None:
    assert len(_trim(STORY[:6], generic)[0]) == kept


def test_a_short_generic_body_confirms_nothing() -> None:
    blocks = ["Teaser line nobody confirms at all here", *STORY[:3]]
    assert _trim(blocks, generic=STORY[0])[1] == 0  # too few 3-grams to speak against ours
    assert _trim(blocks, generic="")[1] == 0


def test_one_block_always_stays() -> None:
    assert len(_trim(["Nothing here is confirmed by the generic body at all"])[0]) == 1


def test_clean_body_counts_what_it_trimmed() -> None:
    raw = "".join(f"<p>{b}</p>" for b in [*STORY[:3], "Was this article helpful? Yes No"])
    body = clean_body(raw, "en", "https://example.org/", GENERIC)
    assert body.removed["unconfirmed_edges"] == 1 and "helpful" not in body.text
    assert "helpful" in clean_body(raw, "en", "https://example.org/").text  # no generic body: nothing checked


@pytest.mark.parametrize(("text", "probes"), [
    ("", []),
    ("One", ["one"]),
    ("One two", ["one two"]),
    ("One two three four", ["one two three", "two three four"]),
    (" ".join(f"w{i}" for i in range(50)), [f"w{i} w{i + 1} w{i + 2}" for i in range(0, 48, 2)]),  # every 2nd of 48
    (" ".join(f"w{i}" for i in range(26)), [f"w{i} w{i + 1} w{i + 2}" for i in range(24)]),  # 24: all
    ("日本語の文章です" * 2, ["日本語の文章 です日本語の 文章です"]),  # a CJK run cut in pieces of 6
])
def test_probes_sample_a_blocks_3grams(text: str, probes: list[str]) -> None:
    assert _probes(text) == probes
