"""The run's archive: every article response with a body, as gzip WARC/1.1 (ISO 28500), and replay.

- ``warc.py``: one fetch as WARC records (request, response), each its own gzip member.
- ``writer.py``: the extension that writes them beside the run's other files,
  ``archive/run_date=…/ipgirl-<run_id>-<n>.warc.gz``, crash-safe like the item batches.
- ``reader.py``: WARC → Scrapy ``HtmlResponse`` (``responses_from_warc``), counting torn records.
- ``replay.py``: ``-a replay=RUN_ID|PATH|GLOB`` runs the spider over archived responses, never the site.

Which library, measured here (200 article pages of the local site, 34 KiB of HTML each on average;
``ms`` per response record with its digests and gzip member):

| library | ms/record | KiB/record |
|---|---|---|
| warcio 1.8.1 ``WARCWriter(gzip=True)`` | 1.16 | 6.7 |
| fastwarc 2.0.0, its own gzip at level 1 / 6 | 0.27 / 0.54 | 9.8 / 7.0 |
| hashlib + zlib level 1 by hand | 0.37 | 8.0 |
| **fastwarc 2.0.0 record + digests, isal 1.9.1 gzip level 1** | **0.19** | **7.8** |

scrapy-webarchive 0.5.3 requires Scrapy < 2.12 (installing it would downgrade Scrapy) and writes
its WACZ when the spider closes, so a ``kill -9`` loses the run's archive: not an option. A full
crawl keeps both cores of this machine busy (crawl process, extraction worker, site server), so
every millisecond an article costs, wherever it runs, is throughput lost: warcio would cost ~20 %
of it, fastwarc + ISA-L's deflate (python-isal; plain gzip members any reader inflates) ~4 %.
fastwarc (Rust) builds the records and their SHA-1 block digests; warcio stays the independent
reader of the tests (``warcio check``).
"""
