"""Era AC (opt-in, held-out, written blind): the publication run as a wiki - a MediaWiki page in the
Vector 2022 skin (~65%) or legacy Vector, at the article's own URL.

Head: ``html.client-nojs[lang]``, ``<title>Title - IPGirl</title>``, the ResourceLoader ``RLCONF`` script
(``wgTitle``, ``wgCategories`` = the category and the tags, ``wgArticleId``…), ``generator`` MediaWiki,
a description meta (the SEO extension), ``og:type`` "article" on ~50%, canonical and hreflang; on
machine-dated pages (~45%) the structured-data extension's JSON-LD ``Article`` (escaped slashes,
``author`` the Organization "Contributors to IPGirl", ``datePublished``, ``dateModified`` when revised).
No ``<time>``, no ``<article>``, no meta author.

Vector 2022: the header (logo, search, "Create account", "Log in"), the sidebar TOC BEFORE the content
("Contents", "(Top)", the section titles, numbers hidden), then ``main#content``: the BreadCrumbs2 trail
"Home › AI", ``h1#firstHeading > span.mw-page-title-main``, the "N languages" button (the interlanguage
links with ``hreflang``), the tabs (Article / Talk; Read / Edit or View source / View history; Tools)
and the pinned page tools (What links here, Permanent link, Page information, Cite this page, Printable
version, and a "Share:" portlet); ``#bodyContent``: ``#siteSub`` "From IPGirl", ``#contentSub``,
``#mw-content-text > div.mw-parser-output`` (eras_ac_body.py), the rating gadget and the RelatedArticles
cards in ``#mw-data-after-content``, "Retrieved from …", ``#catlinks``. Legacy Vector: the same content
first, its ``#toc`` before the first ``h2`` inside the story when it has 4+ headings, then
``#mw-navigation`` (personal tools, tabs, search) and ``#mw-panel`` (Navigation, Tools, the "Share:"
portlet, "Languages"). Both: ``#siteNotice`` with the wiki's English banner on ~35%, the footer "This
page was last edited on 5 July 2023, at 08:15." (the revision: the modification, else the publication),
"Privacy policy", "About IPGirl", "Disclaimers", "Powered by MediaWiki".

Parser output: the summary as the lead paragraph (~60%) or an italic hatnote; a ``{{byline}}`` "By A and
B" line (~45%) or the authors in the infobox; the infobox table (the title again on ~50%, the first
figure as its image on ~40% of illustrated pages, Category, Author(s), Published with ``{{Start date}}``'s
hidden ISO day on ~50%, "Last updated"); headings ``h2 > span.mw-headline`` + "[edit]" (or "[edit | edit
source]" with VisualEditor; none on a protected page, ~25%) or 1.42's ``div.mw-heading``; footnote
markers ``sup.reference`` "[1]" closing some paragraphs (~50%) and a References section; thumbnails
``figure[typeof~=mw:File/Thumb]`` or ``div.thumb > div.thumbinner > a > img + div.thumbcaption``
(magnify icon); "Read also" an inline hatnote or (~35%) a "See also" section; ad boxes (an
"Advertisement" label on half); the notice an ``ombox`` message box (~60%) or an italic last
paragraph; "Discover more" a gallery or a wikitable section (~60%), else the RelatedArticles cards; a
navbox; ``#catlinks`` "Categories: AI | tag | tag" (or the box renamed "Tags", ~40%), hidden
categories (CSS-hidden) on ~40%. UI in English on ~25%; the wiki's dates follow the UI language.
"""
from __future__ import annotations

import json
import random

from . import eras_ac_body as ab
from .eras import Ctx, _links_head
from .eras_ac_text import AUTONYM, COLON, HIDDEN_CATS, MW, SITENOTICE
from .eras_no import _e
from .fmt import format_date, iso_utc
from .view import ArticleView


def body_chrome(v: ArticleView) -> frozenset[str]:
    """Lines among (or trailing) the story's blocks that are the wiki's chrome, for pagecheck: section edit
    links, footnote markers, the ad label, the legacy TOC (its title and numbered entries)."""
    m = MW[v.a.ui_lang]
    out = {f"[{m['edit']}]", f"[{m['edit']} | {m['edit_source']}]", "Advertisement", m["contents"]}
    out |= {f"[{k}]" for k in range(1, 10)}
    heads = [(int(it.kind[1]), it.texts[0]) for it in v.items() if it.kind in ("h2", "h3")]
    extra = [m["see_also"], v.ui["discover"], m["references"]]
    for entry in _toc_entries(heads + [(2, x) for x in extra]):
        out.add(f"{entry[0]} {entry[2]}")
    for k, name in enumerate(extra):  # appendix entries are numbered after the story's h2s, some may be absent
        n = sum(1 for lvl, _ in heads if lvl == 2)
        out |= {f"{n + j} {name}" for j in range(1, k + 2)}
    return frozenset(out)


def _toc_entries(heads: list[tuple[int, str]]) -> list[tuple[str, int, str]]:
    """(number "2.1", level, text) as MediaWiki numbers its TOC."""
    out, top, sub = [], 0, 0
    for level, text in heads:
        if level == 2 or top == 0:
            top, sub = top + 1, 0
            out.append((str(top), 2, text))
        else:
            sub += 1
            out.append((f"{top}.{sub}", 3, text))
    return out


def _legacy_toc(v: ArticleView, entries: list[tuple[str, int, str]]) -> str:
    m = MW[v.a.ui_lang]
    items, open_sub = [], False
    for num, level, text in entries:
        li = (f'<li class="toclevel-{level - 1}"><a href="#{ab.anchor(text)}"><span class="tocnumber">{num}</span> '
              f'<span class="toctext">{_e(text)}</span></a>')
        if level == 3 and not open_sub:
            items.append("<ul>" + li)
            open_sub = True
        elif level == 3:
            items.append("</li>" + li)
        else:
            items.append(("</li></ul></li>" if open_sub else "</li>" if items else "") + li)
            open_sub = False
    items.append("</li></ul></li>" if open_sub else "</li>")
    return ('<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading"><input type="checkbox" '
            'role="button" id="toctogglecheckbox" class="toctogglecheckbox" style="display:none">'
            f'<div class="toctitle" dir="ltr"><h2 id="mw-toc-heading">{_e(m["contents"])}</h2><span class="toctogglespan">'
            f'<label class="toctogglelabel" for="toctogglecheckbox"></label></span></div><ul>{"".join(items)}</ul></div>\n')


def _sidebar_toc(v: ArticleView, entries: list[tuple[str, int, str]]) -> str:
    m = MW[v.a.ui_lang]
    lis = "".join(f'<li class="vector-toc-list-item vector-toc-level-{lvl - 1}"><a class="vector-toc-link" '
                  f'href="#{ab.anchor(t)}"><div class="vector-toc-text"><span class="vector-toc-numb">{n}</span>'
                  f"<span>{_e(t)}</span></div></a></li>" for n, lvl, t in entries)
    return ('<div class="vector-column-start"><div class="vector-main-menu-container"></div><nav id="mw-panel-toc" '
            f'role="navigation" aria-label="{_e(m["contents"])}" class="vector-toc-landmark"><div id="vector-toc" '
            f'class="vector-toc vector-pinnable-element"><div class="vector-pinnable-header"><h2 class="vector-pinnable-'
            f'header-label">{_e(m["contents"])}</h2></div><ul class="vector-toc-contents" id="mw-panel-toc-list">'
            f'<li id="toc-mw-content-text" class="vector-toc-list-item vector-toc-level-1"><a href="#" '
            f'class="vector-toc-link"><div class="vector-toc-text">{_e(m["top"])}</div></a></li>{lis}</ul></div></nav></div>\n')


def _head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    rlconf = {"wgCanonicalNamespace": "", "wgPageName": a.title.replace(" ", "_"), "wgTitle": a.title,
              "wgCurRevisionId": a.id * 7 + 3, "wgArticleId": a.id, "wgIsArticle": True, "wgAction": "view",
              "wgCategories": [v.category_name] + [t for t, _ in v.tags], "wgPageContentLanguage": a.lang,
              "wgUserLanguage": a.ui_lang, "wgRelevantPageName": a.title.replace(" ", "_"), "wgIsRedirect": False}
    ld = ""
    if a.date_mode == "machine":
        data = {"@context": "https://schema.org", "@type": "Article", "name": a.title, "url": ctx.base + a.path,
                "author": {"@type": "Organization", "name": "Contributors to IPGirl"},
                "publisher": {"@type": "Organization", "name": "IPGirl", "logo": {"@type": "ImageObject",
                              "url": ctx.base + "/static/images/ipgirl-logo.png"}},
                "datePublished": iso_utc(a.published), **({"dateModified": iso_utc(a.modified)} if a.modified else {}),
                "headline": a.summary_text}
        ld = ('<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False).replace("/", "\\/")
              + "</script>\n")
    og = '<meta property="og:type" content="article">\n' if rng.random() < 0.5 else ""
    return (f'<!DOCTYPE html>\n<html class="client-nojs" lang="{a.lang}" dir="ltr">\n<head>\n<meta charset="UTF-8">\n'
            f"<title>{_e(a.title)} - IPGirl</title>\n"
            '<script>document.documentElement.className="client-js";RLCONF='
            + json.dumps(rlconf, ensure_ascii=False).replace("</", "<\\/") +
            ';RLSTATE={"site.styles":"ready","skins.vector.styles":"ready"};RLPAGEMODULES=["ext.gadget.helpful",'
            '"ext.relatedArticles.readMore.bootstrap","skins.vector.js"];</script>\n'
            f'<link rel="stylesheet" href="/w/load.php?lang={a.ui_lang}&amp;modules=skins.vector.styles&amp;only=styles">\n'
            '<meta name="generator" content="MediaWiki 1.41.1">\n<meta name="referrer" content="origin-when-cross-origin">\n'
            f'<meta name="description" content="{_e(a.summary_text)}">\n{og}'
            f'<meta property="og:title" content="{_e(a.title)} - IPGirl">\n<meta name="viewport" content="width=1120">\n'
            f'<link rel="alternate" type="application/x-wiki" title="Edit" href="/w/index.php?title={ab.anchor(a.title)}'
            '&amp;action=edit">\n<link rel="search" type="application/opensearchdescription+xml" '
            'href="/w/rest.php/v1/search" title="IPGirl">\n<link rel="license" '
            f'href="https://creativecommons.org/licenses/by-sa/4.0/">\n{_links_head(v, ctx)}\n{ld}</head>\n')


def _lang_links(v: ArticleView, cls: str) -> str:
    return "".join(f'<li class="interlanguage-link interwiki-{lang} mw-list-item"><a href="{path}" title="{_e(v.a.title)}'
                   f' – {AUTONYM[lang]}" lang="{lang}" hreflang="{lang}" class="{cls}">{AUTONYM[lang]}</a></li>'
                   for lang, path in v.translations())


def _tools(v: ArticleView, look: ab.Look) -> str:
    """The page tools' links and the share portlet (a gadget)."""
    m, t, url = MW[v.a.ui_lang], ab.anchor(v.a.title), v.a.path
    links = "".join(f'<li class="mw-list-item"><a href="{href}">{_e(m[key])}</a></li>' for key, href in (
        ("whatlinks", f"/w/index.php?title=Special:WhatLinksHere/{t}"),
        ("permalink", f"/w/index.php?title={t}&amp;oldid={v.a.id * 7 + 3}"),
        ("info", f"/w/index.php?title={t}&amp;action=info"), ("cite", f"/w/index.php?title=Special:CiteThisPage&amp;page={t}"),
        ("printable", f"{url}/print")))
    share = "".join(f'<li class="mw-list-item"><a href="{h}" rel="nofollow">{n}</a></li>' for n, h in (
        ("Twitter", f"https://twitter.com/intent/tweet?url={url}"), ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ("E-mail", f"mailto:?subject={_e(v.a.title)}")))
    return (f'<div id="p-tb" class="vector-menu mw-portlet"><div class="vector-menu-heading">{_e(m["tools"])}</div>'
            f'<div class="vector-menu-content"><ul class="vector-menu-content-list">{links}</ul></div></div>'
            f'<div id="p-share" class="vector-menu mw-portlet"><div class="vector-menu-heading">{_e(v.ui["share"])}</div>'
            f'<div class="vector-menu-content"><ul class="vector-menu-content-list">{share}</ul></div></div>\n')


def _tabs(v: ArticleView, look: ab.Look) -> str:
    m, t = MW[v.a.ui_lang], ab.anchor(v.a.title)
    edit = (f'<li id="ca-edit" class="mw-list-item"><a href="/w/index.php?title={t}&amp;action=edit">{_e(m["edit_tab"])}'
            if look.edit else f'<li id="ca-viewsource" class="mw-list-item"><a href="/w/index.php?title={t}&amp;action=edit">'
            f'{_e(m["view_source"])}')
    return (f'<div class="vector-page-toolbar"><nav id="p-associated-pages" class="vector-menu vector-menu-tabs"><ul>'
            f'<li id="ca-nstab-main" class="selected mw-list-item"><a href="{v.a.path}">{_e(m["article"])}</a></li>'
            f'<li id="ca-talk" class="new mw-list-item"><a href="/w/index.php?title=Talk:{t}&amp;action=edit&amp;redlink=1" '
            f'rel="discussion">{_e(m["talk"])}</a></li></ul></nav><nav id="p-views" class="vector-menu vector-menu-tabs"><ul>'
            f'<li id="ca-view" class="selected mw-list-item"><a href="{v.a.path}">{_e(m["read"])}</a></li>{edit}</a></li>'
            f'<li id="ca-history" class="mw-list-item"><a href="/w/index.php?title={t}&amp;action=history">'
            f'{_e(m["history"])}</a></li></ul></nav></div>\n')


def _catlinks(v: ArticleView, look: ab.Look) -> str:
    m = MW[v.a.ui_lang]
    label = v.ui["tags"].rstrip(" :：") if look.tags_label == "tags" else m["categories"]
    cats = [(f"/{v.lang}/category/{v.a.category}/", v.category_name)] + [(f"/{v.lang}/tag/{s}/", t) for t, s in v.tags]
    lis = "".join(f'<li><a href="{h}" title="Category:{_e(t)}">{_e(t)}</a></li>' for h, t in cats)
    hidden = ""
    if look.hidden_cats:
        hidden = (f'<div id="mw-hidden-catlinks" class="mw-hidden-catlinks mw-hidden-cats-hidden">{_e(m["hidden"])}'
                  f'{COLON.get(v.a.ui_lang, ": ")}<ul>' + "".join(f"<li><a>{_e(h)}</a></li>" for h in HIDDEN_CATS) + "</ul></div>")
    return ('<div id="catlinks" class="catlinks" data-mw="interface"><div id="mw-normal-catlinks" class="mw-normal-catlinks">'
            f'<a href="/w/index.php?title=Special:Categories" title="Special:Categories">{_e(label)}</a>'
            f'{COLON.get(v.a.ui_lang, ": ")}<ul>{lis}</ul></div>{hidden}</div>\n')


def _footer(v: ArticleView) -> str:
    m, when = MW[v.a.ui_lang], v.a.modified or v.a.published
    lastmod = m["lastmod"].format(date=format_date(when, v.byline_lang), time=f"{when.hour:02d}:{when.minute:02d}")
    places = "".join(f'<li id="footer-places-{k}"><a href="{h}">{_e(m[k])}</a></li>' for k, h in (
        ("privacy", f"/{v.lang}/privacy"), ("about", f"/{v.lang}/about"), ("disclaimers", f"/{v.lang}/about")))
    return (f'<footer id="footer" class="mw-footer" role="contentinfo"><ul id="footer-info"><li id="footer-info-lastmod">'
            f' {_e(lastmod)}</li><li id="footer-info-copyright">Text is available under the <a rel="nofollow" '
            'href="https://creativecommons.org/licenses/by-sa/4.0/">Creative Commons Attribution-ShareAlike License 4.0'
            f'</a>.</li></ul><ul id="footer-places">{places}</ul><ul id="footer-icons" class="noprint"><li id="footer-'
            'poweredbyico"><a href="https://www.mediawiki.org/"><img src="/w/resources/assets/poweredby_mediawiki.svg" '
            'alt="Powered by MediaWiki" width="88" height="31"></a></li></ul></footer>\n')


def _content(v: ArticleView, look: ab.Look, ctx: Ctx, rng: random.Random, toc: str) -> tuple[str, str]:
    """(parser output, what follows it inside #bodyContent)."""
    story, sections, notes = ab.body(v, look, ctx, random.Random(look.body_seed), toc)
    pieces = [ab.lead(v, look), ab.infobox(v, look, ctx), story,
              ab.appendix(v, look, ctx, rng, sections, notes), ab.navbox(v)]
    parser = (f'<div id="mw-content-text" class="mw-body-content mw-content-ltr" lang="{v.lang}" dir="ltr">'
              f'<div class="mw-parser-output">{"".join(pieces)}</div></div>\n')
    after = ab.votes(v, rng) + (ab.related_ext(v, rng) if look.discover == "ext" else "")
    retrieved = (f'<div class="printfooter" data-nosnippet="">{_e(MW[v.a.ui_lang]["retrieved"])} "<a dir="ltr" '
                 f'href="{ctx.base}{v.a.path}">{ctx.base}{v.a.path}</a>"</div>\n')
    return parser, (f'<div id="mw-data-after-content">{after}</div>\n' if after else "") + retrieved + _catlinks(v, look)


def _top(v: ArticleView, look: ab.Look) -> tuple[str, str]:
    """(site notice, breadcrumbs) shown above the title."""
    notice = ('<div id="siteNotice"><div id="localNotice" data-nosnippet=""><div class="anonnotice" lang="en" dir="ltr">'
              f"<p>{SITENOTICE}</p></div></div></div>\n" if look.sitenotice else '<div id="siteNotice"></div>\n')
    crumbs = (f'<div id="breadcrumbs2"><a href="/{v.lang}/">{_e(v.ui["home"])}</a> › '
              f'<a href="/{v.lang}/category/{v.a.category}/">{_e(v.category_name)}</a></div>\n')
    return notice, crumbs


def _h1(v: ArticleView) -> str:
    return f'<h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">{_e(v.a.title)}</span></h1>\n'


def _vector_2022(v: ArticleView, look: ab.Look, ctx: Ctx, rng: random.Random, entries) -> str:
    m, (notice, crumbs) = MW[v.a.ui_lang], _top(v, look)
    n = len(v.translations())
    langs = (f'<div id="p-lang-btn" class="vector-dropdown mw-portlet mw-portlet-lang"><input type="checkbox" '
             f'id="p-lang-btn-checkbox" role="button" class="vector-dropdown-checkbox mw-interlanguage-selector">'
             f'<label for="p-lang-btn-checkbox" class="vector-dropdown-label cdx-button"><span class="vector-dropdown-'
             f'label-text">{_e(m["languages"].format(n=n))}</span></label><div class="vector-dropdown-content"><ul '
             f'class="vector-menu-content-list">{_lang_links(v, "interlanguage-link-target")}</ul></div></div>'
             if n else "")
    parser, after = _content(v, look, ctx, rng, "")
    return ('<body class="skin-vector skin-vector-2022 mediawiki ltr ns-0 action-view">\n<a class="mw-jump-link" '
            'href="#bodyContent">Jump to content</a>\n<div class="vector-header-container"><header class="vector-header '
            'mw-header"><a href="/" class="mw-logo"><img class="mw-logo-icon" src="/static/images/ipgirl-logo.png" alt="" '
            f'width="50" height="50"><span class="mw-logo-wordmark">IPGirl</span></a><div id="p-search"><form action="/{v.lang}/search">'
            f'<input type="search" name="q" placeholder="{_e(m["search"])} IPGirl"></form></div><nav class="vector-user-links">'
            '<a href="/w/index.php?title=Special:CreateAccount">Create account</a> <a href="/w/index.php?title=Special:UserLogin">'
            'Log in</a></nav></header></div>\n<div class="mw-page-container"><div class="mw-page-container-inner">\n'
            f'<div class="vector-sitenotice-container">{notice}</div>\n{_sidebar_toc(v, entries) if entries else ""}'
            '<div class="mw-content-container"><main id="content" class="mw-body" role="main">\n'
            f'<header class="mw-body-header vector-page-titlebar">{crumbs}{_h1(v)}{langs}</header>\n'
            f'{_tabs(v, look)}<div class="vector-column-end"><nav class="vector-page-tools-landmark">{_tools(v, look)}'
            f'</nav></div>\n<div id="bodyContent" class="vector-body" aria-labelledby="firstHeading">\n'
            f'<div id="siteSub" class="noprint">{_e(m["tagline"])}</div>\n<div id="contentSub"><div id="mw-content-subtitle">'
            f'</div></div>\n{parser}{after}</div>\n</main>\n</div>\n<div class="mw-footer-container">{_footer(v)}</div>\n'
            "</div></div>\n</body>\n</html>\n")


def _vector_legacy(v: ArticleView, look: ab.Look, ctx: Ctx, rng: random.Random, entries) -> str:
    m, (notice, crumbs) = MW[v.a.ui_lang], _top(v, look)
    toc = _legacy_toc(v, entries) if len(entries) >= 4 else ""
    parser, after = _content(v, look, ctx, rng, toc)
    langs = (f'<nav id="p-lang" class="vector-menu mw-portlet mw-portlet-lang portal"><h3 id="p-lang-label" '
             f'class="vector-menu-heading">{_e(m["languages_legacy"])}</h3><div class="vector-menu-content"><ul '
             f'class="vector-menu-content-list">{_lang_links(v, "interlanguage-link-target")}</ul></div></nav>'
             if v.translations() else "")
    return ('<body class="skin-vector-legacy mediawiki ltr ns-0 action-view">\n<div id="mw-page-base" class="noprint"></div>'
            '<div id="mw-head-base" class="noprint"></div>\n<div id="content" class="mw-body" role="main">\n<a id="top"></a>\n'
            f'{notice}<div class="mw-indicators"></div>\n{crumbs}{_h1(v)}<div id="bodyContent" class="vector-body">\n'
            f'<div id="siteSub" class="noprint">{_e(m["tagline"])}</div>\n<div id="contentSub"></div>\n<div id="jump-to-nav">'
            '</div><a class="mw-jump-link" href="#mw-head">Jump to navigation</a>\n<a class="mw-jump-link" href="#searchInput">'
            f'Jump to search</a>\n{parser}{after}<div class="visualClear"></div></div>\n</div>\n'
            f'<div id="mw-navigation"><h2>{_e(m["nav"])}</h2><div id="mw-head"><nav id="p-personal"><ul><li>'
            '<a href="/w/index.php?title=Special:CreateAccount">Create account</a></li><li><a href="/w/index.php?title='
            f'Special:UserLogin">Log in</a></li></ul></nav>{_tabs(v, look)}<div id="p-search"><form action="/{v.lang}/search">'
            f'<input type="search" name="q" id="searchInput" placeholder="{_e(m["search"])} IPGirl"></form></div></div>\n'
            '<div id="mw-panel"><div id="p-logo" role="banner"><a class="mw-wiki-logo" href="/" title="IPGirl"></a></div>'
            f'<nav id="p-navigation" class="portal"><ul><li><a href="/{v.lang}/">{_e(m["main"])}</a></li>'
            f'<li><a href="/{v.lang}/about">{_e(m["about"])}</a></li></ul></nav>{_tools(v, look)}{langs}</div></div>\n'
            f"{_footer(v)}</body>\n</html>\n")


def render_ac(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    look = ab.draw_look(v, rng)
    heads = [(int(it.kind[1]), it.texts[0]) for it in v.items() if it.kind in ("h2", "h3")]
    # the TOC (before the story) lists the appendix headings, known once the footnotes are drawn: a dry run
    # of the story with its own seed, the same the page then uses
    notes = ab.body(v, look, ctx, random.Random(look.body_seed), "")[2] if look.refs else 0
    entries = _toc_entries(heads + [(2, x) for x in ab.appendix_names(v, look, notes)])
    skin = _vector_2022 if look.skin == "vector-2022" else _vector_legacy
    return _head(v, ctx, rng) + skin(v, look, ctx, rng, entries)
