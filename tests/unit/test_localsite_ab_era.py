"""Era AB (a Medium publication post, written blind): every expected field shows on the page in all nine
languages and every date mode, a wrong expected field is caught, the reader's rules pagecheck learnt for it
(Medium's "Jul 4, 2023", label-less topic pills) fire only where they should, and the design's markup."""
from __future__ import annotations

import http.client
import re

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite
from tests.localsite.fmt import LANGS
from tests.localsite.model import ALL_ERAS, era_weights, parse_eras
from tests.localsite.pagecheck import WRONG_EXPECTED_FIELDS, body_chrome, check_item, check_page


@pytest.fixture(scope="module")
def site():
    with LocalSite(170, 5, eras="AB") as s:
        yield s


def _page(site, item: dict) -> tuple[bytes, str]:
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    conn.request("GET", item["url"][len(site.base_url):])
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return body, resp.getheader("Content-Type", "")


def _article(site, item: dict):
    return site.site.by_id[int(item["article_id"])]


def test_two_letter_era_names_are_selectable_by_name_only():
    assert parse_eras("A,B,AB") == ("A", "B", "AB")
    assert parse_eras(("ab",)) == ("AB",)
    assert "AB" not in ALL_ERAS and "AB" not in parse_eras("A,B")
    assert dict(era_weights(("A", "B", "AB")))["AB"] == pytest.approx(0.08)


def test_every_expected_field_shows_in_all_languages_and_date_modes(site):
    items = site.expected_items()
    arts = [_article(site, i) for i in items]
    assert {a.lang for a in arts} == set(LANGS)
    assert {a.date_mode for a in arts} == {"machine", "visible", "relative"}
    assert any(a.date_mode == "machine" and a.rel_days for a in arts)  # machine-dated, shown "3 days ago"
    failures = {i["url"]: p for i in items if (p := check_item(site, i))}
    assert not failures


@pytest.mark.parametrize("field, wrong", WRONG_EXPECTED_FIELDS)
def test_a_wrong_expected_field_is_caught(site, field, wrong):
    item = next(i for i in site.expected_items() if i["site_notice"] and i["tags"])
    assert check_item(site, item) == []
    assert check_item(site, {**item, field: wrong})


def _with_tags(site, n_tags: int, short_date: bool = False):
    for item in site.expected_items():
        a = _article(site, item)
        body, ctype = _page(site, item)
        if len(item["tags"]) == n_tags and not a.custom and (not short_date or (
                a.date_mode == "visible" and re.search(rb'storyPublishDate">[A-Z][a-z]{2} \d', body))):
            return item, a, body, ctype
    raise AssertionError("no such page")


@pytest.mark.parametrize("n_tags, flatten, fails", [
    (1, False, False),  # one pill: a boxed /tag/ link on its own line
    (3, False, False),
    (1, True, True),    # negative: the same link unboxed (plain text in the link): needs "Tags:"
    (3, True, True),    # negative: the pills run together on one line
])
def test_topic_pills_need_no_label_only_as_boxed_links_one_a_line(site, n_tags, flatten, fails):
    item, a, body, ctype = _with_tags(site, n_tags)
    if flatten:
        body = re.sub(rb'<div class="[a-z ]+"><a (href="/\w\w/tag/[^"]+" rel="noopener follow")><div class="[a-z ]+">'
                      rb"([^<]*)</div></a></div>", rb"<a \1>\2</a> ", body)
    problems = check_page(body, ctype, item, item["url"], site.site.clock, body_chrome(a, site.site))
    assert ("tags label" in problems) == fails, problems


def test_mediums_short_date_reads_as_the_day_and_only_that_day(site):
    item, a, body, ctype = _with_tags(site, len(next(i for i in site.expected_items() if
                                                    _article(site, i).date_mode == "visible")["tags"]), True)
    chrome = body_chrome(a, site.site)
    assert check_page(body, ctype, item, item["url"], site.site.clock, chrome) == []
    wrong = re.sub(rb'(storyPublishDate">[A-Z][a-z]{2}) \d+,', rb"\1 31,", body)
    wrong = re.sub(rb'(<em class="ql">\w+ [A-Z][a-z]{2}) \d+,', rb"\1 31,", wrong)  # an "Updated" note too
    assert any(p.startswith("no visible date") for p in check_page(wrong, ctype, item, item["url"], site.site.clock,
                                                                       chrome))


def test_markup_is_a_medium_posts(site):
    items = site.expected_items()[:60]
    pages = [_page(site, i)[0].decode("utf-8") for i in items]
    for item, text in zip(items, pages):
        a = _article(site, item)
        doc = lxml_html.fromstring(text)
        assert doc.xpath("//article//section//h1[contains(@class, 'pw-post-title')]")
        assert doc.xpath("//h2[contains(@class, 'pw-subtitle-paragraph')]")
        assert doc.xpath("//p[contains(@class, 'pw-post-body-paragraph')][@data-selectable-paragraph]")
        # the clap toolbar above and below the story, the author block's Medium words
        assert doc.xpath("//*[@data-testid='topClapButton']") and doc.xpath("//*[@data-testid='bottomClapButton']")
        assert doc.xpath("//*[@data-testid='storyReadTime']/text()")[0].endswith("min read")
        assert "Published in" in text and ">Follow<" in text and "Recommended from Medium" in text
        assert "Text to speech" in text and f"More from {item['authors'][0]} and IPGirl" in text
        # one account per post: meta author only when the story has one author, else a "By" lead line
        assert (doc.xpath("//meta[@name='author']/@content") == item["authors"]) == (len(item["authors"]) == 1)
        assert not doc.xpath("//time")  # Medium shows dates as text only
        if a.images:
            assert doc.xpath("//figure/div//picture/source[@srcset]")
    joined = "\n".join(pages)
    assert "Member-only story" in joined and 'class="pw-post-title' in joined
    assert re.search(r'class="[a-z ]+ fq fr fs">\w</span>', joined)  # the drop cap
    assert re.search(r"</h2><div class=\"qd l\"><h3", joined)  # a mixtape embed: title, description, domain
    assert "qz ra rb" in joined  # a pull quote
    assert re.search(r'article:published_time" content="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"', joined)
    assert re.search(r'href="/\w\w/[\w-]+/\d+-[^"]*\?source=read_next_recirc', joined)  # "More from" cards on-site
