"""Fields declared once on the page class (``pages/fields.py``): the item is made from the marks."""
from __future__ import annotations

from functools import cached_property

from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.pages.article import ArticlePage
from ipgirl_crawler.pages.fields import declared_fields, item_field, read_fields
from ipgirl_crawler.pages.statepage import StatePage

# What the page object hands the pipelines: the contract's fields it reads and the raw ones.
PAGE_FIELDS = {
    "url", "fetched_url", "article_id", "language", "title", "summary", "category", "breadcrumbs", "authors",
    "published_at_raw", "modified_at_raw", "raw_body_html", "tags", "raw_generic_body", "raw_page_html",
    "raw_votes_text", "raw_related", "raw_notice_text", "translations", "response_date", "crawled_at", "schema_version",
}


class Base:
    calls = 0

    @item_field
    def title(self) -> str:
        return "base"

    @item_field(name="summary")
    @cached_property
    def _summary(self) -> str:
        Base.calls += 1
        return "once"

    def helper(self) -> str:  # not a field
        return "no"


class Override(Base):
    def title(self) -> str:  # read through the override, declared on the base
        return "override"


def test_marks_methods_and_cached_properties_and_reads_overrides() -> None:
    assert declared_fields(Base) == {"title": "title", "summary": "_summary"}
    assert read_fields(Override()) == {"title": "override", "summary": "once"}
    page = Base()
    assert read_fields(page) == {"title": "base", "summary": "once"}
    assert page._summary == "once" and Base.calls == 2  # one call per page: the cached property keeps it


def test_the_page_objects_declare_every_field_they_hand_on() -> None:
    for page_class in (ArticlePage, StatePage):
        assert set(declared_fields(page_class)) == PAGE_FIELDS
        assert set(declared_fields(page_class)) <= set(ArticleItem.fields)
