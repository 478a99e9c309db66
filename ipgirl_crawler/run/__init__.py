"""Run management: what bounds a run, and how it ends; what a run is checked against (drift
monitors, coverage history) and the tools that replay the crawl's reading of a page outside a crawl
(``ipgirl-extract``)."""
