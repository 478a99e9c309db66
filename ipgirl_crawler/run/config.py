"""The crawl's own configuration, checked before anything starts."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ipgirl_crawler.discovery.urls import InvalidBaseURL, validate_base_url
from ipgirl_crawler.languages import ui_strings

# False for Scrapy's own one-off commands (parse, shell, fetch, view, check: ``commands/one_off.py``):
# only a crawl opens the site's state and writes run files.
CRAWL_RUN_SETTING = "IPGIRL_CRAWL_RUN"


class ConfigurationError(ValueError):
    """A spider argument or setting that cannot work; the crawl does not start."""


def parse_languages(value: str | None) -> tuple[str, ...]:
    known = ui_strings.languages()
    if not value:
        return known
    chosen = tuple(dict.fromkeys(code.strip().lower() for code in value.split(",") if code.strip()))
    unknown = [code for code in chosen if code not in known]
    if unknown or not chosen:
        raise ConfigurationError(f"languages must be a comma-separated subset of {','.join(known)}, got {value!r}")
    return chosen


def parse_flag(value: str | None, name: str = "the value") -> bool:
    text = (value or "").strip().lower()
    if text in ("", "0", "false", "no", "off"):
        return False
    if text in ("1", "true", "yes", "on"):
        return True
    raise ConfigurationError(f"{name} must be 1 or 0, got {value!r}")


@dataclass(frozen=True)
class CrawlConfig:
    base_url: str
    languages: tuple[str, ...]
    full: bool = False

    @classmethod
    def from_arguments(cls, settings: Any, base_url: str | None, languages: str | None,
                       full: str | None = None) -> CrawlConfig:
        """``-a base_url`` wins over the ``IPGIRL_BASE_URL`` setting; ``-a full=1`` recrawls everything."""
        try:
            return cls(validate_base_url(base_url or settings.get("IPGIRL_BASE_URL")), parse_languages(languages),
                       parse_flag(full, "full"))
        except InvalidBaseURL as error:
            raise ConfigurationError(str(error)) from None
