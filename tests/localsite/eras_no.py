"""Eras N and O (opt-in, held-out): two 2020s designs written blind, from the item contract and the
generator only (nothing of the parser read). Each shows exactly what ArticleView holds, so the
expected items need no change; what a page adds (pull quotes, heading anchors, a table of
contents, a newsletter box, ad labels) is decoration a reader does not count as the article.

N: a headless CMS rendered by a Next.js/Tailwind front end. Utility classes only (``prose`` from the
   typography plugin on half the pages), a small ``__NEXT_DATA__`` blob (route props only, not the
   story) on half. Crumbs ``nav[aria-label=Breadcrumb] > ol`` with svg chevrons and a JSON-LD
   BreadcrumbList (which, as Yoast's does, also lists the article itself as a third item); no
   other JSON-LD, no article:* metas, meta author on half. The byline is a row of author avatar
   links (``/{lang}/author/…``, name in a ``<span>``, the avatar's alt the name on half) and a
   reading time: no "By", no date. The date comes after the body: ``Updated <time>`` (when
   modified) THEN ``Published on <time>``; ~45% ``datetime`` full instants, ~40% a day-only or no
   ``datetime``, ~15% ``<time>3 days ago</time>``. A table of contents (``nav`` with the h2
   titles) between byline and body on ~40%; inside the body: a newsletter box (with an h3 and a
   form), an "Advertisement"-labelled GPT slot, "Read also" as a bordered ``<p>``. Tags: a
   ``<ul>`` of pill links to ``/{lang}/tag/…``, no label. Notice and votes in an unclassed
   ``<section>`` after the share row. Related: ``<article>`` cards (thumbnail link, category chip
   ``<span>``, ``<h3><a>``, snippet ``<p>``), every card link with ``ref``/``fbclid``-style params.
O: an accessibility-first page built from web components. ``<main id=content>``, ``<article
   itemscope itemtype=BlogPosting>`` microdata only (no JSON-LD): ``<meta itemprop=datePublished>``
   / ``dateModified``. CSS-module hashed classes (``_lede_9fh2k``). ``<header>`` with the h1
   (itemprop=headline), the lede ``<p>`` (itemprop=description), "By A, B and C" with
   ``rel=author`` Person links, then a meta line: visible localized date (the "Published on"
   label visually hidden on half), "Updated …", reading time. Dates: ~50% meta full instant +
   absolute text, ~15% meta full instant + relative text ("3 days ago"), ~20% visible only (a
   day-only meta on half), ~15% relative only. Body ``div[itemprop=articleBody]``: headings with
   an ``aria-hidden`` "#" anchor on half the pages, a "Read also" ``<aside>`` callout, an
   ``aria-hidden`` pull-quote ``<aside>`` repeating a body sentence, ``<ipg-ad-slot>`` ads with a
   visible "Advertisement" label, ``<picture>`` figures. The notice is the body's last ``<p>`` or
   a ``<p role=note>`` in the article ``<footer>``; tags behind ``<span class=sr-only>Tags</span>``
   (no colon); votes in a ``<fieldset>``/``<legend>`` form; related cards one ``<a>`` each around
   a thumbnail, category, ``<h3>`` title, snippet and an aria-hidden arrow.
"""
from __future__ import annotations

import json
import random
from html import escape

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _reading_time, _text, _vote_line
from .fmt import (
    CATEGORIES,
    CATEGORY_NAMES,
    LANGS,
    QUOTES,
    UI,
    YES_NO,
    format_date,
    format_relative,
    iso_local,
    slugify,
)
from .view import ArticleView, Card, Item

# Strings of the chrome that ui-strings.json does not list, per UI language.
CHROME: dict[str, dict[str, str]] = {
    "en": {"ad": "Advertisement", "news_h": "Get the IPGirl newsletter",
           "news_p": "The week in AI and chips, every Friday. No spam.", "subscribe": "Subscribe",
           "toc": "On this page", "copy": "Copy link", "skip": "Skip to main content", "email": "Email address"},
    "fr": {"ad": "Publicité", "news_h": "Recevez la newsletter IPGirl",
           "news_p": "La semaine de l’IA et des puces, chaque vendredi. Pas de spam.", "subscribe": "S’abonner",
           "toc": "Sur cette page", "copy": "Copier le lien", "skip": "Aller au contenu", "email": "Adresse e-mail"},
    "de": {"ad": "Anzeige", "news_h": "Der IPGirl-Newsletter",
           "news_p": "Die Woche in KI und Chips, jeden Freitag. Kein Spam.", "subscribe": "Abonnieren",
           "toc": "Auf dieser Seite", "copy": "Link kopieren", "skip": "Zum Inhalt springen", "email": "E-Mail-Adresse"},
    "es": {"ad": "Publicidad", "news_h": "Recibe el boletín de IPGirl",
           "news_p": "La semana en IA y chips, cada viernes. Sin spam.", "subscribe": "Suscribirse",
           "toc": "En esta página", "copy": "Copiar enlace", "skip": "Ir al contenido", "email": "Correo electrónico"},
    "it": {"ad": "Pubblicità", "news_h": "Ricevi la newsletter di IPGirl",
           "news_p": "La settimana di IA e chip, ogni venerdì. Niente spam.", "subscribe": "Iscriviti",
           "toc": "In questa pagina", "copy": "Copia link", "skip": "Vai al contenuto", "email": "Indirizzo email"},
    "pt": {"ad": "Publicidade", "news_h": "Receba a newsletter da IPGirl",
           "news_p": "A semana em IA e chips, toda sexta-feira. Sem spam.", "subscribe": "Assinar",
           "toc": "Nesta página", "copy": "Copiar link", "skip": "Ir para o conteúdo", "email": "E-mail"},
    "ja": {"ad": "広告", "news_h": "IPGirlニュースレター", "news_p": "AIと半導体の1週間を毎週金曜日にお届けします。",
           "subscribe": "登録する", "toc": "目次", "copy": "リンクをコピー", "skip": "本文へスキップ",
           "email": "メールアドレス"},
    "zh": {"ad": "广告", "news_h": "订阅 IPGirl 通讯", "news_p": "每周五为您送上人工智能与芯片的一周要闻。",
           "subscribe": "订阅", "toc": "本页内容", "copy": "复制链接", "skip": "跳到主要内容", "email": "电子邮箱"},
    "ko": {"ad": "광고", "news_h": "IPGirl 뉴스레터 받기", "news_p": "매주 금요일, AI와 반도체의 한 주를 전해 드립니다.",
           "subscribe": "구독하기", "toc": "이 페이지의 내용", "copy": "링크 복사", "skip": "본문으로 건너뛰기",
           "email": "이메일 주소"},
}
assert set(CHROME) == set(LANGS)

N_TRACKERS = ("ref=discover&fbclid=IwAR2{n}", "ref=related-{n}", "ref=nl&fbclid=IwZXh0{n}&mc_cid=a{n}",
              "ref=discover&gclid=Cj0KCQiA{n}", "utm_source=site&utm_medium=card&ref=more")


def _e(text: str) -> str:
    return escape(text, quote=True)


def _label(text: str) -> str:
    """A UI label without its colon ("Tags:" -> "Tags", "タグ：" -> "タグ")."""
    return text.rstrip(" :：\u00a0")


def _by(v: ArticleView) -> str:
    by = UI[v.byline_lang]["by"]
    return _e(by) if by.endswith("：") else _e(by) + " "


def _heading_id(text: str, k: int) -> str:
    return slugify(text) or f"section-{k}"


def _nav_menu(v: ArticleView, ul_class: str) -> str:
    return "".join(f'<li><a href="/{v.lang}/category/{c}/">{_e(CATEGORY_NAMES[c][v.lang])}</a></li>'
                   for c in CATEGORIES).join((f'<ul class="{ul_class}">', "</ul>"))


def _langs(v: ArticleView) -> str:
    return " ".join(f'<a href="/{x}/" hreflang="{x}">{x.upper()}</a>' for x in LANGS)


def _quote_sentence(v: ArticleView, rng: random.Random) -> str | None:
    """One sentence of the body, for a pull quote."""
    pool = [t for it in v.items() if it.kind == "p" for t in it.texts]
    if not pool:
        return None
    o, c = QUOTES[v.lang]
    return o + rng.choice(pool).rstrip(".。") + c


# ---------------------------------------------------------------- era N
_CHEVRON = ('<svg class="h-4 w-4 flex-none text-gray-300" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">'
            '<path d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06'
            'l-4.27 4.27a.75.75 0 0 1-1.06 0Z"/></svg>')


def _n_tracked(path: str, rng: random.Random) -> str:
    return f"{path}?{rng.choice(N_TRACKERS).format(n=rng.randint(1000, 9999))}".replace("&", "&amp;")


def _n_jsonld(v: ArticleView, ctx: Ctx) -> str:
    a = v.a
    trail = [{"@type": "ListItem", "position": 1, "name": v.ui["home"], "item": f"{ctx.base}/{a.lang}/"},
             {"@type": "ListItem", "position": 2, "name": v.category_name,
              "item": f"{ctx.base}/{a.lang}/category/{a.category}/"},
             {"@type": "ListItem", "position": 3, "name": a.title}]
    data = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": trail}
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>\n'


def _n_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    author = (f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
              if rng.random() < 0.5 else "")
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}" class="scroll-smooth">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(a.title)} – IPGirl</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f"{author}{_links_head(v, ctx)}\n"
            f'<meta property="og:title" content="{_e(a.title)}">\n<meta property="og:type" content="article">\n'
            f'<meta property="og:image" content="{ctx.base}/media/{a.id}/og.jpg">\n'
            '<meta name="twitter:card" content="summary_large_image">\n'
            '<link rel="preload" href="/_next/static/media/inter.woff2" as="font" type="font/woff2" crossorigin="">\n'
            '<link rel="stylesheet" href="/_next/static/css/4f1c2a.css">\n'
            f"{_n_jsonld(v, ctx)}</head>\n")


def _n_topbar(v: ArticleView) -> str:
    return ('<div class="sticky top-0 z-40 w-full border-b border-gray-200 bg-white/90 backdrop-blur">'
            '<div class="mx-auto flex max-w-7xl items-center justify-between px-4 py-3 sm:px-6 lg:px-8">'
            f'<a href="/{v.lang}/" class="text-xl font-black tracking-tight">IPGirl</a>'
            f'{_nav_menu(v, "hidden gap-x-6 text-sm font-medium text-gray-700 md:flex")}'
            f'<div class="flex gap-x-2 text-xs text-gray-500">{_langs(v)}</div>'
            '<button type="button" class="rounded-md p-2 md:hidden" aria-label="Menu"><svg class="h-6 w-6" '
            'aria-hidden="true"><use href="#menu"></use></svg></button></div></div>\n')


def _n_byline(v: ArticleView, rng: random.Random) -> str:
    alt_name = rng.random() < 0.5
    people = "".join(
        f'<a href="/{v.lang}/author/{slug}/" class="group flex items-center gap-x-2">'
        f'<img class="h-9 w-9 rounded-full bg-gray-100 ring-2 ring-white" src="/media/avatars/{slug}.jpg" '
        f'alt="{_e(n) if alt_name else ""}" width="36" height="36">'
        f'<span class="text-sm font-semibold text-gray-900 group-hover:underline">{_e(n)}</span></a>'
        for n, slug in v.authors)
    return (f'<div class="mt-6 flex flex-wrap items-center gap-x-6 gap-y-3">{people}'
            f'<span class="text-sm text-gray-500">{_e(_reading_time(v))}</span></div>\n')


def _n_time(v: ArticleView, when, rel: bool) -> str:
    a = v.a
    if rel:
        return f"<time>{_e(format_relative(a.rel_days, v.byline_lang))}</time>"
    shown = _e(format_date(when, v.byline_lang))
    if a.date_mode == "machine":
        return f'<time datetime="{iso_local(when)}">{shown}</time>'
    if a.custom or a.id % 2:
        return f"<time>{shown}</time>"
    return f'<time datetime="{when:%Y-%m-%d}">{shown}</time>'


def _n_dates(v: ArticleView) -> str:
    a, ui = v.a, UI[v.byline_lang]
    rows = []
    if a.modified:
        rows.append(f"<p>{_e(ui['updated'])} {_n_time(v, a.modified, False)}</p>")
    rel = a.date_mode == "relative"  # "3 days ago" takes no "Published on" label
    rows.append(f"<p>{'' if rel else _e(ui['published']) + ' '}{_n_time(v, a.published, rel)}</p>")
    return f'<div class="mt-10 flex flex-wrap gap-x-6 gap-y-1 text-sm text-gray-500">{"".join(rows)}</div>\n'


def _n_newsletter(v: ArticleView) -> str:
    t = CHROME[v.a.ui_lang]
    return ('<div class="not-prose my-10 rounded-2xl bg-gray-900 px-6 py-8 text-white sm:px-10">'
            f'<h3 class="text-lg font-semibold tracking-tight">{_e(t["news_h"])}</h3>'
            f'<p class="mt-2 text-sm text-gray-300">{_e(t["news_p"])}</p>'
            '<form class="mt-4 flex max-w-md gap-x-3" action="/api/newsletter" method="post">'
            f'<label for="nl-email" class="sr-only">{_e(t["email"])}</label>'
            '<input id="nl-email" name="email" type="email" required placeholder="you@example.com" '
            'class="min-w-0 flex-auto rounded-md bg-white/5 px-3.5 py-2 text-white">'
            f'<button type="submit" class="flex-none rounded-md bg-indigo-500 px-3.5 py-2.5 text-sm font-semibold">'
            f'{_e(t["subscribe"])}</button></form></div>')


def _n_ad(v: ArticleView, rng: random.Random) -> str:
    slot = f"div-gpt-ad-{rng.randint(1600000000000, 1700000000000)}-0"
    return ('<div class="not-prose my-10 flex flex-col items-center">'
            f'<span class="mb-1 text-[10px] uppercase tracking-widest text-gray-400">{_e(CHROME[v.a.ui_lang]["ad"])}</span>'
            f'<div id="{slot}" class="min-h-[250px] w-[300px] bg-gray-50"></div>'
            f"<script>googletag.cmd.push(function(){{googletag.display('{slot}');}});</script></div>")


def _n_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, k: int) -> str:
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'N')}</p>"
    if it.kind in ("h2", "h3"):
        return f'<{it.kind} id="{_heading_id(it.texts[0], k)}">{_e(it.texts[0])}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f'<blockquote class="border-l-4 border-indigo-500 pl-4 italic"><p>{_e(it.texts[0])}</p></blockquote>'
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f'<figcaption class="mt-3 text-center text-sm text-gray-500">{_e(im.caption)}</figcaption>' if im.caption else ""
        return (f'<figure class="my-8"><img class="w-full rounded-xl" src="{im.src}" alt="{_e(im.alt)}" '
                f'loading="lazy" decoding="async" width="1200" height="675" '
                f'srcset="{im.src}?w=640 640w, {im.src}?w=1200 1200w" sizes="(min-width: 768px) 768px, 100vw">{cap}</figure>')
    if it.kind == "read_also":
        if v.read_also is None:
            return ""
        return (f'<p class="not-prose my-6 rounded-md border-l-4 border-indigo-500 bg-indigo-50 p-4 text-sm">'
                f'<span class="font-semibold">{_e(v.ui["read_also"])}</span> '
                f'<a class="underline" href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></p>')
    return _n_ad(v, rng)


def _n_body(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    items = v.items()
    parts = [_n_item(v, it, ctx, rng, k) for k, it in enumerate(items)]
    # the newsletter box after a paragraph in the middle of the story
    spots = [k + 1 for k, it in enumerate(items) if it.kind == "p" and 0 < k < len(items) - 1]
    if spots:
        parts.insert(rng.choice(spots), _n_newsletter(v))
    cls = ("prose prose-lg prose-gray mt-10 max-w-none" if rng.random() < 0.5
           else "mt-10 space-y-6 text-lg leading-8 text-gray-700 [&_h2]:mt-12 [&_h2]:text-2xl [&_h2]:font-bold")
    return f'<div class="{cls}">\n' + "\n".join(p for p in parts if p) + "\n</div>\n"


def _n_toc(v: ArticleView) -> str:
    heads = [(k, it.texts[0]) for k, it in enumerate(v.items()) if it.kind == "h2"]
    if not heads:
        return ""
    links = "".join(f'<li><a class="hover:text-indigo-600" href="#{_heading_id(t, k)}">{_e(t)}</a></li>' for k, t in heads)
    return (f'<nav aria-label="{_e(CHROME[v.a.ui_lang]["toc"])}" class="mt-8 rounded-lg border border-gray-200 p-4">'
            f'<p class="text-sm font-semibold text-gray-900">{_e(CHROME[v.a.ui_lang]["toc"])}</p>'
            f'<ol class="mt-2 list-decimal space-y-1 pl-5 text-sm text-gray-600">{links}</ol></nav>\n')


def _n_tags(v: ArticleView) -> str:
    if not v.a.tags:
        return ""
    pills = "".join(f'<li><a href="/{v.lang}/tag/{slug}/" class="inline-flex items-center rounded-full bg-gray-100 px-3 '
                    f'py-1 text-sm font-medium text-gray-700 hover:bg-gray-200">{_e(t)}</a></li>' for t, slug in v.tags)
    return f'<ul class="mt-8 flex flex-wrap gap-2">{pills}</ul>\n'


def _n_share(v: ArticleView, ctx: Ctx) -> str:
    url = ctx.base + v.a.path
    return ('<div class="mt-6 flex items-center gap-x-3">'
            f'<span class="text-sm font-medium text-gray-900">{_e(v.ui["share"])}</span>'
            f'<a href="https://twitter.com/intent/tweet?url={url}" aria-label="X" class="text-gray-400 hover:text-gray-600">'
            '<svg class="h-5 w-5" aria-hidden="true"><use href="#x"></use></svg></a>'
            f'<a href="https://www.linkedin.com/sharing/share-offsite/?url={url}" aria-label="LinkedIn" '
            'class="text-gray-400 hover:text-gray-600"><svg class="h-5 w-5" aria-hidden="true"><use href="#in"></use></svg></a>'
            f'<button type="button" class="rounded-md px-2 py-1 text-xs ring-1 ring-gray-300">{_e(CHROME[v.a.ui_lang]["copy"])}'
            "</button></div>\n")


def _n_feedback(v: ArticleView, rng: random.Random) -> str:
    rows = []
    if v.notice:
        rows.append(f'<p class="text-sm leading-6 text-gray-600">{_e(v.notice)}</p>')
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        rows.append('<div class="mt-6 flex items-center gap-x-3">'
                    f'<p class="text-sm font-semibold text-gray-900">{_e(v.ui["helpful_q"])}</p>'
                    f'<button type="button" class="rounded-full px-3 py-1 text-sm ring-1 ring-gray-300">{yes}</button>'
                    f'<button type="button" class="rounded-full px-3 py-1 text-sm ring-1 ring-gray-300">{no}</button></div>'
                    f'<p class="mt-2 text-xs text-gray-500">{_vote_line(v, rng)}</p>')
    return f'<section class="mt-12 border-t border-gray-200 pt-8">{"".join(rows)}</section>\n' if rows else ""


def _n_card(c: Card, v: ArticleView, rng: random.Random) -> str:
    href = _n_tracked(c.path, rng)
    thumb = c.path.rsplit("/", 1)[-1].split("-", 1)[0]
    return ('<article class="flex flex-col overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-gray-200">'
            f'<a href="{href}" tabindex="-1" aria-hidden="true"><img class="aspect-video w-full object-cover" '
            f'src="/media/{thumb}/thumb.jpg" alt="" loading="lazy"></a>'
            '<div class="flex flex-1 flex-col p-6">'
            f'<span class="inline-flex w-fit rounded-full bg-indigo-50 px-2 py-1 text-xs font-medium text-indigo-700">'
            f"{_e(c.cat_name)}</span>"
            f'<h3 class="mt-3 text-lg font-semibold leading-6 text-gray-900"><a href="{href}">{_e(c.title)}</a></h3>'
            f'<p class="mt-2 line-clamp-3 text-sm leading-6 text-gray-600">{_e(c.snippet)}{_ellipsis(c, rng, v)}</p>'
            "</div></article>")


def render_n(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang = v.a, v.lang
    crumbs = ('<nav aria-label="Breadcrumb" class="mb-6"><ol class="flex items-center gap-x-2 text-sm text-gray-500">'
              f'<li><a href="/{lang}/" class="hover:text-gray-700">{_e(v.ui["home"])}</a></li>'
              f'<li class="flex items-center gap-x-2">{_CHEVRON}<a href="/{lang}/category/{a.category}/" '
              f'class="hover:text-gray-700">{_e(v.category_name)}</a></li></ol></nav>\n')
    toc = _n_toc(v) if rng.random() < 0.4 else ""
    cards = "".join(_n_card(c, v, rng) for c in v.cards())
    related = ('<section class="bg-gray-50 py-16"><div class="mx-auto max-w-7xl px-4 sm:px-6 lg:px-8">'
               f'<h2 class="text-2xl font-bold tracking-tight text-gray-900">{_e(v.ui["discover"])}</h2>'
               f'<div class="mt-8 grid gap-8 md:grid-cols-2 lg:grid-cols-3">{cards}</div></div></section>\n') if cards else ""
    next_data = ""
    if rng.random() < 0.5:
        data = {"props": {"pageProps": {"id": a.id, "slug": a.slug, "locale": lang, "preview": False}},
                "page": "/[locale]/[category]/[slug]", "query": {"category": a.category}, "buildId": "hK3v9",
                "isFallback": False, "gsp": True}
        next_data = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>\n'
    return (_n_head(v, ctx, rng) + '<body class="bg-white text-gray-900 antialiased">\n<div id="__next">\n'
            + _n_topbar(v) + '<div class="mx-auto max-w-3xl px-4 py-10 sm:px-6">\n' + crumbs
            + f'<h1 class="text-4xl font-extrabold tracking-tight text-gray-900 sm:text-5xl">{_e(a.title)}</h1>\n'
            + f'<p class="mt-4 text-xl leading-8 text-gray-600">{_e(a.summary_text)}</p>\n'
            + _n_byline(v, rng) + toc + _n_body(v, ctx, rng) + _n_dates(v) + _n_tags(v) + _n_share(v, ctx)
            + _n_feedback(v, rng) + "</div>\n" + related
            + '<footer class="border-t border-gray-200"><div class="mx-auto flex max-w-7xl justify-between px-4 py-10 text-sm '
            f'text-gray-500"><div class="flex gap-x-6"><a href="/{lang}/about">About</a><a href="/{lang}/contact">Contact</a>'
            f'<a href="/{lang}/privacy">Privacy</a></div><p>© 2026 IPGirl, Inc.</p></div></footer>\n'
            '<div class="fixed inset-x-0 bottom-0 z-50 bg-gray-900 p-4 text-sm text-white">We use cookies. '
            '<button type="button" class="ml-2 rounded bg-white px-2 py-1 text-gray-900">Accept</button></div>\n'
            "</div>\n" + next_data + '<script src="/_next/static/chunks/main-3f9a.js" defer></script>\n</body>\n</html>\n')


def render_no(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    if v.a.era == "N":
        return render_n(v, ctx, rng)
    from .eras_o import render_o  # era O: its own module, built on this one's helpers
    return render_o(v, ctx, rng)
