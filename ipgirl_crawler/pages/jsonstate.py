"""Client-side rendered pages: the article read from the JSON state blob the app boots from.

Such a page's markup holds no article (an app root, a spinner); the story waits in
``<script id="__NEXT_DATA__" type="application/json">``, ``window.__INITIAL_STATE__ = {…}`` or an
``application/ld+json`` object with an ``articleBody``. The article object is found by its shape,
not by a key path (every app nests it elsewhere): the dict with a title, a body and an id. Its
fields are read through tables of the names apps give them.
"""
from __future__ import annotations

import json
import re
from collections import deque
from html import escape
from typing import Any

from lxml.html import HtmlElement

from ipgirl_crawler.pages.text import normalize_text

MAX_STATE_CHARS = 4_000_000
MAX_NODES = 50_000  # dicts and lists visited looking for the article: a bound on hostile blobs
_ASSIGNMENT = re.compile(r"^\s*(?:window\.|self\.|var\s+|let\s+|const\s+)?(__[A-Za-z0-9_]+__)\s*=\s*")

# The names apps give each field, first found wins.
KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id", "postId", "articleId", "article_id", "storyId", "identifier", "@id", "url", "mainEntityOfPage"),
    "title": ("title", "headline", "name"),
    "summary": ("dek", "summary", "description", "standfirst", "excerpt", "subtitle", "abstract"),
    "body": ("bodyHtml", "body_html", "html", "body", "content", "blocks", "articleBody", "text"),
    "authors": ("authors", "author", "byline", "writers", "creators", "contributors"),
    "category": ("category", "section", "articleSection", "channel"),
    "tags": ("tags", "keywords", "topics", "labels"),
    "published": ("publishedAt", "datePublished", "published_at", "publishDate", "firstPublished", "date"),
    "modified": ("updatedAt", "dateModified", "modified_at", "updated", "lastModified"),
    "notice": ("notice", "footnote", "editorNote", "disclaimer"),
    "votes": ("votes", "feedback", "helpfulness", "rating"),
    "related": ("related", "recommended", "relatedArticles", "more", "discover"),
    "crumbs": ("breadcrumbs", "trail", "breadcrumb", "crumbs"),
}
NAME_KEYS = ("name", "displayName", "label", "title", "headline", "text")
URL_KEYS = ("href", "url", "path", "link", "permalink")
SNIPPET_KEYS = ("excerpt", "teaser", "snippet", "summary", "description", "dek")
YES_KEYS = ("helpful", "yes", "up", "positive", "likes")
TOTAL_KEYS = ("total", "count", "votes", "all")
# A body given as blocks: each block's type -> the HTML element it becomes.
BLOCK_TAGS = {"paragraph": "p", "p": "p", "text": "p", "heading": "h", "header": "h", "subheading": "h3",
              "quote": "blockquote", "blockquote": "blockquote", "list": "list", "image": "figure", "figure": "figure"}


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((obj[k] for k in keys if obj.get(k) not in (None, "", [], {})), None)


def field(article: dict[str, Any], name: str) -> Any:
    return _first(article, KEYS[name])


def name_of(value: Any) -> str | None:
    """A value shown as a name: the string itself, or a dict's name/label/title."""
    if isinstance(value, dict):
        value = _first(value, NAME_KEYS)
    return normalize_text(value) or None if isinstance(value, str) else None


def names_of(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [name for name in map(name_of, items) if name]


def _is_article(obj: dict[str, Any]) -> bool:
    title, body = field(obj, "title"), field(obj, "body")
    return (isinstance(title, str) and bool(title.strip()) and isinstance(body, (str, list)) and bool(body)
            and field(obj, "id") is not None)


def find_article(blobs: list[Any]) -> dict[str, Any] | None:
    """The first dict shaped like an article (title + body + id), breadth first over the blobs."""
    queue: deque[Any] = deque(blobs)
    seen = 0
    while queue and seen < MAX_NODES:
        node = queue.popleft()
        seen += 1
        if isinstance(node, dict):
            if _is_article(node):
                return node
            queue.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            queue.extend(v for v in node if isinstance(v, (dict, list)))
    return None


def _parse_script(script: HtmlElement) -> Any:
    text = script.text or ""
    if not text.strip() or len(text) > MAX_STATE_CHARS:
        return None
    kind = (script.get("type") or "").lower()
    try:
        if kind in ("application/json", "application/ld+json"):
            return json.loads(text)
        match = _ASSIGNMENT.match(text)
        return json.JSONDecoder().raw_decode(text, match.end())[0] if match else None
    except (ValueError, RecursionError):  # broken, or nested deeper than the parser goes
        return None


def state_blobs(scripts: list[HtmlElement]) -> list[Any]:
    """The page's JSON state: ``application/json`` and ``ld+json`` scripts, ``window.__X__ = {…}``."""
    return [blob for blob in map(_parse_script, scripts) if blob is not None]


def _block_html(block: dict[str, Any]) -> str:
    kind = BLOCK_TAGS.get(str(block.get("type", "")).lower())
    text = escape(str(_first(block, ("text", "html", "content")) or ""), quote=False)
    if kind == "h":
        level = block.get("level") if block.get("level") in (2, 3, 4) else 2
        return f"<h{level}>{text}</h{level}>"
    if kind == "list":
        tag = "ol" if block.get("ordered") else "ul"
        return f"<{tag}>" + "".join(f"<li>{escape(str(i), quote=False)}</li>" for i in block.get("items") or []) + f"</{tag}>"
    if kind == "figure":
        src, alt = escape(str(block.get("src") or block.get("url") or "")), escape(str(block.get("alt") or ""))
        caption = f"<figcaption>{escape(str(block['caption']), quote=False)}</figcaption>" if block.get("caption") else ""
        return f'<figure><img src="{src}" alt="{alt}">{caption}</figure>'
    return f"<{kind}>{text}</{kind}>" if kind else ""


def body_html(body: Any) -> str:
    """The body as HTML: given as HTML, as plain text (blank lines between blocks), or as blocks."""
    if isinstance(body, list):
        return "".join(_block_html(b) for b in body if isinstance(b, dict))
    if not isinstance(body, str):
        return ""
    if re.search(r"<(?:p|h[1-6]|ul|ol|div|blockquote|figure)\b", body):
        return body
    return "".join(f"<p>{escape(part.strip(), quote=False)}</p>" for part in re.split(r"\n\s*\n", body) if part.strip())


def votes_of(value: Any) -> tuple[int, int] | None:
    if not isinstance(value, dict):
        return None
    yes, total = _first(value, YES_KEYS), _first(value, TOTAL_KEYS)
    if isinstance(yes, int) and isinstance(total, int) and not isinstance(yes, bool):
        return yes, total
    return None


def cards_of(value: Any) -> list[dict[str, Any]]:
    cards = []
    for card in value if isinstance(value, list) else []:
        if isinstance(card, dict):
            snippet = _first(card, SNIPPET_KEYS)
            cards.append({"title": name_of(card), "href": _first(card, URL_KEYS),
                          "category": name_of(_first(card, ("category", "section"))),
                          "snippet": snippet if isinstance(snippet, str) else None})
    return cards
