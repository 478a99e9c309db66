"""Page chrome shared by the current templates: header, footer and the heavy
noise blocks (inline <style>, svg sprite, __STATE__ JSON) that make real
pages weigh ~45 KB.  Ported from the saved example pages: same shapes, same
sizes, generated instead of copied.
"""
from __future__ import annotations

import json
from html import escape

from .fmt import CATEGORIES, CATEGORY_NAMES, LANGS


def _style() -> str:
    rules = (f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{(i * 3635633) % 0x1000000:06x}}}"
             for i in range(300))
    return "<style>" + "".join(rules) + "</style>"


def _sprite() -> str:
    symbols = (f'<symbol id="i{k}" viewBox="0 0 24 24"><path d="M{k % 24} 0L24 {k % 24}L{24 - k % 24} 24L0 {24 - k % 24}Z"/>'
               "</symbol>" for k in range(80))
    return '<svg style="display:none">' + "".join(symbols) + "</svg>"


def _state() -> str:
    state = {
        "config": {"gtm": "G-IPG123", "ads": {"slots": [f"slot-{i}" for i in range(40)]}},
        "menu": [{"id": i, "label": f"Item {i}", "href": f"/en/category/ai/?page={i}",
                  "children": [{"id": i * 100 + j, "label": f"Sub {j}"} for j in range(8)]}
                 for i in range(60)],
    }
    return '<script id="__STATE__" type="application/json">' + json.dumps(state) + "</script>"


NOISE: str = _style() + "\n" + _sprite() + "\n" + _state()
AD_SLOT = ('<div class="ad-slot"><ins class="adsbygoogle" data-ad-slot="1234"></ins>'
           "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>")
HEAD_TAIL = ('<link rel="stylesheet" href="/static/css/site.css">\n'
             '<script async src="https://www.googletagmanager.com/gtag/js?id=G-IPG123"></script>')
COOKIE = ('<div id="cookie-banner" class="cookie-banner">We use cookies to improve your experience. '
          "<button>OK</button></div>\n<script src=\"/static/js/app.js\"></script>")


def _nav(lang: str) -> str:
    items = "".join(f'<li><a href="/{lang}/category/{c}/">{escape(CATEGORY_NAMES[c][lang])}</a></li>'
                    for c in CATEGORIES)
    return f'<nav class="main-nav"><ul>{items}</ul></nav>'


def _lang_switch() -> str:
    links = " ".join(f'<a href="/{x}/">{x.upper()}</a>' for x in LANGS)
    return f'<div class="lang-switch">{links}</div>'


_HEADERS = {lang: (f'<header class="site-header"><a class="logo" href="/{lang}/">IPGirl</a>{_nav(lang)}'
                   f'<form class="search" action="/{lang}/search"><input name="q" placeholder="Search"></form>'
                   f"{_lang_switch()}</header>") for lang in LANGS}


def site_header(lang: str) -> str:
    return _HEADERS[lang]


def site_footer(lang: str, alt_base: str = "") -> str:
    mirror = f' · <a href="{alt_base}/{lang}/">Mirror</a>' if alt_base else ""
    return (f'<footer class="site-footer"><div class="footer-links"><a href="/{lang}/about">About</a> · '
            f'<a href="/{lang}/contact">Contact</a> · <a href="/{lang}/privacy">Privacy</a>{mirror}</div>'
            '<p class="copyright">© 2026 IPGirl. All rights reserved.</p></footer>')


def tail(lang: str, alt_base: str = "") -> str:
    """Everything after </main>: noise blocks, footer, cookie banner, scripts."""
    return f"{NOISE}\n{site_footer(lang, alt_base)}\n{COOKIE}\n</body>\n</html>\n"
