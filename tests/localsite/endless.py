"""A site without end, for the run-bounds tests: ``install(site)`` adds, on top of a running
``LocalSite``, listing pages whose ``?page=N`` never runs out (each with more query parameters
than the site uses), category slugs that breed new slugs, and a sitemap index of indexes of
indexes, each listing ``FAN_OUT`` more. ``uninstall(site)`` makes the site healthy again."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

FAN_OUT = 20
_LISTING = re.compile(r"^/en/category/endless-(\d+)/$")
_SITEMAP = re.compile(r"^/sitemaps/endless-(\d+)-(\d+)\.xml$")


def _listing(slug: int, page: int, articles: list[str]) -> bytes:
    links = [f"/en/category/endless-{slug}/?page={page + 1}", f"/en/category/endless-{slug}/?page={page + 1}&sort=new&s={page}",
             f"/en/category/endless-{slug * 10 + 1}/", f"/en/category/endless-{slug * 10 + 2}/"]
    shown = [articles[(page + i) % len(articles)] for i in range(3)]
    body = "".join(f'<a href="{href}">{href}</a>' for href in links + shown)
    return f'<!DOCTYPE html><html lang="en"><head><title>Endless {slug} {page}</title></head><body><h1>Endless</h1>{body}</body></html>'.encode()


def _index(base: str, depth: int, number: int) -> bytes:
    entries = "".join(f"<sitemap><loc>{base}/sitemaps/endless-{depth + 1}-{number * FAN_OUT + i}.xml</loc></sitemap>"
                      for i in range(FAN_OUT))
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</sitemapindex>").encode()


def install(site: Any) -> None:
    articles = [item["url"].removeprefix(site.base_url) for item in site.expected_items() if item["language"] == "en"]

    def endless(target: str) -> tuple[int, bytes, dict[str, str]] | None:
        parts = urlsplit(target)
        if match := _LISTING.match(parts.path):
            page = int(parse_qs(parts.query).get("page", ["1"])[0])
            return 200, _listing(int(match[1]), page, articles), {"Content-Type": "text/html; charset=utf-8"}
        if match := _SITEMAP.match(parts.path):
            return 200, _index(site.base_url, int(match[1]), int(match[2])), {"Content-Type": "application/xml"}
        return None

    home = site.app.route("/en/", {}).body.decode().replace("</main>", '<a href="/en/category/endless-1/">More</a></main>')
    index = site.app.route("/sitemap.xml", {}).body.decode().replace(
        "</sitemapindex>", f"<sitemap><loc>{site.base_url}/sitemaps/endless-0-0.xml</loc></sitemap></sitemapindex>")
    site.extra_routes.update({"/en/": (200, home.encode(), {"Content-Type": "text/html; charset=utf-8"}),
                              "/sitemap.xml": (200, index.encode(), {"Content-Type": "application/xml"})})
    site.route_makers.append(endless)


def uninstall(site: Any) -> None:
    site.extra_routes.clear()
    site.route_makers.clear()
