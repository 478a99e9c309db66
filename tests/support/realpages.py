"""Real article pages of public collections, read from ``../shared/realpages`` (never copied into the
project: see that folder's README and each set's SOURCE and LICENSE).

Two sets with ground truth:
- ``article-extraction-benchmark/``: 118 pages of scrapinghub/article-extraction-benchmark (MIT), each
  with its reference body; scored with that benchmark's word 4-gram shingle F1 (``score_bodies``).
- ``trafilatura-eval-dev/``: 315 pages of trafilatura's evaluation corpus (Apache 2.0), each with
  snippets the main text must hold and snippets it must not; scored as trafilatura's evaluation does,
  true/false positives and negatives summed over the set (``score_snippets``).

Outside this workplace (no ``../shared/realpages``) ``MISSING`` says so in one line and callers skip.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.http import HtmlResponse, TextResponse

ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "realpages"
BENCHMARK = "article-extraction-benchmark"
EVAL_DEV = "trafilatura-eval-dev"
MISSING = f"{ROOT} is absent (a checkout outside the workplace): real-page sets skipped"


def available() -> bool:
    return (ROOT / BENCHMARK / "ground-truth.json").is_file() and (ROOT / EVAL_DEV / "ground-truth.json").is_file()


@dataclass(frozen=True)
class RealPage:
    page_id: str
    url: str
    html: bytes
    expected_body: str = ""  # the benchmark set's reference body
    with_snippets: tuple[str, ...] = ()  # the eval set's must-have snippets
    without_snippets: tuple[str, ...] = ()  # and its must-not ones

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def response(self) -> TextResponse:
        """The page as the crawl decodes it: no charset in the header (some pages are not UTF-8, their
        own ``<meta charset>`` decides), then the bytes correct a lying declaration."""
        from ipgirl_crawler.pages.encoding import with_true_encoding

        return with_true_encoding(HtmlResponse(url=self.url, body=self.html, headers={"Content-Type": "text/html"}))[0]


def _read(folder: str) -> list[tuple[str, dict, bytes]]:
    base = ROOT / folder
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    return [(key, entry, gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes()))
            for key, entry in sorted(truth.items())]


@lru_cache(maxsize=1)
def benchmark_pages() -> tuple[RealPage, ...]:
    return tuple(RealPage(key, entry["url"], html, expected_body=entry["articleBody"])
                 for key, entry, html in _read(BENCHMARK))


@lru_cache(maxsize=1)
def eval_dev_pages() -> tuple[RealPage, ...]:
    return tuple(RealPage(key, entry["url"], html, with_snippets=tuple(s for s in entry["with"] if s),
                          without_snippets=tuple(s for s in entry["without"] if s))
                 for key, entry, html in _read(EVAL_DEV))


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


# -- the benchmark's body shingle F1 ---------------------------------------------------------------
# A reimplementation of ``string_shingle_matching`` and ``metrics_from_tp_fp_fns`` of the benchmark's
# ``evaluate.py``: ``\w+`` tokens, word 4-grams as a multiset, each page's (tp, fp, fn) normalised to
# sum 1 so that long pages weigh no more than short ones; P and R are means over pages, F1 theirs.
_TOKEN = re.compile(r"\w+", re.UNICODE)
NGRAM = 4


@dataclass(frozen=True)
class Scores:
    f1: float
    precision: float
    recall: float


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """Shingles both texts share (tp), only the prediction has (fp), only the truth has (fn), normalised."""
    expected, found = shingles(true), shingles(pred)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def page_f1(true: str, pred: str) -> float:
    tp, fp, fn = tp_fp_fn(true, pred)
    return _f1(_precision(tp, fp, fn), _recall(tp, fp, fn))


def score_bodies(pairs: list[tuple[str, str]]) -> Scores:
    """(truth, prediction) per page -> the benchmark's F1, precision, recall."""
    counts = [tp_fp_fn(true, pred) for true, pred in pairs]
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return Scores(_f1(precision, recall), precision, recall)


# -- trafilatura's snippet evaluation ----------------------------------------------------------------
_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class SnippetCounts:
    tp: int = 0  # must-have snippets found
    fn: int = 0  # must-have snippets missed
    fp: int = 0  # must-not snippets kept
    tn: int = 0  # must-not snippets left out

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)

    def scores(self) -> Scores:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return Scores(_f1(precision, recall), precision, recall)


def snippet_counts(page: RealPage, text: str) -> SnippetCounts:
    """Whitespace-normalised substring tests of one page's snippets against its extracted text."""
    found = _squeeze(text)
    hits = [_squeeze(s) in found for s in page.with_snippets]
    kept = [_squeeze(s) in found for s in page.without_snippets]
    return SnippetCounts(sum(hits), len(hits) - sum(hits), sum(kept), len(kept) - sum(kept))


def score_snippets(pairs: list[tuple[RealPage, str]]) -> tuple[Scores, SnippetCounts]:
    total = sum((snippet_counts(page, text) for page, text in pairs), SnippetCounts())
    return total.scores(), total
