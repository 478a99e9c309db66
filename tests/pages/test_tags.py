"""Tags are the site's own pages: a "Tags:" label without links never lends itself the next block's."""
from __future__ import annotations

import json

import pytest

from tests.localsite.fixtures import BASE
from tests.support.helpers import FIXTURES, extract

FOLDER = FIXTURES / "eras" / "C-latin"
TAGS = ('<p>Schlagwörter: <a href="/de/tag/eu/">EU</a>, <a href="/de/tag/forschung/">Forschung</a>, '
        '<a href="/de/tag/daten/">Daten</a>, <a href="/de/tag/halbleiter/">Halbleiter</a></p>')


@pytest.mark.parametrize(("replacement", "tags"), [
    (TAGS, ["EU", "Forschung", "Daten", "Halbleiter"]),
    ("<p>Schlagwörter:</p>", []),  # the share links that follow are no tags
    ('<p>Schlagwörter: <a href="https://elsewhere.example/tag/eu/">EU</a></p>', []),
    # the label word itself a link to the index of labels (a wiki's categories box): the links after it
    ('<div><a href="/w/index.php?title=Special:Categories">Kategorien</a>: <ul><li><a href="/de/category/ai/">KI</a>'
     '</li><li><a href="/de/tag/eu/">EU</a></li><li><a href="/de/tag/daten/">Daten</a></li></ul></div>',
     ["EU", "Daten"]),
    ('<div><a href="/w/index.php?title=Special:Categories">Schlagwörter</a>: <ul><li><a href="/de/tag/eu/">EU</a>'
     '</li></ul></div>', ["EU"]),
    # the article's own section (its breadcrumb's category) beside its tags is its category; another section is a tag
    ('<p>Schlagwörter: <a href="/de/category/ai/">KI</a>, <a href="/de/tag/eu/">EU</a></p>', ["EU"]),
    ('<p>Schlagwörter: <a href="/de/category/robotics/">Robotik</a>, <a href="/de/tag/eu/">EU</a></p>',
     ["Robotik", "EU"]),
    # a label over the section alone gives way to the next label that introduces tags
    ('<table><tr><th>Schlagwörter</th><td><a href="/de/category/ai/">KI</a></td></tr></table><div><a href="/w/Spezial:'
     'Kategorien">Schlagwörter</a>: <ul><li><a href="/de/tag/eu/">EU</a></li></ul></div>', ["EU"]),
    # a bare "Categories" heading (a blog's sidebar of the site's sections) is no categories box
    ('<h3>Kategorien</h3><ul><li><a href="/de/thema/eu/">EU</a></li><li><a href="/de/thema/daten/">Daten</a></li></ul>',
     []),
    # a label over the section's page only: no tag, and its link's text is no comma list either
    ('<p>Kategorien: <a href="/de/category/ai/">KI</a></p>', []),
])
def test_tags_after_a_label(replacement: str, tags: list[str]) -> None:
    html = (FOLDER / "page.html").read_text("utf-8")
    assert TAGS in html
    url = json.loads((FOLDER / "meta.json").read_text("utf-8"))["url"]
    assert extract(html.replace(TAGS, replacement), url, base_url=BASE)["tags"] == tags
