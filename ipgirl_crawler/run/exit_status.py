"""The exit statuses of ``scrapy crawl ipgirl`` and ``ipgirl-crawl`` (README, "Running it every day").

75 is ``EX_TEMPFAIL`` (sysexits.h): another run holds the site's state; try again later.
"""
from __future__ import annotations

EXIT_HEALTHY, EXIT_UNHEALTHY, EXIT_CONFIG, EXIT_LOCKED = 0, 1, 2, 75
