"""Fast checks of the fake IPGirl site (tests/localsite): held-out eras P, Q and R (written blind).

The generator renders them in all nine languages, they stay opt-in by name, and every expected field
of the oracle is visible on the page as a browser composes it (declarative shadow roots attached, slots
filled) -- a check independent of the templates, like pagecheck.py but allowing what these designs add
(ads labels, pull quotes, subscribe boxes, regional language tags)."""
from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import datetime, timezone

import pytest
from lxml import html as lxml_html

from tests.localsite import LocalSite, build_site, expected_items
from tests.localsite.fmt import LANGS, UI, format_date, format_relative, format_votes
from tests.localsite.pagecheck import lines_of
from tests.unit.test_localsite import get

ERAS = "P,Q,R"
_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@pytest.fixture(scope="module")
def site():
    with LocalSite(n_articles=600, seed=41, eras=ERAS) as s:
        yield s


def _is_shadow(el) -> bool:
    return isinstance(el.tag, str) and el.tag == "template" and el.get("shadowrootmode") is not None


def compose(el):
    """A copy of el with every declarative shadow root attached: the host shows its shadow tree, each
    <slot> replaced by the light children assigned to it (its fallback content when none)."""
    if not isinstance(el.tag, str):
        return copy.copy(el)
    out = el.makeelement(el.tag, dict(el.attrib))
    out.tail = el.tail
    shadow = next((c for c in el if _is_shadow(c)), None)
    light = [compose(c) for c in el if c is not shadow]
    if shadow is None:
        out.text = el.text
        out.extend(light)
        return out
    tree = compose(shadow)
    out.text = tree.text
    out.extend(list(tree))
    for slot in list(out.iter("slot")):
        name = slot.get("name")
        holder = out.makeelement("span", {})
        if name is None:
            holder.text = el.text
            holder.extend(c for c in light if not isinstance(c.tag, str) or c.get("slot") is None)
        else:
            holder.extend(c for c in light if isinstance(c.tag, str) and c.get("slot") == name)
        if len(holder) == 0 and not (holder.text or "").strip():  # nothing assigned: the fallback content
            holder.text = slot.text
            holder.extend(list(slot))
        holder.tail = slot.tail
        slot.getparent().replace(slot, holder)
    return out


def _page(site: LocalSite, item: dict) -> tuple[str, object, list[str]]:
    resp = get(site, item["url"][len(site.base_url):])
    assert resp.status == 200
    text = resp.body.decode("utf-8")
    doc = lxml_html.fromstring(text)
    return text, doc, lines_of(compose(doc))


def _instant(raw: str) -> str | None:
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:]+([+-]\d\d:\d\d|Z)", raw.strip()):
        return None
    return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _first_machine_date(doc) -> str | None:
    raws = doc.xpath("//meta[@property='article:published_time']/@content")
    raws += [json.loads(s).get("datePublished", "") for s in doc.xpath("//script[@type='application/ld+json']/text()")]
    raws += doc.xpath("//body//*[self::time or self::relative-time][not(ancestor::*[@id='comments'])]/@datetime")
    return next((x for x in map(_instant, raws) if x), None)


def _day_texts(iso: str, now: datetime, lang: str) -> set[str]:
    day = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    n = (now.date() - day.date()).days
    out = {format_date(day, x) for x in (lang, "en")} | {format_relative(n, x) for x in (lang, "en")}
    return out | {f"{_SHORT[day.month - 1]} {day.day}, {day.year}"}


def check(site: LocalSite, item: dict) -> list[str]:
    """What of the expected item a reader does not see on the composed page."""
    a = site.site.by_id[int(item["article_id"])]
    text, doc, lines = _page(site, item)
    problems, lang, now = [], item["language"], site.site.clock
    ui = [UI[lang], UI["en"]]

    def at(value: str, start: int = 0) -> int:
        return next((i for i in range(start, len(lines)) if lines[i] == value), -1)

    if doc.get("lang", "").split("-")[0] != lang:
        problems.append("html lang")
    if doc.xpath("//link[@rel='canonical']/@href") != [item["url"]]:
        problems.append("canonical")
    alts = {h.split("-")[0]: u for h, u in zip(doc.xpath("//link[@hreflang]/@hreflang"), doc.xpath("//link[@hreflang]/@href"))
            if h != "x-default" and h.split("-")[0] != lang}
    if alts != item["translations"]:
        problems.append("translations")
    i_title, i_sum = at(item["title"]), at(item["summary"])
    if not 0 <= i_title < i_sum or doc.xpath("string(//meta[@name='description']/@content)") != item["summary"]:
        problems.append("title / summary")
    if not all(any(c in ln for ln in lines[:i_title]) for c in item["breadcrumbs"]):
        problems.append("breadcrumbs")
    pos, found = i_title, []
    for block in item["body_text"].split("\n\n"):
        pos = at(block, pos + 1)
        if pos < 0:
            return problems + [f"body block {block[:50]!r}"]
        found.append(pos)
    if not any(all(n in ln for n in item["authors"]) for ln in lines[i_title:found[0]]):
        problems.append("authors")
    zone = " ".join(lines[i_title:found[0]])
    machine = _first_machine_date(doc)
    if a.date_mode == "machine":
        if machine != item["published_at"]:
            problems.append(f"machine date {machine} != {item['published_at']}")
    elif machine is not None or not any(t in zone for t in _day_texts(item["published_at"], now, lang)):
        problems.append(f"visible date for {item['published_at']} in {zone!r}")
    if item["modified_at"] and a.date_mode != "machine" and not any(
            t in zone for t in _day_texts(item["modified_at"], now, lang)):
        problems.append("modified date")
    tail = lines[pos + 1:]
    if item["site_notice"] and item["site_notice"] not in tail:
        problems.append("notice")
    tail_text = " ".join(tail)
    if not all(t in tail_text for t in item["tags"]):
        problems.append("tags")
    srcs = {(u, im.get("alt")) for im in doc.iter("img") for u in (im.get("src"), im.get("data-src")) if u}
    srcs |= {(im.get("src") or im.get("data-src"), im.get("alt")) for im in doc.iter("ipg-image")}
    for im in item["images"]:
        if (im["url"][len(site.base_url):], im["alt"]) not in srcs or (im["caption"] and im["caption"] not in lines):
            problems.append(f"image {im['url']}")
    if item["total_votes"] is None:
        if any(u["helpful_q"] in tail_text for u in ui):
            problems.append("votes shown")
    else:
        counts = {format_votes(item["helpful_votes"], item["total_votes"], x, k) for x in (lang, "en") for k in (0, 1)}
        if not any(re.sub(r"\s+", " ", c) in tail_text for c in counts):
            problems.append("votes count")
    if item["related"] and not any(u["discover"] in tail for u in ui):
        problems.append("discover heading")
    hrefs = {h.split("?")[0] for h in re.findall(r'href="([^"]+)"', text)}
    for rel in item["related"]:
        snippet = {rel["snippet"] + e for e in ("...", "…")} if rel["snippet_truncated"] else {rel["snippet"]}
        if rel["url"][len(site.base_url):] not in hrefs or not snippet & set(tail) or rel["title"] not in tail_text \
                or rel["category"] not in tail_text:
            problems.append(f"related {rel['url']}")
    return problems


def test_pqr_selectable_by_name_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.localsite import ALL_ERAS
    from tests.localsite.model import KNOWN_ERAS, era_weights, parse_eras

    monkeypatch.delenv("LOCALSITE_ERAS", raising=False)
    assert not set("PQR") & set(ALL_ERAS) and set("PQR") <= set(KNOWN_ERAS)
    assert parse_eras("r, p,q") == ("P", "Q", "R") and parse_eras("A,B,P") == ("A", "B", "P")
    assert {a.era for a in build_site(200, 3).articles} == set("ABCD")
    assert dict(era_weights(("P", "Q", "R"))) == pytest.approx({e: 1 / 3 for e in "PQR"})
    for era in "PQR":
        only = build_site(60, 2, eras=era)
        assert {a.era for a in only.articles} == {era} and only.by_id[48213].era == era
    mixed = Counter(a.era for a in build_site(3000, 4, eras="A,B,P,Q,R").articles)
    for era in "PQR":
        assert abs(mixed[era] / 3000 - 0.08) < 0.02, mixed


def test_pqr_deterministic_and_cli() -> None:
    from tests.localsite.__main__ import main  # noqa: F401  (the CLI takes --eras P,Q,R like any era)
    from tests.localsite.eras import Ctx, render_article
    from tests.localsite.view import ArticleView

    ctx = Ctx("http://h", "http://l")
    x, y = build_site(200, 9, eras=ERAS), build_site(200, 9, eras=ERAS)
    assert expected_items(x, "http://h") == expected_items(y, "http://h")
    assert all(render_article(ArticleView(a, x), ctx) == render_article(ArticleView(b, y), ctx)
               for a, b in zip(x.articles, y.articles))


def test_pqr_oracle_visible_in_all_languages(site: LocalSite) -> None:
    """Every expected field shows on P, Q and R pages of all nine languages, as a browser composes them."""
    done: Counter[tuple[str, str]] = Counter()
    modes: Counter[tuple[str, str]] = Counter()
    for item in site.expected_items():
        a = site.site.by_id[int(item["article_id"])]
        if done[(a.era, a.lang)] >= 4:
            continue
        done[(a.era, a.lang)] += 1
        modes[(a.era, a.date_mode + ("_rel" if a.rel_days else ""))] += 1
        problems = check(site, item)
        assert not problems, (a.era, a.lang, a.date_mode, item["url"], problems)
    assert set(done) == {(e, x) for e in "PQR" for x in LANGS}
    assert {m for e, m in modes if e == "P"} == {"machine", "machine_rel", "visible", "relative_rel"}


def test_check_catches_a_wrong_oracle(site: LocalSite) -> None:
    """The composed-page check is not vacuous: a wrong expected field is reported."""
    for era in "PQR":
        item = next(i for i in site.expected_items() if site.site.by_id[int(i["article_id"])].era == era
                    and i["related"] and i["tags"] and i["total_votes"] and i["article_id"] != "48213")
        assert not check(site, item)
        for changed in ({"published_at": "2020-01-02T03:04:05Z"}, {"authors": item["authors"] + ["Nobody"]},
                        {"body_text": item["body_text"] + "\n\nNot on the page."}, {"tags": ["nope"]},
                        {"total_votes": item["total_votes"] + 1},
                        {"related": [{**item["related"][0], "snippet": "Not the snippet"}]},
                        {"translations": {"xx": "http://nowhere/"}}, {"site_notice": "Other notice"}):
            assert check(site, {**item, **changed}), (era, changed)


def test_pqr_markup(site: LocalSite) -> None:
    """Each era shows what its docstring says, varied from page to page."""
    seen: Counter[str] = Counter()
    for item in site.expected_items():
        a = site.site.by_id[int(item["article_id"])]
        text, doc, lines = _page(site, item)
        if a.era == "P":
            assert doc.xpath("//ipg-breadcrumbs/template[@shadowrootmode='open']//nav") and "<!--lit-part" in text
            light = lines_of(doc)  # what a parser that ignores shadow roots sees
            assert item["breadcrumbs"][0] not in light and (item["total_votes"] is None or not any(
                UI[a.ui_lang]["helpful_q"] in ln for ln in light))
            seen["h1 in shadow"] += bool(doc.xpath("//template//h1"))
            seen["data-src"] += bool(doc.xpath("//ipg-image[@data-src]"))
            seen["relative-time"] += bool(doc.xpath("//relative-time[@datetime]"))
            seen["chips"] += bool(doc.xpath("//ipg-author-chip"))
        elif a.era == "Q":
            assert re.fullmatch(r"[a-z]{2}-[A-Z]{2}", doc.get("lang")) and doc.xpath("//aside[@id='secondary']")
            assert all("-" in h or h == "x-default" for h in doc.xpath("//link[@hreflang]/@hreflang"))
            assert any(item["title"] in ln and ln != item["title"] for ln in lines), "comments heading quotes the title"
            seen["lead"] += bool(doc.xpath("//div[@class='entry-content']/p[1]/strong"))
            seen["toc"] += bool(doc.xpath("//*[@id='ez-toc-container']"))
            seen["tags plain"] += bool(item["tags"]) and not doc.xpath("//*[@class='tags-links']/a")
        else:
            assert doc.xpath("//meta[@name='generator']/@content")[0].startswith("Ghost")
            assert doc.xpath("//section[contains(@class,'article-tag')]//a[@rel='tag']")
            for card in doc.xpath("//article[contains(@class,'post-card')]"):
                assert len(card.xpath(".//a")) == 1 and card.xpath("a//*[contains(@class,'post-card-excerpt')]")
            seen["bookmark"] += bool(doc.xpath("//figure[contains(@class,'kg-bookmark-card')]"))
            seen["📖"] += any(ln.startswith("📖") for ln in lines)
            seen["pullquote"] += bool(doc.xpath("//figure[contains(@class,'kg-pullquote')]"))
            seen["、"] += a.lang in ("ja", "zh") and len(item["tags"]) > 1 and "、" in " ".join(lines)
    for key in ("h1 in shadow", "data-src", "relative-time", "chips", "lead", "toc", "tags plain", "bookmark", "📖",
                "pullquote", "、"):
        assert seen[key], key
