"""The cross-checks' pure parts: comparisons, corrections, notice texts, estimates and monitors
(ipgirl_crawler/monitoring/verify_*.py), each with the cases that must NOT match."""
from __future__ import annotations

import json
from typing import Any

import pytest

from ipgirl_crawler.monitoring.verify_checks import (
    CONTRADICTED,
    UNVERIFIABLE,
    VERIFIED,
    RunChecks,
    card_problem,
    key_of,
    notice_texts,
)
from ipgirl_crawler.monitoring.verify_job import job_verify
from pipelines.verify import split_glued_card, trim_glued_tail
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.monitoring.verify_match import is_prefix_snippet, not_after, same_instant, same_title
from ipgirl_crawler.monitoring.verify_monitor import estimate_bounds, estimate_stats, estimates_of, verify_failures

BASE = "http://127.0.0.1:8800"


@pytest.mark.parametrize(("item", "statement", "agrees"), [
    ("Les robots", "Les robots", True),
    ("Les  robots", "les robots", True),  # whitespace and case
    ("Les robots", "Les robots | IPGirl", True),  # og:title with the site's name
    ("Les robots", "Les robots – IPGirl", True),
    ("Les robots – IA", "Les robots", False),  # a kicker read into the title
    ("Les robots", "Les robots arrivent à Paris", False),  # a longer title is another title
    ("Les robots", "", False),
    (None, "Les robots", False),
])
def test_same_title(item: Any, statement: str, agrees: bool) -> None:
    assert same_title(item, statement) is agrees


@pytest.mark.parametrize(("item", "statement", "agrees"), [
    ("2023-07-04T06:15:00Z", "2023-07-04T08:15:00+02:00", True),
    ("2023-07-04T06:15:00Z", "2023-07-04T06:15:30Z", True),
    ("2023-07-05T06:15:00Z", "2023-07-04T08:15:00+02:00", False),  # a day off
    ("2023-07-04T00:00:00Z", "2023-07-04T08:15:00+02:00", False),  # the visible day where an instant is stated
    ("2023-07-04T00:00:00Z", "2023-07-04", True),
    ("2023-07-05T00:00:00Z", "2023-07-04", False),
    ("2023-07-03T23:15:00Z", "2023-07-04", None),  # a local day seen from UTC: it cannot tell the time
    ("2023-07-04T23:15:00Z", "2023-07-04", None),  # ... nor a day's shift within its span
    ("2023-07-06T06:15:00Z", "2023-07-04", False),  # outside any offset's span of that day
    ("2023-07-03T09:00:00Z", "2023-07-04", False),
    ("2023-07-04T06:15:00Z", "not a date", None),
    (None, "2023-07-04", None),
])
def test_same_instant(item: Any, statement: str, agrees: bool | None) -> None:
    assert same_instant(item, statement) is agrees


@pytest.mark.parametrize(("item", "lastmod", "agrees"), [
    ("2023-07-04T06:15:00Z", "2023-07-04T06:15:00Z", True),  # never modified: lastmod is the publication
    ("2023-07-04T06:15:00Z", "2023-07-04T05:30:00Z", True),  # stamped a little before it went out
    ("2023-07-05T06:15:00Z", "2023-07-04T06:15:00Z", False),  # a day after its own lastmod
    ("2023-07-15T00:00:00Z", "2023-07-14T22:39:00Z", True),  # a local day (UTC+2) seen as a UTC instant
    ("2023-07-16T00:00:00Z", "2023-07-14T22:39:00Z", False),
    ("2023-07-05T06:15:00Z", "2023-07-04", True),  # a day-only lastmod: that local day's span
    ("2023-07-06T06:15:00Z", "2023-07-04", False),
    ("2023-07-04T06:15:00Z", None, None),
])
def test_published_not_after_the_sitemaps_lastmod(item: str, lastmod: Any, agrees: bool | None) -> None:
    assert not_after(item, lastmod) is agrees


@pytest.mark.parametrize(("snippet", "texts", "agrees"), [
    ("Cependant, avez-vous", ("Cependant, avez-vous déjà vu un robot ?",), True),
    ("Cependant, avez-vous…", ("Cependant, avez-vous déjà vu un robot ?",), True),
    ("Cependant, avez-vous...", (None, "Cependant, avez-vous déjà"), True),
    ("Cependant, avez-vous 4 July 2023", ("Cependant, avez-vous déjà vu un robot ?",), False),
    ("Autre chose", ("Cependant",), False),
    ("", ("Cependant",), False),
])
def test_snippet_prefix(snippet: str, texts: tuple[Any, ...], agrees: bool) -> None:
    assert is_prefix_snippet(snippet, *texts) is agrees


TARGET = {"title": "Les robots arrivent", "summary": "Un résumé du texte.", "body_prefix": "Le corps commence ici et continue."}


@pytest.mark.parametrize(("card", "expected"), [
    # the snippet glued on: split where the linked article decides
    ({"title": "Les robots arrivent Le corps commence…", "snippet": None},
     {"title": "Les robots arrivent", "snippet": "Le corps commence", "snippet_truncated": True}),
    ({"title": "Les robots arrivent — Un résumé du texte.", "snippet": None},
     {"title": "Les robots arrivent", "snippet": "Un résumé du texte.", "snippet_truncated": False}),
    # negative: right already, a snippet already read, a rest that is not the article's text,
    # a title that only starts like the article's, an unknown article
    ({"title": "Les robots arrivent", "snippet": "Un résumé"}, None),
    ({"title": "Les robots arrivent Le corps", "snippet": "Le corps"}, None),
    ({"title": "Les robots arrivent en ville", "snippet": None}, None),
    ({"title": "Les robots arrivent-ils ?", "snippet": None}, None),
])
def test_split_glued_card(card: dict[str, Any], expected: dict[str, Any] | None) -> None:
    fixed = split_glued_card({**card, "url": f"{BASE}/fr/ai/2-x"}, TARGET)
    assert (None if fixed is None else {k: fixed[k] for k in expected or {}}) == expected
    assert split_glued_card({**card, "url": f"{BASE}/fr/ai/2-x"}, None) is None


def test_notice_texts_tell_misreadings_from_the_sites_texts() -> None:
    notice, other = "Nous continuerons à mettre à jour IPGirl.", "We will continue to update IPGirl."
    records = [{"site_notice": t} for t in [notice] * 6 + [notice + " Share:"] * 3 + [other] * 3 + ["Rare text"]]
    found = notice_texts(records)
    assert found[notice.casefold()] is None and found[other.casefold()] is None  # the site's texts
    assert found[(notice + " Share:").casefold()] == notice.casefold()  # a misreading of one
    assert "rare text" not in found  # states nothing either way


def record(article_id: int, lang: str = "fr", **fields: Any) -> dict[str, Any]:
    return {"url": f"{BASE}/{lang}/ai/{article_id}-x", "language": lang, "title": f"Titre {article_id}",
            "summary": "Résumé.", "category": "IA", "body_prefix": "Corps.", "related": [], "translations": {},
            "statements": {}, **fields}


def test_checks_name_the_field_the_site_contradicts() -> None:
    listings = ListingStatements()
    listings.read(f"{BASE}/fr/category/ai/", _listing([(1, "Titre 1"), (2, "Titre 2")]))
    records = {"fr:1": record(1), "fr:2": record(2, title="Titre 2 – IA"), "fr:3": record(3)}
    records["fr:1"]["related"] = [{"title": "Titre 2", "url": f"{BASE}/fr/ai/2-x", "category": "IA", "snippet": "Résu…"}]
    records["fr:3"]["related"] = [{"title": "Titre 9", "url": f"{BASE}/fr/ai/2-x", "category": None, "snippet": None}]
    checks = RunChecks(records, listings, languages=("fr", "en"))
    assert checks.check_title("fr:1", records["fr:1"])[0] == VERIFIED
    assert checks.check_title("fr:2", records["fr:2"])[0] == CONTRADICTED
    assert checks.check_title("fr:3", records["fr:3"])[0] == UNVERIFIABLE  # no teaser, no metadata
    assert checks.check_category("fr:1", records["fr:1"])[0] == VERIFIED
    # the card agrees with the article as the listings state it, not with its misread title
    assert checks.check_related("fr:1", records["fr:1"])[0] == VERIFIED
    assert checks.check_related("fr:3", records["fr:3"])[0] == CONTRADICTED
    assert checks.check_related("fr:2", records["fr:2"])[0] == UNVERIFIABLE


@pytest.mark.parametrize(("translations", "outcome"), [
    ({"en": f"{BASE}/en/ai/5-x"}, VERIFIED),  # the English page lists this one back
    ({"en-us": f"{BASE}/en/ai/5-x"}, CONTRADICTED),  # none of the site's languages
    ({"en": f"{BASE}/de/ai/5-x"}, CONTRADICTED),  # keyed en, a German page
    ({}, CONTRADICTED),  # the English page lists this one, this one does not list it
])
def test_translations_are_reciprocal(translations: dict[str, str], outcome: str) -> None:
    records = {"fr:1": record(1, translations=translations),
               "en:5": record(5, "en", translations={"fr": f"{BASE}/fr/ai/1-x"})}
    checks = RunChecks(records, ListingStatements(), languages=("fr", "en", "de"))
    assert checks.check_translations("fr:1", records["fr:1"])[0] == outcome


def _listing(teasers: list[tuple[int, str]]) -> Any:
    from parsel import Selector
    items = "".join(f'<li><h2><a href="/fr/ai/{i}-x">{t}</a></h2><p>Résumé.</p></li>' for i, t in teasers)
    return Selector(f"<html><body><h1>IA</h1><ul>{items}</ul><a href='/fr/ai/9-x'>Lire</a></body></html>")


def test_estimates_count_empty_values_as_right_and_monitors_name_the_field() -> None:
    counts = {"translations": {"verified": 60, "contradicted": 20, "unverifiable": 20, "empty": 100},
              "title": {"verified": 200}}
    assert estimates_of(counts) == {"translations": 0.875, "title": 1.0}  # 1 - 0.25 * 100/200
    # the truth lies between the unverifiable values all wrong and all right
    assert estimate_bounds(counts) == {"translations": (0.3, 0.9), "title": (1.0, 1.0)}
    assert estimate_stats({"ipgirl/verify/published_at/verified": 60, "ipgirl/verify/published_at/contradicted": 20,
                           "ipgirl/verify/published_at/unverifiable": 20}) == {
        "ipgirl/verify/published_at/estimate": 0.75, "ipgirl/verify/published_at/estimate_low": 0.6,
        "ipgirl/verify/published_at/estimate_high": 0.8}
    stats = {f"ipgirl/verify/{f}/{o}": n for f, c in counts.items() for o, n in c.items()}
    stats["ipgirl/verify/examples/translations"] = ["http://x/fr/ai/1-x: key 'en-us'"]
    failed = verify_failures(stats)
    assert len(failed) == 1 and failed[0].startswith("verify: field translations contradicted by the site on 20 of 80")
    assert "http://x/fr/ai/1-x: key 'en-us'" in failed[0]
    # too few checkable values to judge; and a drop against the site's history
    assert verify_failures({"ipgirl/verify/title/contradicted": 5, "ipgirl/verify/title/verified": 10}) == []
    # unless that many are contradicted that they are no noise (held-out Z: images 10 of 10)
    assert verify_failures({"ipgirl/verify/images/contradicted": 10, "ipgirl/verify/images/empty": 13})[0].startswith(
        "verify: field images contradicted by the site on 10 of 10")
    history = [{"estimates": {"title": 1.0}}, {"estimates": {"title": 1.0}}]
    healthy = {"ipgirl/verify/title/verified": 1000, "ipgirl/verify/title/contradicted": 5, "ipgirl/verify/history": history}
    assert verify_failures(healthy) == []
    low = {**healthy, "ipgirl/verify/history": [{"estimates": {"title": 0.9}}] * 2}
    assert verify_failures(low, {"verify": {"max_contradicted_rate": 0.5}}) == []
    drop = {**healthy, "ipgirl/verify/title/contradicted": 40}
    assert "down from 100.0%" in verify_failures(drop, {"verify": {"max_contradicted_rate": 0.5, "min_estimate": 0}})[0]
    # an always-shown field empty on 1.5 % of the pages, none contradicted
    empty = {"ipgirl/verify/published_at/verified": 170, "ipgirl/verify/published_at/unverifiable": 27,
             "ipgirl/verify/published_at/empty": 3}
    assert verify_failures(empty)[0].startswith("verify: field published_at estimated right on 98.5%")
    assert verify_failures({"ipgirl/verify/site_notice/verified": 170, "ipgirl/verify/site_notice/empty": 30}) == []


@pytest.mark.parametrize(("card", "expected"), [
    # a date or reading time glued after the snippet's ellipsis, or after the whole summary
    ({"snippet": "Le corps commence… March 23, 2025", "snippet_truncated": False},
     {"snippet": "Le corps commence", "snippet_truncated": True}),
    ({"snippet": "Un résumé du texte. 4 juillet 2023 · 3 min de lecture", "snippet_truncated": False},
     {"snippet": "Un résumé du texte.", "snippet_truncated": False}),
    ({"snippet": "Le corps commence... il y a 3 jours", "snippet_truncated": False},
     {"snippet": "Le corps commence", "snippet_truncated": True}),
    # negative: right already; a rest that is more text; a cut mid-sentence before a year; a tail
    # after a snippet already marked cut; an article whose text it does not start
    ({"snippet": "Le corps commence ici", "snippet_truncated": True}, None),
    ({"snippet": "Le corps commence… et puis autre chose", "snippet_truncated": False}, None),
    ({"snippet": "Le corps commence en 2025", "snippet_truncated": False}, None),
    ({"snippet": "Le corps commence 4 juillet 2023", "snippet_truncated": True}, None),
    ({"snippet": "Autre chose… 4 juillet 2023", "snippet_truncated": False}, None),
])
def test_trim_glued_tail(card: dict[str, Any], expected: dict[str, Any] | None) -> None:
    fixed = trim_glued_tail({"title": "T", "url": f"{BASE}/fr/ai/2-x", **card}, TARGET, "fr")
    assert (None if fixed is None else {k: fixed[k] for k in expected or {}}) == expected
    assert trim_glued_tail({"title": "T", "url": f"{BASE}/fr/ai/2-x", **card}, None, "fr") is None
    # before the article is read, a listing's teaser of it (the same text, cut) decides alike
    teasers = ("Le corps commence ici et…", "Un résumé du texte.")
    fixed = trim_glued_tail({"title": "T", "url": f"{BASE}/fr/ai/2-x", **card}, None, "fr", teasers)
    assert (None if fixed is None else {k: fixed[k] for k in expected or {}}) == expected


def test_the_job_checks_each_workers_articles_against_every_workers_listings() -> None:
    """A teaser one worker read checks the title of an article the other read (distributed jobs)."""
    listings = ListingStatements()
    listings.read(f"{BASE}/fr/category/ai/", _listing([(i, f"Titre {i}") for i in range(1, 7)]))
    records = {key_of(r["url"]): r for r in [record(i, title=f"Titre {i}" if i % 3 else f"Titre {i} – IA")
                                             for i in range(1, 7)]}
    alone = job_verify([{"records": records, "listings": {}}])
    assert alone["counts"]["title"] == {"unverifiable": 6} and alone["failed"] == []
    parts = [{"records": {}, "listings": json.loads(json.dumps(listings.as_json()))},
             {"records": records, "listings": {}}]
    job = job_verify(parts, thresholds={"verify": {"min_checkable": 5}})
    assert job["articles"] == 6 and job["counts"]["title"] == {"verified": 4, "contradicted": 2}
    assert job["estimates"]["title"] == round(4 / 6, 4)
    assert [line.split()[2] for line in job["failed"]] == ["title"]


def test_a_bound_contradicts_but_its_passes_confirm_nothing() -> None:
    """published_at a day after the sitemap's lastmod, on a page that states no date: contradicted
    (and counted ``bound``); the estimate extrapolates only the two-sided checks' rate."""
    records = {key_of(r["url"]): r for r in [
        record(1, published_at="2023-07-05T06:15:00Z", lastmod="2023-07-04T06:15:00Z"),  # bound only
        record(2, published_at="2023-07-05T06:15:00Z", lastmod="2023-07-04T06:15:00Z",
               statements={"published": ["2023-07-04T06:15:00Z"]}),  # the header says otherwise too
        record(3, published_at="2023-07-04T06:15:00Z", lastmod="2023-07-04T06:15:00Z")]}
    verdicts = RunChecks(records, ListingStatements()).run()
    assert {k: v for k, v in verdicts.counts.items() if k.startswith("published_at/")} == {
        "published_at/bound": 1, "published_at/contradicted": 2, "published_at/unverifiable": 1}
    counts = {"published_at": {"verified": 60, "contradicted": 30, "bound": 10, "unverifiable": 100}}
    # 30 wrong, and the unverifiable wrong as often as the two-sided checks found: 20 of 80
    assert estimates_of(counts) == {"published_at": round(1 - (30 + 0.25 * 100) / 190, 4)}


_TARGET = {"title": "Chips get faster", "summary": "Makers ship a new node this year.", "body_prefix": "First block.\n\nSecond."}


@pytest.mark.parametrize(("card", "target", "blamed"), [
    ({"title": "Chips get faster", "snippet": "Makers ship a new"}, _TARGET, ""),  # a cut summary
    ({"title": "Chips get faster", "snippet": "First block."}, _TARGET, ""),  # the body's start
    # the body opens with a dateline the card leaves out
    ({"title": "Chips get faster", "snippet": "The firm says its arm sorts"},
     {**_TARGET, "body_prefix": "BERLIN — The firm says its arm sorts parts.\n\nNext."}, ""),
    # negative: a dash further into the text is no dateline
    ({"title": "Chips get faster", "snippet": "its arm sorts parts"},
     {**_TARGET, "body_prefix": "The firm says — after years of work, its arm sorts parts.\n\nNext."}, "snippet"),
    # a paragraph the reading split in two: the card goes on past the first block
    ({"title": "Chips get faster", "snippet": "The first block is a whole sentence of some sixty characters. And on"},
     {**_TARGET, "body_prefix": "The first block is a whole sentence of some sixty characters.\n\nNext."}, ""),
    # the whole summary and a date glued on
    ({"title": "Chips get faster", "snippet": "The summary is a whole sentence of some sixty characters or more. 4 July 2023"},
     {**_TARGET, "summary": "The summary is a whole sentence of some sixty characters or more."}, "snippet"),
    # a short block vouches for nothing after it
    ({"title": "Chips get faster", "snippet": "First block. 4 July 2023"}, _TARGET, "snippet"),
    ({"title": "Chips get faster", "snippet": "Something else"}, _TARGET, "snippet"),
    ({"title": "Chips get faster Makers ship", "snippet": None}, _TARGET, "title"),
    ({"title": "Chips get faster", "category": "AI", "snippet": None}, {**_TARGET, "category": "Robotics"}, "category"),
    # the article was read without its summary (misread, or it has none): the snippet is no evidence
    ({"title": "Chips get faster", "snippet": "Makers ship a new"}, {**_TARGET, "summary": None, "body_prefix": "x"}, ""),
    # the article was read without a date every article shows: its reading is incomplete
    ({"title": "Chips get faster", "snippet": "Makers"}, {**_TARGET, "summary": "Other.", "published_at": None}, ""),
    ({"title": "Chips get faster", "snippet": "Makers"}, {**_TARGET, "summary": "Other.", "published_at": "2023-07-04T00:00:00Z"},
     "snippet"),
    # the card shows a category the article was read without: the article's reading is incomplete
    ({"title": "Chips get faster", "category": "AI", "snippet": "Makers"}, {**_TARGET, "summary": "Other.", "body_prefix": "x"}, ""),
    ({"title": "Chips get faster", "category": "AI", "snippet": "Makers"},
     {**_TARGET, "category": "AI", "summary": "Other.", "body_prefix": "x"}, "snippet"),
])
def test_card_problem(card: dict[str, Any], target: dict[str, Any], blamed: str) -> None:
    problem = card_problem(card, target)
    assert problem.split(" ")[0] == blamed if blamed else problem == ""


@pytest.mark.parametrize(("snippet", "summary_of_2", "outcome"), [
    # the article's text was misread (its paragraphs images): none of the card's text is in the
    # article as read, so the card checks nothing (and is not blamed)
    ("Les régulateurs veulent des règles", "Légende d’une image.", UNVERIFIABLE),
    # a date glued onto the snippet: it starts as the article does, so every page repeating it is wrong
    ("Les régulateurs veulent des règles. 4 juillet 2023", "Les régulateurs veulent des règles.", CONTRADICTED),
])
def test_a_card_whose_text_the_article_lacks_blames_neither(
        snippet: str, summary_of_2: str | None, outcome: str) -> None:
    card = {"title": "Titre 2", "url": f"{BASE}/fr/ai/2-x", "category": "IA", "snippet": snippet}
    records = {"fr:1": record(1, related=[card]), "fr:3": record(3, related=[card]),
               "fr:2": record(2, summary=summary_of_2, body_prefix="Légende d’image.")}
    checks = RunChecks(records, ListingStatements(), languages=("fr",))
    assert checks.check_related("fr:1", records["fr:1"])[0] == outcome


@pytest.mark.parametrize(("snippet", "outcome"), [
    # the card starts with a whole block the reading kept (the paragraph it came from was read in
    # part: the rest was images) and goes on: it agrees
    ("Les régulateurs de Bruxelles souhaitent des règles plus claires pour les modèles. Le nouveau", VERIFIED),
    ("Un tout autre texte que l’article ne montre pas", UNVERIFIABLE),  # text the article lacks: either may be wrong
    ("Résumé. Plus rien à voir avec la suite du texte", CONTRADICTED),  # starts as the summary, goes on wrong
    # the whole block and a date glued on
    ("Les régulateurs de Bruxelles souhaitent des règles plus claires pour les modèles. 4 juillet 2023", CONTRADICTED),
])
def test_a_card_going_on_past_a_block_of_the_article(snippet: str, outcome: str) -> None:
    card = {"title": "Titre 2", "url": f"{BASE}/fr/ai/2-x", "category": "IA", "snippet": snippet}
    body = "Le tableau plus large\n\nUne liste.\n\nLes régulateurs de Bruxelles souhaitent des règles plus claires pour les modèles."
    records = {"fr:1": record(1, related=[card]), "fr:2": record(2, body_prefix=body)}
    checks = RunChecks(records, ListingStatements(), languages=("fr",))
    assert checks.check_related("fr:1", records["fr:1"])[0] == outcome


@pytest.mark.parametrize(("snippet", "read", "outcome"), [
    # held-out forum design Z: the card's replies, views and age read into its snippet, whether the
    # linked article was read this run or not
    ("Résumé. 15 4.5k 22d", True, CONTRADICTED),
    ("Les régulateurs de Bruxelles souhaitent... 19 8.0k 4d", False, CONTRADICTED),
    ("Résumé.", True, VERIFIED),  # negative: the snippet alone
    ("Les prix ont baissé. 2 analystes sur 3 le disent...", False, UNVERIFIABLE),  # prose goes on after its figures
    ("Les ventes ont crû de 15 % en 2024", False, UNVERIFIABLE),  # figures inside its last sentence
])
def test_a_card_ending_in_its_figures_is_contradicted(snippet: str, read: bool, outcome: str) -> None:
    card = {"title": "Titre 2", "url": f"{BASE}/fr/ai/2-x", "category": "IA", "snippet": snippet}
    records = {"fr:1": record(1, related=[card]), **({"fr:2": record(2)} if read else {})}
    checks = RunChecks(records, ListingStatements(), languages=("fr",))
    assert checks.check_related("fr:1", records["fr:1"])[0] == outcome


def test_a_card_read_twice_is_contradicted() -> None:
    card = {"title": "Titre 2", "url": f"{BASE}/fr/ai/2-x", "category": "IA", "snippet": "Résumé."}
    other = {"title": "Titre 3", "url": f"{BASE}/fr/ai/3-x", "category": "IA", "snippet": "Résumé."}
    records = {"fr:1": record(1, related=[card, other, card]), "fr:2": record(2), "fr:3": record(3),
               "fr:4": record(4, related=[card, other])}
    checks = RunChecks(records, ListingStatements(), languages=("fr",))
    assert checks.check_related("fr:1", records["fr:1"]) == (CONTRADICTED, f"card {BASE}/fr/ai/2-x read twice")
    assert checks.check_related("fr:4", records["fr:4"])[0] == VERIFIED  # negative: each once



@pytest.mark.parametrize(("body_prefix", "outcome"), [
    ("Corps.", CONTRADICTED),  # the article's body is read right: the card's snippet is wrong
    ("4 juillet 2023\n\nCorps.", UNVERIFIABLE),  # the body is contradicted itself: the card checks nothing
])
def test_a_card_is_not_blamed_for_an_article_whose_body_is_contradicted(body_prefix: str, outcome: str) -> None:
    records = {"fr:1": record(1), "fr:2": record(2, body_prefix=body_prefix)}
    records["fr:1"]["related"] = [{"title": "Titre 2", "url": f"{BASE}/fr/ai/2-x", "category": "IA",
                                   "snippet": "Résumé. Puis un texte que l'article ne montre pas…"}]
    checks = RunChecks(records, ListingStatements(), languages=("fr",))
    assert checks.check_related("fr:1", records["fr:1"])[0] == outcome


@pytest.mark.parametrize(("pages", "snippet", "body_outcome", "card_outcome"), [
    # two pages' cards start the article with a text its body does not start with (its blocks out of order): the body's fault
    (2, "Le premier paragraphe de l'article, puis ce qu'il dit ensuite…", CONTRADICTED, UNVERIFIABLE),
    (1, "Le premier paragraphe de l'article, puis ce qu'il dit ensuite…", UNVERIFIABLE, CONTRADICTED),  # one page's card: either may be wrong
    (2, "Une ligne d'en-tête. 4 juillet 2023", UNVERIFIABLE, CONTRADICTED),  # starts as the body, a date glued on
])
def test_cards_of_several_pages_state_the_start_of_a_body(pages: int, snippet: str, body_outcome: str, card_outcome: str) -> None:
    card = {"title": "Titre 2", "url": f"{BASE}/fr/ai/2-x", "category": "IA", "snippet": snippet}
    records = {f"fr:{n}": record(n, related=[card]) for n in (1, 3)[:pages]}
    records["fr:2"] = record(2, body_prefix="Une ligne d'en-tête.\n\nLe premier paragraphe de l'article.\n\nLa suite.")
    checks = RunChecks(records, ListingStatements(), languages=("fr",))
    assert checks.check_body_text("fr:2", records["fr:2"])[0] == body_outcome
    assert checks.check_related("fr:1", records["fr:1"])[0] == card_outcome
