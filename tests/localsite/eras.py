"""Article page templates, one per era.

A: current template (fixtures/pages/article-A-*/)   B: later redesign (article-B-de/)
C: plain legacy markup (no classes, no JSON-LD, no <time>)   D: C served in a legacy encoding
E: ~2000s table soup, F: ~2010s div soup with microdata (eras_e.py, eras_f.py)
G: HTML5 semantic / AMP-like (eras_g.py), H: A or B with hashed classes (eras_h.py),
I: XHTML 1.0 Strict blog engine (eras_i.py); dispatch in eras_new.py
"""
from __future__ import annotations

import importlib
import json
import random
from dataclasses import dataclass
from html import escape

from . import noise
from .fmt import (
    CATEGORIES,
    CATEGORY_NAMES,
    LEGACY_ENCODING,
    READING_TIME,
    TEXT_JOIN,
    UI,
    YES_NO,
    format_date,
    format_relative,
    format_votes,
    iso_local,
    join_names,
    word_count,
)
from .view import ArticleView, Card, Item


@dataclass(frozen=True, slots=True)
class Ctx:
    base: str        # http://127.0.0.1:PORT
    alt_base: str    # same server under another host name (http://localhost:PORT)


# Opt-in and held-out templates in their own modules (they import this one's helpers, so they are
# imported when first used): era -> (module, function); each answers in UTF-8.
UTF8_TEMPLATES: dict[str, tuple[str, str]] = {
    **dict.fromkeys("JKL", ("eras_jkl", "render_jkl")),  # issue 10's failure classes
    "M": ("eras_m", "render_m"),  # client-side rendering, the article in a JSON state blob
    # Held-out, written blind by someone who had not read the parser:
    **dict.fromkeys("NO", ("eras_no", "render_no")),  # Next.js/Tailwind; web components
    **dict.fromkeys("PQR", ("eras_pqr", "render_pqr")),  # declarative shadow DOM; WordPress; Ghost-like
    "S": ("eras_s", "render_s"),  # a help-center / knowledge-base page
    "T": ("eras_t", "render_t"),  # a big news publisher's CMS page
    "U": ("eras_u", "render_u"),  # a documentation platform's doc page
    "V": ("eras_v", "render_v"),  # a componentised news story page
    "W": ("eras_w", "render_w"),  # an email newsletter issue's "view in browser" page
    "X": ("eras_x", "render_x"),  # a no-code site builder's dynamic page
    **dict.fromkeys("YZ", ("eras_yz", "render_yz")),  # a Notion-like published page; a Discourse-like topic
    "AA": ("eras_aa", "render_aa"),  # a classic Blogger / Blogspot post page
    "AB": ("eras_ab", "render_ab"),  # a Medium publication post (era names go on in two letters after Z)
    "AC": ("eras_ac", "render_ac"),  # the publication run as a wiki (MediaWiki, Vector 2022 / legacy Vector)
}


def render_article(v: ArticleView, ctx: Ctx) -> tuple[str, str]:
    """(html text, declared charset) of the article page."""
    rng = random.Random(v.site.seed * 1_000_003 + v.a.id)
    if v.a.era in ("E", "F"):
        from .eras_e import render_old  # older, plainer templates (imports this module's helpers)
        return render_old(v, ctx, rng)
    if v.a.era in ("G", "H", "I"):
        from .eras_new import render_new  # opt-in templates G, H, I
        return render_new(v, ctx, rng)
    if v.a.era in UTF8_TEMPLATES:
        module, function = UTF8_TEMPLATES[v.a.era]
        return getattr(importlib.import_module(f".{module}", __package__), function)(v, ctx, rng), "utf-8"
    if v.a.era == "A":
        return render_a(v, ctx, rng), "utf-8"
    if v.a.era == "B":
        return render_b(v, ctx, rng), "utf-8"
    charset = "utf-8" if v.a.era == "C" else rng.choice(LEGACY_ENCODING[v.lang][1])
    return render_c(v, ctx, rng, charset), charset


# ---------------------------------------------------------------- helpers
def _e(text: str) -> str:
    return escape(text, quote=True)


def _links_head(v: ArticleView, ctx: Ctx) -> str:
    out = [f'<link rel="canonical" href="{ctx.base}{v.a.path}">']
    out += [f'<link rel="alternate" hreflang="{hl}" href="{ctx.base}{p}">' for hl, p in v.hreflangs()]
    return "\n".join(out)


def _names_html(v: ArticleView, linked: bool) -> str:
    names = [(f'<a href="/{v.lang}/author/{slug}/">{_e(n)}</a>' if linked else _e(n)) for n, slug in v.authors]
    return join_names(names, v.byline_lang)


def _visible_published(v: ArticleView) -> str:
    if v.a.date_mode == "relative":
        return format_relative(v.a.rel_days, v.byline_lang)
    return format_date(v.a.published, v.byline_lang)


def _text(v: ArticleView, it: Item, rng: random.Random, era: str) -> str:
    """Paragraph HTML: sentences, sometimes one wrapped in <strong>/<a>, NBSP/newline noise."""
    parts = [_e(s) for s in it.texts]
    if len(parts) > 1 and rng.random() < 0.25:
        k = rng.randrange(1, len(parts))
        target = v.cards()[0].path if v.a.related else f"/{v.lang}/"
        parts[k] = rng.choice((f"<strong>{parts[k]}</strong>", f'<a href="{target}#comments">{parts[k]}</a>'))
    join = TEXT_JOIN[v.lang]
    if era in ("C", "D") and join and rng.random() < 0.4:
        join = "\n  "
    html = join.join(parts)
    if v.lang == "fr" and not v.a.custom and rng.random() < 0.5:
        html = html.replace(" :", "&nbsp;:").replace(" ?", "&#160;?")
    return html


def _read_also_href(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    t = v.read_also
    assert t is not None
    return rng.choices((t.path, f"/{t.lang}/article/{t.id}", ctx.alt_base + t.path,
                        t.path + "?utm_source=readalso&amp;utm_medium=web"), weights=(55, 25, 10, 10))[0]


def _figure(it: Item) -> str:
    im = it.image
    assert im is not None
    cap = f"<figcaption>{_e(im.caption)}</figcaption>" if im.caption else ""
    return f'<figure><img src="{im.src}" alt="{_e(im.alt)}">{cap}</figure>'


def _item_html(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, era: str) -> str:
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, era)}</p>"
    if it.kind in ("h2", "h3"):
        return f"<{it.kind}>{_e(it.texts[0])}</{it.kind}>"
    if it.kind in ("ul", "ol"):
        return f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        q = _e(it.texts[0])
        return f"<blockquote><p>{q}</p></blockquote>" if era in ("A", "B") else f"<blockquote>{q}</blockquote>"
    if it.kind == "figure":
        return _figure(it)
    if it.kind == "read_also":
        label, title = _e(v.ui["read_also"]), _e(v.read_also.title)  # type: ignore[union-attr]
        tag = "b" if era in ("C", "D") else "strong"
        cls = "" if era in ("C", "D") else ' class="read-also"'
        return f'<p{cls}><{tag}>{label}</{tag}> <a href="{_read_also_href(v, ctx, rng)}">{title}</a></p>'
    if era in ("C", "D"):
        return ('<div align="center"><script type="text/javascript">document.write(\'<iframe '
                'src="https://ads.example.net/banner?slot=7" width="468" height="60"></iframe>\');</script></div>')
    return noise.AD_SLOT


def _body(v: ArticleView, ctx: Ctx, rng: random.Random, era: str) -> str:
    return "\n".join(_item_html(v, it, ctx, rng, era) for it in v.items())


def _ellipsis(c: Card, rng: random.Random, v: ArticleView) -> str:
    if not c.truncated:
        return ""
    if v.a.custom:
        return "..."
    return rng.choice(("...", "…")) if v.sep("…", "...") == "…" else "..."


def _card_href(c: Card, rng: random.Random) -> str:
    return c.path + "?utm_source=related&amp;utm_medium=web" if rng.random() < 0.1 else c.path


def _vote_line(v: ArticleView, rng: random.Random) -> str:
    yes, total = v.a.votes  # type: ignore[misc]
    variant = 0 if v.a.era == "D" else rng.randrange(2)
    return _e(format_votes(yes, total, v.a.ui_lang, variant))


def _share_links(v: ArticleView, ctx: Ctx) -> str:
    url = ctx.base + v.a.path
    return (f'<a href="https://twitter.com/intent/tweet?url={url}">Twitter</a> '
            f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a> '
            f'<a href="https://www.linkedin.com/shareArticle?url={url}">LinkedIn</a> '
            f'<a href="{v.a.path}?share=email&amp;utm_source=share">Email</a>')


def _print_link(v: ArticleView) -> str:
    return "" if v.a.custom else f' <a href="{v.a.path}/print" rel="nofollow">Print</a>'


def _reading_time(v: ArticleView) -> str:
    words = word_count("\n".join(v.body_blocks()), v.lang)
    per_min = 500 if v.lang in ("ja", "zh") else 200
    if v.a.custom:
        return READING_TIME[v.lang].format(n=12)
    return READING_TIME[v.lang].format(n=max(1, round(words / per_min)))


# ---------------------------------------------------------------- era A
def _a_head(v: ArticleView, ctx: Ctx) -> str:
    a, title, summary = v.a, _e(v.a.title), _e(v.a.summary_text)
    modified = (f'\n<meta property="article:modified_time" content="{iso_local(a.modified)}">'
                if a.modified else "")
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title} | IPGirl</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="description" content="{summary}">\n'
            f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
            f"{_links_head(v, ctx)}\n"
            f'<meta property="og:type" content="article">\n<meta property="og:title" content="{title}">\n'
            f'<meta property="og:description" content="{summary}">\n'
            f'<meta property="og:url" content="{ctx.base}{a.path}">\n'
            f'<meta property="article:section" content="{_e(v.category_name)}">\n'
            f'<meta property="article:published_time" content="{iso_local(a.published)}">{modified}\n'
            f"{noise.HEAD_TAIL}\n</head>\n")


def _a_header(v: ArticleView) -> str:
    a, by = v.a, _e(UI[v.lang]["by"])
    updated = ""
    if a.modified:
        updated = (f' <span class="updated">{_e(v.ui["updated"])} <time class="modified" '
                   f'datetime="{iso_local(a.modified)}">{format_date(a.modified, v.lang)}</time></span>')
    return (f'<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/{a.lang}/">{_e(v.ui["home"])}'
            f'</a></li><li><a href="/{a.lang}/category/{a.category}/">{_e(v.category_name)}</a></li></ol></nav>\n'
            f'<article class="article" data-article-id="{a.id}">\n<header class="article-header">\n'
            f'<h1 class="article-title">{_e(a.title)}</h1>\n<p class="article-summary">{_e(a.summary_text)}</p>\n'
            f'<div class="article-meta"><span class="author">{by} {_names_html(v, True)}</span> '
            f'<time class="published" datetime="{iso_local(a.published)}">{_visible_published(v)}</time>'
            f'{updated} <span class="reading-time">{_e(_reading_time(v))}</span></div>\n</header>\n')


def _a_footer(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    ui, lang, out = v.ui, v.lang, []
    if v.a.tags:
        links = " ".join(f'<a rel="tag" href="/{lang}/tag/{slug}/">{_e(t)}</a>' for t, slug in v.tags)
        out.append(f'<div class="article-tags">{_e(ui["tags"])} {links}</div>\n')
    out.append(f'<footer class="article-footer"><div class="article-share"><span>{_e(ui["share"])}</span> '
               f'{_share_links(v, ctx)}{_print_link(v)}</div>')
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        out.append(f'\n<div class="article-votes"><h2 class="article-votes-question">{_e(ui["helpful_q"])}</h2>'
                   f'<div class="article-votes-controls"><button class="article-vote article-vote-up">{yes}'
                   f'</button><button class="article-vote article-vote-down">{no}</button></div>'
                   f'<small class="article-votes-count"><span class="article-vote-label">{_vote_line(v, rng)}'
                   "</span></small></div>")
    out.append("</footer>\n</article>\n")
    return "".join(out)


def _a_cards(v: ArticleView, rng: random.Random) -> str:
    cards = "".join(
        f'<div class="card"><a class="card-category" href="/{v.lang}/category/{c.cat_slug}/">{_e(c.cat_name)}</a>'
        f'<h3 class="card-title"><a href="{_card_href(c, rng)}">{_e(c.title)}</a></h3>'
        f'<p class="card-excerpt">{_e(c.snippet)}{_ellipsis(c, rng, v)}</p></div>' for c in v.cards())
    return f'<section class="discover-more"><h2>{_e(v.ui["discover"])}</h2><div class="cards">{cards}</div></section>\n'


def render_a(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    notice = f"\n<p>{_e(v.notice)}</p>" if v.notice else ""
    return (_a_head(v, ctx) + f'<body class="article-page lang-{v.lang}">\n{noise.site_header(v.lang)}\n'
            f'<main class="container">\n{_a_header(v)}<div class="article-body">\n{_body(v, ctx, rng, "A")}'
            f"{notice}\n</div>\n{_a_footer(v, ctx, rng)}{_a_cards(v, rng)}</main>\n{noise.tail(v.lang)}")


# ---------------------------------------------------------------- era B
def _b_jsonld(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    people = [{"@type": "Person", "name": n} for n, _ in v.authors]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
            "description": a.summary_text, "inLanguage": a.lang, "datePublished": iso_local(a.published),
            "author": people[0] if len(people) == 1 and rng.random() < 0.5 else people,
            "mainEntityOfPage": ctx.base + a.path, "articleSection": v.category_name}
    if a.modified:
        data["dateModified"] = iso_local(a.modified)
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _b_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, title, summary = v.a, _e(v.a.title), _e(v.a.summary_text)
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title} | IPGirl</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="description" content="{summary}">\n'
            f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
            f"{_links_head(v, ctx)}\n"
            f'<meta property="og:type" content="article">\n<meta property="og:title" content="{title}">\n'
            f'<meta property="og:description" content="{summary}">\n'
            f'<meta property="og:url" content="{ctx.base}{a.path}">\n'
            f'<meta property="article:section" content="{_e(v.category_name)}">\n'
            f"{_b_jsonld(v, ctx, rng)}\n{noise.HEAD_TAIL}\n</head>\n")


def _b_byline(v: ArticleView) -> str:
    ui, a = v.ui, v.a
    out = (f'<p class="byline"><span class="by">{_e(ui["by"])} {_names_html(v, False)}</span> · '
           f'<span class="date">{_e(ui["published"])} {format_date(a.published, v.byline_lang)}</span>')
    if a.modified:
        out += f' · {_e(ui["updated"])} {format_date(a.modified, v.byline_lang)}'
    return out + "</p>\n"


def _b_after_body(v: ArticleView, rng: random.Random) -> str:
    ui, out = v.ui, ""
    if v.a.tags:
        links = " ".join(f'<a href="/{v.lang}/tag/{slug}/">#{_e(t)}</a>' for t, slug in v.tags)
        out += f'<div class="entry-tags">{_e(ui["tags"])} {links}</div>\n'
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        out += (f'<section class="feedback"><p class="feedback-q">{_e(ui["helpful_q"])}</p>'
                f'<button data-vote="1">👍 {yes}</button><button data-vote="0">👎 {no}</button>'
                f'<p class="feedback-count">{_vote_line(v, rng)}</p></section>\n')
    return out


def _b_related(v: ArticleView, rng: random.Random) -> str:
    items = "".join(
        f'<li class="related-item"><a href="{_card_href(c, rng)}"><span class="related-cat">{_e(c.cat_name)}</span>'
        f"<strong>{_e(c.title)}</strong></a><p>{_e(c.snippet)}{_ellipsis(c, rng, v)}</p></li>" for c in v.cards())
    return f'<aside class="related"><h3>{_e(v.ui["discover"])}</h3><ul>{items}</ul></aside>\n'


def render_b(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, ui = v.a, v.ui
    notice = f'\n<p class="editor-note"><em>{_e(v.notice)}</em></p>' if v.notice else ""
    return (_b_head(v, ctx, rng) + f"<body>\n{noise.site_header(a.lang)}\n"
            f'<div class="page-wrap"><div class="crumbs"><a href="/{a.lang}/">{_e(ui["home"])}</a> / '
            f'<a href="/{a.lang}/category/{a.category}/">{_e(v.category_name)}</a></div>\n'
            f'<main id="content"><article class="post post-{a.id}">\n<h1 class="entry-title">{_e(a.title)}</h1>\n'
            f'<div class="lead">{_e(a.summary_text)}</div>\n{_b_byline(v)}'
            f'<div class="share-top">{_e(ui["share"])} {_share_links(v, ctx)}</div>\n'
            f'<div class="entry-content">\n{_body(v, ctx, rng, "B")}{notice}\n</div>\n\n'
            f"{_b_after_body(v, rng)}</article>\n{_b_related(v, rng)}</main></div>\n{noise.tail(a.lang)}")


# ---------------------------------------------------------------- eras C and D
def _c_head(v: ArticleView, ctx: Ctx, rng: random.Random, charset: str) -> str:
    meta = (f'<meta charset="{charset}">' if rng.random() < 0.5 else
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    return ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n'
            f'<html lang="{v.lang}">\n<head>\n{meta}\n<title>{_e(v.a.title)} - IPGirl</title>\n'
            f'<meta name="description" content="{_e(v.a.summary_text)}">\n'
            f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
            f"{_links_head(v, ctx)}\n</head>\n")


def _c_top(v: ArticleView, rng: random.Random) -> str:
    a, ui = v.a, v.ui
    nav = " | ".join(f'<a href="/{a.lang}/category/{c}/">{_e(CATEGORY_NAMES[c][a.lang])}</a>' for c in CATEGORIES)
    crumb = rng.choice((" › ", " &gt; ")) if v.sep("›", ">") == "›" else " &gt; "
    summary = rng.choice(("<p><em>{}</em></p>", "<p><b>{}</b></p>")).format(_e(a.summary_text))
    dash, dot = v.sep(" — ", " - "), v.sep(" · ", " / ")
    updated = f"{dot}{_e(ui['updated'])} {format_date(a.modified, v.byline_lang)}" if a.modified else ""
    return (f'<body bgcolor="#ffffff">\n<table width="100%" border="0"><tr><td><a href="/{a.lang}/"><b>IPGirl</b></a>'
            f"</td><td>{nav}</td></tr></table>\n"
            f'<p><a href="/{a.lang}/">{_e(ui["home"])}</a>{crumb}<a href="/{a.lang}/category/{a.category}/">'
            f"{_e(v.category_name)}</a></p>\n<h1>{_e(a.title)}</h1>\n{summary}\n"
            f'<p>{_e(UI[v.byline_lang]["by"])} {_names_html(v, False)}{dash}{_visible_published(v)}{updated}</p>\n')


def _c_bottom(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    ui, lang, out = v.ui, v.lang, []
    if v.a.tags:
        links = ", ".join(f'<a href="/{lang}/tag/{slug}/">{_e(t)}</a>' for t, slug in v.tags)
        out.append(f"<p>{_e(ui['tags'])} {links}</p>")
    url = ctx.base + v.a.path
    out.append(f'<p>{_e(ui["share"])} <a href="https://twitter.com/intent/tweet?url={url}">Twitter</a> | '
               f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}">Facebook</a> | '
               f'<a href="mailto:?subject=IPGirl&amp;body={url}">E-mail</a> | '
               f'<a href="{v.a.path}/print">Print</a></p>')
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        wrap = rng.choice(("<div>{}</div>", "<p>{}</p>"))
        out.append(f"<p>{_e(ui['helpful_q'])}</p>\n<p><button>{yes}</button> <button>{no}</button></p>\n"
                   + wrap.format(_vote_line(v, rng)))
    cards = "\n".join(f'<li><a href="/{lang}/category/{c.cat_slug}/">{_e(c.cat_name)}</a><br>'
                      f'<a href="{_card_href(c, rng)}">{_e(c.title)}</a><br>{_e(c.snippet)}{_ellipsis(c, rng, v)}</li>'
                      for c in v.cards())
    out.append(f"<h3>{_e(ui['discover'])}</h3>\n<ul>\n{cards}\n</ul>")
    out.append(f'<hr>\n<p><a href="/{lang}/about">About</a> | <a href="/{lang}/contact">Contact</a> | '
               f'<a href="/{lang}/privacy">Privacy</a> | <a href="mailto:contact@ipgirl.com">contact@ipgirl.com</a> | '
               f'<a href="{ctx.alt_base}/{lang}/">Mirror</a></p>\n<p>(c) 2019 IPGirl</p>\n</body>\n</html>\n')
    return "\n".join(out)


def render_c(v: ArticleView, ctx: Ctx, rng: random.Random, charset: str) -> str:
    wrap_open, wrap_close = rng.choice((("<div>", "</div>"),
                                        ('<table width="100%"><tr><td>', "</td></tr></table>")))
    notice = ""
    if v.notice:
        notice = "\n" + rng.choice(("<p>{}</p>", "<p><i>{}</i></p>")).format(_e(v.notice))
    return (_c_head(v, ctx, rng, charset) + _c_top(v, rng) + wrap_open + "\n" + _body(v, ctx, rng, "C")
            + notice + "\n" + wrap_close + "\n" + _c_bottom(v, ctx, rng))
