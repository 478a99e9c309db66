"""Compact article models and the deterministic site builder.

An Article keeps only small codes (indices into the corpus pools); texts and
HTML are produced on demand by view.py / eras.py, so a 20,000-article site
fits in a few tens of MB.
"""
from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from functools import cached_property
from pathlib import Path

from . import corpus
from .corpus import TITLE_FORMAT
from .era_mix import DATE_MODES, DEFAULT_DATE_MODES, ENGLISH_UI_SHARE
from .fmt import CATEGORIES, LANGS, LEGACY_ENCODING, UI, encodable, slugify

# Body block kinds (first byte of each encoded block).
P, H2, H3, UL, OL, QUOTE, FIG, READ, AD = range(1, 10)
BLOCK_NAMES = {P: "p", H2: "h2", H3: "h3", UL: "ul", OL: "ol", QUOTE: "quote", FIG: "figure",
               READ: "read_also", AD: "ad"}

# Template eras and their shares. The default site has the A-D mix; E-M are opt-in: each selected
# one takes NEW_ERA_SHARE and A-D are rescaled (see era_weights).
ERAS: tuple[tuple[str, float], ...] = (("A", 0.35), ("B", 0.30), ("C", 0.20), ("D", 0.15))
NEW_ERA_SHARE: dict[str, float] = {"E": 0.10, "F": 0.10, **dict.fromkeys("GHIJKLM", 0.08)}
DEFAULT_ERAS: tuple[str, ...] = tuple(era for era, _ in ERAS)
ALL_ERAS: tuple[str, ...] = DEFAULT_ERAS + tuple(NEW_ERA_SHARE)
# Held-out eras N-Z (eras_no.py … eras_z.py), then two-letter names after Z: AA (eras_aa.py, a Blogger
# post page), AB (eras_ab.py, a Medium post), AC (eras_ac.py, a MediaWiki page). By name only, never in ALL_ERAS.
HELDOUT_ERA_SHARE: dict[str, float] = {**dict.fromkeys("NOPQRSTUVWXYZ", 0.08), "AA": 0.08, "AB": 0.08, "AC": 0.08}
KNOWN_ERAS: tuple[str, ...] = ALL_ERAS + tuple(HELDOUT_ERA_SHARE)
ERAS_ENV = "LOCALSITE_ERAS"  # e.g. "E,F": the default era set of build_site/LocalSite/CLI
TZ_HOURS: dict[str, tuple[int, ...]] = {
    "en": (0, -5, -8), "fr": (1, 2), "de": (1, 2), "es": (1, 2), "it": (1, 2), "pt": (0, 1, -3),
    "ja": (9,), "zh": (8,), "ko": (9,),
}
FIRST_DAY = datetime(2023, 1, 1, tzinfo=timezone.utc)
DEFAULT_NOW = datetime(2026, 11, 20, 12, 0, 0, tzinfo=timezone.utc)
N_SENT = len(corpus.SENTENCES["en"])
TRAP_SENTENCE = N_SENT - 1  # "By …", "Par ailleurs…", "Von …", "Por …", "Di fronte…"
SEED_ARTICLE: dict = json.loads(Path(__file__).with_name("seed_article.json").read_text(encoding="utf-8"))


@dataclass(slots=True)
class Block:
    kind: int
    items: tuple[int, ...]

    @property
    def name(self) -> str:
        return BLOCK_NAMES[self.kind]


@dataclass(slots=True, eq=False)
class Article:
    id: int
    lang: str
    category: str
    title_code: tuple[int, int, int]          # subject, predicate, number
    summary: int                              # sentence index
    authors: tuple[int, ...]                  # indices into corpus.AUTHORS[lang]
    published: datetime                       # aware, in the article's local zone
    modified: datetime | None
    date_mode: str                            # 'machine' | 'visible' | 'relative'
    rel_days: int                             # for date_mode == 'relative'
    body: bytes                               # encoded blocks (see encode_blocks)
    tags: tuple[int, ...]
    votes: tuple[int, int] | None             # (yes, total); None = widget absent
    images: tuple[tuple[int, int], ...]       # (alt index, caption tag index or -1)
    era: str                                  # A B C D E F G H I
    ui_lang: str                              # 'en' or own language
    in_sitemap: bool
    encoding: str                             # 'utf-8' or a python codec (eras D, E)
    notice: bool
    read_also: int = 0                        # target article id
    related: tuple[tuple[int, int, int], ...] = ()  # (target id, cut length or 0, dead id or 0)
    translations: tuple[int, ...] = ()        # ids of the other language versions
    x_default: int = 0                        # id the x-default hreflang points to
    custom: bool = False                      # the seed article (texts from seed_article.json)
    variant: int = 0                          # era H: 0 = A's markup, 1 = B's, 2 = B's without JSON-LD

    @property
    def title(self) -> str:
        if self.custom:
            return SEED_ARTICLE["title"]
        s, p, n = self.title_code
        return TITLE_FORMAT[self.lang].format(s=corpus.SUBJECTS[self.lang][s],
                                              p=corpus.PREDICATES[self.lang][p], n=n)

    @property
    def slug(self) -> str:
        return SEED_ARTICLE["slug"] if self.custom else slugify(self.title)

    @property
    def path(self) -> str:
        return f"/{self.lang}/{self.category}/{self.id}-{self.slug}"

    @property
    def summary_text(self) -> str:
        return SEED_ARTICLE["summary"] if self.custom else corpus.SENTENCES[self.lang][self.summary]

    @property
    def updated(self) -> datetime:
        return self.modified or self.published

    def blocks(self) -> list[Block]:
        return decode_blocks(self.body)


@dataclass(eq=False)
class Site:
    seed: int
    now: datetime
    articles: list[Article]                               # by id
    by_id: dict[int, Article] = field(default_factory=dict)
    newest: dict[str, list[Article]] = field(default_factory=dict)   # per language, newest first
    listing: dict[tuple[str, str], list[Article]] = field(default_factory=dict)
    eras: tuple[str, ...] = DEFAULT_ERAS                  # the eras new articles are drawn from
    # When pages are served (a LocalSite's start: its Date header, as a real site's, is the present;
    # it tells relative dates as of then, ``LocalSite._relative_dates_as_served``). None: at ``now``.
    served_at: datetime | None = None
    told_as_served: set[int] = field(default_factory=set)  # articles whose "N days ago" counts from it

    @property
    def clock(self) -> datetime:
        return self.served_at or self.now

    def index(self) -> None:
        self.articles.sort(key=lambda a: a.id)
        self.by_id = {a.id: a for a in self.articles}
        key = lambda a: (a.published.timestamp(), a.id)  # noqa: E731
        for lang in LANGS:
            self.newest[lang] = sorted((a for a in self.articles if a.lang == lang), key=key, reverse=True)
            for cat in CATEGORIES:
                self.listing[(lang, cat)] = [a for a in self.newest[lang] if a.category == cat]

    @cached_property
    def authors_index(self) -> dict[tuple[str, int], list[Article]]:
        out: dict[tuple[str, int], list[Article]] = {}
        for lang in LANGS:
            for a in self.newest[lang]:
                for au in a.authors:
                    out.setdefault((lang, au), []).append(a)
        return out


def encode_blocks(blocks: list[tuple[int, tuple[int, ...]]]) -> bytes:
    out = bytearray()
    for kind, items in blocks:
        out += bytes((kind, len(items), *items))
    return bytes(out)


def decode_blocks(data: bytes) -> list[Block]:
    out, i = [], 0
    while i < len(data):
        kind, n = data[i], data[i + 1]
        out.append(Block(kind, tuple(data[i + 2:i + 2 + n])))
        i += 2 + n
    return out


def _sentences(rng: random.Random, k: int, trap_first: bool = False) -> tuple[int, ...]:
    picks = rng.sample(range(N_SENT - 1), k)
    return (TRAP_SENTENCE, *picks[1:]) if trap_first else tuple(picks)


def _section(rng: random.Random) -> list[tuple[int, tuple[int, ...]]]:
    out: list[tuple[int, tuple[int, ...]]] = [(H2, (rng.randrange(len(corpus.HEADINGS["en"])),))]
    for _ in range(rng.randint(1, 3)):
        r = rng.random()
        if r < 0.55:
            out.append((P, _sentences(rng, rng.randint(1, 4) if rng.random() < 0.3 else rng.randint(2, 4),
                                      trap_first=rng.random() < 0.12)))
        elif r < 0.72:
            out.append((rng.choice((UL, UL, OL)), _sentences(rng, rng.randint(2, 4))))
        elif r < 0.86:
            out.append((QUOTE, (rng.randrange(N_SENT - 1),)))
        else:
            out += [(H3, (rng.randrange(len(corpus.HEADINGS["en"])),)), (P, _sentences(rng, rng.randint(1, 3)))]
    return out


def _body(rng: random.Random, n_images: int, read_also: bool, trap_lead: bool) -> bytes:
    blocks: list[tuple[int, tuple[int, ...]]] = [(P, _sentences(rng, rng.randint(2, 4), trap_lead)),
                                                 (P, _sentences(rng, rng.randint(1, 4)))]
    extras: list[tuple[int, tuple[int, ...]]] = [(FIG, (k,)) for k in range(n_images)]
    if read_also:
        extras.append((READ, ()))
    if rng.random() < 0.7:
        extras.append((AD, ()))
    for _ in range(rng.randint(2, 4)):
        blocks += _section(rng)
    for extra in extras:  # never before the first paragraph
        blocks.insert(rng.randint(1, len(blocks)), extra)
    return encode_blocks(blocks)


def parse_eras(spec: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """'E,F' / ('E', 'F') -> ('E', 'F') in canonical order; None -> $LOCALSITE_ERAS or A-D."""
    if spec is None:
        spec = os.environ.get(ERAS_ENV, "").strip() or DEFAULT_ERAS
    names = spec.replace(" ", "").upper().split(",") if isinstance(spec, str) else [str(e).upper() for e in spec]
    unknown = sorted(set(names) - set(KNOWN_ERAS) - {""})
    if unknown:
        raise ValueError(f"unknown era(s) {unknown}; choose from {','.join(KNOWN_ERAS)}")
    eras = tuple(e for e in KNOWN_ERAS if e in names)
    if not eras:
        raise ValueError("no era selected")
    return eras


def era_weights(eras: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """Shares of the selected eras: E-I keep NEW_ERA_SHARE each, A-D share the rest as in ERAS."""
    if eras == DEFAULT_ERAS:
        return ERAS  # exactly the historical table: the default site does not change
    old = [(e, w) for e, w in ERAS if e in eras]
    shares = {**NEW_ERA_SHARE, **HELDOUT_ERA_SHARE}
    new = [(e, shares[e]) for e in eras if e in shares]
    if not old:
        total = sum(w for _, w in new)
        return tuple((e, w / total) for e, w in new)
    scale = (1.0 - sum(w for _, w in new)) / sum(w for _, w in old)
    return tuple((e, w * scale) for e, w in old) + tuple(new)


def _pick_era(rng: random.Random, weights: tuple[tuple[str, float], ...] = ERAS) -> str:
    r, acc = rng.random(), 0.0
    for era, weight in weights:
        acc += weight
        if r < acc:
            return era
    return weights[-1][0]


def _ui_lang(rng: random.Random, era: str, lang: str, codec: str = "utf-8") -> str:
    ui = lang if era == "B" else "en" if rng.random() < ENGLISH_UI_SHARE.get(era, 0.15) else lang
    if codec != "utf-8" and not all(encodable(s, codec) for s in UI[ui].values()):
        ui = "en"
    return ui


def _date_mode(rng: random.Random, era: str) -> str:
    modes = DATE_MODES.get(era, DEFAULT_DATE_MODES)
    if len(modes) == 1:
        return modes[0][1]
    r = rng.random()
    return next(mode for cut, mode in modes if r < cut or cut >= 1.0)


def _votes(rng: random.Random) -> tuple[int, int] | None:
    r = rng.random()
    if r < 0.10:
        return None
    if r < 0.18:
        return (0, 0)
    total = rng.randint(1000, 25000) if r < 0.30 else rng.randint(1, 400)
    return (rng.randint(0, total), total)


def _dates(rng: random.Random, lang: str, mode: str, now: datetime) -> tuple[datetime, datetime | None, int]:
    tz = timezone(timedelta(hours=rng.choice(TZ_HOURS[lang])))
    if mode == "relative":
        days = rng.randint(1, 45)
        published = now - timedelta(days=days, seconds=rng.randint(0, 36000))
        return published.astimezone(tz), None, days
    span = int((now - FIRST_DAY).total_seconds()) - 7200
    published = (FIRST_DAY + timedelta(seconds=rng.randrange(span) // 60 * 60)).astimezone(tz)
    modified = None
    if rng.random() < 0.2:
        modified = min(published + timedelta(minutes=rng.randint(60, 43200)), now - timedelta(hours=1))
        modified = modified.astimezone(tz) if modified > published else None
    return published, modified, 0


@dataclass(slots=True)
class _Story:
    category: str
    title_code: tuple[int, int, int]
    summary: int
    body_seed: int
    n_images: int
    tags: tuple[int, ...]


def _story(rng: random.Random) -> _Story:
    n_tags = 0 if rng.random() < 0.2 else rng.randint(1, 4)
    return _Story(category=rng.choice(CATEGORIES),
                  title_code=(rng.randrange(7), rng.randrange(8), rng.randint(1, 99)),
                  summary=rng.randrange(N_SENT - 1), body_seed=rng.getrandbits(32),
                  n_images=(rng.randint(1, 2) if rng.random() < 0.3 else 0),
                  tags=tuple(rng.sample(range(len(corpus.TAGS["en"])), n_tags)))


def _article(rng: random.Random, aid: int, lang: str, story: _Story, now: datetime,
             weights: tuple[tuple[str, float], ...] = ERAS) -> Article:
    era = _pick_era(rng, weights)
    # H: A's markup (0), B's (1) or B's without JSON-LD (2: only the visible date), classes hashed
    variant = (0 if rng.random() < 0.5 else 1 if rng.random() < 0.5 else 2) if era == "H" else 0
    mode = ("visible" if variant == 2 else "machine") if era == "H" else _date_mode(rng, era)
    legacy = era == "D" or (era == "E" and rng.random() < 0.4) or (era == "I" and rng.random() < 0.4)
    codec = LEGACY_ENCODING[lang][0] if legacy else "utf-8"
    published, modified, rel_days = _dates(rng, lang, "relative" if mode == "machine_rel" else mode, now)
    if mode == "machine_rel":  # eras O, P, S: a recent story, shown as "3 days ago", its instant in a meta
        mode = "machine"
    n_auth = 1 if rng.random() < 0.65 else (2 if rng.random() < 0.7 else 3)
    read_also = rng.random() < 0.4
    trap_lead = rng.random() < 0.1
    body = _body(random.Random(story.body_seed), story.n_images, read_also, trap_lead)
    images = tuple((rng.randrange(len(corpus.IMAGE_ALTS["en"])),
                    (rng.randrange(len(corpus.TAGS["en"])) if rng.random() < 0.85 else -1))
                   for _ in range(story.n_images))
    return Article(
        id=aid, lang=lang, category=story.category, title_code=story.title_code, summary=story.summary,
        authors=tuple(rng.sample(range(len(corpus.AUTHORS[lang])), n_auth)),
        published=published, modified=modified, date_mode=mode, rel_days=rel_days, body=body,
        tags=story.tags, votes=_votes(rng), images=images, era=era,
        ui_lang=_ui_lang(rng, ("A" if variant == 0 else "B") if era == "H" else era, lang, codec),
        in_sitemap=rng.random() >= 0.08, encoding=codec,
        notice=rng.random() >= 0.1, read_also=-1 if read_also else 0, variant=variant)


def _seed_article(eras: tuple[str, ...] = DEFAULT_ERAS) -> Article:
    """Era A (the example page) whenever A is selected, else the first selected era."""
    s = SEED_ARTICLE
    era = "A" if "A" in eras else eras[0]
    if era != "A":
        return replace(_seed_article(), era=era, ui_lang="fr",
                       date_mode="machine" if era in ("B", "F", "H", "I") else "visible",
                       encoding=LEGACY_ENCODING["fr"][0] if era == "D" else "utf-8")
    return Article(
        id=s["id"], lang=s["lang"], category=s["category"], title_code=(0, 0, 0), summary=0,
        authors=(corpus.AUTHORS["fr"].index(s["author"]),), published=datetime.fromisoformat(s["published"]),
        modified=None, date_mode="machine", rel_days=0, body=b"", tags=tuple(corpus.TAGS["fr"].index(t) for t in s["tags"]),
        votes=tuple(s["votes"]), images=(), era="A", ui_lang="en", in_sitemap=True, encoding="utf-8",
        notice=True, custom=True)


def _link(rng: random.Random, site_articles: list[Article], now: datetime) -> None:
    """Second pass: related cards, read-also targets (same language, never self)."""
    per_lang: dict[str, list[Article]] = {lang: [] for lang in LANGS}
    for a in site_articles:
        per_lang[a.lang].append(a)
    for a in site_articles:
        pool = [x for x in rng.sample(per_lang[a.lang], min(6, len(per_lang[a.lang]))) if x is not a]
        if a.custom or not pool:
            a.read_also = 0
            continue
        cards = []
        for target in pool[:rng.randint(3, 4)]:
            cjk = a.lang in ("ja", "zh", "ko")
            cut = 0 if rng.random() < 0.15 else (rng.randint(36, 45) if cjk else rng.randint(95, 120))
            dead = rng.randint(40000, 47999) if rng.random() < 0.012 else 0
            cards.append((target.id, cut, dead))
        a.related = tuple(cards)
        if a.read_also:
            a.read_also = rng.choice(pool).id


def build_site(n_articles: int, seed: int, now: datetime = DEFAULT_NOW,
               eras: str | tuple[str, ...] | list[str] | None = None) -> Site:
    """Deterministic: same (n_articles, seed, now, eras) gives the same site.

    eras: the template eras to draw from ('E,F', ('A', 'E'), ...); None means $LOCALSITE_ERAS,
    else A-D (the historical mix). Each selected era of E-I takes its NEW_ERA_SHARE (E, F ~10%,
    G, H, I ~8%), A-D share the rest in their historical proportions."""
    chosen = parse_eras(eras)
    weights = era_weights(chosen)
    rng = random.Random(seed)
    articles: list[Article] = [_seed_article(chosen)] if n_articles > 0 else []
    next_id = 50000
    while len(articles) < n_articles:
        story = _story(rng)
        langs = [rng.choice(LANGS)]
        if rng.random() < 0.3:
            langs += rng.sample([x for x in LANGS if x != langs[0]], rng.randint(1, 3))
        langs = langs[:n_articles - len(articles)]
        versions = []
        for lang in langs:
            versions.append(_article(rng, next_id, lang, story, now, weights))
            next_id += rng.randint(1, 3)
        if len(versions) > 1:
            ids = [v.id for v in versions]
            x_default = 0
            if rng.random() < 0.5:
                x_default = next((v.id for v in versions if v.lang == "en"), versions[0].id)
            for v in versions:
                v.translations = tuple(i for i in ids if i != v.id)
                v.x_default = x_default
        articles += versions
    _link(rng, articles, now)
    site = Site(seed=seed, now=now, articles=articles, eras=chosen)
    site.index()
    return site
