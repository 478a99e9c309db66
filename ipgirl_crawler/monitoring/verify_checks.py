"""The cross-checks: each field of each article read this run against what the rest of the site
states about it. Pure over the run's records; ``Verdicts`` counts, per field, *verified* (an
independent statement agrees), *contradicted* (statements exist and none agrees) and
*unverifiable* (the site does not restate it for this page), with example disagreements.

Sources, each independent of the parser's reading of the field:
- listing teasers (home and category pages): title, snippet, category (``verify_listings``);
- the page's metadata: ``og:title``/JSON-LD ``headline``, meta description, JSON-LD / meta author,
  ``article:published_time``/JSON-LD ``datePublished`` (``pages/statements.py``); the sitemap's lastmod;
- the category slug in the article's URL, named by the listings;
- the other articles: their related cards (title, category, snippet a prefix of the summary or
  body) and their ``hreflang`` links (reciprocal, keyed by the site's languages);
- the whole run: one site notice text per language; votes helpful <= total; the page's chrome, one
  text at one place on most pages of a language, never in the body (``verify_body``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ipgirl_crawler.discovery.urls import article_ref
from ipgirl_crawler.monitoring.verify_body import body_verdict, chrome_texts
from ipgirl_crawler.monitoring.verify_region import RegionEvidence, lost_verdict
from ipgirl_crawler.monitoring.verify_restated import (
    SharedLinks, authors_verdict, modified_verdict, related_elsewhere, tags_verdict)
from ipgirl_crawler.monitoring.verify_images import images_verdict, shared_figures, site_titles
from ipgirl_crawler.monitoring.verify_opinion import agreeing_cards, doubted, stated_starts
from ipgirl_crawler.monitoring.verify_listings import ListingStatements
from ipgirl_crawler.monitoring.verify_notice import notice_texts
from ipgirl_crawler.monitoring.verify_match import (
    CARD_GLUE,
    card_without_category,
    glued_figures,
    is_date_line,
    is_prefix_snippet,
    norm,
    norm_snippet,
    not_after,
    people_agree,
    same_instant,
    same_title,
    url_language,
    url_section,
)
from ipgirl_crawler.discovery.urls import article_key

VERIFIED, CONTRADICTED, UNVERIFIABLE = "verified", "contradicted", "unverifiable"
EMPTY = "empty"  # no value, and no statement that there should be one: counted apart for the estimate
# Contradicted by a check that can only contradict (the sitemap's lastmod bounds published_at): a
# wrong value, counted contradicted, and also apart: its passes confirm nothing, so the rate the
# estimate extrapolates to the unverifiable values comes from the two-sided checks only.
BOUND = "bound"
# The contract fields some statement of the site restates; the others are reported unverifiable.
CHECKED_FIELDS = ("title", "summary", "category", "breadcrumbs", "authors", "published_at", "modified_at", "site_notice",
                  "helpful_votes", "related", "translations", "body_text", "images", "tags")
# What a record keeps of a field whose value it does not carry whole (empty when the field is).
VALUE_OF = {"body_text": "body_prefix"}
MAX_EXAMPLES = 5
# A news dateline opening the body ("PARIS — ", "BERLIN – "): a card's snippet may start after it.
_DATELINE = re.compile(r"^[^\W\d_][^\n.!?]{0,40}?\s[—–]\s+")
# Fields an article may rightly lack (the contract's optional ones, and the notice and votes that
# ~10-25 % of the site's pages do not show): an empty one is taken to be right in the estimate.
# Every article shows the others: an empty one is wrong (the coverage monitors fail it too).
EMPTY_MAY_BE_RIGHT = frozenset({"translations", "related", "site_notice", "helpful_votes", "images", "modified_at",
                                "tags"})
SHOWN_BY_EVERY_ARTICLE = tuple(name for name in CHECKED_FIELDS if name not in EMPTY_MAY_BE_RIGHT)
Verdict = tuple[str, str]  # (outcome, what disagreed)
NONE: Verdict = (UNVERIFIABLE, "")


def key_of(url: object) -> str | None:
    return _key_of(url) if isinstance(url, str) else None


# Every card and hreflang URL is asked for again and again (each article's, each check's): the
# URL rules' regexes were ~40 % of the checks' CPU on a 200-article run before this cache.
@lru_cache(maxsize=1 << 16)
def _key_of(url: str) -> str | None:
    ref = article_ref(url)
    return article_key(ref.language, ref.article_id) if ref else None


def _states(statement: str, value: object) -> bool:
    """A text statement of a summary: the same text, or a cut of it shown with an ellipsis."""
    if norm(statement) == norm(value):
        return True
    cut = norm(statement).endswith(("…", "...")) and norm_snippet(statement)
    return bool(cut) and norm(value).startswith(cut)


def _verdict(value: object, statements: list[tuple[str, str]], agrees: Callable[[object, str], bool | None]) -> Verdict:
    """Verified when one statement agrees, contradicted when some compare and none agrees."""
    compared = []
    for source, statement in statements:
        outcome = agrees(value, statement)
        if outcome:
            return VERIFIED, ""
        if outcome is not None:
            compared.append(f"{source} says {statement!r}")
    return (CONTRADICTED, f"got {value!r}; " + "; ".join(compared[:2])) if compared else NONE


_AUTHOR_SOURCES = {"ld": "the page's JSON-LD author", "meta": "the page's meta author",
                   "byline": "the header's 'By' line"}


@dataclass
class Verdicts:
    counts: Counter[str] = field(default_factory=Counter)  # "<field>/<outcome>"
    examples: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    corrected: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, url: str, verdict: Verdict) -> None:
        outcome, detail = verdict
        if outcome == BOUND:
            self.counts[f"{name}/{BOUND}"] += 1
            outcome = CONTRADICTED
        self.counts[f"{name}/{outcome}"] += 1
        if outcome == CONTRADICTED and len(self.examples[name]) < MAX_EXAMPLES:
            self.examples[name].append((url, detail[:300]))


class RunChecks:
    """The checks over ``records`` (this run's articles by key), ``known`` (a lookup of articles
    read in earlier runs, for cards and translations pointing at pages not read now) and
    ``listings``."""

    def __init__(self, records: dict[str, dict[str, Any]], listings: ListingStatements,
                 known: Callable[[str], dict[str, Any] | None] = lambda key: None,
                 languages: tuple[str, ...] = (), region_known: dict[str, list[int]] | None = None) -> None:
        self.records, self.listings, self.known, self.languages = records, listings, known, frozenset(languages)
        self.notices = notice_texts(records.values())
        self.incoming = incoming_translations(records.values())
        self.chrome = chrome_texts(records.values())
        self.region = RegionEvidence(records.values(), region_known)
        self.shared = SharedLinks(records.values())  # tag clouds and contributors lists: the site's chrome
        self._best: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        self.agreeing = agreeing_cards(records, key_of)
        self.starts = stated_starts(records, listings.snippets, key_of, known)  # the site's snippets of each article
        self._body_verdicts: dict[str, Verdict] = {}
        self._titles: dict[str, str] | None = None
        self._site_images: frozenset[str] = frozenset()

    def target(self, key: str | None) -> dict[str, Any] | None:
        return (self.records.get(key) or self.known(key)) if key else None

    def run(self) -> Verdicts:
        verdicts = Verdicts()
        for key, record in self.records.items():
            for name in CHECKED_FIELDS:
                verdict = getattr(self, f"check_{name}")(key, record)
                # An empty value the site says something about that cannot be judged (an update
                # stated, the publication unknown) stays unverifiable: as often wrong as those judged.
                if verdict == NONE and record.get(VALUE_OF.get(name, name)) in (None, "", [], {}):
                    verdict = EMPTY, ""
                verdicts.add(name, record["url"], verdict)
        return verdicts

    # -- what the site says about an article, whoever read it --------------------------------
    def site_titles(self, key: str, record: dict[str, Any]) -> list[tuple[str, str]]:
        return ([("a listing teaser", t) for t in sorted(self.listings.titles.get(key, ()))]
                + [("the page's og:title/headline", t) for t in record.get("statements", {}).get("titles", [])])

    def site_categories(self, key: str, record: dict[str, Any]) -> list[tuple[str, str]]:
        slug = self.listings.category_of_slug(record.get("language"), url_section(record.get("url")))
        return ([("the listing", c) for c in sorted(self.listings.categories.get(key, ()))]
                + ([("the URL's category slug", slug)] if slug else []))

    def best(self, key: str, record: dict[str, Any]) -> dict[str, Any]:
        """The article as the site states it: the listings' title, category and summary (else the
        page's metadata description) when they agree among themselves, else what its page read.
        Once a run and article (each card pointing at it asked again: 4.4 times an article)."""
        if self._best.get(key, (None,))[0] is not record:
            self._best[key] = (record, self._site_statement(key, record))
        return self._best[key][1]

    def _site_statement(self, key: str, record: dict[str, Any]) -> dict[str, Any]:
        def one(values: list[str], read: object) -> object:
            distinct = {norm(v): v for v in values}
            return next(iter(distinct.values())) if len(distinct) == 1 else read

        descriptions = record.get("statements", {}).get("descriptions", [])
        snippets = [s for s in self.listings.snippets.get(key, ()) if not norm(s).endswith(("…", "..."))]
        return {**record, "title": one(list(self.listings.titles.get(key, ())), record.get("title")),
                "category": one([c for _, c in self.site_categories(key, record)], record.get("category")),
                "summary": one(snippets or descriptions, record.get("summary"))}

    # -- one check a field ----------------------------------------------------------------
    def check_title(self, key: str, record: dict[str, Any]) -> Verdict:
        return _verdict(record.get("title"), self.site_titles(key, record), same_title)

    def check_summary(self, key: str, record: dict[str, Any]) -> Verdict:
        statements = ([("a listing teaser", s) for s in sorted(self.listings.snippets.get(key, ()))]
                      + [("the meta description", d) for d in record.get("statements", {}).get("descriptions", [])])
        return _verdict(record.get("summary"), statements, _states)

    def check_category(self, key: str, record: dict[str, Any]) -> Verdict:
        return _verdict(record.get("category"), self.site_categories(key, record), lambda a, b: norm(a) == norm(b))

    def check_breadcrumbs(self, key: str, record: dict[str, Any]) -> Verdict:
        crumbs = record.get("breadcrumbs") or []
        if not crumbs:
            return NONE
        return _verdict(crumbs, self.site_categories(key, record), lambda a, b: norm(b) in {norm(c) for c in a})

    def check_authors(self, key: str, record: dict[str, Any]) -> Verdict:
        return authors_verdict(record, self.shared)

    def check_published_at(self, key: str, record: dict[str, Any]) -> Verdict:
        value = record.get("published_at")
        statements = [("the page's header or metadata", d) for d in record.get("statements", {}).get("published", [])]
        verdict = _verdict(value, statements, same_instant)
        if verdict[0] != CONTRADICTED and not_after(value, record.get("lastmod")) is False:
            outcome = BOUND if verdict[0] == UNVERIFIABLE else CONTRADICTED
            return outcome, f"got {value!r}; the sitemap's lastmod {record.get('lastmod')!r} is earlier"
        return verdict

    def check_modified_at(self, key: str, record: dict[str, Any]) -> Verdict:
        return modified_verdict(record)

    def check_tags(self, key: str, record: dict[str, Any]) -> Verdict:
        return tags_verdict(record, self.shared)

    def check_site_notice(self, key: str, record: dict[str, Any]) -> Verdict:
        notice = record.get("site_notice")
        if not notice or norm(notice) not in self.notices:
            return NONE
        site_text = self.notices[norm(notice)]
        return (VERIFIED, "") if site_text is None else (CONTRADICTED, f"got {notice!r}; the site's text is {site_text!r}")

    def check_helpful_votes(self, key: str, record: dict[str, Any]) -> Verdict:
        helpful, total = record.get("helpful_votes"), record.get("total_votes")
        if not isinstance(helpful, int) or not isinstance(total, int):
            return NONE
        if helpful > total:
            return CONTRADICTED, f"helpful {helpful} > total {total}"
        return VERIFIED, ""

    def check_related(self, key: str, record: dict[str, Any]) -> Verdict:
        cards = record.get("related") or []
        heading = record.get("statements", {}).get("related_heading")
        if not cards and heading:  # held-out W: "Discover more" over 4 cards the reading missed, 7 of 120 pages in A,B,W
            return CONTRADICTED, f"no card read, the page shows {heading[:60]!r} over its related articles"
        keys = [key_of(card.get("url")) for card in cards if isinstance(card, dict)]
        elsewhere = related_elsewhere(record, keys)
        if elsewhere is not None:
            return elsewhere
        twice = next((k for i, k in enumerate(keys) if k is not None and k in keys[:i]), None)
        if twice is not None:  # a list of cards shows each article once (a carousel's clones read as cards)
            return CONTRADICTED, f"card {next(c.get('url') for c in cards if key_of(c.get('url')) == twice)} read twice"
        figures = next(((card, glued_figures(card.get("snippet"))) for card in cards if glued_figures(card.get("snippet"))),
                       None)
        if figures is not None:  # the card's own text says where its snippet ends, whether its article was read or not
            return CONTRADICTED, f"card {figures[0].get('url')}: snippet ends with {figures[1]!r} after its last sentence"
        bare = card_without_category(cards)
        if bare is not None:
            return CONTRADICTED, f"card {bare} read without the category the list's other cards show"
        checked = 0
        for card in cards:
            target_key = key_of(card.get("url"))
            target = self.target(target_key)
            if target is None or target_key == key:
                continue
            stated = self.best(target_key, target) if target_key in self.records else target
            problem = card_problem(card, stated, target)
            if problem.startswith("snippet") and (not _shares_start(card.get("snippet"), stated)
                                                  or self.body_contradicted(target_key)):
                # The card shows text the article as read lacks (its paragraphs were images), or the
                # article's body is itself contradicted: its reading is in doubt as much as the card's,
                # so this card checks nothing (held-out email design W: right cards of A and B pages
                # blamed, 8 of 541, for a W body read without its first blocks). A snippet that starts
                # as the article does and goes on wrong (a date glued on) stays the card's fault.
                continue
            checked += 1
            if problem:
                return CONTRADICTED, f"card {card.get('url')}: {problem}"
        return (VERIFIED, "") if checked else NONE

    def check_body_text(self, key: str, record: dict[str, Any]) -> Verdict:
        """Once a run and article: the cards pointing at it ask again (``body_contradicted``)."""
        if key not in self._body_verdicts:
            self._body_verdicts[key] = self._body_verdict(key, record)
        return self._body_verdicts[key]

    def _body_verdict(self, key: str, record: dict[str, Any]) -> Verdict:
        verdict = body_verdict(record, self.chrome)
        lost = lost_verdict(self.region, record) if verdict[0] != CONTRADICTED else None
        if lost is not None:
            return CONTRADICTED, lost
        if verdict[0] == VERIFIED and doubted(record, self.starts.get(key, ())):
            verdict = NONE
        if verdict[0] == CONTRADICTED or key not in self.agreeing:
            return verdict
        sources, card = self.agreeing[key]
        stated = self.best(key, record)
        problem = card_problem(card, stated, record)
        # A snippet starting as the summary or the first block does and going on wrong (a date glued
        # on) is the cards' fault, not the body's.
        if problem.startswith("snippet") and not _shares_start(card.get("snippet"), stated, first_only=True):
            return CONTRADICTED, f"cards on {sources} pages agree: {problem}"
        return verdict

    def body_contradicted(self, key: str | None) -> bool:
        """Whether the body of an article read this run is contradicted."""
        return key in self.records and self.check_body_text(key, self.records[key])[0] == CONTRADICTED

    def check_images(self, key: str, record: dict[str, Any]) -> Verdict:
        if self._titles is None:
            self._titles = site_titles(self.records, self.listings.titles)
            self._site_images = shared_figures(self.records.values())
        return images_verdict(record, self._titles, key, self._site_images)

    def check_translations(self, key: str, record: dict[str, Any]) -> Verdict:
        translations = record.get("translations") or {}
        for language, url in sorted(translations.items()):
            if self.languages and language not in self.languages:
                return CONTRADICTED, f"key {language!r} is none of the site's languages"
            if url_language(url) != language:
                return CONTRADICTED, f"{language!r} links to {url} (a {url_language(url)!r} page)"
        mine = {language: key_of(url) for language, url in translations.items()}
        checked = 0
        for language, other in self.incoming.get(key, {}).items():
            checked += 1
            if mine.get(language) != other:
                return CONTRADICTED, f"{self.records[other]['url']} lists this page as its translation, this page lists {translations.get(language)!r} for {language!r}"
        for url in translations.values():
            back = self.target(key_of(url))
            if back is not None and key in {key_of(u) for u in (back.get("translations") or {}).values()}:
                checked += 1
        return (VERIFIED, "") if checked else NONE


def card_problem(card: dict[str, Any], target: dict[str, Any], as_read: dict[str, Any] | None = None) -> str:
    """What a card says that its article (``target``: as the site states it; ``as_read``: as its
    page was read, when that differs) does not; empty when they agree."""
    if not same_title(target.get("title"), card.get("title")) and norm(card.get("title")) != norm(target.get("title")):
        return f"title {card.get('title')!r}, the article's is {target.get('title')!r}"
    if card.get("category") and target.get("category") and norm(card["category"]) != norm(target["category"]):
        return f"category {card['category']!r}, the article's is {target['category']!r}"
    snippet = card.get("snippet")
    blocks = str(target.get("body_prefix") or "").split("\n\n")
    blocks += [_DATELINE.sub("", block, count=1) for block in blocks[:1] if _DATELINE.match(block)]
    # An article read without a field every article shows, or without the category its card shows,
    # was misread itself: its text is then no evidence against the card's snippet. (On a site with
    # 30 % of its pages' paragraphs as images, 67 of 149 pages' right cards were blamed for them
    # before this rule and the two of check_related.)
    read = as_read or target
    read_whole = all(read.get(name) for name in SHOWN_BY_EVERY_ARTICLE if name in read) \
        and (read.get("category") or not card.get("category"))
    if snippet and read_whole and not is_prefix_snippet(snippet, target.get("summary"), *blocks) \
            and not any(_cut_longer_than(snippet, text, read.get("language")) for text in (target.get("summary"), *blocks)):
        return f"snippet {snippet!r} starts neither the article's summary nor its body"
    return ""


def _shares_start(snippet: object, target: dict[str, Any], chars: int = 24, first_only: bool = False) -> bool:
    """Whether a snippet begins as the article's summary or one of its first blocks (``first_only``:
    its first block) does."""
    start = norm_snippet(snippet)[:chars] if isinstance(snippet, str) else ""
    blocks = str(target.get("body_prefix") or "").split("\n\n")
    texts = [target.get("summary"), *(blocks[:1] if first_only else blocks)]
    heads = [norm(text)[:chars] for text in texts if text]
    return bool(start) and any(head and (start.startswith(head) or head.startswith(start)) for head in heads)


def _cut_longer_than(snippet: str, text: object, language: object) -> bool:
    """A snippet that starts with the whole of the article's summary or of a body block and goes on
    agrees: the card shows a paragraph the reading split or lost the rest of (its paragraphs were
    images), unless what follows is a date or reading time glued on. A text of 60 or more
    characters, so that a short line does not vouch for any text after it."""
    kept, shown = norm(text), norm_snippet(snippet)
    if len(kept) < 60 or not shown.startswith(kept):
        return False
    tail = shown[len(kept):].strip(CARD_GLUE)
    return not tail or not is_date_line(tail, language if isinstance(language, str) else "en")


def incoming_translations(records: Any) -> dict[str, dict[str, str]]:
    """key -> {language: key of the page in that language that lists it as its translation}."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for record in records:
        source = key_of(record.get("url"))
        for language, url in (record.get("translations") or {}).items():
            target = key_of(url)
            if source and target and language == url_language(url) and record.get("language"):
                found[target].setdefault(record["language"], source)
    return found
