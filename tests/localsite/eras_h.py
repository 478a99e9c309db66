"""Era H: "hashed classes" (opt-in) -- era A's or era B's page after a CSS-modules style build.

Article.variant picks the markup: 0 = A's, 1 = B's, 2 = B's without its JSON-LD (so the only date
is the visible one in the byline, and the expected item gives that day). The page is rendered by
the A or B template, then:
  * every block (p, h1-h4, lists, quotes, figures, header/nav/section/aside/footer/form) is put in
    0-3 extra <div>s (the larger ones 2-3), and <main>/<article> in 1-2 more;
  * data-testid attributes with meaningless names are sprinkled on wrappers and on some elements;
  * every class and id becomes a meaningless hash ("a1x9Qz"), the same name giving the same hash
    within one of three "builds" of the site (picked per page).
The visible texts and their document order are exactly A's or B's.
"""
from __future__ import annotations

import hashlib
import random
import re
import string

from .eras import Ctx, render_a, render_b
from .view import ArticleView

_BLOCKS = re.compile(r"<(header|nav|section|aside|footer|figure|form|blockquote|ul|ol|p|h[1-4])\b[^>]*>.*?</\1>",
                     re.S)
_OUTER = tuple(re.compile(rf"<({tag})\b[^>]*>.*?</{tag}>", re.S) for tag in ("article", "main"))
_TESTID_ON = re.compile(r"<(p|a|span|li|button|h2|h3|time)(?=[\s>])")
_ATTR = re.compile(r'(?<=\s)(class|id)="([^"]*)"')
_JSONLD = re.compile(r'<script type="application/ld\+json">.*?</script>\n?', re.S)
_BIG = frozenset("header nav section aside footer figure form main article".split())
WRAPPER_NAMES = ("box", "stack", "inner", "container", "row", "col", "layout", "wrap", "flex", "cell")
TESTIDS = ("box", "stack", "container", "flex", "grid-item", "layout", "slot", "region", "cell", "view")
_ALNUM = string.ascii_letters + string.digits


def hashed(name: str, salt: str) -> str:
    """A meaningless but stable class name: a letter and five letters or digits."""
    d = hashlib.sha1(f"{salt}:{name}".encode()).digest()
    return string.ascii_letters[d[0] % 52] + "".join(_ALNUM[b % 62] for b in d[1:6])


def _wrapper(rng: random.Random, levels: int) -> tuple[str, str]:
    opens = []
    for _ in range(levels):
        testid = f' data-testid="{rng.choice(TESTIDS)}-{rng.randrange(100)}"' if rng.random() < 0.35 else ""
        opens.append(f'<div class="{rng.choice(WRAPPER_NAMES)}-{rng.randrange(20)}"{testid}>')
    return "".join(opens), "</div>" * levels


def _wrap(pattern: re.Pattern[str], html: str, rng: random.Random, big: tuple[int, ...],
          small: tuple[int, ...]) -> str:
    def sub(m: re.Match[str]) -> str:
        head, tail = _wrapper(rng, rng.choice(big if m.group(1) in _BIG else small))
        return head + m.group(0) + tail
    return pattern.sub(sub, html)


def _testids(html: str, rng: random.Random) -> str:
    def sub(m: re.Match[str]) -> str:
        if rng.random() < 0.15:
            return f'{m.group(0)} data-testid="{rng.choice(TESTIDS)}-{rng.randrange(100)}"'
        return m.group(0)
    return _TESTID_ON.sub(sub, html)


def _hash_attrs(html: str, salt: str) -> str:
    def sub(m: re.Match[str]) -> str:
        return f'{m.group(1)}="{" ".join(hashed(tok, salt) for tok in m.group(2).split())}"'
    return _ATTR.sub(sub, html)


def render_h(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    html = render_a(v, ctx, rng) if v.a.variant == 0 else render_b(v, ctx, rng)
    if v.a.variant == 2:
        html = _JSONLD.sub("", html)
    head, sep, body = html.partition("<body")  # the <head> keeps its metas; only the body is rebuilt
    body = _wrap(_BLOCKS, body, rng, (2, 3), (0, 1, 1, 2, 2, 3))
    for pattern in _OUTER:
        body = _wrap(pattern, body, rng, (1, 2), (1, 2))
    body = _testids(body, rng)
    return _hash_attrs(head + sep + body, f"{v.site.seed}:{rng.randrange(3)}")
