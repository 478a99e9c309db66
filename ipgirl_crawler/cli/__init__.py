"""The console entry points: ``ipgirl-crawl`` (``crawl.py``), ``ipgirl-extract`` (``extract.py``),
``ipgirl-compact`` (``compact.py``)."""
