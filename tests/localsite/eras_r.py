"""Era R (opt-in, held-out, written blind): a Ghost/Substack/Medium-like publication page (Casper-style
classes ``gh-canvas``, ``kg-card``, ``post-card``).

Head: ``<meta name=generator content="Ghost 5.x">``, ``og:*``, ``article:tag`` metas, meta author on
~60%. Machine-dated pages (~50%) carry ``article:published_time`` and a JSON-LD ``Article`` with
the full instant, while the visible ``<time>`` has a DAY-ONLY ``datetime`` (Ghost's ``YYYY-MM-DD``)
of the local day; ~30% show only a visible date (on English-UI pages the short "Jul 4, 2023" form
on half, else the localized date), ~20% "3 days ago" (Medium). A small "Home / AI" crumb line, the
primary tag above the h1 (``rel="tag"`` on a category link), ``p.article-excerpt`` summary, a byline
of avatar links, then "By A and B" (or the names alone, Substack style) and a meta line: date •
reading time (• "Updated …" when modified).

Body ``section.gh-content``: paragraphs, headings, lists, quotes (``blockquote`` or Ghost's
``blockquote.kg-blockquote-alt``), ``kg-image-card`` figures, pull quotes in a ``<figure
class=kg-pullquote>`` that repeat a sentence of the story (decoration), "Read also" either as a
"📖 Read also: title" line or as a Ghost bookmark card (one link around the target's title,
description and publisher; no label), a mid-article subscribe box, and the site notice as a
Ghost callout card (emoji in its own div) or a final ``<p>`` after an ``<hr>``.
After the body: tags under a different word ("Topics", "Sujets", "トピック"…) joined by "、" on
ja/zh pages and "·" or "," elsewhere, links ``rel="tag"``; the share row; the feedback box; then
"Discover more" cards, each ONE link around image, category, title (``h2``/``h3``), snippet and
a footer with the target's date or reading time.
"""
from __future__ import annotations

import json
import random

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _reading_time, _text, _vote_line
from .eras_no import CHROME, _e, _heading_id
from .fmt import LANGS, READING_TIME, UI, YES_NO, format_date, format_relative, iso_local, join_names
from .view import ArticleView, Card, Item

TOPICS: dict[str, str] = {"en": "Topics", "fr": "Sujets", "de": "Themen", "es": "Temas", "it": "Argomenti",
                          "pt": "Tópicos", "ja": "トピック", "zh": "话题", "ko": "주제"}
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
assert set(TOPICS) == set(LANGS)


def _r_date(v: ArticleView, when, short: bool) -> str:
    if short and v.byline_lang == "en":
        return f"{SHORT_MONTHS[when.month - 1]} {when.day}, {when.year}"
    return format_date(when, v.byline_lang)


def _r_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    names = [n for n, _ in v.authors]
    author = f'<meta name="author" content="{_e(", ".join(names))}">\n' if rng.random() < 0.6 else ""
    tags = "".join(f'<meta property="article:tag" content="{_e(t)}">\n' for t, _ in v.tags)
    machine = ""
    if a.date_mode == "machine":
        machine = f'<meta property="article:published_time" content="{iso_local(a.published)}">\n'
        data = {"@context": "https://schema.org", "@type": "Article", "headline": a.title,
                "url": ctx.base + a.path, "datePublished": iso_local(a.published),
                "author": [{"@type": "Person", "name": n, "url": f"{ctx.base}/{a.lang}/author/{s}/"} for n, s in v.authors],
                "publisher": {"@type": "Organization", "name": "IPGirl", "logo": {"@type": "ImageObject",
                                                                                 "url": f"{ctx.base}/favicon.png"}},
                "description": a.summary_text, "mainEntityOfPage": ctx.base + a.path}
        if a.modified:
            data["dateModified"] = iso_local(a.modified)
            machine += f'<meta property="article:modified_time" content="{iso_local(a.modified)}">\n'
        text = json.dumps(data, ensure_ascii=False, indent=4).replace("</", "<\\/")
        machine += f'<script type="application/ld+json">\n{text}\n</script>\n'
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            f"<title>{_e(a.title)}</title>\n<meta name=\"HandheldFriendly\" content=\"True\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            '<link rel="stylesheet" type="text/css" href="/assets/built/screen.css?v=8c1b7e3f2a">\n'
            f'<meta name="description" content="{_e(a.summary_text)}">\n{author}{_links_head(v, ctx)}\n'
            f'<meta property="og:site_name" content="IPGirl">\n<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{_e(a.title)}">\n<meta property="og:description" content="{_e(a.summary_text)}">\n'
            f"{tags}{machine}"
            '<meta name="generator" content="Ghost 5.82">\n'
            '<script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js" data-ghost="/" '
            'crossorigin="anonymous"></script>\n</head>\n')


def _r_time(v: ArticleView, short: bool) -> str:
    a = v.a
    if a.date_mode == "relative":
        return f'<span class="byline-meta-date">{_e(format_relative(a.rel_days, v.byline_lang))}</span>'
    shown = _e(_r_date(v, a.published, short))
    if a.date_mode == "machine":  # Ghost: {{date format="YYYY-MM-DD"}}, the local day
        return f'<time class="byline-meta-date" datetime="{a.published:%Y-%m-%d}">{shown}</time>'
    return f'<span class="byline-meta-date">{shown}</span>'


def _r_byline(v: ArticleView, rng: random.Random, short: bool) -> str:
    ui = UI[v.byline_lang]
    avatars = "".join(f'<li class="author-list-item"><a href="/{v.lang}/author/{s}/" class="author-avatar">'
                      f'<img class="author-profile-image" src="/content/images/size/w100/{s}.jpg" alt="{_e(n)}"></a></li>'
                      for n, s in v.authors)
    names = join_names([f'<a href="/{v.lang}/author/{s}/">{_e(n)}</a>' for n, s in v.authors], v.byline_lang)
    by = ui["by"]
    label = "" if rng.random() < 0.4 else _e(by) + ("" if by.endswith("：") else " ")
    meta = _r_time(v, short) + f'<span class="byline-reading-time"><span class="bull">•</span> {_e(_reading_time(v))}</span>'
    if v.a.modified:
        meta += (f'<span class="byline-updated"><span class="bull">•</span> {_e(ui["updated"])} '
                 f"{_e(_r_date(v, v.a.modified, short))}</span>")
    return ('<div class="article-byline"><section class="article-byline-content">'
            f'<ul class="author-list">{avatars}</ul><div class="article-byline-meta">'
            f'<h4 class="author-name">{label}{names}</h4><div class="byline-meta-content">{meta}</div></div>'
            "</section></div>\n")


def _r_bookmark(v: ArticleView, href: str) -> str:
    t = v.read_also
    assert t is not None
    return (f'<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="{href}">'
            f'<div class="kg-bookmark-content"><div class="kg-bookmark-title">{_e(t.title)}</div>'
            f'<div class="kg-bookmark-description">{_e(t.summary_text)}</div><div class="kg-bookmark-metadata">'
            '<img class="kg-bookmark-icon" src="/favicon.png" alt=""><span class="kg-bookmark-author">IPGirl</span>'
            f'<span class="kg-bookmark-publisher">{_e(v.category_name if t.category == v.a.category else "IPGirl")}</span>'
            f'</div></div><div class="kg-bookmark-thumbnail"><img src="/media/{t.id}/thumb.jpg" alt=""></div></a></figure>')


def _r_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, k: int) -> str:
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'R')}</p>"
    if it.kind in ("h2", "h3"):
        return f'<{it.kind} id="{_heading_id(it.texts[0], k)}">{_e(it.texts[0])}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        cls = ' class="kg-blockquote-alt"' if rng.random() < 0.4 else ""
        return f"<blockquote{cls}>{_e(it.texts[0])}</blockquote>"
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f"<figcaption>{_e(im.caption)}</figcaption>" if im.caption else ""
        has = " kg-card-hascaption" if im.caption else ""
        return (f'<figure class="kg-card kg-image-card kg-width-wide{has}"><img src="{im.src}" class="kg-image" '
                f'alt="{_e(im.alt)}" loading="lazy" width="2000" height="1333" srcset="/content/images/size/w600{im.src} 600w, '
                f'{im.src} 2000w" sizes="(min-width: 1200px) 1200px">{cap}</figure>')
    if it.kind == "read_also":
        if v.read_also is None:
            return ""
        href = _read_also_href(v, ctx, rng)
        if rng.random() < 0.5:
            return _r_bookmark(v, href)
        return f'<p>📖 <strong>{_e(v.ui["read_also"])}</strong> <a href="{href}">{_e(v.read_also.title)}</a></p>'
    return ('<div class="kg-card kg-html-card"><div class="ad-unit" data-ad="in-content">'
            f'<span class="ad-label">{_e(CHROME[v.a.ui_lang]["ad"])}</span><ins class="adsbygoogle"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div></div>")


def _r_body(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    items = v.items()
    parts = [_r_item(v, it, ctx, rng, k) for k, it in enumerate(items)]
    pool = [t for it in items if it.kind == "p" for t in it.texts]
    if pool and len(parts) > 4 and rng.random() < 0.6:
        hidden = ' aria-hidden="true"' if rng.random() < 0.5 else ""
        parts.insert(rng.randint(2, len(parts) - 1),
                     f'<figure class="kg-card kg-pullquote"{hidden}><blockquote><p>{_e(rng.choice(pool))}</p></blockquote></figure>')
    t = CHROME[v.a.ui_lang]
    spots = [k + 1 for k, it in enumerate(items) if it.kind == "p" and 1 < k < len(items) - 1]
    if spots and rng.random() < 0.5:
        parts.insert(min(rng.choice(spots), len(parts)),
                     f'<div class="kg-card kg-signup-card"><h2 class="kg-signup-card-heading">{_e(t["news_h"])}</h2>'
                     f'<p class="kg-signup-card-subheading">{_e(t["news_p"])}</p><form data-members-form="">'
                     f'<input data-members-email type="email" placeholder="{_e(t["email"])}"><button type="submit">'
                     f'{_e(t["subscribe"])}</button></form></div>')
    if v.notice:
        if rng.random() < 0.5:
            parts.append('<div class="kg-card kg-callout-card kg-callout-card-blue"><div class="kg-callout-emoji">💡</div>'
                         f'<div class="kg-callout-text">{_e(v.notice)}</div></div>')
        else:
            parts.append(f"<hr>\n<p>{_e(v.notice)}</p>")
    return '<section class="gh-content gh-canvas">\n' + "\n".join(p for p in parts if p) + "\n</section>\n"


def _r_after(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    out = []
    if v.a.tags:
        sep = "、" if v.a.ui_lang in ("ja", "zh") else rng.choice((" · ", ", "))
        links = sep.join(f'<a href="/{v.lang}/tag/{s}/" rel="tag">{_e(t)}</a>' for t, s in v.tags)
        colon = "：" if v.a.ui_lang in ("ja", "zh") else ":"
        out.append(f'<div class="post-topics"><span class="post-topics-label">{_e(TOPICS[v.a.ui_lang])}{colon}</span> {links}</div>')
    url = ctx.base + v.a.path
    out.append(f'<div class="share-row"><span>{_e(v.ui["share"])}</span> '
               f'<a href="https://twitter.com/share?text={_e(v.a.title)}&amp;url={url}" class="share-x">X</a> '
               f'<a href="https://www.facebook.com/sharer.php?u={url}" class="share-fb">Facebook</a> '
               f'<a href="https://news.ycombinator.com/submitlink?u={url}">Hacker News</a> '
               f'<button class="share-copy" data-clipboard-text="{url}">{_e(CHROME[v.a.ui_lang]["copy"])}</button></div>')
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        line = _vote_line(v, rng)
        count = f"<p><small>{line}</small></p>" if rng.random() < 0.5 else f'<p class="feedback-count">{line}</p>'
        out.append(f'<div class="post-feedback"><h3>{_e(v.ui["helpful_q"])}</h3><div class="feedback-buttons">'
                   f'<button data-feedback="1">👍 {yes}</button><button data-feedback="0">👎 {no}</button></div>{count}</div>')
    return '<footer class="article-footer gh-canvas">\n' + "\n".join(out) + "\n</footer>\n"


def _r_card(c: Card, v: ArticleView, rng: random.Random, head: str) -> str:
    tid = int(c.path.rsplit("/", 1)[-1].split("-", 1)[0])
    target = v.site.by_id.get(tid)
    bits = []
    if target is not None:
        shown = _e(format_date(target.published, v.a.ui_lang))
        bits.append(f'<time class="post-card-meta-date" datetime="{target.published:%Y-%m-%d}">{shown}</time>'
                    if rng.random() < 0.6 else f'<span class="post-card-meta-date">{shown}</span>')
    if rng.random() < 0.6 or not bits:
        bits.append(f'<span class="post-card-meta-length">{_e(READING_TIME[v.lang].format(n=rng.randint(2, 9)))}</span>')
    href = c.path + ("?ref=ipgirl.com" if rng.random() < 0.4 else "")
    return (f'<article class="post-card post tag-{c.cat_slug}"><a class="post-card-image-link post-card-content-link" href="{href}">'
            f'<img class="post-card-image" src="/media/{tid}/thumb.jpg" alt="" loading="lazy">'
            f'<div class="post-card-primary-tag">{_e(c.cat_name)}</div>'
            f'<header class="post-card-header"><{head} class="post-card-title">{_e(c.title)}</{head}></header>'
            f'<div class="post-card-excerpt">{_e(c.snippet)}{_ellipsis(c, rng, v)}</div>'
            f'<footer class="post-card-meta">{"<span class=bull> • </span>".join(bits)}</footer></a></article>')


def render_r(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang = v.a, v.lang
    short = rng.random() < 0.5
    head = rng.choice(("h2", "h3"))
    cards = "".join(_r_card(c, v, rng, head) for c in v.cards())
    related = (f'<aside class="read-more-wrap outer"><div class="read-more inner"><h3 class="read-more-title">{_e(v.ui["discover"])}'
               f'</h3><div class="post-feed">{cards}</div></div></aside>\n') if cards else ""
    sep = rng.choice((" / ", " › "))
    crumbs = (f'<nav class="breadcrumbs gh-canvas"><a href="/{lang}/">{_e(v.ui["home"])}</a><span aria-hidden="true">{sep}</span>'
              f'<a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></nav>\n')
    t = CHROME[a.ui_lang]
    return (_r_head(v, ctx, rng) + f'<body class="post-template tag-{a.category} is-head-left-logo has-serif-title">\n'
            + '<div class="viewport">\n<header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">'
            + f'<a class="gh-head-logo" href="/{lang}/">IPGirl</a><nav class="gh-head-menu"><ul class="nav">'
            + f'<li class="nav-home"><a href="/{lang}/">{_e(v.ui["home"])}</a></li>'
            + f'<li><a href="/{lang}/about">About</a></li></ul></nav><div class="gh-head-actions">'
            + f'<a class="gh-head-button" href="#/portal/signup" data-portal="signup">{_e(t["subscribe"])}</a></div></div></header>\n'
            + f'<div class="site-content"><main id="site-main" class="site-main">\n{crumbs}'
            + f'<article class="article post tag-{a.category}">\n<header class="article-header gh-canvas">\n'
            + f'<section class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/{lang}/category/{a.category}/" '
            + f'rel="tag">{_e(v.category_name)}</a></span></section>\n'
            + f'<h1 class="article-title">{_e(a.title)}</h1>\n<p class="article-excerpt">{_e(a.summary_text)}</p>\n'
            + _r_byline(v, rng, short)
            + f'<figure class="article-image"><img src="/content/images/size/w1200/{a.id}/cover.jpg" alt="{_e(a.title)}"></figure>\n'
            + "</header>\n" + _r_body(v, ctx, rng) + _r_after(v, ctx, rng) + "</article>\n</main>\n" + related
            + f'<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">{_e(t["news_h"])}</h2>'
            + f'<a class="footer-cta-button" href="#/portal" data-portal="">{_e(t["email"])} <span>{_e(t["subscribe"])}</span></a>'
            + "</div></section>\n</div>\n"
            + f'<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/{lang}/">IPGirl</a> © 2026</section>'
            + f'<nav class="site-footer-nav"><a href="/{lang}/privacy">Privacy</a> <a href="/{lang}/contact">Contact</a></nav>'
            + '<div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></div></div></footer>\n'
            + '</div>\n<script src="/assets/built/casper.js?v=8c1b7e3f2a"></script>\n</body>\n</html>\n')
