"""The cross-checks per job (README "How right is this run"): each worker, as it leaves, puts its
share of the checks (``CrossChecks.part``: its article records and listing teasers, JSON,
zlib-compressed, about 0.5 KB an article) in the job's hash ``<prefix>:verify`` under its id; the
last worker to leave reads them all and runs the checks over the whole job
(``monitoring/verify_job``). A worker that was killed never hands its share over: its articles are
missing from the job's checks (``articles`` in the manifest's ``verify`` says how many were checked).
"""
from __future__ import annotations

import json
import logging
import zlib
from typing import Any

from ipgirl_crawler.monitoring.thresholds import monitor_thresholds
from ipgirl_crawler.monitoring.verify_job import job_verify
from ipgirl_crawler.run.crosschecks import CrossChecks

logger = logging.getLogger(__name__)


def publish_share(coordinator: Any) -> None:
    """This worker's share, under its id (a restarted worker's replaces its earlier life's)."""
    checks = CrossChecks.of(coordinator.crawler)
    if checks is None:
        return
    try:
        blob = zlib.compress(json.dumps(checks.part(), ensure_ascii=False).encode("utf-8"))
    except (TypeError, ValueError) as error:  # a record JSON cannot hold: the job checks without this share
        logger.error("This worker's share of the cross-checks could not be written: %s", error)
        return
    coordinator.link.call(coordinator.link.client.hset, f"{coordinator.prefix}:verify", coordinator.worker, blob)


def job_verdict(coordinator: Any) -> dict[str, Any] | None:
    """The checks over every share handed over; None when this process runs no checks, or they
    failed (logged and counted: they judge the job, they must never break its accounting)."""
    try:
        return _job_verdict(coordinator)
    except Exception:
        logger.exception("The job's cross-checks could not run")
        coordinator.crawler.stats.set_value("ipgirl/verify/job_error", 1)
        return None


def _job_verdict(coordinator: Any) -> dict[str, Any] | None:
    checks = CrossChecks.of(coordinator.crawler)
    if checks is None:
        return None
    raw = coordinator.link.call(coordinator.link.client.hgetall, f"{coordinator.prefix}:verify")
    parts = []
    for worker, blob in sorted(raw.items()):
        try:
            parts.append(json.loads(zlib.decompress(blob)))
        except (zlib.error, ValueError) as error:  # written by something else: that share is not checked
            logger.warning("The cross-checks share of %r could not be read: %s", worker, error)
    return {"shares": len(parts), **job_verify(parts, checks.known, monitor_thresholds(coordinator.crawler.settings))}
