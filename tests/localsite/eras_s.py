"""Era S (opt-in, held-out, written blind): a help-center / knowledge-base page (Zendesk Guide
"Copenhagen"-like theme, Intercom-like wording).

Head: ``<title>title – IPGirl Help Center</title>``, description, canonical, hreflang, meta author on
~50%, ``og:type`` "website" (the stock Zendesk theme's, ~40%) or "article", no JSON-LD and no
``article:*`` metas. Header: logo, "Submit a request", "Sign in", a language
dropdown linking every language's home. A sub-nav: breadcrumbs as an ``<ol class=breadcrumbs>`` (Home,
category; each ``li`` with a ``title``) next to a search form.

Then the article container: the "Articles in this section" sidebar FIRST in the document (a list of
titles of the same category and language, the page's own title among them marked
``current-article``, then "See more"), then the article: ``h1``; the summary in a lead paragraph
before (~60%) or after (~40%) the author block; the author block: avatar images, names linked, and a
``meta-group`` list with the dates:
~40% ``<time datetime="…Z" title="2023-07-04 08:15" data-datetime="calendar">`` showing the localized
day (and "Updated <time>" when modified, listed before the creation date on half of those), ~25%
the same ``<time datetime>`` instant shown as "3 days ago" (``data-datetime="relative"``, the
instant is expected), ~20% a visible day in a ``<span>``, ~15% "3 days ago" as text only.

A "Follow" button under the h1. Body ``div.article-body`` (a WYSIWYG editor's output): paragraphs, headings, lists, blockquotes,
CKEditor figures ``<figure class="image"><img><figcaption>``, "Read also" in an info callout, ads as a
"promoted" box, the notice as a note callout (``div.callout--note``) or a plain last ``<p>``; after it, on ~30%,
an attachments list (a PDF link and its size).
After the body: attachments-free ``article-footer`` with content-tag pills (a "Tags:" label on half)
and share icons (labels in ``title`` only, the word "Share:" hidden visually), "Return to top", the
votes widget as a ``<form>`` (``h2`` question, Yes/No submit buttons, the count sentence in
``small.article-votes-count``), "Have more questions? Submit a request", the related articles (heading
"Discover more", ``<ul>`` of ``li``: title link, category in a ``span`` before or after it, snippet
``<p>``), "Recently viewed articles" (titles only), and "Comments" (closed).
"""
from __future__ import annotations

import random
from datetime import timezone

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_no import CHROME, _e
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, UI, YES_NO, format_date, format_relative, join_names
from .view import ArticleView, Card, Item

# Help-center chrome per UI language: section sidebar, "see more", recently viewed, more questions,
# submit a request, return to top, search placeholder, sign in, comments closed, help center name.
HC: dict[str, dict[str, str]] = {
    "en": {"section": "Articles in this section", "more": "See more", "recent": "Recently viewed articles",
           "q": "Have more questions?", "submit": "Submit a request", "top": "Return to top", "search": "Search",
           "signin": "Sign in", "closed": "Comments", "closed_p": "Article is closed for comments.",
           "hc": "Help Center", "promo": "Promoted", "follow": "Follow", "files": "Attachments"},
    "fr": {"section": "Articles de cette section", "more": "Voir plus", "recent": "Articles récemment consultés",
           "q": "Vous avez d’autres questions ?", "submit": "Envoyer une demande", "top": "Haut de la page",
           "search": "Rechercher", "signin": "Se connecter", "closed": "Commentaires",
           "closed_p": "Cet article n’accepte pas de commentaires.", "hc": "Centre d’aide", "promo": "Sponsorisé", "follow": "Suivre", "files": "Pièces jointes"},
    "de": {"section": "Beiträge in diesem Abschnitt", "more": "Mehr anzeigen", "recent": "Kürzlich angesehene Beiträge",
           "q": "Sie haben weitere Fragen?", "submit": "Anfrage einreichen", "top": "Zurück zum Seitenanfang",
           "search": "Suchen", "signin": "Anmelden", "closed": "Kommentare",
           "closed_p": "Dieser Beitrag ist für Kommentare geschlossen.", "hc": "Hilfe-Center", "promo": "Gesponsert", "follow": "Folgen", "files": "Anhänge"},
    "es": {"section": "Artículos en esta sección", "more": "Ver más", "recent": "Artículos vistos recientemente",
           "q": "¿Tiene más preguntas?", "submit": "Enviar una solicitud", "top": "Volver arriba", "search": "Buscar",
           "signin": "Iniciar sesión", "closed": "Comentarios", "closed_p": "Este artículo no admite comentarios.",
           "hc": "Centro de ayuda", "promo": "Patrocinado", "follow": "Seguir", "files": "Adjuntos"},
    "it": {"section": "Articoli in questa sezione", "more": "Mostra altro", "recent": "Articoli visualizzati di recente",
           "q": "Altre domande?", "submit": "Invia una richiesta", "top": "Torna all’inizio", "search": "Cerca",
           "signin": "Accedi", "closed": "Commenti", "closed_p": "L’articolo è chiuso ai commenti.",
           "hc": "Centro assistenza", "promo": "Sponsorizzato", "follow": "Segui", "files": "Allegati"},
    "pt": {"section": "Artigos nesta seção", "more": "Ver mais", "recent": "Artigos vistos recentemente",
           "q": "Tem mais dúvidas?", "submit": "Enviar uma solicitação", "top": "Voltar ao topo", "search": "Pesquisar",
           "signin": "Entrar", "closed": "Comentários", "closed_p": "Este artigo não aceita comentários.",
           "hc": "Central de ajuda", "promo": "Patrocinado", "follow": "Seguir", "files": "Anexos"},
    "ja": {"section": "このセクションの記事", "more": "もっと見る", "recent": "最近閲覧した記事", "q": "他にご質問がございましたら",
           "submit": "リクエストを送信", "top": "ページの先頭へ", "search": "検索", "signin": "サインイン",
           "closed": "コメント", "closed_p": "この記事にはコメントできません。", "hc": "ヘルプセンター", "promo": "PR", "follow": "フォローする", "files": "添付ファイル"},
    "zh": {"section": "此部分中的文章", "more": "查看更多", "recent": "最近查看的文章", "q": "还有其他问题？",
           "submit": "提交请求", "top": "返回顶部", "search": "搜索", "signin": "登录", "closed": "评论",
           "closed_p": "文章评论已关闭。", "hc": "帮助中心", "promo": "推广", "follow": "关注", "files": "附件"},
    "ko": {"section": "이 섹션의 문서", "more": "더 보기", "recent": "최근에 본 문서", "q": "추가 질문이 있으신가요?",
           "submit": "문의 등록", "top": "맨 위로 돌아가기", "search": "검색", "signin": "로그인", "closed": "댓글",
           "closed_p": "이 문서는 댓글이 닫혀 있습니다.", "hc": "고객센터", "promo": "광고", "follow": "팔로우", "files": "첨부 파일"},
}
LANGUAGE_NAMES = {"en": "English (US)", "fr": "Français", "de": "Deutsch", "es": "Español", "it": "Italiano",
                  "pt": "Português (Brasil)", "ja": "日本語", "zh": "简体中文", "ko": "한국어"}
assert set(HC) == set(LANGS) == set(LANGUAGE_NAMES) and all(len(t) == len(HC["en"]) for t in HC.values())


def _s_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    author = (f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
              if rng.random() < 0.5 else "")
    og = "website" if rng.random() < 0.4 else "article"  # Zendesk's stock theme says "website"
    return (f'<!DOCTYPE html>\n<html dir="ltr" lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<link rel="stylesheet" media="all" href="//static.zdassets.com/hc/assets/application-4a1c.css">\n'
            '<link rel="stylesheet" media="all" href="/hc/theming_assets/01HZ/style.css?digest=2312">\n'
            '<meta content="width=device-width, initial-scale=1.0" name="viewport">\n'
            f'<title>{_e(a.title)} – IPGirl {_e(HC[a.ui_lang]["hc"])}</title>\n'
            f'<meta name="description" content="{_e(a.summary_text)}">\n{author}{_links_head(v, ctx)}\n'
            f'<meta property="og:title" content="{_e(a.title)}">\n<meta property="og:type" content="{og}">\n'
            '<script src="//static.zdassets.com/hc/assets/jquery-ed472032c65bb4295993.js"></script>\n'
            '<script>window.HelpCenter = {"account":{"subdomain":"ipgirl"},"user":{"role":"anonymous"}};</script>\n'
            "</head>\n")


def _s_header(v: ArticleView, hc: dict[str, str]) -> str:
    lang = v.lang
    langs = "".join(f'<a href="/{x}/" dir="ltr" rel="nofollow" role="menuitem">{LANGUAGE_NAMES[x]}</a>' for x in LANGS)
    return (f'<a class="skip-navigation" tabindex="1" href="#main-content">{_e(CHROME[v.a.ui_lang]["skip"])}</a>\n'
            f'<header class="header"><div class="logo"><a title="Home" href="/{lang}/"><img src="/hc/logo.png" '
            f'alt="IPGirl {_e(hc["hc"])}"></a></div><div class="nav-wrapper-desktop"><nav class="user-nav" '
            f'id="user-nav" aria-label="User navigation"><ul class="user-nav-list"><li><a class="submit-a-request" '
            f'href="/{lang}/contact">{_e(hc["submit"])}</a></li><li><div class="dropdown language-selector">'
            f'<button class="dropdown-toggle" aria-haspopup="true">{LANGUAGE_NAMES[v.a.ui_lang]}</button>'
            f'<span class="dropdown-menu dropdown-menu-end" role="menu">{langs}</span></div></li></ul></nav>'
            f'<a class="sign-in" rel="nofollow" data-auth-action="signin" href="/{lang}/about">{_e(hc["signin"])}</a>'
            "</div></header>\n")


def _s_crumbs(v: ArticleView, hc: dict[str, str]) -> str:
    home, cat = v.ui["home"], v.category_name
    return (f'<div class="sub-nav"><ol class="breadcrumbs"><li title="{_e(home)}"><a href="/{v.lang}/">{_e(home)}</a></li>'
            f'<li title="{_e(cat)}"><a href="/{v.lang}/category/{v.a.category}/">{_e(cat)}</a></li></ol>'
            f'<div class="search-container"><form role="search" class="search" action="/{v.lang}/search" method="get">'
            f'<input type="search" name="q" placeholder="{_e(hc["search"])}" aria-label="{_e(hc["search"])}">'
            "</form></div></div>\n")


def _s_sidebar(v: ArticleView, hc: dict[str, str]) -> str:
    """Titles of the section (same category and language), this article's own among them."""
    pool = v.site.listing.get((v.lang, v.a.category), [])
    k = next((i for i, x in enumerate(pool) if x is v.a), 0)
    near = pool[max(0, k - 3):k + 3] or [v.a]
    items = "".join(f'<li><a href="{x.path}" class="sidenav-item{" current-article" if x is v.a else ""}">'
                    f"{_e(x.title)}</a></li>" for x in near)
    return (f'<aside class="article-sidebar" aria-labelledby="section-articles-title"><div class="collapsible-sidebar">'
            f'<h2 id="section-articles-title" class="collapsible-sidebar-title sidenav-title">{_e(hc["section"])}</h2>'
            f'<div class="collapsible-sidebar-body"><ul>{items}</ul><a href="/{v.lang}/category/{v.a.category}/" '
            f'class="article-sidebar-item">{_e(hc["more"])}</a></div></div></aside>\n')


def _s_stamp(v: ArticleView, when, relative: bool) -> str:
    if v.a.date_mode != "machine":
        shown = format_relative(v.a.rel_days, v.byline_lang) if v.a.date_mode == "relative" else \
            format_date(when, v.byline_lang)
        return f'<span class="meta-date">{_e(shown)}</span>'
    utc = when.astimezone(timezone.utc)
    shown = format_relative(v.a.rel_days, v.byline_lang) if relative else format_date(when, v.byline_lang)
    return (f'<time datetime="{utc:%Y-%m-%dT%H:%M:%SZ}" title="{when:%Y-%m-%d %H:%M}" '
            f'data-datetime="{"relative" if relative else "calendar"}">{_e(shown)}</time>')


def _s_author(v: ArticleView, rng: random.Random) -> str:
    a, ui = v.a, v.ui
    relative = a.date_mode == "machine" and a.rel_days > 0
    avatars = "".join(f'<img src="/hc/avatars/{s}.png" alt="" class="user-avatar">' for _, s in v.authors)
    links = [f'<a href="/{v.lang}/author/{s}/">{_e(n)}</a>' for n, s in v.authors]
    if rng.random() < 0.5:
        names = f'<span class="author-names">{join_names(links, v.byline_lang)}</span>'
    else:  # one name a line, as the avatars stack
        names = "".join(f'<div class="author-name">{x}</div>' for x in links)
    items = [f'<li class="meta-data">{_s_stamp(v, a.published, relative)}</li>']
    if a.modified:
        upd = f'<li class="meta-data">{_e(ui["updated"])} {_s_stamp(v, a.modified, False)}</li>'
        if rng.random() < 0.5:
            items = [upd, f'<li class="meta-data">{_e(ui["published"])} {_s_stamp(v, a.published, False)}</li>']
        else:
            items.append(upd)
    return (f'<div class="article-author"><div class="avatar article-avatar">{avatars}</div>'
            f'<div class="article-meta">{names}<ul class="meta-group">{"".join(items)}</ul></div></div>\n')


def _s_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, hc: dict[str, str]) -> str:
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'S')}</p>"
    if it.kind in ("h2", "h3"):
        return f'<{it.kind} id="h_01H{rng.randrange(16 ** 6):06X}">{_e(it.texts[0])}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>"
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f"<figcaption>{_e(im.caption)}</figcaption>" if im.caption else ""
        return f'<figure class="image"><img src="{im.src}" alt="{_e(im.alt)}" width="800" height="450">{cap}</figure>'
    if it.kind == "read_also":
        return (f'<div class="callout callout--info"><p><strong>{_e(v.ui["read_also"])}</strong> '
                f'<a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></p></div>')  # type: ignore[union-attr]
    return (f'<div class="hc-promoted" data-promo-slot="article-inline"><span class="hc-promoted-label">{_e(hc["promo"])}'
            '</span><ins class="adsbygoogle" data-ad-client="ca-pub-000"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>")


def _s_body(v: ArticleView, ctx: Ctx, rng: random.Random, hc: dict[str, str]) -> str:
    parts = [_s_item(v, it, ctx, rng, hc) for it in v.items()]
    if v.notice:
        parts.append(f'<div class="callout callout--note"><p>{_e(v.notice)}</p></div>' if rng.random() < 0.5
                     else f"<p>{_e(v.notice)}</p>")
    files = ""
    if rng.random() < 0.3:
        files = (f'<div class="article-attachments"><h3 class="visibility-hidden">{_e(hc["files"])}</h3><ul class="attachments">'
                 f'<li class="attachment-item"><a href="/hc/article_attachments/{v.a.id}0/{v.a.category}-{v.a.id}.pdf" '
                 f'class="attachment-link">{v.a.category}-{v.a.id}.pdf</a><div class="attachment-meta">'
                 f'<span class="attachment-meta-item">{rng.randint(80, 900)} KB</span></div></li></ul></div>\n')
    return '<div class="article-body">' + "\n".join(parts) + "</div>\n" + files


def _s_footer(v: ArticleView, ctx: Ctx, rng: random.Random, hc: dict[str, str]) -> str:
    out = []
    if v.a.tags:
        label = f'<span class="content-tags-label">{_e(v.ui["tags"])}</span>' if rng.random() < 0.5 else ""
        pills = "".join(f'<li class="content-tag-item"><a href="/{v.lang}/tag/{s}/">{_e(t)}</a></li>' for t, s in v.tags)
        out.append(f'<div class="content-tags">{label}<ul class="content-tag-list">{pills}</ul></div>')
    url = ctx.base + v.a.path
    out.append(f'<div class="article-share"><span class="visibility-hidden">{_e(v.ui["share"])}</span><ul class="share">'
               f'<li><a href="https://www.facebook.com/share.php?title=x&amp;u={url}" class="share-facebook" '
               f'title="Facebook" aria-label="Facebook"><svg aria-hidden="true"></svg></a></li>'
               f'<li><a href="https://twitter.com/share?url={url}" class="share-twitter" title="X Corp" '
               f'aria-label="X Corp"><svg aria-hidden="true"></svg></a></li>'
               f'<li><a href="https://www.linkedin.com/shareArticle?mini=true&amp;url={url}" class="share-linkedin" '
               f'title="LinkedIn" aria-label="LinkedIn"><svg aria-hidden="true"></svg></a></li></ul></div>')
    out.append(f'<a href="#article-container" class="article-return-to-top">{_e(hc["top"])}</a>')
    return '<footer><div class="article-footer">' + "".join(out[:-1]) + "</div>" + out[-1] + "</footer>\n"


def _s_votes(v: ArticleView, rng: random.Random) -> str:
    if v.a.votes is None:
        return ""
    yes, no = YES_NO[v.a.ui_lang]
    return (f'<div class="article-votes"><form class="article-vote-form" action="/hc/{v.lang}/articles/{v.a.id}/vote" '
            f'method="post"><input type="hidden" name="authenticity_token" value="hc:t{v.a.id:x}">'
            f'<h2 class="article-votes-question" id="article-votes-label">{_e(v.ui["helpful_q"])}</h2>'
            '<div class="article-votes-controls" role="group" aria-labelledby="article-votes-label">'
            f'<button type="submit" name="value" value="up" class="button article-vote article-vote-up" '
            f'aria-pressed="false">{yes}</button><button type="submit" name="value" value="down" '
            f'class="button article-vote article-vote-down" aria-pressed="false">{no}</button></div>'
            f'<small class="article-votes-count"><span class="article-vote-label">{_vote_line(v, rng)}</span></small>'
            "</form></div>\n")


def _s_card(c: Card, v: ArticleView, rng: random.Random, cat_first: bool) -> str:
    cat = f'<div class="related-article-section">{_e(c.cat_name)}</div>'
    title = f'<a href="{c.path}" class="related-article-link">{_e(c.title)}</a>'
    snip = f'<p class="related-article-excerpt">{_e(c.snippet)}{_ellipsis(c, rng, v)}</p>'
    return f"<li>{cat}{title}{snip}</li>" if cat_first else f"<li>{title}{cat}{snip}</li>"


def _s_more(v: ArticleView, rng: random.Random, hc: dict[str, str]) -> str:
    out = [f'<div class="article-more-questions">{_e(hc["q"])} <a href="/{v.lang}/contact">{_e(hc["submit"])}</a></div>',
           '<div class="article-relatives">']
    cards = v.cards()
    if cards:
        first = rng.random() < 0.5
        out.append(f'<section class="related-articles" aria-labelledby="related-articles-title"><h2 '
                   f'class="related-articles-title" id="related-articles-title">{_e(v.ui["discover"])}</h2><ul>'
                   + "".join(_s_card(c, v, rng, first) for c in cards) + "</ul></section>")
    seen = [x for x in v.site.newest[v.lang][:8] if x is not v.a][:3]
    if seen:
        out.append(f'<section class="recent-articles"><h2>{_e(hc["recent"])}</h2><ul>'
                   + "".join(f'<li><a href="{x.path}">{_e(x.title)}</a></li>' for x in seen) + "</ul></section>")
    out.append(f'</div><div class="article-comments" id="article-comments"><section class="comments"><header '
               f'class="comment-overview"><h2 class="comment-heading">{_e(hc["closed"])}</h2><p class="comment-callout">'
               f'{_e(hc["closed_p"])}</p></header></section></div>')
    return "".join(out) + "\n"


def render_s(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, hc = v.a, HC[v.a.ui_lang]
    summary = f'<p class="article-summary lead">{_e(a.summary_text)}</p>\n'
    before = rng.random() < 0.6
    follow = (f'<div class="article-subscribe"><button class="button" data-selected="false" '
              f'data-auth-action="signin">{_e(hc["follow"])}</button></div>')
    header = (f'<header class="article-header"><h1 title="{_e(a.title)}" class="article-title">{_e(a.title)}</h1>{follow}\n'
              + (summary if before else "") + _s_author(v, rng) + "</header>\n")
    cats = "".join(f'<li><a href="/{v.lang}/category/{c}/">{_e(CATEGORY_NAMES[c][v.lang])}</a></li>' for c in CATEGORIES)
    return (_s_head(v, ctx, rng) + f'<body class="community-enabled">\n{_s_header(v, hc)}'
            + f'<main role="main"><div class="container-divider"></div><div class="container">\n{_s_crumbs(v, hc)}'
            + '<div class="article-container" id="article-container">\n' + _s_sidebar(v, hc)
            + f'<article id="main-content" class="article">\n{header}<section class="article-info"><div class="article-content">\n'
            + ("" if before else summary) + _s_body(v, ctx, rng, hc) + "</div></section>\n" + _s_footer(v, ctx, rng, hc)
            + _s_votes(v, rng) + _s_more(v, rng, hc) + "</article>\n</div>\n</div></main>\n"
            + f'<footer class="footer"><div class="footer-inner"><a title="Home" href="/{v.lang}/">IPGirl</a>'
            + f'<ul class="footer-categories">{cats}</ul><div class="footer-language-selector">'
            + f'{LANGUAGE_NAMES[a.ui_lang]}</div><a href="/{v.lang}/privacy">Privacy</a></div></footer>\n'
            + '<script src="//static.zdassets.com/hc/assets/hc_enduser-9b1c.js"></script>\n</body>\n</html>\n')
