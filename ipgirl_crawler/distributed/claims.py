"""The job-wide set of emitted URLs: the duplicates pipeline's ``SeenSet`` across all workers."""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.discovery.seen import SeenSet
from ipgirl_crawler.distributed.connection import HeldBack, RedisGone


class UrlClaims(SeenSet):
    """Canonical URLs emitted across the job, each claimed by one article: the same article
    emitting again (its first worker died before committing it) is no duplicate."""

    def __init__(self, coordinator: Any) -> None:
        super().__init__()
        self.coordinator = coordinator

    def add(self, member: str, owner: str = "") -> bool:
        link = self.coordinator.link
        try:
            return bool(link.call(self.coordinator.scripts.run, "claim_url", member, owner))
        except RedisGone as error:
            raise HeldBack(str(error)) from None
