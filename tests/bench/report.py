"""The final table (name, value, target, pass/fail) and its JSON twin."""
from __future__ import annotations

import json
import operator
import os
import platform
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

_COMPARE: dict[str, Callable[[float, float], bool]] = {">=": operator.ge, "<=": operator.le, "==": operator.eq}


@dataclass
class Row:
    name: str
    value: float | None
    unit: str = ""
    op: str = ""            # ">=", "<=", "==" or "" (information only)
    target: float | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        if not self.op or self.target is None:
            return "info"
        return "PASS" if _COMPARE[self.op](round(self.value, 6), self.target) else "FAIL"

    def cells(self) -> tuple[str, str, str, str]:
        value = "-" if self.value is None else f"{self.value:,.{_digits(self.value)}f}{self.unit}"
        target = f"{self.op} {self.target:g}{self.unit}" if self.op and self.target is not None else ""
        return self.name, value, target, self.verdict


def _digits(value: float) -> int:
    return 0 if abs(value) >= 1000 else 1 if abs(value) >= 10 else 2 if abs(value) >= 0.1 else 3


def table(rows: list[Row]) -> str:
    header = ("name", "value", "target", "result")
    cells = [header, *(row.cells() for row in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = ["  ".join(c.ljust(w) if i != 1 else c.rjust(w) for i, (c, w) in enumerate(zip(cell, widths)))
             for cell in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for row in rows:
        if row.note:
            lines.append(f"  * {row.name}: {row.note}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count(),
            "load_average": os.getloadavg()}


def write_json(path: Path, rows: list[Row], details: dict[str, Any], arguments: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "arguments": arguments, "machine": machine(),
        "results": [{**asdict(row), "result": row.verdict} for row in rows],
        "details": details,
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n", "utf-8")
