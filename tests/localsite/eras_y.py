"""Era Y (opt-in, held-out, written blind): the story as a Notion-like workspace page "published to
the web", served at the article's URL by a Notion-powered site (notion.site SSR, a react-notion-x
renderer, or a Super-like custom-domain wrapper: one of three styles per page).

Head: ``<title>``, description, og metas, canonical (~70%) and hreflang, ``html[lang]`` on ~60%, no
meta author, no ``<time>``. Machine-dated pages (~35%) carry either an Article JSON-LD added by the
wrapper or ``article:published_time`` / ``article:modified_time`` metas; the rest show the date
property only: a localized day (~45%) or, with Notion's "Relative" date format, "3 days ago" (~20%).

Body: ``#notion-app > .notion-frame``: the topbar (breadcrumbs "Home / AI" with emoji page icons as
``img[alt]``, "Search", "Duplicate", "Get Notion free"), the cover image (~50%), the page icon (an
emoji line), the ``h1`` title, the summary either as a description line under the title or as the
first property row, then the properties table (``role=table`` rows, or ``<table>`` in the wrapper
style): Author (person chips: an initial-letter avatar then the name, one per author), Published,
Last edited (modified pages), Category (a select chip), Tags (multi-select chips linking to
``/tag/``); property names in the workspace's language (English on ~30%). A table of contents block
at the top (~40%) or a collapsed "Contents" toggle (~20%). Then the blocks, every one a
``div[data-block-id]``: text blocks; headings as ``div[role=heading][aria-level]`` (native),
``h2.notion-h`` (react-notion-x) or ``div.notion-header-block > h2`` (wrapper), on ~30% as open toggle
headings whose section is nested inside; lists one block per item with a CSS-drawn bullet (native,
wrapper) or ``ul.notion-list``; quotes a bordered block, a ``blockquote`` or (~25%) a 💬 callout;
images an image block with the caption as a sibling div; "Read also:" a text block or a 👉 callout;
ads an embed block's ``<iframe>``; the notice a plain block or a 💡 callout. After the blocks: "Share:"
with link tokens, the vote widget (an embed block, or an open toggle), "Discover more" as a linked
database view (gallery cards, a table view with English column names, or a list view), backlinks,
"Made with Notion", a cookie banner. UI in English on ~30%.
"""
from __future__ import annotations

import json
import random

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_no import _e
from .fmt import YES_NO, format_date, format_relative, iso_local
from .view import ArticleView, Item

# The workspace's property names per language: author, published, last edited, category, tags, summary.
PROPS: dict[str, tuple[str, ...]] = {
    "en": ("Author", "Published", "Last edited", "Category", "Tags", "Summary"),
    "fr": ("Auteur", "Publié le", "Dernière modification", "Catégorie", "Étiquettes", "Résumé"),
    "de": ("Autor", "Veröffentlicht", "Zuletzt bearbeitet", "Kategorie", "Schlagwörter", "Zusammenfassung"),
    "es": ("Autor", "Publicado", "Última edición", "Categoría", "Etiquetas", "Resumen"),
    "it": ("Autore", "Pubblicato", "Ultima modifica", "Categoria", "Tag", "Riassunto"),
    "pt": ("Autor", "Publicado", "Última edição", "Categoria", "Tags", "Resumo"),
    "ja": ("著者", "公開日", "最終更新日時", "カテゴリー", "タグ", "概要"),
    "zh": ("作者", "发布日期", "上次编辑时间", "类别", "标签", "摘要"),
    "ko": ("작성자", "게시일", "마지막 편집 시간", "카테고리", "태그", "요약"),
}
PAGE_ICONS = {"ai": "🤖", "data-science": "📊", "machine-learning": "🧠", "robotics": "🦾", "semiconductors": "🔬"}
CALLOUT_ICONS = ("💬", "👉", "💡")  # quote, read also, notice
NATIVE, RNX, WRAPPER = 0, 1, 2      # notion.site SSR, react-notion-x, a custom-domain wrapper


def body_chrome(v: ArticleView) -> frozenset[str]:
    """Lines a reader sees among the body blocks that are page chrome: the callouts' emoji icons."""
    return frozenset(CALLOUT_ICONS)


class _Ids:
    """Notion block ids (uuid-shaped, from the page's rng)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> str:
        h = "".join(self.rng.choice("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _leaf(inner: str) -> str:
    return ('<div style="display:flex;width:100%;"><div spellcheck="false" class="notranslate" '
            f'data-content-editable-leaf="true" contenteditable="false">{inner}</div></div>')


def _block(ids: _Ids, kind: str, inner: str, extra: str = "") -> str:
    return f'<div data-block-id="{ids()}" class="notion-selectable notion-{kind}-block"{extra}>{inner}</div>\n'


def _icon(emoji: str, as_img: bool) -> str:
    if as_img:  # Notion's emoji sprite: an image whose alt is the emoji
        return f'<img class="notion-emoji" alt="{emoji}" aria-label="{emoji}" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
    return f'<div class="notion-record-icon" role="img" aria-label="{emoji}">{emoji}</div>'


def _callout(ids: _Ids, emoji: str, inner: str, as_img: bool) -> str:
    return _block(ids, "callout", f'<div style="display:flex;border-radius:4px;background:rgb(241,241,239);padding:16px;">'
                                  f'{_icon(emoji, as_img)}<div style="margin-left:8px;">{_leaf(inner)}</div></div>')


def _heading(ids: _Ids, style: int, it: Item) -> str:
    level = 2 if it.kind == "h2" else 3
    text = _e(it.texts[0])
    kind = "header" if level == 2 else "sub_header"
    if style == NATIVE:
        return _block(ids, kind, f'<div role="heading" aria-level="{level}" class="notranslate">{text}</div>')
    if style == RNX:
        return (f'<h{level} class="notion-h notion-h{level - 1}" data-id="{ids()}"><span><div class="notion-header-anchor">'
                f'</div><a class="notion-hash-link" href="#{ids()}"><svg viewBox="0 0 16 16"></svg></a>'
                f'<span class="notion-h-title">{text}</span></span></h{level}>\n')
    return _block(ids, kind, f"<h{level}>{text}</h{level}>")


def _list(ids: _Ids, style: int, it: Item) -> str:
    if style == RNX:
        cls = "notion-list-disc" if it.kind == "ul" else "notion-list-numbered"
        return f'<{it.kind} class="notion-list {cls}">' + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>\n"
    kind = "bulleted_list" if it.kind == "ul" else "numbered_list"
    out = []
    for k, t in enumerate(it.texts, start=1):
        mark = "•" if it.kind == "ul" else f"{k}."
        out.append(_block(ids, kind, f'<div style="display:flex;"><div class="pseudoBefore" '
                                     f"style=\"--pseudoBefore--content:'{mark}';\"></div>{_leaf(_e(t))}</div>"))
    return "".join(out)


def _image(ids: _Ids, style: int, it: Item) -> str:
    im = it.image
    assert im is not None
    img = f'<img src="{im.src}" alt="{_e(im.alt)}" loading="lazy" style="width:100%;object-fit:cover;">'
    if style == RNX:
        cap = f'<figcaption class="notion-asset-caption">{_e(im.caption)}</figcaption>' if im.caption else ""
        return f'<figure class="notion-asset-wrapper notion-asset-wrapper-image"><div>{img}</div>{cap}</figure>\n'
    cap = (f'<div class="notion-image-caption" style="color:rgba(55,53,47,0.65);font-size:14px;">{_e(im.caption)}</div>'
           if im.caption else "")
    return _block(ids, "image", f'<div><div role="figure"><div class="notion-cursor-default">{img}</div></div>{cap}</div>')


def _item(v: ArticleView, ctx: Ctx, rng: random.Random, ids: _Ids, look: dict, it: Item) -> str:
    style = look["style"]
    if it.kind == "p":
        return _block(ids, "text", _leaf(_text(v, it, rng, "Y")))
    if it.kind in ("h2", "h3"):
        return _heading(ids, style, it)
    if it.kind in ("ul", "ol"):
        return _list(ids, style, it)
    if it.kind == "quote":
        if look["quote_callout"]:
            return _callout(ids, CALLOUT_ICONS[0], _e(it.texts[0]), look["img_icons"])
        if style == RNX:
            return f'<blockquote class="notion-quote"><div>{_e(it.texts[0])}</div></blockquote>\n'
        return _block(ids, "quote", f'<div style="border-left:3px solid currentcolor;padding-left:14px;">{_leaf(_e(it.texts[0]))}</div>')
    if it.kind == "figure":
        return _image(ids, style, it)
    if it.kind == "read_also":
        t = v.read_also
        assert t is not None
        mention = (f'<strong>{_e(v.ui["read_also"])}</strong> <a class="notion-link-token notion-page-mention-token" '
                   f'href="{_read_also_href(v, ctx, rng)}">{_icon(PAGE_ICONS[t.category], True)}{_e(t.title)}</a>')
        if look["read_callout"]:
            return _callout(ids, CALLOUT_ICONS[1], mention, look["img_icons"])
        return _block(ids, "text", _leaf(mention))
    return _block(ids, "embed", f'<div class="notion-embed"><iframe src="https://srv.carbonads.net/ads/{v.a.id % 97}.html" '
                                'title="Embedded content" width="100%" height="140" frameborder="0"></iframe></div>')


def _blocks(v: ArticleView, ctx: Ctx, rng: random.Random, ids: _Ids, look: dict) -> str:
    """The page's blocks; on toggle pages each h2 is an open toggle heading holding its section."""
    out, section = [], None
    for it in v.items():
        html = _item(v, ctx, rng, ids, look, it)
        if look["toggles"] and it.kind == "h2":
            if section is not None:
                out.append(section + "</div></div>\n")
            section = (f'<div data-block-id="{ids()}" class="notion-selectable notion-toggle-block notion-header-block">'
                       '<div style="display:flex;"><div role="button" aria-expanded="true" aria-label="Close" '
                       'class="notion-toggle-button"><svg class="arrowCaretDownFillSmall"></svg></div>'
                       f'{html}</div><div class="notion-toggle-content" style="padding-left:26px;">')
            continue
        if section is not None:
            section += html
        else:
            out.append(html)
    if section is not None:
        out.append(section + "</div></div>\n")
    if v.notice:
        if look["notice_callout"]:
            out.append(_callout(ids, CALLOUT_ICONS[2], _e(v.notice), look["img_icons"]))
        else:
            out.append(_block(ids, "text", _leaf(f'<span style="color:rgba(120,119,116,1);">{_e(v.notice)}</span>')))
    return "".join(out)


def _toc(v: ArticleView, ids: _Ids, look: dict) -> str:
    if look["toc"] == "none":
        return ""
    if look["toc"] == "toggle":  # collapsed: Notion renders no children for a closed toggle
        return _block(ids, "toggle", '<div style="display:flex;"><div role="button" aria-expanded="false" aria-label="Open">'
                                     f'<svg class="arrowCaretRightFillSmall"></svg></div>{_leaf("Contents")}</div>')
    rows = "".join(f'<div class="notion-table_of_contents-item" style="margin-left:{0 if it.kind == "h2" else 24}px;">'
                   f'<a href="#{ids()}">{_e(it.texts[0])}</a></div>' for it in v.items() if it.kind in ("h2", "h3"))
    return _block(ids, "table_of_contents", f'<div role="navigation">{rows}</div>')


def _shown_date(v: ArticleView, when) -> str:
    if v.a.date_mode == "relative":
        return format_relative(v.a.rel_days, v.byline_lang)
    return format_date(when, v.byline_lang)


def _properties(v: ArticleView, look: dict) -> str:
    """The page's property rows: (summary,) author, published, (last edited,) category, tags."""
    names = PROPS[v.a.ui_lang]
    a, lang = v.a, v.lang
    people = "".join(f'<div class="notion-property-person" style="display:flex;"><div class="notion-user-initial" '
                     f'style="border-radius:100%;width:20px;">{_e(n[0])}</div><div class="notion-user-name">{_e(n)}</div></div>'
                     for n, _ in v.authors)
    rows = [(names[0], "person", people), (names[1], "date", f"<span>{_e(_shown_date(v, a.published))}</span>")]
    if look["summary_row"]:
        rows.insert(0, (names[5], "text", f"<span>{_e(a.summary_text)}</span>"))
    if a.modified:
        rows.append((names[2], "last_edited_time", f"<span>{_e(format_date(a.modified, v.byline_lang))}</span>"))
    rows.append((names[3], "select", f'<a class="notion-property-select-item" href="/{lang}/category/{a.category}/">'
                                     f"{_e(v.category_name)}</a>"))
    if v.tags:
        chips = " ".join(f'<a class="notion-property-multi_select-item" href="/{lang}/tag/{s}/" '
                         f'style="background:rgb(227,226,224);">{_e(t)}</a>' for t, s in v.tags)
        rows.append((names[4], "multi_select", chips))
    if look["style"] == WRAPPER:
        trs = "".join(f'<tr class="property-{kind}"><th scope="row">{_e(name)}</th><td>{value}</td></tr>'
                      for name, kind, value in rows)
        return f'<table class="notion-collection-page-properties"><tbody>{trs}</tbody></table>\n'
    divs = "".join(f'<div role="row" class="notion-collection-row-property"><div role="rowheader" class="notion-property-name">'
                   f'<svg class="property-{kind}"></svg><div>{_e(name)}</div></div><div role="cell" '
                   f'class="notion-property notion-property-{kind}">{value}</div></div>' for name, kind, value in rows)
    return f'<div role="table" aria-label="Page properties" class="notion-collection-page-properties">{divs}</div>\n'


def _topbar(v: ArticleView, look: dict) -> str:
    a = v.a
    crumbs = (f'<a class="notion-breadcrumb" href="/{a.lang}/">{_icon("🏠", True)}<span class="title">{_e(v.ui["home"])}</span></a>'
              '<span class="notion-breadcrumb-divider">/</span>'
              f'<a class="notion-breadcrumb" href="/{a.lang}/category/{a.category}/">{_icon(PAGE_ICONS[a.category], True)}'
              f'<span class="title">{_e(v.category_name)}</span></a>')
    if look["style"] == WRAPPER:
        nav = "".join(f'<a href="/{x}/">{x.upper()}</a> ' for x in ("en", "fr", "de", "es", "it", "pt", "ja", "zh", "ko"))
        return (f'<nav class="super-navbar"><a class="super-navbar__logo" href="/{a.lang}/">IPGirl</a>'
                f'<div class="super-navbar__actions">{nav}</div></nav>\n<div class="notion-breadcrumbs">{crumbs}</div>\n')
    return (f'<header class="notion-topbar"><div class="notion-topbar-breadcrumbs">{crumbs}</div>'
            '<div class="notion-topbar-actions"><div role="button" aria-label="Search">Search</div>'
            '<div role="button">Duplicate</div><a href="https://www.notion.so/signup" role="button">Get Notion free</a>'
            "</div></header>\n")


def _after(v: ArticleView, ctx: Ctx, rng: random.Random, ids: _Ids, look: dict) -> str:
    """Share line, the vote widget: below the blocks."""
    url = ctx.base + v.a.path
    links = " ".join(f'<a class="notion-link-token" href="{h}">{n}</a>' for n, h in (
        ("X", f"https://twitter.com/intent/tweet?url={url}"), ("LinkedIn", f"https://www.linkedin.com/shareArticle?url={url}"),
        ("Email", f"mailto:?subject=IPGirl&amp;body={url}")))
    out = [_block(ids, "divider", '<div role="separator" style="border-bottom:1px solid rgba(55,53,47,0.16);"></div>'),
           _block(ids, "text", _leaf(f"<strong>{_e(v.ui['share'])}</strong> {links}"))]
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        widget = (f'<div class="feedback-buttons"><button>👍 {yes}</button><button>👎 {no}</button></div>'
                  f'<div class="feedback-count">{_vote_line(v, rng)}</div>')
        if rng.random() < 0.5:
            out.append(_block(ids, "toggle", '<div style="display:flex;"><div role="button" aria-expanded="true" '
                                             f'aria-label="Close"><svg></svg></div>{_leaf(_e(v.ui["helpful_q"]))}</div>'
                                             f'<div class="notion-toggle-content">{widget}</div>'))
        else:
            out.append(_block(ids, "embed", f'<div class="custom-code feedback"><div class="feedback-q">'
                                            f'{_e(v.ui["helpful_q"])}</div>{widget}</div>'))
    return "".join(out)


def _related(v: ArticleView, rng: random.Random, ids: _Ids) -> str:
    cards = v.cards()
    if not cards:
        return ""
    view = rng.choice(("gallery", "table", "list"))
    head = (f'<div class="notion-collection-header"><div class="notion-collection-view-tabs"><span>{view.title()}</span></div>'
            f'<div class="notion-collection-header-title">{_e(v.ui["discover"])}</div></div>')
    rows = []
    for c in cards:
        snippet = f"{_e(c.snippet)}{_ellipsis(c, rng, v)}"
        if view == "table":
            rows.append(f'<div role="row" class="notion-table-row"><div role="cell"><a href="{c.path}">{_icon("📄", True)}'
                        f'{_e(c.title)}</a></div><div role="cell"><span class="notion-property-select-item">'
                        f'{_e(c.cat_name)}</span></div><div role="cell">{snippet}</div></div>')
        elif view == "gallery":
            rows.append(f'<a class="notion-collection-item notion-gallery-card" href="{c.path}"><div class="notion-gallery-cover">'
                        f'<img src="/media/thumbs/{c.path.rsplit("/", 1)[-1][:10]}.jpg" alt=""></div>'
                        f'<div class="notion-collection-item-title">{_e(c.title)}</div><div class="notion-property-select">'
                        f'<span>{_e(c.cat_name)}</span></div><div class="notion-property-text">{snippet}</div></a>')
        else:
            rows.append(f'<div class="notion-list-item"><a href="{c.path}" class="notion-list-item-title">{_icon("📄", True)}'
                        f'{_e(c.title)}</a><div class="notion-list-item-body"><div class="notion-property-select">'
                        f'{_e(c.cat_name)}</div><div class="notion-property-text">{snippet}</div></div></div>')
    table_head = ('<div role="row" class="notion-table-header"><div role="columnheader">Name</div>'
                  '<div role="columnheader">Category</div><div role="columnheader">Excerpt</div></div>' if view == "table" else "")
    return _block(ids, "collection_view", f'{head}<div class="notion-{view}-view">{table_head}{"".join(rows)}</div>')


def _head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    lang = f' lang="{a.lang}"' if rng.random() < 0.6 else ""
    links = _links_head(v, ctx)
    if rng.random() < 0.3:  # notion.site pages often carry no canonical; hreflang stays (the wrapper adds it)
        links = "\n".join(ln for ln in links.split("\n") if 'rel="canonical"' not in ln)
    dates = ""
    if a.date_mode == "machine":
        if rng.random() < 0.5:
            data = {"@context": "https://schema.org", "@type": "Article", "headline": a.title,
                    "datePublished": iso_local(a.published), "publisher": {"@type": "Organization", "name": "IPGirl"}}
            if a.modified:
                data["dateModified"] = iso_local(a.modified)
            dates = f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'
        else:
            dates = f'<meta property="article:published_time" content="{iso_local(a.published)}">\n'
            if a.modified:
                dates += f'<meta property="article:modified_time" content="{iso_local(a.modified)}">\n'
    return (f"<!DOCTYPE html>\n<html{lang} class=\"notion-html\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n'
            f"<title>{_e(a.title)}</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f'<meta property="og:title" content="{_e(a.title)}">\n<meta property="og:site_name" content="IPGirl on Notion">\n'
            f'<meta property="og:image" content="{ctx.base}/media/{a.id}/cover.jpg">\n{links}\n{dates}'
            '<style>:root{--notion-font:ui-sans-serif}.notion-body{margin:0}.pseudoBefore::before'
            '{content:var(--pseudoBefore--content)}</style>\n'
            '<script>window.__CONSOLE_STATE__={"release":"23.13.20231120"};</script>\n</head>\n')


def _look(v: ArticleView, rng: random.Random) -> dict:
    style = rng.choice((NATIVE, NATIVE, RNX, WRAPPER))
    r = rng.random()
    return {"style": style, "toggles": rng.random() < 0.3, "quote_callout": rng.random() < 0.25,
            "read_callout": rng.random() < 0.3, "notice_callout": rng.random() < 0.4, "img_icons": rng.random() < 0.4,
            "summary_row": rng.random() < 0.5, "toc": "top" if r < 0.4 else "toggle" if r < 0.6 else "none",
            "cover": rng.random() < 0.5}


def _tail(v: ArticleView, style: int) -> str:
    cookie = ('<div role="dialog" aria-label="Cookie notice" class="notion-cookie-banner">Notion uses cookies and similar '
              'technologies to improve your experience. <button>Accept all</button> <button>Reject all</button>'
              " <a href=\"https://www.notion.so/notion/Cookie-Notice\">Cookie settings</a></div>\n")
    if style == WRAPPER:
        return (f'<footer class="super-footer"><a href="/{v.lang}/about">About</a> · <a href="/{v.lang}/privacy">Privacy</a>'
                f'<p>© 2026 IPGirl · Built with Super</p></footer>\n{cookie}')
    return ('<a class="notion-made-with" href="https://www.notion.so/?utm_source=madewith">Made with Notion</a>\n'
            + cookie + '<script src="/_assets/app-2c1a9f.js" defer></script>\n')


def render_y(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, ids, look = v.a, _Ids(rng), _look(v, rng)
    head = _head(v, ctx, rng)
    cover = (f'<div class="notion-page-cover"><img src="https://images.unsplash.com/photo-{a.id}?ixlib=rb-4.0.3&amp;w=3600" '
             'alt="" style="object-position:center 50%;"></div>\n' if look["cover"] else "")
    desc = "" if look["summary_row"] else f'<div class="notion-page-description">{_e(a.summary_text)}</div>\n'
    backlinks = (f'<div class="notion-backlinks" role="button">{len(a.related) or 1} backlinks</div>\n'
                 if rng.random() < 0.5 else "")
    page = (f'{cover}<div class="notion-page-content-header"><div class="notion-page-icon">{PAGE_ICONS[a.category]}</div>\n'
            f'<h1 class="notion-title">{_e(a.title)}</h1>\n{desc}{_properties(v, look)}{backlinks}</div>\n'
            f'<div class="notion-page-content">\n{_toc(v, ids, look)}{_blocks(v, ctx, rng, ids, look)}'
            f"{_after(v, ctx, rng, ids, look)}{_related(v, rng, ids)}</div>\n")
    return (head + '<body class="notion-body">\n<div id="notion-app"><div class="notion-app-inner notion-light-theme">'
            f'<div class="notion-frame">\n{_topbar(v, look)}<main class="notion-scroller">\n{page}</main></div></div></div>\n'
            + _tail(v, look["style"]) + "</body>\n</html>\n")
