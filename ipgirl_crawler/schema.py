"""The item contract as JSON Schema (``schemas/article.json``): load it, validate items, render the data dictionary.

``python -m ipgirl_crawler.schema > docs/data-dictionary.md`` regenerates the data dictionary.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:  # jsonschema (~0.1 s to import) only explains the rare item fastjsonschema refuses
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError

SCHEMA_RESOURCE = ("schemas", "article.json")
_MAX_SHOWN = 60
# RFC 3339 date-time; the contract's own `pattern` narrows it further to UTC with a "Z".
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
# An absolute URI (RFC 3986): a scheme, an authority, then only the characters RFC 3986 allows.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
_JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"),
               (list, "array"), (dict, "object"), (type(None), "null"))


@cache
def load_schema() -> dict[str, Any]:
    """The article schema shipped in the package (cached: treat the result as read-only)."""
    resource = resources.files("ipgirl_crawler").joinpath(*SCHEMA_RESOURCE)
    return json.loads(resource.read_text(encoding="utf-8"))


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True  # formats only constrain strings; `type` handles the rest
    if not _RFC3339.match(value):
        return False
    try:  # the regex checks the shape, this the ranges (no 2023-13-45)
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.match(value))


def format_checker() -> FormatChecker:
    """jsonschema's checker, with `date-time` and `uri` checks of our own.

    jsonschema only asserts those two formats when optional packages (rfc3339-validator,
    rfc3986-validator) happen to be installed, and silently passes otherwise: own checks make
    validation behave the same on every machine without extra dependencies.
    """
    from jsonschema import FormatChecker

    checker = FormatChecker()
    checker.checks("date-time")(_is_date_time)
    checker.checks("uri")(_is_uri)
    return checker


@cache
def validator() -> Draft202012Validator:
    """A validator built once: building one compiles the schema, reusing it is what makes validation cheap."""
    from jsonschema import Draft202012Validator

    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=format_checker())


def _path(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _MAX_SHOWN else text[:_MAX_SHOWN - 1] + "…"


def _json_type(value: Any) -> str:
    return next(name for kind, name in _JSON_TYPES if isinstance(value, kind))


def _messages(error: ValidationError) -> list[str]:
    """("field", "problem") pairs, joined as "field: problem", for one jsonschema error."""
    where, value, kind, rule = _path(error.absolute_path), error.instance, error.validator, error.validator_value
    prefix = f"{where}." if where else ""
    if kind == "required":
        return [f"{prefix}{name}: missing" for name in rule if name not in value]
    if kind == "additionalProperties" and rule is False:
        known = error.schema.get("properties", {})
        return [f"{prefix}{name}: unexpected field" for name in value if name not in known]
    where = where or "(item)"
    if kind == "type":
        wanted = " or ".join(rule) if isinstance(rule, list) else rule
        return [f"{where}: expected {wanted}, got {_json_type(value)} {_shown(value)}"]
    if kind == "pattern" and list(error.schema_path)[-2:-1] == ["propertyNames"]:
        return [f"{where}: key {_shown(value)} does not match {rule}"]
    if kind in ("pattern", "format"):
        what = f"does not match {rule}" if kind == "pattern" else f"is not a valid {rule}"
        return [f"{where}: {_shown(value)} {what}"]
    if kind == "enum":
        return [f"{where}: {_shown(value)} is not one of {', '.join(map(str, rule))}"]
    if kind == "const":
        return [f"{where}: expected {_shown(rule)}, got {_shown(value)}"]
    return [f"{where}: {error.message}"]


@cache
def fast_validator() -> Callable[[Any], Any]:
    """The schema compiled to Python code (fastjsonschema, ~15x faster than jsonschema): it
    answers yes or no for every item; jsonschema then explains the rare no. The schema uses
    only keywords that draft 2020-12 and draft-07 read alike."""
    schema = {k: v for k, v in load_schema().items() if k != "$schema"}
    return fastjsonschema.compile(schema, formats={"date-time": _is_date_time, "uri": _is_uri})


def validation_errors(item: Mapping[str, Any]) -> list[str]:
    """Short human messages, "field: problem", one per problem; empty when the item honours the contract."""
    instance = item if isinstance(item, dict) else dict(item)  # a Scrapy Item is a Mapping, not a dict
    try:
        fast_validator()(instance)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    messages: list[str] = []
    for error in validator().iter_errors(instance):
        messages.extend(m for m in _messages(error) if m not in messages)
    return sorted(messages)


def _type_label(spec: Mapping[str, Any]) -> tuple[str, bool]:
    """("list of strings", nullable) for a property's schema."""
    types = spec.get("type", "any")
    types = types if isinstance(types, list) else [types]
    nullable = "null" in types
    base = next((t for t in types if t != "null"), "null")
    if base == "array":
        inner = spec.get("items", {}).get("type", "any")
        return f"list of {inner}s", nullable
    if base == "object" and isinstance(spec.get("additionalProperties"), dict):
        return f"object (key → {spec['additionalProperties'].get('type', 'any')})", nullable
    return base, nullable


def _constraints(spec: Mapping[str, Any]) -> str:
    parts = []
    if "format" in spec:
        parts.append(f"format `{spec['format']}`")
    if "pattern" in spec:
        parts.append(f"pattern `{spec['pattern']}`")
    if "enum" in spec:
        parts.append("one of " + ", ".join(f"`{v}`" for v in spec["enum"]))
    if "const" in spec:
        parts.append(f"always `{spec['const']}`")
    bounds = [f"{word} {spec[key]}" for key, word in (("minimum", "≥"), ("maximum", "≤"), ("minLength", "length ≥"))
              if key in spec]
    parts += bounds
    names = spec.get("propertyNames", {}).get("pattern")
    if names:
        parts.append(f"keys match `{names}`")
    values = spec.get("additionalProperties")
    if isinstance(values, dict) and "format" in values:
        parts.append(f"values format `{values['format']}`")
    return "; ".join(parts)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _rows(properties: Mapping[str, Any], prefix: str = "") -> Iterable[str]:
    for name, spec in properties.items():
        label, nullable = _type_label(spec)
        meaning, rules = _cell(spec.get("description", "")), _cell(_constraints(spec))
        yield f"| `{prefix}{name}` | {label} | {'yes' if nullable else 'no'} | {meaning} | {rules} |"
        nested = spec.get("items", {}).get("properties")
        if nested:
            yield from _rows(nested, f"{prefix}{name}[].")


def render_data_dictionary(schema: Mapping[str, Any]) -> str:
    """The data dictionary (Markdown) of the article schema: one table row per field and nested field."""
    lines = [
        f"# Data dictionary: {schema['title']} (schema version {schema['x-schema-version']})",
        "",
        "<!-- Generated from ipgirl_crawler/schemas/article.json by "
        "`python -m ipgirl_crawler.schema > docs/data-dictionary.md`; do not edit by hand. -->",
        "",
        schema["description"],
        "",
        f"Schema: `ipgirl_crawler/schemas/article.json` (JSON Schema draft 2020-12, `$id` `{schema['$id']}`). "
        "Every field is always present (`required`), nullable ones as `null`; no other field is allowed. "
        "Fields are listed in export order; `name[].sub` rows describe the objects of a list.",
        "",
        "| field | type | nullable | meaning | format / pattern |",
        "|---|---|---|---|---|",
        *_rows(schema["properties"]),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    # Bytes, not text: the dictionary holds non-ASCII and stdout's encoding depends on the locale.
    sys.stdout.buffer.write(render_data_dictionary(load_schema()).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
