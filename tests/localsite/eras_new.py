"""Dispatch of the opt-in eras G, H and I (see eras_g.py, eras_h.py, eras_i.py and the README).

G: HTML5 semantic / AMP-like mobile page   H: A's or B's markup with hashed classes and extra wrappers
I: XHTML 1.0 Strict from a ~2005 blog engine, utf-8 or a legacy charset
All three show exactly what ArticleView holds, so the expected items need no change.
"""
from __future__ import annotations

import random

from .eras import Ctx
from .eras_g import render_g
from .eras_h import render_h
from .eras_i import i_charset, render_i
from .view import ArticleView


def render_new(v: ArticleView, ctx: Ctx, rng: random.Random) -> tuple[str, str]:
    """(html text, declared charset) of an era G, H or I article page."""
    if v.a.era == "G":
        return render_g(v, ctx, rng), "utf-8"
    if v.a.era == "H":
        return render_h(v, ctx, rng), "utf-8"
    charset = i_charset(v, rng)
    return render_i(v, ctx, rng, charset), charset
