"""Distributed mode as a plug-in (``run/plugins.py``): loaded by name, only when
``IPGIRL_REDIS_URL`` is set. It installs, as the spider is made, everything a worker of a shared
job needs: the Redis scheduler and the lease and limiter middlewares (settings still open), its
coordinator on Scrapy's signals, and in the run's hooks a state slot of its own, the job's gate
on each batch commit, the job-wide set of emitted URLs, the shared frontier and its verdict.
"""
from __future__ import annotations

from pathlib import Path

from scrapy.crawler import Crawler

from ipgirl_crawler.distributed import check_configuration, start
from ipgirl_crawler.distributed.coordinator import Coordinator
from ipgirl_crawler.distributed.feeds import per_worker_feeds
from ipgirl_crawler.run.plugins import RunHooks, StateSlot
from ipgirl_crawler.run.state import claim_worker_slot

__all__ = ["SHARES_SITE_STATE", "check_configuration", "install"]
# Workers on one machine each take a slot of the site's state (``worker-N``), not its lock.
SHARES_SITE_STATE = True


def install(crawler: Crawler, base_url: str, hooks: RunHooks) -> None:
    coordinator = start(crawler, base_url)
    hooks.state_slot = lambda site_dir: claim_slot(crawler, coordinator, site_dir)
    hooks.commit_gates.append(coordinator.commit_batch)
    hooks.seen_sets["emitted"] = coordinator.emitted_urls
    hooks.shared_frontier = coordinator
    hooks.verdicts.append(coordinator.verdict)


def claim_slot(crawler: Crawler, coordinator: Coordinator, site_dir: Path) -> StateSlot:
    """The first free ``worker-N`` slot of the site's state: the worker's id, the suffix of its run
    ids and its feed files; a batch it left pending is kept only if the job recorded its commit."""
    directory, lock = claim_worker_slot(site_dir)
    coordinator.attach_slot(directory)
    per_worker_feeds(crawler.settings, directory.name)
    return StateSlot(directory, lock, f"-{directory.name}", coordinator.batch_committed)
