"""Markup the crawler cannot read, served for a share of the article pages of a running site.

A site that moved part of its pages to a new front end: the crawl should fail loudly, not end
healthy with fewer or emptier items. Each rewrite changes the page's ETag (``server.App``), as a
redesign does, so an incremental crawl fetches the page again.

    with LocalSite(n_articles=150, seed=3) as site:
        ids = client_side_rendering(site, share=0.3)   # the article only in a JSON state blob
        ids = tags_by_script(site, share=0.5)          # the tag links gone from the markup
        ids = text_as_images(site, share=0.3)          # every paragraph an image of its text
"""
from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Callable
from typing import Any

_BODY = re.compile(r"(<body[^>]*>).*(</body>)", re.S | re.I)
_TEXT = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.S | re.I)


def client_side_rendered(page: str) -> str:
    """The page as a client-side app: an empty root element and the visible text in a JSON
    state blob a script would render (the head, with its metas, stays)."""
    match = _BODY.search(page)
    if match is None:
        return page
    text = " ".join(html.unescape(_TEXT.sub(" ", match.group(0))).split())
    state = json.dumps({"props": {"pageProps": {"article": {"text": text}}}}, ensure_ascii=False).replace("</", "<\\/")
    shell = (f'{match.group(1)}<div id="__next"></div><script id="__NEXT_DATA__" type="application/json">'
             f'{state}</script><script src="/_next/static/app.js" defer></script>{match.group(2)}')
    return page[:match.start()] + shell + page[match.end():]


def without_tag_links(page: str) -> str:
    """The lines holding tag links removed, label and all (a script now draws the tag block). The
    templates of eras A-D write that block on one line of its own."""
    return "\n".join(line for line in page.splitlines() if "/tag/" not in line)


def paragraphs_as_images(page: str) -> str:
    """Every paragraph an image of its text (a page built for looks): summary, byline and body
    paragraphs alike; headings, lists and the head's metas stay."""
    return _PARAGRAPH.sub('<p><img src="/render/text.png" width="640" height="80" alt=""></p>', page)


def rewrite_share(site: Any, rewrite: Callable[[str], str], share: float, seed: int = 7) -> list[int]:
    """Serve ``rewrite(page)`` for ``share`` of the site's articles (picked at random); their ids."""
    articles = sorted(site.site.by_id)
    chosen = random.Random(seed).sample(articles, round(share * len(articles)))
    for article_id in chosen:
        site.app.rewrites[article_id] = rewrite
    return chosen


def client_side_rendering(site: Any, share: float, seed: int = 7) -> list[int]:
    return rewrite_share(site, client_side_rendered, share, seed)


def tags_by_script(site: Any, share: float, seed: int = 7) -> list[int]:
    return rewrite_share(site, without_tag_links, share, seed)


def text_as_images(site: Any, share: float, seed: int = 7) -> list[int]:
    return rewrite_share(site, paragraphs_as_images, share, seed)
