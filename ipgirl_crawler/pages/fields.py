"""Item fields declared once, on the page class: ``@item_field`` marks the method (or cached
property) that reads a field, and ``read_fields`` makes the item from the marks, as web-poet's
``@field`` does. A subclass that overrides a marked method is read through its override.

Not web-poet itself: its ``ItemPage.to_item`` is a coroutine over its own response and item
types, while our page objects run synchronously in the extraction worker over Scrapy responses;
this is the one part of it we need.
"""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, TypeVar

from scrapy.http import TextResponse

from ipgirl_crawler.items import SCHEMA_VERSION

MARK = "__item_field__"
Reader = TypeVar("Reader")


def item_field(reader: Reader | None = None, *, name: str | None = None) -> Any:
    """Mark ``reader`` as what gives the item field ``name`` (the reader's own name by default)."""
    def mark(function: Reader) -> Reader:
        target = getattr(function, "func", function)  # a cached_property: its function names it
        setattr(function, MARK, name or target.__name__)
        return function

    return mark(reader) if reader is not None else mark


@lru_cache(maxsize=None)
def declared_fields(page_class: type) -> dict[str, str]:
    """item field -> the attribute that reads it, over the class and its bases (bases first)."""
    fields: dict[str, str] = {}
    for klass in reversed(page_class.__mro__):
        for attribute, value in vars(klass).items():
            name = getattr(value, MARK, None)
            if isinstance(name, str):
                fields[name] = attribute
    return fields


def read_fields(page: Any) -> dict[str, Any]:
    """Every declared field of ``page``, read now (a method is called, a property read)."""
    values = {}
    for name, attribute in declared_fields(type(page)).items():
        value = getattr(page, attribute)
        values[name] = value() if callable(value) else value
    return values


class ResponseFields:
    """The fields a page object reads from its response and the moment, not from the markup."""

    response: TextResponse

    @item_field
    def raw_page_html(self) -> str | None:  # the markup, for the body's tie-break (second_opinion.py)
        return self.response.text

    @item_field
    def response_date(self) -> str | None:
        date_header = self.response.headers.get(b"Date")
        return date_header.decode("latin-1") if date_header else None

    @item_field
    def crawled_at(self) -> str:
        return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    @item_field
    def schema_version(self) -> str:
        return SCHEMA_VERSION
