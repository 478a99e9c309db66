"""Era X (a no-code site builder's dynamic page, written blind): every expected field shows on the page
in all nine languages and every date mode, a wrong expected field is caught, and the design's markup."""
from __future__ import annotations

import http.client
import re

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite
from tests.localsite.fmt import LANGS
from tests.localsite.pagecheck import WRONG_EXPECTED_FIELDS, check_item


@pytest.fixture(scope="module")
def site():
    with LocalSite(160, 5, eras="X") as s:
        yield s


def _page(site, item: dict) -> tuple[bytes, str]:
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    conn.request("GET", item["url"][len(site.base_url):])
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return body, resp.getheader("Content-Type", "")


def test_every_expected_field_shows_in_all_languages_and_date_modes(site):
    items = site.expected_items()
    seen = {(site.site.by_id[int(i["article_id"])].lang, site.site.by_id[int(i["article_id"])].date_mode) for i in items}
    assert {lang for lang, _ in seen} == set(LANGS)
    assert {mode for _, mode in seen} == {"machine", "visible", "relative"}
    failures = {i["url"]: p for i in items if (p := check_item(site, i))}
    assert not failures


@pytest.mark.parametrize("field, wrong", WRONG_EXPECTED_FIELDS)
def test_a_wrong_expected_field_is_caught(site, field, wrong):
    item = next(i for i in site.expected_items() if i["site_notice"] and i["tags"])
    assert check_item(site, item) == []
    assert check_item(site, {**item, field: wrong})


def test_markup_is_a_site_builders(site):
    pages = [_page(site, i)[0].decode("utf-8") for i in site.expected_items()[:40]]
    for text in pages:
        doc = lxml_html.fromstring(text)
        # the h1 is the page's only heading tag: subheadings are styled <p>s
        assert len(doc.xpath("//h1")) == 1 and not doc.xpath("//h2|//h3|//h4|//h5|//h6")
        assert doc.xpath("//meta[@name='generator']/@content") == ["Wix.com Website Builder"]
        # the header twice: a desktop and a mobile copy, both in the DOM
        assert doc.xpath("//*[@data-mobile='false']") and doc.xpath("//*[@data-mobile='true']")
        assert not doc.xpath("//article|//time|//figure")
        assert doc.xpath("//*[starts-with(@id, 'comp-')][@data-testid='richTextElement']")
    joined = "\n".join(pages)
    assert "wixGuard" in joined and "position:absolute;top:" in joined and "grid-area:" in joined
    assert re.search(r'og:type" content="website"', joined) and re.search(r'og:type" content="article"', joined)
