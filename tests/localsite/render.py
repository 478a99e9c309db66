"""Non-article pages: robots.txt, sitemaps, home, category listings, search,
author/tag pages, static pages and the 404 page (the listing template of
examples/listing-fr-category-ai.html)."""
from __future__ import annotations

import random
import zlib
from html import escape

from . import corpus, noise
from .eras import Ctx
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, UI, iso_local, iso_utc, slugify
from .model import Article, Site

PAGE_SIZE = 10
HOME_SIZE = 15


def _e(text: str) -> str:
    return escape(text, quote=True)


def robots(ctx: Ctx) -> str:
    return f"User-agent: *\nDisallow: /*/search\nDisallow: /*/print\n\nSitemap: {ctx.base}/sitemap.xml\n"


def sitemap_index(site: Site, ctx: Ctx) -> str:
    entries = []
    for lang in LANGS:
        arts = [a for a in site.newest[lang] if a.in_sitemap]
        lastmod = f"<lastmod>{iso_utc(max(a.updated for a in arts))}</lastmod>" if arts else ""
        entries.append(f"<sitemap><loc>{ctx.base}/sitemaps/{lang}.xml</loc>{lastmod}</sitemap>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            'sitemap/0.9">' + "".join(entries) + "</sitemapindex>")


def sitemap_lang(site: Site, ctx: Ctx, lang: str) -> str:
    arts = sorted((a for a in site.newest[lang] if a.in_sitemap), key=lambda a: a.id)
    urls = "".join(f"<url><loc>{ctx.base}{_e(a.path)}</loc><lastmod>{iso_utc(a.updated)}</lastmod></url>"
                   for a in arts)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + urls + "</urlset>")


def _page(lang: str, title: str, main: str, ctx: Ctx, head_extra: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)} | IPGirl</title>'
            f'<meta property="og:type" content="website">{head_extra}</head><body>\n'
            f"{noise.site_header(lang)}\n<main>{main}</main>\n{noise.tail(lang, ctx.alt_base)}")


def _teaser_href(a: Article, seed: int, salt: int, utm_share: float) -> str:
    r = random.Random(seed * 7919 + a.id * 31 + salt).random()
    if r < utm_share:
        return a.path + "?utm_source=home&utm_medium=web"
    if r < utm_share + 0.07:
        return f"/{a.lang}/article/{a.id}"
    if r < utm_share + 0.15:
        return a.path + "#comments"
    return a.path


def _teasers(arts: list[Article], site: Site, salt: int, utm_share: float) -> str:
    items = "".join(
        f'<li class="teaser"><a class="teaser-cat" href="/{a.lang}/category/{a.category}/">'
        f"{_e(CATEGORY_NAMES[a.category][a.lang])}</a> <h2><a href=\"{_e(_teaser_href(a, site.seed, salt, utm_share))}\">"
        f"{_e(a.title)}</a></h2><p>{_e(a.summary_text)}</p></li>" for a in arts)
    return f'<ul class="teasers">{items}</ul>'


def home(site: Site, ctx: Ctx, lang: str) -> str:
    latest = site.newest[lang][:HOME_SIZE]
    cats = "".join(f'<li><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>' for c in CATEGORIES)
    dead = f"/{lang}/ai/49999-{slugify(corpus.SUBJECTS['en'][0])}"
    main = (f"<h1>IPGirl</h1>{_teasers(latest, site, 1, 0.4)}<section class=\"categories\"><h2>"
            f"{_e(UI[lang]['discover'])}</h2><ul>{cats}</ul></section>"
            f'<aside class="social"><a href="https://twitter.com/ipgirl">Twitter</a> '
            f'<a href="https://www.facebook.com/ipgirl">Facebook</a> <a href="mailto:contact@ipgirl.com">Email</a> '
            f'<a href="{ctx.alt_base}/{lang}/">Mirror</a> <a href="{dead}">Archive</a> '
            f'<a href="/{lang}/search?q=ai">Popular searches</a></aside>')
    return _page(lang, UI[lang]["home"], main, ctx, f'<link rel="canonical" href="{ctx.base}/{lang}/">')


def n_pages(site: Site, lang: str, cat: str) -> int:
    return max(1, -(-len(site.listing[(lang, cat)]) // PAGE_SIZE))


def _page_url(lang: str, cat: str, n: int) -> str:
    return f"/{lang}/category/{cat}/" + (f"?page={n}" if n > 1 else "")


def _pager(lang: str, cat: str, page: int, last: int) -> str:
    links = []
    if page > 1:
        links.append(f'<a rel="prev" href="{_page_url(lang, cat, page - 1)}">‹</a>')
    shown = sorted({1, last, *range(max(1, page - 2), min(last, page + 2) + 1)})
    links += [f"<span>{n}</span>" if n == page else f'<a href="{_page_url(lang, cat, n)}">{n}</a>' for n in shown]
    if page < last:
        links.append(f'<a rel="next" href="{_page_url(lang, cat, page + 1)}">›</a>')
    return '<nav class="pager">' + " ".join(links) + "</nav>"


def category(site: Site, ctx: Ctx, lang: str, cat: str, page: int) -> str | None:
    last = n_pages(site, lang, cat)
    if not 1 <= page <= last:
        return None
    arts = site.listing[(lang, cat)][(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    head = f'<link rel="canonical" href="{ctx.base}{_page_url(lang, cat, page)}">'
    if page > 1:
        head += f'<link rel="prev" href="{ctx.base}{_page_url(lang, cat, page - 1)}">'
    if page < last:
        head += f'<link rel="next" href="{ctx.base}{_page_url(lang, cat, page + 1)}">'
    name = CATEGORY_NAMES[cat][lang]
    main = f"<h1>{_e(name)}</h1>{_teasers(arts, site, page, 0.15)}{_pager(lang, cat, page, last)}"
    return _page(lang, name, main, ctx, head)


def search(site: Site, ctx: Ctx, lang: str, query: str, page: int) -> str:
    """Endless result pages: always a next page."""
    pool = site.newest[lang]
    rng = random.Random(zlib.crc32(f"{lang}|{query}|{page}".encode("utf-8")))
    arts = rng.sample(pool, min(PAGE_SIZE, len(pool)))
    q = _e(query)
    links = "".join(f'<li><a href="{a.path}">{_e(a.title)}</a></li>' for a in arts)
    main = (f"<h1>Search: {q}</h1><ul class=\"results\">{links}</ul>"
            f'<nav class="pager"><a rel="next" href="/{lang}/search?q={q}&amp;page={page + 1}">›</a></nav>')
    return _page(lang, f"Search: {query}", main, ctx, '<meta name="robots" content="noindex">')


def _list_page(lang: str, title: str, paras: list[str], arts: list[Article], ctx: Ctx, path: str) -> str:
    text = "".join(f"<p>{_e(p)}</p>" for p in paras)
    links = "".join(f'<li><a href="{a.path}">{_e(a.title)}</a></li>' for a in arts)
    main = f"<h1>{_e(title)}</h1>{text}<ul>{links}</ul>"
    head = f'<meta name="description" content="{_e(paras[0])}"><link rel="canonical" href="{ctx.base}{path}">'
    return _page(lang, title, main, ctx, head)


def author(site: Site, ctx: Ctx, lang: str, slug: str) -> str | None:
    names = corpus.AUTHORS[lang]
    idx = next((i for i, n in enumerate(names) if (slugify(n) or f"author-{lang}-{i}") == slug), None)
    if idx is None:
        return None
    arts = site.authors_index.get((lang, idx), [])[:20]
    paras = [f"{names[idx]} writes about AI, chips and robots for IPGirl.", corpus.SENTENCES[lang][idx]]
    return _list_page(lang, names[idx], paras, arts, ctx, f"/{lang}/author/{slug}/")


def tag(site: Site, ctx: Ctx, lang: str, slug: str) -> str | None:
    tags = corpus.TAGS[lang]
    idx = next((i for i, t in enumerate(tags) if (slugify(t) or f"tag-{i}") == slug), None)
    if idx is None:
        return None
    arts: list[Article] = []
    for a in site.newest[lang]:
        if idx in a.tags:
            arts.append(a)
            if len(arts) == 20:
                break
    paras = [f"Articles tagged “{tags[idx]}”.", corpus.SENTENCES[lang][idx]]
    return _list_page(lang, tags[idx], paras, arts, ctx, f"/{lang}/tag/{slug}/")


def static(site: Site, ctx: Ctx, lang: str, name: str) -> str:
    title, paras = corpus.STATIC_PAGES[name]
    updated = iso_local(site.now)
    main = (f"<h1>{_e(title)}</h1>" + "".join(f"<p>{_e(p)}</p>" for p in paras)
            + f'<p>Last updated: <time datetime="{updated}">{site.now:%Y-%m-%d}</time></p>')
    head = f'<meta name="description" content="{_e(paras[0])}"><meta name="author" content="IPGirl">'
    return _page(lang, title, main, ctx, head)


def root(ctx: Ctx) -> str:
    links = "".join(f'<li><a href="/{lang}/">{lang.upper()}</a></li>' for lang in LANGS)
    return _page("en", "IPGirl", f"<h1>IPGirl</h1><ul>{links}</ul>", ctx)


def not_found(ctx: Ctx, lang: str = "en") -> str:
    main = "<h1>Page not found</h1><p>The page you requested does not exist or was removed.</p>"
    return _page(lang if lang in LANGS else "en", "Page not found", main, ctx)
