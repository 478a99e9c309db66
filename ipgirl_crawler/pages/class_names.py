"""What an element's class and id names say: their words, less the hashed tokens of atomic CSS."""
from __future__ import annotations

import re

_NAME_WORDS = re.compile(r"[a-z0-9]+")
# Atomic CSS (CSS-in-JS as Medium's fela emits it) names each style rule with a hashed token of a
# letter or two, up to a dozen on one element ("pw-post-body-paragraph mq er xu ad bz", "bj vd ad").
# Such tokens say nothing of what the element is: "ad" among them dropped 41 paragraphs, a drop cap's
# letter or a figure of 120 era AB bodies as ads. A list is atomic when two or more of its tokens, and
# two thirds of them, are that short; "ad" alone, beside "ad-slot" or "top", still names an ad.
MIN_ATOMIC_TOKENS = 2
ATOMIC_SHARE = 2 / 3
MAX_ATOMIC_CHARS = 2


def named_tokens(names: str) -> list[str]:
    """The class (and id) tokens that name something: all but the hashed tokens of atomic CSS."""
    tokens = names.split()
    short = sum(1 for token in tokens if len(token) <= MAX_ATOMIC_CHARS)
    if short >= MIN_ATOMIC_TOKENS and short >= ATOMIC_SHARE * len(tokens):
        return [token for token in tokens if len(token) > MAX_ATOMIC_CHARS]
    return tokens


def name_words(names: str) -> list[str]:
    """The lower-case words of class and id names, without the hashed tokens of atomic CSS."""
    return _NAME_WORDS.findall(" ".join(named_tokens(names.lower())))
