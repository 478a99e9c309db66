"""Era Z (opt-in, held-out, written blind): the story as the first post of a Discourse-like community
forum topic, served at the article's URL, with the topic's replies below it. One of three layouts
per page: the crawler view Discourse serves to bots (``body.crawler``, schema.org microdata on every
post, no timeline), the desktop app as rendered (sidebar, post stream, timeline scroller; on half
of those a ``<noscript>`` holding the crawler view's copy of the whole topic, as Discourse ships it),
or the mobile app (no sidebar, a topic map after the first post).

Head: ``<title>title - IPGirl Community</title>``, description, ``og:type`` website, canonical and
hreflang, a Discourse ``generator``, ``html[lang]`` on ~80%; machine-dated pages (~50%) carry
``time[datetime]`` on every post (and, crawler view, ``meta[itemprop=datePublished|dateModified]``;
desktop/mobile, a DiscussionForumPosting JSON-LD whose author is the poster on half), the first
post's visible stamp then Discourse's own ("Jul '23", "3d"); the rest show the first post's date as a
localized day (~30%) or "3 days ago" (~20%). Replies always show short dates ("5h", "3d", "Nov 20",
"Jul '23"), with ``time[datetime]`` only on machine-dated pages.

Above the stream: the header (logo, Log In / Sign Up), the breadcrumbs "Home › AI" (a theme
component), the ``h1`` (a link to the topic), the summary as the topic's subtitle, the category badge
and the tag chips (no label). The first post: the avatar, the poster (the author's own account on
single-author stories ~60%: full name then ``@handle``; else the staff account "IPGirl" with an
"Editorial team" flair and the story's "By A and B" line opening the post), the date, an "edited"
marker ("✎ Updated 5 July 2023", or a ``time.modified`` behind "Post edited"); the cooked post:
``h2``/``h3`` with empty anchor links, ``p``, lists, ``blockquote``, images in lightbox wrappers whose
meta shows the caption (or the file name) and "1200×800 85.3 KB", "Read also:" an inline link, the
notice the last paragraph (``<em>`` on half). After it, inside the first post: "Share:" and links, the
"Was this article helpful?" widget, likes, Reply; the topic map (mobile, and ~50% desktop: "created",
"last reply", replies, views, users, likes as ``h4`` labels); a house ad when the story has ad slots.
Then 3-7 replies by other members (handles, short dates, likes, ``aside.quote`` quoting a sentence of
the story with "Name:", one answer from the author), "Discover more" as a topic-list table (Topic,
Replies, Views, Activity; the snippet as the topic excerpt), "Related Topics" (the forum's own
threads, off-site), footer links, "Powered by Discourse", a cookie banner. UI in English on ~25%.
"""
from __future__ import annotations

import json
import random
import zlib
from datetime import timedelta, timezone

from . import corpus
from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_no import _e
from .eras_z_text import FORUM, FORUM_HOST, FORUM_THREADS, REPLIES, THANKS, USERS, long_date, month_year, short_date
from .fmt import CATEGORIES, CATEGORY_NAMES, YES_NO, format_date, format_relative, iso_local, join_names, slugify
from .view import ArticleView, Item

CRAWLER, DESKTOP, MOBILE = 0, 1, 2
STAFF = ("IPGirl", "ipgirl", "Editorial team")


def _image_info(v: ArticleView, k: int) -> str:
    return f"1200×800 {(v.a.id * 7 + k * 13) % 400 + 40}.{k} KB"


def body_chrome(v: ArticleView) -> frozenset[str]:
    """Lines a reader sees among the body blocks that are page chrome: the lightbox's file details."""
    out = set()
    for k, im in enumerate(v.images(), start=1):
        out.add(_image_info(v, k))
        if not im.caption:
            out.add(im.src.rsplit("/", 1)[-1])
    return frozenset(out)


def _handle(name: str, i: int) -> str:
    return slugify(name).replace("-", ".") or f"member{i}"


def _avatar(uname: str, size: int = 45) -> str:
    return (f'<img alt="" width="{size}" height="{size}" src="/user_avatar/community.ipgirl.com/{uname}/{size * 2}/'
            f'{zlib.crc32(uname.encode()) % 9000 + 1000}_2.png" class="avatar" loading="lazy">')


def _lightbox(v: ArticleView, it: Item, k: int) -> str:
    im = it.image
    assert im is not None
    shown = im.caption or im.src.rsplit("/", 1)[-1]
    return (f'<div class="lightbox-wrapper"><a class="lightbox" href="{im.src}" data-download-href="{im.src}?dl=1" '
            f'title="{_e(shown)}"><img src="{im.src}" alt="{_e(im.alt)}" width="690" height="460">'
            f'<div class="meta"><svg class="fa d-icon d-icon-far-image"><use href="#far-image"></use></svg>'
            f'<span class="filename">{_e(shown)}</span><div class="informations">{_image_info(v, k)}</div>'
            '<svg class="fa d-icon d-icon-discourse-expand"><use href="#discourse-expand"></use></svg></div></a></div>')


def _cooked(v: ArticleView, ctx: Ctx, rng: random.Random, staff: bool) -> str:
    """The first post as Discourse cooks its markdown."""
    out = []
    if staff:
        names = join_names([_e(n) for n, _ in v.authors], v.byline_lang)
        by = v.ui["by"] if v.ui["by"].endswith("：") else v.ui["by"] + " "
        out.append(f"<p><em>{_e(by)}{names}</em></p>" if rng.random() < 0.5 else f"<p>{_e(by)}{names}</p>")
    k = 0
    for it in v.items():
        if it.kind == "p":
            out.append(f"<p>{_text(v, it, rng, 'Z')}</p>")
        elif it.kind in ("h2", "h3"):
            anchor = slugify(it.texts[0]) or f"h-{len(out)}"
            out.append(f'<{it.kind}><a name="{anchor}-{len(out)}" class="anchor" href="#{anchor}-{len(out)}"></a>'
                       f"{_e(it.texts[0])}</{it.kind}>")
        elif it.kind in ("ul", "ol"):
            out.append(f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>")
        elif it.kind == "quote":
            out.append(f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>")
        elif it.kind == "figure":
            k += 1
            out.append(f"<p>{_lightbox(v, it, k)}</p>")
        elif it.kind == "read_also":
            t = v.read_also
            assert t is not None
            out.append(f'<p><strong>{_e(v.ui["read_also"])}</strong> <a href="{_read_also_href(v, ctx, rng)}" '
                       f'class="inline-onebox">{_e(t.title)}</a></p>')
    if v.notice:
        out.append(f"<p><em>{_e(v.notice)}</em></p>" if rng.random() < 0.5 else f"<p>{_e(v.notice)}</p>")
    return "\n".join(out)


def _op_date(v: ArticleView, style: int) -> str:
    """The first post's stamp (and edit marker) in the page's date mode."""
    a, clock = v.a, v.site.clock
    if a.date_mode == "machine":
        text = long_date(a.published.astimezone(timezone.utc)) if style == CRAWLER else short_date(a.published, clock)
        out = (f'<time datetime="{iso_local(a.published)}" class="post-time" title="{long_date(a.published)}">'
               f"{text}</time>")
        if style == CRAWLER:
            out += f'<meta itemprop="datePublished" content="{iso_local(a.published)}">'
            if a.modified:
                out += f'<meta itemprop="dateModified" content="{iso_local(a.modified)}">'
        elif a.modified:
            out += (f'<div class="post-info edits"><a class="has-edit-history" title="{FORUM["edited"]}"><svg></svg>'
                    f'<time class="modified" datetime="{iso_local(a.modified)}">{short_date(a.modified, clock)}</time></a></div>')
        return out
    shown = format_relative(a.rel_days, v.byline_lang) if a.date_mode == "relative" else format_date(a.published, v.byline_lang)
    out = f'<span class="relative-date post-date">{_e(shown)}</span>'
    if a.modified:
        out += (f'<div class="post-info edits"><span class="has-edit-history" title="{FORUM["edited"]}">✎ '
                f'{_e(v.ui["updated"])} {_e(format_date(a.modified, v.byline_lang))}</span></div>')
    return out


def _reply_date(v: ArticleView, style: int, when) -> str:
    clock = v.site.clock
    if v.a.date_mode == "machine":
        meta = f'<meta itemprop="datePublished" content="{iso_local(when)}">' if style == CRAWLER else ""
        text = long_date(when.astimezone(timezone.utc)) if style == CRAWLER else short_date(when, clock)
        return f'<time datetime="{iso_local(when)}" class="post-time">{text}</time>{meta}'
    return f'<span class="relative-date" title="{long_date(when)}">{short_date(when, clock)}</span>'


def _post(style: int, n: int, who: tuple[str, str, str], date_html: str, cooked: str, likes: int, after: str = "",
          reply_to: str = "") -> str:
    name, uname, flair = who
    likes_html = f"{likes} Like{'s' if likes > 1 else ''}" if likes else ""
    flair_html = f'<span class="user-title">{_e(flair)}</span>' if flair else ""
    prop = "" if n == 1 else ' itemprop="comment" itemscope itemtype="http://schema.org/Comment"'
    if style == CRAWLER:
        return (f'<div id="post_{n}" class="topic-body crawler-post"{prop}><div class="crawler-post-meta">'
                f'<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
                f'<a itemprop="url" href="/u/{uname}"><span itemprop="name">{_e(name)}</span></a> {flair_html}</span>\n'
                f'<span class="crawler-post-infos">\n{date_html}\n<span itemprop="position">#{n}</span></span></div>'
                f'<div class="post" itemprop="text">\n{cooked}\n</div>{after}<div itemprop="interactionStatistic" '
                f'itemscope itemtype="http://schema.org/InteractionCounter"><meta itemprop="userInteractionCount" '
                f'content="{likes}"><span class="post-likes">{likes_html}</span></div></div>\n')
    second = f'<span class="second username"><a href="/u/{uname}">{uname}</a></span>' if name != uname else ""
    reply_tab = f'<a class="reply-to-tab" href="#post_1">↩ {_e(reply_to)}</a>' if reply_to else ""
    like_count = f'<button class="button-count like-count">{likes}</button>' if likes else ""
    return (f'<article id="post_{n}" class="boxed onscreen-post" data-post-id="{9000 + n}" aria-label="post #{n} by @{uname}"'
            f'{prop}><div class="row"><div class="topic-avatar"><a class="trigger-user-card" href="/u/{uname}">'
            f'{_avatar(uname)}</a></div><div class="topic-body clearfix"><div '
            f'class="topic-meta-data"><div class="names trigger-user-card"><span class="first full-name"><a href="/u/{uname}">'
            f'{_e(name)}</a></span> {second} {flair_html}</div><div class="post-infos">{reply_tab}<div class="post-info post-date">'
            f'<a class="post-date" href="#post_{n}">{date_html}</a></div></div></div>'
            f'<div class="regular contents"><div class="cooked">\n{cooked}\n</div>{after}<section class="post-menu-area clearfix">'
            f'<nav class="post-controls"><div class="actions">{like_count}<button class="toggle-like" title="like this post">'
            f'<svg></svg></button><button class="share" title="share a link to this post"><svg></svg></button>'
            f'<button class="reply create" title="begin composing a reply to this post"><svg></svg>'
            f'<span class="d-button-label">{FORUM["reply"]}</span></button></div></nav></section></div></div></div></article>\n')


def _after_op(v: ArticleView, ctx: Ctx, rng: random.Random, style: int, n_replies: int, last) -> str:
    """Inside the first post, below the cooked text: share links, votes, the topic map."""
    url = ctx.base + v.a.path
    out = [f'<div class="social-share"><span class="label">{_e(v.ui["share"])}</span> '
           f'<a href="https://twitter.com/intent/tweet?url={url}" class="share-twitter">X</a> '
           f'<a href="https://www.facebook.com/sharer.php?u={url}" class="share-facebook">Facebook</a> '
           f'<a href="mailto:?to=&amp;body={url}" class="share-email">Email</a></div>']
    if v.a.votes is not None:
        yes, no = YES_NO[v.a.ui_lang]
        out.append(f'<div class="topic-helpful"><div class="topic-helpful__q">{_e(v.ui["helpful_q"])}</div>'
                   f'<button class="btn">{yes}</button><button class="btn">{no}</button>'
                   f'<div class="topic-helpful__count">{_vote_line(v, rng)}</div></div>')
    if style == MOBILE or (style == DESKTOP and rng.random() < 0.5):
        clock = v.site.clock
        stats = "".join(f'<li><span class="number">{num}</span><h4>{label}</h4></li>' for num, label in (
            (n_replies, FORUM["replies"].lower()), (f"{rng.randint(2, 40) / 10:.1f}k", FORUM["views"].lower()),
            (min(n_replies + 1, 6), FORUM["users"]), (rng.randint(3, 60), FORUM["likes"])))
        out.append(f'<section class="topic-map"><ul class="clearfix"><li><h4>{FORUM["created"]}</h4><div class="topic-map-post">'
                   f'{_avatar("ipgirl", 20)}<span class="relative-date">{short_date(v.a.published, clock)}</span></div></li>'
                   f'<li><h4>{FORUM["last_reply"]}</h4><div class="topic-map-post">{_avatar(USERS[0], 20)}'
                   f'<span class="relative-date">{short_date(last, clock)}</span></div></li>{stats}</ul></section>')
    return "\n".join(out)


def _replies(v: ArticleView, rng: random.Random, style: int, op: tuple[str, str, str]) -> tuple[list[str], object]:
    """3-7 replies by other members (one the author's), dated after the story, before the clock."""
    clock, lang = v.site.clock, v.lang
    texts, sentences = REPLIES[lang], [t for it in v.items() if it.kind == "p" for t in it.texts]
    when, out = v.a.published, []
    n = rng.randint(3, 7)
    for i in range(n):
        when = min(when + timedelta(hours=rng.randint(1, 120), minutes=rng.randint(0, 59)),
                   clock - timedelta(minutes=30 + 10 * (n - i)))
        if i == n - 1 and op[0] != STAFF[0] and rng.random() < 0.6:
            who, body = op, f"<p>{_e(THANKS[lang])}</p>"
        else:
            uname = USERS[(v.a.id + i * 3) % len(USERS)]
            who, body = (uname, uname, ""), f"<p>{_e(rng.choice(texts))}</p>"
            if sentences and rng.random() < 0.45:  # quoting the story
                body = (f'<aside class="quote no-group" data-username="{op[1]}" data-post="1"><div class="title">'
                        f'<div class="quote-controls"></div>{_avatar(op[1], 24)} {_e(op[0])}:</div><blockquote><p>'
                        f"{_e(rng.choice(sentences))}</p></blockquote></aside>\n" + body)
        out.append(_post(style, i + 2, who, _reply_date(v, style, when), body, rng.randint(0, 9),
                         reply_to=op[1] if rng.random() < 0.3 else ""))
    return out, when


def _discover(v: ArticleView, rng: random.Random) -> str:
    cards = v.cards()
    if not cards:
        return ""
    rows = "".join(
        f'<tr class="topic-list-item"><td class="main-link"><span class="link-top-line"><a href="{c.path}" '
        f'class="title raw-link raw-topic-link">{_e(c.title)}</a></span><div class="link-bottom-line">'
        f'<a class="badge-category__wrapper" href="/{v.lang}/category/{c.cat_slug}/"><span class="badge-category__name">'
        f'{_e(c.cat_name)}</span></a></div><div class="topic-excerpt">{_e(c.snippet)}{_ellipsis(c, rng, v)}</div></td>'
        f'<td class="num posts">{rng.randint(0, 30)}</td><td class="num views">{rng.randint(1, 90) / 10:.1f}k</td>'
        f'<td class="num activity"><span class="relative-date">{rng.randint(1, 29)}d</span></td></tr>' for c in cards)
    return (f'<div class="suggested-topics"><h3 class="suggested-topics-title">'
            f'{_e(v.ui["discover"])}</h3><table class="topic-list"><thead><tr><th>{FORUM["topic"]}</th>'
            f'<th>{FORUM["replies"]}</th><th>{FORUM["views"]}</th><th>{FORUM["activity"]}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>\n")


def _forum_threads(rng: random.Random) -> str:
    picks = rng.sample(FORUM_THREADS, 3)
    rows = "".join(f'<tr class="topic-list-item"><td class="main-link"><a href="{FORUM_HOST}/t/{slugify(t)}/{10 + k}" '
                   f'class="title raw-topic-link">{_e(t)}</a> <span class="badge-category__name">{_e(c)}</span></td>'
                   f'<td class="num posts">{rng.randint(1, 80)}</td></tr>' for k, (t, c) in enumerate(picks))
    return (f'<div class="related-topics"><h3>{FORUM["related"]}</h3><table class="topic-list"><tbody>{rows}'
            "</tbody></table></div>\n")


def _title_block(v: ArticleView) -> str:
    a = v.a
    tags = ", ".join(f'<a href="/{v.lang}/tag/{s}/" class="discourse-tag simple" data-tag-name="{s}">{_e(t)}</a>'
                     for t, s in v.tags)
    return (f'<nav class="breadcrumb-links" aria-label="Breadcrumb"><a href="/{a.lang}/">{_e(v.ui["home"])}</a> › '
            f'<a href="/{a.lang}/category/{a.category}/">{_e(v.category_name)}</a></nav>\n'
            f'<div id="topic-title"><h1 data-topic-id="{a.id}"><a href="{a.path}" class="fancy-title">{_e(a.title)}</a></h1>\n'
            f'<p class="topic-subtitle">{_e(a.summary_text)}</p>\n<div class="topic-category">'
            f'<a class="badge-category__wrapper" href="/{a.lang}/category/{a.category}/"><span class="badge-category" '
            f'style="--category-badge-color:#0088CC"><span class="badge-category__name">{_e(v.category_name)}</span></span></a>'
            f' <div class="list-tags discourse-tags">{tags}</div></div></div>\n')


def _topic(v: ArticleView, ctx: Ctx, rng: random.Random, style: int, staff: bool) -> str:
    """Title block, the first post, the replies, the topic lists: the main outlet's content."""
    name = v.authors[0][0]
    op = STAFF if staff else (name, _handle(name, v.a.authors[0]), "")
    replies, last = _replies(v, rng, style, op)
    ad = ('<div class="house-creative above-post-stream"><span class="ad-label">Advertisement</span> <a href="https://ads.'
          'example.net/click?c=7" rel="nofollow">Get GPU cloud credits for your next project</a></div>\n'
          if any(it.kind == "ad" for it in v.items()) else "")
    op_html = _post(style, 1, op, _op_date(v, style), _cooked(v, ctx, rng, staff), rng.randint(2, 40),
                    _after_op(v, ctx, rng, style, len(replies), last))
    stream = f'<div class="post-stream">\n{op_html}{ad}{"".join(replies)}</div>\n'
    if style == DESKTOP:
        timeline = (f'<div class="topic-navigation"><div class="timeline-container"><div class="topic-timeline">'
                    f'<div class="timeline-date-wrapper"><a class="start-date">{month_year(v.a.published)}</a></div>'
                    f'<div class="timeline-scrollarea"><div class="timeline-handle"></div><div class="timeline-replies">'
                    f'1 / {len(replies) + 1}</div><div class="timeline-ago">{month_year(v.a.published)}</div></div>'
                    f'<div class="timeline-date-wrapper"><a class="now-date">{short_date(last, v.site.clock)}</a></div>'
                    f'<button class="btn create">{FORUM["reply"]}</button></div></div></div>\n')
        stream = timeline + stream if rng.random() < 0.5 else stream + timeline
    if style == CRAWLER:
        stream = (f'<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><meta itemprop="headline" '
                  f'content="{_e(v.a.title)}"><meta itemprop="articleSection" content="{_e(v.category_name)}">\n'
                  f"{stream}</div>\n")
    more = f'<div class="more-topics__container">{_discover(v, rng)}{_forum_threads(rng)}</div>\n'
    return _title_block(v) + stream + more


def _sidebar(v: ArticleView, rng: random.Random) -> str:
    cats = "".join(f'<li><a class="sidebar-section-link" href="/{v.lang}/category/{c}/">{_e(CATEGORY_NAMES[c][v.lang])}</a></li>'
                   for c in CATEGORIES)
    tags = "".join(f'<li><a class="sidebar-section-link" href="/{v.lang}/tag/{slugify(t) or "tag"}/">{_e(t)}</a></li>'
                   for t in rng.sample(corpus.TAGS[v.lang], 4))
    return ('<div class="sidebar-wrapper"><section class="sidebar-sections"><div class="sidebar-section" data-section-name='
            '"community"><h2 class="sidebar-section-header">Community</h2><ul><li><a href="#">Topics</a></li><li><a href="#">'
            'My Posts</a></li><li><a href="#">More</a></li></ul></div><div class="sidebar-section" data-section-name="categories">'
            f'<h2 class="sidebar-section-header">Categories</h2><ul>{cats}</ul></div><div class="sidebar-section" '
            f'data-section-name="tags"><h2 class="sidebar-section-header">Tags</h2><ul>{tags}</ul></div></section></div>\n')


def _head(v: ArticleView, ctx: Ctx, rng: random.Random, style: int, staff: bool) -> str:
    a = v.a
    lang = f' lang="{a.lang}"' if rng.random() < 0.8 else ""
    ld = ""
    if a.date_mode == "machine" and style != CRAWLER and rng.random() < 0.5:
        poster = STAFF[0] if staff else v.authors[0][0]
        data = {"@context": "http://schema.org", "@type": "DiscussionForumPosting", "headline": a.title,
                "datePublished": iso_local(a.published), "author": {"@type": "Person", "name": poster},
                "articleSection": v.category_name}
        if a.modified:
            data["dateModified"] = iso_local(a.modified)
        ld = f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'
    view = ' class="mobile-view"' if style == MOBILE else ' class="desktop-view"' if style == DESKTOP else ""
    return (f"<!DOCTYPE html>\n<html{lang}{view}>\n<head>\n<meta charset=\"utf-8\">\n<title>{_e(a.title)} - IPGirl Community"
            f'</title>\n<meta name="description" content="{_e(a.summary_text)}">\n<meta name="generator" content="Discourse '
            f'3.2.0 - https://github.com/discourse/discourse version 3.2.0">\n<meta property="og:site_name" content="IPGirl '
            f'Community">\n<meta property="og:type" content="website">\n<meta property="og:title" content="{_e(a.title)}">\n'
            f"{_links_head(v, ctx)}\n{ld}"
            '<link href="/stylesheets/desktop_theme_4.css" rel="stylesheet" data-target="desktop_theme">\n</head>\n')


def _page_header(v: ArticleView, style: int) -> str:
    buttons = "" if style == CRAWLER else (f'<div class="panel"><button class="btn sign-up-button">{FORUM["signup"]}</button>'
                                           f'<button class="btn login-button">{FORUM["login"]}</button>'
                                           '<button class="search-dropdown" title="Search"><svg></svg></button></div>')
    return (f'<header class="d-header"><div class="wrap"><div class="contents"><div class="title"><a href="/{v.lang}/">'
            f'<img src="/uploads/default/original/1X/logo.png" alt="IPGirl Community" id="site-logo"></a></div>{buttons}'
            "</div></div></header>\n")


def _footer(v: ArticleView) -> str:
    return (f'<footer class="noscript-footer-nav"><a href="/{v.lang}/">Home</a> <a href="/{v.lang}/about">About</a> '
            f'<a href="/{v.lang}/privacy">Privacy Policy</a></footer>\n<div class="powered-by"><p>{FORUM["powered"]}</p></div>\n'
            '<div class="cookie-consent" role="dialog">This forum uses cookies to keep you logged in and to improve your '
            'experience. <button class="btn-primary">Accept</button></div>\n')


def render_z(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    style = rng.choice((CRAWLER, DESKTOP, DESKTOP, MOBILE))
    staff = len(v.authors) > 1 or rng.random() < 0.4  # several authors: the staff account posts the story
    head = _head(v, ctx, rng, style, staff)
    main = _topic(v, ctx, rng, style, staff)
    if style == CRAWLER:
        return (head + f'<body class="crawler">\n{_page_header(v, style)}<div id="main-outlet" class="wrap" role="main">\n'
                f"{main}</div>\n{_footer(v)}</body>\n</html>\n")
    noscript = ""
    if style == DESKTOP and rng.random() < 0.5:  # Discourse ships the crawler view for browsers without JavaScript
        noscript = f'<noscript data-path="{v.a.path}">\n<div id="main-outlet" class="wrap">\n{_topic(v, ctx, rng, CRAWLER, staff)}</div></noscript>\n'
    preloaded = _e(json.dumps({"topic": {"id": v.a.id, "title": v.a.title, "excerpt": v.a.summary_text[:80]}},
                              ensure_ascii=False))
    sidebar = _sidebar(v, rng) if style == DESKTOP else ""
    return (head + f'<body class="archetype-regular category-{v.a.category} docked">\n{noscript}<section id="main" '
            f'class="ember-application">\n<div class="d-header-wrap">{_page_header(v, style)}</div>\n<div id="main-outlet-wrapper" '
            f'class="wrap" role="main">{sidebar}<div id="main-outlet">\n{main}</div></div>\n</section>\n'
            f'<div class="hidden" id="data-preloaded" data-preloaded="{preloaded}"></div>\n{_footer(v)}</body>\n</html>\n')
