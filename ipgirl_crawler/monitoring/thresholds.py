"""The monitors' thresholds: ``data/monitors.json``, a partial ``IPGIRL_MONITOR_THRESHOLDS`` override
merged in and checked (the pre-flight checks turn a ``ThresholdError`` into a configuration error)."""
from __future__ import annotations

import json
import math
from importlib import resources
from typing import Any


class ThresholdError(ValueError):
    """An override that cannot be a threshold."""


def default_thresholds() -> dict[str, Any]:
    return json.loads(resources.files("ipgirl_crawler").joinpath("data/monitors.json").read_text("utf-8"))


def _threshold_error(path: str, expected: str, value: Any) -> ThresholdError:
    return ThresholdError(f"IPGIRL_MONITOR_THRESHOLDS: {path} must be {expected}, got {value!r}")


def _is_fraction_key(path: str) -> bool:
    return path.endswith("_rate") or path.startswith("field_coverage.")


def _merge_value(path: str, default: Any, value: Any) -> Any:
    """``value`` checked against the type of the default it replaces; dicts merge key by key."""
    if isinstance(default, dict):
        if not isinstance(value, dict):
            raise _threshold_error(path, "an object", value)
        sample = next(iter(default.values()), None)
        return {**default, **{key: _merge_value(f"{path}.{key}", default.get(key, sample), sub)
                              for key, sub in value.items()}}
    if isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
            raise _threshold_error(path, "a list of strings", value)
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise _threshold_error(path, "a number >= 0", value)
    if _is_fraction_key(path) and value > 1:
        raise _threshold_error(path, "a fraction from 0 to 1", value)
    if isinstance(default, int) and not isinstance(default, bool) and not float(value).is_integer():
        raise _threshold_error(path, "an integer", value)
    return value


def monitor_thresholds(settings: Any) -> dict[str, Any]:
    """The monitors' thresholds: ``ipgirl_crawler/data/monitors.json`` with the
    ``IPGIRL_MONITOR_THRESHOLDS`` override (a dict, or JSON text from ``-s``) merged in."""
    defaults = default_thresholds()
    raw = settings.get("IPGIRL_MONITOR_THRESHOLDS") or {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError as error:
            raise ThresholdError(f"IPGIRL_MONITOR_THRESHOLDS is not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise ThresholdError(f"IPGIRL_MONITOR_THRESHOLDS must be a JSON object, got {raw!r}")
    unknown = sorted(set(raw) - set(defaults))
    if unknown:
        raise ThresholdError(f"IPGIRL_MONITOR_THRESHOLDS: unknown {', '.join(unknown)} "
                                 f"(known: {', '.join(sorted(defaults))})")
    return {**defaults, **{name: _merge_value(name, defaults[name], value) for name, value in raw.items()}}
