def render_z(v, ctx, rng): raise NotImplementedError
