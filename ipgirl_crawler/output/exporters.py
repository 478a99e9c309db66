"""JSON Lines export without per-field work the contract does not need; CSV cells that hold
the nested fields as JSON."""
from __future__ import annotations

import json
from typing import Any

from scrapy.exporters import CsvItemExporter, JsonLinesItemExporter

from ipgirl_crawler.items import ArticleItem


class ContractJsonLinesItemExporter(JsonLinesItemExporter):
    """Scrapy's JSON Lines exporter; an article (already validated, plain JSON types, no field
    serializers) is written straight in contract order, skipping the generic per-field path
    that costs more than the encoding itself."""

    def export_item(self, item: Any) -> None:
        if not isinstance(item, ArticleItem) or not self.fields_to_export or self.export_empty_fields:
            super().export_item(item)
            return
        names = self.fields_to_export
        values = {name: item[name] for name in names if name in item}
        self.file.write((self.encoder.encode(values) + "\n").encode(self.encoding or "utf-8"))


class ContractCsvItemExporter(CsvItemExporter):
    """Scrapy's CSV exporter, with a list or object field (``images``, ``related``,
    ``translations``, ``tags``…) written as JSON text in its cell, UTF-8 as the rest of the file:
    Scrapy's default writes a Python repr (``[{'url': …, 'caption': None}]``) that no
    spreadsheet, pandas or ``json.loads`` can read back."""

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        if isinstance(value, (list, tuple, dict)):
            return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        return super().serialize_field(field, name, value)
