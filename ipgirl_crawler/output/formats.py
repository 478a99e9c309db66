"""Reading back the items of a feed file, in each format Scrapy ships an exporter for.

A local feed is committed together with the state (``feeds.AtomicFileFeedStorage``): the state
remembers what the file holds, read from the file itself, one item at a time, so memory does not
grow with the file. Only the few fields the state needs have to survive the format.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import marshal
import pickle
from collections.abc import Callable, Iterator
from typing import IO, Any

from lxml import etree

CHUNK = 1 << 16


def _json_lines(handle: IO[bytes]) -> Iterator[dict[str, Any]]:
    for line in handle:
        if line.strip():
            yield json.loads(line)


def _json_array(handle: IO[bytes]) -> Iterator[dict[str, Any]]:
    """The objects of one JSON array, decoded one at a time from a sliding buffer (``json.load``
    would hold the whole file and every item; by hand as the standard library has no streaming
    decoder and the array is one Scrapy's exporter wrote: objects separated by commas)."""
    decoder, text = json.JSONDecoder(), codecs.getincrementaldecoder("utf-8")()
    buffer, position, eof, opened = "", 0, False, False
    while True:
        while position < len(buffer) and buffer[position] in " \t\r\n,[]":
            opened = opened or buffer[position] == "["
            position += 1
        if position < len(buffer):
            try:
                value, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError:
                if eof:
                    raise
            else:
                if not opened:
                    raise ValueError("not a JSON array")
                yield value
                position = end
                continue
        if eof:
            return
        chunk = handle.read(CHUNK)
        eof = not chunk
        buffer = buffer[position:] + text.decode(chunk, final=eof)
        position = 0


def _csv(handle: IO[bytes]) -> Iterator[dict[str, Any]]:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
    try:
        yield from csv.DictReader(text)
    finally:
        text.detach()


def _xml(handle: IO[bytes]) -> Iterator[dict[str, Any]]:
    for _, element in etree.iterparse(handle, tag="item", resolve_entities=False, huge_tree=True):
        yield {child.tag: child.text for child in element if not len(child)}
        element.clear()


def _sequential(load: Callable[[IO[bytes]], Any]) -> Callable[[IO[bytes]], Iterator[dict[str, Any]]]:
    def read(handle: IO[bytes]) -> Iterator[dict[str, Any]]:
        while True:
            try:
                yield load(handle)
            except EOFError:
                return
    return read


# pickle reads back only the file this process itself just wrote (never one from elsewhere).
READERS: dict[str, Callable[[IO[bytes]], Iterator[dict[str, Any]]]] = {
    "jsonlines": _json_lines, "jsonl": _json_lines, "jl": _json_lines,
    "json": _json_array, "csv": _csv, "xml": _xml,
    "marshal": _sequential(marshal.load), "pickle": _sequential(pickle.load),
}
READABLE_FORMATS = frozenset(READERS)


def read_items(handle: IO[bytes], format_: str) -> Iterator[dict[str, Any]]:
    """The items of a feed file in ``format_`` (one of ``READABLE_FORMATS``)."""
    return READERS[format_](handle)
