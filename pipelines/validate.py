"""Contract checks: one item per URL, every contract field present and of its type."""
from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DropItem

from ipgirl_crawler.schema import validation_errors
from ipgirl_crawler.items import CONTRACT_FIELDS, DICT_FIELDS, LIST_FIELDS, REQUIRED_FIELDS
from ipgirl_crawler.text import safe_for_log
from pipelines.base import CountingPipeline

logger = logging.getLogger(__name__)
INT_FIELDS = frozenset({"word_count", "helpful_votes", "total_votes"})
FLOAT_FIELDS = frozenset({"helpful_ratio"})


def _empty(field: str) -> Any:
    return [] if field in LIST_FIELDS else {} if field in DICT_FIELDS else None


def _type_ok(field: str, value: Any) -> bool:
    if field in LIST_FIELDS:
        return isinstance(value, list)
    if field in DICT_FIELDS:
        return isinstance(value, dict)
    if field in INT_FIELDS:
        return isinstance(value, int) and not isinstance(value, bool)
    if field in FLOAT_FIELDS:
        return isinstance(value, float | int) and not isinstance(value, bool)
    return isinstance(value, str)


def check_contract(item: dict[str, Any]) -> tuple[dict[str, Any], list[str], list[str]]:
    """(the item reduced to contract fields, fields missing, fields of a wrong type)."""
    clean: dict[str, Any] = {}
    missing, invalid = [], []
    for field in CONTRACT_FIELDS:
        value = item.get(field)
        if value is None or value == "" or value == [] or value == {}:
            missing.append(field)
            clean[field] = _empty(field)
        elif not _type_ok(field, value):
            invalid.append(field)
            clean[field] = _empty(field)
        else:
            clean[field] = value
    return clean, missing, invalid


class DuplicateUrlPipeline(CountingPipeline):
    """One item per canonical URL per run; a second page with the same canonical is dropped, loudly."""

    name = "duplicates"

    def __init__(self, stats: Any = None) -> None:
        super().__init__(stats)
        self.seen: set[str] = set()

    def process_article(self, item: Any) -> Any:
        url = item.get("url")
        if url in self.seen:
            self.count("dropped")
            raise DropItem(f"duplicate of an item already emitted: {safe_for_log(url)} (fetched {safe_for_log(item.get('fetched_url'))})")
        self.seen.add(url)
        return item


class ContractValidationPipeline(CountingPipeline):
    name = "validate"

    def process_article(self, item: Any) -> Any:
        clean, missing, invalid = check_contract(dict(item))
        for field in missing:
            self.count(f"missing/{field}")
        for field in invalid:
            self.count(f"invalid/{field}")
        absent = [f for f in REQUIRED_FIELDS if f in missing or f in invalid]
        if absent:
            self.count("dropped")
            raise DropItem(f"article without {', '.join(absent)}: {safe_for_log(item.get('fetched_url'))}")
        for key in list(item.keys()):
            if key not in clean:
                del item[key]
        item.update(clean)
        for message in validation_errors(clean):
            # A value the schema rejects is a parser bug or a site change: counted, shown, kept.
            self.count(f"schema/{message.split(':', 1)[0]}")
            logger.warning("Schema violation in %s: %s", safe_for_log(clean.get("url")), safe_for_log(message))
        return item
