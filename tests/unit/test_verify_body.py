"""The body's check (monitoring/verify_body.py, pages/chrome_slots.py): a text the site shows at one
place on most pages of a language is chrome, and a body holding it is contradicted; the cases that
must NOT be chrome: an article's text repeated by the corpus, at the body's own places or in cards,
and a place showing many texts."""
from __future__ import annotations

from typing import Any

import lxml.html
import pytest

from ipgirl_crawler.monitoring.verify_body import body_lines, body_verdict, chrome_texts
from ipgirl_crawler.pages.chrome_slots import body_slots, place

BODY = "html/body/main/div.article-body/p"
CTA = "html/body/main/div.more-questions"
VOTES = "html/body/main/div.votes/h2"
CARD = "html/body/main/ul.related/li/a/span"
PROSE = ["Paragraph one about chips.", "Paragraph two about robots.", "Why it matters",
         "Paragraph three about rules.", "Paragraph four.", "Paragraph five.", "Paragraph six.", "Paragraph seven."]


def record(language: str, body: list[str], around: list[tuple[str, str]], edges: list[tuple[str, str]] | None = None,
           inner: tuple[str, ...] = (BODY,)) -> dict[str, Any]:
    edges = edges if edges is not None else [(BODY, body[0]), (BODY, body[-1])]
    return {"url": f"http://x/{language}/a/{len(body)}", "language": language, "body_lines": body_lines("\n\n".join(body)),
            "statements": {"body_slots": {"edges": [list(e) for e in edges], "around": [list(a) for a in around],
                                          "inner": list(inner)}}}


def site(pages: int, language: str = "en", around: tuple[tuple[str, str], ...] = ((CTA, "Have more questions? Submit a request"),),
         body: list[str] | None = None) -> list[dict[str, Any]]:
    return [record(language, body or PROSE, list(around)) for _ in range(pages)]


@pytest.mark.parametrize(("records", "language", "text", "is_chrome"), [
    (site(3), "en", "Have more questions? Submit a request", True),
    (site(2), "en", "Have more questions? Submit a request", False),  # too few pages to tell
    # a language's pages show their UI in English on a share: both texts are the place's chrome
    (site(4, "de", ((CTA, "Sie haben weitere Fragen?"),)) + site(3, "de"), "de", "Sie haben weitere Fragen?", True),
    (site(4, "de", ((CTA, "Sie haben weitere Fragen?"),)) + site(3, "de"), "de", "Have more questions? Submit a request", True),
    # a place that is chrome names every text it shows, on one page of a language too
    (site(4) + site(1, "fr", ((CTA, "D’autres questions ?"),)), "fr", "D’autres questions ?", True),
    # ... but a place showing more than 3 texts in one language is no chrome
    (site(4) + [record("fr", PROSE, [(CTA, f"Question {chr(65 + i)} ?")]) for i in range(4)], "en",
     "Have more questions? Submit a request", False),
    # ... nor one whose texts mostly show once (4 of 10 pages repeat one)
    (site(4) + [record("fr", PROSE, [(CTA, f"Question {chr(65 + i)} ?")]) for i in range(3)]
     + [record("de", PROSE, [(CTA, f"Frage {chr(65 + i)}?")]) for i in range(3)], "en", "Have more questions? Submit a request", False),
    # a card's snippet repeats an article's sentence: a place showing many texts is no chrome
    ([record("en", PROSE, [(CARD, f"Snippet {chr(65 + i % 4)}.")]) for i in range(12)], "en", "Snippet A.", False),
    ([record("en", PROSE, [(CARD, f"Snippet {chr(65 + i % 3)}.")]) for i in range(9)], "en", "Snippet A.", True),  # as chrome does
    # the corpus puts one heading in most bodies, at the body's own place: the article's
    ([record("en", PROSE, [], edges=[(BODY, "Why it matters")]) for _ in range(10)], "en", "Why it matters", False),
    # a text some body holds between its edges is prose, wherever else it shows
    (site(4, around=((CTA, "Paragraph three about rules."),)), "en", "Paragraph three about rules.", False),
])
def test_chrome_texts(records: list[dict[str, Any]], language: str, text: str, is_chrome: bool) -> None:
    found = {text for text, _, _ in chrome_texts(records).get(language, {}).values()}
    assert (text in found) is is_chrome


@pytest.mark.parametrize(("body", "outcome"), [
    (PROSE + ["Have more questions? Submit a request"], "contradicted"),
    (["Have more questions? Submit a request"] + PROSE, "contradicted"),  # at the start too
    (PROSE, "verified"),
    (PROSE + ["Have more questions?"], "verified"),  # a part of it: another text
    (PROSE + ["have more questions? submit a request"], "verified"),  # the page's text as written, case and all
    (PROSE + ["x" * 400], "verified"),  # a long block is never a chrome text
    (PROSE + ["Have more questions? Submit 2 requests"], "contradicted"),  # a count in chrome: one text
    (["Have more questions? Submit 1 request"] + PROSE, "verified"),
])
def test_body_verdict(body: list[str], outcome: str) -> None:
    chrome = chrome_texts(site(5) + site(3, around=((CTA, "Have more questions? Submit 3 requests"),)))
    verdict = body_verdict(record("en", body, []), chrome)
    assert verdict[0] == outcome
    if outcome == "contradicted":
        assert "Have more questions" in verdict[1] and "div.more-questions" in verdict[1]


SUMMARY = "html/body/main/header/p.summary"


@pytest.mark.parametrize(("summaries_own", "outcome"), [
    (True, "verified"),  # the place shows each page's own summary, three pages alike: the article's place
    (False, "contradicted"),  # negative: the same text there on pages whose summary it is not: chrome
])
def test_a_place_of_the_pages_own_summaries_is_no_chrome(summaries_own: bool, outcome: str) -> None:
    said = "Export controls on lithography tools force several countries to rethink."
    pages = [{**page, "summary": said if summaries_own else "Another summary."}
             for page in site(4, around=((SUMMARY, said),))]
    quoting = {**record("en", PROSE[:3] + [said] + PROSE[3:], []), "summary": "This page's own summary."}
    assert body_verdict(quoting, chrome_texts(pages + site(3)))[0] == outcome


def test_a_language_without_chrome_found_is_unverifiable() -> None:
    assert body_verdict(record("ja", PROSE, []), chrome_texts(site(5)))[0] == "unverifiable"


class Page:
    """The page object's parts body_slots reads: the body's blocks and the document order."""

    def __init__(self, html: str) -> None:
        self.root = lxml.html.fromstring(html)
        self.elements = list(self.root.iter())
        self.positions = {element: index for index, element in enumerate(self.elements)}
        self.body = type("Body", (), {"blocks": self.root.xpath("//div[@class='article-body']/*")})()


HTML = """<html><body><main class="post-123">
<aside><h2>Articles in this section</h2><ul><li>One</li><li>Two</li></ul></aside>
<h1>Title</h1><div class="article-body"><p>First.</p><p>Second.</p><h2>Middle</h2><p>Third.</p>
<p>Fourth.</p><p>Fifth.</p><p>Sixth.</p></div>
<ul class="tags"><li>t1</li><li>t2</li><li>t3</li></ul>
<div class="more-questions">Have more questions? <a href="/contact">Submit a request</a></div>
</main></body></html>"""


def test_body_slots_reads_the_places_around_the_body() -> None:
    slots = body_slots(Page(HTML))
    around = {text: where for where, text in slots["around"]}
    # digits dropped from classes: every post's container is one place
    assert around["Have more questions? Submit a request"] == "html/body/main.post-0/div.more-questions"
    assert "t1" in around and "t2" not in around  # a list's first item tells its place
    assert "Articles in this section" in around and "Title" in around
    assert [text for _, text in slots["edges"]] == ["First.", "Second.", "Third.", "Fourth.", "Fifth.", "Sixth."]
    # 7 blocks: the first 2 and the last 4 are edges, the heading between them inner
    assert slots["inner"] == ["html/body/main.post-0/div.article-body/h2"]
    assert body_slots(type("Empty", (), {"body": type("B", (), {"blocks": []})()})()) == {}


def test_place_names_tags_and_classes_root_first() -> None:
    # (two one-letter classes of three would be atomic CSS's hashes, which name no place: named ones here)
    element = lxml.html.fromstring('<div class="box alpha item-42"><p class="x">t</p></div>').find("p")
    assert place(element) == "html/body/div.alpha box item-0/p.x"


@pytest.mark.parametrize(("opening", "outcome"), [
    (["Beatriz Lima and João Pereira", "April 14, 2023"], "contradicted"),  # the byline's lines read as body
    (["Mei Lin", "vor 45 Tagen · 1 Min. Lesezeit"], "contradicted"),
    (["March 7, 2024 · Updated March 11, 2024 · 1 min read"], "contradicted"),
    (["On April 14, 2023, the lab said it would cut its models' size."], "verified"),  # a sentence with a date
    (PROSE[:2] + ["April 14, 2023"], "verified"),  # a date further in: a timeline's heading, say
    (["2023"], "verified"),  # a year alone: a yearly review's heading
    (["Long read: how the EU and Japan wrote the rules, 2019-2023"], "verified"),
])
def test_a_body_opening_with_a_date_line_is_contradicted(opening: list[str], outcome: str) -> None:
    chrome = chrome_texts(site(5) + site(3, around=((CTA, "Have more questions? Submit 3 requests"),)))
    body = opening + PROSE
    verdict = body_verdict({**record("en", body, []), "body_prefix": "\n\n".join(body), "language": "de"
                            if "Tagen" in opening[-1] else "en"}, chrome)
    assert verdict[0] == outcome, verdict


@pytest.mark.parametrize(("extra", "outcome"), [
    (["Was this article helpful?"], "contradicted"),  # the votes widget's question, whole
    (["| Was this article helpful? |"], "contradicted"),  # as a fallback body writes a table's cell
    (["Discover more"], "contradicted"),
    (["Cet article vous a-t-il été utile ?"], "verified"),  # negative: another language's, on an English page
    (["We asked readers: was this article helpful? Most said yes."], "verified"),  # negative: within a sentence
    (["| Share | Tweet |"], "verified"),  # negative: a row of several cells is no one label
])
def test_a_body_holding_a_label_of_the_site_s_widgets_is_contradicted(extra: list[str], outcome: str) -> None:
    chrome = chrome_texts(site(5))
    assert body_verdict(record("en", PROSE + extra, []), chrome)[0] == outcome


def test_a_fallback_body_makes_no_text_prose() -> None:
    """The generic extractor's body of a whole page holds the page's chrome between its edges: it
    does not make that chrome the article's (held-out W: 17 such bodies)."""
    cta = "Have more questions? Submit a request"
    fallback = {**record("en", PROSE[:3] + [cta] + PROSE[3:], []), "body_opinion": "fallback"}
    assert any(text == cta for text, _, _ in chrome_texts(site(5) + [fallback])["en"].values())
    ours = {**fallback, "body_opinion": "flagged"}
    assert not any(text == cta for text, _, _ in chrome_texts(site(5) + [ours]).get("en", {}).values())


@pytest.mark.parametrize(("body", "outcome"), [
    (PROSE + ["Robot arm · robots · IPGirl 50075"], "contradicted"),
    (PROSE, "verified"),
])
def test_a_body_holding_an_image_s_caption_is_contradicted(body: list[str], outcome: str) -> None:
    from ipgirl_crawler.monitoring.verify_images import captions_in_body
    images = [{"url": "http://x/media/1.jpg", "alt": "Robot arm", "caption": None}]
    found = {**record("en", body, []), "captions_in_body": captions_in_body(images, "\n\n".join(body))}
    assert body_verdict(found, chrome_texts(site(5)))[0] == outcome


@pytest.mark.parametrize(("first", "language", "authors", "outcome"), [
    ("By Olivia Grant and Tom O'Neill", "en", [], "contradicted"),  # held-out Z: the byline atop the body
    ("By Olivia Grant and Tom O'Neill", "en", ["Olivia Grant", "Tom O'Neill"], "contradicted"),
    ("By Olivia Grant and Tom O'Neill", "en", ["Olivia Grant"], "contradicted"),  # a co-author the byline lost
    ("Von Anna Schröder, Lena Fischer und Jonas Weber", "de", [], "contradicted"),
    ("By Mei Lin and Luca Ferrari", "it", [], "contradicted"),  # the English label on an Italian page
    ("작성자: 김민지, Mei Lin, 정유나", "ko", [], "contradicted"),
    ("作者：李伟", "zh", [], "contradicted"),
    ("By the end of next year, most new laptops are expected to ship with a dedicated AI accelerator.", "en", [],
     "verified"),  # a sentence starting with the label's word
    ("By 2030 Europe wants its own fabs", "en", [], "verified"),  # no names: a year
    ("Di recente, il laboratorio ha detto che ridurrà i modelli.", "it", [], "verified"),
    ("Bypass rules: how the lab trained its robot", "en", [], "verified"),  # the label is a whole word only
    ("By Design", "en", ["Olivia Grant"], "verified"),  # a heading: its "name" is none of the page's authors
])
def test_a_body_opening_with_a_byline_is_contradicted(first: str, language: str, authors: list[str],
                                                      outcome: str) -> None:
    chrome = chrome_texts(site(5) + site(3, around=((CTA, "Have more questions? Submit 3 requests"),)))
    body = [first] + PROSE
    found = {**record("en", body, []), "body_prefix": "\n\n".join(body), "language": language, "authors": authors}
    verdict = body_verdict(found, chrome)
    assert verdict[0] == outcome or outcome == "verified" and verdict[0] == "unverifiable", verdict  # no chrome in it
