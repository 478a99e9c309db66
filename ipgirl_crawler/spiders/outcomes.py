"""What the spider does with the answers that give no page to read: a 304 (unchanged since the
last run), a 404 or 410 (a dead link, or an article that is gone), and a request that failed for
good after its retries. A mixin of ``IpgirlSpider``: its ``count``, ``crawl_state``, ``dead_links``
and ``parse_sitemap`` are the spider's."""
from __future__ import annotations

from typing import Any

from scrapy.http import Response
from twisted.python.failure import Failure

from ipgirl_crawler.logs.safe import safe_for_log
from ipgirl_crawler.run.deadlinks import NotFollowed
from ipgirl_crawler.run.records import RunRecords


class FetchOutcomes:
    crawler: Any
    logger: Any
    crawl_state: Any
    dead_links: Any

    def _not_fetched(self, response: Response) -> None:
        """304: unchanged since the last run. 404/410: a dead link, or an article that is gone."""
        if response.status == 304:
            self.count("unchanged_304")
            return
        key = response.meta.get("article_key")
        known = self.crawl_state.store.article(key) if self.crawl_state and key else None
        if known is None or known.gone:
            self.logger.info("Dead article link (%s): %s", response.status, response.url)
            self.count("dead_links")
            return
        self.logger.warning("Article gone (%s): %s", response.status, known.url)
        self.crawl_state.store.mark_gone(key)
        language, article_id = key.split(":", 1)
        records = RunRecords.of(self.crawler)
        if records is not None:
            records.record("gone", url=known.url, article_id=article_id, language=language, status=response.status)

    def on_error(self, failure: Failure) -> None:
        """A request that failed for good (after retries): logged, counted and recorded; but a 404
        or 410 of a link the site itself gives is a dead link (``run.deadlinks``), and the link
        of a source whose links are mostly dead is not followed."""
        request = getattr(failure, "request", None)
        response = getattr(failure.value, "response", None)
        if failure.check(NotFollowed) or (response is not None and self.dead_links is not None and self.dead_links.dead_link(
                request, response.status, "sitemap" if request.callback == self.parse_sitemap else "listing")):
            return
        reason = f"HTTP {response.status}" if response is not None else (failure.type.__name__ if failure.type else "error")
        attempts = 1 + (request.meta.get("retry_times", 0) if request is not None else 0)
        self.record_failure(getattr(request, "url", "?"), reason, attempts, failure.getErrorMessage())

    def record_failure(self, url: str, reason: str, attempts: int, message: str) -> None:
        self.logger.warning("Failed after %d attempt(s) %s: %s", attempts, url, safe_for_log(message))
        self.crawler.stats.inc_value(f"ipgirl/failures/{reason.replace(' ', '_')}")
        records = RunRecords.of(self.crawler)
        if records is not None:
            records.record("failures", url=url, reason=reason, attempts=attempts)
