"""Era AA's blog chrome around the post (see eras_aa.py): the navbar, header, tabs and crumbs above;
the comment thread, pager, feed links, sidebar gadgets, attribution and scripts below."""
from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta

from . import corpus
from .eras_aa_text import BLOG_TAGLINE, BLOGGER, COMMENTERS, COMMENTS
from .eras_no import _e
from .fmt import CATEGORIES, CATEGORY_NAMES, MONTHS, format_date, slugify
from .view import ArticleView, first_paragraph

_LEADERBOARD = ('<div class="widget AdSense" data-version="1" id="AdSense1"><div class="widget-content">'
                '<ins class="adsbygoogle" style="display:inline-block;width:728px;height:90px" '
                'data-ad-client="ca-pub-3940256099942544" data-ad-slot="4410"></ins>'
                "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div></div>\n")


def profile_url(slug: str) -> str:
    return f"https://www.blogger.com/profile/{int(hashlib.md5(slug.encode()).hexdigest()[:15], 16)}"


def clock(dt: datetime, lang: str) -> str:
    """A post's or comment's time as Blogger shows it in the blog's language."""
    if lang == "en":
        return f"{(dt.hour - 1) % 12 + 1}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"
    if lang in ("zh", "ko"):
        half = {"zh": ("上午", "下午"), "ko": ("오전 ", "오후 ")}[lang][dt.hour >= 12]
        return f"{half}{(dt.hour - 1) % 12 + 1}:{dt.minute:02d}"
    return f"{dt.hour:02d}:{dt.minute:02d}"


def blog_top(v: ArticleView, seo: bool) -> str:
    """<body> up to the date header: navbar, header (blog title), tabs, ad, breadcrumbs."""
    lang, b = v.lang, BLOGGER[v.a.ui_lang]
    title = (f'<div class="title" style="font-size:40px;"><a href="/{lang}/">IPGirl</a></div>' if seo
             else f'<h1 class="title"><a href="/{lang}/">IPGirl</a></h1>')
    tabs = "".join(f'<li><a href="/{lang}/category/{c}/">{_e(CATEGORY_NAMES[c][lang])}</a></li>' for c in CATEGORIES)
    return ('<body class="loading">\n<div class="navbar section" id="navbar"><div class="widget Navbar" data-version="1" '
            f'id="Navbar1"><iframe src="https://www.blogger.com/navbar.g?targetBlogID=7613402155148&amp;blogName=IPGirl'
            f'&amp;publishMode=PUBLISH_MODE_BLOGSPOT&amp;navbarType=BLUE&amp;layoutType=LAYOUTS&amp;homepageUrl=%2F{lang}%2F" '
            'height="30" width="100%" frameborder="0" scrolling="no" title="Blogger Navigation and Search"></iframe>'
            '</div></div>\n<div class="body-fauxcolumns"><div class="fauxcolumn-outer body-fauxcolumn-outer"></div></div>\n'
            '<div class="content"><div class="content-outer"><div class="content-inner">\n<header><div class="header-outer">'
            '<div class="header section" id="header"><div class="widget Header" data-version="1" id="Header1">'
            f'<div id="header-inner"><div class="titlewrapper">{title}</div><div class="descriptionwrapper">'
            f'<p class="description"><span>{_e(BLOG_TAGLINE[lang])}</span></p></div></div></div></div></div></header>\n'
            '<div class="tabs-outer"><div class="tabs section" id="crosscol"><div class="widget PageList" data-version="1" '
            f'id="PageList1"><div class="widget-content"><ul><li class="selected"><a href="/{lang}/">{_e(b["home"])}</a>'
            f"</li>{tabs}</ul></div></div></div></div>\n{_LEADERBOARD}"
            '<div class="main-outer"><div class="columns fauxcolumns"><div class="columns-inner">\n'
            '<div class="column-center-outer"><div class="column-center-inner"><div class="main section" id="main">'
            '<div class="widget Blog" data-version="1" id="Blog1">\n'
            f'<div class="breadcrumbs" style="font-size:90%;"><a href="/{lang}/">{_e(v.ui["home"])}</a> &#187; '
            f'<a href="/{lang}/category/{v.a.category}/">{_e(v.category_name)}</a></div>\n')


def _comment_texts(v: ArticleView, rng: random.Random) -> list[tuple[str, str, datetime]]:
    n = rng.choice((0, 0, 1, 2, 3))
    pool = COMMENTS[v.lang]
    start = v.a.published
    return [(rng.choice(COMMENTERS), pool[(v.a.id + k) % len(pool)], start + timedelta(days=k + 1, minutes=37 * k))
            for k in range(n)]


def _comments(v: ArticleView, rng: random.Random) -> str:
    lang, b = v.byline_lang, BLOGGER[v.a.ui_lang]
    found = _comment_texts(v, rng)
    n = len(found)
    heading = b["none"] if n == 0 else b["comments1"] if n == 1 else b["comments"].format(n=n)
    at = f" {b['at']} " if b["at"] else " "
    threaded = rng.random() < 0.5
    items = []
    for k, (who, text, when) in enumerate(found):
        cid = v.a.id * 10 + k
        stamp = _e(format_date(when, lang) + at + clock(when, lang))
        if threaded:
            items.append(f'<li class="comment" id="c{cid}"><div class="avatar-image-container"><img src="//resources.'
                         'blogblog.com/img/blank.gif" width="35" height="35"></div><div class="comment-block">'
                         f'<div class="comment-header"><cite class="user">{_e(who)}</cite><span class="icon user"></span>'
                         f'<span class="datetime secondary-text"><a rel="nofollow" href="#c{cid}">{stamp}</a></span></div>'
                         f'<p class="comment-content">{_e(text)}</p><span class="comment-actions secondary-text">'
                         f'<a class="comment-reply" target="_self">{_e(b["reply"])}</a></span></div></li>')
        else:
            items.append(f'<dt class="comment-author" id="c{cid}"><a name="c{cid}"></a>{_e(who)} {_e(b["said"])}</dt>'
                         f'<dd class="comment-body" id="Blog1_cmt-{cid}"><p>{_e(text)}</p></dd><dd class="comment-footer">'
                         f'<span class="comment-timestamp"><a href="#c{cid}" title="comment permalink">{stamp}</a>'
                         "</span></dd>")
    thread = (f'<div class="comment-thread"><ol id="top-ra">{"".join(items)}</ol></div>' if threaded
              else f'<dl class="avatar-comment-indent" id="comments-block">{"".join(items)}</dl>')
    return (f'<div class="comments" id="comments"><a name="comments"></a><h4>{_e(heading)}</h4>\n{thread}\n'
            f'<p class="comment-footer"><a href="https://www.blogger.com/comment.g?blogID=7613402155148&amp;postID='
            f'{v.a.id}" onclick="">{_e(b["post_comment"])}</a></p></div>\n')


def _neighbours(v: ArticleView) -> tuple[str | None, str | None]:
    posts = v.site.newest[v.lang]
    k = next(i for i, x in enumerate(posts) if x is v.a)
    newer = posts[k - 1].path if k > 0 else None
    older = posts[k + 1].path if k + 1 < len(posts) else None
    return newer, older


def _pager(v: ArticleView) -> str:
    b = BLOGGER[v.a.ui_lang]
    newer, older = _neighbours(v)
    out = '<div class="blog-pager" id="blog-pager">'
    if newer:
        out += (f'<span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="{newer}" id="Blog1_blog-pager-'
                f'newer-link" title="{_e(b["newer"])}">{_e(b["newer"])}</a></span>\n')
    if older:
        out += (f'<span id="blog-pager-older-link"><a class="blog-pager-older-link" href="{older}" id="Blog1_blog-pager-'
                f'older-link" title="{_e(b["older"])}">{_e(b["older"])}</a></span>\n')
    out += f'<a class="home-link" href="/{v.lang}/">{_e(b["home"])}</a></div>\n<div class="clear"></div>\n'
    return out + (f'<div class="post-feeds"><div class="feed-links">{_e(b["subscribe"])} <a class="feed-link" '
                  f'href="/feeds/{v.a.id}/comments/default" target="_blank" type="application/atom+xml">'
                  f'{_e(b["atom"])}</a></div></div>\n')


def _gadget(kind: str, gid: str, title: str, content: str) -> str:
    return (f'<div class="widget {kind}" data-version="1" id="{gid}"><h2 class="title">{_e(title)}</h2>'
            f'<div class="widget-content">{content}</div><div class="clear"></div></div>\n')


def _profile(v: ArticleView, rng: random.Random) -> str:
    b = BLOGGER[v.a.ui_lang]
    if rng.random() < 0.6:
        content = (f'<a href="{profile_url("ipgirl")}"><img alt="My photo" class="profile-img" height="80" src="//blogger.'
                   'googleusercontent.com/img/b/R29vZ2xl/ipgirl-avatar.png" width="80"></a><dl class="profile-datablock">'
                   f'<dt class="profile-data"><a class="profile-name-link g-profile" href="{profile_url("ipgirl")}" '
                   f'rel="author">IPGirl</a></dt><dd class="profile-textblock">{_e(BLOG_TAGLINE[v.lang])}</dd></dl>'
                   f'<a class="profile-link" href="{profile_url("ipgirl")}" rel="author">{_e(b["profile"])}</a>')
        return _gadget("Profile", "Profile1", b["about"], content)
    pool = corpus.AUTHORS[v.lang]
    names = sorted({n for n, _ in v.authors} | {pool[(v.a.id + k) % len(pool)] for k in (1, 3)})
    items = "".join(f'<li><a class="profile-name-link g-profile" href="{profile_url(slugify(n) or n)}">{_e(n)}</a></li>'
                    for n in names)
    return _gadget("Profile", "Profile1", b["contributors"], f"<ul>{items}</ul>")


def _popular(v: ArticleView, rng: random.Random) -> str:
    others = [x for x in v.site.newest[v.lang] if x is not v.a][:12]
    picks = rng.sample(others, min(3, len(others)))
    items = "".join(f'<li><div class="item-content"><div class="item-title"><a href="{x.path}">{_e(x.title)}</a></div>'
                    f'<div class="item-snippet">{_e(first_paragraph(x)[:110].rstrip())} ...</div></div>'
                    '<div style="clear: both;"></div></li>' for x in picks)
    return _gadget("PopularPosts", "PopularPosts1", BLOGGER[v.a.ui_lang]["popular"], f"<ul>{items}</ul>")


def _labels(v: ArticleView) -> str:
    pool = corpus.TAGS[v.lang]
    spans = "".join(f'<span class="label-size label-size-{1 + (k * 7) % 5}"><a dir="ltr" href="/{v.lang}/tag/'
                    f'{slugify(t) or f"tag-{k}"}/">{_e(t)}</a><span class="label-count" dir="ltr">({3 + (k * 11) % 40})'
                    "</span></span> " for k, t in enumerate(pool[:10]))
    return _gadget("Label", "Label1", BLOGGER[v.a.ui_lang]["labels"], f'<div class="cloud-label-widget-content">{spans}</div>')


def _month(m: int, lang: str) -> str:
    return MONTHS[lang][m - 1] if lang in MONTHS else f"{m}月" if lang in ("ja", "zh") else f"{m}월"


def _archive(v: ArticleView) -> str:
    """Blogger's hierarchy: years (counts), the post's year open by month, the post's month open with its titles."""
    lang, a = v.a.ui_lang, v.a
    posts = v.site.newest[v.lang]
    years = sorted({x.published.year for x in posts}, reverse=True)
    out = []
    for y in years:
        in_year = [x for x in posts if x.published.year == y]
        if y != a.published.year:
            out.append(f'<li class="archivedate collapsed"><a class="toggle" href="javascript:void(0)"><span class="zippy">'
                       f'►&nbsp;</span></a><a class="post-count-link" href="/{v.lang}/">{y}</a> '
                       f'<span class="post-count" dir="ltr">({len(in_year)})</span></li>')
            continue
        months = []
        for m in sorted({x.published.month for x in in_year}, reverse=True):
            in_month = [x for x in in_year if x.published.month == m]
            open_ = m == a.published.month
            titles = ('<ul class="posts">' + "".join(f'<li><a href="{x.path}">{_e(x.title)}</a></li>' for x in in_month)
                      + "</ul>") if open_ else ""
            months.append(f'<li class="archivedate {"expanded" if open_ else "collapsed"}"><span class="zippy">'
                          f'{"▼" if open_ else "►"}&nbsp;</span><a class="post-count-link" href="/{v.lang}/">'
                          f'{_e(_month(m, lang))}</a> <span class="post-count" dir="ltr">({len(in_month)})</span>{titles}</li>')
        out.append(f'<li class="archivedate expanded"><span class="zippy toggle-open">▼&nbsp;</span><a class="post-count-'
                   f'link" href="/{v.lang}/">{y}</a> <span class="post-count" dir="ltr">({len(in_year)})</span>'
                   f'<ul class="hierarchy">{"".join(months)}</ul></li>')
    return _gadget("BlogArchive", "BlogArchive1", BLOGGER[lang]["archive"],
                   f'<div id="ArchiveList"><ul class="hierarchy">{"".join(out)}</ul></div>')


def _sidebar(v: ArticleView, rng: random.Random) -> str:
    b = BLOGGER[v.a.ui_lang]
    followers = _gadget("Followers", "Followers1", b["followers"], '<div id="Followers1-wrapper"><script src="https://'
                        'apis.google.com/js/platform.js"></script><div id="followers-iframe-container"></div></div>')
    gadgets = [_profile(v, rng), _popular(v, rng), _labels(v), _archive(v), followers]
    return ('<div class="column-right-outer"><div class="column-right-inner"><aside><div class="sidebar section" '
            f'id="sidebar-right-1">\n{"".join(gadgets)}</div></aside></div></div>\n')


def blog_bottom(v: ArticleView, rng: random.Random) -> str:
    """After the post: comments, the closing of the post list, pager and feeds, sidebar, footer, scripts."""
    b = BLOGGER[v.a.ui_lang]
    title = v.a.title.replace("\\", "\\\\").replace("'", "\\'")
    return (_comments(v, rng) + "</div>\n</div>\n</div>\n</div>\n" + _pager(v)
            + "</div></div></div></div>\n" + _sidebar(v, rng) + "</div></div></div>\n"
            '<footer><div class="footer-outer"><div class="foot section" id="footer-1"><div class="widget Attribution" '
            f'data-version="1" id="Attribution1"><div class="widget-content" style="text-align: center;">{_e(b["theme"])} '
            f'{_e(b["powered"])} <a href="https://www.blogger.com" target="_blank">Blogger</a>.</div></div></div></div>'
            "</footer>\n</div></div></div>\n"
            '<script type="text/javascript" src="https://www.blogger.com/static/v1/widgets/3566091532-widgets.js"></script>\n'
            "<script type=\"text/javascript\">window['__wavt'] = 'AOuZoY5';_WidgetManager._Init('//www.blogger.com/rearrange?"
            f"blogID=7613402155148','{v.a.path}','7613402155148');_WidgetManager._SetDataContext([{{'name': 'blog', 'data': "
            f"{{'blogId': '7613402155148', 'title': 'IPGirl', 'pageType': 'item', 'postId': '{v.a.id}', "
            f"'pageName': '{_e(title)}', 'pageTitle': 'IPGirl: {_e(title)}'}}}}]);</script>\n</body>\n</html>\n")
