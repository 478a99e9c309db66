"""Era X (opt-in, held-out, written blind): the story as a no-code site builder's dynamic page
(Wix-like editor, 2024), a CMS collection item bound to text, image and button elements.

Head: ``<meta name="generator" content="Wix.com Website Builder">``, ``<title>title | IPGirl</title>``,
description, ``og:type`` "website" (the builder's default for dynamic pages) on ~60% else "article",
canonical and hreflang, no meta author; the builder's mesh CSS: one ``<style>`` rule per component
id (``#comp-lq3x9a1f{grid-area:4/1/5/2;…}``), a media query hiding ``.hidden-mobile`` /
``.hidden-desktop`` (so the classes, not inline styles, hide the copies); machine-dated pages (~40%)
carry a BlogPosting JSON-LD added in the page's SEO settings (``datePublished``, ``dateModified``),
nothing else machine-readable (no ``<time>``, no ``article:*``).

Body: ``#SITE_CONTAINER > #main_MF > #site-root``; "Skip to Main Content" button; the free plan's
"Wix ads" banner on ~30%; the header TWICE: a desktop strip (logo text as a styled ``<p>``, the
category menu, "Log In", the language selector) and a mobile strip (logo, "Open navigation menu",
the same menu and languages), both in the DOM. Then ``<main id="PAGES_CONTAINER">`` and
``<section>`` strips holding components in a grid (or, ~35%, the classic editor's inline
``position:absolute;top:…px``), every element a ``div#comp-…[data-testid]`` with ``wixui-*`` classes:
crumbs as one rich-text line ("Home › AI"); the title, the page's ONLY ``<h*>`` (an ``h1`` whose text
is split over nested ``<span style>``s); the summary a styled ``<p>``; the byline either one line
"By A and B · 4 July 2023[ · Updated …]", or (~45%) an avatar image + the names without label, then a
date text element ("4 July 2023", "3 days ago", " · Updated …", " · N min read" on half).
Dates: ~40% JSON-LD instant (the text shows the local day), ~45% visible day, ~15% "3 days ago".

Body: either one rich-text element per run of text blocks, or (~50%) one element per block; every
paragraph a ``<p class="font_8">`` whose text is split over 2-4 ``<span style>`` runs (bold/colour
runs mid-sentence); subheadings styled ``<p class="font_5|font_6">`` with a bold span, never ``<h2>``;
lists ``ul > li > p > span``; quotes a ``font_6`` italic ``<p>`` with a left border; empty lines
``<p><span class="wixGuard">&#8203;</span></p>`` between blocks on ~50%; figures ``wow-image >
img[srcset]`` with the caption a separate small text element below (no ``<figure>``); "Read also:" a
bold span + link; ads an HTML-embed ``<iframe>``; the notice an italic text element. Then "Tags:" +
tag buttons (links to ``/tag/``), "Share:" + a social bar (icons, alt only), the votes (question text,
two ``<button>``s, the count text), "Discover more" as a repeater (``role=listitem`` items: thumbnail,
category text, title text linked, snippet, an English "Read More" button to the same URL), a
newsletter form, the footer ("© 2026 by IPGirl. Proudly created with Wix.com"). UI in English on ~25%.
"""
from __future__ import annotations

import json
import random

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _vote_line
from .eras_no import _e
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, READING_TIME, TEXT_JOIN, YES_NO, format_date, format_relative
from .fmt import iso_local, join_names, word_count
from .view import ArticleView, Card, Item

_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_RT = "wixui-rich-text__text"
LANG_CODES = {x: x.upper() for x in LANGS}


class _Page:
    """Component ids and their mesh CSS for one page (the builder names every element comp-xxxxxxxx)."""

    def __init__(self, rng: random.Random, absolute: bool) -> None:
        self.rng, self.absolute, self.rules, self.row, self.top = rng, absolute, [], 0, 0

    def comp(self, inner: str, testid: str = "richTextElement", cls: str = "wixui-rich-text", height: int = 40) -> str:
        cid = "comp-" + "".join(self.rng.choice(_B36) for _ in range(8))
        self.row += 1
        if self.absolute:  # the classic editor: every element absolutely placed
            style = f' style="position:absolute;top:{self.top}px;left:{self.rng.choice((0, 20, 40))}px;width:620px;"'
            self.top += height
        else:
            style = ""
            self.rules.append(f"#{cid}{{grid-area:{self.row}/1/{self.row + 1}/2;justify-self:start;"
                              f"margin:{self.rng.randint(0, 40)}px 0 10px {self.rng.choice((0, 20, 40))}px;}}")
        return f'<div id="{cid}" class="{cls} {cid}" data-testid="{testid}" data-motion-part="BG_LAYER"{style}>{inner}</div>\n'

    def css(self) -> str:
        return "<style id=\"css_masterPage\">" + "".join(self.rules) + "</style>"


def _chunks(text: str, rng: random.Random, cjk: bool) -> list[str]:
    """Split a text into 1-4 runs at word (or, CJK, character) boundaries, spaces kept inside runs."""
    n = rng.randint(1, 4)
    if cjk:
        cuts = sorted(rng.sample(range(1, len(text)), min(n - 1, max(len(text) - 1, 0))))
    else:
        spaces = [i + 1 for i, ch in enumerate(text) if ch == " "]
        cuts = sorted(rng.sample(spaces, min(n - 1, len(spaces))))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if a < b]


_RUN_STYLES = ("", "font-weight:bold;", "color:#2F5DFF;", "font-style:italic;", "letter-spacing:normal;")


def _runs(text: str, rng: random.Random, lang: str, size: int = 17) -> str:
    """Rich text as the builder writes it: nested spans, a style change every few words."""
    out = []
    for run in _chunks(text, rng, lang in ("ja", "zh")):
        html = _e(run)
        if lang == "fr":
            html = html.replace(" :", "&nbsp;:").replace(" ?", "&#160;?")
        style = rng.choice(_RUN_STYLES)
        out.append(f'<span style="{style}" class="{_RT}"><span class="color_15 {_RT}">{html}</span></span>')
    return f'<span style="font-size:{size}px;" class="{_RT}">{"".join(out)}</span>'


def _p(inner: str, font: str = "font_8", style: str = "line-height:1.6em;") -> str:
    return f'<p class="{font} {_RT}" style="{style}">{inner}</p>'


def _guard() -> str:
    return f'<p class="font_8 {_RT}"><span class="wixGuard {_RT}">&#8203;</span></p>'


def _text_html(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random) -> str:
    """One text block (p, heading, list, quote, read also) inside a rich-text element."""
    lang = v.lang
    if it.kind == "p":
        return _p(_runs(TEXT_JOIN[lang].join(it.texts), rng, lang))
    if it.kind in ("h2", "h3"):
        font, size = ("font_5", 28) if it.kind == "h2" else ("font_6", 22)
        return _p(f'<span style="font-weight:bold;"><span style="font-size:{size}px;" class="{_RT}">{_e(it.texts[0])}'
                  "</span></span>", font, "line-height:1.3em;")
    if it.kind in ("ul", "ol"):
        lis = "".join(f'<li class="{_RT}">{_p(_runs(t, rng, lang))}</li>' for t in it.texts)
        return f'<{it.kind} class="font_8 {_RT}">{lis}</{it.kind}>'
    if it.kind == "quote":
        return _p(f'<span style="font-style:italic;"><span class="color_15 {_RT}">{_e(it.texts[0])}</span></span>',
                  "font_6", "border-left:3px solid #2F5DFF;padding-left:16px;")
    t = v.read_also
    assert t is not None
    return _p(f'<span style="font-weight:bold;">{_e(v.ui["read_also"])}</span> <span class="{_RT}">'
              f'<a href="{_read_also_href(v, ctx, rng)}" target="_self" data-anchor="dataItem-{t.id:x}">{_e(t.title)}</a></span>')


def _image(src: str, alt: str, width: int) -> str:
    return (f'<wow-image class="HlRz5e" data-image-info=\'{{"displayMode":"fill","imageData":{{"width":{width}}}}}\' '
            f'data-has-ssr-src=""><img src="{src}" srcset="{src}?w={width // 2} 1x, {src}?w={width} 2x" alt="{_e(alt)}" '
            f'style="width:{width // 2}px;object-fit:cover" fetchpriority="low"></wow-image>')


def _x_body(v: ArticleView, ctx: Ctx, rng: random.Random, page: _Page) -> str:
    per_block = rng.random() < 0.5
    guards = rng.random() < 0.5
    out, run = [], []

    def flush() -> None:
        if run:
            out.append(page.comp("".join(run), height=60 * len(run)))
            run.clear()

    for it in v.items():
        if it.kind in ("figure", "ad"):
            flush()
            if it.kind == "ad":
                out.append(page.comp(f'<iframe src="https://ipgirl-com.filesusr.com/html/ad_{v.a.id:x}.html" '
                                     'title="Embedded Content" width="100%" height="250"></iframe>',
                                     "html-embed", "wixui-html-embed", 260))
                continue
            im = it.image
            assert im is not None
            out.append(page.comp(_image(im.src, im.alt, 980), "imageX", "wixui-image", 360))
            if im.caption:
                out.append(page.comp(_p(f'<span style="font-size:13px;color:#757575;">{_e(im.caption)}</span>',
                                        "font_9")))
            continue
        if run and guards:
            run.append(_guard())
        run.append(_text_html(v, it, ctx, rng))
        if per_block:
            flush()
    flush()
    if v.notice:
        out.append(page.comp(_p(f'<span style="font-style:italic;"><span class="color_14 {_RT}">{_e(v.notice)}'
                                "</span></span>", "font_8")))
    return "".join(out)


def _dates_text(v: ArticleView, rng: random.Random) -> str:
    a, lang = v.a, v.byline_lang
    out = format_relative(a.rel_days, lang) if a.date_mode == "relative" else format_date(a.published, lang)
    if a.modified:
        out += f" · {v.ui['updated']} {format_date(a.modified, lang)}"
    if rng.random() < 0.5:
        minutes = max(1, word_count("\n\n".join(v.body_blocks()), v.lang) // (500 if v.lang in ("ja", "zh") else 230))
        out += " · " + READING_TIME[lang].format(n=minutes)
    return out


def _x_byline(v: ArticleView, rng: random.Random, page: _Page) -> str:
    names = join_names([_e(n) for n, _ in v.authors], v.byline_lang)
    if rng.random() < 0.45:  # the CMS's author reference: avatar image + names text, no label
        avatar = page.comp(_image(f"/media/authors/{v.authors[0][1]}.png", "", 80), "imageX", "wixui-image", 48)
        return (avatar + page.comp(_p(f'<span style="font-weight:bold;">{names}</span>', "font_9"))
                + page.comp(_p(f'<span style="color:#757575;">{_e(_dates_text(v, rng))}</span>', "font_9")))
    by = v.ui["by"] if v.ui["by"].endswith("：") else v.ui["by"] + " "
    return page.comp(_p(f"<span>{_e(by)}{names}</span><span> · {_e(_dates_text(v, rng))}</span>", "font_9"))


def _x_top(v: ArticleView, rng: random.Random, page: _Page) -> str:
    a = v.a
    crumbs = (f'<span class="{_RT}"><a href="/{v.lang}/">{_e(v.ui["home"])}</a></span><span> › </span>'
              f'<span class="{_RT}"><a href="/{v.lang}/category/{a.category}/">{_e(v.category_name)}</a></span>')
    title = (f'<h1 class="font_0 {_RT}" style="line-height:1.2em;">'
             f"{_runs(a.title, random.Random(a.id), v.lang, 44)}</h1>")
    summary = _p(f'<span style="font-size:20px;"><span class="color_13 {_RT}">{_e(a.summary_text)}</span></span>',
                 "font_7")
    return (page.comp(_p(crumbs, "font_9"), "richTextElement", "wixui-rich-text", 24) + page.comp(title, height=120)
            + page.comp(summary, height=60) + _x_byline(v, rng, page))


def _menu(v: ArticleView, cls: str) -> str:
    items = "".join(f'<li class="wixui-dropdown-menu__item"><a href="/{v.lang}/category/{c}/" data-testid="linkElement">'
                    f'<p class="StylableHorizontalMenu__label">{_e(CATEGORY_NAMES[c][v.lang])}</p></a></li>'
                    for c in CATEGORIES)
    langs = "".join(f'<li role="option" aria-selected="{str(x == v.lang).lower()}"><a href="/{x}/">{LANG_CODES[x]}</a></li>'
                    for x in LANGS)
    return (f'<nav aria-label="Site" class="{cls}"><ul class="wixui-dropdown-menu">{items}</ul></nav>'
            f'<div data-testid="languageSelector" class="{cls}"><button aria-label="Language Selector - '
            f'{LANG_CODES[v.lang]} selected">{LANG_CODES[v.lang]}</button><ul role="listbox">{langs}</ul></div>')


def _x_header(v: ArticleView, rng: random.Random) -> str:
    ads = ('<div id="WIX_ADS" class="wixui-ads"><a href="//www.wix.com/lpviral/enviral?utm_campaign=vir_wixad_live" '
           'target="_blank"><span>This site was designed with the </span><span>Wix</span><span>.com website builder. '
           'Create your website today.</span><span class="button">Start Now</span></a></div>\n' if rng.random() < 0.3 else "")
    logo = '<div class="wixui-rich-text" data-testid="richTextElement"><p class="font_0"><span style="font-size:30px;' \
           f'letter-spacing:0.1em;"><a href="/{v.lang}/">IPGIRL</a></span></p></div>'
    desktop = (f'<div id="comp-hdrdesk" class="hidden-mobile" data-mobile="false">{logo}{_menu(v, "hidden-mobile")}'
               '<button class="wixui-login-bar" data-testid="handle-button"><span>Log In</span></button></div>')
    mobile = (f'<div id="comp-hdrmob" class="hidden-desktop" data-mobile="true">{logo}<button aria-label="Open '
              f'navigation menu" data-testid="hamburger-open-button"></button>{_menu(v, "hidden-desktop")}</div>')
    return (f'<button id="SKIP_TO_CONTENT_BTN" class="skipToContent">Skip to Main Content</button>\n{ads}'
            f'<header id="SITE_HEADER" class="wixui-header" tabindex="-1">{desktop}\n{mobile}</header>\n')


def _x_after(v: ArticleView, ctx: Ctx, rng: random.Random, page: _Page) -> str:
    """Tags, share bar and votes below the story."""
    out = []
    if v.a.tags:
        buttons = "".join(f'<a data-testid="linkElement" class="wixui-button" href="/{v.lang}/tag/{s}/">'
                          f'<span class="wixui-button__label">{_e(t)}</span></a> ' for t, s in v.tags)
        out.append(page.comp(_p(f'<span style="font-weight:bold;">{_e(v.ui["tags"])}</span>', "font_9")))
        out.append(page.comp(f'<div class="tag-row">{buttons}</div>', "repeater", "wixui-repeater"))
    url = ctx.base + v.a.path
    icons = "".join(f'<li><a href="{href}" target="_blank" aria-label="{n}"><wow-image><img src="https://static.wixstatic.com/'
                    f'media/social-{n.lower()}.png" alt="{n}"></wow-image></a></li>'
                    for n, href in (("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
                                    ("X", f"https://twitter.com/intent/tweet?url={url}"),
                                    ("LinkedIn", f"https://www.linkedin.com/shareArticle?url={url}")))
    out.append(page.comp(_p(f'<span style="font-weight:bold;">{_e(v.ui["share"])}</span>', "font_9")))
    out.append(page.comp(f'<ul aria-label="Social Bar" class="wixui-social-bar">{icons}</ul>', "linkBar", "wixui-social-bar"))
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        buttons = "".join(f'<button class="StylableButton wixui-button" data-testid="buttonElement" aria-label="{_e(x)}">'
                          f'<span class="wixui-button__label">{_e(x)}</span></button>' for x in (yes, no))
        out.append(page.comp(_p(f'<span style="font-size:22px;font-weight:bold;">{_e(v.ui["helpful_q"])}</span>', "font_5")))
        out.append(page.comp(f"<div>{buttons}</div>", "buttonGroup", "wixui-box"))
        out.append(page.comp(_p(f"<span>{_vote_line(v, rng)}</span>", "font_9")))
    return "".join(out)


def _x_card(c: Card, v: ArticleView, rng: random.Random, k: int) -> str:
    item = f"comp-rpt{v.a.id:x}__item-{k}"
    thumb = _image(f"/media/thumbs/{c.path.rsplit('/', 1)[-1][:12]}.jpg", "", 560)
    category = _p(f'<span style="text-transform:uppercase;font-size:12px;">{_e(c.cat_name)}</span>', "font_9")
    title = _p(f'<span style="font-weight:bold;"><a href="{c.path}" target="_self">{_e(c.title)}</a></span>', "font_5")
    snippet = _p(f"<span>{_e(c.snippet)}{_ellipsis(c, rng, v)}</span>")
    return (f'<div role="listitem" id="{item}" class="wixui-repeater__item">{thumb}{category}{title}{snippet}'
            f'<a data-testid="linkElement" class="wixui-button" href="{c.path}"><span class="wixui-button__label">Read More'
            "</span></a></div>")


def _x_related(v: ArticleView, rng: random.Random, page: _Page) -> str:
    cards = v.cards()
    if not cards:
        return ""
    head = page.comp(_p(f'<span style="font-size:28px;font-weight:bold;">{_e(v.ui["discover"])}</span>', "font_4"))
    items = "".join(_x_card(c, v, rng, k) for k, c in enumerate(cards))
    return head + page.comp(f'<div role="list" class="wixui-repeater__list">{items}</div>', "repeater", "wixui-repeater")


def _x_footer() -> str:
    return ('<footer id="SITE_FOOTER" class="wixui-footer"><div class="wixui-rich-text" data-testid="richTextElement">'
            '<p class="font_8"><span style="font-weight:bold;">Subscribe to our newsletter</span></p></div>'
            '<form class="wixui-form" data-testid="form"><label for="email">Email*</label><input id="email" type="email" '
            'required><button type="submit" class="wixui-button"><span>Subscribe</span></button></form>'
            '<div class="wixui-rich-text" data-testid="richTextElement"><p class="font_9"><span>© 2026 by IPGirl. Proudly '
            'created with <a href="https://www.wix.com" target="_blank">Wix.com</a></span></p></div></footer>\n')


def _x_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    og = "website" if rng.random() < 0.6 else "article"
    ld = ""
    if a.date_mode == "machine":  # structured data typed in the dynamic page's SEO settings
        data = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": a.title,
                "datePublished": iso_local(a.published), "image": f"{ctx.base}/media/{a.id}/share.jpg"}
        if a.modified:
            data["dateModified"] = iso_local(a.modified)
        ld = f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="generator" content="Wix.com Website Builder">\n<meta http-equiv="X-Wix-Meta-Site-Id" '
            f'content="4f1c2e9a-7d1b-4c55-9e0a-ipgirl">\n<title>{_e(a.title)} | IPGirl</title>\n'
            f'<meta name="description" content="{_e(a.summary_text)}">\n<meta property="og:title" content="{_e(a.title)} '
            f'| IPGirl">\n<meta property="og:type" content="{og}">\n<meta property="og:url" content="{ctx.base}{a.path}">\n'
            f'<meta property="og:site_name" content="IPGirl">\n{_links_head(v, ctx)}\n{ld}'
            '<style>@media screen and (max-width:750px){.hidden-mobile{display:none!important}}'
            '@media screen and (min-width:751px){.hidden-desktop{display:none!important}}'
            '</style>\n'
            '<script id="wix-viewer-model" type="application/json">{"site":{"metaSiteId":"4f1c2e9a","isResponsive":false},'
            '"requestUrl":"' + ctx.base + a.path + '"}</script>\n')


def render_x(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    page = _Page(rng, absolute=rng.random() < 0.35)
    head = _x_head(v, ctx, rng)
    header = _x_header(v, rng)
    story = (_x_top(v, rng, page) + _x_body(v, ctx, rng, page) + _x_after(v, ctx, rng, page)
             + _x_related(v, rng, page))
    mesh = "position:relative;height:4200px;" if page.absolute else "display:grid;grid-template-columns:100%;"
    return (head + page.css() + "\n</head>\n<body>\n<div id=\"SITE_CONTAINER\"><div id=\"main_MF\"><div id=\"site-root\">\n"
            + header + '<main id="PAGES_CONTAINER" tabindex="-1"><div id="SITE_PAGES"><section id="comp-strip1" '
            'class="wixui-section" data-testid="section-container"><div data-mesh-id="comp-strip1inlineContent-gridContainer" '
            f'data-testid="mesh-container-content" style="{mesh}">\n{story}</div></section></div></main>\n'
            + _x_footer() + "</div></div></div>\n</body>\n</html>\n")
