"""Contract checks: every contract field present and of its type, the item valid against the schema."""
from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import DropItem

from ipgirl_crawler.items import CONTRACT_FIELDS, DICT_FIELDS, LIST_FIELDS, REQUIRED_FIELDS
from ipgirl_crawler.logs.safe import safe_for_log
from ipgirl_crawler.schema import validation_errors
from pipelines.base import PagePipeline

logger = logging.getLogger(__name__)
INT_FIELDS = frozenset({"word_count", "helpful_votes", "total_votes"})
FLOAT_FIELDS = frozenset({"helpful_ratio"})


def _empty(field: str) -> Any:
    return [] if field in LIST_FIELDS else {} if field in DICT_FIELDS else None


# Longest plausible value per field: a megabyte "title" is a broken or hostile page, not a title.
MAX_CHARS = {"title": 1_000, "summary": 5_000, "category": 200, "site_notice": 1_000, "body_text": 2_000_000,
             "body_html": 4_000_000, "url": 2_000, "fetched_url": 2_000, "published_at_raw": 200}
MAX_ITEM_CHARS = {"authors": 200, "tags": 200, "breadcrumbs": 500}
MAX_INT = 10**12


def _within_limits(field: str, value: Any) -> bool:
    if isinstance(value, str):
        return len(value) <= MAX_CHARS.get(field, 10_000)
    if isinstance(value, int):
        return 0 <= value <= MAX_INT
    if isinstance(value, list) and field in MAX_ITEM_CHARS:
        return len(value) <= 500 and all(isinstance(v, str) and len(v) <= MAX_ITEM_CHARS[field] for v in value)
    return True


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
        elif not _type_ok(field, value) or not _within_limits(field, value):
            invalid.append(field)
            clean[field] = _empty(field)
        else:
            clean[field] = value
    return clean, missing, invalid


class ContractValidationPipeline(PagePipeline):
    name = "validate"

    def process_article(self, item: Any) -> Any:
        clean, missing, invalid = check_contract(dict(item))
        self.count("checked")  # the denominator of field coverage (monitors)
        for field in missing:
            self.count(f"missing/{field}")
        for field in invalid:
            self.count(f"invalid/{field}")
        absent = [f for f in REQUIRED_FIELDS if f in missing or f in invalid]
        if absent:
            self.count("dropped")
            raise DropItem(f"article without {', '.join(absent)}: {safe_for_log(item.get('fetched_url'))}")
        # Other keys are inputs of later pipelines (raw_validators); the exporter writes only the contract.
        item.update(clean)
        for message in validation_errors(clean):
            # A value the schema rejects is a parser bug or a site change: counted, shown, kept.
            self.count(f"schema/{message.split(':', 1)[0]}")
            logger.warning("Schema violation in %s: %s", safe_for_log(clean.get("url")), safe_for_log(message))
        return item
