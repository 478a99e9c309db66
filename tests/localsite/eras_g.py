"""Era G: an HTML5 semantic, "AMP-like" mobile template (opt-in).

<html amp>, <amp-img>/<amp-sidebar>/<amp-ad>/<amp-social-share> custom elements, few classes. The
story is an <article>: a <header> with the h1, the summary as <p class="dek">, the byline as
<address>By <a rel=author>…</a></address> followed by <time> (datetime a full instant, a day only
"2023-07-04", or absent: only the visible date or "3 days ago"). The body has no container: the
intro paragraphs are children of <article>, then one <section> per h2; figures as
<figure><picture><source srcset><img></picture><figcaption>, "Read also" as an <aside>, the notice the
last paragraph of the last section. The article's <footer> holds the tags (an <h3> label + <ul
class="tags">), the share label + <amp-social-share> and the votes in <details><summary>. "Discover
more" is a <nav aria-label> or <section> with an h2 and an <ol> of <li><article> cards.
"""
from __future__ import annotations

import json
import random
from html import escape

from .eras import Ctx, _card_href, _ellipsis, _links_head, _names_html, _read_also_href, _text, _vote_line
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, UI, YES_NO, format_date, format_relative, iso_local, iso_utc
from .view import ArticleView, Item

AMP_BOILERPLATE = (
    "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
    "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}"
    "to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;"
    "animation:none}</style></noscript>")
AMP_CSS = ("<style amp-custom>body{font:16px/1.5 system-ui,sans-serif;margin:0}article{padding:0 16px}"
           ".dek{font-size:1.15rem;color:#444}address{font-style:normal;display:inline}"
           "figure{margin:0}figcaption{font-size:.8rem;color:#666}ul.tags{list-style:none;padding:0}"
           "ul.tags li{display:inline-block;margin-right:8px}amp-ad{margin:16px auto}</style>")


def _e(text: str) -> str:
    return escape(text, quote=True)


# ---------------------------------------------------------------- head and site chrome
def _g_jsonld(v: ArticleView, ctx: Ctx) -> str:
    a = v.a
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "datePublished": iso_local(a.published), "author": [{"@type": "Person", "name": n} for n, _ in v.authors],
            "mainEntityOfPage": {"@type": "WebPage", "@id": ctx.base + a.path},
            "image": [ctx.base + im.src for im in v.images()] or [f"{ctx.base}/static/img/logo.png"]}
    if a.modified:
        data["dateModified"] = iso_local(a.modified)
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>\n'


def _g_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    ld = _g_jsonld(v, ctx) if a.date_mode == "machine" and rng.random() < 0.5 else ""
    return (f'<!doctype html>\n<html amp lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
            '<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>\n'
            '<script async custom-element="amp-sidebar" '
            'src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>\n'
            '<script async custom-element="amp-social-share" '
            'src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>\n'
            f"<title>{_e(a.title)} – IPGirl</title>\n"
            '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
            f'<meta name="description" content="{_e(a.summary_text)}">\n'
            f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
            f"{_links_head(v, ctx)}\n{ld}{AMP_BOILERPLATE}\n{AMP_CSS}\n</head>\n")


def _g_top(v: ArticleView) -> str:
    lang = v.lang
    cats = "".join(f'<li><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>' for c in CATEGORIES)
    langs = " ".join(f'<a href="/{x}/" hreflang="{x}">{x.upper()}</a>' for x in LANGS)
    return (f"<body>\n<header>\n<a href=\"/{lang}/\"><amp-img src=\"/static/img/logo.png\" width=\"120\" height=\"30\" "
            'alt="IPGirl"></amp-img></a>\n<button on="tap:menu.toggle" aria-label="Menu">☰</button>\n</header>\n'
            f'<amp-sidebar id="menu" layout="nodisplay" side="left">\n<nav><ul>{cats}</ul></nav>\n'
            f"<p>{langs}</p>\n</amp-sidebar>\n")


def _g_crumbs(v: ArticleView) -> str:
    a = v.a
    return (f'<nav aria-label="breadcrumb"><ol><li><a href="/{a.lang}/">{_e(v.ui["home"])}</a></li>'
            f'<li><a href="/{a.lang}/category/{a.category}/">{_e(v.category_name)}</a></li></ol></nav>\n')


# ---------------------------------------------------------------- the article header
def _g_time(v: ArticleView, when, shown: str, style: str) -> str:
    """<time>: datetime a local instant, a UTC instant, a day only ("day"), or none ("none")."""
    if style == "local":
        return f'<time datetime="{iso_local(when)}">{shown}</time>'
    if style == "utc":
        return f'<time datetime="{iso_utc(when)}">{shown}</time>'
    if style == "day":
        return f'<time datetime="{when:%Y-%m-%d}">{shown}</time>'
    return f"<time>{shown}</time>"


def _g_header(v: ArticleView, rng: random.Random) -> str:
    a, lang = v.a, v.byline_lang
    names = _names_html(v, True).replace("<a ", '<a rel="author" ')
    if a.date_mode == "machine":
        style = rng.choice(("local", "utc"))
    else:  # a visible date: a day-only datetime or none; "3 days ago": none
        style = rng.choice(("day", "none")) if a.date_mode == "visible" else "none"
    shown = format_relative(a.rel_days, lang) if a.date_mode == "relative" else format_date(a.published, lang)
    when = _g_time(v, a.published, shown, style)
    if a.modified:
        when += (f' · <span>{_e(UI[lang]["updated"])} '
                 f'{_g_time(v, a.modified, format_date(a.modified, lang), style)}</span>')
    dates = f"<p>{when}</p>" if rng.random() < 0.5 else when
    return (f"<article>\n<header>\n<h1>{_e(a.title)}</h1>\n<p class=\"dek\">{_e(a.summary_text)}</p>\n"
            f'<address>{_e(UI[lang]["by"])} {names}</address>\n{dates}\n</header>\n')


# ---------------------------------------------------------------- the body
def _g_figure(it: Item) -> str:
    im = it.image
    assert im is not None
    cap = f"<figcaption>{_e(im.caption)}</figcaption>" if im.caption else ""
    small = f"{im.src}?w=640"
    return (f'<figure><picture><source media="(max-width: 640px)" srcset="{small} 640w, {im.src}?w=960 960w">'
            f'<img src="{im.src}" alt="{_e(im.alt)}" width="1200" height="800" loading="lazy" decoding="async">'
            f"</picture>{cap}</figure>")


def _g_ad(rng: random.Random) -> str:
    slot = rng.randint(1000, 9999)
    return (f'<amp-ad width="300" height="250" layout="fixed" type="adsense" data-ad-client="ca-pub-123" '
            f'data-ad-slot="{slot}"><div placeholder></div><div fallback></div></amp-ad>')


def _g_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random) -> str:
    k = it.kind
    if k == "p":
        return f"<p>{_text(v, it, rng, 'G')}</p>"
    if k in ("h2", "h3"):
        return f"<{k}>{_e(it.texts[0])}</{k}>"
    if k in ("ul", "ol"):
        return f"<{k}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{k}>"
    if k == "quote":
        return f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>"
    if k == "figure":
        return _g_figure(it)
    if k == "read_also":
        label, title = _e(v.ui["read_also"]), _e(v.read_also.title)  # type: ignore[union-attr]
        link = f'<a href="{_read_also_href(v, ctx, rng)}">{title}</a>'
        return rng.choice((f"<aside><p><strong>{label}</strong> {link}</p></aside>",
                           f"<aside><strong>{label}</strong> {link}</aside>"))
    return _g_ad(rng)


def _g_body(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    """Intro blocks straight in <article>, then one <section> per h2; the notice ends the last one."""
    out, open_section, n = [], False, 0
    for it in v.items():
        if it.kind == "h2":
            n += 1
            if open_section:
                out.append("</section>")
            labelled = rng.random() < 0.5
            out.append(f'<section aria-labelledby="s{n}">' if labelled else "<section>")
            out.append(f'<h2 id="s{n}">{_e(it.texts[0])}</h2>' if labelled else f"<h2>{_e(it.texts[0])}</h2>")
            open_section = True
            continue
        out.append(_g_item(v, it, ctx, rng))
    if v.notice:
        out.append(rng.choice(("<p>{}</p>", "<p><small>{}</small></p>")).format(_e(v.notice)))
    if open_section:
        out.append("</section>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- after the body
def _g_footer(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, ui, lang, out = v.a, v.ui, v.lang, ["<footer>"]
    if v.tags:
        items = "".join(f'<li><a href="/{lang}/tag/{slug}/">{_e(t)}</a></li>' for t, slug in v.tags)
        out.append(f'<h3>{_e(ui["tags"])}</h3>\n<ul class="tags">{items}</ul>')
    url = ctx.base + a.path
    shares = "".join(f'<amp-social-share type="{kind}" width="40" height="40" data-param-url="{url}">'
                     "</amp-social-share>" for kind in ("twitter", "facebook", "linkedin"))
    mail = f'<a href="mailto:?subject=IPGirl&amp;body={url}">E-mail</a>'
    out.append(f'<div><p>{_e(ui["share"])}</p>{shares} {mail}</div>')
    if a.votes is not None:
        yes, no = YES_NO[a.ui_lang]
        opened = " open" if rng.random() < 0.5 else ""
        out.append(f'<details{opened}><summary>{_e(ui["helpful_q"])}</summary>'
                   f'<p><button type="button" on="tap:AMP.setState({{v:1}})">{yes}</button> '
                   f'<button type="button" on="tap:AMP.setState({{v:0}})">{no}</button></p>'
                   f"<p>{_vote_line(v, rng)}</p></details>")
    out.append("</footer>\n</article>\n")
    return "\n".join(out)


def _g_discover(v: ArticleView, rng: random.Random) -> str:
    label = _e(v.ui["discover"])
    cards = []
    for c in v.cards():
        cat = _e(c.cat_name)
        if rng.random() < 0.5:
            cat = f'<a href="/{v.lang}/category/{c.cat_slug}/">{cat}</a>'
        cards.append(f'<li><article><p>{cat}</p><h3><a href="{_card_href(c, rng)}">{_e(c.title)}</a></h3>'
                     f"<p>{_e(c.snippet)}{_ellipsis(c, rng, v)}</p></article></li>")
    inner = f"<h2>{label}</h2>\n<ol>\n" + "\n".join(cards) + "\n</ol>"
    if rng.random() < 0.5:
        return f'<nav aria-label="{label}">\n{inner}\n</nav>\n'
    return f"<section>\n{inner}\n</section>\n"


def render_g(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    lang = v.lang
    return (_g_head(v, ctx, rng) + _g_top(v) + "<main>\n" + _g_crumbs(v) + _g_header(v, rng)
            + _g_body(v, ctx, rng) + _g_footer(v, ctx, rng) + _g_discover(v, rng) + "</main>\n"
            f'<footer><p><a href="/{lang}/about">About</a> · <a href="/{lang}/contact">Contact</a> · '
            f'<a href="/{lang}/privacy">Privacy</a> · <a href="{ctx.alt_base}/{lang}/">Mirror</a></p>'
            "<p>© 2026 IPGirl</p></footer>\n"
            '<amp-analytics type="gtag" data-credentials="include"><script type="application/json">'
            '{"vars": {"gtag_id": "G-IPG123"}}</script></amp-analytics>\n</body>\n</html>\n')
