"""Author names from machine-readable metadata: JSON-LD (``@graph`` nodes and ``@id`` references
resolved) and ``<meta name="author">``. They name the authors, and they let the byline be found
where it carries no label: the short block under the title that shows these names."""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.pages.text import normalize_text


def ld_people(article: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[str]:
    """The names of the article's ``author`` (a node, a list, or ``{"@id": …}`` references)."""
    people = article.get("author")
    people = people if isinstance(people, list) else [people]
    names = []
    for person in people:
        if isinstance(person, dict) and "name" not in person and isinstance(person.get("@id"), str):
            person = by_id.get(person["@id"], person)
        if isinstance(person, dict) and isinstance(person.get("name"), str):
            names.append(normalize_text(person["name"]))
        elif isinstance(person, str):
            names.append(normalize_text(person))
    return [name for name in names if name]


def objects_by_id(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}


def with_cowriters(linked: list[str], named: list[str]) -> list[str]:
    """The byline's ``named`` writers when they are the author row's ``linked`` ones and more: a
    platform links the account that posted a co-written story, its own "By A and B" line, linking no
    one, names every writer (era AB: 31 of 120 pages kept only the first). A byline that leaves a
    linked name out is read no further than the links (a byline holding the links is read by them,
    the words beside a name being its role: the caller's)."""
    return named if len(named) > len(linked) and set(linked) <= set(named) else linked
