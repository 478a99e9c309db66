"""The crawl's configuration: -a over -s, languages."""
from __future__ import annotations

import pytest

from ipgirl_crawler.run.config import ConfigurationError, CrawlConfig, parse_languages


def test_config_precedence_and_languages() -> None:
    settings = {"IPGIRL_BASE_URL": "https://www.ipgirl.com"}
    assert CrawlConfig.from_arguments(settings, "http://127.0.0.1:8000/", "fr,ja").base_url == "http://127.0.0.1:8000"
    assert CrawlConfig.from_arguments(settings, None, None).languages[0] == "en"
    assert parse_languages("FR, ja") == ("fr", "ja")
    with pytest.raises(ConfigurationError):
        parse_languages("fr,xx")
