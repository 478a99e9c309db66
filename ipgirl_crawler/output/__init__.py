"""Output: how the crawl's files are created on disk."""
