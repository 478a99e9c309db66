"""Era AA (opt-in, held-out, written blind): the story as a classic Blogger / Blogspot post page (the
2008-2014 "Simple" layout as blogspot.com renders it), served at the article's own URL.

Head: ``<html class="v2" dir="ltr" xmlns:b xmlns:data xmlns:expr>`` (``lang`` on ~60%), ``generator``
blogger, ``<title>IPGirl: title</title>``, the Atom/RSS/comment feed ``link[rel=alternate]``s and
``service.post``, canonical and hreflang (added in the template's head by the blog owner), the search
description as ``meta[name=description]``, og metas; ``article:published_time`` on ~30% of the
machine-dated pages (an SEO snippet pasted in the template); the skin's ``<style id="page-skin-1">``
inside an HTML comment. No JSON-LD, no ``<time>``, no ``meta[name=author]``.

Body: the Blogger navbar iframe; the header widget (blog title in ``h1.title`` on the ~50% classic
pages; on the "SEO-tweaked" others the blog title is a ``div.title`` and the post title is the h1);
a PageList tab bar (Home and the five categories); an AdSense leaderboard (``ins.adsbygoogle``, no
text); the site's breadcrumbs "Home » AI" above the posts. Then ``div.blog-posts.hfeed`` >
``div.date-outer``: ``h2.date-header`` showing the long localized day ("Tuesday, July 4, 2023",
"mardi 4 juillet 2023", "2023年7月4日火曜日") ABOVE ``div.post.hentry`` (BlogPosting microdata) with the
title (``h3.post-title.entry-title`` or ``h1``). The summary is, on ~35% of pages, a
``div.post-description`` under the title followed by the author line moved into the post header
("Posted by A at 10:15 AM"); on the others it is the post body's first line in bold and the author
line stays in the post footer AFTER the body (Blogger's default).

``div.post-body.entry-content``: ~70% written with the old compose editor (``<div dir="ltr"
trbidi="on">``, paragraphs as text separated by ``<br /><br />`` or as ``<div>``s with ``<div><br
/></div>`` spacers, ``&nbsp;`` after full stops on some, ``h2``/``h3`` or a bold line for minor headings,
``blockquote.tr_bq``), ~30% with the newer one (``<p>``); the jump break ``<a name="more">`` after the
first block on ~50%. Images ``div.separator > a > img`` or, with a
caption, ``table.tr-caption-container`` (``td.tr-caption``); "Read also:" a bold label and a link; ads
an in-article AdSense ``ins`` (no text); the notice the last line in italics. The related-posts gadget
("Discover more": category, title link, snippet with "..."/"…", thumbnails on some) right after the
body on ~40% (LinkWithin-style, inside the post) else after the post footer.

Post footer: "Posted by <profile links> at <a.timestamp-link><abbr class="published" title=ISO>10:15
AM</abbr></a>" (no ``abbr`` on visible-dated pages, the day only in the date header); "Updated"
day (``abbr.updated`` when machine-dated) on modified pages; the share buttons ("Email This",
"BlogThis!", "Share to X/Facebook/Pinterest") after the site's "Share:"; "Tags:" (the gadget's editable
"Labels:" text) with ``rel=tag`` links; "Reactions:" (an iframe, ~50%); the site's votes box (question,
two buttons, count line). Then "N comments:" with the comment thread (old ``dl#comments-block`` or the
threaded ``div.comment-thread``; commenters, comment texts, "July 5, 2023 at 9:12 AM"), "Post a
Comment"; the pager "Newer Post  Older Post  Home"; "Subscribe to: Post Comments (Atom)". The sidebar
after the main column: About Me (~60%, the blog account) or Contributors (~40%, the post's authors among
others), Popular Posts (titles and snippets of other posts), Labels cloud with counts, Blog Archive tree
(years and months with counts, the current month's titles, the page's own included), Followers; an
attribution "Simple theme. Powered by Blogger."; the widget manager script with the post's title.
Chrome in the blog's language (English on ~25%).
"""
from __future__ import annotations

import random

from .eras import Ctx, _ellipsis, _links_head, _read_also_href, _text, _vote_line
from .eras_aa_side import blog_bottom, blog_top, clock, profile_url
from .eras_aa_text import BLOGGER, WEEKDAYS
from .eras_no import _e
from .fmt import POSTED_BY, YES_NO, format_date, iso_local, join_names
from .view import ArticleView, Item

BLOG_ID = "7613402155148"


def long_day(v: ArticleView) -> str:
    """The date header's text: weekday and the day in the blog's language."""
    days, pattern = WEEKDAYS[v.byline_lang]
    return pattern.format(day=days[v.a.published.weekday()], date=format_date(v.a.published, v.byline_lang))


def _aa_head(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    lang = f' lang="{a.lang}"' if rng.random() < 0.6 else ""
    meta = ""
    if a.date_mode == "machine" and rng.random() < 0.3:
        meta = f'<meta property="article:published_time" content="{iso_local(a.published)}">\n'
    return ('<!DOCTYPE html>\n<html class="v2" dir="ltr" xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:b="http://www.google.com/2005/gml/b" xmlns:data="http://www.google.com/2005/gml/data" '
            f'xmlns:expr="http://www.google.com/2005/gml/expr"{lang}>\n<head>\n'
            '<meta content="width=1100" name="viewport">\n'
            '<meta content="text/html; charset=UTF-8" http-equiv="Content-Type">\n'
            '<meta content="blogger" name="generator">\n'
            '<link href="https://www.blogger.com/favicon.ico" rel="icon" type="image/x-icon">\n'
            f"{_links_head(v, ctx)}\n"
            f'<meta content="{_e(a.summary_text)}" name="description">\n'
            '<link rel="alternate" type="application/atom+xml" title="IPGirl - Atom" href="/feeds/posts/default">\n'
            '<link rel="alternate" type="application/rss+xml" title="IPGirl - RSS" href="/feeds/posts/default?alt=rss">\n'
            f'<link rel="service.post" type="application/atom+xml" title="IPGirl - Atom" '
            f'href="https://www.blogger.com/feeds/{BLOG_ID}/posts/default">\n'
            f'<link rel="alternate" type="application/atom+xml" title="IPGirl - Atom" href="/feeds/{a.id}/comments/default">\n'
            f'<meta content="{ctx.base}{a.path}" property="og:url">\n<meta content="{_e(a.title)}" property="og:title">\n'
            f'<meta content="{_e(a.summary_text)}" property="og:description">\n{meta}'
            f"<title>IPGirl: {_e(a.title)}</title>\n"
            '<style id="page-skin-1" type="text/css"><!--\n/* -----------------------------------------------\n'
            "Blogger Template Style\nName:     Simple\nDesigner: Blogger\nURL:      www.blogger.com\n"
            "----------------------------------------------- */\nbody{font:normal normal 12px Arial,Tahoma,"
            "Helvetica,FreeSans,sans-serif;color:#222222;background:#66bbdd none repeat scroll top left;}\n"
            ".date-header span{background-color:transparent;color:#222222;letter-spacing:normal;}\n"
            ".post-share-buttons .share-button-link-text{display:none;}\n--></style>\n"
            '<link type="text/css" rel="stylesheet" href="https://www.blogger.com/static/v1/widgets/2975350028-widget_css_bundle.css">\n'
            "</head>\n")


def _names(v: ArticleView) -> str:
    links = [f'<span class="fn" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person">'
             f'<a class="g-profile" href="{profile_url(s)}" rel="author" title="author profile">'
             f'<span itemprop="name">{_e(n)}</span></a></span>' for n, s in v.authors]
    return join_names(links, v.byline_lang)


def _timestamp(v: ArticleView, ctx: Ctx) -> str:
    a, b = v.a, BLOGGER[v.byline_lang]
    shown = _e(clock(a.published, v.byline_lang))
    inner = (f'<abbr class="published" itemprop="datePublished" title="{iso_local(a.published)}">{shown}</abbr>'
             if a.date_mode == "machine" else shown)
    at = f"{_e(b['at'])} " if b["at"] else ""
    return (f'<span class="post-timestamp">{at}<meta content="{ctx.base}{a.path}" itemprop="url">'
            f'<a class="timestamp-link" href="{a.path}" rel="bookmark" title="permanent link">{inner}</a></span>')


def _updated(v: ArticleView) -> str:
    a = v.a
    if not a.modified:
        return ""
    day = _e(format_date(a.modified, v.byline_lang))
    shown = (f'<abbr class="updated" itemprop="dateModified" title="{iso_local(a.modified)}">{day}</abbr>'
             if a.date_mode == "machine" else day)
    return f' <span class="post-updated">· {_e(v.ui["updated"])} {shown}</span>'


def _author_line(v: ArticleView, ctx: Ctx) -> str:
    label = POSTED_BY[v.byline_lang]
    space = "" if label.endswith(("：", ":")) else " "
    return (f'<span class="post-author vcard">{_e(label)}{space}{_names(v)}</span> {_timestamp(v, ctx)}'
            f"{_updated(v)}")


def _figure(v: ArticleView, it: Item) -> str:
    im = it.image
    assert im is not None
    img = (f'<a href="{im.src}" imageanchor="1" style="margin-left: auto; margin-right: auto;"><img alt="{_e(im.alt)}" '
           f'border="0" data-original-height="900" data-original-width="1600" height="180" src="{im.src}" '
           'width="320" /></a>')
    if not im.caption:
        return f'<div class="separator" style="clear: both; text-align: center;">{img}</div>'
    return ('<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" style="margin-left: auto; '
            f'margin-right: auto;"><tbody><tr><td style="text-align: center;">{img}</td></tr><tr><td class="tr-caption" '
            f'style="text-align: center;">{_e(im.caption)}</td></tr></tbody></table>')


_IN_ARTICLE_AD = ('<ins class="adsbygoogle" style="display:block; text-align:center;" data-ad-layout="in-article" '
                  'data-ad-format="fluid" data-ad-client="ca-pub-3940256099942544" data-ad-slot="6173"></ins>'
                  "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>")


def _read_also(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    label = f"<b>{_e(v.ui['read_also'])}</b>"
    if rng.random() < 0.5:
        label = f'<span style="color: #cc0000;">{label}</span>'
    return f'{label} <a href="{_read_also_href(v, ctx, rng)}">{_e(v.read_also.title)}</a>'  # type: ignore[union-attr]


def _old_block(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random, style: dict) -> str:
    """One block as Blogger's old compose editor writes it: text lines split by <br>, or <div>s."""
    def line(html: str) -> str:
        return f"<div>{html}</div>\n<div><br /></div>\n" if style["divs"] else f"{html}<br />\n<br />\n"
    if it.kind == "p":
        html = _text(v, it, rng, "AA")
        return line(html.replace(". ", ".&nbsp; ") if style["nbsp"] else html)
    if it.kind == "h2":
        return f'<h2 style="text-align: left;">{_e(it.texts[0])}</h2>\n'
    if it.kind == "h3":
        return (f"<b>{_e(it.texts[0])}</b><br />\n" if style["bold_h3"] and not style["divs"]
                else f'<h3 style="text-align: left;">{_e(it.texts[0])}</h3>\n')
    if it.kind in ("ul", "ol"):
        return (f'<{it.kind} style="text-align: left;">' + "".join(f"<li>{_e(t)}</li>" for t in it.texts)
                + f"</{it.kind}>\n")
    if it.kind == "quote":
        return f'<blockquote class="tr_bq">{_e(it.texts[0])}</blockquote>\n'
    if it.kind == "figure":
        return _figure(v, it) + "\n"
    if it.kind == "read_also":
        return line(_read_also(v, ctx, rng))
    return _IN_ARTICLE_AD + "\n"


def _new_block(v: ArticleView, it: Item, ctx: Ctx, rng: random.Random) -> str:
    """One block as the newer editor writes it (<p>, <h3>)."""
    if it.kind == "p":
        return f"<p>{_text(v, it, rng, 'AA')}</p>\n"
    if it.kind in ("h2", "h3"):
        return f'<{it.kind} style="text-align: left;">{_e(it.texts[0])}</{it.kind}>\n'
    if it.kind in ("ul", "ol", "quote", "figure", "ad"):
        return _old_block(v, it, ctx, rng, {"divs": False, "nbsp": False, "bold_h3": False})
    return f"<p>{_read_also(v, ctx, rng)}</p>\n"


def _post_body(v: ArticleView, ctx: Ctx, rng: random.Random, lead: bool) -> str:
    """The post body: [the summary as a bold lead,] the story's blocks, the notice in italics."""
    new_editor = rng.random() < 0.3
    style = {"divs": rng.random() < 0.4, "nbsp": v.lang not in ("ja", "zh") and rng.random() < 0.3,
             "bold_h3": rng.random() < 0.5}
    out = []
    if lead:
        summary = _e(v.a.summary_text)
        out.append(f"<p><b>{summary}</b></p>\n" if new_editor else
                   f"<div><b>{summary}</b></div>\n<div><br /></div>\n" if style["divs"] else f"<b>{summary}</b><br />\n<br />\n")
    jump = rng.random() < 0.5  # the "Insert jump break" mark after the first block (the home page's cut)
    for k, it in enumerate(v.items()):
        out.append(_new_block(v, it, ctx, rng) if new_editor else _old_block(v, it, ctx, rng, style))
        if jump and k == 0:
            out.append('<a name="more"></a>\n')
    if v.notice:
        notice = f'<i><span style="color: #666666;">{_e(v.notice)}</span></i>'
        out.append(f"<p>{notice}</p>\n" if new_editor else f"<div>{notice}</div>\n")
    inner = "".join(out)
    if not new_editor:
        inner = f'<div dir="ltr" style="text-align: left;" trbidi="on">\n{inner}</div>\n'
    return (f'<div class="post-body entry-content" id="post-body-{v.a.id}" itemprop="description articleBody">\n'
            f'{inner}<div style="clear: both;"></div>\n</div>\n')


def _share(v: ArticleView, ctx: Ctx) -> str:
    b, url = BLOGGER[v.a.ui_lang], ctx.base + v.a.path
    share = f"https://www.blogger.com/share-post.g?blogID={BLOG_ID}&amp;postID={v.a.id}&amp;target="
    buttons = [("sb-email", share + "email", b["email"]), ("sb-blog", share + "blog", b["blogthis"]),
               ("sb-twitter", share + "twitter", b["share_to"].format(x="X")),
               ("sb-facebook", share + "facebook", b["share_to"].format(x="Facebook")),
               ("sb-pinterest", share + "pinterest", b["share_to"].format(x="Pinterest"))]
    links = "\n".join(f'<a class="goog-inline-block share-button {cls}" href="{href}" target="_blank" title="{_e(t)}">'
                    f'<span class="share-button-link-text">{_e(t)}</span></a>' for cls, href, t in buttons)
    return (f'<div class="post-share-buttons goog-inline-block"><span class="share-label">{_e(v.ui["share"])}</span> '
            f'{links}<meta content="{url}" itemprop="url"></div>')


def _votes(v: ArticleView, rng: random.Random) -> str:
    if v.a.votes is None:
        return ""
    yes, no = YES_NO[v.a.ui_lang]
    return (f'<div class="ipgirl-feedback" style="margin:1em 0;"><p><b>{_e(v.ui["helpful_q"])}</b></p>'
            f'<button onclick="ipgVote({v.a.id},1)" type="button">{_e(yes)}</button> '
            f'<button onclick="ipgVote({v.a.id},0)" type="button">{_e(no)}</button>'
            f'<div class="ipgirl-feedback-count" style="color:#888;font-size:90%;">{_vote_line(v, rng)}</div></div>')


def _post_footer(v: ArticleView, ctx: Ctx, rng: random.Random, author_in_header: bool) -> str:
    b = BLOGGER[v.a.ui_lang]
    line1 = "" if author_in_header else _author_line(v, ctx)
    labels = ""
    if v.a.tags:
        links = ", ".join(f'<a href="/{v.lang}/tag/{s}/" rel="tag">{_e(t)}</a>' for t, s in v.tags)
        labels = f'<span class="post-labels">{_e(v.ui["tags"])} {links}</span>'
    reactions = ""
    if rng.random() < 0.5:
        reactions = (f'<span class="reaction-buttons"><table border="0" cellpadding="0" cellspacing="0" width="100%"><tr>'
                     f'<td class="reactions-label-cell" nowrap="nowrap" valign="top" width="1%">'
                     f'<span class="reactions-label">{_e(b["reactions"])}</span>&nbsp;</td><td><iframe '
                     'allowtransparency="true" class="reactions-iframe" frameborder="0" name="reactions" scrolling="no" '
                     f'src="https://www.blogger.com/blog-post-reactions.g?options=%5B{_e(b["reaction_words"])}%5D&amp;'
                     f'postID={v.a.id}&amp;blogID={BLOG_ID}"></iframe></td></tr></table></span>')
    return (f'<div class="post-footer">\n<div class="post-footer-line post-footer-line-1">{line1} '
            f'<span class="post-icons"><span class="item-control blog-admin pid-1"><a href="https://www.blogger.com/'
            f'post-edit.g?blogID={BLOG_ID}&amp;postID={v.a.id}" title="Edit Post"><img alt="" class="icon-action" '
            'height="18" src="https://resources.blogblog.com/img/icon18_edit_allbkg.gif" width="18"></a></span></span>'
            f"{_share(v, ctx)}</div>\n<div class=\"post-footer-line post-footer-line-2\">{labels}</div>\n"
            f'<div class="post-footer-line post-footer-line-3">{reactions}</div>\n{_votes(v, rng)}</div>\n')


def related_gadget(v: ArticleView, rng: random.Random) -> str:
    """A related-posts gadget (LinkWithin-like): heading, then per card category, title link, snippet."""
    cards = v.cards()
    if not cards:
        return ""
    thumbs = rng.random() < 0.5
    items = []
    for c in cards:
        href = c.path + ("#linkwithin" if rng.random() < 0.2 else "")
        thumb = (f'<a href="{href}"><img alt="" src="/media/thumbs/{c.path.rsplit("/", 1)[-1][:12]}.jpg" '
                 'width="100" height="100" /></a><br />' if thumbs else "")
        items.append(f'<li class="rp-item">{thumb}<a class="rp-label" href="/{v.lang}/category/{c.cat_slug}/">'
                     f'{_e(c.cat_name)}</a><br /><a class="rp-title" href="{href}"><b>{_e(c.title)}</b></a><br />'
                     f'<span class="rp-snippet">{_e(c.snippet)}{_ellipsis(c, rng, v)}</span></li>')
    return (f'<div class="related-posts" id="related-posts"><h4 class="rp-heading">{_e(v.ui["discover"])}</h4>'
            f'<ul class="rp-list">{"".join(items)}</ul><div style="clear:both;"></div></div>\n')


def _post(v: ArticleView, ctx: Ctx, rng: random.Random, seo: bool) -> tuple[str, str]:
    """(div.post, the related gadget when it sits after the post footer)."""
    a = v.a
    author_in_header = rng.random() < 0.35
    related_inside = rng.random() < 0.4
    tag = "h1" if seo else "h3"
    header = ""
    if author_in_header:
        header = (f'<div class="post-description" style="font-style:italic;">{_e(a.summary_text)}</div>\n'
                  f'<div class="post-header"><div class="post-header-line-1">{_author_line(v, ctx)}</div></div>\n')
    else:
        header = '<div class="post-header"><div class="post-header-line-1"></div></div>\n'
    related = related_gadget(v, rng)
    post = (f'<div class="post hentry uncustomized-post-template" itemprop="blogPost" itemscope="itemscope" '
            'itemtype="http://schema.org/BlogPosting">\n'
            f'<meta content="{BLOG_ID}" itemprop="blogId"><meta content="{a.id}" itemprop="postId">\n<a name="{a.id}"></a>\n'
            f'<{tag} class="post-title entry-title" itemprop="name">\n{_e(a.title)}\n</{tag}>\n{header}'
            f"{_post_body(v, ctx, rng, lead=not author_in_header)}{related if related_inside else ''}"
            f"{_post_footer(v, ctx, rng, author_in_header)}</div>\n")
    return post, ("" if related_inside else related)


def render_aa(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    seo = rng.random() < 0.5
    head = _aa_head(v, ctx, rng)
    post, related_after = _post(v, ctx, rng, seo)
    posts = (f'<div class="blog-posts hfeed">\n<div class="date-outer">\n<h2 class="date-header"><span>{_e(long_day(v))}'
             f'</span></h2>\n<div class="date-posts">\n<div class="post-outer">\n{post}{related_after}')
    return head + blog_top(v, seo) + posts + blog_bottom(v, rng)
