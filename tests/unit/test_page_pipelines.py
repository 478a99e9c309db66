"""Page pipelines: which run in the extraction worker, and how the crawl's chain replays them."""
from __future__ import annotations

from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.settings import Settings

from ipgirl_crawler.items import ArticleItem
from ipgirl_crawler.workers.extraction import extract
from pipelines.base import Counts, PageOutcome, PagePipeline, page_pipelines, run_page_pipelines
from pipelines.body import BodyCleaningPipeline
from pipelines.footer import NoticeSplitPipeline
from pipelines.validate import ContractValidationPipeline, DuplicateUrlPipeline
from pipelines.votes import VotesPipeline
from tests.support.helpers import extract as extract_in_process
from tests.support.helpers import load_example, response_for

FOOTER, BODY, VOTES = "pipelines.footer.NoticeSplitPipeline", "pipelines.body.BodyCleaningPipeline", "pipelines.votes.VotesPipeline"
DUPLICATES, VALIDATE = "pipelines.validate.DuplicateUrlPipeline", "pipelines.validate.ContractValidationPipeline"


@pytest.mark.parametrize(("pipelines", "expected"), [
    ({FOOTER: 100, BODY: 200}, (NoticeSplitPipeline, BodyCleaningPipeline)),
    ({BODY: 100, FOOTER: 50}, (NoticeSplitPipeline, BodyCleaningPipeline)),  # by priority, not by listing
    ({FOOTER: 100, DUPLICATES: 150, VOTES: 200}, (NoticeSplitPipeline,)),  # only the leading run
    ({DUPLICATES: 100, FOOTER: 200}, ()),
    ({FOOTER: 100, BODY: None}, (NoticeSplitPipeline,)),  # a disabled pipeline is not run anywhere
    ({}, ()),
])
def test_the_leading_page_pipelines_run_in_the_worker(pipelines: dict[str, int | None], expected: tuple[type, ...]) -> None:
    assert page_pipelines(Settings({"ITEM_PIPELINES": pipelines})) == expected


def test_the_project_runs_every_cleaning_pipeline_in_the_worker() -> None:
    settings = Settings()
    settings.setmodule("ipgirl_crawler.settings")
    names = [pipeline.name for pipeline in page_pipelines(settings)]
    assert names == ["notice", "body", "votes", "related", "dates", "validate"]


def _item(**fields: Any) -> ArticleItem:
    item = ArticleItem(url="https://www.ipgirl.com/fr/article/1", raw_votes_text="93 out of 132 found this helpful",
                       language="en", **fields)
    return item


@pytest.mark.parametrize(("outcome", "expected_votes"), [
    (None, 93),                                      # not through a worker: the pipeline does its work
    (PageOutcome(("notice",)), 93),                  # the worker stopped before it: it does its work
    (PageOutcome(("notice", "votes")), None),        # done in the worker: passed on untouched
])
def test_a_page_pipeline_replays_what_the_worker_did(outcome: PageOutcome | None, expected_votes: int | None) -> None:
    item = _item()
    item._page_outcome = outcome
    result = VotesPipeline(Counts()).process_item(item)
    assert result.get("helpful_votes") == expected_votes


def test_a_drop_in_the_worker_is_a_drop_in_the_crawl() -> None:
    item = _item()
    item._page_outcome = PageOutcome(("notice",), dropped_by="votes", reason="no votes here")
    with pytest.raises(DropItem, match="no votes here"):
        VotesPipeline(Counts()).process_item(item)


def test_run_page_pipelines_counts_and_stops_at_a_drop() -> None:
    counts = Counts()
    item, outcome = run_page_pipelines(dict(_item()), (VotesPipeline, ContractValidationPipeline), counts)
    assert (item["helpful_votes"], item["total_votes"]) == (93, 132)
    assert counts["ipgirl/votes/parsed"] == 1
    assert outcome == PageOutcome(("votes",), dropped_by="validate", reason=outcome.reason)
    assert "title" in outcome.reason and counts["ipgirl/validate/dropped"] == 1


def test_crawl_state_pipelines_are_not_page_pipelines() -> None:
    # They read or change what this process remembers across items: they must run in it.
    assert not issubclass(DuplicateUrlPipeline, PagePipeline)


@pytest.mark.parametrize("name", ["article-A-fr-seed", "article-A-ja", "article-B-de"])
def test_extract_with_page_pipelines_equals_the_in_process_chain(name: str) -> None:
    html, expected = load_example(name)
    url = expected["url"]
    response = response_for(html, url)
    settings = Settings()
    settings.setmodule("ipgirl_crawler.settings")
    result = extract(url, response.body, dict(response.headers), "https://www.ipgirl.com", page_pipelines(settings))
    in_process = extract_in_process(html, url)
    assert result.item is not None
    in_process.pop("crawled_at"), result.item.pop("crawled_at")
    assert result.item == in_process
    assert result.outcome is not None and result.outcome.dropped_by is None
    assert result.counts["ipgirl/body/removed/script"] >= 0 and result.counts
