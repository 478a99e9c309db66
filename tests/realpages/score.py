"""Body shingle F1 as the public article-extraction benchmarks score it.

A reimplementation of ``string_shingle_matching`` and ``metrics_from_tp_fp_fns`` of
scrapinghub/article-extraction-benchmark's ``evaluate.py`` (MIT, see LICENSE-article-extraction-benchmark):
``\\w+`` tokens, word 4-grams counted as a multiset, each page's (tp, fp, fn) normalised to sum 1 so
that long pages weigh no more than short ones; precision and recall are means over pages, F1 their
harmonic mean. Written out here (30 lines) because the benchmark is a script, not a package.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
NGRAM = 4


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


@dataclass(frozen=True)
class Scores:
    f1: float
    precision: float
    recall: float


def page_f1(true: str, pred: str) -> float:
    tp, fp, fn = tp_fp_fn(true, pred)
    p, r = _precision(tp, fp, fn), _recall(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def corpus_scores(pairs: list[tuple[str, str]]) -> Scores:
    """(truth, prediction) per page -> the benchmark's F1, precision, recall."""
    counts = [tp_fp_fn(true, pred) for true, pred in pairs]
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return Scores(2 * precision * recall / (precision + recall), precision, recall)
