"""Author names from machine-readable metadata: JSON-LD (``@graph`` nodes and ``@id`` references
resolved) and ``<meta name="author">``. They name the authors, and they let the byline be found
where it carries no label: the short block under the title that shows these names."""
from __future__ import annotations

from typing import Any

from ipgirl_crawler.pages.text import normalize_text


def is_organization(node: dict[str, Any]) -> bool:
    """An ``Organization`` node (``NewsMediaOrganization``, ``Corporation``…), no person."""
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and (k.endswith("Organization") or k == "Corporation") for k in kinds)


def ld_people(article: dict[str, Any], by_id: dict[str, dict[str, Any]], organizations: bool = True) -> list[str]:
    """The names of the article's ``author`` (a node, a list, or ``{"@id": …}`` references); with
    ``organizations`` False, the people only: a wiki's "Contributors to X", a newsroom's name, is
    no byline where the page names people (era AC: 60 of 120 pages read the organisation)."""
    people = article.get("author")
    people = people if isinstance(people, list) else [people]
    names = []
    for person in people:
        if isinstance(person, dict) and "name" not in person and isinstance(person.get("@id"), str):
            person = by_id.get(person["@id"], person)
        if isinstance(person, dict) and not organizations and is_organization(person):
            continue
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
