"""Era W (opt-in, held-out, written blind): the story as an email newsletter issue archived on the
web, the "view in browser" page of an email service (Mailchimp-like campaign archive), served at
the article's own URL.

Head: ``<html xmlns:v xmlns:o>`` (``lang`` on ~50%), MSO conditional comments and an ``<xml>``
OfficeDocumentSettings block, the email's big ``<style>`` (``#outlook a``, ``.ReadMsgBody``, media
queries), ``<title>IPGirl Weekly: title</title>``, description and og metas, canonical and hreflang,
``meta[name=author]`` on ~50%; ``article:published_time`` (+ ``article:modified_time``) added by the
archive on machine-dated pages (~45%), no JSON-LD, no ``<time>`` anywhere.

Body, all nested layout tables with inline CSS (``#bodyTable > #bodyCell > .templateContainer``,
``mcnTextBlock > mcnTextBlockOuter > mcnTextBlockInner > mcnTextContentContainer > td.mcnTextContent``):
a hidden preview-text span (``display:none``) holding the summary BEFORE everything; the archive's
top bar ("Subscribe", "Past Issues", "Translate", "RSS") with the breadcrumbs "Home › AI"; the
preheader row: the preview text visible again (~40%, the classic template) and "View this email in
your browser"; the header: logo image and "IPGirl Weekly · Issue #N"; the ``h1`` title, the summary
line, the byline "By A and B · 4 July 2023[ · Updated 5 July 2023]" (one ``td``, or names then dates
on the next line). The body in one of two builders' markup, per page: Mailchimp classic (one text
block per section holding ``<h2 style>``, ``<p style>``, lists, ``<blockquote>``), or an MJML-like
builder: every block its own ``<td>`` with a ``<div style="font-family…">`` and NO ``<p>``; headings
as ``<h2 style>`` or (half those pages) a bold 22 px ``<div>`` with no ``<h*>`` at all; quotes a
table with a coloured left border. Figures are ``mcnImageBlock`` images with absolute URLs and the
caption in a following small ``td``; "Read also:" a text line with a ``utm``-tagged link; ads a boxed
"Sponsored" block (label, one line of sponsor copy); the notice the last text block in italics.
After a divider: "Tags:" line with ``/tag/`` links (``#tag`` on ~30%), "Share:" with Share / Tweet /
Forward icon links, the votes as "Was this article helpful?" with two bulletproof-button links and the
count line, "Discover more" as two-column caption blocks (thumbnail, category, bold title link,
snippet separated by ``<br>``), then the footer: social follow icons (alt only), copyright, "You are
receiving this email because…", "Our mailing address is:" and a vcard address, "update your
preferences or unsubscribe from this list", the "Intuit Mailchimp" badge. UI in English on ~20%.
"""
from __future__ import annotations

import random

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_no import _e
from .fmt import CATEGORY_NAMES, LANGS, YES_NO, format_date, iso_local, join_names
from .view import ArticleView, Card, Item

BRAND = "IPGirl Weekly"
# Per UI language: view in browser, forward, sponsor label, issue, why you get it, address label,
# update preferences, unsubscribe, the sentence around those two links, copyright tail.
MAIL: dict[str, dict[str, str]] = {
    "en": {"view": "View this email in your browser", "fwd": "Forward", "sponsor": "Sponsored", "issue": "Issue",
           "why": "You are receiving this email because you signed up for IPGirl Weekly on our website.",
           "addr": "Our mailing address is:", "prefs": "update your preferences", "unsub": "unsubscribe from this list",
           "change": "Want to change how you receive these emails? You can {prefs} or {unsub}.",
           "rights": "All rights reserved."},
    "fr": {"view": "Voir cet e-mail dans votre navigateur", "fwd": "Transférer", "sponsor": "Sponsorisé",
           "issue": "Numéro", "why": "Vous recevez cet e-mail car vous êtes inscrit à IPGirl Weekly sur notre site.",
           "addr": "Notre adresse postale :", "prefs": "modifier vos préférences", "unsub": "vous désinscrire de cette liste",
           "change": "Vous souhaitez changer la façon dont vous recevez ces e-mails ? Vous pouvez {prefs} ou {unsub}.",
           "rights": "Tous droits réservés."},
    "de": {"view": "E-Mail im Browser ansehen", "fwd": "Weiterleiten", "sponsor": "Gesponsert", "issue": "Ausgabe",
           "why": "Sie erhalten diese E-Mail, weil Sie sich auf unserer Website für IPGirl Weekly angemeldet haben.",
           "addr": "Unsere Postanschrift:", "prefs": "Ihre Einstellungen ändern", "unsub": "sich von dieser Liste abmelden",
           "change": "Möchten Sie ändern, wie Sie diese E-Mails erhalten? Sie können {prefs} oder {unsub}.",
           "rights": "Alle Rechte vorbehalten."},
    "es": {"view": "Ver este correo en tu navegador", "fwd": "Reenviar", "sponsor": "Patrocinado", "issue": "Número",
           "why": "Recibes este correo porque te suscribiste a IPGirl Weekly en nuestra web.",
           "addr": "Nuestra dirección postal es:", "prefs": "actualizar tus preferencias", "unsub": "darte de baja de esta lista",
           "change": "¿Quieres cambiar cómo recibes estos correos? Puedes {prefs} o {unsub}.",
           "rights": "Todos los derechos reservados."},
    "it": {"view": "Visualizza questa email nel browser", "fwd": "Inoltra", "sponsor": "Sponsorizzato", "issue": "Numero",
           "why": "Ricevi questa email perché ti sei iscritto a IPGirl Weekly sul nostro sito.",
           "addr": "Il nostro indirizzo postale è:", "prefs": "aggiornare le tue preferenze",
           "unsub": "annullare l’iscrizione a questa lista",
           "change": "Vuoi cambiare il modo in cui ricevi queste email? Puoi {prefs} o {unsub}.",
           "rights": "Tutti i diritti riservati."},
    "pt": {"view": "Ver este e-mail no navegador", "fwd": "Encaminhar", "sponsor": "Patrocinado", "issue": "Edição",
           "why": "Você está recebendo este e-mail porque se inscreveu na IPGirl Weekly em nosso site.",
           "addr": "Nosso endereço postal é:", "prefs": "atualizar suas preferências", "unsub": "cancelar a inscrição",
           "change": "Quer mudar a forma como recebe estes e-mails? Você pode {prefs} ou {unsub}.",
           "rights": "Todos os direitos reservados."},
    "ja": {"view": "ブラウザでこのメールを表示", "fwd": "転送", "sponsor": "スポンサー", "issue": "第{n}号",
           "why": "このメールは、当サイトでIPGirl Weeklyにご登録いただいた方にお送りしています。",
           "addr": "当社の住所：", "prefs": "配信設定の変更", "unsub": "配信停止",
           "change": "メールの受け取り方を変更するには、{prefs}または{unsub}ができます。", "rights": "無断転載を禁じます。"},
    "zh": {"view": "在浏览器中查看此邮件", "fwd": "转发", "sponsor": "赞助", "issue": "第{n}期",
           "why": "您收到此邮件是因为您在我们的网站上订阅了 IPGirl Weekly。", "addr": "我们的邮寄地址：",
           "prefs": "更新您的偏好设置", "unsub": "退订此列表", "change": "想更改接收这些邮件的方式？您可以{prefs}或{unsub}。",
           "rights": "保留所有权利。"},
    "ko": {"view": "브라우저에서 이 이메일 보기", "fwd": "전달", "sponsor": "스폰서", "issue": "제{n}호",
           "why": "웹사이트에서 IPGirl Weekly를 구독하셨기 때문에 이 이메일을 받으셨습니다.", "addr": "우편 주소:",
           "prefs": "수신 설정 변경", "unsub": "구독 취소", "change": "이메일 수신 방법을 바꾸시겠어요? {prefs} 또는 {unsub}를 할 수 있습니다.",
           "rights": "All rights reserved."},
}
SPONSOR_COPY = "Train and serve models on ExampleCloud GPUs: $300 in credits for new teams."
assert set(MAIL) == set(LANGS) and all(set(m) == set(MAIL["en"]) for m in MAIL.values())

_FONT = "font-family:Helvetica,Arial,sans-serif;"
_TXT = f"{_FONT}font-size:16px;line-height:150%;color:#202020;text-align:left;"
_SMALL = f"{_FONT}font-size:12px;line-height:150%;color:#656565;"
_HEAD_STYLE = ('<style type="text/css">p{margin:10px 0;padding:0;}table{border-collapse:collapse;}'
               "h1,h2,h3,h4,h5,h6{display:block;margin:0;padding:0;}img,a img{border:0;height:auto;outline:none;}"
               "body,#bodyTable,#bodyCell{height:100%;margin:0;padding:0;width:100%;}#outlook a{padding:0;}"
               ".ReadMsgBody{width:100%;}.ExternalClass{width:100%;}.mcnPreviewText{display:none !important;}"
               "@media only screen and (max-width:480px){.mcnTextContent{font-size:18px !important;}"
               ".columnWrapper{max-width:100% !important;width:100% !important;}}</style>")


def body_chrome(v: ArticleView) -> frozenset[str]:
    """Lines a reader sees among the story's blocks that are page chrome (for pagecheck): the sponsor box."""
    return frozenset({MAIL[v.a.ui_lang]["sponsor"], SPONSOR_COPY})


def _utm(path: str, v: ArticleView, what: str) -> str:
    sep = "&amp;" if "?" in path else "?"
    return f"{path}{sep}utm_source=IPGirl+Weekly&amp;utm_medium=email&amp;utm_campaign={v.a.id % 9973:x}{what}"


def _issue(v: ArticleView) -> str:
    n = 40 + v.a.id % 400
    label = MAIL[v.a.ui_lang]["issue"]
    return label.format(n=n) if "{n}" in label else f"{label} #{n}"


def _text_block(inner: str, pad: str = "9px") -> str:
    """Mailchimp's text block: three nested tables around one td.mcnTextContent."""
    return ('<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnTextBlock" style="min-width:100%;">'
            f'<tbody class="mcnTextBlockOuter"><tr><td valign="top" class="mcnTextBlockInner" style="padding-top:{pad};">'
            '<!--[if mso]><table align="left" border="0" cellspacing="0" cellpadding="0" width="100%" style="width:100%;">'
            '<tr><td valign="top" width="600" style="width:600px;"><![endif]-->'
            '<table align="left" border="0" cellpadding="0" cellspacing="0" style="max-width:100%;min-width:100%;" '
            'width="100%" class="mcnTextContentContainer"><tbody><tr><td valign="top" class="mcnTextContent" '
            f'style="padding:0 18px 9px 18px;{_TXT}">{inner}</td></tr></tbody></table>'
            "<!--[if mso]></td></tr></table><![endif]--></td></tr></tbody></table>\n")


def _mj(inner: str, style: str = _TXT, pad: str = "10px 25px") -> str:
    """An MJML section's text cell: a td around one styled div, no <p>."""
    return (f'<tr><td align="left" style="font-size:0px;padding:{pad};word-break:break-word;">'
            f'<div style="{style}">{inner}</div></td></tr>\n')


def _w_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    lang = f' lang="{a.lang}"' if rng.random() < 0.5 else ""
    metas = ""
    if a.date_mode == "machine":
        metas = f'<meta property="article:published_time" content="{iso_local(a.published)}">\n'
        if a.modified:
            metas += f'<meta property="article:modified_time" content="{iso_local(a.modified)}">\n'
    author = (f'<meta name="author" content="{_e(", ".join(n for n, _ in v.authors))}">\n' if rng.random() < 0.5 else "")
    return ('<!doctype html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" '
            f'xmlns:o="urn:schemas-microsoft-com:office:office"{lang}>\n<head>\n<!-- NAME: 1 COLUMN -->\n'
            '<!--[if gte mso 15]><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch>'
            '</o:OfficeDocumentSettings></xml><![endif]-->\n<meta charset="UTF-8">\n'
            '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{BRAND}: {_e(a.title)}</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f'{author}<meta property="og:title" content="{_e(a.title)}">\n'
            f'<meta property="og:description" content="{_e(a.summary_text)}">\n'
            f'<meta property="og:url" content="{ctx.base}{a.path}">\n{metas}{_links_head(v, ctx)}\n'
            f"{_HEAD_STYLE}\n</head>\n")


def _w_top(v: ArticleView, rng: random.Random) -> str:
    """Preview text (hidden), the archive bar with the crumbs, the preheader and the header."""
    a, m, lang = v.a, MAIL[v.a.ui_lang], v.lang
    hidden = ('<!--[if !gte mso 9]><!----><span class="mcnPreviewText" style="display:none; font-size:0px; '
              'line-height:0px; max-height:0px; max-width:0px; opacity:0; overflow:hidden; visibility:hidden; '
              f'mso-hide:all;">{_e(a.summary_text)}</span><!--<![endif]-->\n')
    bar = ('<div id="awesomewrap" style="background:#202020;padding:6px 12px;font-size:12px;">'
           f'<div id="crumbs" style="float:left;"><a href="/{lang}/" style="color:#fff;">{_e(v.ui["home"])}</a> › '
           f'<a href="/{lang}/category/{a.category}/" style="color:#fff;">{_e(v.category_name)}</a></div>'
           '<ul id="awesomebar" style="float:right;list-style:none;margin:0;"><li style="display:inline;">'
           f'<a href="/{lang}/about">Subscribe</a></li> <li style="display:inline;"><a href="/{lang}/">Past Issues</a></li> '
           '<li style="display:inline;"><a href="#" class="translate">Translate</a></li> '
           '<li style="display:inline;"><a href="/rss.xml">RSS</a></li></ul></div>\n')
    shown = (f'<td valign="top" width="390" style="{_SMALL}padding:9px 18px;">{_e(a.summary_text)}</td>'
             if rng.random() < 0.4 else "")
    pre = ('<table border="0" cellpadding="0" cellspacing="0" width="100%" id="templatePreheader"><tr>'
           f'{shown}<td valign="top" style="{_SMALL}padding:9px 18px;text-align:right;"><a href="{a.path}" '
           f'target="_blank" style="color:#656565;">{_e(m["view"])}</a></td></tr></table>\n')
    header = ('<table border="0" cellpadding="0" cellspacing="0" width="100%" id="templateHeader"><tr>'
              '<td valign="top" class="mcnImageContent" style="padding:9px;text-align:center;">'
              '<img align="center" alt="IPGirl" src="https://mcusercontent.com/4f1c2e/images/ipgirl-logo.png" '
              'width="200" style="max-width:400px;" class="mcnImage"></td></tr>'
              f'<tr><td style="{_SMALL}text-align:center;text-transform:uppercase;letter-spacing:2px;">{BRAND} · '
              f"{_e(_issue(v))}</td></tr></table>\n")
    return hidden + bar + pre + header


def _w_dates(v: ArticleView) -> str:
    a, lang = v.a, v.byline_lang
    out = _e(format_date(a.published, lang))
    if a.modified:
        out += f" · {_e(v.ui['updated'])} {_e(format_date(a.modified, lang))}"
    return out


def _w_byline(v: ArticleView, rng: random.Random) -> str:
    by = v.ui["by"] if v.ui["by"].endswith("：") else v.ui["by"] + " "
    names = join_names([f'<a href="{_utm(f"/{v.lang}/author/{s}/", v, "")}" style="color:#656565;">{_e(n)}</a>'
                        for n, s in v.authors], v.byline_lang)
    if rng.random() < 0.5:
        return f'<p style="{_SMALL}">{_e(by)}{names} · {_w_dates(v)}</p>'
    return f'<p style="{_SMALL}margin-bottom:0;">{_e(by)}{names}</p><p style="{_SMALL}margin-top:0;">{_w_dates(v)}</p>'


def _w_title(v: ArticleView, rng: random.Random) -> str:
    h1 = (f'<h1 style="{_FONT}font-size:28px;font-weight:bold;line-height:125%;color:#202020;">{_e(v.a.title)}</h1>'
          f'<p style="{_TXT}font-size:18px;color:#444444;">{_e(v.a.summary_text)}</p>')
    return _text_block(h1 + _w_byline(v, rng), "18px")


def _w_figure(v: ArticleView, it: Item, ctx: Ctx) -> str:
    im = it.image
    assert im is not None
    img = (f'<img align="center" alt="{_e(im.alt)}" src="{ctx.base}{im.src}" width="564" style="max-width:1200px;'
           'padding-bottom:0;display:inline !important;vertical-align:bottom;" class="mcnImage">')
    cap = (f'<tr><td class="mcnTextContent" valign="top" style="padding:0 9px;{_SMALL}" width="564">{_e(im.caption)}</td></tr>'
           if im.caption else "")
    return ('<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnCaptionBlock"><tbody '
            'class="mcnCaptionBlockOuter"><tr><td class="mcnCaptionBlockInner" valign="top" style="padding:9px;">'
            '<table align="left" border="0" cellpadding="0" cellspacing="0" class="mcnCaptionBottomContent"><tbody>'
            f'<tr><td class="mcnCaptionBottomImageContent" align="center" valign="top" style="padding:0 9px 9px 9px;">'
            f"{img}</td></tr>{cap}</tbody></table></td></tr></tbody></table>\n")


def _w_sponsor(v: ArticleView) -> str:
    label = _e(MAIL[v.a.ui_lang]["sponsor"])
    return ('<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnBoxedTextBlock"><tr>'
            '<td valign="top" style="padding:9px 18px;"><table border="0" cellpadding="18" cellspacing="0" width="100%" '
            'class="mcnTextContentContainer" style="border:1px solid #DDDDDD;background-color:#F4F4F4;"><tr>'
            f'<td valign="top" class="mcnTextContent" style="{_SMALL}"><span style="text-transform:uppercase;'
            f'letter-spacing:1px;font-size:11px;">{label}</span><br><a href="https://ads.example.net/click?c=w{v.a.id}" '
            f'style="color:#202020;">{_e(SPONSOR_COPY)}</a></td></tr></table></td></tr></table>\n')


def _w_read_also(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    href = _utm(_read_also_href(v, ctx, rng), v, "&amp;utm_content=readalso")
    return (f'<strong>{_e(v.ui["read_also"])}</strong> <a href="{href}" style="color:#007C89;">'
            f"{_e(v.read_also.title)}</a>")  # type: ignore[union-attr]


def _classic_inner(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random) -> str:
    """One block as Mailchimp's classic editor writes it inside a text block."""
    if it.kind == "p":
        return f'<p style="{_TXT}">{_text(v, it, rng, "W")}</p>'
    if it.kind in ("h2", "h3"):
        size = "22px" if it.kind == "h2" else "18px"
        return f'<{it.kind} style="{_FONT}font-size:{size};font-weight:bold;color:#202020;">{_e(it.texts[0])}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f'<{it.kind} style="{_TXT}">' + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return (f'<blockquote style="margin:0 0 0 8px;padding-left:12px;border-left:3px solid #E91E63;">'
                f"{_e(it.texts[0])}</blockquote>")
    return f'<p style="{_TXT}">{_w_read_also(v, ctx, rng)}</p>'


def _mj_inner(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, bare_heads: bool) -> str:
    """One block as an MJML-like builder writes it: a td of its own, no <p>, maybe no <h*>."""
    if it.kind == "p":
        return _mj(_text(v, it, rng, "W"))
    if it.kind in ("h2", "h3"):
        size = "22px" if it.kind == "h2" else "18px"
        style = f"{_FONT}font-size:{size};font-weight:700;line-height:130%;color:#111111;"
        if bare_heads:
            return _mj(_e(it.texts[0]), style, "18px 25px 4px")
        return _mj(f'<{it.kind} style="{style}margin:0;">{_e(it.texts[0])}</{it.kind}>', _TXT, "18px 25px 4px")
    if it.kind in ("ul", "ol"):
        return _mj(f'<{it.kind} style="margin:0;padding-left:22px;">'
                   + "".join(f'<li style="padding-bottom:6px;">{_e(t)}</li>' for t in it.texts) + f"</{it.kind}>")
    if it.kind == "quote":
        return ('<tr><td style="padding:10px 25px;"><table border="0" cellpadding="0" cellspacing="0" width="100%"><tr>'
                f'<td width="4" style="background-color:#E91E63;"></td><td style="padding:4px 16px;{_TXT}font-style:italic;">'
                f"{_e(it.texts[0])}</td></tr></table></td></tr>\n")
    return _mj(_w_read_also(v, ctx, rng))


def _w_body(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    """The story's blocks, in the page's builder; figures and sponsor boxes are blocks of their own."""
    builder = "classic" if rng.random() < 0.5 else "mjml"
    bare = rng.random() < 0.5
    items = v.items()
    notice = ([f'<em style="color:#757575;">{_e(v.notice)}</em>'] if v.notice else [])
    if builder == "mjml":
        rows = [_w_figure(v, it, ctx) if it.kind == "figure" else _w_sponsor(v) if it.kind == "ad"
                else _mj_inner(v, it, ctx, rng, bare) for it in items]
        rows = [r if r.startswith("<tr>") else f"<tr><td>{r}</td></tr>\n" for r in rows]
        rows += [_mj(n, _TXT + "font-size:14px;") for n in notice]
        return ('<table border="0" cellpadding="0" cellspacing="0" role="presentation" width="100%" class="mj-column">'
                f'<tbody>{"".join(rows)}</tbody></table>\n')
    out, run = [], []  # run: consecutive text blocks sharing one Mailchimp text block
    for it in items:
        if it.kind in ("figure", "ad"):
            out.append(_text_block("".join(run)) if run else "")
            run = []
            out.append(_w_figure(v, it, ctx) if it.kind == "figure" else _w_sponsor(v))
        else:
            if it.kind == "h2" and run:
                out.append(_text_block("".join(run)))
                run = []
            run.append(_classic_inner(v, it, ctx, rng))
    out.append(_text_block("".join(run)) if run else "")
    out += [_text_block(f'<p style="{_TXT}font-size:14px;">{n}</p>') for n in notice]
    return "".join(out)


def _button(label: str, href: str) -> str:
    return ('<table border="0" cellpadding="0" cellspacing="0" class="mcnButtonContentContainer" style="display:inline-table;'
            'border-collapse:separate !important;border-radius:3px;background-color:#007C89;"><tr>'
            f'<td align="center" valign="middle" class="mcnButtonContent" style="{_FONT}font-size:16px;padding:12px 24px;">'
            f'<a class="mcnButton" href="{href}" target="_blank" style="font-weight:bold;color:#FFFFFF;'
            f'text-decoration:none;">{_e(label)}</a></td></tr></table>')


def _w_after(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    """Divider, tags, share, votes."""
    out = ['<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnDividerBlock"><tr>'
           '<td class="mcnDividerBlockInner" style="padding:18px;"><table class="mcnDividerContent" border="0" '
           'cellpadding="0" cellspacing="0" width="100%" style="border-top:2px solid #EAEAEA;"><tr><td><span></span>'
           "</td></tr></table></td></tr></table>\n"]
    if v.a.tags:
        hash_ = "#" if rng.random() < 0.3 else ""
        links = " · ".join(f'<a href="{_utm(f"/{v.lang}/tag/{s}/", v, "")}" style="color:#007C89;">{hash_}{_e(t)}</a>'
                           for t, s in v.tags)
        out.append(_text_block(f'<p style="{_SMALL}"><strong>{_e(v.ui["tags"])}</strong> {links}</p>'))
    url, m = ctx.base + v.a.path, MAIL[v.a.ui_lang]
    icons = "".join(f'<td style="padding-right:9px;"><a href="{href}" target="_blank"><img src="https://cdn-images.mailchimp'
                    f'.com/icons/social-block-v2/outline-dark-{icon}-48.png" alt="" width="24"></a></td><td style="'
                    f'{_SMALL}padding-right:18px;"><a href="{href}" style="color:#656565;">{_e(label)}</a></td>'
                    for icon, label, href in (("facebook", "Share", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
                                              ("twitter", "Tweet", f"https://twitter.com/intent/tweet?url={url}"),
                                              ("forwardtofriend", m["fwd"],
                                               f"https://us21.forward-to-friend.com/forward?u=4f1c2e&amp;id={v.a.id:x}")))
    out.append('<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnShareBlock"><tr>'
               f'<td style="{_SMALL}padding:9px 18px;"><strong>{_e(v.ui["share"])}</strong></td>{icons}</tr></table>\n')
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        survey = f"https://ipgirl.us21.list-manage.com/survey?u=4f1c2e&amp;id={v.a.id:x}&amp;attribution=false"
        out.append(_text_block(f'<p style="{_TXT}font-weight:bold;text-align:center;">{_e(v.ui["helpful_q"])}</p>'))
        out.append(f'<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnButtonBlock"><tr>'
                   f'<td align="center" style="padding:0 18px 9px;">{_button(yes, survey + "&amp;a=yes")} '
                   f'{_button(no, survey + "&amp;a=no")}</td></tr><tr><td align="center" style="{_SMALL}padding:6px 18px;">'
                   f"{_vote_line(v, rng)}</td></tr></table>\n")
    return "".join(out)


def _w_card(c: Card, v: ArticleView, rng: random.Random) -> str:
    href = _utm(c.path, v, "&amp;utm_content=discover")
    thumb = (f'<a href="{href}"><img src="/media/thumbs/{c.path.rsplit("/", 1)[-1][:12]}.jpg" alt="{_e(c.title)}" '
             'width="264" class="mcnImage"></a><br>' if rng.random() < 0.6 else "")
    return (f'<td valign="top" width="282" class="columnContainer mcnTextContent" style="padding:9px;{_SMALL}">{thumb}'
            f'<span style="text-transform:uppercase;color:#E91E63;font-size:11px;">{_e(c.cat_name)}</span><br>'
            f'<a href="{href}" style="{_FONT}font-size:16px;color:#202020;text-decoration:none;"><strong>{_e(c.title)}'
            f"</strong></a><br>{_e(c.snippet)}{_ellipsis(c, rng, v)}</td>")


def _w_related(v: ArticleView, rng: random.Random) -> str:
    cards = v.cards()
    if not cards:
        return ""
    rows = "".join("<tr>" + "".join(_w_card(c, v, rng) for c in cards[k:k + 2]) + "</tr>" for k in range(0, len(cards), 2))
    head = _text_block(f'<h2 style="{_FONT}font-size:20px;font-weight:bold;color:#202020;">{_e(v.ui["discover"])}</h2>')
    return head + ('<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnCaptionBlock columnWrapper">'
                   f"<tbody>{rows}</tbody></table>\n")


def _w_footer(v: ArticleView) -> str:
    m = MAIL[v.a.ui_lang]
    follow = "".join(f'<a href="https://{host}/ipgirl" target="_blank"><img src="https://cdn-images.mailchimp.com/icons/'
                     f'social-block-v2/color-{icon}-48.png" alt="{alt}" width="24" style="display:block;"></a>'
                     for icon, host, alt in (("twitter", "twitter.com", "Twitter"), ("linkedin", "www.linkedin.com",
                                             "LinkedIn"), ("youtube", "www.youtube.com", "YouTube"), ("link", "ipgirl.com",
                                                                                                     "Website")))
    change = m["change"].format(prefs=f'<a href="https://ipgirl.us21.list-manage.com/profile?u=4f1c2e">{_e(m["prefs"])}</a>',
                                unsub=f'<a href="https://ipgirl.us21.list-manage.com/unsubscribe?u=4f1c2e">{_e(m["unsub"])}</a>')
    return ('<table border="0" cellpadding="0" cellspacing="0" width="100%" id="templateFooter"><tr>'
            f'<td align="center" class="mcnFollowBlockInner" style="padding:9px;">{follow}</td></tr><tr>'
            f'<td valign="top" class="mcnTextContent" style="{_SMALL}text-align:center;padding:9px 18px;">'
            f"<em>Copyright © 2026 IPGirl, {_e(m['rights'])}</em><br>{_e(m['why'])}<br><br>"
            f"<strong>{_e(m['addr'])}</strong><br>"
            '<div class="vcard"><span class="org fn">IPGirl</span><div class="adr"><div class="street-address">'
            '12 rue de la Paix</div><span class="postal-code">75002</span> <span class="locality">Paris</span>'
            '<div class="country-name">France</div></div></div><br>'
            '<a href="https://ipgirl.us21.list-manage.com/vcard?u=4f1c2e" class="hcard">Add us to your address book</a>'
            f"<br><br>{change}<br><br>"
            '<a href="http://eepurl.com/ipgirl" title="Mailchimp"><img src="https://cdn-images.mailchimp.com/monkey_rewards/'
            'intuit-mc-rewards-text-dark.svg" alt="Intuit Mailchimp" width="160"></a></td></tr></table>\n')


def render_w(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    head = _w_head(v, ctx, rng)
    container = ('<table border="0" cellpadding="0" cellspacing="0" width="100%" class="templateContainer" '
                 'style="max-width:600px !important;border:0;"><tr><td valign="top" id="templateBody" '
                 'style="background-color:#FFFFFF;">\n' + _w_title(v, rng) + _w_body(v, ctx, rng) + _w_after(v, ctx, rng)
                 + _w_related(v, rng) + "</td></tr></table>\n")
    return (head + '<body style="height:100%;margin:0;padding:0;width:100%;background-color:#FAFAFA;">\n'
            + _w_top(v, rng) + '<center><table align="center" border="0" cellpadding="0" cellspacing="0" height="100%" '
            'width="100%" id="bodyTable"><tr><td align="center" valign="top" id="bodyCell">\n'
            '<!--[if (gte mso 9)|(IE)]><table align="center" border="0" cellspacing="0" cellpadding="0" width="600" '
            'style="width:600px;"><tr><td align="center" valign="top" width="600" style="width:600px;"><![endif]-->\n'
            + container + _w_footer(v) + "<!--[if (gte mso 9)|(IE)]></td></tr></table><![endif]-->\n"
            "</td></tr></table></center>\n</body>\n</html>\n")
