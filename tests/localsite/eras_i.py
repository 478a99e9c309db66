"""Era I: XHTML 1.0 Strict from a ~2005 blog engine (opt-in).

An <?xml … encoding="…"?> prolog, the XHTML 1.0 Strict doctype, <html xmlns xml:lang lang>, self-closed
empty elements (<br />, <img />, <meta />), served as text/html in utf-8 or, on ~40%, a legacy
charset as in era D (ISO-8859-1 with windows-1252 bytes, Shift_JIS, GB2312/GBK, EUC-KR), declared in
the prolog, the Content-Type header and <meta http-equiv>. <div id="page">, hAtom classes (hentry,
entry-title, entry-content). The byline is a definition list whose labels are the UI strings:
<dl class="meta"><dt>Par</dt><dd>A et B</dd><dt>Publié le</dt><dd><abbr class="published"
title="2023-07-04T08:15:00+02:00">4 juillet 2023</abbr></dd>[<dt>Mis à jour</dt><dd><abbr
class="updated" …>]</dl>. The abbr title is a machine-readable date (the expected published_at is that
instant); pages with a visible date only have a day-only title ("2023-07-04") or no <abbr>.
Body: <p>, sub-headings <h3> (h2) and <h4> (h3), lists, <blockquote><p>, figures as <div
class="figure"> + <p class="caption">, "Read also" a <p class="see-also">, 2005 AdSense scripts, the
notice a <p class="note">. Then "Tags: a, b" links, share links, the question <h4> + a <form> with
<input type=submit> + the count <p>, "Discover more" <h3> + <dl class="related"> (<dt><a>title</a></dt>
<dd>category — snippet…</dd>), a sidebar and footer.
"""
from __future__ import annotations

import random
from html import escape

from .eras import Ctx, _card_href, _ellipsis, _links_head, _names_html, _read_also_href, _text
from .eras_f import POPULAR, _votes
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, UI, YES_NO, format_date, iso_local
from .view import ArticleView, Item

# Declared charset labels of legacy-encoded I pages (python codec: LEGACY_ENCODING).
I_CHARSETS: dict[str, tuple[str, ...]] = {"ja": ("Shift_JIS",), "zh": ("GB2312", "GBK"), "ko": ("EUC-KR",)}
GENERATORS = ("WordPress 1.5.2", "Dotclear 1.2.3", "Movable Type 3.2", "b2evolution 0.9.1")
RECENT: dict[str, str] = {"en": "Recent posts", "fr": "Billets récents", "de": "Neueste Beiträge",
                          "es": "Entradas recientes", "it": "Articoli recenti", "pt": "Posts recentes",
                          "ja": "最近の投稿", "zh": "最新文章", "ko": "최근 글"}


def _e(text: str) -> str:
    return escape(text, quote=True)


def i_charset(v: ArticleView, rng: random.Random) -> str:
    return "UTF-8" if v.codec == "utf-8" else rng.choice(I_CHARSETS.get(v.lang, ("ISO-8859-1",)))


def _i_head(v: ArticleView, ctx: Ctx, rng: random.Random, charset: str) -> str:
    a = v.a
    links = _links_head(v, ctx).replace('">', '" />')
    return (f'<?xml version="1.0" encoding="{charset}"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{a.lang}" lang="{a.lang}">\n'
            '<head profile="http://gmpg.org/xfn/11">\n'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
            f"<title>IPGirl &raquo; {_e(a.title)}</title>\n"
            f'<meta name="generator" content="{rng.choice(GENERATORS)}" />\n'
            f'<meta name="description" content="{_e(a.summary_text)}" />\n'
            f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}" />\n'
            f"{links}\n"
            '<link rel="stylesheet" href="/static/css/site.css" type="text/css" media="screen" />\n'
            '<style type="text/css" media="screen">\n/*<![CDATA[*/\n#page { width: 760px; margin: 0 auto; }\n'
            ".entry-content p { text-align: justify; }\n/*]]>*/\n</style>\n</head>\n")


def _i_top(v: ArticleView) -> str:
    a, lang = v.a, v.lang
    cats = "".join(f'<li><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>' for c in CATEGORIES)
    langs = " | ".join(f'<a href="/{x}/" hreflang="{x}">{x.upper()}</a>' for x in LANGS)
    return (f'<body>\n<div id="page">\n<div id="header"><div id="headerimg">'
            f'<p class="blogname"><a href="/{lang}/">IPGirl</a></p>'
            '<p class="description">AI, data science, machine learning, robotics, semiconductors</p></div></div>\n'
            f'<ul id="navigation">{cats}</ul>\n<p id="languages">{langs}</p>\n<hr />\n'
            '<div id="content" class="narrowcolumn">\n'
            f'<p class="crumbs"><a href="/{lang}/">{_e(v.ui["home"])}</a> &raquo; '
            f'<a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></p>\n')


def _abbr(v: ArticleView, when, cls: str, day_only: bool) -> str:
    shown = format_date(when, v.byline_lang)
    if v.a.date_mode == "machine":
        return f'<abbr class="{cls}" title="{iso_local(when)}">{shown}</abbr>'
    return f'<abbr class="{cls}" title="{when:%Y-%m-%d}">{shown}</abbr>' if day_only else shown


def _i_meta(v: ArticleView, rng: random.Random) -> str:
    a, ui = v.a, UI[v.byline_lang]
    names = _names_html(v, True).replace("<a ", '<a class="url fn" ')
    day_only = rng.random() < 0.5
    out = (f'<dl class="meta">\n<dt>{_e(ui["by"])}</dt>\n<dd class="author vcard">{names}</dd>\n'
           f'<dt>{_e(ui["published"])}</dt>\n<dd>{_abbr(v, a.published, "published", day_only)}</dd>\n')
    if a.modified:
        out += f'<dt>{_e(ui["updated"])}</dt>\n<dd>{_abbr(v, a.modified, "updated", day_only)}</dd>\n'
    return out + "</dl>\n"


_I_AD = ('<div class="ad"><script type="text/javascript">\n//<![CDATA[\ngoogle_ad_client = "pub-1234567890";\n'
         'google_ad_width = 468;\ngoogle_ad_height = 60;\ngoogle_ad_format = "468x60_as";\n//]]>\n</script>\n'
         '<script type="text/javascript" src="http://pagead2.googlesyndication.com/pagead/show_ads.js"></script></div>')


def _i_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random) -> str:
    k = it.kind
    if k == "p":
        return f"<p>{_text(v, it, rng, 'I')}</p>"
    if k in ("h2", "h3"):
        tag = "h3" if k == "h2" else "h4"
        return f"<{tag}>{_e(it.texts[0])}</{tag}>"
    if k in ("ul", "ol"):
        return f"<{k}>\n" + "".join(f"<li>{_e(t)}</li>\n" for t in it.texts) + f"</{k}>"
    if k == "quote":
        return f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>"
    if k == "figure":
        im = it.image
        assert im is not None
        img = f'<img src="{im.src}" alt="{_e(im.alt)}" width="400" height="267" />'
        if im.caption is None:
            return f'<p class="figure">{img}</p>'
        return f'<div class="figure">{img}<p class="caption">{_e(im.caption)}</p></div>'
    if k == "read_also":
        title = _e(v.read_also.title)  # type: ignore[union-attr]
        return (f'<p class="see-also"><strong>{_e(v.ui["read_also"])}</strong> '
                f'<a href="{_read_also_href(v, ctx, rng)}">{title}</a></p>')
    return _I_AD


def _i_post(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, ui, lang = v.a, v.ui, v.lang
    title = _e(a.title)
    if rng.random() < 0.5:
        title = f'<a href="{a.path}" rel="bookmark" title="Permanent link">{title}</a>'
    summary = (f'<p class="summary"><strong>{_e(a.summary_text)}</strong></p>' if rng.random() < 0.5
               else f'<div class="entry-summary"><p>{_e(a.summary_text)}</p></div>')
    body = "\n".join(_i_item(v, it, ctx, rng) for it in v.items())
    if v.notice:
        body += f'\n<p class="note">{_e(v.notice)}</p>'
    out = [f'<div class="post hentry" id="post-{a.id}">\n<h1 class="entry-title">{title}</h1>\n{summary}\n'
           f'{_i_meta(v, rng)}<div class="entry-content">\n{body}\n</div>\n']
    if v.tags:
        links = ", ".join(f'<a href="/{lang}/tag/{slug}/" rel="tag">{_e(t)}</a>' for t, slug in v.tags)
        out.append(f'<p class="tags">{_e(ui["tags"])} {links}</p>\n')
    url = ctx.base + a.path
    out.append(f'<p class="share">{_e(ui["share"])} <a href="http://del.icio.us/post?url={url}">del.icio.us</a> | '
               f'<a href="http://digg.com/submit?url={url}">Digg</a> | '
               f'<a href="mailto:?subject=IPGirl&amp;body={url}">E-mail</a></p>\n')
    if a.votes is not None:
        yes, no = YES_NO[a.ui_lang]
        out.append(f'<div class="vote">\n<h4>{_e(ui["helpful_q"])}</h4>\n'
                   f'<form method="post" action="/{lang}/vote"><p><input type="hidden" name="id" value="{a.id}" />'
                   f'<input type="submit" name="vote" value="{yes}" /> <input type="submit" name="vote" value="{no}" />'
                   f"</p></form>\n<p>{_votes(v, rng)}</p>\n</div>\n")
    dash = v.sep(" — ", " - ")
    cards = "\n".join(f'<dt><a href="{_card_href(c, rng)}">{_e(c.title)}</a></dt>\n'
                      f"<dd>{_e(c.cat_name)}{dash}{_e(c.snippet)}{_ellipsis(c, rng, v)}</dd>" for c in v.cards())
    out.append(f'<h3>{_e(ui["discover"])}</h3>\n<dl class="related">\n{cards}\n</dl>\n</div>\n')
    return "".join(out)


def _i_sidebar(v: ArticleView, rng: random.Random) -> str:
    lang = v.lang
    pool = [t for t in v.site.newest[lang][:12] if t is not v.a]
    recent = "".join(f'<li><a href="{t.path}">{_e(t.title)}</a></li>' for t in pool[:5])
    cats = "".join(f'<li><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>' for c in CATEGORIES)
    return (f'<div id="sidebar">\n<h2>{_e(RECENT[v.a.ui_lang])}</h2>\n<ul>{recent}</ul>\n'
            f'<h2>{_e(POPULAR[v.a.ui_lang][1])}</h2>\n<ul>{cats}</ul>\n'
            f'<form method="get" action="/{lang}/search"><p><input type="text" name="q" size="15" /></p></form>\n'
            "</div>\n")


def render_i(v: ArticleView, ctx: Ctx, rng: random.Random, charset: str) -> str:
    lang = v.lang
    return (_i_head(v, ctx, rng, charset) + _i_top(v) + _i_post(v, ctx, rng) + "</div>\n" + _i_sidebar(v, rng)
            + f'<hr />\n<div id="footer"><p><a href="/{lang}/about">About</a> | <a href="/{lang}/contact">Contact</a>'
            f' | <a href="/{lang}/privacy">Privacy</a> | <a href="{ctx.alt_base}/{lang}/">Mirror</a> | '
            '<a href="http://validator.w3.org/check?uri=referer">Valid XHTML 1.0</a></p>\n'
            "<p>&copy; 2005-2026 IPGirl</p></div>\n</div>\n</body>\n</html>\n")
