"""Eras Y (a Notion-like published page) and Z (a Discourse-like forum topic), written blind: every
expected field shows on the page in all nine languages and every date mode, a wrong expected field
is caught, the designs' markup and noise are there, and the site's other pages still work."""
from __future__ import annotations

import http.client
import re

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite
from tests.localsite.fmt import LANGS
from tests.localsite.pagecheck import WRONG_EXPECTED_FIELDS, body_chrome, check_item, check_page

ERAS = ("Y", "Z")


@pytest.fixture(scope="module", params=ERAS)
def site(request):
    with LocalSite(170, 5, eras=request.param) as s:
        yield s


def _get(site, path: str) -> tuple[int, bytes, str]:
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, body, resp.getheader("Content-Type", "")


def _pages(site, n: int = 60) -> list[str]:
    return [_get(site, i["url"][len(site.base_url):])[1].decode("utf-8") for i in site.expected_items()[:n]]


def test_every_expected_field_shows_in_all_languages_and_date_modes(site):
    items = site.expected_items()
    arts = [site.site.by_id[int(i["article_id"])] for i in items]
    assert len(items) >= 150 and {a.era for a in arts} == {site.site.eras[0]}
    assert {a.lang for a in arts} == set(LANGS)
    assert {a.date_mode for a in arts} == {"machine", "visible", "relative"}
    failures = {i["url"]: p for i in items if (p := check_item(site, i))}
    assert not failures


@pytest.mark.parametrize("field, wrong", WRONG_EXPECTED_FIELDS)
def test_a_wrong_expected_field_is_caught(site, field, wrong):
    item = next(i for i in site.expected_items() if i["site_notice"] and i["tags"])
    assert check_item(site, item) == []
    assert check_item(site, {**item, field: wrong})


def test_y_markup_is_a_published_workspace_page():
    with LocalSite(120, 6, eras="Y") as s:
        pages = _pages(s, 80)
    for text in pages:
        doc = lxml_html.fromstring(text)
        assert doc.xpath("//*[@data-block-id]") and len(doc.xpath("//h1")) == 1
        assert doc.xpath("//*[contains(@class, 'notion-collection-page-properties')]")
        assert not doc.xpath("//article|//time|//main//nav[@aria-label='breadcrumb']")
        assert "Made with Notion" in text or "Built with Super" in text  # the platform's badge
        assert "Notion uses cookies" in text
    joined = "\n".join(pages)
    for construct in ('role="heading" aria-level="2"', 'class="notion-h notion-h1"', "notion-header-block\"><h2>",
                      "notion-callout-block", 'aria-expanded="true"', 'aria-expanded="false"', "notion-table_of_contents",
                      "notion-image-caption", "pseudoBefore", "notion-gallery-view", "notion-table-view", "notion-list-view",
                      "<table class=\"notion-collection-page-properties\">", "notion-user-initial", 'class="notion-emoji" alt="'):
        assert construct in joined, construct


def test_z_markup_is_a_forum_topic_with_replies():
    with LocalSite(120, 6, eras="Z") as s:
        items = s.expected_items()[:80]
        pages = _pages(s, 80)
    for item, text in zip(items, pages):
        doc = lxml_html.fromstring(text)
        posts = doc.xpath("//body/*[not(self::noscript)]//*[starts-with(@id, 'post_')]")
        assert len(posts) >= 4, "the first post and at least three replies"
        replies_text = " ".join(p.text_content() for p in posts[1:])
        # other members write the replies; the story's body is only in the first post
        assert any(re.search(rf'/u/{u}"', text) for u in ("dataduck", "kenji_t", "robo_rita", "gpu_whisperer",
                                                          "lmarchetti", "ana.b", "wafer_watcher", "tensor_tom",
                                                          "yuna.k", "chipchat"))
        quotes = [q for p in posts[1:] for q in p.xpath(".//aside[contains(@class, 'quote')]")]
        quoted = " ".join(q.text_content() for q in quotes)
        assert all(b in quoted for b in item["body_text"].split("\n\n") if b in replies_text)  # only what they quote
        assert "Powered by Discourse" in text and "Related Topics" in text and "This forum uses cookies" in text
    joined = "\n".join(pages)
    for construct in ('<body class="crawler">', 'class="mobile-view"', 'class="desktop-view"', "timeline-container",
                      "<noscript data-path=", 'class="topic-map"', 'aside class="quote', "Editorial team",
                      "lightbox-wrapper", "topic-subtitle", "discourse-tag", "house-creative", "DiscussionForumPosting"):
        assert construct in joined, construct
    assert re.search(r">\d+d<", joined) and re.search(r">[A-Z][a-z]{2} '\d\d<", joined)  # "3d", "Jul '23"


@pytest.mark.parametrize("era, drop_label, tags_fail", [
    ("A", False, False),  # tags after the body under "Tags:"
    ("A", True, True),    # negative: the same links, the label gone: not read as tags
    ("Z", False, False),  # chips under the title: no label needed
    ("Y", False, False),  # the "Tags" property row
])
def test_tags_need_a_label_unless_shown_under_the_title(era, drop_label, tags_fail):
    with LocalSite(40, 2, eras=f"A,{era}") as s:
        item = next(i for i in s.expected_items() if i["tags"] and s.site.by_id[int(i["article_id"])].era == era
                    and not s.site.by_id[int(i["article_id"])].custom)
        a = s.site.by_id[int(item["article_id"])]
        _, body, ctype = _get(s, item["url"][len(s.base_url):])
    if drop_label:
        body = body.replace(b'<div class="article-tags">Tags: ', b'<div class="article-tags">')
        body = re.sub(rb'<div class="article-tags">[^<]+? <a', b'<div class="article-tags"><a', body)
    problems = check_page(body, ctype, item, item["url"], s.site.clock, body_chrome(a, s.site))
    assert ("tags label" in problems) == tags_fail, problems


def test_the_sites_other_pages_still_work():
    with LocalSite(150, 4, eras="A,B,Y,Z") as s:
        eras = {a.era for a in s.site.articles}
        assert {"Y", "Z"} <= eras
        for path in ("/robots.txt", "/sitemap.xml", "/fr/", "/en/category/ai/", "/ja/category/robotics/",
                     "/sitemaps/de.xml"):
            status, body, _ = _get(s, path)
            assert status == 200 and body, path
