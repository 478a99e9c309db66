"""What a body's last blocks hold after the story ends (pipelines/body_tail.py)."""
from __future__ import annotations

import pytest

from ipgirl_crawler.pages.dom import parse_fragment, text_content
from pipelines.body import clean_body
from pipelines.body_tail import trim_closing_chrome

STORY = "<p>The council voted on Tuesday to rebuild the old bridge before the winter floods come.</p>"
ATTACHMENTS = ('<h3 class="visibility-hidden">Attachments</h3><ul class="attachments"><li><a href="/hc/a/1/report-7.pdf">'
               'report-7.pdf</a><div class="meta"><span>583 KB</span></div></li></ul>')


def _trimmed(html: str, lang: str = "en") -> tuple[list[str], dict[str, int]]:
    root = parse_fragment(html)
    removed = trim_closing_chrome(root, lang)
    return [" ".join(text_content(b).split()) for b in root], dict(removed)


@pytest.mark.parametrize(("tail", "removed"), [
    # a help center's attachments: a hidden heading, then file links with their sizes
    (ATTACHMENTS, {"downloads": 1, "dangling_label": 1}),
    ('<ul><li><a href="/f/plan.docx">Plan</a> (DOCX, 1,2 Mo)</li><li><a href="/f/data.xlsx?v=2">Data</a> 2 MB</li></ul>',
     {"downloads": 1}),
    ('<p><a href="/files/minutes.pdf">Minutes of the meeting</a></p>', {"downloads": 1}),
    # a call to action of one line: a question, a link that answers it
    ('<div class="more">Have more questions? <a href="/contact">Submit a request</a></div>', {"call_to_action": 1}),
    ('<p>¿Tienes más preguntas? <a href="/es/contacto">Envía una solicitud</a></p>', {"call_to_action": 1}),
    ('<p>他に質問がありますか？<a href="/ja/contact">リクエストを送信</a></p>', {"call_to_action": 1}),
    # a heading or a label with nothing after it
    ('<h2 class="title">Schlagworte </h2>', {"dangling_label": 1}),
    ('<div><h4>Weiterführende Informationen</h4></div>', {"dangling_label": 1}),
    ("<p>Ein Beitrag von:</p>", {"dangling_label": 1}),
    # a closing list of other stories' cards: a linked heading and a short teaser each (the heading over
    # them then heads nothing)
    ('<h2>Our Latest Stories</h2><ul><li><a href="/n/1"><img src="/1.jpg"></a><p><h3><a href="/n/1">Pats place '
     'Olszewski on IR</a></h3><h4>New England\'s roster is re-shuffling</h4></p></li><li><a href="/n/2"><h3>Playoff '
     'picture</h3></a><p>Breaking down the playoff picture after Sunday</p></li></ul>', {"cards": 1, "dangling_label": 1}),
    # a label and links only: the site's index of the story
    ('<p>Tag: <a href="/t/digitimes">digitimes.com</a></p>', {"label_links": 1}),
    ('<p>Read more: <a href="/bridge">the bridge in ten pictures</a></p>', {"label_links": 1}),
    ('<p>Kategorie: <a href="/c/news">News</a>, <a href="/c/o3">open3</a></p>', {"label_links": 1}),
    ('<p>Related Roundup: <a href="/r/mbp">MacBook Pro</a></p><p>Tag: <a href="/t/d">digitimes.com</a></p>',
     {"label_links": 2}),
])
def test_closing_chrome_goes(tail: str, removed: dict[str, int]) -> None:
    blocks, counts = _trimmed(STORY + tail)
    assert blocks == [" ".join(text_content(parse_fragment(STORY)[0]).split())] and counts == removed


@pytest.mark.parametrize("tail", [
    # a download link inside prose, or beside words that are no size
    '<p>The full <a href="/files/report.pdf">report (PDF, 2 MB)</a> explains how the bridge will be paid for.</p>',
    '<ul><li><a href="/f/plan.pdf">Plan</a> approved by the council in May</li></ul>',
    '<ul><li><a href="/reports/2024">Annual report</a> 2 MB</li></ul>',  # a page, not a file
    # a question with a linked answer that goes on, or a question alone, or a link without one
    '<p>Why does it matter? <a href="/explainer">Our explainer</a> walks through what the vote changes for you.</p>',
    "<p>Will the bridge be ready before the floods?</p>",
    '<p>If you have any questions or suggestions, please contact us!</p>',  # a notice: no link answers it
    '<p>The questions the council left open: <a href="/bridge/budget">the budget</a>, and who pays.</p>',
    # a buying guide's items: a linked heading and a long description each; a list with one item not a card
    '<ul><li><h3><a href="/p/1">The Kettle 3000</a></h3><p>' + "It boils a litre in a minute and keeps it warm. " * 5
    + '</p></li><li><h3><a href="/p/2">The Toaster</a></h3><p>' + "Two slots, six settings and a tray for crumbs. " * 5
    + "</p></li></ul>",
    '<ul><li><h3><a href="/n/1">Pats place Olszewski on IR</a></h3></li><li>The vote passed on Tuesday.</li></ul>',
    # a label, then words of the story beside the link; a label of a sentence
    '<p>Source: <a href="/r">Reuters</a>, which first reported the deal on Monday</p>',
    '<p>The mayor said on Tuesday, to the council: <a href="/v">watch the vote</a></p>',
    # a heading of sentences is prose set large; a short closing line without a colon is the story's
    '<h3>All these products and many more wait for you at the shop! And the big sale has already begun, '
    'so if you still need something, <a href="/shop">this way</a>.</h3>',
    "<p>Dr. Anna Weber</p>",
    "<p>The vote passed 7 to 2: the bridge will be rebuilt.</p>",
])
def test_closing_story_stays(tail: str) -> None:
    blocks, counts = _trimmed(STORY + tail)
    assert len(blocks) == 2 and counts == {}


@pytest.mark.parametrize(("tail", "lang", "is_call"), [
    # no question mark, but the words name questions, in the page's language or in English
    ('<p>他にご質問がございましたら <a href="/ja/contact">リクエストを送信</a></p>', "ja", True),
    ('<p>Bei weiteren Fragen <a href="/de/kontakt">schreiben Sie uns</a></p>', "de", True),
    ('<p>For any other questions, <a href="/de/kontakt">write to us</a></p>', "de", True),
    # the same shape without such words is a line of the story's
    ('<p>Die Stadt hat die Pläne <a href="/de/plan">veröffentlicht</a></p>', "de", False),
    ('<p>詳しくは <a href="/ja/plan">こちら</a></p>', "ja", False),
])
def test_a_call_naming_questions_in_the_pages_language(tail: str, lang: str, is_call: bool) -> None:
    assert _trimmed(STORY + tail, lang)[1] == ({"call_to_action": 1} if is_call else {})


def test_chrome_before_the_last_paragraph_and_a_lone_block_stay() -> None:
    assert _trimmed(ATTACHMENTS + STORY)[1] == {}
    assert _trimmed("<h2>Only a heading</h2>") == (["Only a heading"], {})


def test_clean_body_counts_what_it_trims() -> None:
    body = clean_body(STORY + ATTACHMENTS + '<p>Have more questions? <a href="/c">Submit a request</a></p>', "en", "http://x/")
    assert body.text.startswith("The council voted") and "KB" not in body.text and "questions" not in body.text
    assert body.removed["downloads"] == 1 and body.removed["call_to_action"] == 1 and body.removed["dangling_label"] == 1


@pytest.mark.parametrize(("first", "dropped"), [
    ("<p>October 12, 2017</p>", True),
    ("<div>23.10.2018</div>", True),
    ("<p>Mittwoch, 26.01.2022 - 14:30</p>", True),
    ("<span>2019年11月20日</span>", True),
    # negatives: a title-like line with a year, a sentence with a date, a number that is no year
    ("<p>Paris 2024: the games begin</p>", False),
    ("<p>Tokyo 2020 Olympics</p>", False),
    ("<h2>12 May 2021</h2>", False),
    ("<p>On 12 October 2017 the council met.</p>", False),
    ("<p>Chapter 3, 1500 words</p>", False),
    ("<p>12.10.</p>", False),
])
def test_a_date_above_the_story(first: str, dropped: bool) -> None:
    from pipelines.body_tail import trim_opening_date

    root = parse_fragment(first + STORY)
    assert trim_opening_date(root) == int(dropped) and len(root) == 2 - dropped


def test_a_lone_date_line_stays() -> None:
    from pipelines.body_tail import trim_opening_date

    root = parse_fragment("<p>October 12, 2017</p>")
    assert trim_opening_date(root) == 0 and len(root) == 1
