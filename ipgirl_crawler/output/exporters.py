"""JSON Lines export without per-field work the contract does not need."""
from __future__ import annotations

from typing import Any

from scrapy.exporters import JsonLinesItemExporter

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
