"""Era P (opt-in, held-out, written blind): a design system of web components rendered on the server
(Lit SSR) with DECLARATIVE SHADOW DOM. Each custom element carries ``<template shadowrootmode="open">``
with its own ``<style>``, Lit's ``<!--lit-part …-->`` markers and ``<slot>``s for light-DOM children;
a browser shows the shadow tree with the slotted children in place (unslotted children are not shown).

What lives where (a reader sees all of it, in this order):
- ``<ipg-breadcrumbs>``: the crumbs are in its shadow root only.
- ``<ipg-article-header>``: the category kicker and the h1 in the shadow root on half the pages
  (else a light ``<h1 slot=headline>``); the dek (summary) slotted; ``<ipg-byline>`` whose shadow
  root holds the "By" label, a slot for the author links (light ``<a rel=author>`` joined by the
  language's "and", or ``<ipg-author-chip name=…>`` elements with avatar and name in their own shadow
  roots) and the dates: ~45% ``<time datetime>`` full instant, ~15% GitHub's ``<relative-time
  datetime=instant>3 days ago</relative-time>``, ~25% a visible date (a day-only ``datetime`` on
  half), ~15% "3 days ago" as text only; "Updated <time>" when modified.
- ``<ipg-prose>``: the body in light DOM, slotted into a styled shadow wrapper. Headings sometimes in
  ``<ipg-anchor-heading>`` (a "#" link in the shadow root); figures are ``<ipg-image src|data-src
  alt>`` whose shadow root draws the ``<img>`` (a data-URI placeholder when lazy) and slots a
  ``<span slot=caption>``, with a ``<noscript><img src alt></noscript>`` fallback in light DOM;
  "Read also" is ``<ipg-read-also href>`` with label and link in its shadow root only; ads are
  ``<ipg-ad>`` with an "Advertisement" label in the shadow root.
- The notice: ``<ipg-callout variant=info>`` after the prose (its text slotted).
- ``<ipg-tag-list>``: the "Tags:" label in the shadow root, light ``<a rel=tag>`` links slotted (or
  ``<ipg-chip href label>`` chips whose link is in their own shadow root).
- ``<ipg-share>`` (label and links in the shadow root), ``<ipg-feedback yes total>`` (question,
  buttons, count line all in the shadow root).
- ``<ipg-card-grid>`` with a slotted ``<h2>`` and ``<ipg-card href category>`` cards: one link in the
  card's shadow root around thumbnail, category, title and snippet, or (half the pages) the title
  link and snippet in light DOM slots and only the category chip in the shadow root.
"""
from __future__ import annotations

import random

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _reading_time, _text, _vote_line
from .eras_no import CHROME, _by, _e, _heading_id, _langs, _nav_menu
from .fmt import UI, YES_NO, format_date, format_relative, iso_local, join_names
from .view import ArticleView, Card, Item

_PLACEHOLDER = "data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 9'%3E%3C/svg%3E"


class _Lit:
    """Lit SSR part markers: ``<!--lit-part 5Xq1…-->`` … ``<!--/lit-part-->``, a digest per template."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def part(self, html: str) -> str:
        digest = "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                         for _ in range(11))
        return f"<!--lit-part {digest}=-->{html}<!--/lit-part-->"

    def shadow(self, css: str, html: str) -> str:
        return f'<template shadowrootmode="open"><style>{css}</style>{self.part(html)}</template>'


def _p_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    author = (f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
              if rng.random() < 0.6 else "")
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(a.title)} | IPGirl</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f"{author}{_links_head(v, ctx)}\n"
            f'<meta property="og:title" content="{_e(a.title)}">\n<meta property="og:type" content="article">\n'
            '<link rel="modulepreload" href="/static/ds/ipg-components.js">\n'
            "<script>if(!HTMLTemplateElement.prototype.hasOwnProperty('shadowRootMode')){"
            "document.documentElement.setAttribute('dsd-pending','')}</script>\n"
            "<style>[dsd-pending] body{display:none}:not(:defined)>*{opacity:.99}</style>\n</head>\n")


def _p_dates(v: ArticleView) -> str:
    a, ui = v.a, UI[v.byline_lang]
    if a.rel_days and a.date_mode == "machine":  # GitHub's element: the instant, shown as "3 days ago"
        shown = (f'<relative-time datetime="{iso_local(a.published)}" format="relative">'
                 f"{_e(format_relative(a.rel_days, v.byline_lang))}</relative-time>")
    elif a.date_mode == "relative":
        shown = f'<span part="date">{_e(format_relative(a.rel_days, v.byline_lang))}</span>'
    else:
        text = _e(format_date(a.published, v.byline_lang))
        if a.date_mode == "machine":
            shown = f'<time part="date" datetime="{iso_local(a.published)}">{text}</time>'
        elif a.custom or a.id % 2:
            shown = f'<time part="date">{text}</time>'
        else:
            shown = f'<time part="date" datetime="{a.published:%Y-%m-%d}">{text}</time>'
    if a.modified:
        when = _e(format_date(a.modified, v.byline_lang))
        attr = f' datetime="{iso_local(a.modified)}"' if a.date_mode == "machine" else ""
        shown += f'<span class="sep" aria-hidden="true"> · </span><span>{_e(ui["updated"])} <time{attr}>{when}</time></span>'
    return shown


def _p_byline(v: ArticleView, lit: _Lit, rng: random.Random) -> str:
    if rng.random() < 0.5:
        links = [f'<a rel="author" href="/{v.lang}/author/{s}/">{_e(n)}</a>' for n, s in v.authors]
        light = join_names(links, v.byline_lang)
    else:
        shadow = lit.shadow(":host{display:inline-flex;gap:.4rem}",
                            '<a href="/@L/author/@S/"><img src="/media/avatars/@S.jpg" alt="" width="28" height="28">'
                            '<span part="name">@N</span></a>')
        chips = [f'<ipg-author-chip name="{_e(n)}" href="/{v.lang}/author/{s}/">'
                 + shadow.replace("@L", v.lang).replace("@S", s).replace("@N", _e(n)) + "</ipg-author-chip>"
                 for n, s in v.authors]
        light = join_names(chips, v.byline_lang)
    inner = (f'<p class="byline"><span part="label">{_by(v)}</span><slot></slot></p>'
             f'<p class="meta">{_p_dates(v)}<span class="sep" aria-hidden="true"> · </span>'
             f"<span>{_e(_reading_time(v))}</span></p>")
    return f'<ipg-byline slot="byline">{lit.shadow(":host{display:block}.meta{color:#666}", inner)}{light}</ipg-byline>'


def _p_header(v: ArticleView, lit: _Lit, rng: random.Random) -> str:
    a = v.a
    kicker = f'<a part="kicker" href="/{v.lang}/category/{a.category}/">{_e(v.category_name)}</a>'
    if rng.random() < 0.5:  # the h1 rendered in the shadow root from the headline attribute
        inner = f'{kicker}<h1 part="headline">{_e(a.title)}</h1><slot name="dek"></slot><slot name="byline"></slot>'
        light = ""
    else:
        inner = f'{kicker}<slot name="headline"></slot><slot name="dek"></slot><slot name="byline"></slot>'
        light = f'<h1 slot="headline">{_e(a.title)}</h1>'
    return (f'<ipg-article-header headline="{_e(a.title)}" category="{a.category}">'
            f'{lit.shadow(":host{display:block;margin:2rem 0}h1,::slotted(h1){font:700 2.4rem/1.1 serif}", "<header>" + inner + "</header>")}'
            f'{light}<p slot="dek">{_e(a.summary_text)}</p>{_p_byline(v, lit, rng)}</ipg-article-header>\n')


def _p_image(it: Item, lit: _Lit, lazy: bool) -> str:
    im = it.image
    assert im is not None
    src = f'data-src="{im.src}"' if lazy else f'src="{im.src}"'
    drawn = (f'<img src="{_PLACEHOLDER}" alt="{_e(im.alt)}" part="img" class="lazy">' if lazy
             else f'<img src="{im.src}" alt="{_e(im.alt)}" part="img" loading="lazy">')
    inner = f'<figure>{drawn}<figcaption><slot name="caption"></slot></figcaption></figure>'
    cap = f'<span slot="caption">{_e(im.caption)}</span>' if im.caption else ""
    return (f'<ipg-image {src} alt="{_e(im.alt)}" ratio="3/2">{lit.shadow(":host{display:block}img{width:100%}", inner)}'
            f'{cap}<noscript><img src="{im.src}" alt="{_e(im.alt)}"></noscript></ipg-image>')


def _p_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, lit: _Lit, k: int, style: tuple[bool, bool]) -> str:
    anchors, lazy = style
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'P')}</p>"
    if it.kind in ("h2", "h3"):
        hid = _heading_id(it.texts[0], k)
        head = f'<{it.kind} id="{hid}">{_e(it.texts[0])}</{it.kind}>'
        if not anchors:
            return head
        shadow = lit.shadow(":host{display:block}", f'<slot></slot><a href="#{hid}" part="anchor" aria-label="#">#</a>')
        return f"<ipg-anchor-heading>{shadow}{head}</ipg-anchor-heading>"
    if it.kind in ("ul", "ol"):
        return f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>"
    if it.kind == "figure":
        return _p_image(it, lit, lazy)
    if it.kind == "read_also":
        if v.read_also is None:
            return ""
        href = _read_also_href(v, ctx, rng)
        inner = f'<aside><strong part="label">{_e(v.ui["read_also"])}</strong> <a href="{href}">{_e(v.read_also.title)}</a></aside>'
        return f'<ipg-read-also href="{href}">{lit.shadow(":host{display:block;border-left:3px solid}", inner)}</ipg-read-also>'
    inner = (f'<div part="label">{_e(CHROME[v.a.ui_lang]["ad"])}</div><slot></slot>')
    return (f'<ipg-ad unit="/2231/ipgirl/in-article" size="300x250">{lit.shadow(":host{display:block;min-height:270px}", inner)}'
            f'<div id="gpt-slot-{k}"></div></ipg-ad>')


def _p_tags(v: ArticleView, lit: _Lit, rng: random.Random) -> str:
    if not v.a.tags:
        return ""
    if rng.random() < 0.5:
        light = "".join(f'<a rel="tag" href="/{v.lang}/tag/{s}/">{_e(t)}</a>' for t, s in v.tags)
    else:
        link = '<a part="link" rel="tag" href="/{lang}/tag/{s}/">{t}</a>'
        light = "".join(f'<ipg-chip href="/{v.lang}/tag/{s}/" label="{_e(t)}">'
                        + lit.shadow(":host{display:inline-block}", link.format(lang=v.lang, s=s, t=_e(t)))
                        + "</ipg-chip>" for t, s in v.tags)
    inner = f'<span part="label">{_e(v.ui["tags"])}</span> <slot></slot>'
    return f'<ipg-tag-list>{lit.shadow(":host{display:flex;gap:.5rem}", inner)}{light}</ipg-tag-list>\n'


def _p_share_feedback(v: ArticleView, ctx: Ctx, lit: _Lit, rng: random.Random) -> str:
    url = ctx.base + v.a.path
    share = (f'<span part="label">{_e(v.ui["share"])}</span> <a href="https://twitter.com/intent/tweet?url={url}">X</a> '
             f'<a href="https://www.linkedin.com/sharing/share-offsite/?url={url}">LinkedIn</a> '
             f'<button part="copy">{_e(CHROME[v.a.ui_lang]["copy"])}</button>')
    out = f'<ipg-share url="{url}">{lit.shadow(":host{display:flex}", share)}</ipg-share>\n'
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        inner = (f'<form part="form"><p part="question">{_e(v.ui["helpful_q"])}</p><button value="yes">{yes}</button>'
                 f'<button value="no">{no}</button></form><p part="count">{_vote_line(v, rng)}</p>')
        y, total = v.a.votes
        out += f'<ipg-feedback article="{v.a.id}" yes="{y}" total="{total}">{lit.shadow(":host{display:block}", inner)}</ipg-feedback>\n'
    return out


def _p_card(c: Card, v: ArticleView, lit: _Lit, rng: random.Random, in_shadow: bool) -> str:
    thumb = c.path.rsplit("/", 1)[-1].split("-", 1)[0]
    href = c.path + ("?utm_source=ipg-card&amp;utm_medium=web" if rng.random() < 0.3 else "")
    snippet = f"{_e(c.snippet)}{_ellipsis(c, rng, v)}"
    if in_shadow:
        inner = (f'<a part="link" href="{href}"><img src="/media/{thumb}/thumb.jpg" alt="" loading="lazy">'
                 f'<span part="category">{_e(c.cat_name)}</span><h3 part="title">{_e(c.title)}</h3>'
                 f'<p part="snippet">{snippet}</p></a>')
        return f'<ipg-card href="{href}" category="{_e(c.cat_name)}">{lit.shadow(":host{display:block}", inner)}</ipg-card>'
    inner = (f'<img src="/media/{thumb}/thumb.jpg" alt="" loading="lazy"><span part="category">{_e(c.cat_name)}</span>'
             '<slot name="title"></slot><slot name="snippet"></slot>')
    return (f'<ipg-card href="{href}" category="{_e(c.cat_name)}">{lit.shadow(":host{display:block}", inner)}'
            f'<h3 slot="title"><a href="{href}">{_e(c.title)}</a></h3><p slot="snippet">{snippet}</p></ipg-card>')


def render_p(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang, lit = v.a, v.lang, _Lit(rng)
    crumbs = (f'<nav aria-label="Breadcrumb"><ol><li><a href="/{lang}/">{_e(v.ui["home"])}</a></li>'
              f'<li><a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></li></ol></nav>')
    style = (rng.random() < 0.5, rng.random() < 0.5)
    body = "\n".join(p for p in (_p_item(v, it, ctx, rng, lit, k, style) for k, it in enumerate(v.items())) if p)
    prose = lit.shadow(":host{display:block;max-width:42rem}::slotted(p){line-height:1.7}", '<div class="prose"><slot></slot></div>')
    notice = ""
    if v.notice:
        notice = (f'<ipg-callout variant="info">{lit.shadow(":host{display:block;background:#eef}", "<div role=note><slot></slot></div>")}'
                  f"<p>{_e(v.notice)}</p></ipg-callout>\n")
    in_shadow = rng.random() < 0.5
    cards = "".join(_p_card(c, v, lit, rng, in_shadow) for c in v.cards())
    related = (f'<ipg-card-grid columns="3">{lit.shadow(":host{display:grid}", "<slot name=heading></slot><div class=grid><slot></slot></div>")}'
               f'<h2 slot="heading">{_e(v.ui["discover"])}</h2>{cards}</ipg-card-grid>\n') if cards else ""
    header = lit.shadow(":host{display:block}", f'<header><a href="/{lang}/" part="logo">IPGirl</a><nav><slot></slot></nav>'
                        f'<div part="langs">{_langs(v)}</div></header>')
    return (_p_head(v, ctx, rng) + "<body>\n"
            + f"<ipg-site-header>{header}{_nav_menu(v, 'menu')}</ipg-site-header>\n<main>\n"
            + f'<ipg-breadcrumbs>{lit.shadow(":host{display:block;font-size:.85rem}", crumbs)}</ipg-breadcrumbs>\n'
            + f'<article data-id="{a.id}">\n' + _p_header(v, lit, rng)
            + f"<ipg-prose>{prose}\n{body}\n</ipg-prose>\n" + notice
            + _p_tags(v, lit, rng) + _p_share_feedback(v, ctx, lit, rng) + "</article>\n" + related + "</main>\n"
            + f'<ipg-site-footer>{lit.shadow(":host{display:block}", "<footer><slot></slot><p>© 2026 IPGirl</p></footer>")}'
            + f'<a href="/{lang}/about">About</a> <a href="/{lang}/contact">Contact</a> <a href="/{lang}/privacy">Privacy</a>'
            + "</ipg-site-footer>\n"
            + '<ipg-cookie-banner>' + lit.shadow(":host{position:fixed;bottom:0}", "<p>We use cookies.</p><button>OK</button>")
            + "</ipg-cookie-banner>\n"
            + '<script type="module" src="/static/ds/ipg-components.js"></script>\n'
            + "<script type=\"module\">import '/static/ds/hydrate-support.js';</script>\n</body>\n</html>\n")
