"""Era F (~2010s "div soup", early HTML5 / WordPress theme) article pages.

#wrapper > #content > .post with schema.org microdata: the authors in itemprop=author, the date in
<meta itemprop="datePublished" content=…> (a full instant, or the day shown), shown in the page's
language or as "il y a 3 jours", sometimes only in the microdata. Paragraphs as <p> or <div>,
wp-caption figures, the notice in div.notice or <p><small>, tags after an <h4>"Tags:" heading,
icon share links with aria-label, "Discover more" <h2> + div cards (the category a <span> inside
the card link), then a comment section; a #sidebar of "Popular posts" before or after #content.
"""
from __future__ import annotations

import random
from datetime import timedelta
from html import escape

from .corpus import SENTENCES
from .eras import Ctx, _card_href, _ellipsis, _links_head, _names_html, _read_also_href, _text, _visible_published
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, UI, YES_NO, format_date, format_votes, iso_local, join_names
from .view import ArticleView, Item

# ---------------------------------------------------------------- strings the UI table lacks
COMMENTS: dict[str, tuple[str, str]] = {
    "en": ("{n} comment", "{n} comments"), "fr": ("{n} commentaire", "{n} commentaires"),
    "de": ("{n} Kommentar", "{n} Kommentare"), "es": ("{n} comentario", "{n} comentarios"),
    "it": ("{n} commento", "{n} commenti"), "pt": ("{n} comentário", "{n} comentários"),
    "ja": ("{n}件のコメント", "{n}件のコメント"), "zh": ("{n} 条评论", "{n} 条评论"), "ko": ("댓글 {n}개", "댓글 {n}개"),
}
REPLY: dict[str, tuple[str, str]] = {  # (heading, submit button)
    "en": ("Leave a reply", "Post comment"), "fr": ("Laisser un commentaire", "Envoyer"),
    "de": ("Kommentar hinterlassen", "Absenden"), "es": ("Deja un comentario", "Enviar"),
    "it": ("Lascia un commento", "Invia"), "pt": ("Deixe um comentário", "Enviar"),
    "ja": ("コメントを残す", "送信"), "zh": ("发表评论", "提交"), "ko": ("댓글 남기기", "등록"),
}
POPULAR: dict[str, tuple[str, str]] = {  # (popular posts, categories)
    "en": ("Popular posts", "Categories"), "fr": ("Articles populaires", "Catégories"),
    "de": ("Beliebte Beiträge", "Kategorien"), "es": ("Entradas populares", "Categorías"),
    "it": ("Articoli popolari", "Categorie"), "pt": ("Posts populares", "Categorias"),
    "ja": ("人気記事", "カテゴリー"), "zh": ("热门文章", "分类"), "ko": ("인기 글", "카테고리"),
}
COMMENTERS = ("marco_77", "Julie", "datafan", "Kenji", "Li Wei", "minsu", "Ana P.", "robot_lover", "T. Becker")
def _e(text: str) -> str:
    return escape(text, quote=True)


def _votes(v: ArticleView, rng: random.Random) -> str:
    yes, total = v.a.votes  # type: ignore[misc]
    return _e(format_votes(yes, total, v.a.ui_lang, 0 if v.codec != "utf-8" else rng.randrange(2)))


def _updated(v: ArticleView) -> str:
    return f"{_e(v.ui['updated'] if v.a.era == 'E' else UI[v.lang]['updated'])} {format_date(v.a.modified, v.byline_lang)}" \
        if v.a.modified else ""


# ================================================================ era F: div soup, microdata
def _f_head(v: ArticleView, ctx: Ctx) -> str:
    a, title, summary = v.a, _e(v.a.title), _e(v.a.summary_text)
    return ('<!DOCTYPE html>\n'
            f'<!--[if IE 8]><html class="ie ie8" lang="{a.lang}"><![endif]-->\n'
            f'<!--[if gt IE 8]><!--><html lang="{a.lang}"><!--<![endif]-->\n<head>\n<meta charset="UTF-8">\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            f"<title>{title} | IPGirl</title>\n"
            f'<meta name="description" content="{summary}">\n'
            f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
            f"{_links_head(v, ctx)}\n"
            f'<meta property="og:site_name" content="IPGirl">\n<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{title}">\n<meta property="og:url" content="{ctx.base}{a.path}">\n'
            '<meta name="twitter:card" content="summary">\n'
            '<link rel="stylesheet" href="/static/css/site.css?ver=3.5.1" type="text/css" media="all">\n'
            '<script type="text/javascript" src="/static/js/app.js?ver=1.8.3"></script>\n'
            '<!--[if lt IE 9]><script src="/static/js/html5.js"></script><![endif]-->\n</head>\n')


def _f_header(v: ArticleView) -> str:
    lang = v.lang
    nav = "".join(f'<li class="menu-item"><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>'
                  for c in CATEGORIES)
    langs = " ".join(f'<a href="/{x}/">{x.upper()}</a>' for x in LANGS)
    return (f'<body class="single single-post postid-{v.a.id} lang-{lang}">\n<div id="wrapper">\n'
            f'<div id="header"><div id="logo"><a href="/{lang}/" title="IPGirl"><img src="/static/img/logo.png" '
            f'alt="IPGirl" width="200" height="50"></a></div>\n<ul id="nav" class="menu">{nav}</ul>\n'
            f'<div id="lang-switch">{langs}</div></div>\n')


def _f_crumbs(v: ArticleView, rng: random.Random) -> str:
    a, sep = v.a, rng.choice((" &rsaquo; ", " &raquo; ", " / "))
    crumb = ('<span itemscope itemtype="http://data-vocabulary.org/Breadcrumb"><a href="{}" itemprop="url">'
             '<span itemprop="title">{}</span></a></span>')
    return (f'<div class="breadcrumb">{crumb.format(f"/{a.lang}/", _e(v.ui["home"]))}{sep}'
            f'{crumb.format(f"/{a.lang}/category/{a.category}/", _e(v.category_name))}</div>\n')


def _f_byline(v: ArticleView, rng: random.Random) -> str:
    a, lang = v.a, v.lang
    by = _e(UI[lang]["by"])
    if rng.random() < 0.5:
        people = [f'<span class="author vcard" itemprop="author" itemscope itemtype="http://schema.org/Person">'
                  f'<a class="url fn n" rel="author" href="/{lang}/author/{slug}/" itemprop="url">'
                  f'<span itemprop="name">{_e(n)}</span></a></span>' for n, slug in v.authors]
        names = join_names(people, lang)
    else:
        names = _names_html(v, True).replace("<a ", '<a rel="author" ')
    meta = ""
    visible = f'<span class="posted-on">{_visible_published(v)}</span>'
    if a.date_mode == "machine":
        meta = f'<meta itemprop="datePublished" content="{iso_local(a.published)}">'
        if a.modified:
            meta += f'<meta itemprop="dateModified" content="{iso_local(a.modified)}">'
        if rng.random() < 0.3:
            visible = ""  # the date only in the microdata
    elif a.date_mode == "visible" and rng.random() < 0.5:
        meta = f'<meta itemprop="datePublished" content="{a.published:%Y-%m-%d}">'  # the day shown
    sep = rng.choice((" | ", " &middot; ", " &mdash; "))
    out = f'<div class="meta"><span class="byline">{by} {names}</span>'
    if visible:
        out += f'<span class="sep">{sep}</span>{visible}'
    if a.modified and (visible or rng.random() < 0.5):
        out += f'<span class="sep">{sep}</span><span class="updated">{_updated(v)}</span>'
    return out + meta + "</div>\n"


def _f_image(v: ArticleView, it: Item, ctx: Ctx, k: int) -> str:
    im = it.image
    assert im is not None
    src = ctx.base + im.src
    img = f'<img class="size-large wp-image-{v.a.id}{k}" src="{src}" alt="{_e(im.alt)}" width="600" height="400">'
    if im.caption is None:
        return f'<p><a href="{src}">{img.replace("size-large", "aligncenter size-large")}</a></p>'
    return (f'<div id="attachment_{v.a.id}{k}" class="wp-caption aligncenter" style="width: 610px">'
            f'<a href="{src}">{img}</a><p class="wp-caption-text">{_e(im.caption)}</p></div>')


def _f_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, k: int) -> str:
    kind = it.kind
    if kind == "p":
        tag = "div" if rng.random() < 0.3 else "p"
        spacer = "\n<p>&nbsp;</p>" if rng.random() < 0.05 else ""
        return f"<{tag}>{_text(v, it, rng, 'F')}</{tag}>{spacer}"
    if kind in ("h2", "h3"):
        t = _e(it.texts[0])
        return f"<{kind}><strong>{t}</strong></{kind}>" if rng.random() < 0.2 else f"<{kind}>{t}</{kind}>"
    if kind in ("ul", "ol"):
        return f"<{kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{kind}>"
    if kind == "quote":
        return f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>"
    if kind == "figure":
        return _f_image(v, it, ctx, k)
    if kind == "read_also":
        title = _e(v.read_also.title)  # type: ignore[union-attr]
        return f'<div class="see-also">{_e(v.ui["read_also"])} <a href="{_read_also_href(v, ctx, rng)}">{title}</a></div>'
    return ('<div class="ad-inline"><script async src="https://ads.example.net/show_ads.js"></script>'
            '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-123" data-ad-slot="456"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>")


def _f_post(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, ui = v.a, v.ui
    summary = (f'<div class="excerpt" itemprop="description"><p>{_e(a.summary_text)}</p></div>' if rng.random() < 0.5
               else f'<p class="intro"><strong>{_e(a.summary_text)}</strong></p>')
    body = "\n".join(_f_item(v, it, ctx, rng, k) for k, it in enumerate(v.items()))
    if v.notice:
        body += "\n" + rng.choice(('<div class="notice">{}</div>', "<p><small>{}</small></p>")).format(_e(v.notice))
    out = [f'<div class="post" id="post-{a.id}" itemscope itemtype="http://schema.org/BlogPosting">\n'
           f'<h1 class="entry-title" itemprop="headline">{_e(a.title)}</h1>\n{summary}\n{_f_byline(v, rng)}'
           f'<div class="entry" itemprop="articleBody">\n{body}\n</div><!-- .entry -->\n']
    if v.tags:
        items = "".join(f'<li><a href="/{v.lang}/tag/{slug}/" rel="tag">{_e(t)}</a></li>' for t, slug in v.tags)
        out.append(f'<div class="post-tags"><h4>{_e(ui["tags"])}</h4><ul>{items}</ul></div>\n')
    url = ctx.base + a.path
    icons = (("Twitter", f"https://twitter.com/share?url={url}"), ("Facebook", f"https://www.facebook.com/sharer.php?u={url}"),
             ("Google+", f"https://plus.google.com/share?url={url}"), ("LinkedIn", f"https://www.linkedin.com/shareArticle?url={url}"),
             ("E-mail", f"mailto:?subject=IPGirl&amp;body={url}"))
    links = " ".join(f'<a href="{href}" class="share-{name.lower().rstrip("+")}" aria-label="{name}" title="{name}" '
                     f'target="_blank"><i class="icon-{name.lower().rstrip("+")}"></i></a>' for name, href in icons)
    out.append(f'<div class="share"><span class="share-label">{_e(ui["share"])}</span> {links}</div>\n')
    if a.votes is not None:
        yes, no = YES_NO[a.ui_lang]
        out.append(f'<div class="rating" id="rating"><h3>{_e(ui["helpful_q"])}</h3>'
                   f'<button type="button" class="rate-up" data-id="{a.id}">{yes}</button> '
                   f'<button type="button" class="rate-down" data-id="{a.id}">{no}</button>'
                   f'<p class="rating-count">{_votes(v, rng)}</p></div>\n')
    return "".join(out) + "</div><!-- .post -->\n"


def _f_related(v: ArticleView, rng: random.Random) -> str:
    heading_title = rng.random() < 0.5
    cards = []
    for c in v.cards():
        title = f"<h4>{_e(c.title)}</h4>" if heading_title else f'<span class="related-title">{_e(c.title)}</span>'
        tid = c.path.rsplit("/", 1)[-1].split("-", 1)[0]
        snippet = f"{_e(c.snippet)}{_ellipsis(c, rng, v)}"
        cards.append(f'<div class="related-post"><a href="{_card_href(c, rng)}" rel="bookmark">'
                     f'<img src="/media/{tid}/thumb.jpg" alt="" width="150" height="100">'
                     f'<span class="related-cat">{_e(c.cat_name)}</span> {title}</a>'
                     f'<div class="related-excerpt">{snippet}</div></div>')
    return f'<div id="related-posts"><h2>{_e(v.ui["discover"])}</h2>\n' + "\n".join(cards) + "\n</div>\n"


def _f_comments(v: ArticleView, rng: random.Random) -> str:
    lang, n = v.a.ui_lang, rng.randrange(5)
    sents = SENTENCES[v.lang]
    items = []
    for k, days in enumerate(sorted(rng.randint(0, 30) for _ in range(n))):
        when = format_date(min(v.a.published + timedelta(days=days), v.site.now), v.lang)
        text = " ".join(rng.sample(sents, rng.randint(1, 2)))
        items.append(f'<li class="comment" id="comment-{k + 1}"><div class="comment-author vcard"><cite class="fn">'
                     f'{_e(rng.choice(COMMENTERS))}</cite></div><div class="comment-meta"><a href="#comment-{k + 1}">'
                     f"{when}</a></div><p>{_e(text)}</p></li>")
    sing, plur = COMMENTS[lang]
    head, submit = REPLY[lang]
    return (f'<div id="comments"><h3 class="comments-title">{(sing if n == 1 else plur).format(n=n)}</h3>\n'
            f'<ol class="commentlist">{"".join(items)}</ol>\n'
            f'<div id="respond"><h3>{head}</h3><form action="/wp-comments-post.php" method="post" id="commentform">'
            f'<textarea name="comment" cols="45" rows="8"></textarea><input type="submit" value="{submit}">'
            f'<input type="hidden" name="comment_post_ID" value="{v.a.id}"></form></div></div>\n')


def _f_sidebar(v: ArticleView, rng: random.Random) -> str:
    lang = v.lang
    pool = [t for t in v.site.newest[lang][:30] if t is not v.a]
    popular = rng.sample(pool, min(5, len(pool)))
    links = "".join(f'<li><a href="{t.path}{"?utm_source=sidebar" if rng.random() < 0.3 else ""}">{_e(t.title)}</a></li>'
                    for t in popular)
    cats = "".join(f'<li class="cat-item"><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>'
                   for c in CATEGORIES)
    pop, cat = POPULAR[v.a.ui_lang]
    return (f'<div id="sidebar"><div class="widget widget_popular"><h3 class="widget-title">{pop}</h3><ul>{links}</ul>'
            f'</div><div class="widget widget_categories"><h3 class="widget-title">{cat}</h3><ul>{cats}</ul></div>'
            f'<div class="widget widget_search"><form action="/{lang}/search"><input type="text" name="q">'
            "</form></div></div>\n")


def render_f(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    lang = v.lang
    sidebar = _f_sidebar(v, rng)
    before = rng.random() < 0.5
    content = (f'<div id="content" role="main">\n{_f_crumbs(v, rng)}{_f_post(v, ctx, rng)}'
               f"{_f_related(v, rng)}{_f_comments(v, rng)}</div><!-- #content -->\n")
    return (_f_head(v, ctx) + _f_header(v) + '<div id="main">\n' + (sidebar + content if before else content + sidebar)
            + f'</div>\n<div id="footer"><p><a href="/{lang}/about">About</a> | <a href="/{lang}/contact">Contact</a> | '
            f'<a href="/{lang}/privacy">Privacy</a> | <a href="{ctx.alt_base}/{lang}/">Mirror</a></p>'
            "<p>&copy; 2012-2026 IPGirl &middot; Powered by WordPress</p></div>\n</div><!-- #wrapper -->\n"
            "<script type=\"text/javascript\">var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-123456-1']); "
            "_gaq.push(['_trackPageview']);</script>\n</body>\n</html>\n")
