"""Dispatch of the held-out eras Y (a Notion-like published page, eras_y.py) and Z (a Discourse-like
forum topic, eras_z.py), both written blind."""
from __future__ import annotations

import random

from .eras import Ctx
from .eras_y import render_y
from .eras_z import render_z
from .view import ArticleView


def render_yz(v: ArticleView, ctx: Ctx, rng: random.Random) -> str:
    return render_y(v, ctx, rng) if v.a.era == "Y" else render_z(v, ctx, rng)
