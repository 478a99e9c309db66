"""When a generic extractor contradicts our body: the decision over agreement and coverage, table-driven."""
from __future__ import annotations

import pytest

from pipelines import second_opinion as second_opinion_module
from pipelines.second_opinion import Opinion, compare, shingles


@pytest.mark.parametrize(("opinion", "contradicts"), [
    (Opinion(agreement=0.95, coverage=0.9, missing=5), False),    # confirmed
    (Opinion(agreement=0.45, coverage=0.9, missing=10), True),    # ours = theirs + a menu or comments
    (Opinion(agreement=0.9, coverage=0.2, missing=300), True),    # ours missed most of the article
    (Opinion(agreement=0.9, coverage=0.2, missing=40), False),    # a short page: summary and byline outweigh
    # Each reads something else (an IPGirl legacy page: both extractors drop its last blocks and keep
    # menu, summary and byline): no ground to prefer theirs.
    (Opinion(agreement=0.59, coverage=0.43, missing=94), False),
    # Ours a tagline or nothing, theirs a short story: far below MISSING_AT, but many times ours.
    (Opinion(agreement=1.0, coverage=0.05, missing=143, size=8), True),
    (Opinion(agreement=0.0, coverage=0.0, missing=22, size=0), True),
    # Negative: a short body of ours against a short page's lead and votes; a line of notice against nothing.
    (Opinion(agreement=0.9, coverage=0.2, missing=40, size=60), False),
    (Opinion(agreement=0.5, coverage=0.1, missing=72, size=19), False),
    (Opinion(agreement=0.0, coverage=0.0, missing=19, size=0), False),
    (Opinion(agreement=1.0, coverage=0.3, missing=143, size=8), False),  # ours holds enough of theirs
])
def test_contradicts(opinion: Opinion, contradicts: bool) -> None:
    assert opinion.contradicts is contradicts


@pytest.mark.parametrize(("text", "by_line", "grams"), [
    ("One two three four", True, {("one", "two", "three"), ("two", "three", "four")}),
    ("One two\n\nthree four", True, {("one", "two"), ("three", "four")}),  # none spans two blocks
    ("One two\n\nthree four", False, {("one", "two", "three"), ("two", "three", "four")}),
    ("Solo", True, {("solo",)}),
    ("", True, set()),
    # CJK: each character a word (a text with no CJK takes a faster path); a word run into them keeps them
    ("AI的发展", True, {("ai的发展",)}),
    ("AI 的发展", True, {("ai", "的", "发"), ("的", "发", "展")}),
    ("日本語 text", True, {("日", "本", "語"), ("本", "語", "text")}),
    ("Über straße é", True, {("über", "straße", "é")}),
])
def test_shingles(text: str, by_line: bool, grams: set[tuple[str, ...]]) -> None:
    assert shingles(text, by_line) == grams


@pytest.mark.parametrize(("ours", "judged_by_size"), [
    ("A tagline of a line.", True),
    ("", True),
    ("evil Body text here.\n\nSecond paragraph of the article.", False),  # two short paragraphs: a story
])
def test_only_a_body_of_one_block_is_judged_by_its_size(ours: str, judged_by_size: bool) -> None:
    generic = "Summary of it. By Ann Example July 4 2023. " + ours.replace("\n\n", " ") + \
        " Was this article helpful? 3 out of 4 found this helpful. Discover more of our stories today and tomorrow."
    opinion = compare(ours, generic, "\n\n" not in ours.strip())
    assert (opinion.size is not None) is judged_by_size
    assert opinion.contradicts is judged_by_size


STORY = [f"On day {n} the river{n} rose past mill{n} and farm{n} while crew{n} moved herd{n} to hill{n} ground."
         for n in range(1, 13)]
CHROME = [f"Footer line {n} lists store{n} hours, shop{n} prices and town{n} events for folk{n} nearby."
          for n in range(1, 13)]
OURS = "\n\n".join(STORY[:8])


@pytest.mark.parametrize(("generic", "tie_break", "outcome"), [
    # the first reader read another part of the page (chrome and a line of ours): the tie-break decides
    ("\n".join([*CHROME, STORY[0]]), "\n".join(["Title", *STORY[:8], *CHROME[:3]]), "agreed"),
    ("\n".join([*CHROME[:4], STORY[0]]), "\n".join(["Title", *STORY[:8], *CHROME[:3]]), "agreed"),  # too few to contradict
    ("\n".join([*CHROME[:4], STORY[0]]), "\n".join(CHROME[:4]), "flagged"),  # it reads elsewhere too: ours kept
    ("\n".join([*CHROME, STORY[0]]), "\n".join(CHROME), "fallback"),  # both contradict ours (it misses their text)
    # negatives: a first reader that confirms ours, or disagrees while reading the same story, asks none
    ("\n".join(STORY[:8]), None, "agreed"),
    ("\n".join([*STORY[:6], *CHROME[:2]]), None, "flagged"),
])
def test_a_first_reader_that_read_elsewhere_asks_the_tie_break(monkeypatch: pytest.MonkeyPatch, generic: str,
                                                               tie_break: str | None, outcome: str) -> None:
    def asked(html: str, url: str | None) -> str:
        assert tie_break is not None, "the tie-break was asked"
        return tie_break

    monkeypatch.setattr(second_opinion_module, "tie_break_body", asked)
    assert second_opinion_module.second_opinion(OURS, generic, "<html></html>", "https://example.org/a").outcome == outcome


def _html(paragraphs: list[str], items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs) + ("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
                                                          if items else "")


@pytest.mark.parametrize(("ours_html", "generic", "tie_break", "outcome"), [
    # the first reader read elsewhere; the tie-break holds all of ours but the list it dropped: agreed
    (_html(STORY[:6], STORY[6:8]), "\n".join([*CHROME[:4], STORY[0]]), "\n".join(["Title", *STORY[:6], *CHROME[:2]]),
     "agreed"),
    # negatives: what it lacks are paragraphs; both contradict ours, lists and all (a menu): theirs is used
    (_html(STORY[:8], []), "\n".join([*CHROME[:4], STORY[0]]), "\n".join(["Title", *STORY[:6], *CHROME[:2]]), "flagged"),
    (_html(STORY[:2], STORY[2:8]), "\n".join([*CHROME, STORY[0]]), "\n".join([*STORY[:2], *CHROME]), "fallback"),
])
def test_the_tie_break_confirms_ours_but_the_lists_it_drops(monkeypatch: pytest.MonkeyPatch, ours_html: str, generic: str,
                                                           tie_break: str, outcome: str) -> None:
    monkeypatch.setattr(second_opinion_module, "tie_break_body", lambda html, url: tie_break)
    verdict = second_opinion_module.second_opinion("\n\n".join(STORY[:8]), generic, "<html></html>", None, ours_html)
    assert verdict.outcome == outcome


NAVIGATION = "\n".join(f"Section{n} page{n}" for n in range(1, 90))  # one link a line


@pytest.mark.parametrize(("ours", "generic", "tie_break", "outcome"), [
    (OURS, "", NAVIGATION, "flagged"),  # the generic reader found nothing: no opinion, ours kept
    (OURS, "  \n ", "\n".join(CHROME), "flagged"),
    # negatives: an empty body of ours still takes the tie-break's; a reading of chrome still asks it
    ("", "", NAVIGATION, "fallback"),
    (OURS, "\n".join(CHROME), "\n".join(CHROME), "fallback"),
])
def test_an_empty_generic_body_is_no_opinion(monkeypatch: pytest.MonkeyPatch, ours: str, generic: str, tie_break: str,
                                             outcome: str) -> None:
    monkeypatch.setattr(second_opinion_module, "tie_break_body", lambda html, url: tie_break)
    assert second_opinion_module.second_opinion(ours, generic, "<html></html>", None).outcome == outcome


@pytest.mark.parametrize(("text", "sentence"), [
    ("The river rose past the mill.", True),
    ("Label: value\n\nHe said: «It rose past the mill.»", True),  # a closing quote after its end
    ("日本の川が増水した。", True),  # CJK: no spaces to count words by
    # negatives: label lines, a date, a link, a short command, a heading
    ("Auteur : Kossivi Tiassou\n\nEdition : M-A. Pioerron\n\nDate 23.05.2011\n\nPermalien https://p.dw.com/p/RPYx", False),
    ("Imprimer cette page.", False),
    ("Audios et vidéos sur le sujet", False),
    ("", False),
])
def test_holds_sentence(text: str, sentence: bool) -> None:
    assert second_opinion_module.holds_sentence(text) is sentence


FIELDS = "Author : Ann Example\n\nEditor : Bo Sample\n\nDate 23.05.2011\n\nPrint this page\n\nPermalink https://ex.org/p/1"
TEASER = "On\n\nWednesday, 26.01.2022 - 14:30\n\nSomeone keeps blocking forest paths near the town. Police seek witnesses."
ELSEWHERE = "\n".join(f"Elsewhere{n} reads card{n} list{n} and shop{n} offers for buyer{n} today." for n in range(1, 7))


@pytest.mark.parametrize(("ours", "generic", "tie_break", "outcome"), [
    # ours a box of fields (no sentence): judged by its size, so the story the readers hold contradicts it
    (FIELDS, "\n".join([*STORY[:4], *FIELDS.split("\n\n")]), "\n".join([*STORY[:4], *FIELDS.split("\n\n")[:2]]),
     "fallback"),
    # ours the teaser; the tie-break read none of it, but a story the first reader holds too: theirs is used
    (TEASER, "\n".join([TEASER.replace("\n\n", "\n"), *STORY[:6], *CHROME[:6]]), "\n".join(STORY[:6]), "fallback"),
    # negatives: the same box as sentences of a story; a tie-break that read what the first reader did not
    ("The mill stood by the river.\n\nThe farm lay past it.",
     "\n".join(["The mill stood by the river.", "The farm lay past it.", *STORY[:4]]), "\n".join(STORY[:4]), "agreed"),
    (TEASER, "\n".join([TEASER.replace("\n\n", "\n"), *STORY[:6], *CHROME[:6]]), ELSEWHERE, "flagged"),
])
def test_the_readers_agree_on_a_story_ours_missed(monkeypatch: pytest.MonkeyPatch, ours: str, generic: str,
                                                  tie_break: str, outcome: str) -> None:
    monkeypatch.setattr(second_opinion_module, "tie_break_body", lambda html, url: tie_break)
    assert second_opinion_module.second_opinion(ours, generic, "<html></html>", None).outcome == outcome


SLIDES = "\n".join(STORY)  # a slideshow's twelve slides; ours one or two of them
MENUS = "\n".join([*CHROME[:6], *STORY])  # the first reader: the slides and the site's chrome


@pytest.mark.parametrize(("fast", "full", "outcome", "body"), [
    # the fast reading is held by neither ours nor the first reader: the full mode is asked, and its
    # text, which holds ours and which the first reader holds, replaces ours (ours: 2 of 12 slides)
    (ELSEWHERE, SLIDES, "fallback", SLIDES),
    # negatives: a fast reading the first reader holds is used as it is (the full mode is not asked);
    # a full reading ours holds a third of confirms ours
    (SLIDES, None, "fallback", SLIDES),
    (ELSEWHERE, "\n".join(STORY[:4]), "agreed", None),
])
def test_a_fast_reading_of_chrome_asks_the_full_mode(monkeypatch: pytest.MonkeyPatch, fast: str, full: str | None,
                                                     outcome: str, body: str | None) -> None:
    def full_mode(html: str, url: str | None) -> str:
        assert full is not None, "the full mode was asked"
        return full

    monkeypatch.setattr(second_opinion_module, "tie_break_body", lambda html, url: fast)
    monkeypatch.setattr(second_opinion_module, "full_tie_break_body", full_mode)
    verdict = second_opinion_module.second_opinion("\n\n".join(STORY[1:3]), MENUS, "<html></html>", None)
    assert (verdict.outcome, verdict.text) == (outcome, body)
