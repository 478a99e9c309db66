"""Era AC's parser output (``div.mw-parser-output``): what the wiki's wikitext renders to - the summary
(lead paragraph or hatnote), the byline template, the infobox, the story's sections with their edit
links and footnote markers, thumbnails, "Read also" hatnotes, ad boxes, the notice, the appendix
sections (See also, Discover more, References) and the navbox. The page chrome is in eras_ac.py."""
from __future__ import annotations

import random
from dataclasses import dataclass

from .eras import Ctx, _ellipsis, _read_also_href, _text, _vote_line
from .eras_ac_text import AD_LABEL, MW
from .eras_no import _e
from .fmt import CATEGORIES, CATEGORY_NAMES, YES_NO, format_date, join_names
from .view import ArticleView, Card, Item


@dataclass
class Look:
    """One page's draws: which wiki install (skin, MediaWiki version, extensions) and which templates."""
    skin: str            # "vector-2022" | "vector" (legacy)
    new_heads: bool      # MediaWiki 1.42+ heading markup: div.mw-heading > h2 + span.mw-editsection
    edit: str            # "" (protected page: no section edit links) | "edit" | "ve" ("[edit | edit source]")
    summary_as: str      # "lead" | "hatnote"
    authors_in: str      # "infobox" | "byline" ({{byline}} under the summary)
    ib_title: bool       # the infobox repeats the title in its header cell
    ib_image: bool       # the first figure is the infobox image
    dtstart: bool        # {{Start date}}: a hidden ISO day next to the visible date
    ib_updated: bool     # an "Last updated" row (modified pages)
    refs: bool           # footnote markers [n] closing some paragraphs, a References section
    see_also: bool       # "Read also" moved to a "See also" section instead of an inline hatnote
    notice_box: bool     # the notice as an ombox message box, else a last italic paragraph
    discover: str        # "ext" (RelatedArticles after the content) | "gallery" | "wikitable" (wikitext sections)
    tags_label: str      # "categories" | "tags" (MediaWiki:Pagecategories renamed)
    hidden_cats: bool
    sitenotice: bool
    ad_label: bool
    body_seed: float     # the story's own draws (inline markup, footnotes): the same in the TOC's dry run


def draw_look(v: ArticleView, rng: random.Random) -> Look:
    skin = "vector-2022" if rng.random() < 0.65 else "vector"
    return Look(skin=skin, new_heads=skin == "vector-2022" and rng.random() < 0.35,
                edit=rng.choices(("", "edit", "ve"), weights=(25, 50, 25))[0],
                summary_as="hatnote" if rng.random() < 0.4 else "lead",
                authors_in="infobox" if rng.random() < 0.55 else "byline", ib_title=rng.random() < 0.5,
                ib_image=bool(v.a.images) and rng.random() < 0.4, dtstart=rng.random() < 0.5,
                ib_updated=bool(v.a.modified) and rng.random() < 0.5, refs=rng.random() < 0.5,
                see_also=rng.random() < 0.35, notice_box=rng.random() < 0.6,
                discover=rng.choices(("ext", "gallery", "wikitable"), weights=(40, 30, 30))[0],
                tags_label="tags" if rng.random() < 0.4 else "categories", hidden_cats=rng.random() < 0.4,
                sitenotice=rng.random() < 0.35, ad_label=rng.random() < 0.5,
                body_seed=rng.random())


def anchor(text: str) -> str:
    return _e(text.replace(" ", "_"))


def edit_link(v: ArticleView, look: Look, section: int) -> str:
    """The section edit link MediaWiki adds after a heading (none when the reader may not edit)."""
    if not look.edit:
        return ""
    m, title = MW[v.a.ui_lang], _e(v.a.title)
    url = f"/w/index.php?title={anchor(v.a.title)}&amp;action=edit&amp;section={section}"
    links = f'<a href="{url}" title="{_e(m["edit"])}: {title}">{_e(m["edit"])}</a>'
    if look.edit == "ve":
        links = (f'<a href="/w/index.php?title={anchor(v.a.title)}&amp;veaction=edit&amp;section={section}" '
                 f'class="mw-editsection-visualeditor">{_e(m["edit"])}</a><span class="mw-editsection-divider"> | </span>'
                 + links.replace(f">{_e(m['edit'])}<", f">{_e(m['edit_source'])}<"))
    return ('<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>'
            f'{links}<span class="mw-editsection-bracket">]</span></span>')


def heading(v: ArticleView, look: Look, level: int, text: str, section: int) -> str:
    if look.new_heads:
        return (f'<div class="mw-heading mw-heading{level}"><h{level} id="{anchor(text)}">{_e(text)}</h{level}>'
                f"{edit_link(v, look, section)}</div>\n")
    return (f'<h{level}><span class="mw-headline" id="{anchor(text)}">{_e(text)}</span>'
            f"{edit_link(v, look, section)}</h{level}>\n")


def day_html(v: ArticleView, look: Look, when) -> str:
    """A visible day, with {{Start date}}'s hidden ISO day (a microformat) on some wikis."""
    shown = _e(format_date(when, v.byline_lang))
    if not look.dtstart:
        return shown
    return (f'{shown}<span style="display:none">&#160;(<span class="bday dtstart published updated">'
            f"{when.year:04d}-{when.month:02d}-{when.day:02d}</span>)</span>")


def lead(v: ArticleView, look: Look) -> str:
    """The summary, then the {{byline}} line when the authors are not in the infobox."""
    s = _e(v.a.summary_text)
    out = (f'<div role="note" class="hatnote navigation-not-searchable"><i>{s}</i></div>\n'
           if look.summary_as == "hatnote" else f"<p>{s}\n</p>\n")
    if look.authors_in == "byline":
        by = v.ui["by"] if v.ui["by"].endswith("：") else v.ui["by"] + " "
        names = join_names([f'<a href="/{v.lang}/author/{s}/" title="User:{_e(n)}">{_e(n)}</a>' for n, s in v.authors],
                           v.byline_lang)
        out += f'<div class="byline plainlinks" style="font-size:90%;margin-bottom:0.5em;">{_e(by)}{names}</div>\n'
    return out


def figure(v: ArticleView, look: Look, it: Item, ctx: Ctx) -> str:
    im = it.image
    assert im is not None
    src, alt = f"{ctx.base}{im.src}", _e(im.alt)
    srcset = f'{src}?width=330 1.5x, {src}?width=440 2x'
    if look.skin == "vector-2022":
        cap = _e(im.caption or "")
        return (f'<figure class="mw-default-size" typeof="mw:File/Thumb"><a href="{src}" class="mw-file-description">'
                f'<img alt="{alt}" src="{src}" decoding="async" width="220" height="147" class="mw-file-element" '
                f'srcset="{srcset}" data-file-width="1200" data-file-height="800"></a><figcaption>{cap}</figcaption>'
                "</figure>\n")
    cap = _e(im.caption or "")
    return ('<div class="thumb tright"><div class="thumbinner" style="width:222px;">'
            f'<a href="{src}" class="image"><img alt="{alt}" src="{src}" decoding="async" width="220" height="147" '
            f'class="thumbimage" srcset="{srcset}"></a><div class="thumbcaption"><div class="magnify">'
            f'<a href="{src}" class="internal" title="Enlarge"></a></div>{cap}</div></div></div>\n')


def infobox(v: ArticleView, look: Look, ctx: Ctx) -> str:
    a, m = v.a, MW[v.a.ui_lang]
    rows = [f'<tr><th colspan="2" class="infobox-above">{_e(a.title)}</th></tr>'] if look.ib_title else []
    if look.ib_image:
        im = next(it.image for it in v.items() if it.image is not None)
        cap = f'<div class="infobox-caption">{_e(im.caption)}</div>' if im.caption else ""
        rows.append(f'<tr><td colspan="2" class="infobox-image"><span typeof="mw:File"><a href="{ctx.base}{im.src}" '
                    f'class="mw-file-description"><img alt="{_e(im.alt)}" src="{ctx.base}{im.src}" decoding="async" '
                    f'width="250" height="167" class="mw-file-element"></a></span>{cap}</td></tr>')

    def row(label: str, data: str) -> str:
        return f'<tr><th scope="row" class="infobox-label">{_e(label)}</th><td class="infobox-data">{data}</td></tr>'

    rows.append(row(m["ib_category"], f'<a href="/{v.lang}/category/{a.category}/">{_e(v.category_name)}</a>'))
    if look.authors_in == "infobox":
        names = [f'<a href="/{v.lang}/author/{s}/" title="User:{_e(n)}">{_e(n)}</a>' for n, s in v.authors]
        data = names[0] if len(names) == 1 else ('<div class="plainlist"><ul>' + "".join(f"<li>{n}</li>" for n in names)
                                                 + "</ul></div>")
        rows.append(row(m["ib_authors"], f'<span class="fn">{data}</span>' if len(names) == 1 else data))
    rows.append(row(m["ib_published"], day_html(v, look, a.published)))
    if look.ib_updated and a.modified:
        rows.append(row(m["ib_updated"], day_html(v, look, a.modified)))
    return ('<table class="infobox vcard" style="width:22em"><tbody>' + "".join(rows) + "</tbody></table>\n")


def ad_box(v: ArticleView, look: Look) -> str:
    label = (f'<div class="ipg-ad-label" style="font-size:75%;color:#72777d;">{AD_LABEL}</div>' if look.ad_label else "")
    return ('<div class="ipg-ad noprint" style="clear:both;margin:1em 0;text-align:center;">'
            f'{label}<ins class="adsbygoogle" style="display:inline-block;width:468px;height:60px" '
            f'data-ad-client="ca-pub-3141592653589793" data-ad-slot="{v.a.id % 9000 + 1000}"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>\n")


def body(v: ArticleView, look: Look, ctx: Ctx, rng: random.Random, toc: str) -> tuple[str, int, int]:
    """The story's blocks as the parser renders them; (html, sections used, footnotes used)."""
    out, section, notes, first_fig = [], 0, 0, look.ib_image
    for it in v.items():
        if it.kind == "p":
            ref = ""
            if look.refs and notes < 9 and rng.random() < 0.3:
                notes += 1
                ref = (f'<sup id="cite_ref-{notes}" class="reference"><a href="#cite_note-{notes}">'
                       f'<span class="cite-bracket">[</span>{notes}<span class="cite-bracket">]</span></a></sup>')
            out.append(f"<p>{_text(v, it, rng, 'AC')}{ref}\n</p>\n")
        elif it.kind in ("h2", "h3"):
            if it.kind == "h2" and toc:
                out.append(toc)
                toc = ""
            section += 1
            out.append(heading(v, look, int(it.kind[1]), it.texts[0], section))
        elif it.kind in ("ul", "ol"):
            out.append(f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>\n" for t in it.texts) + f"</{it.kind}>\n")
        elif it.kind == "quote":
            out.append(f'<blockquote class="templatequote"><p>{_e(it.texts[0])}\n</p></blockquote>\n')
        elif it.kind == "figure":
            if first_fig:
                first_fig = False  # shown in the infobox
                continue
            out.append(figure(v, look, it, ctx))
        elif it.kind == "read_also":
            if not look.see_also:
                out.append(f'<div role="note" class="hatnote navigation-not-searchable">{_e(v.ui["read_also"])} '
                           f'<a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></div>\n')  # type: ignore[union-attr]
        else:
            out.append(ad_box(v, look))
    if v.notice:
        out.append('<table class="plainlinks ombox ombox-notice" role="presentation"><tbody><tr><td class="mbox-image">'
                   '<span typeof="mw:File"><span><img alt="" src="/static/images/Information_icon.svg.png" decoding="async" '
                   f'width="30" height="30" class="mw-file-element"></span></span></td><td class="mbox-text"><div '
                   f'class="mbox-text-span">{_e(v.notice)}</div></td></tr></tbody></table>\n'
                   if look.notice_box else f"<p><i>{_e(v.notice)}</i>\n</p>\n")
    return "".join(out), section, notes


def appendix_names(v: ArticleView, look: Look, notes: int) -> list[str]:
    """The appendix sections' headings in page order (they get TOC entries and edit links too)."""
    m = MW[v.a.ui_lang]
    names = [m["see_also"]] if look.see_also and v.read_also else []
    names += [v.ui["discover"]] if v.cards() and look.discover != "ext" else []
    return names + ([m["references"]] if notes else [])


def _card_cell(c: Card, look: Look, v: ArticleView, rng: random.Random) -> str:
    snip = f"{_e(c.snippet)}{_ellipsis(c, rng, v)}"
    if look.discover == "gallery":
        thumb = f"/media/thumbs/{c.path.rsplit('/', 1)[-1][:12]}.jpg"
        return ('<li class="gallerybox" style="width:185px"><div class="thumb" style="width:180px;height:130px;">'
                f'<span typeof="mw:File"><a href="{c.path}" class="mw-file-description"><img alt="" src="{thumb}" '
                f'decoding="async" width="170" height="113" class="mw-file-element"></a></span></div>'
                f'<div class="gallerytext"><small>{_e(c.cat_name)}</small><br><a href="{c.path}"><b>{_e(c.title)}</b>'
                f"</a><br>{snip}</div></li>\n")
    return (f'<tr><td><a href="{c.path}">{_e(c.title)}</a></td><td>{_e(c.cat_name)}</td><td>{snip}</td></tr>\n')


def appendix(v: ArticleView, look: Look, ctx: Ctx, rng: random.Random, first_section: int, notes: int) -> str:
    m, out, section = MW[v.a.ui_lang], [], first_section
    for name in appendix_names(v, look, notes):
        section += 1
        out.append(heading(v, look, 2, name, section))
        if name == m["see_also"]:
            out.append(f'<ul><li><a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></li></ul>\n')  # type: ignore[union-attr]
        elif name == m["references"]:
            out.append('<div class="reflist"><div class="mw-references-wrap"><ol class="references">' + "".join(
                f'<li id="cite_note-{k}"><span class="mw-cite-backlink"><b><a href="#cite_ref-{k}">^</a></b></span> '
                f'<span class="reference-text"><cite class="citation web cs1"><a rel="nofollow" class="external text" '
                f'href="https://research.example.org/notes/{v.a.id}-{k}">Research note {v.a.id % 97}-{k}</a>. '
                f"<i>Example Research</i>. {_e(format_date(v.a.published, v.byline_lang))}.</cite></span></li>"
                for k in range(1, notes + 1)) + "</ol></div></div>\n")
        elif look.discover == "gallery":
            out.append('<ul class="gallery mw-gallery-traditional">\n'
                       + "".join(_card_cell(c, look, v, rng) for c in v.cards()) + "</ul>\n")
        else:
            out.append(f'<table class="wikitable"><tbody><tr><th>{_e(m["article"])}</th><th>{_e(m["ib_category"])}'
                       "</th><th></th></tr>\n" + "".join(_card_cell(c, look, v, rng) for c in v.cards())
                       + "</tbody></table>\n")
    return "".join(out)


def navbox(v: ArticleView) -> str:
    links = "".join(f'<li><a href="/{v.lang}/category/{c}/">{_e(CATEGORY_NAMES[c][v.lang])}</a></li>' for c in CATEGORIES)
    return ('<div role="navigation" class="navbox" aria-labelledby="IPGirl_topics"><table class="nowraplinks navbox-inner">'
            '<tbody><tr><th scope="col" class="navbox-title" colspan="2"><div class="navbar plainlinks hlist navbar-mini">'
            '<ul><li class="nv-view"><a href="/w/index.php?title=Template:IPGirl_topics"><abbr title="View this template">'
            'v</abbr></a></li><li class="nv-edit"><a href="/w/index.php?title=Template:IPGirl_topics&amp;action=edit">'
            '<abbr title="Edit this template">e</abbr></a></li></ul></div><div id="IPGirl_topics">IPGirl</div></th></tr>'
            f'<tr><td class="navbox-list hlist" colspan="2"><div><ul>{links}<li><a href="/{v.lang}/about">About</a></li>'
            "</ul></div></td></tr></tbody></table></div>\n")


def related_ext(v: ArticleView, rng: random.Random) -> str:
    """The RelatedArticles extension's cards, after the content (heading message renamed "Discover more")."""
    cards = v.cards()
    if not cards:
        return ""
    items = "".join(
        f'<li class="ext-related-articles-card" title="{_e(c.title)}"><a href="{c.path}" '
        'class="ext-related-articles-card-thumb ext-related-articles-card-thumb-placeholder" aria-hidden="true" '
        f'tabindex="-1"></a><div class="ext-related-articles-card-detail"><p class="ext-related-articles-card-category">'
        f'{_e(c.cat_name)}</p><h3><a href="{c.path}">{_e(c.title)}</a></h3><p class="ext-related-articles-card-extract">'
        f"{_e(c.snippet)}{_ellipsis(c, rng, v)}</p></div></li>" for c in cards)
    return ('<div class="read-more-container"><aside class="ext-related-articles-card-list-container noprint">'
            f'<h2 class="read-more-container-heading">{_e(v.ui["discover"])}</h2>'
            f'<ul class="ext-related-articles-card-list">{items}</ul></aside></div>\n')


def votes(v: ArticleView, rng: random.Random) -> str:
    """A rating gadget (server-rendered fallback of the gadget's widget)."""
    if v.a.votes is None:
        return ""
    yes, no = YES_NO[v.a.ui_lang]
    btn = 'type="button" class="cdx-button cdx-button--weight-quiet"'
    return (f'<div id="ipg-helpful" class="ipg-helpful noprint mw-gadget" role="form"><p><b>{_e(v.ui["helpful_q"])}'
            f'</b></p><button {btn} data-vote="yes">{_e(yes)}</button> <button {btn} data-vote="no">{_e(no)}</button>'
            f'<p class="ipg-helpful-count">{_vote_line(v, rng)}</p></div>\n')
