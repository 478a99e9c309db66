"""One site, one host: the origin every request goes to, and the aliases read as it.

A site answers under more than one name (``ipgirl.com`` and ``www.ipgirl.com``; ``localhost``
and ``127.0.0.1``) but its links and canonical URLs name one. Crawled under another name, every
absolute link and canonical URL looks off-site and a share of the articles is silently lost. So
the crawl first asks the configured origin for a home page, follows the site's redirects and reads
its ``rel=canonical``: the origin found there becomes *the* origin (every request goes to it, and
items name it) and the configured one an alias, whose links are read as the origin's. Only a
sibling name may be learnt (the same host give or take ``www.``, loopback for loopback, the same
port, or http upgraded to https): a home page naming another site stops the crawl at start.
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from ipgirl_crawler.discovery.urls import DEFAULT_PORTS, Origin, origin_of, rehome, same_origin


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sibling_hosts(a: str, b: str) -> bool:
    return a.removeprefix("www.") == b.removeprefix("www.") or (_is_loopback(a) and _is_loopback(b))


def is_sibling(candidate: Origin, configured: Origin) -> bool:
    """Whether ``candidate`` may be the configured site under another name."""
    if not sibling_hosts(candidate.host, configured.host):
        return False
    if candidate.scheme == configured.scheme:
        return candidate.port == configured.port
    upgrade = (configured.scheme, configured.port, candidate.scheme, candidate.port)
    return upgrade == ("http", DEFAULT_PORTS["http"], "https", DEFAULT_PORTS["https"])


@dataclass(frozen=True)
class SiteOrigin:
    origin: Origin
    aliases: frozenset[Origin] = frozenset()

    @classmethod
    def of(cls, base_url: str, *aliases: Origin) -> SiteOrigin:
        """The origin of a bare base URL (checked by ``validate_base_url``); an https site's
        plain-http links are its own too, upgraded as its redirects would."""
        origin = origin_of(base_url)
        assert origin is not None, base_url
        known = set(aliases)
        if origin.scheme == "https" and origin.port == DEFAULT_PORTS["https"]:
            known.add(Origin("http", origin.host, DEFAULT_PORTS["http"]))
        return cls(origin, frozenset(known - {origin}))

    @property
    def base_url(self) -> str:
        return str(self.origin)

    def on_site(self, url: str) -> str | None:
        """``url`` as a URL of the site (an alias's rewritten to the origin), or None when off-site."""
        if same_origin(url, self.base_url):
            return url
        if self.aliases and origin_of(url) in self.aliases:
            return rehome(url, self.origin)
        return None


@dataclass(frozen=True)
class Learnt:
    site: SiteOrigin | None  # None: the home page names another site
    message: str | None  # what was learnt, or why the crawl stops; None when nothing changed


def learn(configured: str, final_url: str, canonical_url: str | None) -> Learnt:
    """The site's origin, given the configured base URL, the URL its home page was finally
    served from (after redirects) and that page's canonical URL (absolute, or None)."""
    start, final = origin_of(configured), origin_of(final_url)
    claimed = origin_of(canonical_url) if canonical_url else None
    candidate = claimed or final
    assert start is not None
    if candidate is None or candidate == start:
        return Learnt(SiteOrigin.of(configured), None)
    if not is_sibling(candidate, start) or (final is not None and not is_sibling(final, start) and final != start):
        return Learnt(None, f"the home page of {start} names {candidate} as its own "
                            f"({'rel=canonical' if claimed else 'redirect'}), not the same site: "
                            f"run with -a base_url={candidate} if that is the site to crawl")
    how = "its redirects and canonical links" if final != start else "its canonical links"
    aliases = [origin for origin in (start, final) if origin is not None]
    return Learnt(SiteOrigin.of(str(candidate), *aliases),
                  f"{start} names {candidate} as its origin ({how}): crawling {candidate}, links to {start} read as its own")
