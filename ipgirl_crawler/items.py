"""The article item: the contract data teams read (README.md "The item", docs/data-dictionary.md), plus raw fields for the pipelines."""
from __future__ import annotations

from scrapy import Field, Item

SCHEMA_VERSION = "1.0"

# The exported fields, in export order. Anything else on an item is pipeline input.
CONTRACT_FIELDS: tuple[str, ...] = (
    "url", "fetched_url", "article_id", "language", "title", "summary", "category",
    "breadcrumbs", "authors", "published_at", "published_at_raw", "modified_at",
    "body_text", "body_html", "word_count", "images", "tags", "site_notice",
    "helpful_votes", "total_votes", "helpful_ratio", "related", "translations",
    "content_hash", "crawled_at", "schema_version",
)
LIST_FIELDS = frozenset({"breadcrumbs", "authors", "images", "tags", "related"})
DICT_FIELDS = frozenset({"translations"})
REQUIRED_FIELDS = ("url", "article_id", "language", "title", "body_text")
# Fields whose absence is a normal fact of a page, not a parsing gap worth a stat.
OPTIONAL_BY_NATURE = frozenset({"modified_at", "images", "tags", "translations", "related"})


class ArticleItem(Item):
    url = Field()
    fetched_url = Field()
    article_id = Field()
    language = Field()
    title = Field()
    summary = Field()
    category = Field()
    breadcrumbs = Field()
    authors = Field()
    published_at = Field()
    published_at_raw = Field()
    modified_at = Field()
    body_text = Field()
    body_html = Field()
    word_count = Field()
    images = Field()
    tags = Field()
    site_notice = Field()
    helpful_votes = Field()
    total_votes = Field()
    helpful_ratio = Field()
    related = Field()
    translations = Field()
    content_hash = Field()
    crawled_at = Field()
    schema_version = Field()
    # Raw page parts, turned into contract fields by the pipelines and never exported.
    raw_body_html = Field()
    raw_generic_body = Field()  # a generic extractor's body text: the second opinion (pipelines/second_opinion.py)
    raw_page_html = Field()  # the page, for the tie-break on disagreement; dropped by the body pipeline
    raw_votes_text = Field()
    raw_related = Field()
    raw_notice_text = Field()
    raw_validators = Field()
    modified_at_raw = Field()
    response_date = Field()
    received_at = Field()  # when our clock received the page (an archived one: its record's time)


# The request meta key that carries a replayed page's received time (its archive record's) to the
# extraction: what its relative dates count from (``pipelines/dates.py``).
RECEIVED_AT_META = "archive_received_at"
