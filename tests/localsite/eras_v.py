"""Era V (opt-in, held-out, written blind): a news app's story page server-rendered by a
component framework with islands (Astro-like: ``<astro-island>`` wrappers with JSON ``props``,
``<!--astro:end-->`` markers, ``display:contents`` style), built from many small components.

Head: og/twitter metas, ``meta[name=author]`` on ~60%, ``article:published_time`` /
``article:modified_time`` on machine-dated pages, ONE JSON-LD script holding an ARRAY of nodes
(NewsArticle whose ``@type`` is ``["NewsArticle", "ReportageNewsArticle"]`` on half, its dates only on
machine-dated pages; BreadcrumbList; Organization), preloads and module scripts.

Body: the site header (sections, "Subscribe", "Sign in"), then ``<main>`` WITHOUT any ``<article>``:
breadcrumbs ``nav > ol``, an ``<hgroup>`` with the ``h1`` and the standfirst ``<p>`` (the summary),
the byline "By A and B" (author links) with a "Follow" button island, the timestamps: ~45%
``<time datetime="…Z">`` shown as "4 July 2023, 08:15 GMT+2" style local clock time, ~15% the same
instant shown as "3 days ago", ~25% a visible day, ~15% "3 days ago" text; "Updated …" on its own line
when modified; a reading time; a sticky share rail island ("Share:", icon buttons, "Copy link", a
comment count) BEFORE the story. The story is NOT in one container: each run of 1-3 blocks is a
sibling ``<section class="story-chunk">`` of ``<main>``, with between them: ad slots
(``<div class="ad-slot">`` "Advertisement" … "Story continues below advertisement"), a newsletter
sign-up island after the second chunk (~70%), and an inline "Recommended" island (two other
stories' titles, ~50%). Inside chunks: paragraphs, headings, lists, quotes, figures
(``<picture>`` + ``figcaption``), "Read also" as a one-line link card, ads. The notice is the last
chunk (``<p><i>``). After the story: "Tags:" (visible, or screen-reader-only before a "Topics"
heading) with tag links, the votes island, a comments button, "Most read" (a ranked list of
``<article>`` teasers), "Discover more" as a grid of ``<article>`` cards whose link is an empty
overlay ``<a aria-label="title">`` (half) or wraps only the title, then the footer and a consent
banner's markup (``role=dialog``, English, "Accept all" / "Reject all" / "Manage preferences").
UI in English on ~20% of pages.
"""
from __future__ import annotations

import json
import random
from datetime import timezone

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_no import CHROME, _e
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, READING_TIME, YES_NO, format_date, format_relative, join_names
from .fmt import word_count
from .view import ArticleView, Card, Item

# Story-page chrome per UI language: ad continuation line, recommended, most read, follow, comments,
# topics, sign in, subscribe.
STORY: dict[str, dict[str, str]] = {
    "en": {"cont": "Story continues below advertisement", "rec": "Recommended", "most": "Most read", "follow": "Follow",
           "comments": "Comments", "topics": "Topics", "signin": "Sign in", "sub": "Subscribe"},
    "fr": {"cont": "L’article continue après cette publicité", "rec": "Recommandé", "most": "Les plus lus",
           "follow": "Suivre", "comments": "Commentaires", "topics": "Sujets", "signin": "Se connecter", "sub": "S’abonner"},
    "de": {"cont": "Der Artikel wird nach der Anzeige fortgesetzt", "rec": "Empfohlen", "most": "Meistgelesen",
           "follow": "Folgen", "comments": "Kommentare", "topics": "Themen", "signin": "Anmelden", "sub": "Abonnieren"},
    "es": {"cont": "La noticia continúa tras la publicidad", "rec": "Recomendado", "most": "Lo más leído",
           "follow": "Seguir", "comments": "Comentarios", "topics": "Temas", "signin": "Iniciar sesión", "sub": "Suscríbete"},
    "it": {"cont": "L’articolo continua dopo la pubblicità", "rec": "Consigliati", "most": "I più letti",
           "follow": "Segui", "comments": "Commenti", "topics": "Argomenti", "signin": "Accedi", "sub": "Abbonati"},
    "pt": {"cont": "A reportagem continua após a publicidade", "rec": "Recomendado", "most": "Mais lidas",
           "follow": "Seguir", "comments": "Comentários", "topics": "Tópicos", "signin": "Entrar", "sub": "Assine"},
    "ja": {"cont": "記事は広告の後に続きます", "rec": "おすすめ", "most": "よく読まれている記事", "follow": "フォロー",
           "comments": "コメント", "topics": "トピック", "signin": "ログイン", "sub": "購読する"},
    "zh": {"cont": "广告后继续阅读正文", "rec": "推荐阅读", "most": "最多阅读", "follow": "关注", "comments": "评论",
           "topics": "话题", "signin": "登录", "sub": "订阅"},
    "ko": {"cont": "광고 후 기사가 이어집니다", "rec": "추천 기사", "most": "많이 본 기사", "follow": "팔로우",
           "comments": "댓글", "topics": "주제", "signin": "로그인", "sub": "구독"},
}
CONSENT = ("We value your privacy", "We and our 842 partners store and access information on your device, such as "
           "cookies, and process personal data to personalise ads and content.", "Accept all", "Reject all",
           "Manage preferences")
assert set(STORY) == set(LANGS) and all(len(t) == len(STORY["en"]) for t in STORY.values())


def body_chrome(v: ArticleView) -> frozenset[str]:
    """Lines a reader sees among the story's blocks that are page chrome (for pagecheck)."""
    s, c = STORY[v.a.ui_lang], CHROME[v.a.ui_lang]
    titles = {x.title for x in v.site.newest[v.lang]}  # the inline "Recommended" island's links
    return frozenset({s["cont"], c["ad"], s["rec"], c["news_h"], c["news_p"], c["subscribe"], c["email"], *titles})


def _island(name: str, props: dict, inner: str, uid: int, client: str = "visible") -> str:
    attr = _e(json.dumps({k: [0, val] for k, val in props.items()}, ensure_ascii=False))
    return (f'<astro-island uid="Z{uid:x}" prefix="r{uid % 97}" component-url="/_astro/{name}.{uid % 9973:x}B2.js" '
            f'component-export="default" renderer-url="/_astro/client.Cx3sK1.js" props="{attr}" ssr="" '
            f'client="{client}" opts="{{&quot;name&quot;:&quot;{name}&quot;,&quot;value&quot;:true}}" await-children="">'
            f"{inner}<!--astro:end--></astro-island>")


def _v_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, url = v.a, ctx.base + v.a.path
    news = {"@context": "https://schema.org", "@type": ["NewsArticle", "ReportageNewsArticle"] if rng.random() < 0.5
            else "NewsArticle", "headline": a.title, "description": a.summary_text, "url": url,
            "author": [{"@type": "Person", "name": n, "url": f"{ctx.base}/{a.lang}/author/{s}/"} for n, s in v.authors],
            "articleSection": v.category_name, "inLanguage": a.lang, "isAccessibleForFree": True,
            "publisher": {"@type": "NewsMediaOrganization", "name": "IPGirl", "logo": {"@type": "ImageObject",
                                                                                     "url": ctx.base + "/logo.png"}}}
    metas = ""
    if a.date_mode == "machine":
        news["datePublished"] = a.published.isoformat()
        metas = f'<meta property="article:published_time" content="{a.published.isoformat()}">\n'
        if a.modified:
            news["dateModified"] = a.modified.isoformat()
            metas += f'<meta property="article:modified_time" content="{a.modified.isoformat()}">\n'
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": v.ui["home"], "item": f"{ctx.base}/{a.lang}/"},
        {"@type": "ListItem", "position": 2, "name": v.category_name, "item": f"{ctx.base}/{a.lang}/category/{a.category}/"}]}
    org = {"@context": "https://schema.org", "@type": "Organization", "name": "IPGirl", "url": ctx.base + "/"}
    ld = json.dumps([news, crumbs, org], ensure_ascii=False).replace("</", "<\\/")
    author = (f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n' if rng.random() < 0.6 else "")
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}" data-astro-cid-x7q2="">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width">\n<meta name="generator" content="Astro v4.16.7">\n'
            f"<title>{_e(a.title)} | IPGirl News</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f'{author}{_links_head(v, ctx)}\n<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{_e(a.title)}">\n<meta property="og:description" content="{_e(a.summary_text)}">\n'
            f'<meta name="twitter:card" content="summary_large_image">\n{metas}'
            f'<script type="application/ld+json">{ld}</script>\n'
            '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>\n'
            '<link rel="stylesheet" href="/_astro/story.Dk3k2.css">\n'
            '<script type="module" src="/_astro/hoisted.Bq1x9.js"></script>\n</head>\n')


def _stamp(v: ArticleView, when, relative: bool) -> str:
    a, lang = v.a, v.byline_lang
    if a.date_mode == "relative":
        return f'<span class="ts">{_e(format_relative(a.rel_days, lang))}</span>'
    if a.date_mode != "machine":
        return f'<span class="ts">{_e(format_date(when, lang))}</span>'
    utc = when.astimezone(timezone.utc)
    off = int(when.utcoffset().total_seconds() // 3600)  # type: ignore[union-attr]
    shown = format_relative(a.rel_days, lang) if relative else \
        f"{format_date(when, lang)}, {when:%H:%M} GMT{off:+d}".replace("GMT+0", "GMT")
    return f'<time class="ts" datetime="{utc:%Y-%m-%dT%H:%M:%SZ}">{_e(shown)}</time>'


def _v_byline(v: ArticleView, rng: random.Random) -> str:
    a, s, uid = v.a, STORY[v.a.ui_lang], v.a.id
    by = v.ui["by"] if v.ui["by"].endswith("：") else v.ui["by"] + " "
    names = join_names([f'<a href="/{v.lang}/author/{slug}/" rel="author" class="byline__link">{_e(n)}</a>'
                        for n, slug in v.authors], v.byline_lang)
    follow = _island("FollowButton", {"authors": [slug for _, slug in v.authors]},
                     f'<button type="button" class="follow-btn">+ {_e(s["follow"])}</button>', uid * 7 + 1)
    relative = a.date_mode == "machine" and a.rel_days > 0
    # the label only before a date: "Published on 3 days ago" is no site's English
    label = "" if relative or a.date_mode == "relative" else f'<span>{_e(v.ui["published"])}</span> '
    stamps = f'<p class="dates">{label}{_stamp(v, a.published, relative)}</p>'
    if a.modified:
        stamps += f'<p class="dates dates--updated"><span>{_e(v.ui["updated"])}</span> {_stamp(v, a.modified, False)}</p>'
    minutes = max(1, word_count("\n\n".join(v.body_blocks()), a.lang) // (400 if a.lang in ("ja", "zh") else 220))
    return (f'<div class="byline" data-component="Byline"><p class="byline__names">{_e(by)}{names}</p>{follow}</div>\n'
            f'<div class="meta" data-component="Dateline">{stamps}<p class="meta__read">'
            f'{_e(READING_TIME[v.byline_lang].format(n=minutes))}</p></div>\n')


def _v_share(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    url = ctx.base + v.a.path
    inner = (f'<aside class="share-rail" aria-label="Share"><p class="share-rail__label">{_e(v.ui["share"])}</p>'
             f'<a href="https://www.facebook.com/sharer/sharer.php?u={url}" aria-label="Facebook"><svg></svg></a>'
             f'<a href="https://x.com/intent/post?url={url}" aria-label="X"><svg></svg></a>'
             f'<a href="mailto:?subject={_e(v.a.title)}&amp;body={url}" aria-label="Email"><svg></svg></a>'
             f'<button type="button" class="share-rail__copy">{_e(CHROME[v.a.ui_lang]["copy"])}</button>'
             f'<a href="#comments" class="share-rail__comments">💬 {rng.randint(0, 400)}</a></aside>')
    return _island("ShareRail", {"url": url, "title": v.a.title}, inner, v.a.id * 7 + 2, "idle") + "\n"


def _v_ad(v: ArticleView, k: int) -> str:
    return (f'<div class="ad-slot ad-slot--inarticle" data-slot="inarticle-{k}"><p class="ad-slot__label">'
            f'{_e(CHROME[v.a.ui_lang]["ad"])}</p><div id="gpt-inarticle-{k}" class="ad-slot__frame" style="min-height:250px">'
            f'</div><p class="ad-slot__continue">{_e(STORY[v.a.ui_lang]["cont"])}</p></div>')


def _v_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, k: int) -> str:
    if it.kind == "p":
        return f'<p class="story-text">{_text(v, it, rng, "V")}</p>'
    if it.kind in ("h2", "h3"):
        return f'<{it.kind} class="story-heading">{_e(it.texts[0])}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f'<{it.kind} class="story-list">' + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f'<blockquote class="story-quote"><p>{_e(it.texts[0])}</p></blockquote>'
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f'<figcaption class="story-figure__caption">{_e(im.caption)}</figcaption>' if im.caption else ""
        return (f'<figure class="story-figure"><picture><source type="image/avif" srcset="{im.src}?fm=avif&amp;w=960 960w">'
                f'<img src="{im.src}" alt="{_e(im.alt)}" width="960" height="540" loading="lazy" decoding="async"></picture>'
                f"{cap}</figure>")
    if it.kind == "read_also":
        return (f'<p class="read-also"><a href="{_read_also_href(v, ctx, rng)}"><strong>{_e(v.ui["read_also"])}</strong> '
                f"{_e(v.read_also.title)}</a></p>")  # type: ignore[union-attr]
    return _v_ad(v, 100 + k)


def _v_newsletter(v: ArticleView) -> str:
    c = CHROME[v.a.ui_lang]
    inner = (f'<div class="nl-signup"><p class="nl-signup__title"><strong>{_e(c["news_h"])}</strong></p><p>{_e(c["news_p"])}</p>'
             f'<form action="/api/newsletter" method="post"><label>{_e(c["email"])}<input type="email" name="email"></label>'
             f'<button type="submit">{_e(c["subscribe"])}</button></form></div>')
    return _island("NewsletterSignup", {"list": "weekly-ai", "lang": v.lang}, inner, v.a.id * 7 + 3)


def _v_recommended(v: ArticleView) -> str:
    picks = [x for x in v.site.newest[v.lang][:6] if x is not v.a][:2]
    if not picks:
        return ""
    links = "".join(f'<li><a href="{x.path}?ref=inline-rec">{_e(x.title)}</a></li>' for x in picks)
    inner = f'<div class="inline-rec"><p class="inline-rec__title">{_e(STORY[v.a.ui_lang]["rec"])}</p><ul>{links}</ul></div>'
    return _island("InlineRecommended", {"ids": [x.id for x in picks]}, inner, v.a.id * 7 + 4)


def _v_story(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    """The story's blocks in sibling sections, with ads and islands between them."""
    items, chunks, k = v.items(), [], 0
    while k < len(items):
        n = rng.randint(1, 3)
        chunks.append(items[k:k + n])
        k += n
    out, rec = [], rng.random() < 0.5
    for c, chunk in enumerate(chunks):
        html = "".join(_v_item(v, it, ctx, rng, c * 3 + j) for j, it in enumerate(chunk))
        out.append(f'<section class="story-chunk" data-chunk="{c}">{html}</section>')
        if c == 1 and rng.random() < 0.7:
            out.append(_v_newsletter(v))
        elif c < len(chunks) - 1 and c % 2 == 0 and c > 0:
            out.append(_v_ad(v, c))
        if c == 3 and rec:
            out.append(_v_recommended(v))
    if v.notice:
        out.append(f'<section class="story-chunk story-chunk--footnote"><p><i>{_e(v.notice)}</i></p></section>')
    return "\n".join(out) + "\n"


def _v_after(v: ArticleView, rng: random.Random) -> str:
    s, out = STORY[v.a.ui_lang], []
    if v.a.tags:
        links = "".join(f'<li><a href="/{v.lang}/tag/{slug}/" class="topic">{_e(t)}</a></li>' for t, slug in v.tags)
        head = (f'<h2 class="topics__title">{_e(v.ui["tags"])}</h2>' if rng.random() < 0.5 else
                f'<h2 class="topics__title"><span class="sr-only">{_e(v.ui["tags"])}</span>{_e(s["topics"])}</h2>')
        out.append(f'<section class="topics">{head}<ul>{links}</ul></section>')
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        y, t = v.a.votes
        inner = (f'<div class="feedback"><p class="feedback__q">{_e(v.ui["helpful_q"])}</p><button type="button">{yes}</button>'
                 f'<button type="button">{no}</button><p class="feedback__count" aria-live="polite">{_vote_line(v, rng)}</p></div>')
        out.append(_island("Feedback", {"articleId": v.a.id, "yes": y, "total": t}, inner, v.a.id * 7 + 5, "load"))
    out.append(f'<div id="comments" class="comments"><button type="button">{_e(s["comments"])} ({rng.randint(0, 400)})'
               "</button></div>")
    top = [x for x in v.site.newest[v.lang][:7] if x is not v.a][:5]
    teasers = "".join(f'<li><article class="teaser teaser--ranked"><span class="teaser__rank">{k}</span><h3><a href="{x.path}">'
                      f"{_e(x.title)}</a></h3></article></li>" for k, x in enumerate(top, start=1))
    out.append(f'<section class="most-read"><h2>{_e(s["most"])}</h2><ol>{teasers}</ol></section>')
    return "\n".join(out) + "\n"


def _v_card(c: Card, v: ArticleView, rng: random.Random, overlay: bool) -> str:
    snippet = f'<p class="card__standfirst">{_e(c.snippet)}{_ellipsis(c, rng, v)}</p>'
    kicker = f'<span class="card__kicker">{_e(c.cat_name)}</span>'
    if overlay:  # the whole card clickable: an empty link stretched over it, named by aria-label
        return (f'<article class="card"><a class="card__overlay" href="{c.path}" aria-label="{_e(c.title)}"></a>{kicker}'
                f'<h3 class="card__title">{_e(c.title)}</h3>{snippet}</article>')
    return f'<article class="card">{kicker}<h3 class="card__title"><a href="{c.path}">{_e(c.title)}</a></h3>{snippet}</article>'


def _v_related(v: ArticleView, rng: random.Random) -> str:
    cards = v.cards()
    if not cards:
        return ""
    overlay = rng.random() < 0.5
    return (f'<section class="discover" aria-labelledby="discover-title"><h2 id="discover-title">{_e(v.ui["discover"])}</h2>'
            f'<div class="grid">{"".join(_v_card(c, v, rng, overlay) for c in cards)}</div></section>\n')


def render_v(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang, s = v.a, v.lang, STORY[v.a.ui_lang]
    nav = "".join(f'<li><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>' for c in CATEGORIES)
    crumbs = (f'<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/{lang}/">{_e(v.ui["home"])}</a></li>'
              f'<li><a href="/{lang}/category/{a.category}/" aria-current="location">{_e(v.category_name)}</a></li></ol></nav>')
    consent = (f'<div id="consent" class="consent" role="dialog" aria-modal="true" aria-labelledby="consent-title">'
               f'<h2 id="consent-title">{CONSENT[0]}</h2><p>{CONSENT[1]}</p><button type="button">{CONSENT[2]}</button>'
               f'<button type="button">{CONSENT[3]}</button><button type="button">{CONSENT[4]}</button></div>\n')
    return (_v_head(v, ctx, rng) + '<body>\n<header class="site-header"><a href="/' + lang + '/" class="logo">IPGirl News</a>'
            + f'<nav aria-label="Sections"><ul>{nav}</ul></nav><a href="/{lang}/about" class="btn">{_e(s["sub"])}</a>'
            + f'<a href="/{lang}/contact" class="btn btn--ghost">{_e(s["signin"])}</a></header>\n'
            + f'<main id="main" data-story-id="{a.id}">\n{crumbs}\n<hgroup class="headline"><h1>{_e(a.title)}</h1>'
            + f'<p class="standfirst">{_e(a.summary_text)}</p></hgroup>\n' + _v_byline(v, rng) + _v_share(v, ctx, rng)
            + _v_story(v, ctx, rng) + _v_after(v, rng) + _v_related(v, rng) + "</main>\n"
            + f'<footer class="site-footer"><a href="/{lang}/about">About</a> <a href="/{lang}/privacy">Privacy</a>'
            + "<p>© 2026 IPGirl News</p></footer>\n" + consent
            + '<script>(()=>{var e=async t=>{await(await t())()};(self.Astro||(self.Astro={})).visible=e;'
            + 'window.dispatchEvent(new Event("astro:visible"));})();</script>\n</body>\n</html>\n')
