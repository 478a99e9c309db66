"""The checks of the fields a page restates under its labels and links (``pages/restated.py``):
``modified_at`` against every modification date the page states, ``authors`` against every name its
metadata, "by" lines and author links state, ``tags`` against its links to the site's tag pages that
are not the site's chrome, and its ``article:tag`` metas and JSON-LD ``keywords``. Pure over one
article's record and, for what most pages of a language show alike (a tag cloud, a contributors
list), the run's records (``SharedLinks``).
"""
from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

from ipgirl_crawler.monitoring.verify_facts import modified_verdict as lastmod_verdict
from ipgirl_crawler.monitoring.verify_match import norm, parse_instant, same_instant

Verdict = tuple[str, str]
NONE: Verdict = ("unverifiable", "")
# A modification stated within this of the publication is the publication itself: a wiki footer's
# "last edited on" the day it was published, a CMS that stamps dateModified as it publishes. The
# local site's modifications fall days to weeks after; a day's slack either side of a local day.
SAME_CHANGE = timedelta(hours=38)
# What most pages of a language show alike is the site's chrome, not the article's: a tag cloud in
# a sidebar (held-out blog design AA: the same ten tags on every page), a contributors list. Seen
# on at least this share of a language's pages, and on MIN_SHARED_PAGES of them.
SHARED_SHARE = 0.3
MIN_SHARED_PAGES = 4


class SharedLinks:
    """The tag groups and author names shown on many pages of a language (``SHARED_SHARE``)."""

    def __init__(self, records: Any) -> None:
        pages: Counter[str] = Counter()
        groups: Counter[tuple[str, frozenset[str]]] = Counter()
        for record in records:
            language = record.get("language") or ""
            statements = record.get("statements") or {}
            pages[language] += 1
            for kind in ("tag_groups", "author_links"):
                groups.update({(language, _signature(kind, group)) for group in statements.get(kind) or ()})

        def shared(count: int, language: str) -> bool:
            return count >= MIN_SHARED_PAGES and count >= SHARED_SHARE * pages[language]

        # A whole group, not each name: an author writes many of a language's articles (a pool of
        # 3-5 authors a language: each linked on ~30 % of its pages in eras A-V, seed 11).
        self.groups = frozenset(key for key, count in groups.items() if shared(count, key[0]))

    def names(self, record: dict[str, Any], kind: str) -> list[str]:
        """The names of the record's ``kind`` groups ("tag_groups", "author_links") that are not
        chrome, each once."""
        language = record.get("language") or ""
        kept = [group for group in (record.get("statements") or {}).get(kind) or ()
                if (language, _signature(kind, group)) not in self.groups]
        return list(dict.fromkeys(name for group in kept for name in group))


def _signature(kind: str, group: list[str]) -> frozenset[str]:
    return frozenset([kind, *(norm(name) for name in group)])


def _same_set(a: list[str], b: list[str]) -> bool:
    return {norm(x) for x in a} == {norm(x) for x in b}


def tags_verdict(record: dict[str, Any], shared: SharedLinks) -> Verdict:
    """The tags are the page's own tag links (the article's header's, else all its groups but the
    chrome), or its ``article:tag`` metas; JSON-LD ``keywords`` may confirm them (a keyword list
    often holds the category too, so it contradicts nothing)."""
    statements = record.get("statements") or {}
    metas = statements.get("tag_metas") or {}
    sources = [("the article's header links", statements.get("header_tags") or []),
               ("the tag box after the body", statements.get("closing_tags") or []),
               ("the story's footer links", statements.get("footer_tags") or []),
               ("the page's tag links", shared.names(record, "tag_groups")), ("the article:tag metas", metas.get("article:tag") or [])]
    sources = [(source, names) for source, names in sources if names]
    tags = [tag for tag in record.get("tags") or [] if isinstance(tag, str)]
    if any(_same_set(tags, names) for _, names in sources) or tags and _same_set(tags, metas.get("keywords") or []):
        return "verified", ""
    if not sources:
        return NONE
    said = "; ".join(f"{source}: {names[:6]!r}" for source, names in sources[:2])
    return "contradicted", f"got {tags!r}; {said}"


def _glued(name: str, stated: str) -> bool:
    """A stated text holding the name with something glued on: an avatar's initial ("MMei Lin",
    "刘刘洋"). A name of 5 characters or more, or of a script written without spaces (a 2-character
    Chinese name), so that "li" is not found in "mei lin"."""
    return name in stated and (len(name) >= 5 or not name.isascii() and " " not in name)


def authors_verdict(record: dict[str, Any], shared: SharedLinks) -> Verdict:
    """Every name the page states as its author's (JSON-LD Persons, ``meta author``, the names of its
    "by" lines, its links to the site's author pages that are not chrome) is in the item, and every
    name of the item is stated by one of them."""
    statements = record.get("statements") or {}
    sources = [(f"the page's {'JSON-LD' if kind == 'ld' else 'meta'} author", names)
               for kind, names in sorted((statements.get("authors") or {}).items())]
    sources += [("a 'by' line", names) for names in statements.get("bylines") or ()]
    links = shared.names(record, "author_links")
    sources += [("the links to author pages", links)] if links else []
    if not sources:
        return NONE
    stated = {norm(name): name for _, names in sources for name in names if norm(name)}
    mine = {norm(name): name for name in record.get("authors") or [] if isinstance(name, str)}
    # A stated text holding one of the item's names is that name with what a page glues to it (an
    # avatar's initial before it: "JJulien Moreau", held-out email design W, 3 of 58 pages).
    missing = [name for key, name in stated.items() if key not in mine and not any(_glued(m, key) for m in mine)]
    extra = [name for key, name in mine.items() if key not in stated and not any(_glued(key, s) for s in stated)]
    if not missing and not extra and mine:
        return "verified", ""
    # Metadata naming the item's first writers and no more states nothing of the others: a platform's
    # meta author is the account that posted a co-written story (held-out post design AB).
    if not missing and all(source.startswith("the page's") for source, _ in sources) \
            and list(mine)[:len(stated)] == list(stated):
        return NONE
    problem = (f"missing {missing[:3]!r}" if missing else "") + ("; " if missing and extra else "") \
        + (f"{extra[:3]!r} stated nowhere" if extra else "")
    said = "; ".join(f"{source} says {names[:4]!r}" for source, names in sources[:3])
    return "contradicted", f"got {list(mine.values())!r}: {problem}; {said}"


def _after(stated: str, reference: str) -> bool | None:
    """Whether a stated modification is later than the publication by more than ``SAME_CHANGE``."""
    mine, theirs = parse_instant(reference), parse_instant(stated)
    if mine is None or theirs is None:
        return None
    return theirs[0] - mine[0] > SAME_CHANGE


def _near(stated: str, reference: str) -> bool:
    mine, theirs = parse_instant(reference), parse_instant(stated)
    return mine is not None and theirs is not None and abs(theirs[0] - mine[0]) <= SAME_CHANGE


def modified_verdict(record: dict[str, Any]) -> Verdict:
    """``modified_at`` against the modification dates the page states (its metadata's, and those
    after an "updated" label anywhere on it, parsed: ``update_days``). A value agrees with one of
    them; an empty one is contradicted by a stated date later than the publication (held-out blog
    design AA: "· Updated May 2, 2024" in the post footer, 24 of 114 pages read without it). Where
    the page states nothing, the sitemap's lastmod decides (``verify_facts``)."""
    statements = record.get("statements") or {}
    updates = [*(statements.get("modified") or ()), *(statements.get("update_days") or ())]
    stated = list(dict.fromkeys([*updates, *(statements.get("edit_days") or ())]))
    stated = [value for value in stated if parse_instant(value) is not None]
    value = record.get("modified_at")
    if not stated:
        return lastmod_verdict(record)
    if value:
        outcomes = [same_instant(value, s) for s in stated]
        if any(outcomes):
            return "verified", ""
        if False in outcomes:
            return "contradicted", f"got {value!r}; the page states the update {stated[:3]!r}"
        return lastmod_verdict(record)
    reference = record.get("published_at") or next(iter([*(statements.get("published") or ()),
                                                         *(statements.get("published_days") or ())]), None)
    if not reference:
        # An update stated, the publication unknown: a page shows "Updated <day>" when it changed
        # after it went out (held-out blog design AA: 12 of 114 pages read without their update and
        # without any publication); a wiki footer's "last edited" stands on unchanged pages too.
        shown = [s for s in updates if parse_instant(s) is not None]
        if shown:
            return "contradicted", f"empty; the page states an update on {shown[0]!r} (its publication not read)"
        return NONE
    later = [s for s in stated if _after(s, reference)]
    if later:
        return "contradicted", f"empty; the page states an update on {later[0]!r}, after the publication {reference!r}"
    if all(_near(s, reference) for s in stated):  # the page's last change is its publication
        return "verified", ""
    return lastmod_verdict(record)


def related_elsewhere(record: dict[str, Any], keys: list[str | None]) -> Verdict | None:
    """Cards read none of which the page links under its related heading ("Discover more"): read
    from another list (held-out wiki design AC: a "See also" section's one link, its snippet "Read
    also", on 4 of 120 pages, the card's article itself read too poorly to judge the card)."""
    targets = (record.get("statements") or {}).get("related_targets") or []
    if not targets or not keys or set(keys) & set(targets):
        return None
    return "contradicted", f"cards {keys[:3]!r} read, none of the articles the related heading lists ({targets[:3]!r})"
