"""Era M (opt-in): the site moved to client-side rendering. The HTML is a shell (head metas, an
empty app root, a spinner); the article lives only in a JSON state blob, in one of two shapes:

0: Next.js, ``<script id="__NEXT_DATA__" type="application/json">`` with the story under
   props.pageProps.data.story: id, title, dek, bodyHtml (the body as HTML), authors [{name}],
   category {name, slug}, tags [{label}], publishedAt/updatedAt, notice, votes {helpful, total},
   related [{title, href, category, excerpt}], breadcrumbs [{label, href}].
1: a Redux store, ``window.__INITIAL_STATE__ = {…};`` with entities.posts[<id>]: postId, headline,
   description, blocks [{type, …}] (paragraph, heading, list, quote, image), byline
   [{displayName}], section, keywords, datePublished/dateModified, footnote, feedback {yes, total},
   recommended [{headline, path, section, teaser}], trail [names].
Each shows exactly what ArticleView holds (the expected items need no change).
"""
from __future__ import annotations

import json
import random
from html import escape

from .eras import Ctx, _ellipsis, _links_head
from .fmt import TEXT_JOIN, iso_local
from .view import ArticleView, Item


def _e(text: str) -> str:
    return escape(text, quote=True)


def _paragraph(v: ArticleView, it: Item) -> str:
    return TEXT_JOIN[v.lang].join(it.texts)


def _body_html(v: ArticleView) -> str:
    out = []
    for it in v.items():
        if it.kind == "p":
            out.append(f"<p>{_e(_paragraph(v, it))}</p>")
        elif it.kind in ("h2", "h3"):
            out.append(f"<{it.kind}>{_e(it.texts[0])}</{it.kind}>")
        elif it.kind in ("ul", "ol"):
            out.append(f"<{it.kind}>" + "".join(f"<li>{_e(t)}</li>" for t in it.texts) + f"</{it.kind}>")
        elif it.kind == "quote":
            out.append(f"<blockquote><p>{_e(it.texts[0])}</p></blockquote>")
        elif it.kind == "figure" and it.image is not None:
            cap = f"<figcaption>{_e(it.image.caption)}</figcaption>" if it.image.caption else ""
            out.append(f'<figure><img src="{it.image.src}" alt="{_e(it.image.alt)}">{cap}</figure>')
    return "".join(out)  # "Read also" lines and ads are widgets of the app, not in the story's data


def _blocks(v: ArticleView) -> list[dict]:
    out: list[dict] = []
    for it in v.items():
        if it.kind == "p":
            out.append({"type": "paragraph", "text": _paragraph(v, it)})
        elif it.kind in ("h2", "h3"):
            out.append({"type": "heading", "level": int(it.kind[1]), "text": it.texts[0]})
        elif it.kind in ("ul", "ol"):
            out.append({"type": "list", "ordered": it.kind == "ol", "items": list(it.texts)})
        elif it.kind == "quote":
            out.append({"type": "quote", "text": it.texts[0]})
        elif it.kind == "figure" and it.image is not None:
            out.append({"type": "image", "src": it.image.src, "alt": it.image.alt, "caption": it.image.caption})
    return out


def _next_story(v: ArticleView, rng: random.Random) -> dict:
    a = v.a
    return {"id": a.id, "title": a.title, "dek": a.summary_text, "bodyHtml": _body_html(v),
            "authors": [{"name": n, "slug": s} for n, s in v.authors],
            "category": {"name": v.category_name, "slug": a.category}, "tags": [{"label": t} for t, _ in v.tags],
            "publishedAt": _stamp(v, a.published), "updatedAt": _stamp(v, a.modified) if a.modified else None,
            "notice": v.notice, "votes": {"helpful": a.votes[0], "total": a.votes[1]} if a.votes else None,
            "related": [{"title": c.title, "href": c.path, "category": c.cat_name,
                         "excerpt": c.snippet + _ellipsis(c, rng, v)} for c in v.cards()],
            "breadcrumbs": [{"label": v.ui["home"], "href": f"/{a.lang}/"},
                            {"label": v.category_name, "href": f"/{a.lang}/category/{a.category}/"}]}


def _redux_post(v: ArticleView, rng: random.Random) -> dict:
    a = v.a
    post = {"postId": str(a.id), "headline": a.title, "description": a.summary_text, "blocks": _blocks(v),
            "byline": [{"displayName": n} for n, _ in v.authors], "section": v.category_name,
            "keywords": [t for t, _ in v.tags], "datePublished": _stamp(v, a.published),
            "footnote": v.notice, "trail": [v.ui["home"], v.category_name],
            "recommended": [{"headline": c.title, "path": c.path, "section": c.cat_name,
                             "teaser": c.snippet + _ellipsis(c, rng, v)} for c in v.cards()]}
    if a.modified:
        post["dateModified"] = _stamp(v, a.modified)
    if a.votes:
        post["feedback"] = {"yes": a.votes[0], "total": a.votes[1]}
    return post


def _stamp(v: ArticleView, when) -> str:
    """An instant, or only the day when the article shows no more (the seed article)."""
    return iso_local(when) if v.a.date_mode == "machine" else f"{when:%Y-%m-%d}"


def _script_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def render_m(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    a = v.a
    if rng.random() < 0.5:
        data = {"props": {"pageProps": {"data": {"story": _next_story(v, rng)}, "locale": a.lang}},
                "page": "/[lang]/[section]/[slug]", "buildId": "b7Qx2", "isFallback": False}
        state = f'<script id="__NEXT_DATA__" type="application/json">{_script_json(data)}</script>'
    else:
        data = {"ui": {"theme": "light", "menuOpen": False}, "session": {"user": None},
                "entities": {"posts": {str(a.id): _redux_post(v, rng)}}, "route": {"path": a.path}}
        state = f"<script>window.__INITIAL_STATE__ = {_script_json(data)};</script>"
    return (f'<!DOCTYPE html>\n<html lang="{a.lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{_e(a.title)} · IPGirl</title>\n<meta name="description" content="{_e(a.summary_text)}">\n'
            f'{_links_head(v, ctx)}\n<link rel="preload" href="/_app/main.js" as="script">\n</head>\n'
            '<body>\n<div id="__next"><div class="spinner" aria-busy="true">Loading…</div></div>\n'
            '<noscript>Please enable JavaScript to read IPGirl.</noscript>\n'
            f'{state}\n<script src="/_app/main.js" defer></script>\n</body>\n</html>\n')
