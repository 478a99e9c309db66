"""Plug-ins: modes a run may add, each loaded by name only when its setting is set, so a run
without it never imports it. Distributed mode (``IPGIRL_REDIS_URL``) is the one there is.

A plug-in module offers:

- ``check_configuration(settings)``: its settings, before anything starts (``ConfigurationError``);
- ``SHARES_SITE_STATE``: True when each of its processes takes a state slot of its own
  (``hooks.state_slot``) instead of holding the site's lock for the run;
- ``install(crawler, base_url, hooks)``: called as the spider is made, before the crawl's state
  opens and while the settings are still open: it sets what it replaces (scheduler, middlewares),
  connects to Scrapy's signals and fills ``hooks`` (``RunHooks``) with what the core asks of it.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from scrapy.crawler import Crawler

from ipgirl_crawler.discovery.seen import SeenSet

# setting -> the plug-in module it turns on (a name, not an import: nothing here loads it unasked)
PLUGINS = {"IPGIRL_REDIS_URL": "ipgirl_crawler.distributed.plugin"}


class BatchLeftPending(RuntimeError):
    """A commit gate could not tell whether the batch's commit happened (its store went away
    mid-commit): the batch stays pending in the state store, for the next start's recovery."""


class SharedFrontier(Protocol):
    """A frontier several processes share: only one of them seeds it."""

    prefix: str

    def claim_seeding(self) -> bool: ...


@dataclass(frozen=True)
class StateSlot:
    """The folder of the site's state a process keeps, the lock it holds on it, the suffix of its
    run ids, and who says whether a batch left pending there may be completed."""

    directory: Path
    lock: Any
    suffix: str = ""
    keep_pending: Callable[[Path, str], bool] | None = None


@dataclass
class RunHooks:
    """What plug-ins provide to one crawl; all empty in a local run."""

    state_slot: Callable[[Path], StateSlot] | None = None  # the site's state folder -> this process's slot
    # Each says whether a written batch may commit (False: discard it; ``BatchLeftPending``: leave it).
    commit_gates: list[Callable[[Path, list[str], str], bool]] = field(default_factory=list)
    seen_sets: dict[str, Callable[[], SeenSet]] = field(default_factory=dict)  # name -> a shared set
    shared_frontier: SharedFrontier | None = None
    # Each: (whether this process's part is sound, lines for the operator), asked as the process ends.
    verdicts: list[Callable[[], tuple[bool, list[str]]]] = field(default_factory=list)

    ATTRIBUTE = "_ipgirl_hooks"

    @classmethod
    def of(cls, crawler: Crawler | None) -> RunHooks:
        hooks = getattr(crawler, cls.ATTRIBUTE, None)
        if hooks is None:
            hooks = cls()
            if crawler is not None:
                setattr(crawler, cls.ATTRIBUTE, hooks)
        return hooks

    def seen_set(self, name: str) -> SeenSet:
        """The set ``name`` a plug-in shares across processes, else one of this process's own."""
        factory = self.seen_sets.get(name)
        return factory() if factory is not None else SeenSet()

    def verdict(self) -> tuple[bool, list[str]]:
        """(sound, lines) of every plug-in's part in the run."""
        answers = [verdict() for verdict in self.verdicts]
        return all(sound for sound, _ in answers), [line for _, lines in answers for line in lines]


def enabled(settings: Any) -> list[ModuleType]:
    """The plug-ins the settings turn on, imported now (the first time one is asked for)."""
    return [importlib.import_module(module) for setting, module in PLUGINS.items() if settings.get(setting)]


def check_configuration(settings: Any) -> None:
    for plugin in enabled(settings):
        plugin.check_configuration(settings)


def holds_site_lock(settings: Any) -> bool:
    """False when a plug-in's processes take state slots of their own instead (distributed workers)."""
    return not any(getattr(plugin, "SHARES_SITE_STATE", False) for plugin in enabled(settings))


def install(crawler: Crawler, base_url: str) -> RunHooks:
    """The plug-ins the crawler's settings turn on, installed into its hooks."""
    hooks = RunHooks.of(crawler)
    for plugin in enabled(crawler.settings):
        plugin.install(crawler, base_url, hooks)
    return hooks
