"""Era O (opt-in, held-out, written blind): an accessibility-first page built from web components;
what it shows is described in ``eras_no.py``, whose helpers it shares."""
from __future__ import annotations

import random

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _reading_time, _text, _vote_line
from .eras_no import CHROME, _by, _e, _heading_id, _label, _langs, _nav_menu, _quote_sentence
from .fmt import UI, YES_NO, format_date, format_relative, iso_local, join_names
from .view import ArticleView, Item


# ---------------------------------------------------------------- era O
class _Hash:
    """CSS-module class names: ``_lede_9fh2k``, stable per name within a page."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.seen = rng, {}

    def __call__(self, name: str) -> str:
        if name not in self.seen:
            self.seen[name] = f"_{name}_{''.join(self.rng.choice('abcdefghjkmnpqrstuvwxyz0123456789') for _ in range(5))}"
        return self.seen[name]


def _o_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    author = (f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
              if rng.random() < 0.7 else "")
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(a.title)} · IPGirl</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f"{author}{_links_head(v, ctx)}\n"
            '<meta name="color-scheme" content="light dark">\n'
            '<link rel="modulepreload" href="/static/components/index.js">\n'
            '<script type="module" src="/static/components/index.js"></script>\n'
            "<style>.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);"
            "white-space:nowrap}</style>\n</head>\n")


def _o_dates(v: ArticleView, h: _Hash, rng: random.Random) -> tuple[str, str]:
    """(microdata metas, the visible meta line's date spans)."""
    a, ui = v.a, UI[v.byline_lang]
    metas = ""
    if a.date_mode == "machine":
        metas = f'<meta itemprop="datePublished" content="{iso_local(a.published)}">'
        if a.modified:
            metas += f'<meta itemprop="dateModified" content="{iso_local(a.modified)}">'
    elif a.date_mode == "visible" and (a.id % 2 == 0) and not a.custom:
        metas = f'<meta itemprop="datePublished" content="{a.published:%Y-%m-%d}">'
        if a.modified:
            metas += f'<meta itemprop="dateModified" content="{a.modified:%Y-%m-%d}">'
    shown = format_relative(a.rel_days, v.byline_lang) if a.rel_days else format_date(a.published, v.byline_lang)
    label = (f'<span class="sr-only">{_e(ui["published"])} </span>' if rng.random() < 0.5
             else f'<span class="{h("label")}">{_e(ui["published"])}</span> ')
    if a.rel_days:  # "3 days ago" takes no "Published on" label
        label = ""
    spans = f'{label}<span class="{h("date")}">{_e(shown)}</span>'
    if a.modified:
        spans += (f'<span aria-hidden="true"> · </span><span class="{h("updated")}">{_e(ui["updated"])} '
                  f"{_e(format_date(a.modified, v.byline_lang))}</span>")
    return metas, spans


def _o_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, h: _Hash, k: int, anchors: bool) -> str:
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'O')}</p>"
    if it.kind in ("h2", "h3"):
        hid = _heading_id(it.texts[0], k)
        anchor = (f'<a class="{h("anchor")}" href="#{hid}" aria-hidden="true" tabindex="-1">#</a>' if anchors else "")
        return f'<{it.kind} id="{hid}">{_e(it.texts[0])}{anchor}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f'<{it.kind} role="list">' + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f'<blockquote class="{h("quote")}"><p>{_e(it.texts[0])}</p></blockquote>'
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f"<figcaption>{_e(im.caption)}</figcaption>" if im.caption else ""
        return (f'<figure class="{h("figure")}"><picture><source type="image/avif" srcset="{im.src[:-4]}.avif">'
                f'<img src="{im.src}" alt="{_e(im.alt)}" loading="lazy" width="1200" height="800"></picture>{cap}</figure>')
    if it.kind == "read_also":
        if v.read_also is None:
            return ""
        return (f'<aside class="{h("callout")}" aria-label="{_e(_label(v.ui["read_also"]))}"><p><strong>'
                f'{_e(v.ui["read_also"])}</strong> <a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a>'
                "</p></aside>")
    return (f'<ipg-ad-slot data-slot="in-article-{k}" class="{h("ad")}"><span class="{h("adlabel")}">'
            f'{_e(CHROME[v.a.ui_lang]["ad"])}</span><div data-ad-unit="/2231/ipgirl/article"></div></ipg-ad-slot>')


def render_o(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang, h = v.a, v.lang, _Hash(rng)
    person = ('<a rel="author" href="/{lang}/author/{slug}/" itemprop="author" itemscope '
              'itemtype="https://schema.org/Person"><span itemprop="name">{name}</span></a>')
    names = join_names([person.format(lang=lang, slug=s, name=_e(n)) for n, s in v.authors], v.byline_lang)
    metas, dates = _o_dates(v, h, rng)
    items = v.items()
    anchors = rng.random() < 0.5
    parts = [_o_item(v, it, ctx, rng, h, k, anchors) for k, it in enumerate(items)]
    quote = _quote_sentence(v, rng)
    if quote and len(parts) > 3:
        parts.insert(rng.randint(2, len(parts) - 1),
                     f'<aside class="{h("pullquote")}" aria-hidden="true"><p>{_e(quote)}</p></aside>')
    notice_in_body = rng.random() < 0.5
    if v.notice and notice_in_body:
        parts.append(f"<p>{_e(v.notice)}</p>")
    foot = []
    if v.notice and not notice_in_body:
        foot.append(f'<p role="note" class="{h("notice")}">{_e(v.notice)}</p>')
    if v.a.tags:
        tags = "".join(f'<li><a rel="tag" href="/{lang}/tag/{slug}/">{_e(t)}</a></li>' for t, slug in v.tags)
        foot.append(f'<div class="{h("tags")}"><span class="sr-only">{_e(_label(v.ui["tags"]))}</span>'
                    f'<ul role="list" itemprop="keywords">{tags}</ul></div>')
    url = ctx.base + a.path
    foot.append(f'<ipg-share-bar url="{url}"><span class="{h("sharelabel")}">{_e(v.ui["share"])}</span>'
                f'<a href="https://twitter.com/intent/tweet?url={url}" aria-label="X"><svg aria-hidden="true"></svg></a>'
                f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}" aria-label="Facebook"><svg aria-hidden="true">'
                f'</svg></a><button type="button">{_e(CHROME[a.ui_lang]["copy"])}</button></ipg-share-bar>')
    if a.votes is not None:
        yes, no = YES_NO[a.ui_lang]
        foot.append(f'<ipg-feedback><form class="{h("feedback")}" action="/api/feedback" method="post"><fieldset>'
                    f'<legend>{_e(v.ui["helpful_q"])}</legend><button type="button" aria-pressed="false">{yes}</button>'
                    f'<button type="button" aria-pressed="false">{no}</button></fieldset>'
                    f'<p aria-live="polite" class="{h("count")}">{_vote_line(v, rng)}</p></form></ipg-feedback>')
    cards = "".join(
        f'<li><a class="{h("card")}" href="{c.path}{"?utm_source=discover&amp;utm_medium=card" if rng.random() < 0.3 else ""}">'
        f'<img src="/media/{c.path.rsplit("/", 1)[-1].split("-", 1)[0]}/thumb.jpg" alt="" loading="lazy">'
        f'<span class="{h("cat")}">{_e(c.cat_name)}</span><h3 class="{h("cardtitle")}">{_e(c.title)}</h3>'
        f'<p class="{h("snippet")}">{_e(c.snippet)}{_ellipsis(c, rng, v)}</p>'
        f'<span aria-hidden="true" class="{h("arrow")}">→</span></a></li>' for c in v.cards())
    related = (f'<section class="{h("related")}" aria-labelledby="discover-h"><h2 id="discover-h">{_e(v.ui["discover"])}'
               f'</h2><ul role="list" class="{h("grid")}">{cards}</ul></section>\n') if cards else ""
    menu = _nav_menu(v, h("menu"))
    return (_o_head(v, ctx, rng) + "<body>\n"
            + f'<a class="sr-only {h("skip")}" href="#content">{_e(CHROME[a.ui_lang]["skip"])}</a>\n'
            + f'<ipg-site-header><header class="{h("masthead")}"><a href="/{lang}/" aria-label="IPGirl">'
            + '<svg aria-hidden="true" width="90" height="24"><use href="#logo"></use></svg></a>'
            + f'<nav aria-label="Main">{menu}</nav><ipg-lang-switch>{_langs(v)}</ipg-lang-switch></header></ipg-site-header>\n'
            + '<main id="content" tabindex="-1">\n'
            + f'<nav aria-label="Breadcrumb" class="{h("crumbs")}"><ol role="list"><li><a href="/{lang}/">{_e(v.ui["home"])}'
            + f'</a></li><li><a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></li></ol></nav>\n'
            + '<article itemscope itemtype="https://schema.org/BlogPosting" aria-labelledby="article-title">\n'
            + f'<meta itemprop="mainEntityOfPage" content="{ctx.base}{a.path}"><meta itemprop="articleSection" '
            + f'content="{_e(v.category_name)}">{metas}\n'
            + f'<header class="{h("header")}">\n<h1 id="article-title" itemprop="headline" class="{h("title")}">{_e(a.title)}</h1>\n'
            + f'<p class="{h("lede")}" itemprop="description">{_e(a.summary_text)}</p>\n'
            + f'<p class="{h("byline")}">{_by(v)}{names}</p>\n'
            + f'<p class="{h("meta")}">{dates}<span aria-hidden="true"> · </span><span>{_e(_reading_time(v))}</span></p>\n'
            + "</header>\n"
            + f'<div itemprop="articleBody" class="{h("body")}">\n' + "\n".join(p for p in parts if p) + "\n</div>\n"
            + f'<footer class="{h("articlefoot")}">\n' + "\n".join(foot) + "\n</footer>\n</article>\n"
            + related + "</main>\n"
            + f'<footer role="contentinfo" class="{h("sitefoot")}"><ul role="list"><li><a href="/{lang}/about">About</a></li>'
            + f'<li><a href="/{lang}/contact">Contact</a></li><li><a href="/{lang}/privacy">Privacy</a></li></ul>'
            + "<p><small>© 2026 IPGirl</small></p></footer>\n"
            + '<ipg-cookie-consent hidden><p>We use cookies.</p><button type="button">OK</button></ipg-cookie-consent>\n'
            + "</body>\n</html>\n")

