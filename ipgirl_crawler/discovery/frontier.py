"""The disk queue of pending requests (``SCHEDULER_DISK_QUEUE``) and the duplicate filter
(``DUPEFILTER_CLASS``).

Scrapy's ``PickleFifoDiskQueue`` turns a request into a dict with ``Request.to_dict``, which
finds the callback's name by scanning every member of the spider (``inspect.getmembers``) for
every request: a quarter of a millisecond each, a tenth of the crawl process's time. This
queue writes the same dict, with the names of the spider's methods found once.
"""
from __future__ import annotations

import inspect
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrapy import Request, Spider
from scrapy.dupefilters import RFPDupeFilter
from scrapy.squeues import PickleFifoDiskQueue


class MethodNames:
    """The names of a spider's methods, by function, read once."""

    def __init__(self, spider: Spider | None) -> None:
        self.spider = spider
        self._names: dict[Any, str] | None = None

    def of(self, function: Callable[..., Any] | str | None) -> str | None:
        if function is None or isinstance(function, str):
            return function
        if self._names is None:
            members = inspect.getmembers(self.spider, predicate=inspect.ismethod) if self.spider else []
            self._names = {method.__func__: name for name, method in members}
        name = self._names.get(getattr(function, "__func__", None))
        if name is None:
            raise ValueError(f"Function {function} is not an instance method in: {self.spider}")
        return name


def request_to_dict(request: Request, names: MethodNames) -> dict[str, Any]:
    """``request.to_dict(spider=...)``, with the callback names from ``names``."""
    data: dict[str, Any] = {"url": request.url, "callback": names.of(request.callback),
                            "errback": names.of(request.errback), "headers": dict(request.headers)}
    for attribute in request.attributes:
        data.setdefault(attribute, getattr(request, attribute))
    if type(request) is not Request:
        data["_class"] = f"{type(request).__module__}.{type(request).__name__}"
    return data


class FifoDiskQueue(PickleFifoDiskQueue):  # type: ignore[misc,valid-type]
    def push(self, request: Request) -> None:
        names = self.__dict__.get("_method_names")
        if names is None:
            names = self._method_names = MethodNames(self.spider)
        # PickleFifoDiskQueue.push would call to_dict itself: the queue below it takes the dict.
        super(PickleFifoDiskQueue, self).push(request_to_dict(request, names))


def deduplicated_by_the_spider(request: Request) -> bool:
    """An article request: the spider schedules each (language, id) once (``scheduled_articles``,
    shared by distributed workers), so a fingerprint of it would only be taken and stored again."""
    return request.meta.get("article_key") is not None


class ArticleDupeFilter(RFPDupeFilter):
    def request_seen(self, request: Request) -> bool:
        return False if deduplicated_by_the_spider(request) else super().request_seen(request)


def spill_frontier_to_disk(settings: Any, state_dir: Path) -> None:
    """Queue pending requests on disk under the site's state directory, so memory does not grow
    with the site. The queue is this process's only: our own state, not the queue, resumes an
    interrupted run, so it starts empty every time."""
    if settings.get("JOBDIR") or settings.get("SCHEDULER") != "scrapy.core.scheduler.Scheduler":
        return
    frontier = state_dir / "frontier"
    if frontier.is_symlink():  # planted after the start-up check named it: removed, never written through
        frontier.unlink()
    shutil.rmtree(frontier, ignore_errors=True)
    settings.set("JOBDIR", str(frontier), priority="spider")
