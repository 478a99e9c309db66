"""Pages that declare one charset and use another, decoded by what their bytes are."""
from __future__ import annotations

import codecs

from scrapy.http import TextResponse

# bs4 and charset_normalizer are imported where a page needs them (~0.15 s of start-up; pages whose
# declared charset lies are a few in a thousand): ipgirl-extract prints its first line sooner.

# Charsets where any byte sequence decodes, so a wrong declaration never fails loudly.
_PERMISSIVE = frozenset({"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "ascii"})


_MULTI_BYTE = frozenset({"cp932", "shift_jis", "euc_jp", "iso2022_jp", "gbk", "gb2312", "gb18030", "big5",
                         "cp949", "euc_kr", "iso2022_kr", "utf_16", "utf_16_le", "utf_16_be"})


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return name


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def corrected_encoding(response: TextResponse) -> str | None:
    """The charset the body is really in, when it is not the declared one; else None."""
    declared = _canonical(response.encoding)
    body = response.body
    if declared == "utf_8":
        if "\ufffd" not in response.text or _is_utf8(body):
            return None
        from charset_normalizer import from_bytes

        best = from_bytes(body[:200_000]).best()
        guess = _canonical(best.encoding) if best is not None else "cp1252"
        # Single-byte guesses are unreliable between code pages; browsers read them all as cp1252.
        return guess if guess in _MULTI_BYTE else "cp1252"
    if body.isascii() or not _is_utf8(body):
        return None
    # Valid multi-byte UTF-8 is next to impossible by chance in a legacy-encoded page.
    return "utf-8" if declared in _PERMISSIVE or not _decodes(body, declared) else None


def _decodes(body: bytes, encoding: str) -> bool:
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def untwingled(body: bytes) -> bytes | None:
    """A UTF-8 page with Windows-1252 punctuation pasted in (curly quotes, dashes), made all UTF-8.

    Decoding such a page whole as cp1252 would garble every other non-ASCII character; beautifulsoup4's
    ``UnicodeDammit.detwingle`` rewrites only the stray bytes. None when the page is not such a mix."""
    from bs4.dammit import UnicodeDammit

    fixed = UnicodeDammit.detwingle(body)
    return fixed if fixed != body and _is_utf8(fixed) and not fixed.isascii() else None


def with_true_encoding(response: TextResponse) -> tuple[TextResponse, bool]:
    """The response decoded by its real charset, and whether that differs from the declared one."""
    encoding = corrected_encoding(response)
    if encoding is None:
        return response, False
    if encoding == "cp1252" and (fixed := untwingled(response.body)) is not None:
        return response.replace(body=fixed, encoding="utf-8"), True
    return response.replace(encoding=encoding), True
