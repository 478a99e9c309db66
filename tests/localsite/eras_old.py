"""The oldest article templates still live, whose markup the crawler has never seen.

E (~2000s "table soup"): a fixed-width layout table, <font> everywhere, body paragraphs as text
  separated by <br><br> (no <p>), bold lines or <h4> as subheadings, <i> summary, a <font size=-1>
  byline "Par A | 4 juillet 2023", crumbs "Accueil » IA", the votes in a <form> with
  <input type=submit>, related cards as table rows, only <meta http-equiv> for the charset
  (utf-8, or a legacy one as in era D, sometimes labelled iso-8859-1 / ks_c_5601-1987), no
  canonical on some pages, sometimes the logo in an <h1> before the title's <h1>.
F (~2010s "div soup", early HTML5/WordPress): #wrapper/#content/.post, schema.org microdata
  (itemprop author/datePublished on <meta>), paragraphs as <p> or <div>, wp-caption figures,
  "Tags:" heading + <ul>, icon share links with aria-label, <div class="notice">, "Discover more"
  <h2> + div cards (category <span> inside the card link), a #sidebar of "Popular" links and a
  comment section after the cards.

Both show exactly what ArticleView holds, so the expected items need no change.
"""
from __future__ import annotations

import random

from .eras import Ctx, _card_href, _ellipsis, _links_head, _names_html, _read_also_href, _text, _visible_published
from .eras_f import _e, _updated, _votes, render_f
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, UI, YES_NO, join_names
from .view import ArticleView, Card, Item

# Declared charset labels of legacy-encoded E pages (all map to the python codec in LEGACY_ENCODING).
E_CHARSETS: dict[str, tuple[str, ...]] = {"ja": ("Shift_JIS",), "zh": ("gb2312", "GBK"),
                                          "ko": ("EUC-KR", "ks_c_5601-1987")}
WESTERN_CHARSETS = ("windows-1252", "windows-1252", "iso-8859-1")


def render_old(v: ArticleView, ctx: Ctx, rng: random.Random) -> tuple[str, str]:
    """(html text, declared charset) of an era E or F article page."""
    if v.a.era == "F":
        return render_f(v, ctx, rng), "utf-8"
    charset = "utf-8" if v.codec == "utf-8" else rng.choice(E_CHARSETS.get(v.lang, WESTERN_CHARSETS))
    return render_e(v, ctx, rng, charset), charset


# ================================================================ era E: table soup
def _e_head(v: ArticleView, ctx: Ctx, rng: random.Random, charset: str) -> str:
    a = v.a
    doctype = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n' if rng.random() < 0.5 else ""
    html = f'<html lang="{a.lang}">' if rng.random() < 0.5 else "<html>"
    links = _links_head(v, ctx)
    if rng.random() < 0.4:  # no canonical: the final URL is the item's url
        links = "\n".join(line for line in links.split("\n") if 'rel="canonical"' not in line)
    keywords = ", ".join([t for t, _ in v.tags] + ["IPGirl"])
    return (f"{doctype}{html}\n<head>\n"
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f"<title>{_e(a.title)} - IPGirl</title>\n"
            f'<meta name="description" content="{_e(a.summary_text)}">\n'
            f'<meta name="keywords" content="{_e(keywords)}">\n'
            f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n'
            + (f"{links}\n" if links else "")
            + '<link rel="stylesheet" type="text/css" href="/static/css/site.css">\n'
            '<script language="JavaScript" type="text/javascript">\n<!--\nfunction popup(u) '
            "{ window.open(u, 'share', 'width=600,height=400'); }\n//-->\n</script>\n</head>\n")


def _e_top(v: ArticleView, rng: random.Random) -> str:
    a, ui = v.a, v.ui
    logo = ('<h1><font face="Arial, Helvetica" color="#FFFFFF">&nbsp;IPGirl</font></h1>' if rng.random() < 0.5 else
            f'<a href="/{a.lang}/"><img src="/static/img/logo.gif" width="180" height="40" border="0" alt="IPGirl"></a>')
    langs = " | ".join(f'<a href="/{x}/">{x.upper()}</a>' for x in LANGS)
    cats = "".join(f'<br>&#149; <a href="/{a.lang}/category/{c}/">{_e(CATEGORY_NAMES[c][a.lang])}</a>'
                   for c in CATEGORIES)
    title = f'<h1><font face="Arial">{_e(a.title)}</font></h1>' if rng.random() < 0.5 else f"<h1>{_e(a.title)}</h1>"
    small = rng.choice(('<font size="-1">{}</font>', "<small>{}</small>"))
    byline = f"{_e(UI[v.byline_lang]['by'])} {_e_names(v, rng)} | {_visible_published(v)}"
    if a.modified:
        byline += f" | {_updated(v)}"
    return (f'<body bgcolor="#FFFFFF" text="#000000" link="#003366" vlink="#663366" marginwidth="0" marginheight="0">\n'
            '<a name="top"></a>\n<table width="780" border="0" cellspacing="0" cellpadding="0" align="center">\n'
            f'<tr><td colspan="2" bgcolor="#003366">{logo}</td></tr>\n'
            f'<tr><td colspan="2" bgcolor="#DDDDDD"><font face="Arial" size="-1">&nbsp;{langs}</font></td></tr>\n'
            f'<tr>\n<td width="160" valign="top" bgcolor="#F0F0F0"><font face="Arial" size="-1">{cats}\n'
            f'<form action="/{a.lang}/search" method="get"><input type="text" name="q" size="12">'
            '<input type="submit" value="OK"></form></font></td>\n<td width="620" valign="top">\n'
            f'<font face="Arial" size="-1"><a href="/{a.lang}/">{_e(ui["home"])}</a> &raquo; '
            f'<a href="/{a.lang}/category/{a.category}/">{_e(v.category_name)}</a></font>\n'
            f"{title}\n<i>{_e(a.summary_text)}</i><br>\n{small.format(byline)}<br><br>\n")


def _e_names(v: ArticleView, rng: random.Random) -> str:
    if rng.random() < 0.3:  # authors as mailto links
        names = [f'<a href="mailto:{slug.replace("-", ".") or "redaction"}@ipgirl.com">{_e(n)}</a>'
                 for n, slug in v.authors]
        return join_names(names, v.byline_lang)
    return _names_html(v, False)


def _e_image(v: ArticleView, it: Item, rng: random.Random, rel: bool) -> str:
    im = it.image
    assert im is not None
    src = "../.." + im.src if rel else im.src
    img = f'<img src="{src}" alt="{_e(im.alt)}" width="300" height="200" border="0"'
    if im.caption is None:
        return rng.choice((f'{img} align="right" hspace="8" vspace="4">', f"<center>{img}></center>"))
    if rng.random() < 0.5:
        return (f'<table align="right" width="310" cellpadding="4" cellspacing="0" border="0"><tr><td>{img}></td>'
                f'</tr><tr><td><font size="1" color="#666666">{_e(im.caption)}</font></td></tr></table>')
    return f"<center>{img}><br><small>{_e(im.caption)}</small></center>"


_E_AD = ('<center><script language="JavaScript" type="text/javascript">document.write(\'<iframe '
         'src="https://ads.example.net/banner?slot=3" width="468" height="60" frameborder="0"></iframe>\');'
         '</script><noscript><a href="https://ads.example.net/click?slot=3"><img '
         'src="https://ads.example.net/banner-468x60.gif" width="468" height="60" border="0" alt=""></a>'
         "</noscript></center>")


def _e_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, style: int, rel: bool) -> tuple[str, bool]:
    """(html, inline?): inline items need <br>s around them, block elements do not."""
    k = it.kind
    if k == "p":
        return _text(v, it, rng, "C").replace("<strong>", "<b>").replace("</strong>", "</b>"), True
    if k in ("h2", "h3"):
        t = _e(it.texts[0])
        if style == 0 and k == "h2":
            return f"<h4>{t}</h4>", False
        if style == 1 and k == "h2":
            return f'<font size="+1"><b>{t}</b></font>', True
        return (f"<b><i>{t}</i></b>" if style == 2 and k == "h3" else f"<b>{t}</b>"), True
    if k in ("ul", "ol"):
        close = "</li>" if rng.random() < 0.5 else ""
        return f"<{k}>\n" + "".join(f"<li>{_e(t)}{close}\n" for t in it.texts) + f"</{k}>", False
    if k == "quote":
        return rng.choice(("<blockquote>{}</blockquote>", "<blockquote><i>{}</i></blockquote>")).format(
            _e(it.texts[0])), False
    if k == "figure":
        html = _e_image(v, it, rng, rel)
        return html, html.startswith("<img")
    if k == "read_also":
        title = _e(v.read_also.title)  # type: ignore[union-attr]
        return f'<b>{_e(v.ui["read_also"])}</b> <a href="{_read_also_href(v, ctx, rng)}">{title}</a>', True
    return _E_AD, False


def _e_body(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    style, rel = rng.randrange(3), rng.random() < 0.3
    parts: list[tuple[str, bool, str]] = [(*_e_item(v, it, ctx, rng, style, rel), it.kind) for it in v.items()]
    if v.notice:
        parts.append((rng.choice(("<i>{}</i>", '<font size="-1" color="#666666">{}</font>')).format(_e(v.notice)),
                      True, "notice"))
    out = []
    for i, (html, inline, kind) in enumerate(parts):
        out.append(html)
        if i + 1 == len(parts):
            break
        if inline and parts[i + 1][1]:  # two lines of text: a paragraph break, or a line break after a heading
            out.append("<br>\n" if kind in ("h2", "h3") else rng.choice(("<br><br>\n", "<br>\n<br>\n")))
        else:
            out.append("\n")
    body = "".join(out)
    wrap = rng.randrange(3)
    if wrap == 0:
        return f'<font face="Verdana, Arial, Helvetica" size="2">\n{body}\n</font>\n'
    if wrap == 1:
        return (f'<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td>'
                f'<font face="Verdana, Arial" size="2">\n{body}\n</font></td></tr></table>\n')
    return body + "\n"


def _e_bottom(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, ui, lang, out = v.a, v.ui, v.lang, ["<br><br>\n"]
    if v.tags:
        links = ", ".join(f'<a href="/{lang}/tag/{slug}/">{_e(t)}</a>' for t, slug in v.tags)
        out.append(f'<font size="-1"><b>{_e(ui["tags"])}</b> {links}</font><br>\n')
    url = ctx.base + a.path
    out.append(f'<font size="-1">{_e(ui["share"])} '
               f"<a href=\"javascript:popup('https://twitter.com/intent/tweet?url={url}')\">Twitter</a> | "
               f'<a href="https://www.facebook.com/sharer.php?u={url}" target="_blank">Facebook</a> | '
               f'<a href="mailto:?subject={_e(a.title)}&amp;body={url}">E-mail</a> | '
               f'<a href="{a.path}/print">Print</a></font><br>\n')
    if a.votes is not None:
        yes, no = YES_NO[a.ui_lang]
        out.append(f'<form method="post" action="/{lang}/vote"><input type="hidden" name="id" value="{a.id}">\n'
                   f'<b>{_e(ui["helpful_q"])}</b> <input type="submit" name="vote" value="{yes}"> '
                   f'<input type="submit" name="vote" value="{no}"><br>\n'
                   f'<font size="-1">{_votes(v, rng)}</font>\n</form>\n')
    heading = rng.choice(('<font size="+1"><b>{}</b></font><br>', "<h3>{}</h3>")).format(_e(ui["discover"]))
    rows = "\n".join(_e_card(v, c, rng) for c in v.cards())
    out.append(f'{heading}\n<table width="100%" border="0" cellpadding="3" cellspacing="0">\n{rows}\n</table>\n')
    out.append(f'</td></tr>\n<tr><td colspan="2" align="center"><hr size="1" noshade>'
               f'<font face="Arial" size="-2"><a href="/{lang}/about">About</a> | <a href="/{lang}/contact">Contact</a>'
               f' | <a href="/{lang}/privacy">Privacy</a> | <a href="{ctx.alt_base}/{lang}/">Mirror</a><br>'
               f"&copy; 2001-2026 IPGirl</font></td></tr>\n</table>\n"
               f'<img src="/cgi-bin/counter.gif?page={a.id}" width="1" height="1" alt="">\n</body>\n</html>\n')
    return "".join(out)


def _e_card(v: ArticleView, c: Card, rng: random.Random) -> str:
    cat = _e(c.cat_name)
    if rng.random() < 0.6:
        cat = f'<a href="/{v.lang}/category/{c.cat_slug}/">{cat}</a>'
    return (f'<tr bgcolor="#F5F5F5"><td valign="top" width="90"><font size="-1">{cat}</font></td>'
            f'<td valign="top"><a href="{_card_href(c, rng)}"><b>{_e(c.title)}</b></a></td>'
            f'<td valign="top"><font size="-1">{_e(c.snippet)}{_ellipsis(c, rng, v)}</font></td></tr>')


def render_e(v: ArticleView, ctx: Ctx, rng: random.Random, charset: str) -> str:
    return _e_head(v, ctx, rng, charset) + _e_top(v, rng) + _e_body(v, ctx, rng) + _e_bottom(v, ctx, rng)
