"""Article views: every text a page shows, derived from the compact model.

Both the HTML templates (eras.py) and the oracle (expected_item) read the
same ArticleView, so the expected items always agree with the pages.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import corpus
from .fmt import (
    CATEGORY_NAMES,
    QUOTES,
    TEXT_JOIN,
    UI,
    day_utc,
    encodable,
    iso_utc,
    norm,
    relative_day_utc,
    slugify,
    word_count,
)
from .model import FIG, H2, H3, OL, QUOTE, READ, SEED_ARTICLE, UL, Article, Block, P, Site

_SNIPPET_END_STRIP = ".…。"


@dataclass(slots=True)
class Image:
    src: str          # site-relative path
    alt: str
    caption: str | None


@dataclass(slots=True)
class Card:
    title: str
    path: str         # canonical path of the target (or of a deleted article)
    cat_slug: str
    cat_name: str
    snippet: str      # shown text without ellipsis
    truncated: bool


@dataclass(slots=True)
class Item:
    """One body element as shown: kind in p h2 h3 ul ol quote figure read_also ad."""
    kind: str
    texts: tuple[str, ...] = ()
    image: Image | None = None


@dataclass(eq=False)
class ArticleView:
    a: Article
    site: Site
    ui: dict[str, str] = field(init=False)
    byline_lang: str = field(init=False)

    def __post_init__(self) -> None:
        self.ui = UI[self.a.ui_lang]
        # A, F and H (A's or B's markup) write the byline (label, dates) in the page's language
        # whatever the UI strings are.
        self.byline_lang = self.a.lang if self.a.era in ("A", "F", "H") else self.a.ui_lang

    # -- simple fields -------------------------------------------------
    @property
    def lang(self) -> str:
        return self.a.lang

    @property
    def category_name(self) -> str:
        return CATEGORY_NAMES[self.a.category][self.a.lang]

    @property
    def authors(self) -> list[tuple[str, str]]:
        pool = corpus.AUTHORS[self.a.lang]
        return [(pool[i], slugify(pool[i]) or f"author-{self.a.lang}-{i}") for i in self.a.authors]

    @property
    def tags(self) -> list[tuple[str, str]]:
        pool = corpus.TAGS[self.a.lang]
        return [(pool[i], slugify(pool[i]) or f"tag-{i}") for i in self.a.tags]

    @property
    def notice(self) -> str | None:
        return self.ui["notice"] if self.a.notice else None

    @property
    def breadcrumbs(self) -> list[str]:
        return [self.ui["home"], self.category_name]

    @property
    def read_also(self) -> Article | None:
        return self.site.by_id.get(self.a.read_also) if self.a.read_also else None

    def sep(self, preferred: str, fallback: str) -> str:
        """A separator that the page's encoding can represent."""
        return preferred if encodable(preferred, self.codec) else fallback

    @property
    def codec(self) -> str:
        return self.a.encoding

    # -- body ----------------------------------------------------------
    def images(self) -> list[Image]:
        out = []
        alts, tags = corpus.IMAGE_ALTS[self.a.lang], corpus.TAGS[self.a.lang]
        dot = self.sep(" · ", " / ")
        for k, (alt_i, cap_i) in enumerate(self.a.images, start=1):
            alt = alts[alt_i]
            caption = None if cap_i < 0 else f"{alt}{dot}{tags[cap_i]}{dot}IPGirl {self.a.id}"
            out.append(Image(f"/media/{self.a.id}/figure-{k}.jpg", alt, caption))
        return out

    def items(self) -> list[Item]:
        if self.a.custom:
            return [Item(k, (t[0],)) if t else Item(k) for k, *t in SEED_ARTICLE["blocks"]]
        return [self._item(b) for b in self.a.blocks() if b.kind != READ or self.read_also]

    def _item(self, b: Block) -> Item:
        sents, heads = corpus.SENTENCES[self.a.lang], corpus.HEADINGS[self.a.lang]
        if b.kind in (P, UL, OL):
            return Item(b.name, tuple(sents[i] for i in b.items))
        if b.kind in (H2, H3):
            return Item(b.name, (heads[b.items[0]],))
        if b.kind == QUOTE:
            o, c = QUOTES[self.a.lang]
            return Item("quote", (o + sents[b.items[0]].rstrip(".。") + c,))
        if b.kind == FIG:
            return Item("figure", image=self.images()[b.items[0]])
        return Item("read_also" if b.kind == READ else "ad")

    def body_blocks(self) -> list[str]:
        """The texts that make up body_text, in order."""
        out: list[str] = []
        join = TEXT_JOIN[self.a.lang]
        dateline = self._dateline()
        for it in self.items():
            if it.kind == "p":
                out.append(norm((f"{dateline} — " if dateline else "") + join.join(it.texts)))
                dateline = None
            elif it.kind in ("h2", "h3", "quote", "ul", "ol"):
                out.extend(norm(t) for t in it.texts)
        return out

    def _dateline(self) -> str | None:
        """Era T opens the story's first paragraph with a dateline ("PARIS — …"), part of its text."""
        if self.a.era != "T":
            return None
        from .eras_t import t_dateline
        return t_dateline(self.a)

    # -- related cards and translations ----------------------------------
    def cards(self) -> list[Card]:
        if self.a.custom:
            return [Card(r["title"], f"/fr/{r['category']}/{r['id']}-{r['slug']}", r["category"],
                         CATEGORY_NAMES[r["category"]]["fr"], r["snippet"], True)
                    for r in SEED_ARTICLE["related"]]
        return [self._card(*ref) for ref in self.a.related]

    def _card(self, target_id: int, cut: int, dead: int) -> Card:
        t = self.site.by_id[target_id]
        path = t.path if not dead else f"/{t.lang}/{t.category}/{dead}-{t.slug}"
        snippet, truncated = snippet_of(t, cut)
        return Card(t.title, path, t.category, CATEGORY_NAMES[t.category][t.lang], snippet, truncated)

    def translations(self) -> list[tuple[str, str]]:
        return [(t.lang, t.path) for t in (self.site.by_id[i] for i in self.a.translations)]

    def hreflangs(self) -> list[tuple[str, str]]:
        """(hreflang, path) for the <link rel=alternate> tags, own language included."""
        if not self.a.translations:
            own = self.a.era == "A" or (self.a.era == "H" and self.a.variant == 0)  # A's markup
            return [(self.a.lang, self.a.path)] if own else []
        out = sorted(self.translations() + [(self.a.lang, self.a.path)])
        if self.a.x_default:
            out.append(("x-default", self.site.by_id[self.a.x_default].path))
        return out

    # -- dates -----------------------------------------------------------
    def published_at(self) -> str:
        if self.a.date_mode == "machine":
            return iso_utc(self.a.published)
        if self.a.date_mode == "relative":
            return relative_day_utc(self.site.clock, self.a.rel_days)
        return day_utc(self.a.published)

    def modified_at(self) -> str | None:
        if self.a.modified is None:
            return None
        return iso_utc(self.a.modified) if self.a.date_mode == "machine" else day_utc(self.a.modified)


def first_paragraph(a: Article) -> str:
    if a.custom:
        return next(t[0] for k, *t in SEED_ARTICLE["blocks"] if k == "p")
    block = next(b for b in a.blocks() if b.kind == P)
    return norm(TEXT_JOIN[a.lang].join(corpus.SENTENCES[a.lang][i] for i in block.items))


def snippet_of(t: Article, cut: int) -> tuple[str, bool]:
    """The related-card snippet of article t: (text without ellipsis, truncated?)."""
    text = first_paragraph(t)
    if cut == 0:
        return t.summary_text, False
    if cut >= len(text):
        return text, False
    s = text[:cut].rstrip()
    while s and s[-1] in _SNIPPET_END_STRIP:
        s = s[:-1].rstrip()
    return s, True


def expected_item(v: ArticleView, base: str) -> dict:
    """The item a perfect crawler emits for this article (ANATOMY.md contract)."""
    a = v.a
    body_text = "\n\n".join(v.body_blocks())
    yes, total = a.votes if a.votes is not None else (None, None)
    return {
        "url": base + a.path,
        "article_id": str(a.id),
        "language": a.lang,
        "title": norm(a.title),
        "summary": norm(a.summary_text),
        "category": v.category_name,
        "breadcrumbs": [norm(b) for b in v.breadcrumbs],
        "authors": [norm(n) for n, _ in v.authors],
        "published_at": v.published_at(),
        "modified_at": v.modified_at(),
        "body_text": body_text,
        "word_count": word_count(body_text, a.lang),
        "images": [{"url": base + im.src, "alt": norm(im.alt),
                    "caption": norm(im.caption) if im.caption else None}
                   for it in v.items() if (im := it.image) is not None],
        "tags": [norm(t) for t, _ in v.tags],
        "site_notice": norm(v.notice) if v.notice else None,
        "helpful_votes": yes,
        "total_votes": total,
        "helpful_ratio": (yes / total) if total else None,
        "related": [{"title": norm(c.title), "url": base + c.path, "category": norm(c.cat_name),
                     "snippet": norm(c.snippet), "snippet_truncated": c.truncated} for c in v.cards()],
        "translations": {lang: base + path for lang, path in v.translations()},
        "content_hash": hashlib.sha256(body_text.encode("utf-8")).hexdigest(),
    }


def iter_expected(site: Site, base: str) -> Iterator[dict]:
    for a in site.articles:
        yield expected_item(ArticleView(a, site), base)


def expected_items(site: Site, base: str) -> list[dict]:
    return list(iter_expected(site, base))
