"""Run management: what bounds a run, and how it ends."""
