"""Changing the site between two crawls: edited articles and newly published ones."""
from __future__ import annotations

import random
from datetime import timedelta

from .model import Article, P, Site, _article, _link, _sentences, _story, decode_blocks, encode_blocks, era_weights


def edit_article(site: Site, article: Article, rng: random.Random) -> None:
    """A new last paragraph and a later modification date: new content, new ETag."""
    blocks = [(b.kind, b.items) for b in decode_blocks(article.body)]
    blocks.append((P, _sentences(rng, 3)))
    article.body = encode_blocks(blocks)
    article.modified = site.now - timedelta(hours=1)


def publish_article(site: Site, rng: random.Random, lang: str = "en") -> Article:
    """A new article, the newest of its language, linked from home and category pages."""
    article = _article(rng, max(a.id for a in site.articles) + 7, lang, _story(rng), site.now,
                       era_weights(site.eras))
    article.published = site.now - timedelta(hours=2)
    article.modified = None
    site.articles.append(article)
    _link(random.Random(article.id), [a for a in site.articles if a.lang == lang], site.now)
    site.index()
    return article


def change_site(site: Site, edits: int, new: int, seed: int = 99) -> tuple[list[Article], list[Article]]:
    """Edit ``edits`` existing articles and publish ``new`` ones; returns both lists."""
    rng = random.Random(seed)
    edited = rng.sample([a for a in site.articles if not a.custom], edits)
    for article in edited:
        edit_article(site, article, rng)
    published = [publish_article(site, rng) for _ in range(new)]
    return edited, published


def remove_article(site: Site, article: Article) -> None:
    """The article disappears: 404 at its URL, gone from sitemaps, listings and cards."""
    site.articles.remove(article)
    for other in site.articles:
        other.related = tuple(card for card in other.related if card[0] != article.id)
        other.translations = tuple(i for i in other.translations if i != article.id)
        if other.read_also == article.id:
            other.read_also = 0
    site.index()
