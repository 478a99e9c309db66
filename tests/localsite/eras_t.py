"""Era T (opt-in, held-out, written blind): a big news publisher's CMS page (Arc XP / Brightspot-like
"Fusion" rendering): ``data-*`` attributes on nearly everything, generated class names, heavy ads.

Head: og/twitter metas, ``article:section``, ``article:published_time`` (machine-dated pages only),
a JSON-LD ``@graph`` (WebSite, Organization, WebPage, BreadcrumbList, NewsArticle with Person authors
carrying a ``jobTitle``; dates only on machine-dated pages), and a ``Fusion.globalContent`` script
blob with the headline, description, credits and taxonomy (not the body). A consent banner, a
leaderboard ad ("ADVERTISEMENT"), the masthead with section nav and an "Edition" switch, then:
a small breadcrumb trail (Home / category) and a kicker link to the category, the ``h1``, the
summary as an ``h2.subheadline``, the byline "By A, Senior Reporter" (roles localized; several
authors "By A, Role, and B, Role" in one line, or one line per author), the timestamps:
~65% ``<time datetime="…Z">`` instants shown with the clock time ("July 4, 2023 at 08:15 UTC"),
"Updated …" when modified, ~20% a visible day only, ~15% "3 days ago"; a share bar of icons; a
"Listen to this article" audio player on ~40%.

Body ``article-body``: a dateline "PARIS —" starting the first paragraph on ~60% of the
non-CJK pages (part of the text: the oracle's body has it), paragraphs, headings, lists, quotes,
figures (``<picture>``, caption in ``figcaption``, photo credit in a ``<small>`` after it),
"Read also" as a "READ ALSO:"-style interstitial, ad slots labelled "ADVERTISEMENT" after every
third paragraph in addition to the CMS's own ads, an inline newsletter promo ("By signing up…"),
the notice as the last paragraph in ``<em>``. After the body: author cards (avatar, name · role ·
IPGirl) on ~50%, tags, the feedback widget; the right
rail ("Most read": ranked titles of other stories, an ad); "Discover more" as a carousel whose
track repeats the last card first and the first two last as ``aria-hidden`` loop clones; the
footer; then the next story's teaser ("Up next": an ``h2`` title, its summary, a "Continue
reading" link).
"""
from __future__ import annotations

import json
import random
from datetime import timezone

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_no import CHROME, _e
from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS, UI, YES_NO, format_date, format_relative, iso_local, join_names
from .model import Article
from .view import ArticleView, Card, Item

DATELINES = {"en": "SAN FRANCISCO", "fr": "PARIS", "de": "BERLIN", "es": "MADRID", "it": "MILANO", "pt": "LISBOA"}
ROLES: dict[str, tuple[str, ...]] = {
    "en": ("Senior Reporter", "Staff Writer", "Technology Editor", "Correspondent"),
    "fr": ("grand reporter", "journaliste", "rédactrice en chef technologie", "correspondant"),
    "de": ("Leitende Redakteurin", "Redakteur", "Technikredakteurin", "Korrespondent"),
    "es": ("reportera sénior", "redactor", "editora de tecnología", "corresponsal"),
    "it": ("inviata speciale", "redattore", "caporedattrice tecnologia", "corrispondente"),
    "pt": ("repórter sênior", "redator", "editora de tecnologia", "correspondente"),
    "ja": ("シニア記者", "記者", "テクノロジー担当編集者", "特派員"),
    "zh": ("资深记者", "记者", "科技编辑", "驻外记者"),
    "ko": ("선임기자", "기자", "테크 에디터", "특파원"),
}
# Publisher chrome per UI language: most read, up next, continue reading, edition, newsletter legal
# line, photo credit, previous / next slide, "at" between the day and the clock time, audio player.
NEWS: dict[str, dict[str, str]] = {
    "en": {"most": "Most read", "next": "Up next", "cont": "Continue reading", "edition": "Edition",
           "legal": "By signing up, you agree to our Terms of Use and Privacy Policy.", "photo": "Photo",
           "prev": "Previous", "nextslide": "Next", "at": "at", "listen": "Listen to this article"},
    "fr": {"most": "Les plus lus", "next": "À suivre", "cont": "Lire la suite", "edition": "Édition",
           "legal": "En vous inscrivant, vous acceptez nos conditions d’utilisation.", "photo": "Photo",
           "prev": "Précédent", "nextslide": "Suivant", "at": "à", "listen": "Écouter cet article"},
    "de": {"most": "Meistgelesen", "next": "Als Nächstes", "cont": "Weiterlesen", "edition": "Ausgabe",
           "legal": "Mit der Anmeldung akzeptieren Sie unsere Nutzungsbedingungen.", "photo": "Foto",
           "prev": "Zurück", "nextslide": "Weiter", "at": "um", "listen": "Artikel anhören"},
    "es": {"most": "Lo más leído", "next": "A continuación", "cont": "Seguir leyendo", "edition": "Edición",
           "legal": "Al suscribirte, aceptas nuestras condiciones de uso.", "photo": "Foto",
           "prev": "Anterior", "nextslide": "Siguiente", "at": "a las", "listen": "Escuchar este artículo"},
    "it": {"most": "I più letti", "next": "Prossimo articolo", "cont": "Continua a leggere", "edition": "Edizione",
           "legal": "Iscrivendoti accetti i nostri termini di utilizzo.", "photo": "Foto",
           "prev": "Precedente", "nextslide": "Successivo", "at": "alle", "listen": "Ascolta questo articolo"},
    "pt": {"most": "Mais lidas", "next": "A seguir", "cont": "Continuar lendo", "edition": "Edição",
           "legal": "Ao se inscrever, você concorda com nossos termos de uso.", "photo": "Foto",
           "prev": "Anterior", "nextslide": "Próximo", "at": "às", "listen": "Ouvir esta matéria"},
    "ja": {"most": "よく読まれている記事", "next": "次の記事", "cont": "続きを読む", "edition": "エディション",
           "legal": "登録すると、利用規約に同意したものとみなされます。", "photo": "写真",
           "prev": "前へ", "nextslide": "次へ", "at": "", "listen": "この記事を聞く"},
    "zh": {"most": "最多阅读", "next": "下一篇", "cont": "继续阅读", "edition": "版本",
           "legal": "注册即表示您同意我们的使用条款。", "photo": "图片", "prev": "上一个", "nextslide": "下一个", "at": "", "listen": "收听本文"},
    "ko": {"most": "많이 본 기사", "next": "다음 기사", "cont": "계속 읽기", "edition": "에디션",
           "legal": "가입하면 이용약관에 동의하는 것으로 간주됩니다.", "photo": "사진", "prev": "이전", "nextslide": "다음",
           "at": "", "listen": "기사 듣기"},
}
ROLE_FORMAT = {"ja": "（{r}）", "zh": "（{r}）", "ko": " {r}"}  # "A, Senior Reporter" elsewhere
assert set(ROLES) == set(NEWS) == set(LANGS)


def t_dateline(a: Article) -> str | None:
    """The dateline that opens the story's first paragraph (also in the oracle's body), or None."""
    if a.custom or a.lang not in DATELINES or (a.id * 2654435761 >> 7) % 10 >= 6:
        return None
    return DATELINES[a.lang]


def _roles(v: ArticleView) -> list[str]:
    pool = ROLES[v.a.ui_lang]
    return [pool[(v.a.id + k) % len(pool)] for k in range(len(v.authors))]


def _t_head(v: ArticleView, ctx: Ctx) -> str:
    a, url = v.a, ctx.base + v.a.path
    people = [{"@type": "Person", "@id": f"{ctx.base}/{a.lang}/author/{s}/#person", "name": n, "jobTitle": r,
               "url": f"{ctx.base}/{a.lang}/author/{s}/"} for (n, s), r in zip(v.authors, _roles(v))]
    news = {"@type": "NewsArticle", "@id": url + "#article", "headline": a.title, "description": a.summary_text,
            "articleSection": v.category_name, "inLanguage": a.lang, "isPartOf": {"@id": url + "#webpage"},
            "author": people, "publisher": {"@id": ctx.base + "/#organization"},
            "image": [f"{ctx.base}/resizer/v2/{a.id}.jpg?auth=9f2&width=1200"]}
    meta = ""
    if a.date_mode == "machine":
        news["datePublished"] = iso_local(a.published)
        meta = f'<meta property="article:published_time" content="{iso_local(a.published)}">\n'
        if a.modified:
            news["dateModified"] = iso_local(a.modified)
            meta += f'<meta property="article:modified_time" content="{iso_local(a.modified)}">\n'
    crumbs = {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": v.ui["home"], "item": f"{ctx.base}/{a.lang}/"},
        {"@type": "ListItem", "position": 2, "name": v.category_name, "item": f"{ctx.base}/{a.lang}/category/{a.category}/"}]}
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": ctx.base + "/#website", "name": "IPGirl", "url": ctx.base + "/"},
        {"@type": "Organization", "@id": ctx.base + "/#organization", "name": "IPGirl",
         "logo": {"@type": "ImageObject", "url": ctx.base + "/logo.png"}},
        {"@type": "WebPage", "@id": url + "#webpage", "url": url, "name": a.title, "breadcrumb": crumbs}, news]}
    fusion = {"_id": f"IPG{a.id:08X}", "type": "story", "canonical_url": a.path, "headlines": {"basic": a.title},
              "description": {"basic": a.summary_text}, "credits": {"by": [{"name": n, "type": "author"} for n, _ in v.authors]},
              "taxonomy": {"primary_section": {"name": v.category_name, "_id": f"/{a.category}"},
                           "tags": [{"text": t, "slug": s} for t, s in v.tags]}}
    ld = json.dumps(graph, ensure_ascii=False).replace("</", "<\\/")
    blob = json.dumps(fusion, ensure_ascii=False).replace("</", "<\\/")
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}" data-theme="light">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(a.title)} | IPGirl</title>\n<meta name=\"description\" content=\"{_e(a.summary_text)}\">\n"
            f'{_links_head(v, ctx)}\n<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{_e(a.title)}">\n<meta property="og:description" content="{_e(a.summary_text)}">\n'
            f'<meta name="twitter:card" content="summary_large_image">\n<meta property="article:section" content="{_e(v.category_name)}">\n'
            f'{meta}<script type="application/ld+json">{ld}</script>\n'
            '<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>\n'
            f'<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{{}};'
            f'Fusion.arcSite="ipgirl";Fusion.globalContent={blob};</script>\n</head>\n')


def _ad(slot: str, label: str, cat: str) -> str:
    return (f'<div class="ad-wrapper" data-testid="ad-{slot}" data-ad-type="{slot}" data-ad-unit="/21987/ipgirl/{cat}">'
            f'<p class="ad-label" aria-hidden="true">{_e(label)}</p><div id="arcad-{slot}" class="arcad" '
            'data-google-query-id=""></div></div>')


def _stamp(v: ArticleView, when) -> str:
    a, news = v.a, NEWS[v.a.ui_lang]
    if a.date_mode == "relative":
        return f'<span class="timestamp" data-testid="published-date">{_e(format_relative(a.rel_days, v.byline_lang))}</span>'
    if a.date_mode != "machine":
        return f'<span class="timestamp" data-testid="published-date">{_e(format_date(when, v.byline_lang))}</span>'
    utc = when.astimezone(timezone.utc)  # the shown day and clock time are UTC's, as the datetime
    shown = f"{format_date(utc, v.byline_lang)} {news['at']} {utc:%H:%M} UTC".replace("  ", " ")
    return f'<time class="timestamp" data-testid="published-date" datetime="{utc:%Y-%m-%dT%H:%M:%S.000Z}">{_e(shown)}</time>'


def _t_byline(v: ArticleView, rng: random.Random) -> str:
    by = v.ui["by"]
    by = by if by.endswith("：") else by + " "
    fmt = ROLE_FORMAT.get(v.byline_lang, ", {r}")
    names = [f'<a href="/{v.lang}/author/{s}/" rel="author" data-testid="author-link" class="c-byline__link">{_e(n)}</a>'
             f'<span class="c-byline__role">{_e(fmt.format(r=r))}</span>' for (n, s), r in zip(v.authors, _roles(v))]
    if len(names) > 1 and rng.random() < 0.5:  # one line per author, the label on the first
        line = "".join(f'<div class="c-byline__author" data-testid="byline-author">{_e(by) if k == 0 else ""}{n}</div>'
                       for k, n in enumerate(names))
    else:
        sep = "," if len(names) > 2 and v.byline_lang == "en" else ""
        joined = join_names(names, v.byline_lang)
        if sep:  # English serial comma after a role: "By A, Role, B, Role, and C, Role"
            joined = ", ".join(names[:-1]) + ", and " + names[-1]
        elif len(names) == 2 and v.byline_lang == "en":
            joined = names[0] + ", and " + names[1]
        line = f'<div class="c-byline__author" data-testid="byline-author">{_e(by)}{joined}</div>'
    stamps = f'<div class="c-timestamp" data-qa="timestamp">{_e(v.ui["published"])} {_stamp(v, v.a.published)}</div>'
    if v.a.modified:
        stamps += f'<div class="c-timestamp" data-qa="timestamp-updated">{_e(v.ui["updated"])} {_stamp(v, v.a.modified)}</div>'
    share = "".join(f'<button type="button" class="c-share__btn" data-share="{k}" aria-label="{k.title()}">'
                    f'<svg aria-hidden="true"></svg></button>' for k in ("facebook", "x", "linkedin", "email"))
    listen = ""
    if rng.random() < 0.4:
        listen = (f'<div class="c-audio" data-testid="audio-player"><button type="button" class="c-audio__play">'
                  f'{_e(NEWS[v.a.ui_lang]["listen"])}</button><span class="c-audio__length">{rng.randint(3, 9)}:'
                  f'{rng.randint(10, 59)}</span></div>')
    return (f'<div class="c-byline" data-testid="byline" data-fusion-component="byline">{line}</div>'
            f'<div class="c-dates">{stamps}</div><div class="c-share" data-testid="share-bar" aria-label="{_e(v.ui["share"])}">'
            f"{share}</div>{listen}\n")


def _t_item(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, first: bool) -> str:
    el = f'data-el="{it.kind}" data-fusion-component="{rng.randrange(16 ** 8):08x}"'
    if it.kind == "p":
        line = t_dateline(v.a) if first else None
        lead = f'<span class="c-dateline" data-testid="dateline">{line} —</span> ' if line else ""
        return f'<p class="c-paragraph" {el}>{lead}{_text(v, it, rng, "T")}</p>'
    if it.kind in ("h2", "h3"):
        return f'<{it.kind} class="c-heading" {el}>{_e(it.texts[0])}</{it.kind}>'
    if it.kind in ("ul", "ol"):
        return f'<{it.kind} class="c-list" {el}>' + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>"
    if it.kind == "quote":
        return f'<blockquote class="c-blockquote" {el}><p>{_e(it.texts[0])}</p></blockquote>'
    if it.kind == "figure":
        im = it.image
        assert im is not None
        cap = f'<figcaption class="c-caption">{_e(im.caption)}</figcaption>' if im.caption else ""
        return (f'<figure class="c-media" {el}><picture><source type="image/webp" srcset="{im.src}?w=800&amp;f=webp 800w">'
                f'<img src="{im.src}" alt="{_e(im.alt)}" loading="lazy" width="800" height="533"></picture>{cap}'
                f'<small class="c-credit">{_e(NEWS[v.a.ui_lang]["photo"])}: IPGirl</small></figure>')
    if it.kind == "read_also":
        return (f'<div class="c-interstitial" {el}><span class="c-interstitial__label">{_e(v.ui["read_also"].upper())}</span> '
                f'<a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a></div>')  # type: ignore[union-attr]
    return _ad(f"inline-{rng.randrange(100)}", CHROME[v.a.ui_lang]["ad"].upper(), v.a.category)


def _t_body(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    parts, n_p, promo_done = [], 0, False
    items = v.items()
    first_p = next((k for k, it in enumerate(items) if it.kind == "p"), -1)
    t, news, label = CHROME[v.a.ui_lang], NEWS[v.a.ui_lang], CHROME[v.a.ui_lang]["ad"].upper()
    for k, it in enumerate(items):
        parts.append(_t_item(v, it, ctx, rng, k == first_p))
        n_p += it.kind == "p"
        if it.kind == "p" and n_p % 3 == 0 and k < len(items) - 1:
            parts.append(_ad(f"mid-{n_p // 3}", label, v.a.category))
        if it.kind == "p" and n_p == 2 and not promo_done and rng.random() < 0.7:
            promo_done = True
            parts.append(f'<div class="c-newsletter-promo" data-testid="newsletter-inline"><h3>{_e(t["news_h"])}</h3>'
                         f'<p>{_e(t["news_p"])}</p><form action="/newsletters/subscribe" method="post"><input type="email" '
                         f'placeholder="{_e(t["email"])}"><button type="submit">{_e(t["subscribe"])}</button></form>'
                         f'<p class="c-newsletter-promo__legal">{_e(news["legal"])}</p></div>')
    if v.notice:
        parts.append(f'<p class="c-paragraph" data-el="text"><em>{_e(v.notice)}</em></p>')
    return '<div class="article-body" data-testid="article-body">\n' + "\n".join(parts) + "\n</div>\n"


def _t_after(v: ArticleView, rng: random.Random) -> str:
    out = []
    if rng.random() < 0.5:  # author cards: avatar, name, role
        out.append('<div class="c-author-bios" data-testid="author-bio">' + "".join(
            f'<div class="c-author-bio"><img src="/resizer/v2/author-{s}.jpg?width=80" alt=""><p><a href="/{v.lang}/author/{s}/">'
            f'<strong>{_e(n)}</strong></a> · {_e(r)} · IPGirl</p></div>' for (n, s), r in zip(v.authors, _roles(v))) + "</div>")
    if v.a.tags:
        pills = "".join(f'<li><a href="/{v.lang}/tag/{s}/" data-testid="tag-link" class="c-tag">{_e(t)}</a></li>' for t, s in v.tags)
        out.append(f'<div class="c-tags" data-testid="tags"><h2 class="c-tags__title">{_e(v.ui["tags"])}</h2><ul>{pills}</ul></div>')
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        out.append(f'<section class="c-feedback" data-testid="article-feedback"><p class="c-feedback__q">{_e(v.ui["helpful_q"])}</p>'
                   f'<button type="button" data-vote="yes">{yes}</button><button type="button" data-vote="no">{no}</button>'
                   f'<p class="c-feedback__count" aria-live="polite">{_vote_line(v, rng)}</p></section>')
    return "\n".join(out) + "\n"


def _t_card(c: Card, v: ArticleView, rng: random.Random, k: int, clone: bool) -> str:
    hidden = ' aria-hidden="true" tabindex="-1"' if clone else ""
    cls = "c-carousel__slide" + (" c-carousel__slide--clone" if clone else "")
    href = c.path + ("?itm_source=carousel" if rng.random() < 0.3 else "")
    return (f'<div class="{cls}" data-slide-index="{k}"{hidden}><a href="{href}" class="c-card__link" data-testid="card-link">'
            f'<img src="/resizer/v2/card-{k}.jpg?width=400" alt="" loading="lazy"><span class="c-card__kicker">{_e(c.cat_name)}</span>'
            f'<h3 class="c-card__title">{_e(c.title)}</h3></a><p class="c-card__desc">{_e(c.snippet)}{_ellipsis(c, rng, v)}</p></div>')


def _t_related(v: ArticleView, rng: random.Random) -> str:
    cards = v.cards()
    if not cards:
        return ""
    news = NEWS[v.a.ui_lang]
    slides = [_t_card(c, v, rng, k, False) for k, c in enumerate(cards)]
    n = len(cards)
    track = [_t_card(cards[-1], v, rng, n - 1, True)] + slides + [_t_card(cards[k], v, rng, k, True) for k in range(min(2, n))]
    return (f'<section class="c-carousel" data-testid="related-carousel" aria-roledescription="carousel">'
            f'<h2 class="c-carousel__title">{_e(v.ui["discover"])}</h2><button class="c-carousel__prev" aria-label="{_e(news["prev"])}">‹</button>'
            f'<div class="c-carousel__track" style="transform: translateX(-100%)">{"".join(track)}</div>'
            f'<button class="c-carousel__next" aria-label="{_e(news["nextslide"])}">›</button></section>\n')


def _t_rail(v: ArticleView) -> str:
    top = [x for x in v.site.newest[v.lang][:7] if x is not v.a][:5]
    items = "".join(f'<li data-testid="most-read-item"><span class="c-rank">{k}</span><a href="{x.path}">{_e(x.title)}</a></li>'
                    for k, x in enumerate(top, start=1))
    return (f'<aside class="right-rail" data-testid="right-rail"><section class="c-most-read"><h2>{_e(NEWS[v.a.ui_lang]["most"])}</h2>'
            f'<ol>{items}</ol></section>{_ad("rail-1", CHROME[v.a.ui_lang]["ad"].upper(), v.a.category)}</aside>\n')


def _t_next(v: ArticleView) -> str:
    pool = v.site.listing.get((v.lang, v.a.category), [])
    k = next((i for i, x in enumerate(pool) if x is v.a), -1)
    nxt = pool[k + 1] if 0 <= k < len(pool) - 1 else next((x for x in v.site.newest[v.lang] if x is not v.a), None)
    if nxt is None:
        return ""
    news = NEWS[v.a.ui_lang]
    return (f'<div class="c-next-article" data-testid="infinite-scroll" data-next-id="{nxt.id}"><p class="c-next-article__label">'
            f'{_e(news["next"])}</p><h2><a href="{nxt.path}">{_e(nxt.title)}</a></h2><p>{_e(nxt.summary_text)}</p>'
            f'<a href="{nxt.path}" class="c-next-article__more">{_e(news["cont"])}</a></div>\n')


def render_t(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a, lang, news = v.a, v.lang, NEWS[v.a.ui_lang]
    label = CHROME[a.ui_lang]["ad"].upper()
    nav = "".join(f'<li><a href="/{lang}/category/{c}/" data-testid="nav-link">{_e(CATEGORY_NAMES[c][lang])}</a></li>'
                  for c in CATEGORIES)
    editions = " ".join(f'<a href="/{x}/" data-edition="{x}">{x.upper()}</a>' for x in LANGS)
    crumbs = (f'<nav class="c-breadcrumbs" aria-label="Breadcrumb" data-testid="breadcrumbs"><a href="/{lang}/">{_e(v.ui["home"])}</a>'
              f'<span aria-hidden="true"> / </span><a href="/{lang}/category/{a.category}/">{_e(v.category_name)}</a></nav>')
    kicker = f'<a class="c-overline" href="/{lang}/category/{a.category}/" data-testid="overline">{_e(v.category_name)}</a>'
    return (_t_head(v, ctx) + '<body class="fusion-app">\n<div id="fusion-app" class="layout-section">\n'
            + '<div id="onetrust-banner-sdk" role="dialog" aria-label="Cookie banner"><p>We use cookies to improve your '
            + 'experience.</p><button id="onetrust-accept-btn-handler">Accept all</button></div>\n'
            + _ad("leaderboard", label, a.category)
            + f'<header class="c-masthead" data-testid="masthead"><a href="/{lang}/" class="c-logo">IPGirl</a><nav aria-label="Sections">'
            + f'<ul>{nav}</ul></nav><div class="c-editions">{_e(news["edition"])}: {editions}</div></header>\n'
            + '<div class="c-layout"><main class="c-main" id="main">\n<article class="c-article" data-testid="article" '
            + f'data-story-id="IPG{a.id:08X}">\n<header class="c-article__header">{crumbs}{kicker}\n'
            + f'<h1 class="c-headline" data-testid="headline">{_e(a.title)}</h1>\n'
            + f'<h2 class="c-subheadline" data-testid="subheadline">{_e(a.summary_text)}</h2>\n'
            + _t_byline(v, rng) + "</header>\n" + _t_body(v, ctx, rng) + _t_after(v, rng) + "</article>\n</main>\n"
            + _t_rail(v) + "</div>\n" + _t_related(v, rng)
            + f'<footer class="c-footer" data-testid="footer"><a href="/{lang}/about">About</a> <a href="/{lang}/contact">Contact</a> '
            + f'<a href="/{lang}/privacy">Privacy</a><p>© 2026 IPGirl Media</p></footer>\n' + _t_next(v)
            + '</div>\n<script src="/pf/dist/engine/react.js?d=812"></script>\n</body>\n</html>\n')
