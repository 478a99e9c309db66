"""The page object of a client-side rendered article: every field from its JSON state blob
(``pages/jsonstate.py``), the head's canonical, language and hreflang links as on any page."""
from __future__ import annotations

from html import escape
from typing import Any

from lxml.html import HtmlElement
from scrapy.http import TextResponse

from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.languages import ui_strings
from ipgirl_crawler.pages.article import ArticlePage
from ipgirl_crawler.pages.byline import split_names
from ipgirl_crawler.pages.generic import generic_body
from ipgirl_crawler.pages.jsonstate import body_html, cards_of, field, name_of, names_of, votes_of
from ipgirl_crawler.pages.tagindex import TagIndex
from ipgirl_crawler.pages.text import normalize_or_none


class StatePage(ArticlePage):
    """An article whose markup is an app shell: read from the state object found by its shape."""

    def __init__(self, response: TextResponse, base_url: str, root: HtmlElement, tagged: TagIndex,
                 article: dict[str, Any]) -> None:
        self.article = article
        super().__init__(response, base_url, root, tagged)

    def prepare(self) -> None:
        """Nothing to bring into blocks: the markup is not read for the article."""

    def _text(self, name: str) -> str | None:
        value = field(self.article, name)
        return normalize_or_none(value) if isinstance(value, str) else None

    def title(self) -> str | None:
        return self._text("title")

    def summary(self) -> str | None:
        return self._text("summary") or super().summary()

    def category(self) -> str | None:
        return name_of(field(self.article, "category"))

    def breadcrumbs(self) -> list[str]:
        return names_of(field(self.article, "crumbs"))

    def authors(self) -> list[str]:
        value = field(self.article, "authors")
        if isinstance(value, str):
            return split_names(value, self.language or "en")
        return names_of(value)

    def published_at_raw(self) -> str | None:
        return self._text("published")

    def modified_at_raw(self) -> str | None:
        return self._text("modified")

    def raw_body_html(self) -> str:
        return body_html(field(self.article, "body"))

    def tags(self) -> list[str]:
        value = field(self.article, "tags")
        names = [t.strip() for t in value.split(",")] if isinstance(value, str) else names_of(value)
        return [name.lstrip("#") for name in names if name]

    def raw_votes_text(self) -> str | None:
        """The counts as the votes pipeline reads them: the widget's English line."""
        votes = votes_of(field(self.article, "votes"))
        template = ui_strings.ui_string("en", "helpful") or "{yes} out of {total} found this helpful"
        return template.format(yes=votes[0], total=votes[1]) if votes else None

    def raw_related(self) -> list[dict[str, str | None]]:
        cards = cards_of(field(self.article, "related"))
        return [{"title": c["title"], "url": self.card_url(c["href"]), "category": c["category"],
                 "snippet": c["snippet"]} for c in cards]

    def raw_notice_text(self) -> str | None:
        return self._text("notice")

    def is_article(self) -> bool:
        return bool(self._article_id and self.title() and self.raw_body_html())

    def generic_body(self) -> str:
        """The generic extractor reads the story as the app would show it (the markup holds none)."""
        title = escape(self.title() or "", quote=False)
        return generic_body(f"<html><body><article><h1>{title}</h1>{self.raw_body_html()}</article></body></html>")

    def to_item(self) -> ArticleItem:
        item = super().to_item()
        item["raw_page_html"] = None  # no page markup holds the article: nothing for a tie-break to read
        return item
