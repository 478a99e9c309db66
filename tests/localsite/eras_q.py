"""Era Q (opt-in, held-out, written blind): a classic WordPress blog theme (Twenty-Fifteen-like) with
the usual plugins. ``html lang`` and every ``hreflang`` carry a region (``fr-FR``, ``ja-JP``,
``zh-CN``, ``pt-BR``, ``en-US``; Polylang/WPML style) plus ``x-default``. Yoast metas
(``article:published_time`` when the page is machine-dated, ``og:*``), a ``wp-block-library`` stylesheet.

``#page > header#masthead``, then ``#content > #primary > main#main > article.post.hentry`` and an
``aside#secondary`` widget area (search form, "Recent posts" with links to other articles, a
calendar table with its month caption, "Archives" month links, categories) before or after the
article. Yoast breadcrumbs ``<p id=breadcrumbs>Accueil » AI</p>``. The featured image
(``post-thumbnail``, not part of the body) sits above the title, a ``cat-links`` category link
above the h1, the excerpt in ``div.entry-summary`` under it (on ~30% of pages a large lead
``<p>`` as the first block of the content instead), then ``entry-meta``: "Publié le <time>" and
"par <span class=author vcard>…". Dates: ~50% ``time.entry-date.published[datetime]`` full instant
(+ ``time.updated``), ~35% visible only (a day-only ``datetime`` on half), ~15% "3 days ago".
A font-size widget (A- A A+) and the share buttons (Jetpack ``sharedaddy``, "Share:" heading) before the
content on half the pages, else after it. ``div.entry-content``: an Easy-TOC box at the top (a
title, a hide toggle, the h2 list; headings carry ``span.ez-toc-section`` anchors), Gutenberg blocks,
an inline-related box for "Read also", AdSense code blocks; the site notice in a styled callout
group (``wp-block-group is-style-callout`` with an icon span). ``footer.entry-footer``: "Filed
under:"-style localized tag line (or the "Tags:" string) with comma-separated tags, links on
~60%, plain text on the rest. A "Was this helpful?" plugin box, Jetpack related posts
(``<h3><em>Discover more</em></h3>``, title link, excerpt and a context line ``In "AI"``
localized, or the category in a span before the title), and a comment thread whose heading
quotes the article's title, with dated comments and a reply form.
"""
from __future__ import annotations

import random
from datetime import timedelta

from .eras import Ctx, _ellipsis, _read_also_href, _text, _vote_line
from .eras_no import _e, _heading_id
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, MONTHS, QUOTES, UI, YES_NO, format_date, format_relative, iso_local, join_names
from .view import ArticleView, Card, Item

REGION = {"en": "en-US", "fr": "fr-FR", "de": "de-DE", "es": "es-ES", "it": "it-IT", "pt": "pt-BR",
          "ja": "ja-JP", "zh": "zh-CN", "ko": "ko-KR"}

# Theme/plugin strings not in ui-strings.json, per UI language: tag line, TOC title and toggle,
# widget titles, comment heading (n, title in quotes), reply title, Jetpack's "In" context.
WP: dict[str, dict[str, str]] = {
    "en": {"filed": "Filed under:", "toc": "Table of Contents", "hide": "hide", "recent": "Recent Posts",
           "archives": "Archives", "cats": "Categories", "search": "Search", "comments": "{n} thoughts on {q}",
           "reply": "Leave a Reply", "in": "In {q}", "font": "Text size", "says": "says:"},
    "fr": {"filed": "Classé dans :", "toc": "Sommaire", "hide": "masquer", "recent": "Articles récents",
           "archives": "Archives", "cats": "Catégories", "search": "Rechercher", "comments": "{n} réflexions sur {q}",
           "reply": "Laisser un commentaire", "in": "Dans {q}", "font": "Taille du texte", "says": "dit :"},
    "de": {"filed": "Abgelegt unter:", "toc": "Inhaltsverzeichnis", "hide": "ausblenden", "recent": "Neueste Beiträge",
           "archives": "Archiv", "cats": "Kategorien", "search": "Suche", "comments": "{n} Gedanken zu {q}",
           "reply": "Schreibe einen Kommentar", "in": "In {q}", "font": "Schriftgröße", "says": "sagt:"},
    "es": {"filed": "Archivado en:", "toc": "Índice", "hide": "ocultar", "recent": "Entradas recientes",
           "archives": "Archivos", "cats": "Categorías", "search": "Buscar", "comments": "{n} comentarios en {q}",
           "reply": "Deja una respuesta", "in": "En {q}", "font": "Tamaño del texto", "says": "dice:"},
    "it": {"filed": "Archiviato in:", "toc": "Indice", "hide": "nascondi", "recent": "Articoli recenti",
           "archives": "Archivi", "cats": "Categorie", "search": "Cerca", "comments": "{n} commenti su {q}",
           "reply": "Lascia un commento", "in": "In {q}", "font": "Dimensione testo", "says": "ha detto:"},
    "pt": {"filed": "Arquivado em:", "toc": "Índice", "hide": "ocultar", "recent": "Posts recentes",
           "archives": "Arquivos", "cats": "Categorias", "search": "Pesquisar", "comments": "{n} comentários em {q}",
           "reply": "Deixe um comentário", "in": "Em {q}", "font": "Tamanho do texto", "says": "disse:"},
    "ja": {"filed": "カテゴリー・タグ：", "toc": "目次", "hide": "非表示", "recent": "最近の投稿",
           "archives": "アーカイブ", "cats": "カテゴリー", "search": "検索", "comments": "{q} への{n}件のフィードバック",
           "reply": "コメントを残す", "in": "{q} 内", "font": "文字サイズ", "says": "より:"},
    "zh": {"filed": "归档于：", "toc": "目录", "hide": "隐藏", "recent": "近期文章",
           "archives": "归档", "cats": "分类", "search": "搜索", "comments": "《{t}》上有{n}条评论",
           "reply": "发表回复", "in": "在 {q} 中", "font": "字号", "says": "说道："},
    "ko": {"filed": "분류:", "toc": "목차", "hide": "숨기기", "recent": "최신 글",
           "archives": "보관함", "cats": "카테고리", "search": "검색", "comments": "{q}에 대한 {n}개의 생각",
           "reply": "답글 남기기", "in": "{q}에서", "font": "글자 크기", "says": "님의 말:"},
}
COMMENTS: dict[str, tuple[str, ...]] = {
    "en": ("Great write-up, thanks for the links!", "I am not convinced by the numbers, but a good read."),
    "fr": ("Merci pour cet article très clair !", "Je ne suis pas convaincu par les chiffres, mais bonne lecture."),
    "de": ("Danke für den guten Überblick!", "Die Zahlen überzeugen mich nicht ganz, trotzdem lesenswert."),
    "es": ("¡Gracias por el resumen tan claro!", "No me convencen las cifras, pero buena lectura."),
    "it": ("Grazie per l’articolo, molto chiaro!", "Non mi convincono i numeri, ma bella lettura."),
    "pt": ("Obrigado pelo resumo tão claro!", "Não me convencem os números, mas boa leitura."),
    "ja": ("わかりやすい記事をありがとうございます。", "数字には少し疑問がありますが、参考になりました。"),
    "zh": ("感谢这篇清晰的文章！", "数据我不太认同，不过值得一读。"),
    "ko": ("명쾌한 글 감사합니다!", "수치에는 동의하기 어렵지만 좋은 글이었습니다."),
}
COMMENTERS = ("techfan42", "Marie L.", "kenji_t", "DataDave", "Lucía", "ops-bot-watcher")
assert set(WP) == set(COMMENTS) == set(LANGS)


def _q(text: str, lang: str) -> str:
    o, c = QUOTES[lang]
    return f"{o}{text}{c}"


def _q_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    links = [f'<link rel="canonical" href="{ctx.base}{a.path}" />']
    links += [f'<link rel="alternate" href="{ctx.base}{p}" hreflang="{REGION.get(h, h)}" />' for h, p in v.hreflangs()]
    metas = ""
    if a.date_mode == "machine":
        metas = f'<meta property="article:published_time" content="{iso_local(a.published)}" />\n'
        if a.modified:
            metas += f'<meta property="article:modified_time" content="{iso_local(a.modified)}" />\n'
    author = (f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}" />\n'
              if rng.random() < 0.5 else "")
    return (f'<!DOCTYPE html>\n<html lang="{REGION[a.lang]}" class="no-js">\n<head>\n<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(a.title)} &#8211; IPGirl</title>\n<meta name='robots' content='index, follow, max-image-preview:large' />\n"
            f'<meta name="description" content="{_e(a.summary_text)}" />\n' + "\n".join(links) + "\n"
            f'<meta property="og:locale" content="{REGION[a.lang].replace("-", "_")}" />\n<meta property="og:type" content="article" />\n'
            f'<meta property="og:title" content="{_e(a.title)}" />\n{metas}{author}'
            '<meta name="generator" content="WordPress 6.4.3" />\n'
            "<link rel='stylesheet' id='wp-block-library-css' href='/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3' media='all' />\n"
            "<link rel='stylesheet' id='twentyfifteen-style-css' href='/wp-content/themes/twentyfifteen/style.css?ver=20231107' media='all' />\n"
            "<script src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>\n</head>\n")


def _q_sidebar(v: ArticleView, rng: random.Random) -> str:
    lang, wp, now = v.lang, WP[v.a.ui_lang], v.site.now
    recent = [x for x in v.site.newest[lang] if x.id != v.a.id][:5]
    items = "".join(f'<li><a href="{x.path}">{_e(x.title)}</a></li>' for x in recent)
    months = [(now.year, now.month - k) if now.month > k else (now.year - 1, now.month - k + 12) for k in range(1, 5)]
    ml = v.a.ui_lang if v.a.ui_lang in MONTHS else None
    arch = "".join(f'<li><a href="/{lang}/{y}/{m:02d}/">{MONTHS[ml][m - 1] + " " + str(y) if ml else f"{y}年{m}月"}</a></li>'
                   for y, m in months)
    cal_caption = (f"{MONTHS[ml][now.month - 1]} {now.year}" if ml else f"{now.year}年{now.month}月")
    days = "".join(f"<td>{d}</td>" + ("</tr><tr>" if d % 7 == 0 else "") for d in range(1, 29))
    cats = "".join(f'<li class="cat-item"><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>'
                   for c in CATEGORIES)
    return ('<div id="sidebar" class="sidebar"><aside id="secondary" class="secondary widget-area" role="complementary">'
            f'<aside id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" '
            f'action="/{lang}/search"><label><span class="screen-reader-text">{_e(wp["search"])}</span>'
            f'<input type="search" class="search-field" name="q"></label><input type="submit" class="search-submit" '
            f'value="{_e(wp["search"])}"></form></aside>'
            f'<aside id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">{_e(wp["recent"])}</h2>'
            f"<ul>{items}</ul></aside>"
            f'<aside id="calendar-2" class="widget widget_calendar"><div id="calendar_wrap" class="calendar_wrap">'
            f'<table id="wp-calendar" class="wp-calendar-table"><caption>{cal_caption}</caption><tbody><tr>{days}</tr>'
            "</tbody></table></div></aside>"
            f'<aside id="archives-2" class="widget widget_archive"><h2 class="widget-title">{_e(wp["archives"])}</h2>'
            f"<ul>{arch}</ul></aside>"
            f'<aside id="categories-2" class="widget widget_categories"><h2 class="widget-title">{_e(wp["cats"])}</h2>'
            f"<ul>{cats}</ul></aside></aside></div>\n")


def _q_time(v: ArticleView) -> str:
    a = v.a
    if a.date_mode == "relative":
        return f'<time class="entry-date published">{_e(format_relative(a.rel_days, v.byline_lang))}</time>'
    shown = _e(format_date(a.published, v.byline_lang))
    if a.date_mode == "machine":
        out = f'<time class="entry-date published" datetime="{iso_local(a.published)}">{shown}</time>'
    elif a.custom or a.id % 2:
        out = f'<time class="entry-date published">{shown}</time>'
    else:
        out = f'<time class="entry-date published" datetime="{a.published:%Y-%m-%d}">{shown}</time>'
    if a.modified:
        attr = f' datetime="{iso_local(a.modified)}"' if a.date_mode == "machine" else ""
        out += (f' <span class="updated-on">{_e(UI[v.byline_lang]["updated"])} <time class="updated"{attr}>'
                f'{_e(format_date(a.modified, v.byline_lang))}</time></span>')
    return out


def _q_meta(v: ArticleView) -> str:
    ui = UI[v.byline_lang]
    names = join_names([f'<a class="url fn n" href="/{v.lang}/author/{s}/">{_e(n)}</a>' for n, s in v.authors], v.byline_lang)
    by = _e(ui["by"])
    return ('<div class="entry-meta">'
            f'<span class="byline"><span class="author vcard">{by}{"" if by.endswith("：") else " "}{names}</span></span>'
            f' <span class="posted-on">{"" if v.a.date_mode == "relative" else _e(ui["published"]) + " "}<a href="{v.a.path}" rel="bookmark">{_q_time(v)}</a></span>'
            "</div>\n")


def _q_tools(v: ArticleView, ctx: Ctx) -> str:
    url = ctx.base + v.a.path
    return (f'<div class="font-size-widget" aria-label="{_e(WP[v.a.ui_lang]["font"])}"><button class="fs-down">A-</button>'
            '<button class="fs-reset">A</button><button class="fs-up">A+</button></div>\n'
            '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social">'
            f'<h3 class="sd-title">{_e(v.ui["share"])}</h3><div class="sd-content"><ul>'
            f'<li class="share-twitter"><a class="share-twitter sd-button" href="{v.a.path}?share=twitter" target="_blank">'
            '<span>X</span></a></li>'
            f'<li class="share-facebook"><a class="share-facebook sd-button" href="{v.a.path}?share=facebook"><span>Facebook</span></a></li>'
            f'<li class="share-email"><a class="share-email sd-button" href="mailto:?subject={_e(v.a.title)}&amp;body={url}">'
            "<span>E-mail</span></a></li></ul></div></div></div>\n")


def _q_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, k: int) -> str:
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'Q')}</p>"
    if it.kind in ("h2", "h3"):
        hid = _heading_id(it.texts[0], k)
        return f'<{it.kind} class="wp-block-heading"><span class="ez-toc-section" id="{hid}"></span>{_e(it.texts[0])}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f'<{it.kind} class="wp-block-list">' + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f'<blockquote class="wp-block-quote"><p>{_e(it.texts[0])}</p></blockquote>'
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f'<figcaption class="wp-element-caption">{_e(im.caption)}</figcaption>' if im.caption else ""
        wid = 1000 + k
        return (f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="683" '
                f'src="{im.src}" alt="{_e(im.alt)}" class="wp-image-{wid}" srcset="{im.src[:-4]}-300x200.jpg 300w, '
                f'{im.src} 1024w" sizes="(max-width: 1024px) 100vw, 1024px" />{cap}</figure>')
    if it.kind == "read_also":
        if v.read_also is None:
            return ""
        return (f'<div class="irp-box"><span class="irp-label">{_e(v.ui["read_also"])}</span> '
                f'<a class="irp-link" href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></div>')
    return (f'<div class="code-block code-block-{k}" style="margin: 8px auto; text-align: center;">'
            '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1234" data-ad-slot="555"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>")


def _q_content(v: ArticleView, ctx: Ctx, rng: random.Random, lead: bool) -> str:
    items = v.items()
    heads = "".join(f'<li class="ez-toc-page-1 ez-toc-heading-level-2"><a class="ez-toc-link" href="#{_heading_id(it.texts[0], k)}">'
                    f"{_e(it.texts[0])}</a></li>" for k, it in enumerate(items) if it.kind == "h2")
    wp = WP[v.a.ui_lang]
    toc = (f'<div id="ez-toc-container" class="ez-toc-v2_0 counter-hierarchy ez-toc-light-blue"><div class="ez-toc-title-container">'
           f'<p class="ez-toc-title">{_e(wp["toc"])}</p><span class="ez-toc-title-toggle">[<a href="#" class="ez-toc-toggle">'
           f'{_e(wp["hide"])}</a>]</span></div><nav><ul class="ez-toc-list ez-toc-list-level-1">{heads}</ul></nav></div>'
           if heads else "")
    parts = ([f'<p class="has-large-font-size"><strong>{_e(v.a.summary_text)}</strong></p>'] if lead else []) + [toc]
    parts += [_q_item(v, it, ctx, rng, k) for k, it in enumerate(items)]
    if v.notice:
        parts.append('<div class="wp-block-group is-style-callout has-pale-cyan-blue-background-color has-background">'
                     '<div class="wp-block-group__inner-container"><p><span class="dashicons dashicons-info" aria-hidden="true">'
                     f"</span>{_e(v.notice)}</p></div></div>")
    return '<div class="entry-content">\n' + "\n".join(p for p in parts if p) + "\n</div>\n"


def _q_footer(v: ArticleView, rng: random.Random) -> str:
    out = ""
    if v.a.tags:
        label = WP[v.a.ui_lang]["filed"] if rng.random() < 0.5 else v.ui["tags"]
        sep = ", "
        tags = (sep.join(f'<a href="/{v.lang}/tag/{s}/" rel="tag">{_e(t)}</a>' for t, s in v.tags) if rng.random() < 0.6
                else _e(sep.join(t for t, _ in v.tags)))
        out = f'<span class="tags-links">{_e(label)} {tags}</span>'
    votes = ""
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        votes = (f'<div class="wth-box" id="was-this-helpful" data-post-id="{v.a.id}"><p class="wth-question">'
                 f'{_e(v.ui["helpful_q"])}</p><span class="wth-yes"><button>{yes}</button></span>'
                 f'<span class="wth-no"><button>{no}</button></span><p class="wth-count">{_vote_line(v, rng)}</p></div>\n')
    return f'<footer class="entry-footer">{out}</footer>\n' + votes


def _q_card(c: Card, v: ArticleView, rng: random.Random, context: bool) -> str:
    thumb = c.path.rsplit("/", 1)[-1].split("-", 1)[0]
    href = c.path + ("?relatedposts_hit=1&amp;relatedposts_origin=" + str(v.a.id) if rng.random() < 0.5 else "")
    cat = (f'<p class="jp-relatedposts-post-context">{_e(WP[v.a.ui_lang]["in"].format(q=_q(c.cat_name, v.lang)))}</p>'
           if context else "")
    pre = "" if context else f'<span class="jp-relatedposts-post-cat">{_e(c.cat_name)}</span>'
    return (f'<div class="jp-relatedposts-post jp-relatedposts-post-thumbs"><a class="jp-relatedposts-post-a" href="{href}" '
            f'rel="nofollow"><img class="jp-relatedposts-post-img" src="/media/{thumb}/thumb-350x200.jpg" alt="" loading="lazy"></a>'
            f'{pre}<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{href}">{_e(c.title)}</a></h4>'
            f'<p class="jp-relatedposts-post-excerpt">{_e(c.snippet)}{_ellipsis(c, rng, v)}</p>{cat}</div>')


def _q_comments(v: ArticleView, rng: random.Random) -> str:
    wp, n = WP[v.a.ui_lang], rng.randint(1, 3)
    heading = wp["comments"].format(n=n, q=_q(v.a.title, v.a.ui_lang), t=v.a.title)
    rows = []
    for k in range(n):
        when = v.site.now - timedelta(days=rng.randint(0, 20), minutes=rng.randint(0, 900))
        rows.append(f'<li id="comment-{v.a.id}{k}" class="comment even thread-even depth-1"><article class="comment-body">'
                    f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{_e(rng.choice(COMMENTERS))}</b> '
                    f'<span class="says">{_e(wp["says"])}</span></div><div class="comment-metadata"><a href="#comment-{v.a.id}{k}">'
                    f'<time datetime="{iso_local(when)}">{_e(format_date(when, v.a.ui_lang))}</time></a></div></footer>'
                    f'<div class="comment-content"><p>{_e(COMMENTS[v.a.ui_lang][k % 2])}</p></div></article></li>')
    return (f'<div id="comments" class="comments-area"><h2 class="comments-title">{_e(heading)}</h2>'
            f'<ol class="comment-list">{"".join(rows)}</ol><div id="respond" class="comment-respond">'
            f'<h3 id="reply-title" class="comment-reply-title">{_e(wp["reply"])}</h3><form action="/wp-comments-post.php" '
            'method="post" id="commentform"><textarea id="comment" name="comment"></textarea>'
            '<input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></form></div></div>\n')


def render_q(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang = v.a, v.lang
    crumbs = (f'<p id="breadcrumbs"><span><span><a href="/{lang}/">{_e(v.ui["home"])}</a></span> » '
              f'<span><a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></span></span></p>\n')
    lead = rng.random() < 0.3
    summary = "" if lead else f'<div class="entry-summary"><p>{_e(a.summary_text)}</p></div>\n'
    tools_first = rng.random() < 0.5
    tools = _q_tools(v, ctx)
    context = rng.random() < 0.5
    cards = "".join(_q_card(c, v, rng, context) for c in v.cards())
    related = (f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>{_e(v.ui["discover"])}'
               f'</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">{cards}</div></div>\n') if cards else ""
    article = (f'<article id="post-{a.id}" class="post-{a.id} post type-post status-publish format-standard has-post-thumbnail '
               f'hentry category-{a.category}">\n'
               f'<div class="post-thumbnail"><img width="825" height="510" src="/media/{a.id}/featured-825x510.jpg" '
               'class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" fetchpriority="high" /></div>\n'
               f'<header class="entry-header">{crumbs}<span class="cat-links"><a href="/{lang}/category/{a.category}/" '
               f'rel="category tag">{_e(v.category_name)}</a></span>\n<h1 class="entry-title">{_e(a.title)}</h1>\n{summary}'
               f"{_q_meta(v)}</header>\n" + (tools if tools_first else "") + _q_content(v, ctx, rng, lead)
               + ("" if tools_first else tools) + _q_footer(v, rng) + related + "</article>\n" + _q_comments(v, rng))
    main = f'<div id="primary" class="content-area"><main id="main" class="site-main">\n{article}</main></div>\n'
    sidebar = _q_sidebar(v, rng)
    menu = "".join(f'<li class="menu-item"><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>'
                   for c in CATEGORIES)
    switch = "".join(f'<li class="lang-item lang-item-{x}"><a lang="{REGION[x]}" hreflang="{REGION[x]}" href="/{x}/">{x.upper()}</a></li>'
                     for x in LANGS)
    return (_q_head(v, ctx, rng) + f'<body class="post-template-default single single-post postid-{a.id} single-format-standard">\n'
            + '<div id="page" class="hfeed site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
            + f'<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/{lang}/" '
            + 'rel="home">IPGirl</a></p><p class="site-description">AI, data &amp; chips</p></div>'
            + f'<nav id="site-navigation" class="main-navigation"><ul id="menu-main" class="nav-menu">{menu}</ul></nav>'
            + f'<ul class="polylang-switcher">{switch}</ul></header>\n<div id="content" class="site-content">\n'
            + (sidebar + main if rng.random() < 0.5 else main + sidebar)
            + '</div>\n<footer id="colophon" class="site-footer"><div class="site-info">'
            + f'<a href="/{lang}/about">About</a> · <a href="/{lang}/privacy">Privacy</a> · Proudly powered by WordPress</div></footer>\n'
            + "</div>\n<script src='/wp-content/plugins/easy-table-of-contents/assets/js/front.min.js' id='ez-toc-js-js'></script>\n"
            + "</body>\n</html>\n")
