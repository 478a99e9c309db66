"""Dispatch of the held-out eras P, Q and R (written blind; see each module's docstring).

P: server-rendered web components with declarative shadow DOM (eras_p.py)
Q: a classic WordPress blog theme with widgets, comments and plugins (eras_q.py)
R: a Ghost/Substack/Medium-like publication (eras_r.py)
"""
from __future__ import annotations

import random

from .eras import Ctx
from .view import ArticleView


def render_pqr(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    if v.a.era == "P":
        from .eras_p import render_p
        return render_p(v, ctx, rng)
    if v.a.era == "Q":
        from .eras_q import render_q
        return render_q(v, ctx, rng)
    from .eras_r import render_r
    return render_r(v, ctx, rng)
