"""Fast checks of the fake IPGirl site (tests/localsite): eras G, H and I."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite, build_site, expected_items
from tests.localsite.fmt import LANGS, LEGACY_ENCODING, UI

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "examples"


OLD_ERAS = "A,B,C,D"


from tests.unit.test_localsite import _text, get  # shared helpers

# ---------------------------------------------------------------- eras G, H and I
NEW_ERAS = "G,H,I"


@pytest.fixture(scope="module")
def new_site():
    """Only the three newest opt-in templates (G AMP-like HTML5, H hashed classes, I XHTML 1.0)."""
    with LocalSite(n_articles=900, seed=21, eras=NEW_ERAS) as s:
        yield s


def test_new_eras_selectable(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.localsite import ALL_ERAS, DEFAULT_ERAS
    from tests.localsite.model import ERAS, era_weights, parse_eras

    assert ALL_ERAS == tuple("ABCDEFGHIJKLM") and DEFAULT_ERAS == tuple("ABCD")
    assert parse_eras("i, g,h") == ("G", "H", "I") and parse_eras(["H", "A"]) == ("A", "H")
    monkeypatch.delenv("LOCALSITE_ERAS", raising=False)
    assert era_weights(DEFAULT_ERAS) == ERAS  # G-I opt-in: the default mix is untouched
    assert era_weights(("E", "F")) == (("E", 0.5), ("F", 0.5))
    weights = dict(era_weights(ALL_ERAS))
    assert abs(sum(weights.values()) - 1) < 1e-9 and weights["G"] == weights["H"] == weights["I"] == 0.08
    assert weights["E"] == weights["F"] == 0.10 and abs(weights["A"] / weights["D"] - 0.35 / 0.15) < 1e-9
    for era in "GHI":
        only = build_site(60, 2, eras=era)
        assert {a.era for a in only.articles} == {era} and only.by_id[48213].era == era
    assert build_site(30, 2, eras=NEW_ERAS).by_id[48213].era == "G"
    monkeypatch.setenv("LOCALSITE_ERAS", "H")
    assert {a.era for a in build_site(40, 2).articles} == {"H"}
    monkeypatch.delenv("LOCALSITE_ERAS")
    with LocalSite(n_articles=30, seed=2, eras="I") as s:
        _, published = s.change(edits=2, new=3)
        assert {a.era for a in published} == {"I"} and len(s.expected_items()) == 33


def test_nine_era_shares() -> None:
    eras = Counter(a.era for a in build_site(8000, 4, eras="A,B,C,D,E,F,G,H,I").articles)
    for era, share in (("A", 0.196), ("B", 0.168), ("C", 0.112), ("D", 0.084), ("E", 0.10), ("F", 0.10),
                       ("G", 0.08), ("H", 0.08), ("I", 0.08)):
        assert abs(eras[era] / 8000 - share) < 0.02, (era, eras[era])


def _site_digest(eras: str | None, n: int, seed: int) -> str:
    import hashlib

    from tests.localsite.eras import Ctx, render_article
    from tests.localsite.view import ArticleView

    site = build_site(n, seed, eras=eras)
    ctx = Ctx("http://h", "http://l")
    h = hashlib.sha256(json.dumps(expected_items(site, "http://h"), sort_keys=True).encode())
    for a in site.articles:
        text, charset = render_article(ArticleView(a, site), ctx)
        h.update(charset.encode() + text.encode("utf-8"))
    return h.hexdigest()[:16]


@pytest.mark.parametrize(("eras", "n", "seed", "digest"), [
    ("A,B,C,D", 300, 1, "ab58c5c640c76031"),
    ("E,F", 300, 5, "5478bf00abf9a2dc"),
    ("A,B,C,D,E,F", 300, 11, "fbf61406f544c38a"),
])
def test_sites_without_new_eras_are_byte_identical(eras: str, n: int, seed: int, digest: str) -> None:
    """Adding eras G-I changed no page or expected item of sites that do not select them.

    The digests were taken before G-I existed; update them only for a deliberate change of eras A-F."""
    assert _site_digest(eras, n, seed) == digest


def test_new_eras_deterministic() -> None:
    from tests.localsite.eras import Ctx, render_article
    from tests.localsite.view import ArticleView

    ctx = Ctx("http://h", "http://l")
    x, y = build_site(300, 9, eras=NEW_ERAS), build_site(300, 9, eras=NEW_ERAS)
    assert expected_items(x, "http://h") == expected_items(y, "http://h")
    assert all(render_article(ArticleView(a, x), ctx) == render_article(ArticleView(b, y), ctx)
               for a, b in zip(x.articles, y.articles))


def test_new_eras_render_in_all_languages(new_site: LocalSite) -> None:
    """Every expected field is visible on G, H and I pages in all nine languages (pagecheck)."""
    from tests.localsite.pagecheck import check_page

    done: Counter[tuple[str, str]] = Counter()
    variants: set[int] = set()
    for item in new_site.expected_items():
        a = new_site.site.by_id[int(item["article_id"])]
        if done[(a.era, a.lang)] >= 2 and not (a.era == "H" and a.variant not in variants):
            continue
        done[(a.era, a.lang)] += 1
        variants.add(a.variant) if a.era == "H" else None
        resp = get(new_site, item["url"][len(new_site.base_url):])
        assert resp.status == 200
        problems = check_page(resp.body, resp.getheader("Content-Type"), item, item["url"], new_site.site.clock)
        assert not problems, (a.era, a.lang, item["url"], problems)
    assert set(done) == {(era, lang) for era in "GHI" for lang in LANGS} and variants == {0, 1, 2}


def _doc(site: LocalSite, a) -> tuple[str, object]:
    from tests.localsite.pagecheck import _XML_PROLOG

    resp = get(site, a.path)
    text = resp.body.decode(LEGACY_ENCODING[a.lang][0] if a.encoding != "utf-8" else "utf-8")
    return text, lxml_html.fromstring(_XML_PROLOG.sub("", text, count=1))


def test_era_g_markup(new_site: LocalSite) -> None:
    items = {i["article_id"]: i for i in new_site.expected_items()}
    seen: Counter[str] = Counter()
    for a in [a for a in new_site.site.articles if a.era == "G"][:80]:
        text, doc = _doc(new_site, a)
        item = items[str(a.id)]
        assert doc.get("amp") is not None and not doc.xpath("//*[@id='content' or @class='article-body']")
        head = doc.xpath("//article/header")[0]
        assert _text(head.find("h1")) == item["title"] and _text(head.find("p[@class='dek']")) == item["summary"]
        assert [_text(x) for x in head.xpath("address/a[@rel='author']")] == item["authors"]
        dt = head.xpath(".//time/@datetime")
        seen["time " + ("none" if not dt else "day" if len(dt[0]) == 10 else "instant")] += 1
        if a.date_mode == "machine":
            assert dt and (dt[0].endswith("Z") or "+" in dt[0] or dt[0].count("-") == 3)
        sections = doc.xpath("//article[header]/section")
        assert sections and all(s[0].tag == "h2" for s in sections)
        if item["site_notice"]:
            assert _text(sections[-1].xpath("p")[-1]) == item["site_notice"]
        seen["amp-ad"] += bool(doc.xpath("//article//amp-ad"))
        seen["aside"] += bool(doc.xpath("//article//aside"))
        seen["picture"] += bool(doc.xpath("//figure/picture/source[@srcset]"))
        if item["tags"]:
            assert _text(doc.xpath("//ul[@class='tags']/preceding-sibling::h3[1]")[0]) in (UI["en"]["tags"], UI[a.lang]["tags"])
            assert [_text(li) for li in doc.xpath("//ul[@class='tags']/li")] == item["tags"]
        if item["total_votes"] is not None:
            details = doc.xpath("//details")[0]
            assert _text(details.find("summary")) in (UI["en"]["helpful_q"], UI[a.lang]["helpful_q"])
        cards = doc.xpath("//main/*[h2]/ol/li/article")
        assert [_text(c.find("h3")) for c in cards] == [r["title"] for r in item["related"]]
    assert seen["time none"] and seen["time day"] and seen["time instant"]
    assert seen["amp-ad"] and seen["aside"] and seen["picture"]


def test_era_h_markup(new_site: LocalSite) -> None:
    """H shows exactly A's or B's lines, but no class or id is meaningful and blocks sit in extra divs."""
    import random

    from tests.localsite.eras import Ctx, render_a, render_b
    from tests.localsite.pagecheck import lines_of
    from tests.localsite.view import ArticleView

    ctx = Ctx(new_site.base_url, new_site.alt_base_url)
    seen: Counter[str] = Counter()
    for a in [a for a in new_site.site.articles if a.era == "H"][:60]:
        _, doc = _doc(new_site, a)
        rng = random.Random(new_site.site.seed * 1_000_003 + a.id)  # the template's own draws
        plain = (render_a if a.variant == 0 else render_b)(ArticleView(a, new_site.site), ctx, rng)
        assert lines_of(doc) == lines_of(lxml_html.fromstring(plain))
        tokens = [t for v in doc.xpath("//body//@class|//body//@id") for t in v.split()]
        assert tokens and all(re.fullmatch(r"[A-Za-z][A-Za-z0-9]{5}", t) for t in tokens)
        assert not {"article-body", "entry-content", "byline", "card", "related"} & set(tokens)
        assert doc.xpath("//*[@data-testid]")
        assert any(len(p.xpath("ancestor::div")) >= 3 for p in doc.xpath("//body//p"))
        has_ld = bool(doc.xpath("//script[@type='application/ld+json']"))
        assert has_ld == (a.variant == 1)
        seen[f"variant {a.variant}"] += 1
    assert seen["variant 0"] and seen["variant 1"] and seen["variant 2"]


def test_era_i_markup(new_site: LocalSite) -> None:
    from tests.localsite.fmt import iso_local

    items = {i["article_id"]: i for i in new_site.expected_items()}
    seen: Counter[str] = Counter()
    for a in [a for a in new_site.site.articles if a.era == "I"][:80]:
        text, doc = _doc(new_site, a)
        item = items[str(a.id)]
        assert re.match(r'<\?xml version="1\.0" encoding="[\w-]+"\?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1\.0 '
                        r'Strict//EN"', text)
        assert f'xml:lang="{a.lang}"' in text and "<br>" not in text and doc.xpath("//div[@id='page']")
        ui = UI[a.ui_lang]
        meta = doc.xpath("//dl[@class='meta']")[0]
        assert [_text(dt) for dt in meta.findall("dt")][:2] == [ui["by"], ui["published"]]
        assert [_text(x) for x in meta.xpath("dd[1]/a")] == item["authors"]
        abbr = meta.xpath(".//abbr[@class='published']/@title")
        if a.date_mode == "machine":
            assert abbr == [iso_local(a.published)]  # the expected published_at is that instant
            seen["abbr instant"] += 1
        else:
            seen["abbr day" if abbr else "no abbr"] += 1
        if item["site_notice"]:
            assert _text(doc.xpath("//p[@class='note']")[0]) == item["site_notice"]
        if item["tags"]:
            assert _text(doc.xpath("//p[@class='tags']")[0]) == f"{ui['tags']} " + ", ".join(item["tags"])
        if item["total_votes"] is not None:
            assert _text(doc.xpath("//div[@class='vote']/h4")[0]) == ui["helpful_q"]
        assert [_text(dt) for dt in doc.xpath("//dl[@class='related']/dt")] == [r["title"] for r in item["related"]]
    assert seen["abbr instant"] and seen["abbr day"] and seen["no abbr"]


def test_era_i_legacy_encodings(new_site: LocalSite) -> None:
    labels: set[str] = set()
    langs: set[str] = set()
    for a in new_site.site.articles:
        if a.era != "I" or a.encoding == "utf-8" or len(langs) == 9:
            continue
        resp = get(new_site, a.path)
        charset = resp.getheader("Content-Type").split("charset=")[1]
        labels.add(charset)
        langs.add(a.lang)
        text = resp.body.decode(LEGACY_ENCODING[a.lang][0])  # strict: the bytes are that encoding
        assert text.startswith(f'<?xml version="1.0" encoding="{charset}"?>')
        assert f'content="text/html; charset={charset}" />' in text
        assert a.title in text and "\ufffd" not in text
    assert langs == set(LANGS)
    assert {"ISO-8859-1", "Shift_JIS", "EUC-KR"} <= labels and labels & {"GB2312", "GBK"}


def test_cli_new_eras(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.localsite.__main__ import main

    assert main(["expected", "--articles", "30", "--seed", "3", "--base-url", "http://h", "--eras", NEW_ERAS]) == 0
    items = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert items == expected_items(build_site(30, 3, eras=NEW_ERAS), "http://h")


def test_pagecheck_still_catches_wrong_items_on_new_eras(new_site: LocalSite) -> None:
    """The checker's new allowances (dt bylines, abbr dates, "category — snippet") do not let a wrong oracle pass."""
    from tests.localsite.pagecheck import check_page

    for era in "GHI":
        item = next(i for i in new_site.expected_items() if new_site.site.by_id[int(i["article_id"])].era == era
                    and i["related"] and i["tags"] and i["article_id"] != "48213")
        resp = get(new_site, item["url"][len(new_site.base_url):])
        check = lambda changed: check_page(resp.body, resp.getheader("Content-Type"), {**item, **changed},  # noqa: E731
                                           item["url"], new_site.site.clock)
        assert not check({})
        assert check({"published_at": "2020-01-02T03:04:05Z"})
        assert check({"authors": item["authors"] + ["Nobody"]})
        assert check({"body_text": item["body_text"] + "\n\nNot on the page."})
        assert check({"tags": item["tags"] + ["nope"]})
        assert check({"related": [{**item["related"][0], "snippet": "Not the snippet"}] + item["related"][1:]})
