"""Pages whose declared charset lies, or that mix two: decoded by what their bytes are, table-driven."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from ipgirl_crawler.pages.encoding import with_true_encoding

PAGE = "<html><head><title>t</title></head><body><p>{}</p></body></html>"
TEXT_FR = "Café crème : déjà vu, à l'été " * 20
TEXT_JA = "日本語の記事です。人工知能について。" * 20


def page(body: bytes, declared: str) -> HtmlResponse:
    return HtmlResponse("https://www.ipgirl.com/fr/ai/1-x", body=body,
                        headers={"Content-Type": f"text/html; charset={declared}"})


@pytest.mark.parametrize(("body", "declared", "corrected", "text"), [
    (PAGE.format(TEXT_FR).encode("utf-8"), "utf-8", False, TEXT_FR),
    (PAGE.format(TEXT_FR).encode("cp1252"), "utf-8", True, TEXT_FR),
    (PAGE.format(TEXT_FR).encode("utf-8"), "windows-1252", True, TEXT_FR),
    # UTF-8 with Windows-1252 curly quotes and dashes pasted in: only the stray bytes change.
    (PAGE.format(TEXT_FR + "{}").encode("utf-8").replace(b"{}", "“cite” – fin".encode("cp1252")), "utf-8", True,
     TEXT_FR + "“cite” – fin"),
    (PAGE.format(TEXT_JA).encode("shift_jis"), "utf-8", True, TEXT_JA),
    (PAGE.format(TEXT_FR).encode("cp1252"), "windows-1252", False, TEXT_FR),
])
def test_decoded_by_the_bytes(body: bytes, declared: str, corrected: bool, text: str) -> None:
    response, changed = with_true_encoding(page(body, declared))
    assert changed is corrected
    assert response.xpath("string(//p)").get() == text
