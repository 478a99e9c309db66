"""Real article pages from many news and blog sites, with the body text a reader calls the article.

118 pages (en, ru, pt, ko, it, id, ja, de and some undeclared) taken from
scrapinghub/article-extraction-benchmark (commit 4a3bc979, MIT licence copied alongside as
LICENSE-article-extraction-benchmark): every page of its set whose ``html[lang]`` is not English,
and the first 110 by id (ids are SHA-256 digests: an arbitrary sample). ``pages/<id>.html.gz`` is
the saved page, ``ground-truth.json`` its URL and ``articleBody``. Not IPGirl pages: they test the
generic path of the page object and its second opinion.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse

HERE = Path(__file__).parent


@dataclass(frozen=True)
class RealPage:
    page_id: str
    url: str
    html: bytes
    expected_body: str

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def response(self) -> HtmlResponse:
        return HtmlResponse(url=self.url, body=self.html, headers={"Content-Type": "text/html"})


@lru_cache(maxsize=1)
def load_pages() -> tuple[RealPage, ...]:
    truth = json.loads((HERE / "ground-truth.json").read_text(encoding="utf-8"))
    return tuple(RealPage(page_id, entry["url"], gzip.decompress((HERE / "pages" / f"{page_id}.html.gz").read_bytes()),
                          entry["articleBody"]) for page_id, entry in sorted(truth.items()))


def our_body(page: RealPage) -> str:
    """The body the crawl would emit for a real page: the page object's generic path, then the body
    pipeline with its second opinion (the item's other fields are not scored here)."""
    from ipgirl_crawler.pages.eras import page_for
    from pipelines.base import Counts
    from pipelines.body import BodyCleaningPipeline

    item = page_for(page.response(), page.origin).to_item()
    return BodyCleaningPipeline(Counts()).process_article(item)["body_text"]


def trafilatura_body(page: RealPage) -> str:
    """trafilatura 2.3.1 with its default settings, as the public benchmarks run it."""
    import trafilatura

    return trafilatura.extract(page.response().text, url=page.url) or ""
