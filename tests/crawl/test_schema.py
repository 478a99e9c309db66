"""The item contract as JSON Schema: it agrees with the code, real crawl items pass, bad items fail, docs are current."""
from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from ipgirl_crawler import items
from ipgirl_crawler.schema import load_schema, render_data_dictionary, validation_errors, validator
from tests.crawl.test_compact import article
from tests.localsite.server import LocalSite
from tests.support.crawl_check import ROOT, read_jsonl, run_crawl

DATA_DICTIONARY = ROOT / "docs" / "data-dictionary.md"
REGENERATE = "python -m ipgirl_crawler.schema > docs/data-dictionary.md"


# (a) code and schema agree: a contract change without a versioned schema change fails here.

def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_schema_fields_are_the_contract_fields_in_export_order() -> None:
    schema = load_schema()
    assert list(schema["properties"]) == list(items.CONTRACT_FIELDS)
    assert schema["required"] == list(items.CONTRACT_FIELDS)
    assert schema["additionalProperties"] is False


def test_schema_version_is_the_code_version() -> None:
    schema = load_schema()
    assert schema["x-schema-version"] == items.SCHEMA_VERSION
    assert schema["properties"]["schema_version"]["const"] == items.SCHEMA_VERSION
    assert schema["$id"].endswith(f":{items.SCHEMA_VERSION}")


def test_field_kinds_agree_with_the_code() -> None:
    properties = load_schema()["properties"]
    assert {name for name, spec in properties.items() if spec["type"] == "array"} == items.LIST_FIELDS
    assert {name for name, spec in properties.items() if spec["type"] == "object"} == items.DICT_FIELDS
    for name in items.REQUIRED_FIELDS:
        assert "null" not in properties[name]["type"], name
    assert all(spec.get("description") for spec in properties.values())


def test_validator_is_built_once() -> None:
    assert validator() is validator()


# (b) every item of a real crawl validates.

@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    work = tmp_path_factory.mktemp("schema-crawl")
    with LocalSite(n_articles=120, seed=5) as site:
        done = run_crawl(site.base_url, work / "out.jsonl", work / "state", log=work / "crawl.log")
    assert done.returncode == 0, done.stderr[-2000:]
    return read_jsonl(work / "out.jsonl")


def test_every_crawled_item_validates(crawled: list[dict[str, Any]]) -> None:
    assert len(crawled) >= 100
    problems = {item.get("url"): errors for item in crawled if (errors := validation_errors(item))}
    assert not problems, f"{len(problems)} invalid items, e.g. {next(iter(problems.items()))}"


# (c) what the schema rejects, and the message it gives.

def _valid() -> dict[str, Any]:
    return article(1001, "fr", "2026-11-20T12:00:00Z", "Une histoire")


def _set(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda item: item.update(values)


def _card(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda item: item["related"][0].update(values)


REJECTED: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("vote count as a string", _set(helpful_votes="93"), "helpful_votes: expected integer or null, got string"),
    ("missing url", lambda item: item.pop("url"), "url: missing"),
    ("unparsed date", _set(published_at="4 juillet 2023"), "published_at: \"4 juillet 2023\""),
    ("date with an offset, not UTC", _set(crawled_at="2026-11-20T12:00:00+02:00"), "crawled_at:"),
    ("impossible date", _set(modified_at="2023-13-45T00:00:00Z"), "modified_at: \"2023-13-45T00:00:00Z\" is not a valid date-time"),
    ("related card without url", lambda item: item["related"][0].pop("url"), "related[0].url: missing"),
    ("related card with an extra key", _card(image="x.jpg"), "related[0].image: unexpected field"),
    ("snippet_truncated as a string", _card(snippet_truncated="true"), "related[0].snippet_truncated: expected boolean"),
    ("unknown extra field", _set(raw_body_html="<p>"), "raw_body_html: unexpected field"),
    ("bad language", _set(language="xx"), "language: \"xx\" is not one of"),
    ("null title", _set(title=None), "title: expected string, got null"),
    ("article id not numeric", _set(article_id="a1001"), "article_id:"),
    ("negative word count", _set(word_count=-1), "word_count:"),
    ("ratio above one", _set(helpful_ratio=1.5), "helpful_ratio:"),
    ("short content hash", _set(content_hash="abc"), "content_hash:"),
    ("relative url", _set(url="/fr/robotics/1001-story"), "url: \"/fr/robotics/1001-story\" is not a valid uri"),
    ("x-default translation", lambda item: item["translations"].update({"x-default": "https://a.b/"}),
     "translations: key \"x-default\""),
    ("translation not a url", lambda item: item["translations"].update(de="not a url"), "translations.de:"),
    ("image without caption key", lambda item: item["images"][0].pop("caption"), "images[0].caption: missing"),
    ("other schema version", _set(schema_version="0.9"), "schema_version: expected \"1.0\""),
]


def test_the_unmodified_item_is_valid() -> None:
    assert validation_errors(_valid()) == []


@pytest.mark.parametrize(("mutate", "message"), [case[1:] for case in REJECTED], ids=[case[0] for case in REJECTED])
def test_rejected(mutate: Callable[[dict[str, Any]], None], message: str) -> None:
    item = _valid()
    mutate(item)
    errors = validation_errors(item)
    assert any(error.startswith(message) for error in errors), errors


def test_unparsed_date_is_rejected_even_without_a_format_checker() -> None:
    # Consumers who validate with a bare validator (formats not asserted) still reject it: the pattern does.
    item = _valid()
    item["published_at"] = "4 juillet 2023"
    assert not Draft202012Validator(load_schema()).is_valid(item)


def test_a_scrapy_item_validates_like_a_dict() -> None:
    assert validation_errors(items.ArticleItem(**_valid())) == []


def test_validation_does_not_change_the_item() -> None:
    item = _valid()
    before = copy.deepcopy(item)
    validation_errors(item)
    assert item == before


# (d) the committed data dictionary is the one the schema renders.

def test_data_dictionary_is_up_to_date() -> None:
    assert DATA_DICTIONARY.read_text("utf-8") == render_data_dictionary(load_schema()), f"regenerate: {REGENERATE}"


def test_data_dictionary_lists_every_field() -> None:
    text = render_data_dictionary(load_schema())
    assert all(f"| `{name}` |" in text for name in items.CONTRACT_FIELDS)
    assert "| `related[].snippet_truncated` | boolean | no |" in text


def test_regenerate_command_prints_the_dictionary() -> None:
    done = subprocess.run([sys.executable, "-m", "ipgirl_crawler.schema"], capture_output=True, cwd=ROOT,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == render_data_dictionary(load_schema())
