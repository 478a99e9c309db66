"""Everything a crawl needs, checked before it starts (``checks.py``): above every other room."""
