"""Discovery: what the crawl learns of the site before and while it finds articles."""
