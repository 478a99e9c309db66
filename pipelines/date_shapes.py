"""Visible dates of a shape dateparser has already read, read again without it.

dateparser spends about a millisecond on a date such as "4 juillet 2023", and an old page's
visible date is seldom another page's. Its text has a *shape*, the text with each number
replaced ("0 juillet 0"), and within one shape dateparser reads the numbers in the same places
the same way (the day here, the year there, the month in words). So dateparser reads the
first date of each shape; the shape remembers where it found the year, the month and the day,
and later dates of that shape are read from their numbers. A shape is only learnt when that
first reading leaves no doubt (each number is exactly one of year, month, day; no other
number, such as a time), and a date the shape cannot make goes to dateparser after all.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, timedelta

_NUMBER = re.compile(r"\d+")
MAX_SHAPES = 4096


@dataclass(frozen=True)
class DateShape:
    roles: tuple[str, ...]  # "year", "month" or "day": what each number of the text is
    month: int | None  # the month its words name, when no number is the month

    def day(self, numbers: list[str]) -> date | None:
        parts = {role: int(number) for role, number in zip(self.roles, numbers)}
        try:
            return date(parts["year"], parts.get("month", self.month or 0), parts["day"])
        except (KeyError, ValueError):
            return None


def learn_shape(text: str, numbers: list[str], day: date) -> DateShape | None:
    """Where ``text``, read as ``day``, holds its year, month and day; None when in doubt."""
    found = [_role(number, day) for number in numbers]
    roles = tuple(role for role in found if role is not None)
    if len(roles) < len(found):
        return None
    if sorted(roles) == ["day", "month", "year"]:
        return DateShape(roles, None)
    if sorted(roles) == ["day", "year"] and any(char.isalpha() for char in _NUMBER.sub("", text)):
        return DateShape(roles, day.month)
    return None


def _role(number: str, day: date) -> str | None:
    value = int(number)
    found = [role for role, part, digits in (("year", day.year, (4,)), ("month", day.month, (1, 2)),
                                             ("day", day.day, (1, 2)))
             if value == part and len(number) in digits]
    return found[0] if len(found) == 1 else None


class DateShapes:
    """``shapes.read(text, key, parse)``: ``parse(text)`` for a new shape, the shape's reading after."""

    def __init__(self, limit: int = MAX_SHAPES) -> None:
        self.limit = limit
        self.shapes: dict[tuple[str, Hashable], DateShape] = {}

    def read(self, text: str, key: Hashable, parse: Callable[[str], date | None]) -> date | None:
        numbers = _NUMBER.findall(text)
        shape_key = (_NUMBER.sub("0", text), key)
        shape = self.shapes.get(shape_key)
        if shape is not None and (day := shape.day(numbers)) is not None:
            return day
        day = parse(text)
        if day is not None and shape is None and len(self.shapes) < self.limit:
            learnt = learn_shape(text, numbers, day)
            if learnt is not None:
                self.shapes[shape_key] = learnt
        return day


class SpanShapes:
    """Relative dates of one number ("41 days ago", "il y a 3 jours"), by shape ("0 days ago").

    A shape is learnt once two texts of it, with different numbers, count back spans that are
    the same multiple of their number (dateparser's reading is linear in it: days, hours, weeks);
    later texts of the shape count back their number times that unit, without dateparser.
    """

    MAX_NUMBER = 10_000  # beyond, dateparser decides (and timedelta could overflow)

    def __init__(self, limit: int = MAX_SHAPES) -> None:
        self.limit = limit
        self.units: dict[tuple[str, Hashable], timedelta] = {}
        self.first: dict[tuple[str, Hashable], tuple[int, timedelta]] = {}  # a reading waiting for its confirmation

    def _shape(self, text: str, key: Hashable) -> tuple[tuple[str, Hashable], int] | None:
        numbers = _NUMBER.findall(text)
        if len(numbers) != 1 or len(numbers[0]) > len(str(self.MAX_NUMBER)):
            return None
        return (_NUMBER.sub("0", text), key), int(numbers[0])

    def known(self, text: str, key: Hashable) -> timedelta | None:
        """The span ``text`` counts back when its shape is learnt, else None."""
        found = self._shape(text, key)
        if found is None or found[1] > self.MAX_NUMBER or (unit := self.units.get(found[0])) is None:
            return None
        return unit * found[1]

    def read(self, text: str, key: Hashable, span_of: Callable[[str], timedelta | None]) -> timedelta | None:
        """``span_of(text)``, learning the text's shape from it."""
        span = span_of(text)
        found = self._shape(text, key)
        if span is None or found is None or found[1] == 0 or len(self.units) + len(self.first) >= self.limit:
            return span
        shape, number = found
        earlier = self.first.setdefault(shape, (number, span))
        if earlier[0] != number and earlier[1] * number == span * earlier[0] and (span / number) * number == span:
            self.units[shape] = span / number
            del self.first[shape]
        return span
