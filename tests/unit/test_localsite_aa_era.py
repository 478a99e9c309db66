"""Era AA (a classic Blogger / Blogspot post page, held-out, written blind): every expected field is
visible to a reader in all nine languages and both date modes, a wrong expected field is caught, what
pagecheck learnt for it is narrow, two-letter era names select it, and the design's markup is what the
docstring says."""
from __future__ import annotations

import re
import urllib.request

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite
from tests.localsite.fmt import LANGS
from tests.localsite.model import ALL_ERAS, build_site, parse_eras
from tests.localsite.pagecheck import WRONG_EXPECTED_FIELDS, body_chrome, check_page, check_site


@pytest.fixture(scope="module")
def aa_site():
    with LocalSite(120, seed=5, eras="AA") as site:
        pages = {item["url"]: urllib.request.urlopen(item["url"]).read().decode() for item in site.expected_items()}
        yield site, pages


def _check(site, item: dict, text: str) -> list[str]:
    a = site.site.by_id[int(item["article_id"])]
    return check_page(text.encode(), "text/html; charset=utf-8", item, item["url"], site.site.clock,
                      body_chrome(a, site.site))


def test_every_expected_field_is_visible_in_all_languages_and_date_modes(aa_site):
    site, _ = aa_site
    n, failures = check_site(site)
    articles = site.site.articles
    assert n == 120 and failures == []
    assert {a.lang for a in articles} == set(LANGS) and {a.era for a in articles} == {"AA"}
    assert {a.date_mode for a in articles} == {"machine", "visible"}
    assert any(a.modified for a in articles) and any(a.ui_lang == "en" and a.lang != "en" for a in articles)


@pytest.mark.parametrize("field,wrong", [*WRONG_EXPECTED_FIELDS, ("helpful_votes", 999_999)])
def test_a_wrong_expected_field_is_caught(aa_site, field, wrong):
    site, pages = aa_site
    item = next(i for i in site.expected_items() if i["tags"] and i["total_votes"])
    assert _check(site, item, pages[item["url"]]) == []
    assert _check(site, {**item, field: wrong}, pages[item["url"]]) != []


def test_a_wrong_visible_day_is_caught_on_a_date_header_page(aa_site):
    site, pages = aa_site
    item = next(i for i in site.expected_items() if 'class="published"' not in pages[i["url"]]
                and "article:published_time" not in pages[i["url"]])
    assert _check(site, item, pages[item["url"]]) == []
    assert any("no visible date" in p for p in _check(site, {**item, "published_at": "2020-01-01T00:00:00Z"},
                                                       pages[item["url"]]))


def test_the_title_may_be_an_h3_only_under_the_blogs_h1(aa_site):
    site, pages = aa_site
    item = next(i for i in site.expected_items() if '<h3 class="post-title' in pages[i["url"]])
    text = pages[item["url"]]
    assert _check(site, item, text) == []
    no_h1 = re.sub(r'<h1 class="title">(.*?)</h1>', r'<div class="title">\1</div>', text)
    assert "no h1 with the title" in _check(site, item, no_h1)


def test_a_posted_by_line_is_a_byline_only_with_all_names(aa_site):
    site, pages = aa_site
    # (not on a page with the Contributors gadget: its names one a line are a label-less names block)
    item = next(i for i in site.expected_items() if len(i["authors"]) > 1 and 'class="profile-img"' in pages[i["url"]])
    text = pages[item["url"]]
    assert _check(site, item, text) == []
    first = re.escape(item["authors"][0])
    cut = re.sub(rf'<span itemprop="name">{first}</span>', "<span>Someone Else</span>", text)
    assert "no byline line with all authors" in _check(site, item, cut)


def test_two_letter_era_names_select_aa_and_leave_a_to_z_alone():
    assert parse_eras("A,B,AA") == ("A", "B", "AA") and parse_eras("aa") == ("AA",)
    assert "AA" not in ALL_ERAS
    site = build_site(200, 7, eras="A,B,AA")
    assert {a.era for a in site.articles} == {"A", "B", "AA"}
    with pytest.raises(ValueError):
        parse_eras("ZZ")  # an era nobody wrote


def test_the_page_is_a_blogger_post(aa_site):
    site, pages = aa_site
    texts = list(pages.values())
    for text in texts:
        doc = lxml_html.fromstring(text)
        assert not doc.xpath("//article|//time|//script[@type='application/ld+json']|//meta[@name='author']")
        assert doc.xpath("//meta[@name='generator']/@content") == ["blogger"]
        date = doc.xpath("//h2[@class='date-header']")[0]
        post = doc.xpath("//div[contains(@class, 'post hentry')]")[0]
        assert date.getnext().get("class") == "date-posts" and post in date.getnext().iter()  # the day ABOVE the post
        assert post.xpath(".//*[contains(@class, 'post-title entry-title')]")
        assert post.xpath(".//div[contains(@class, 'post-body entry-content')]") and post.xpath(".//div[@class='post-footer']")
        assert doc.xpath("//div[@id='blog-pager']") and doc.xpath("//div[@class='comments']")
        assert doc.xpath("//div[@id='BlogArchive1']") and "Blogger</a>." in text
    joined = "\n".join(texts)
    assert 'class="tr-caption-container"' in joined and 'class="separator"' in joined
    assert 'trbidi="on"' in joined and '<br />\n<br />' in joined and "<p>" in joined  # old and new editor
    assert "Tuesday, " in joined or "Monday, " in joined or "Friday, " in joined
    assert 'class="related-posts"' in joined and "Share to X" in joined and "Email This" in joined
    assert 'class="comment-thread"' in joined and 'id="comments-block"' in joined
    # the author line: in the post footer after the body on most pages, under the title on some
    footer = [t for t in texts if re.search(r'post-footer-line-1"><span class="post-author', t)]
    assert 0.4 * len(texts) < len(footer) < len(texts)
