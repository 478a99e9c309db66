"""The page as a generic main-content extractor reads it: the second opinion on our body.

resiliparse (C++, lexbor's parser: ~1.2x an lxml parse per page) runs on every article page in
the extraction worker; ``pipelines/second_opinion.py`` compares its text with ours and says why
it was chosen over trafilatura for this part.
"""
from __future__ import annotations

from resiliparse.extract.html2text import extract_plain_text


def generic_body(html: str) -> str:
    """resiliparse's main-content text of a page, without bullets, alt texts or comments."""
    return extract_plain_text(html, main_content=True, list_bullets=False, alt_texts=False, comments=False) or ""
