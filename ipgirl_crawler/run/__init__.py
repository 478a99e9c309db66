"""One run's life: its state and lock (``state.py``), what it records (``records.py``), what bounds
it (``bounds.py``), how it ends (``finish.py``), and the hooks plug-ins fill (``plugins.py``).
How healthy it was is ``monitoring/``'s to say."""
