"""Traps that point at another origin of the same machine, for the origin tests.

``install(site, other)`` makes a running ``LocalSite`` point at ``other`` (a server on another
port of 127.0.0.1) and at a subdomain of its host in every way a crawl could follow: robots.txt's
``Sitemap:`` lines, sitemap index and urlset entries, redirects, listing links, "Discover more"
cards and ``hreflang`` translations (another port, userinfo, ``localhost``, ``[::1]``). The page
``/en/ai/91000-translations`` is a normal article carrying them.
"""
from __future__ import annotations

from typing import Any

from tests.localsite.hostile import _article, _html, _redirect

ARTICLE = "/en/ai/91000-translations"


def _translations(base: str, other: str, port: int) -> str:
    links = {"fr": f"{base}/fr/ai/91000-fr", "de": f"{other}/de/ai/91000-de", "es": f"http://127.0.0.1:{port}@127.0.0.1:{other.rsplit(':', 1)[1]}/es/ai/91000-es",
             "it": f"http://localhost:{port}/it/ai/91000-it", "pt": f"http://[::1]:{port}/pt/ai/91000-pt",
             "ja": f"http://www.127.0.0.1:{port}/ja/ai/91000-ja"}
    return "".join(f'<link rel="alternate" hreflang="{code}" href="{href}">' for code, href in links.items())


def install(site: Any, other: str) -> dict[str, str]:
    """Serve the traps from ``site``; returns the off-origin URLs it points at, by trap."""
    base, port = site.base_url, site.port
    sub = f"http://www.127.0.0.1:{port}"
    targets = {"redirect_port": f"{other}/en/ai/91001-port", "redirect_sub": f"{sub}/en/ai/91002-sub",
               "sitemap_port": f"{other}/sitemap.xml", "entry_port": f"{other}/en/ai/91003-entry",
               "index_port": f"{other}/sitemaps/en.xml", "link_port": f"{other}/en/ai/91004-link",
               "card_port": f"{other}/en/ai/91005-card", "link_sub": f"{sub}/en/ai/91006-sub"}
    robots = site.app.route("/robots.txt", {}).body.decode() + f"Sitemap: {targets['sitemap_port']}\n"
    index = site.app.route("/sitemap.xml", {}).body.decode().replace(
        "</sitemapindex>", f"<sitemap><loc>{targets['index_port']}</loc></sitemap>"
                           f"<sitemap><loc>{base}/sitemaps/offsite.xml</loc></sitemap></sitemapindex>")
    urlset = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              + "".join(f"<url><loc>{url}</loc></url>" for url in (
                  f"{base}{ARTICLE}", f"{base}/en/ai/91001-port", f"{base}/en/ai/91002-sub", targets["entry_port"]))
              + "</urlset>")
    home = site.app.route("/en/", {}).body.decode().replace(
        "</main>", f'<a href="{targets["link_port"]}">port</a><a href="{targets["link_sub"]}">sub</a></main>')
    card = (f'<h2>Discover more</h2><ul><li><a href="{targets["card_port"]}">Card on another port</a> AI '
            f'— A snippet…</li></ul>')
    page = _article(base, ARTICLE, "Translations everywhere").replace(
        "</head>", _translations(base, other, port) + "</head>").replace("</body>", card + "</body>")
    site.extra_routes.update({
        "/robots.txt": (200, robots.encode(), {"Content-Type": "text/plain; charset=utf-8"}),
        "/sitemap.xml": (200, index.encode(), {"Content-Type": "application/xml"}),
        "/sitemaps/offsite.xml": (200, urlset.encode(), {"Content-Type": "application/xml"}),
        "/en/": _html(home.encode()),
        ARTICLE: _html(page.encode()),
        "/en/ai/91001-port": _redirect(targets["redirect_port"]),
        "/en/ai/91002-sub": _redirect(targets["redirect_sub"]),
    })
    return targets
