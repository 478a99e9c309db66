"""Fast checks of the fake IPGirl site (tests/localsite): held-out eras S (help center) and T (news
publisher CMS), written blind.

The generator renders them in all nine languages, they stay opt-in by name, every expected field of
the oracle is visible on the page (the reader's-eye check of test_localsite_pqr_eras), a wrong
expected field is caught, and each page shows what its module's docstring says."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.localsite import LocalSite, build_site, expected_items
from tests.localsite.eras_t import DATELINES
from tests.localsite.fmt import LANGS, UI
from tests.unit.test_localsite_pqr_eras import _page, check

ERAS = "S,T"


@pytest.fixture(scope="module")
def site():
    with LocalSite(n_articles=500, seed=43, eras=ERAS) as s:
        yield s


def check_st(site: LocalSite, item: dict) -> list[str]:
    """check() of the P/Q/R test, with two things these designs do differently read as a reader would:
    several authors may stand one a line (each name in its own line between the h1 and the body), and
    S may list "Updated <time>" before the publication's "<label> <time>" (the published instant is
    then the time in the line that does not start with the "Updated" label)."""
    problems = check(site, item)
    a = site.site.by_id[int(item["article_id"])]
    _, doc, lines = _page(site, item)
    h1 = doc.xpath("string(//h1)").strip()
    start = lines.index(h1, lines.index(h1) + 1) if lines.count(h1) > 1 else lines.index(h1)
    first = item["body_text"].split("\n\n")[0]
    zone = lines[start:lines.index(first)] if first in lines else []
    if "authors" in problems and all(any(n in ln for ln in zone) for n in item["authors"]):
        problems.remove("authors")
    upd = UI[a.ui_lang]["updated"]
    stamps = doc.xpath("//ul[@class='meta-group']/li[not(starts-with(normalize-space(.), $u))]//time/@datetime", u=upd)
    if a.era == "S" and a.date_mode == "machine" and stamps == [item["published_at"]]:
        problems = [p for p in problems if not p.startswith("machine date")]
    return problems


def _era_items(site: LocalSite, era: str) -> list[tuple[object, dict]]:
    return [(a, i) for i in site.expected_items() if (a := site.site.by_id[int(i["article_id"])]).era == era]


def test_st_selectable_by_name_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.localsite import ALL_ERAS
    from tests.localsite.model import KNOWN_ERAS, era_weights, parse_eras

    monkeypatch.delenv("LOCALSITE_ERAS", raising=False)
    assert not set("ST") & set(ALL_ERAS) and set("ST") <= set(KNOWN_ERAS)
    assert parse_eras("t, s") == ("S", "T") and parse_eras("A,B,S,T") == ("A", "B", "S", "T")
    assert {a.era for a in build_site(200, 3).articles} == set("ABCD")
    assert dict(era_weights(("S", "T"))) == pytest.approx({"S": 0.5, "T": 0.5})
    for era in "ST":
        only = build_site(60, 2, eras=era)
        assert {a.era for a in only.articles} == {era} and only.by_id[48213].era == era
    mixed = Counter(a.era for a in build_site(3000, 4, eras="A,B,S,T").articles)
    for era in "ST":
        assert abs(mixed[era] / 3000 - 0.08) < 0.02, mixed


def test_st_deterministic() -> None:
    from tests.localsite.eras import Ctx, render_article
    from tests.localsite.view import ArticleView

    ctx = Ctx("http://h", "http://l")
    x, y = build_site(200, 9, eras=ERAS), build_site(200, 9, eras=ERAS)
    assert expected_items(x, "http://h") == expected_items(y, "http://h")
    assert all(render_article(ArticleView(a, x), ctx) == render_article(ArticleView(b, y), ctx)
               for a, b in zip(x.articles, y.articles))


def test_st_oracle_visible_in_all_languages(site: LocalSite) -> None:
    """Every expected field shows on S and T pages of all nine languages, in every date mode."""
    done: Counter[tuple[str, str]] = Counter()
    modes: Counter[tuple[str, str]] = Counter()
    for item in site.expected_items():
        a = site.site.by_id[int(item["article_id"])]
        if done[(a.era, a.lang)] >= 4 and modes[(a.era, a.date_mode + ("_rel" if a.rel_days else ""))] >= 3:
            continue
        done[(a.era, a.lang)] += 1
        modes[(a.era, a.date_mode + ("_rel" if a.rel_days else ""))] += 1
        problems = check_st(site, item)
        assert not problems, (a.era, a.lang, a.date_mode, item["url"], problems)
    assert set(done) == {(e, x) for e in "ST" for x in LANGS}
    assert {m for e, m in modes if e == "S"} == {"machine", "machine_rel", "visible", "relative_rel"}
    assert {m for e, m in modes if e == "T"} == {"machine", "visible", "relative_rel"}


def test_st_check_catches_a_wrong_oracle(site: LocalSite) -> None:
    """The check is not vacuous on these pages: a wrong expected field is reported, and a T body
    without its dateline is wrong."""
    for era in "ST":
        a, item = next((a, i) for a, i in _era_items(site, era) if i["related"] and i["tags"] and i["total_votes"]
                       and i["article_id"] != "48213" and i["language"] in DATELINES and a.date_mode == "machine"
                       and (era == "S" or i["body_text"].startswith(DATELINES[i["language"]] + " — ")))
        assert not check_st(site, item)
        for changed in ({"published_at": "2020-01-02T03:04:05Z"}, {"authors": item["authors"] + ["Nobody"]},
                        {"body_text": item["body_text"] + "\n\nNot on the page."}, {"tags": ["nope"]},
                        {"total_votes": item["total_votes"] + 1},
                        {"related": [{**item["related"][0], "snippet": "Not the snippet"}]},
                        {"translations": {"xx": "http://nowhere/"}}, {"site_notice": "Other notice"}):
            assert check_st(site, {**item, **changed}), (era, changed)
        if era == "T":
            undated = item["body_text"].split(" — ", 1)[1]
            assert check_st(site, {**item, "body_text": undated})


def test_s_markup(site: LocalSite) -> None:
    """S: section sidebar (own title) before the h1, breadcrumbs list, votes form, plain related list."""
    seen: Counter[str] = Counter()
    for a, item in _era_items(site, "S"):
        text, doc, lines = _page(site, item)
        assert doc.xpath("//ol[@class='breadcrumbs']/li/@title") == item["breadcrumbs"]
        side = doc.xpath("//aside[contains(@class,'article-sidebar')]")[0]
        assert side.xpath(".//a[contains(@class,'current-article')]/text()") == [item["title"]]
        assert lines.index(item["title"]) < lines.index(item["title"], lines.index(item["title"]) + 1)
        if item["total_votes"] is not None:
            form = doc.xpath("//form[@class='article-vote-form']")[0]
            assert len(form.xpath(".//button[@type='submit']")) == 2 and form.xpath(".//small[@class='article-votes-count']")
        for li in doc.xpath("//section[@class='related-articles']//li"):
            assert len(li.xpath(".//a")) == 1 and li.xpath("p[@class='related-article-excerpt']")
        seen["og website"] += doc.xpath("//meta[@property='og:type']/@content") == ["website"]
        seen["summary after author"] += bool(doc.xpath("//div[@class='article-content']/p[contains(@class,'article-summary')]"))
        seen["relative time[datetime]"] += bool(doc.xpath("//time[@data-datetime='relative'][@datetime][@title]"))
        seen["note callout"] += bool(doc.xpath("//div[contains(@class,'callout--note')]"))
        seen["stacked names"] += len(doc.xpath("//div[@class='author-name']")) > 1
        seen["updated first"] += bool(a.modified) and doc.xpath("string(//ul[@class='meta-group']/li[1])").startswith(
            UI[a.ui_lang]["updated"])
        seen["attachments"] += bool(doc.xpath("//div[@class='article-attachments']//a[contains(@href,'.pdf')]"))
        assert doc.xpath("//h1/following-sibling::div[@class='article-subscribe']/button")
    for key in ("og website", "summary after author", "relative time[datetime]", "note callout", "stacked names",
                "updated first", "attachments"):
        assert seen[key], key


def test_t_markup(site: LocalSite) -> None:
    """T: JSON-LD @graph, ad labels between paragraphs, dateline, looping carousel clones, next story."""
    seen: Counter[str] = Counter()
    for a, item in _era_items(site, "T"):
        text, doc, lines = _page(site, item)
        graph = json.loads(doc.xpath("//script[@type='application/ld+json']/text()")[0])["@graph"]
        news = next(n for n in graph if n["@type"] == "NewsArticle")
        assert ("datePublished" in news) == (a.date_mode == "machine")
        assert [p["name"] for p in news["author"]] == item["authors"] and all(p["jobTitle"] for p in news["author"])
        body = doc.xpath("//div[@data-testid='article-body']")[0]
        seen["ad label in body"] += bool(body.xpath(".//p[@class='ad-label']"))
        seen["newsletter promo"] += bool(body.xpath(".//div[@data-testid='newsletter-inline']"))
        seen["By signing up"] += "By signing up, you agree to our Terms of Use and Privacy Policy." in lines
        dateline = doc.xpath("//span[@data-testid='dateline']/text()")
        assert bool(dateline) == (item["body_text"].split(" — ")[0] in DATELINES.values())
        seen["dateline"] += bool(dateline)
        slides = doc.xpath("//div[contains(@class,'c-carousel__slide')]")
        clones = doc.xpath("//div[contains(@class,'c-carousel__slide--clone')][@aria-hidden='true']")
        assert len(slides) == (len(item["related"]) + 3 if item["related"] else 0) and len(clones) == (3 if item["related"] else 0)
        assert doc.xpath("//footer[@data-testid='footer']/following-sibling::div[@data-testid='infinite-scroll']//h2/a")
        seen["roles"] += bool(doc.xpath("//span[@class='c-byline__role']"))
        seen["one line per author"] += len(doc.xpath("//div[@data-testid='byline-author']")) > 1
        seen["audio"] += bool(doc.xpath("//div[@data-testid='audio-player']"))
        seen["author bio"] += bool(doc.xpath("//div[@data-testid='author-bio']"))
    for key in ("ad label in body", "newsletter promo", "By signing up", "dateline", "roles", "one line per author",
                "audio", "author bio"):
        assert seen[key], key
