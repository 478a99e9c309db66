"""Era AB (opt-in, held-out, written blind): the story as a Medium publication post, 2023-2025, as the
server renders it (medium.com/ipgirl or the publication's custom domain: the same app, the same markup).

Head: ``<title>title | by A | IPGirl</title>`` (custom domain) or ``… | Medium``; description = the
subtitle; ``og:type`` article; ``twitter:label1`` "Reading time"; ``<meta name="author">`` only when one
author (Medium posts have one account; on co-written stories the others are named in the story's lead
line); canonical, hreflang (the publication's translations). Machine-dated pages (~50%, plus ~15% shown
"3 days ago" for recent posts) carry ``article:published_time`` with milliseconds
(``2023-07-04T06:15:00.412Z``) and a NewsArticle JSON-LD (``dateModified`` when edited); ~25% show the
day only and ~10% "3 days ago" only (Medium's lightweight render, no date metas).

Body: obfuscated atomic classes everywhere (``fq fr fs``), a few stable ones (``pw-post-title``,
``pw-subtitle-paragraph``, ``pw-post-body-paragraph``, ``speechify-ignore``) and ``data-testid``s. The
Medium top bar (logo, "Open in app", "Write", "Sign up", "Sign in", search), the publication header
(name, category tabs, "Home › AI" crumbs). ``<article>`` with ``<section>``s: the "Member-only story"
badge (~25%), the ``h1.pw-post-title``, the summary as ``h2.pw-subtitle-paragraph``; the author block
(avatar ``img[alt=name]``, the name, "·", "Follow", "Published in" + IPGirl, "N min read", "·", the date
as "Jul 4, 2023" (English chrome) or localized, or "3 days ago"); the clap / response / "Add to list" /
"Listen" / "Share" toolbar. Then the story's own sections: on co-written stories an italic lead line "By A
and B"; an "Updated …" editor's note when edited (visible dates need it); paragraphs ``p.pw-post-body-
paragraph[data-selectable-paragraph]`` with a drop cap on the first (its first letter its own span);
headings as Medium's "big T" ``h1`` / "small T" ``h2`` (~60%) or the older ``h3`` / ``h4``; lists;
quotes as ``blockquote`` or (~40%) a pull quote in large type; figures ``figure > div > picture >
source + img`` with ``figcaption``; "Read also:" a bold line + link, or (~50%) a bold line then a mixtape
embed card (title, description, domain). No ads (Medium has none: the ad slots render nothing).
A section break (three-dot separator) and the notice as the last italic paragraph; then, still inside the
story, the publication's own parts, in one of two orders: "Was this article helpful?" (a small heading,
"Yes · No" survey links, the count paragraph), "Share:" links, "Discover more" (small heading + mixtape
embeds each under a bold category line, or a list "AI — Title — snippet…").
After the story: topic pills (``/tag/`` links, no label), the toolbar again (claps "1.2K", responses),
"Written by A", "N followers", "Editor for IPGirl", "Follow", "Responses (N)", "See all responses",
"More from A and IPGirl" (four on-site post cards, ``?source=`` links), "Recommended from Medium"
(off-site cards), the footer "Help Status About Careers Press Blog Privacy Terms Text to speech Teams".
Medium's chrome is English on every page; the site's own lines (notice, read also, votes, share,
discover) follow the UI language (English on ~50%).
"""
from __future__ import annotations

import json
import random
from datetime import timezone

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_ab_chrome import (
    DOMAIN,
    atoms,
    author_block,
    footer,
    more_from,
    recommended,
    responses,
    shown_day,
    toolbar,
    top_bars,
    written_by,
)
from .eras_no import _e
from .fmt import YES_NO, join_names, word_count
from .view import ArticleView, Card, Item


def body_chrome(v: ArticleView) -> frozenset[str]:
    """Lines among the story's blocks that are chrome (for pagecheck): the read-also mixtape card."""
    t = v.read_also
    return frozenset({t.title, t.summary_text, DOMAIN}) if t is not None else frozenset()


def _utc_ms(v: ArticleView, when) -> str:
    ms = (v.a.id * 37) % 1000  # Medium stamps the publish instant in UTC with milliseconds
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}Z"


def _head(v: ArticleView, ctx: Ctx, rng: random.Random, minutes: int) -> str:
    a = v.a
    names = [n for n, _ in v.authors]
    suffix = "IPGirl" if rng.random() < 0.5 else "IPGirl | Medium"
    author = f'<meta name="author" content="{_e(names[0])}">\n' if len(names) == 1 else ""
    machine = ""
    if a.date_mode == "machine":
        machine = f'<meta property="article:published_time" content="{_utc_ms(v, a.published)}">\n'
        data = {"@context": "http://schema.org", "@type": "NewsArticle",
                "image": [f"{ctx.base}/media/{a.id}/share.jpg"], "url": ctx.base + a.path,
                "dateCreated": _utc_ms(v, a.published), "datePublished": _utc_ms(v, a.published),
                "headline": a.title, "name": a.title, "description": a.summary_text,
                "identifier": f"{a.id * 2654435761 % 16 ** 12:012x}",
                "author": {"@type": "Person", "name": names[0], "url": f"https://medium.com/@{v.authors[0][1]}"},
                "creator": [names[0]], "publisher": {"@type": "Organization", "name": "IPGirl", "url": ctx.base},
                "mainEntityOfPage": ctx.base + a.path}
        if a.modified:
            data["dateModified"] = _utc_ms(v, a.modified)
        machine += f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'
    return (f'<!doctype html><html lang="{a.lang}"><head><meta charset="utf-8">\n'
            f'<title data-rh="true">{_e(a.title)} | by {_e(names[0])} | {suffix}</title>\n'
            '<meta data-rh="true" name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1,'
            'maximum-scale=1"><meta data-rh="true" name="theme-color" content="#000000">\n'
            f'<meta data-rh="true" name="description" content="{_e(a.summary_text)}">\n'
            f'<meta data-rh="true" property="og:type" content="article"><meta data-rh="true" property="og:title" '
            f'content="{_e(a.title)}"><meta data-rh="true" property="og:site_name" content="IPGirl">\n'
            f'<meta data-rh="true" name="twitter:label1" content="Reading time"><meta data-rh="true" '
            f'name="twitter:data1" content="{minutes} min read">\n{author}{machine}'
            f'<link data-rh="true" rel="author" href="https://medium.com/@{v.authors[0][1]}">\n'
            f"{_links_head(v, ctx)}\n"
            '<style type="text/css" data-fela-rehydration="612">.a{font-family:medium-content-sans-serif-font,'
            '-apple-system,sans-serif}.b{font-weight:400}.c{background-color:rgba(255,255,255,1)}'
            '.fq{float:left}.fr{font-size:4.5em}.fs{line-height:0.83}.ob{letter-spacing:-0.014em}</style>\n'
            "</head>\n")


def _para_cls(rng: random.Random) -> str:
    return f"pw-post-body-paragraph {atoms(rng, 14)}"


def _p(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, drop_cap: bool) -> str:
    html = _text(v, it, rng, "AB").replace("<a href=", '<a class="af oy" rel="noopener ugc nofollow" href=')
    if drop_cap and html[:1].isalpha():  # the drop cap: the first letter a floated span of its own
        html = f'<span class="{atoms(rng, 3)} fq fr fs">{html[0]}</span>{html[1:]}'
    pid = f"{rng.getrandbits(16):04x}"
    return f'<p id="{pid}" class="{_para_cls(rng)}" data-selectable-paragraph="">{html}</p>'


def _figure(it: Item, rng: random.Random) -> str:
    im = it.image
    assert im is not None
    srcset = ", ".join(f"{im.src}?w={w} {w}w" for w in (640, 720, 1100, 1400))
    cap = (f'<figcaption class="{atoms(rng, 8)}" data-selectable-paragraph="">{_e(im.caption)}</figcaption>'
           if im.caption else "")
    return (f'<figure class="{atoms(rng, 6)}"><div role="button" tabindex="0" class="{atoms(rng, 4)}">'
            f'<span class="{atoms(rng, 2)}"></span><div class="{atoms(rng, 3)}"><picture>'
            f'<source srcset="{srcset}" sizes="(min-resolution: 4dppx) and (max-width: 700px) 50vw, 700px" '
            f'type="image/webp"><source data-testid="og" srcset="{srcset}"><img alt="{_e(im.alt)}" '
            f'class="bg ml on c" width="700" height="467" loading="lazy" role="presentation" src="{im.src}">'
            f"</picture></div></div>{cap}</figure>")


def mixtape(title: str, description: str, href: str, rng: random.Random) -> str:
    """Medium's embedded link preview: one boxed link, title, description, domain, thumbnail."""
    return (f'<div class="{atoms(rng, 6)}"><a class="{atoms(rng, 3)}" href="{href}" rel="noopener follow" '
            f'target="_blank"><div class="px ab fn"><div class="{atoms(rng, 5)}"><h2 class="{atoms(rng, 9)}">'
            f'{_e(title)}</h2><div class="qd l"><h3 class="{atoms(rng, 9)}">{description}</h3></div>'
            f'<div class="qe l"><p class="{atoms(rng, 9)}">{DOMAIN}</p></div></div><div class="qf l">'
            f'<div class="{atoms(rng, 7)}"></div></div></div></a></div>')


def _read_also(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    t = v.read_also
    assert t is not None
    label = f'<strong class="be jt">{_e(v.ui["read_also"])}</strong>'
    href = _read_also_href(v, ctx, rng)
    if rng.random() < 0.5:
        return (f'<p class="{_para_cls(rng)}" data-selectable-paragraph="">{label} <a class="af oy" href="{href}" '
                f'rel="noopener ugc nofollow">{_e(t.title)}</a></p>')
    return (f'<p class="{_para_cls(rng)}" data-selectable-paragraph="">{label}</p>'
            + mixtape(t.title, _e(t.summary_text), href, rng))


def _block(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, style: dict) -> str:
    if it.kind == "p":
        first, style["drop_cap"] = style["drop_cap"], False
        return _p(v, it, ctx, rng, first)
    if it.kind in ("h2", "h3"):
        tag = style["heads"][it.kind]
        return f'<{tag} id="{rng.getrandbits(16):04x}" class="{atoms(rng, 16)}" data-selectable-paragraph="">' \
               f"{_e(it.texts[0])}</{tag}>"
    if it.kind in ("ul", "ol"):
        lis = "".join(f'<li id="{rng.getrandbits(16):04x}" class="{_para_cls(rng)} pe pf pg" '
                      f'data-selectable-paragraph="">{_e(t)}</li>' for t in it.texts)
        return f'<{it.kind} class="">{lis}</{it.kind}>'
    if it.kind == "quote":
        if rng.random() < 0.4:  # the pull quote: large type, no border
            return (f'<blockquote class="{atoms(rng, 3)} qz ra rb"><p class="{atoms(rng, 12)}" '
                    f'data-selectable-paragraph=""><em class="ql">{_e(it.texts[0])}</em></p></blockquote>')
        return (f'<blockquote class="{atoms(rng, 4)}"><p class="{_para_cls(rng)}" data-selectable-paragraph="">'
                f"{_e(it.texts[0])}</p></blockquote>")
    if it.kind == "figure":
        return _figure(it, rng)
    if it.kind == "read_also":
        return _read_also(v, ctx, rng)
    return ""  # ad slots: Medium shows no ads


def _lead(v: ArticleView, rng: random.Random) -> str:
    """The story's own first lines: "By A and B" on co-written stories, the editor's "Updated" note."""
    out = []
    if len(v.authors) > 1:
        by = v.ui["by"] if v.ui["by"].endswith("：") else v.ui["by"] + " "
        out.append(f'<p class="{_para_cls(rng)}" data-selectable-paragraph=""><em class="ql">{_e(by)}'
                   f"{_e(join_names([n for n, _ in v.authors], v.byline_lang))}</em></p>")
    if v.a.modified and (v.a.date_mode != "machine" or rng.random() < 0.5):
        out.append(f'<p class="{_para_cls(rng)}" data-selectable-paragraph=""><em class="ql">{_e(v.ui["updated"])}'
                   f" {_e(shown_day(v, v.a.modified))}</em></p>")
    return "".join(out)


def _separator(rng: random.Random) -> str:
    dots = "".join(f'<span class="{atoms(rng, 5)}"></span>' for _ in range(3))
    return f'<div role="separator" class="{atoms(rng, 6)}">{dots}</div>'


def _section(inner: str, rng: random.Random) -> str:
    return (f'<section><div><div class="{atoms(rng, 4)}"><div class="ab ca"><div class="{atoms(rng, 8)}">'
            f"{inner}</div></div></div></div></section>")


def _votes(v: ArticleView, rng: random.Random, small: str) -> str:
    if v.a.votes is None:
        return ""
    yes, no = YES_NO[v.a.ui_lang]
    form = f"https://forms.ipgirl.com/helpful?story={v.a.id}"
    return (f'<{small} class="{atoms(rng, 16)}" data-selectable-paragraph="">{_e(v.ui["helpful_q"])}</{small}>'
            f'<p class="{_para_cls(rng)}" data-selectable-paragraph=""><a class="af oy" href="{form}&amp;a=yes" '
            f'rel="noopener ugc nofollow">{_e(yes)}</a> · <a class="af oy" href="{form}&amp;a=no" '
            f'rel="noopener ugc nofollow">{_e(no)}</a></p>'
            f'<p class="{_para_cls(rng)}" data-selectable-paragraph="">{_vote_line(v, rng)}</p>')


def _share(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    url = ctx.base + v.a.path
    links = " · ".join(f'<a class="af oy" href="{h}" rel="noopener ugc nofollow">{n}</a>' for n, h in (
        ("X", f"https://twitter.com/intent/tweet?url={url}"), ("LinkedIn", f"https://www.linkedin.com/shareArticle?url={url}"),
        ("Email", f"mailto:?subject={v.a.id}&amp;body={url}")))
    return (f'<p class="{_para_cls(rng)}" data-selectable-paragraph=""><strong class="be jt">{_e(v.ui["share"])}'
            f"</strong> {links}</p>")


def _card(c: Card, v: ArticleView, rng: random.Random, as_list: bool) -> str:
    snippet = _e(c.snippet) + _ellipsis(c, rng, v)
    if as_list:
        return (f'<li class="{_para_cls(rng)} pe pf pg" data-selectable-paragraph=""><strong class="be jt">'
                f'{_e(c.cat_name)}</strong> — <a class="af oy" href="{c.path}" rel="noopener ugc nofollow">'
                f"{_e(c.title)}</a> — {snippet}</li>")
    return (f'<p class="{_para_cls(rng)}" data-selectable-paragraph=""><strong class="be jt">{_e(c.cat_name)}'
            f"</strong></p>" + mixtape(c.title, snippet, c.path, rng))


def _discover(v: ArticleView, rng: random.Random, small: str) -> str:
    cards = v.cards()
    if not cards:
        return ""
    as_list = rng.random() < 0.4
    items = "".join(_card(c, v, rng, as_list) for c in cards)
    return (f'<{small} class="{atoms(rng, 16)}" data-selectable-paragraph="">{_e(v.ui["discover"])}</{small}>'
            + (f'<ul class="">{items}</ul>' if as_list else items))


def _story(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    new_heads = rng.random() < 0.6  # Medium's "big T"/"small T" are h1/h2 since 2021; h3/h4 before
    style = {"drop_cap": rng.random() < 0.7,
             "heads": {"h2": "h1", "h3": "h2"} if new_heads else {"h2": "h3", "h3": "h4"}}
    body = _lead(v, rng) + "".join(_block(v, it, ctx, rng, style) for it in v.items())
    small = style["heads"]["h3"]
    tail = ""
    if v.notice:
        tail += f'<p class="{_para_cls(rng)}" data-selectable-paragraph=""><em class="ql">{_e(v.notice)}</em></p>'
    parts = [_votes(v, rng, small), _share(v, ctx, rng), _discover(v, rng, small)]
    if rng.random() < 0.4:
        parts = [parts[2], parts[0], parts[1]]
    tail += "".join(parts)
    if rng.random() < 0.5:  # a section break before the notice: a new <section>
        return _section(body, rng) + _section(_separator(rng) + tail, rng)
    return _section(body + tail, rng)


def render_ab(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    words = word_count("\n\n".join(v.body_blocks()), v.lang)
    minutes = max(1, round(words / (500 if v.lang in ("ja", "zh") else 230)))  # Medium's reading speed
    head = _head(v, ctx, rng, minutes)
    badge = ""
    if rng.random() < 0.25:
        badge = (f'<div class="{atoms(rng, 4)}"><svg width="16" height="16" viewBox="0 0 64 64" fill="none">'
                 f'<path fill="#FFC017" d="m39.637 40.831-5.771 15.871"></path></svg><p class="{atoms(rng, 6)}">'
                 "Member-only story</p></div>")
    title = (f'<h1 id="{rng.getrandbits(16):04x}" class="pw-post-title {atoms(rng, 14)}" data-testid="storyTitle" '
             f'data-selectable-paragraph="">{_e(v.a.title)}</h1>')
    sub = (f'<h2 id="{rng.getrandbits(16):04x}" class="pw-subtitle-paragraph {atoms(rng, 14)}" '
           f'data-selectable-paragraph="">{_e(v.a.summary_text)}</h2>')
    top = (f'<div class="{atoms(rng, 5)}"><div class="speechify-ignore ab cp">{badge}</div>{title}{sub}'
           f"{author_block(v, rng, minutes)}{toolbar(v, rng, 'top')}</div>")
    article = (f'<article><div class="l"><div class="l"><span class="l"></span><section><div><div class="ab ca">'
               f'<div class="{atoms(rng, 8)}">{top}</div></div></div></section>{_story(v, ctx, rng)}</div></div>'
               "</article>")
    after = (f'<div class="{atoms(rng, 6)}">' + "".join(_pills(v, rng)) + toolbar(v, rng, "bottom")
             + written_by(v, rng) + responses(v, rng) + more_from(v, rng) + recommended(rng) + "</div>")
    return (head + f'<body><div id="root"><div class="a b c">{top_bars(v, rng)}<main class="{atoms(rng, 3)}">'
            f"{article}{after}</main>{footer()}</div></div>"
            '<script>window.__APOLLO_STATE__ = {"ROOT_QUERY":{"__typename":"Query"}}</script>'
            '<script src="https://cdn-client.medium.com/lite/static/js/main.c2f1b3a9.js" async></script>'
            "</body></html>\n")


def _pills(v: ArticleView, rng: random.Random) -> list[str]:
    """The topic pills: one link per tag, no label, Medium's ?source= tracking on each."""
    if not v.a.tags:
        return []
    pills = "".join(f'<div class="{atoms(rng, 3)}"><a href="/{v.lang}/tag/{s}?source=post_page-----'
                    f'{v.a.id:x}--------------------------------" rel="noopener follow"><div class="{atoms(rng, 8)}">'
                    f"{_e(t)}</div></a></div>" for t, s in v.tags)
    return [f'<div class="{atoms(rng, 4)}">{pills}</div>']
