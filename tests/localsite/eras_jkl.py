"""Eras J, K and L (opt-in): three designs written from the failure classes of issue 10, not from
the parser. Each shows exactly what ArticleView holds, so the expected items need no change.

J: a 2010s news CMS without labels. Byline "names — visible date" (no "By", no <time>, names in
   <meta name="author">), tags a plain row of links to /{lang}/tag/… after a category link, related
   cards each ONE link around category, title and snippet, card links with fbclid/gclid/ref.
K: a schema-first magazine. Authors only as plain names under the title and in JSON-LD @graph
   Person nodes referenced by @id; a kicker category link above the h1; a date line of its own
   (<time> + reading time) after the names; tags behind a screen-reader-only heading; "Read also"
   a callout of two blocks (label, then the link); cards <article> with mc_cid/mc_eid/ref links.
L: a 2020 WordPress theme. rel=author byline with a "|" and a visible date; a category link with
   rel="category tag"; tags a comma list of plain text behind a screen-reader label; cards one link
   with igshid/ref; breadcrumbs a plain text trail with links.
"""
from __future__ import annotations

import json
import random
from html import escape

from .eras import Ctx, _ellipsis, _figure, _links_head, _read_also_href, _text, _vote_line
from .fmt import (
    CATEGORIES,
    CATEGORY_NAMES,
    READING_TIME,
    UI,
    YES_NO,
    format_date,
    format_relative,
    iso_local,
    join_names,
)
from .view import ArticleView, Card

TRACKERS = ("fbclid=IwAR0x{n}", "gclid=Cj0KCQ{n}", "ref=related", "mc_cid={n}ab&mc_eid=9f{n}", "igshid=MzRl{n}",
            "ref=discover&fbclid=IwZX{n}")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _tracked(path: str, rng: random.Random) -> str:
    """A card link as social and mail tools leave it: tracking parameters other than utm_*."""
    if rng.random() < 0.5:
        return path
    return f"{path}?{rng.choice(TRACKERS).format(n=rng.randint(100, 999))}".replace("&", "&amp;")


def _visible_date(v: ArticleView) -> str:
    """The visible publication date, and the update's after it, labelled as on the site."""
    shown = (format_relative(v.a.rel_days, v.byline_lang) if v.a.date_mode == "relative"
             else format_date(v.a.published, v.byline_lang))
    if v.a.modified:
        shown += f" · {UI[v.byline_lang]['updated']} {format_date(v.a.modified, v.byline_lang)}"
    return shown


def _head(v: ArticleView, ctx: Ctx, extra: str = "", author_meta: bool = True) -> str:
    a = v.a
    author = f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n' if author_meta else ""
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{_e(a.title)} | IPGirl</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f"{author}{_links_head(v, ctx)}\n{extra}</head>\n")


def _menu(v: ArticleView, wrapper: str) -> str:
    items = "".join(f'<li><a href="/{v.lang}/category/{c}/">{_e(CATEGORY_NAMES[c][v.lang])}</a></li>' for c in CATEGORIES)
    return f'<{wrapper}><a href="/{v.lang}/">IPGirl</a><ul>{items}</ul></{wrapper}>\n'


def _plain_body(v: ArticleView, ctx: Ctx, rng: random.Random, era: str, read_also) -> list[str]:
    out = []
    for it in v.items():
        if it.kind == "p":
            out.append(f"<p>{_text(v, it, rng, era)}</p>")
        elif it.kind in ("h2", "h3"):
            out.append(f"<{it.kind}>{_e(it.texts[0])}</{it.kind}>")
        elif it.kind in ("ul", "ol"):
            out.append(f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>")
        elif it.kind == "quote":
            out.append(f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>")
        elif it.kind == "figure":
            out.append(_figure(it))
        elif it.kind == "read_also":
            out.append(read_also(v, ctx, rng))
        else:
            out.append('<div class="adv-wrap"><ins class="adsbygoogle" data-ad-slot="42"></ins>'
                       "<script>(adsbygoogle=window.adsbygoogle||[]).push({});</script></div>")
    if v.notice:
        out.append(f"<p>{_e(v.notice)}</p>")
    return out


def _votes(v: ArticleView, rng: random.Random, question_tag: str) -> str:
    if v.a.votes is None:
        return ""
    yes, no = YES_NO[v.a.ui_lang]
    return (f'<div class="fb"><{question_tag}>{_e(v.ui["helpful_q"])}</{question_tag}>'
            f"<button>{yes}</button> <button>{no}</button><p>{_vote_line(v, rng)}</p></div>\n")


def _share(v: ArticleView, ctx: Ctx) -> str:
    url = ctx.base + v.a.path
    return (f'<div class="sh"><span>{_e(v.ui["share"])}</span> <a href="https://twitter.com/intent/tweet?url={url}">X</a> '
            f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a></div>\n')


def _footer(v: ArticleView) -> str:
    lang = v.lang
    return (f'<footer><a href="/{lang}/about">About</a> <a href="/{lang}/contact">Contact</a> '
            f'<a href="/{lang}/privacy">Privacy</a><p>© 2026 IPGirl</p></footer>\n</body>\n</html>\n')


def _one_link_card(c: Card, v: ArticleView, rng: random.Random, tags: tuple[str, str, str]) -> str:
    """The whole card is one link: category, title, snippet inside it."""
    cat_tag, title_tag, snippet_tag = tags
    return (f'<a href="{_tracked(c.path, rng)}"><{cat_tag}>{_e(c.cat_name)}</{cat_tag}> '
            f"<{title_tag}>{_e(c.title)}</{title_tag}> "
            f"<{snippet_tag}>{_e(c.snippet)}{_ellipsis(c, rng, v)}</{snippet_tag}></a>")


# ---------------------------------------------------------------- era J
def _j_read_also(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    return f'<p><em>{_e(v.ui["read_also"])}</em> <a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></p>'


def render_j(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang = v.a, v.lang
    names = _e(join_names([n for n, _ in v.authors], v.byline_lang))
    dash = rng.choice((" — ", " – ", " | "))
    crumbs = (f'<div class="path"><a href="/{lang}/">{_e(v.ui["home"])}</a> / '
              f'<a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></div>')
    tags = ", ".join(f'<a href="/{lang}/tag/{slug}/">{_e(t)}</a>' for t, slug in v.tags)
    labels = (f'<div class="labels"><a class="cat" href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a>'
              f"{' ' + tags if tags else ''}</div>\n")
    cards = "".join(f"<li>{_one_link_card(c, v, rng, ('span', 'strong', 'span'))}</li>" for c in v.cards())
    discover = f'<div class="more"><h2>{_e(v.ui["discover"])}</h2><ul>{cards}</ul></div>\n' if cards else ""
    return (_head(v, ctx) + "<body>\n" + _menu(v, "div") + '<div class="page"><div class="story">\n' + crumbs
            + f"\n<h1>{_e(a.title)}</h1>\n<p class=\"lede\">{_e(a.summary_text)}</p>\n"
            + f'<div class="info"><span>{names}</span>{dash}<span>{_e(_visible_date(v))}</span></div>\n'
            + '<div class="txt">\n' + "\n".join(_plain_body(v, ctx, rng, "J", _j_read_also)) + "\n</div>\n"
            + labels + _share(v, ctx) + _votes(v, rng, "p") + "</div>\n" + discover + "</div>\n" + _footer(v))


# ---------------------------------------------------------------- era K
def _k_jsonld(v: ArticleView, ctx: Ctx) -> str:
    a = v.a
    people = [{"@type": "Person", "@id": f"{ctx.base}/#/schema/person/{slug}", "name": n} for n, slug in v.authors]
    article = {"@type": "NewsArticle", "@id": f"{ctx.base}{a.path}#article", "headline": a.title,
               "author": [{"@id": p["@id"]} for p in people], "isPartOf": {"@id": f"{ctx.base}/#website"}}
    if a.date_mode == "machine":
        article["datePublished"] = iso_local(a.published)
    if a.modified and a.date_mode == "machine":
        article["dateModified"] = iso_local(a.modified)
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": f"{ctx.base}/#website", "name": "IPGirl"}, article, *people]}
    return f'<script type="application/ld+json">{json.dumps(graph, ensure_ascii=False)}</script>\n'


def _k_read_also(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    label = v.ui["read_also"].rstrip(" :：")
    return (f'<div class="callout" role="note"><p class="callout-label">{_e(label)}</p>'
            f'<p><a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></p></div>')


def _k_card(c: Card, v: ArticleView, rng: random.Random) -> str:
    return (f'<article class="tile"><a class="tile-cat" href="/{v.lang}/category/{c.cat_slug}/">{_e(c.cat_name)}</a>'
            f'<a href="{_tracked(c.path, rng)}"><h3>{_e(c.title)}</h3></a>'
            f"<div>{_e(c.snippet)}{_ellipsis(c, rng, v)}</div></article>")


def render_k(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang = v.a, v.lang
    names = _e(join_names([n for n, _ in v.authors], v.byline_lang))
    def stamp(when) -> str:  # the seed article shows only a day: no instant to put in datetime
        machine = f' datetime="{iso_local(when)}"' if a.date_mode == "machine" else ""
        return f"<time{machine}>{_e(format_date(when, v.byline_lang))}</time>"

    when = stamp(a.published)
    if a.modified:
        when += f' <span>({_e(UI[v.byline_lang]["updated"])} {stamp(a.modified)})</span>'
    minutes = READING_TIME[lang].format(n=rng.randint(2, 9))
    crumbs = (f'<nav aria-label="breadcrumb"><ol><li><a href="/{lang}/">{_e(v.ui["home"])}</a></li>'
              f'<li><a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></li></ol></nav>')
    tags = "".join(f'<li><a href="/{lang}/tag/{slug}/">#{_e(t)}</a></li>' for t, slug in v.tags)
    tag_block = (f'<section class="topics"><h2 class="sr-only">{_e(v.ui["tags"].rstrip(" :："))}</h2>'
                 f"<ul>{tags}</ul></section>\n") if tags else ""
    cards = "".join(_k_card(c, v, rng) for c in v.cards())
    discover = f'<section class="next"><h2>{_e(v.ui["discover"])}</h2><div class="grid">{cards}</div></section>\n' if cards else ""
    return (_head(v, ctx, _k_jsonld(v, ctx), author_meta=False) + "<body>\n" + _menu(v, "nav") + "<main>\n" + crumbs
            + f'\n<div class="hero"><a class="kicker" href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a>'
            + f"<h1>{_e(a.title)}</h1><p class=\"standfirst\">{_e(a.summary_text)}</p></div>\n"
            + f'<div class="people"><p>{names}</p></div>\n<div class="when"><p>{when} · {_e(minutes)}</p></div>\n'
            + '<div class="prose">\n' + "\n".join(_plain_body(v, ctx, rng, "K", _k_read_also)) + "\n</div>\n"
            + tag_block + _share(v, ctx) + _votes(v, rng, "h3") + discover + "</main>\n" + _footer(v))


# ---------------------------------------------------------------- era L
def _l_read_also(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    return (f'<p class="wp-block-related"><span>{_e(v.ui["read_also"])}</span> '
            f'<a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></p>')


def render_l(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang = v.a, v.lang
    names = join_names([f'<a rel="author" href="/{lang}/author/{slug}/">{_e(n)}</a>' for n, slug in v.authors],
                       v.byline_lang)
    crumbs = (f'<div class="crumbs"><a href="/{lang}/">{_e(v.ui["home"])}</a> » '
              f'<a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></div>')
    cats = (f'<div class="entry-cats"><a href="/{lang}/category/{a.category}/" rel="category tag">'
            f"{_e(v.category_name)}</a></div>\n")
    tag_text = ", ".join(_e(t) for t, _ in v.tags)
    tags = (f'<div class="entry-tags"><span class="screen-reader-text">{_e(v.ui["tags"])}</span> {tag_text}</div>\n'
            if tag_text else "")
    cards = "".join(f'<div class="rp">{_one_link_card(c, v, rng, ("small", "h4", "p"))}</div>' for c in v.cards())
    discover = f'<div class="related-posts"><h3>{_e(v.ui["discover"])}</h3>{cards}</div>\n' if cards else ""
    return (_head(v, ctx, author_meta=rng.random() < 0.5) + '<body class="single">\n' + _menu(v, "header")
            + '<div id="primary"><article class="post">\n' + crumbs + cats
            + f'<h1 class="entry-title">{_e(a.title)}</h1>\n<div class="excerpt"><p>{_e(a.summary_text)}</p></div>\n'
            + f'<div class="entry-meta">{names} <span class="sep">|</span> <span>{_e(_visible_date(v))}</span></div>\n'
            + '<div class="entry-content">\n' + "\n".join(_plain_body(v, ctx, rng, "L", _l_read_also)) + "\n</div>\n"
            + tags + _share(v, ctx) + _votes(v, rng, "h4") + "</article>\n" + discover + "</div>\n" + _footer(v))


def render_jkl(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    return {"J": render_j, "K": render_k, "L": render_l}[v.a.era](v, ctx, rng)
