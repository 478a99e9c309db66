"""Era U (opt-in, held-out, written blind): a documentation platform used as the publication
(Docusaurus 3-like docs site: "IPGirl Docs", each article a doc page of its category's section).

Head: ``generator`` Docusaurus, ``docusaurus_locale`` / ``docsearch:*`` metas, description, canonical,
hreflang, ``og:type`` "website" (a docs page's) or "article" (half), a BreadcrumbList JSON-LD; the
machine-dated pages add ``article:published_time`` (+ ``article:modified_time``; half of them) and a
BlogPosting JSON-LD (half).
No ``meta[name=author]``. Body of the page: a skip link, an announcement bar ("⭐️ … give it a star"),
the navbar (logo, Docs, Blog, version and locale dropdowns, "Search ⌘K"), then the doc layout:

- the sidebar tree FIRST (every category a collapsible item, the page's own category expanded with
  up to seven titles of its articles, its own one ``menu__link--active``), then
- the doc column: breadcrumbs (house icon + "Home", category), a collapsed mobile "On this page"
  button, then ONE ``div.markdown`` holding the ``h1`` AND the body; between them the summary
  (``p.doc-description``), and the metadata: on ~55% a date line (``<time>`` · "N min read") then
  avatar blocks (name link + a localized role subtitle, no "By"), else one line "By A and B · date ·
  N min read". Dates: ~45% a ``<time datetime="…Z">`` instant shown as the local day, ~35% a
  visible day (Docusaurus's day-only front matter as ``datetime="2023-07-04T00:00:00.000Z"`` on
  half, a ``<span>`` otherwise), ~20% "3 days ago" text. Modified pages show "Updated <day>" in the
  date line on half, and always "Last updated on <day> by A" in the doc footer after the body.
- Body: headings carry Docusaurus's hash link holding a zero-width space (``​``, invisible);
  figures ``<figure>`` with a zoomable ``img``; "Read also" in a ``:::tip`` admonition (its heading
  "tip"/"astuce"/…), the ad an EthicalAds text placement ("Ads by EthicalAds"), the notice in a
  ``:::note`` admonition (heading "note"/"remarque"/…) on half, a plain last ``<p>`` otherwise.
- Doc footer: "Tags:" + tag pills, "Edit this page", the last-updated line; then "Was this article
  helpful?" (Yes/No buttons, the count line), "Share:" + icon links + "Copy link", "Discover more" as
  a DocCardList (``<article>`` cards: ONE link around an ``h2`` "📄️ title" and the snippet, the
  category a badge in the link), then the prev/next paginator (titles of the neighbouring docs).
- The desktop table of contents ("On this page": the h2/h3 texts as links) AFTER the doc column,
  then the footer (link columns, copyright).
UI in English on ~30% of pages (the byline label and dates follow the UI language).
"""
from __future__ import annotations

import json
import random
from datetime import timezone

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_no import CHROME, _e
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, READING_TIME, format_date, format_relative, join_names, slugify
from .fmt import YES_NO, word_count
from .view import ArticleView, Card, Item

ZWSP = "\u200b"  # Docusaurus writes &ZeroWidthSpace; inside each heading's hash link
# Docs chrome per UI language: edit link, last updated (+ "by"), prev/next sublabels, admonition
# headings (tip, note), docs/blog nav, author subtitle roles, announcement bar, version label.
DOCS: dict[str, dict[str, str]] = {
    "en": {"edit": "Edit this page", "last": "Last updated on {d} by {a}", "prev": "Previous", "next": "Next",
           "tip": "tip", "note": "note", "docs": "Docs", "blog": "Blog", "roles": "Maintainer|Core team|ML engineer",
           "star": "⭐️ If you like IPGirl, give it a star on GitHub!", "version": "Version"},
    "fr": {"edit": "Éditer cette page", "last": "Dernière mise à jour le {d} par {a}", "prev": "Précédent",
           "next": "Suivant", "tip": "astuce", "note": "remarque", "docs": "Docs", "blog": "Blog",
           "roles": "Mainteneuse|Équipe principale|Ingénieur ML",
           "star": "⭐️ Si vous aimez IPGirl, donnez-lui une étoile sur GitHub !", "version": "Version"},
    "de": {"edit": "Diese Seite bearbeiten", "last": "Zuletzt aktualisiert am {d} von {a}", "prev": "Zurück",
           "next": "Weiter", "tip": "Tipp", "note": "Hinweis", "docs": "Doku", "blog": "Blog",
           "roles": "Maintainerin|Kernteam|ML-Ingenieur",
           "star": "⭐️ Wenn Ihnen IPGirl gefällt, geben Sie uns einen Stern auf GitHub!", "version": "Version"},
    "es": {"edit": "Editar esta página", "last": "Última actualización el {d} por {a}", "prev": "Anterior",
           "next": "Siguiente", "tip": "consejo", "note": "nota", "docs": "Docs", "blog": "Blog",
           "roles": "Mantenedora|Equipo principal|Ingeniero de ML",
           "star": "⭐️ Si te gusta IPGirl, ¡danos una estrella en GitHub!", "version": "Versión"},
    "it": {"edit": "Modifica questa pagina", "last": "Ultimo aggiornamento il {d} da {a}", "prev": "Precedente",
           "next": "Successivo", "tip": "suggerimento", "note": "nota", "docs": "Documenti", "blog": "Blog",
           "roles": "Manutentrice|Team principale|Ingegnere ML",
           "star": "⭐️ Se ti piace IPGirl, lascia una stella su GitHub!", "version": "Versione"},
    "pt": {"edit": "Editar esta página", "last": "Última atualização em {d} por {a}", "prev": "Anterior",
           "next": "Próximo", "tip": "dica", "note": "nota", "docs": "Docs", "blog": "Blog",
           "roles": "Mantenedora|Equipe principal|Engenheiro de ML",
           "star": "⭐️ Se você gosta do IPGirl, dê uma estrela no GitHub!", "version": "Versão"},
    "ja": {"edit": "このページを編集", "last": "最終更新日: {d}（{a}）", "prev": "前へ", "next": "次へ",
           "tip": "ヒント", "note": "備考", "docs": "ドキュメント", "blog": "ブログ", "roles": "メンテナー|コアチーム|MLエンジニア",
           "star": "⭐️ IPGirlが気に入ったら、GitHubでスターをお願いします！", "version": "バージョン"},
    "zh": {"edit": "编辑此页", "last": "最后更新于 {d}，作者 {a}", "prev": "上一页", "next": "下一页",
           "tip": "提示", "note": "备注", "docs": "文档", "blog": "博客", "roles": "维护者|核心团队|机器学习工程师",
           "star": "⭐️ 如果你喜欢 IPGirl，请在 GitHub 上给我们一颗星！", "version": "版本"},
    "ko": {"edit": "페이지 편집", "last": "최종 업데이트: {d} ({a})", "prev": "이전", "next": "다음",
           "tip": "팁", "note": "노트", "docs": "문서", "blog": "블로그", "roles": "메인테이너|코어 팀|ML 엔지니어",
           "star": "⭐️ IPGirl이 마음에 드신다면 GitHub에서 스타를 눌러 주세요!", "version": "버전"},
}
ADS_BY = "Ads by EthicalAds"
AD_TEXTS = ("IPGirl Cloud: train and serve models on managed GPUs. Start free.",
            "Vector search that scales: try IPGirl Index today.")
assert set(DOCS) == set(LANGS) and all(len(t) == len(DOCS["en"]) for t in DOCS.values())


def body_chrome(v: ArticleView) -> frozenset[str]:
    """Lines a reader sees among the body blocks that are page chrome (for pagecheck)."""
    d = DOCS[v.a.ui_lang]
    return frozenset({d["tip"], d["note"], ADS_BY, *AD_TEXTS})


def _anchor(heading: str) -> str:
    return slugify(heading) or "section"


def _u_time(v: ArticleView, when) -> str:
    """The publication or modification stamp in the page's date mode."""
    a, lang = v.a, v.byline_lang
    if a.date_mode == "relative":
        return f'<span class="doc-date">{_e(format_relative(a.rel_days, lang))}</span>'
    if a.date_mode == "machine":
        utc = when.astimezone(timezone.utc)
        return f'<time datetime="{utc:%Y-%m-%dT%H:%M:%S.000Z}">{_e(format_date(when, lang))}</time>'
    if (a.id >> 1) % 2:  # Docusaurus: a day-only front-matter date is written as that day at 00:00Z
        return f'<time datetime="{when:%Y-%m-%d}T00:00:00.000Z">{_e(format_date(when, lang))}</time>'
    return f'<span class="doc-date">{_e(format_date(when, lang))}</span>'


def _u_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, url = v.a, ctx.base + v.a.path
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": v.ui["home"], "item": f"{ctx.base}/{a.lang}/"},
        {"@type": "ListItem", "position": 2, "name": v.category_name, "item": f"{ctx.base}/{a.lang}/category/{a.category}/"}]}
    scripts = [json.dumps(crumbs, ensure_ascii=False)]
    metas = ""
    if a.date_mode == "machine":
        if rng.random() < 0.5:
            metas = "".join(f'<meta property="article:{kind}_time" content="{when.astimezone(timezone.utc):%Y-%m-%dT%H:%M:%S.000Z}">\n'
                            for kind, when in (("published", a.published), ("modified", a.modified)) if when)
        if rng.random() < 0.5:
            post = {"@context": "https://schema.org", "@type": "BlogPosting", "@id": url, "mainEntityOfPage": url,
                    "headline": a.title, "description": a.summary_text, "datePublished": a.published.isoformat(),
                    "author": [{"@type": "Person", "name": n, "url": f"{ctx.base}/{a.lang}/author/{s}/"} for n, s in v.authors],
                    "keywords": [t for t, _ in v.tags]}
            if a.modified:
                post["dateModified"] = a.modified.isoformat()
            scripts.append(json.dumps(post, ensure_ascii=False))
    og = "website" if rng.random() < 0.5 else "article"
    ld = "".join('<script type="application/ld+json">' + s.replace("</", "<\\/") + "</script>\n" for s in scripts)
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}" dir="ltr" class="docs-wrapper plugin-docs plugin-id-default '
            f'docs-version-current docs-doc-page docs-doc-id-{a.category}/{a.id}" data-has-hydrated="false">\n<head>\n'
            '<meta charset="UTF-8">\n<meta name="generator" content="Docusaurus v3.6.3">\n'
            f'<title data-rh="true">{_e(a.title)} | IPGirl Docs</title>\n'
            '<meta data-rh="true" name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f'<meta data-rh="true" name="docusaurus_locale" content="{a.lang}">\n'
            f'<meta data-rh="true" name="docsearch:language" content="{a.lang}">\n'
            '<meta data-rh="true" name="docusaurus_version" content="current">\n'
            f'<meta data-rh="true" name="docsearch:docusaurus_tag" content="docs-default-current">\n'
            f'<meta data-rh="true" property="og:type" content="{og}">\n'
            f'<meta data-rh="true" property="og:title" content="{_e(a.title)} | IPGirl Docs">\n'
            f'<meta data-rh="true" name="description" content="{_e(a.summary_text)}">\n{metas}{_links_head(v, ctx)}\n{ld}'
            '<link rel="stylesheet" href="/assets/css/styles.8c2d4a1f.css">\n'
            '<script src="/assets/js/runtime~main.5e1b3c2a.js" defer="defer"></script>\n'
            '<script src="/assets/js/main.0f3e2d1c.js" defer="defer"></script>\n</head>\n')


def _u_navbar(v: ArticleView) -> str:
    d, lang = DOCS[v.a.ui_lang], v.lang
    locales = "".join(f'<li><a href="/{x}/" target="_self" rel="noopener noreferrer" class="dropdown__link" lang="{x}">'
                      f"{x.upper()}</a></li>" for x in LANGS)
    return (f'<div role="region" aria-label="{_e(CHROME[v.a.ui_lang]["skip"])}"><a class="skipToContent_fXgn" '
            f'href="#__docusaurus_skipToContent_fallback">{_e(CHROME[v.a.ui_lang]["skip"])}</a></div>\n'
            f'<div class="announcementBar_mb4j" style="background-color:#20232a;color:#fff" role="banner">'
            f'<div class="content_knG7 announcementBarContent_xLdY">{_e(d["star"])}</div>'
            '<button type="button" aria-label="Close" class="clean-btn close closeButton_CVFx">×</button></div>\n'
            '<nav aria-label="Main" class="navbar navbar--fixed-top"><div class="navbar__inner"><div class="navbar__items">'
            f'<a class="navbar__brand" href="/{lang}/"><div class="navbar__logo"><img src="/img/logo.svg" alt="IPGirl"></div>'
            '<b class="navbar__title text--truncate">IPGirl Docs</b></a>'
            f'<a class="navbar__item navbar__link navbar__link--active" href="/{lang}/">{_e(d["docs"])}</a>'
            f'<a class="navbar__item navbar__link" href="/{lang}/about">{_e(d["blog"])}</a></div>'
            f'<div class="navbar__items navbar__items--right"><div class="navbar__item dropdown dropdown--hoverable '
            f'dropdown--right"><a href="#" aria-haspopup="true" aria-expanded="false" role="button" class="navbar__link">'
            f'{_e(d["version"])} 3.x</a></div><div class="navbar__item dropdown dropdown--hoverable dropdown--right">'
            f'<a href="#" aria-haspopup="true" aria-expanded="false" role="button" class="navbar__link">{lang.upper()}</a>'
            f'<ul class="dropdown__menu">{locales}</ul></div><div class="navbarSearchContainer_Bca1"><button type="button" '
            'class="DocSearch DocSearch-Button" aria-label="Search (Command+K)"><span class="DocSearch-Button-Placeholder">'
            'Search</span><kbd class="DocSearch-Button-Key">⌘</kbd><kbd class="DocSearch-Button-Key">K</kbd></button>'
            '</div></div></div></nav>\n')


def _u_sidebar(v: ArticleView) -> str:
    lang, out = v.lang, []
    for c in CATEGORIES:
        name = _e(CATEGORY_NAMES[c][lang])
        if c != v.a.category:
            out.append(f'<li class="theme-doc-sidebar-item-category menu__list-item menu__list-item--collapsed">'
                       f'<div class="menu__list-item-collapsible"><a class="menu__link menu__link--sublist '
                       f'menu__link--sublist-caret" role="button" aria-expanded="false" href="/{lang}/category/{c}/">'
                       f"{name}</a></div></li>")
            continue
        pool = v.site.listing.get((lang, c), [])
        k = next((i for i, x in enumerate(pool) if x is v.a), 0)
        near = pool[max(0, k - 3):k + 4] or [v.a]
        active = ' menu__link--active" aria-current="page'
        docs = "".join(f'<li class="theme-doc-sidebar-item-link menu__list-item"><a class="menu__link'
                       f'{active if x is v.a else ""}" href="{x.path}">{_e(x.title)}</a></li>' for x in near)
        out.append(f'<li class="theme-doc-sidebar-item-category menu__list-item"><div class="menu__list-item-collapsible '
                   f'menu__list-item-collapsible--active"><a class="menu__link menu__link--sublist menu__link--active" '
                   f'aria-expanded="true" href="/{lang}/category/{c}/">{name}</a></div><ul style="display:block;'
                   f'overflow:visible;height:auto" class="menu__list">{docs}</ul></li>')
    return ('<aside class="theme-doc-sidebar-container docSidebarContainer_YfHR"><div class="sidebarViewport_aRkj">'
            '<nav aria-label="Docs sidebar" class="menu thin-scrollbar menu_SIkG"><ul class="theme-doc-sidebar-menu '
            f'menu__list">{"".join(out)}</ul></nav></div></aside>\n')


def _u_crumbs(v: ArticleView) -> str:
    home, cat = _e(v.ui["home"]), _e(v.category_name)
    return ('<nav class="theme-doc-breadcrumbs breadcrumbsContainer_Z_bl" aria-label="Breadcrumbs">'
            '<ul class="breadcrumbs" itemscope="" itemtype="https://schema.org/BreadcrumbList">'
            f'<li class="breadcrumbs__item"><a aria-label="{home}" class="breadcrumbs__link" href="/{v.lang}/">'
            f'<svg viewBox="0 0 24 24" class="breadcrumbHomeIcon_YNFT"><path d="M10 19v-5h4v5"></path></svg> {home}</a></li>'
            f'<li itemscope="" itemprop="itemListElement" itemtype="https://schema.org/ListItem" class="breadcrumbs__item">'
            f'<a class="breadcrumbs__link" itemprop="item" href="/{v.lang}/category/{v.a.category}/">'
            f'<span itemprop="name">{cat}</span></a><meta itemprop="position" content="1"></li></ul></nav>\n')


def _u_meta(v: ArticleView, rng: random.Random) -> str:
    """Dates, reading time and authors between the summary and the body."""
    a = v.a
    d = DOCS[a.ui_lang]
    minutes = max(1, word_count("\n\n".join(v.body_blocks()), a.lang) // (400 if a.lang in ("ja", "zh") else 200))
    stamps = [_u_time(v, a.published)]
    if a.modified and rng.random() < 0.5:
        stamps.append(f'{_e(v.ui["updated"])} {_u_time(v, a.modified)}')
    read = _e(READING_TIME[v.byline_lang].format(n=minutes))
    if rng.random() < 0.55:  # Docusaurus blog header: date line, then avatar blocks without a label
        roles = d["roles"].split("|")
        people = "".join(
            f'<div class="col col--6 authorCol_Hf19"><div class="avatar margin-bottom--sm"><a href="/{v.lang}/author/{s}/" '
            f'class="avatar__photo-link"><img class="avatar__photo" src="/img/authors/{s}.png" alt="{_e(n)}"></a>'
            f'<div class="avatar__intro"><div class="avatar__name"><a href="/{v.lang}/author/{s}/"><span>{_e(n)}</span>'
            f'</a></div><small class="avatar__subtitle">{_e(roles[(a.id + k) % len(roles)])}</small></div></div></div>'
            for k, (n, s) in enumerate(v.authors))
        return (f'<div class="docMeta_dm1 margin-vert--md">{" · ".join(stamps)} · {read}</div>'
                f'<div class="margin-top--md margin-bottom--sm row">{people}</div>\n')
    by = v.ui["by"] if v.ui["by"].endswith("：") else v.ui["by"] + " "
    names = join_names([f'<a href="/{v.lang}/author/{s}/">{_e(n)}</a>' for n, s in v.authors], v.byline_lang)
    return f'<div class="docMeta_dm1 margin-vert--md">{_e(by)}{names} · {" · ".join(stamps)} · {read}</div>\n'


def _u_admonition(kind: str, label: str, inner: str) -> str:
    return (f'<div class="theme-admonition theme-admonition-{kind} admonition_xJq3 alert alert--'
            f'{"success" if kind == "tip" else "secondary"}"><div class="admonitionHeading_Gvgb"><span '
            f'class="admonitionIcon_Rf37"><svg viewBox="0 0 14 16"><path d="M7 2.3c3.14"></path></svg></span>{_e(label)}'
            f'</div><div class="admonitionContent_BuS1">{inner}</div></div>')


def _u_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random) -> str:
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'U')}</p>"
    if it.kind in ("h2", "h3"):
        text, hid = _e(it.texts[0]), _anchor(it.texts[0])
        return (f'<{it.kind} class="anchor anchorWithStickyNavbar_LWe7" id="{hid}">{text}<a href="#{hid}" '
                f'class="hash-link" aria-label="Direct link to {text}" title="Direct link to {text}">{ZWSP}</a></{it.kind}>')
    if it.kind in ("ul", "ol"):
        return f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f"<blockquote>\n<p>{_e(it.texts[0])}</p>\n</blockquote>"
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f"<figcaption>{_e(im.caption)}</figcaption>" if im.caption else ""
        return (f'<figure><img loading="lazy" src="{im.src}" alt="{_e(im.alt)}" width="1200" height="675" '
                f'class="img_ev3q" data-zoomable="true">{cap}</figure>')
    d = DOCS[v.a.ui_lang]
    if it.kind == "read_also":
        inner = (f'<p>{_e(v.ui["read_also"])} <a href="{_read_also_href(v, ctx, rng)}">'
                 f"{_e(v.read_also.title)}</a></p>")  # type: ignore[union-attr]
        return _u_admonition("tip", d["tip"], inner)
    return ('<div class="ethical-ad" data-ea-publisher="ipgirl" data-ea-type="text" data-ea-style="fixedfooter">'
            f'<div class="ea-content"><a href="https://ads.example.net/proxy/click/{v.a.id}" rel="nofollow sponsored">'
            f'{_e(rng.choice(AD_TEXTS))}</a></div><div class="ea-callout"><a href="https://www.ethicalads.io/advertisers/'
            f'?ref=ea-text" rel="nofollow noopener sponsored">{ADS_BY}</a></div></div>')


def _u_doc_footer(v: ArticleView, rng: random.Random) -> str:
    a, d, out = v.a, DOCS[v.a.ui_lang], []
    if a.tags:
        pills = "".join(f'<li class="tag_QGVx"><a class="tag_zVej tagRegular_sFm0" href="/{v.lang}/tag/{s}/">{_e(t)}</a></li>'
                        for t, s in v.tags)
        out.append(f'<div class="row margin-bottom--sm theme-doc-footer-tags-row"><div class="col"><b>{_e(v.ui["tags"])}</b>'
                   f'<ul class="tags_jXut padding--none margin-left--sm">{pills}</ul></div></div>')
    last = ""
    if a.modified:
        first = _e(v.authors[0][0])
        last = (f'<span class="theme-last-updated">'
                + d["last"].replace("{d}", f"<b>{_u_time(v, a.modified)}</b>").replace("{a}", f"<b>{first}</b>") + "</span>")
    out.append(f'<div class="theme-doc-footer-edit-meta-row row"><div class="col"><a href="https://github.com/ipgirl/docs/'
               f'edit/main/{v.lang}/{a.category}/{a.id}.md" target="_blank" rel="noopener noreferrer" '
               f'class="theme-edit-this-page"><svg viewBox="0 0 40 40" class="iconEdit_Z9Sw"></svg>{_e(d["edit"])}</a></div>'
               f'<div class="col lastUpdated_JAkA">{last}</div></div>')
    return '<footer class="theme-doc-footer docusaurus-mt-lg">' + "".join(out) + "</footer>\n"


def _u_feedback(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    out = []
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        out.append(f'<div class="docFeedback_k2Lp"><p class="docFeedback__q">{_e(v.ui["helpful_q"])}</p><div class="button-group">'
                   f'<button class="button button--outline button--primary" data-vote="yes">👍 {yes}</button>'
                   f'<button class="button button--outline button--primary" data-vote="no">👎 {no}</button></div>'
                   f'<p class="docFeedback__count">{_vote_line(v, rng)}</p></div>')
    url = ctx.base + v.a.path
    out.append(f'<div class="docShare_q8Rt"><span>{_e(v.ui["share"])}</span> <a href="https://twitter.com/intent/tweet?url={url}" '
               f'aria-label="X"><svg></svg></a> <a href="https://www.linkedin.com/sharing/share-offsite/?url={url}" '
               f'aria-label="LinkedIn"><svg></svg></a> <button class="clean-btn" type="button">'
               f'{_e(CHROME[v.a.ui_lang]["copy"])}</button></div>')
    return "\n".join(out) + "\n"


def _u_card(c: Card, v: ArticleView, rng: random.Random) -> str:
    icon = "📄️ " if rng.random() < 0.5 else ""
    snippet = f"{c.snippet}{_ellipsis(c, rng, v)}"
    return (f'<article class="col col--6 margin-bottom--lg"><a class="card padding--lg cardContainer_fWXF" href="{c.path}">'
            f'<span class="badge badge--secondary">{_e(c.cat_name)}</span><h2 class="text--truncate cardTitle_rnsV" '
            f'title="{_e(c.title)}">{icon}{_e(c.title)}</h2><p class="text--truncate cardDescription_PWke" '
            f'title="{_e(snippet)}">{_e(snippet)}</p></a></article>')


def _u_related(v: ArticleView, rng: random.Random) -> str:
    cards = v.cards()
    if not cards:
        return ""
    return (f'<section class="docCardList_dCl margin-top--lg"><h2>{_e(v.ui["discover"])}</h2><section class="row list_eTzJ">'
            + "".join(_u_card(c, v, rng) for c in cards) + "</section></section>\n")


def _u_paginator(v: ArticleView) -> str:
    d, pool = DOCS[v.a.ui_lang], v.site.listing.get((v.lang, v.a.category), [])
    k = next((i for i, x in enumerate(pool) if x is v.a), -1)
    links = []
    for x, side, label in ((pool[k - 1] if k > 0 else None, "prev", d["prev"]),
                           (pool[k + 1] if 0 <= k < len(pool) - 1 else None, "next", d["next"])):
        if x is not None:
            links.append(f'<a class="pagination-nav__link pagination-nav__link--{side}" href="{x.path}">'
                         f'<div class="pagination-nav__sublabel">{_e(label)}</div><div class="pagination-nav__label">'
                         f'{"« " if side == "prev" else ""}{_e(x.title)}{" »" if side == "next" else ""}</div></a>')
    if not links:
        return ""
    return f'<nav class="pagination-nav docusaurus-mt-lg" aria-label="Docs pages">{"".join(links)}</nav>\n'


def _u_toc(v: ArticleView, mobile: bool) -> str:
    toc = CHROME[v.a.ui_lang]["toc"]
    if mobile:
        return (f'<div class="theme-doc-toc-mobile tocMobile_ITEo"><button type="button" class="clean-btn '
                f'tocCollapsibleButton_TO0P">{_e(toc)}</button></div>\n')
    heads = [it for it in v.items() if it.kind in ("h2", "h3")]
    items = "".join(f'<li><a href="#{_anchor(it.texts[0])}" class="table-of-contents__link toc-highlight'
                    f'{" table-of-contents__link--active" if k == 0 else ""}">{_e(it.texts[0])}</a></li>'
                    for k, it in enumerate(heads))
    return (f'<div class="col col--3"><div class="tableOfContents_bqdL thin-scrollbar theme-doc-toc-desktop">'
            f'<div class="tocTitle_kP2a">{_e(toc)}</div><ul class="table-of-contents table-of-contents__left-border">'
            f"{items}</ul></div></div>\n")


def _u_footer(v: ArticleView) -> str:
    lang = v.lang
    cats = "".join(f'<li class="footer__item"><a class="footer__link-item" href="/{lang}/category/{c}/">'
                   f"{_e(CATEGORY_NAMES[c][lang])}</a></li>" for c in CATEGORIES)
    return (f'<footer class="footer footer--dark"><div class="container container-fluid"><div class="row footer__links">'
            f'<div class="col footer__col"><div class="footer__title">{_e(DOCS[v.a.ui_lang]["docs"])}</div><ul class="footer__items '
            f'clean-list">{cats}</ul></div><div class="col footer__col"><div class="footer__title">IPGirl</div><ul '
            f'class="footer__items clean-list"><li class="footer__item"><a class="footer__link-item" href="/{lang}/about">About'
            f'</a></li><li class="footer__item"><a class="footer__link-item" href="/{lang}/privacy">Privacy</a></li></ul></div>'
            '</div><div class="footer__bottom text--center"><div class="footer__copyright">Copyright © 2026 IPGirl. '
            "Built with Docusaurus.</div></div></div></footer>\n")


def render_u(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    parts = [_u_item(v, it, ctx, rng) for it in v.items()]
    if v.notice:
        note = f"<p>{_e(v.notice)}</p>"
        parts.append(_u_admonition("note", DOCS[a.ui_lang]["note"], note) if rng.random() < 0.5 else note)
    doc = (f'<div class="theme-doc-markdown markdown"><header><h1>{_e(a.title)}</h1></header>\n'
           f'<p class="doc-description">{_e(a.summary_text)}</p>\n{_u_meta(v, rng)}' + "\n".join(parts) + "\n</div>\n")
    return (_u_head(v, ctx, rng) + f'<body class="navigation-with-keyboard" data-rh="class">\n'
            '<script>!function(){var t="light";document.documentElement.setAttribute("data-theme",t)}()</script>\n'
            + f'<div id="__docusaurus">{_u_navbar(v)}<div id="__docusaurus_skipToContent_fallback" class="main-wrapper '
            + 'mainWrapper_z2l0"><div class="docsWrapper_hBAB"><button aria-label="Scroll back to top" class="clean-btn '
            + 'theme-back-to-top-button backToTopButton_sjWU" type="button"></button><div class="docRoot_UBD9">\n'
            + _u_sidebar(v) + '<main class="docMainContainer_TBSr"><div class="container padding-top--md padding-bottom--lg">'
            + '<div class="row"><div class="col docItemCol_VOVn"><div class="docItemContainer_Djhp"><article>\n'
            + _u_crumbs(v) + '<span class="theme-doc-version-badge badge badge--secondary">Version: 3.x</span>\n'
            + _u_toc(v, True) + doc + _u_doc_footer(v, rng) + "</article>\n" + _u_feedback(v, ctx, rng)
            + _u_related(v, rng) + _u_paginator(v) + "</div></div>\n" + _u_toc(v, False)
            + "</div></div></main></div></div></div>\n" + _u_footer(v) + "</div>\n</body>\n</html>\n")
