"""Scrapy extensions of the ipgirl crawler (enable them in ``EXTENSIONS``)."""
