"""A parser "broken" the way a redesign breaks one, for the archive tests and the README's demo:
on every third article the byline is lost, and the body's last block (the content hash follows,
as the body pipeline's would). The run's ``authors`` coverage monitor fails."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from ipgirl_crawler import settings
from pipelines.base import CountingPipeline


def broken(article_id: str | None) -> bool:
    return int(article_id or 0) % 3 == 0


class MisreadRedesignPipeline(CountingPipeline):
    name = "test_broken_parser"

    def process_article(self, item: Any) -> Any:
        blocks = (item.get("body_text") or "").split("\n\n")
        if broken(item.get("article_id")) and len(blocks) > 1:
            item["authors"] = []
            item["body_text"] = "\n\n".join(blocks[:-1])
            item["content_hash"] = hashlib.sha256(item["body_text"].encode("utf-8")).hexdigest()
            self.count("misread")
        return item


# -s ITEM_PIPELINES=… for a crawl with the broken parser (before validation, which counts what is missing).
BROKEN_PIPELINES = json.dumps({**settings.ITEM_PIPELINES, "tests.support.archive_parsers.MisreadRedesignPipeline": 550})

if __name__ == "__main__":
    print(BROKEN_PIPELINES)
