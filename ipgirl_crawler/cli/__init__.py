"""The console entry points: ``ipgirl-crawl`` (``crawl.py``), ``ipgirl-extract`` (``extract.py``)."""
