"""Does every expected field show on the served page? A reader's-eye check of the oracle.

Independent of the templates: the page is decoded from its declared charset (WHATWG label
mapping), parsed with lxml and flattened into the lines a browser would show (block elements and
<br> break lines; scripts, styles and <noscript> are not shown). Then, for one expected item:
title (an h1), summary (meta description and a visible line), breadcrumbs, authors in a byline line,
dates (a machine-readable source if any, else a visible date in the byline), every body block as a
line of its own, in order, between byline and notice with nothing but captions and "Read also"
lines in between, images, notice, tags, share label, votes, related cards, canonical and hreflang.

Constructs of the opt-in eras it knows: an XML prolog (XHTML served as text/html) is dropped before
parsing; <details>/<summary> are blocks; hAtom abbr[title] ISO dates and the second <time datetime> (the
modification) are machine-readable; a byline may be a label line (a <dt>) followed by the names, with the
date on the next lines up to the body; a card's snippet may follow its category ("AI — snippet…"); a bracketed chrome link
closing a line ("History[edit]", "….[1]") is not the line's text; tags may be a labelled list (a wiki's categories box).

    python -m tests.localsite.pagecheck --articles 300 --seed 1 --eras E,F
    python -m tests.localsite.pagecheck --articles 900 --seed 3 --eras G,H,I
"""
from __future__ import annotations

import argparse
import http.client
import json
import re
import sys
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import html as lxml_html

from .fmt import LANGS, POSTED_BY, UI, format_date, format_relative, format_votes, norm

_BREAK = "\x00"
_ZWSP = "\u200b"  # zero-width space: shows nothing (U: Docusaurus's heading hash links)
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>")  # XHTML served as text/html: a browser ignores it
# an inline display:none element shows nothing (W: an email's preview-text span, the summary again)
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_ISO = re.compile(r"\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:?\d\d)?)?")
BLOCK = frozenset("address article aside blockquote body center dd details div dl dt fieldset figcaption figure footer "
                  "form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td th thead "
                  "tr ul button".split())
HIDDEN = frozenset("script style noscript head template iframe textarea select".split())
# WHATWG label -> python codec (https://encoding.spec.whatwg.org/#names-and-labels)
WHATWG = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "windows-1252": "cp1252",
          "gb2312": "gbk", "gbk": "gbk", "shift_jis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
          "utf-8": "utf-8"}

# A value of each field that no page shows: the oracle must fail a page's expected item holding it.
WRONG_EXPECTED_FIELDS = (
    ("title", "A title nobody shows"),
    ("summary", "A summary nobody shows."),
    ("authors", ["Nobody Anywhere"]),
    ("published_at", "2001-01-01T00:00:00Z"),
    ("body_text", "A paragraph nobody shows."),
    ("site_notice", "A notice nobody shows."),
    ("tags", ["no-such-tag"]),
)


def decode(body: bytes, content_type: str) -> tuple[str, list[str]]:
    problems = []
    m = re.search(r"charset=([\w.:-]+)", content_type or "", re.I)
    label = (m.group(1) if m else "utf-8").lower()
    codec = WHATWG.get(label, label)
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        return body.decode(codec, "replace"), [f"does not decode as {label}: {exc}"]
    declared = re.findall(r"""<meta[^>]*charset=["']?([\w.:-]+)""", text[:4000], re.I)
    if not declared or declared[0].lower() != label:
        problems.append(f"meta charset {declared} != header {label}")
    return text, problems


def lines_of(doc) -> list[str]:
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is not None and tag not in HIDDEN and not _STYLE_HIDDEN.search(el.get("style", "")):
            brk = tag in BLOCK or tag == "br"
            if brk:
                out.append(_BREAK)
            if tag == "input" and el.get("type") in ("submit", "button"):
                out.append(f" {el.get('value', '')} ")
            if el.text:
                out.append(el.text)
            for child in el:
                walk(child)
            if brk:
                out.append(_BREAK)
        if el.tail:
            out.append(el.tail)

    body = doc.find("body")
    walk(body if body is not None else doc)
    text = re.sub(r"\s+", " ", "".join(out)).replace(_ZWSP, "")
    return [line for line in (norm(x) for x in text.split(_BREAK)) if line]


def _iso_utc(raw: str) -> str:
    raw = raw.strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", raw):
        return raw + "T00:00:00Z"
    dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def machine_dates(doc) -> tuple[list[str], list[str]]:
    """(published, modified) ISO UTC strings from JSON-LD, article:*_time, itemprop or time[datetime]."""
    pub = doc.xpath("//meta[@property='article:published_time']/@content|//meta[@itemprop='datePublished']/@content")
    mod = doc.xpath("//meta[@property='article:modified_time']/@content|//meta[@itemprop='dateModified']/@content")
    for raw in doc.xpath("//script[@type='application/ld+json']/text()"):
        data = json.loads(raw)
        pub += [data["datePublished"]] if "datePublished" in data else []
        mod += [data["dateModified"]] if "dateModified" in data else []
    times = doc.xpath("//time[@datetime]")
    if not pub:
        pub = [t.get("datetime") for t in times if "modified" not in t.get("class", "")][:1]
        # the next <time datetime> (G: "Updated <time>") is the modification date when nothing else names it
        mod = mod or [t.get("datetime") for t in times if "modified" in t.get("class", "")][:1] or \
            [t.get("datetime") for t in times if "modified" not in t.get("class", "")][1:2]
    # microformats (hAtom): <abbr class="published" title="2023-07-04T08:15:00+02:00">4 juillet 2023</abbr>
    abbr = [(a.get("class", "").split(), a.get("title", "").strip()) for a in doc.xpath("//abbr[@title]")]
    abbr = [(cls, t) for cls, t in abbr if _ISO.fullmatch(t)]
    pub = pub or [t for cls, t in abbr if "published" in cls][:1]
    mod = mod or [t for cls, t in abbr if "updated" in cls][:1]
    return [_iso_utc(x) for x in pub], [_iso_utc(x) for x in mod]


_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day_texts(iso: str, now: datetime, langs: set[str]) -> set[str]:
    day = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    n = (now.astimezone(timezone.utc).date() - day.date()).days
    # English chrome also writes the month short: "Jul 4, 2023" (R, AB) reads as the same day
    short = {f"{_SHORT_MONTHS[day.month - 1]} {day.day}, {day.year}"} if "en" in langs else set()
    return {format_date(day, lang) for lang in langs} | {format_relative(n, lang) for lang in langs} | short


def _tag_pills(doc, tags: list[str], tail: list[str]) -> bool:
    """Topic pills after the story need no label (AB: Medium's): the tags, in order, each a line of its own, one
    after the other (a row of chips), each link a box (a block inside the link); plain tag links (A's "t1 t2",
    even a lone one) still need "Tags:"."""
    n = len(tags)
    chips = {norm(a.text_content()) for a in doc.xpath("//a[contains(@href, '/tag/')]")
             if any(isinstance(d.tag, str) and d.tag in BLOCK for d in a.iterdescendants())}
    return all(t in chips for t in tags) and any(tail[i:i + n] == tags for i in range(len(tail) - n + 1))


def _strip_tracking(url: str) -> str:
    parts = urlsplit(url)
    query = "&".join(q for q in parts.query.split("&") if q and not q.startswith("utm_"))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _without_trailing_link(line: str, chrome: frozenset[str]) -> str:
    """A bracketed chrome link that closes a line is not the line's text (AC: a wiki heading's "[edit]", a
    paragraph's footnote marker "[1]"): "History[edit]" reads as the heading "History"."""
    for tail in (c for c in chrome if c.startswith("[") and c.endswith("]")):
        if line.endswith(tail) and len(line) > len(tail):
            return line[:-len(tail)].rstrip()
    return line


def _labelled_list(lines: list[str], names: list[str]) -> bool:
    """Some label line ("Categories:", "Catégories :") followed by a list holding every name (AC: the wiki's
    categories box lists the page's category then its tags, one link a line)."""
    return any(ln.endswith((":", "：")) and set(names) <= set(lines[k + 1:k + 2 + len(names)])
               for k, ln in enumerate(lines))


def check_page(body: bytes, content_type: str, item: dict, fetched_url: str, now: datetime,
               chrome: frozenset[str] = frozenset()) -> list[str]:
    text, problems = decode(body, content_type)
    doc = lxml_html.fromstring(_XML_PROLOG.sub("", text, count=1))
    lines = [_without_trailing_link(ln, chrome) for ln in lines_of(doc)]
    fail = problems.append
    lang = item["language"]
    langs = {lang, "en"}
    ui_any = [UI[x] for x in langs]

    def idx(value: str, start: int = 0) -> int:
        return next((i for i in range(start, len(lines)) if lines[i] == value), -1)

    # head
    if doc.xpath("string(/html/@lang)") not in ("", lang):
        fail("html lang")
    canon = doc.xpath("//link[@rel='canonical']/@href")
    if (canon[0] if canon else _strip_tracking(fetched_url)) != item["url"]:
        fail(f"url: canonical {canon} / fetched {fetched_url}")
    hreflang = {h: u for h, u in zip(doc.xpath("//link[@hreflang]/@hreflang"), doc.xpath("//link[@hreflang]/@href"))
                if h not in ("x-default", lang)}
    if hreflang != item["translations"]:
        fail("translations")
    if [norm(x) for x in doc.xpath("//meta[@name='description']/@content")] != [item["summary"]]:
        fail("meta description")
    h1s = [norm(h.text_content()) for h in doc.iter("h1")]
    # a blog's h1 may be the blog's name; the post's title is then an h2/h3 (AA: Blogger's h3.post-title)
    sub_heads = [norm(h.text_content()) for h in doc.iter("h2", "h3")] if h1s else []
    if item["title"] not in h1s and item["title"] not in sub_heads:
        fail("no h1 with the title")
    # the h1's line is the title line nearest before the summary (a sidebar may list the title first);
    # the summary is the first one after a title line (an email's preheader may show it above the title)
    i_sum = idx(item["summary"], idx(item["title"]) + 1)
    i_title = max((k for k in range(max(i_sum, 0)) if lines[k] == item["title"]), default=idx(item["title"]))
    if not 0 <= i_title < i_sum:
        fail("summary not a line after the title")
    crumbs = item["breadcrumbs"]
    head = lines[:max(i_title, 0)]
    if not any(ln.startswith(crumbs[0]) and ln.endswith(crumbs[-1]) and len(ln) < sum(map(len, crumbs)) + 8
               for ln in head) and not any(head[i:i + len(crumbs)] == crumbs for i in range(len(head))):
        fail("breadcrumbs line")
    # byline: a line "By A and B …" (a blog's "Posted by A at 10:15 AM"), or a label line ("By", "著者：",
    # a <dt>) followed by the names
    labels = {UI[x]["by"] for x in LANGS}
    by_labels = [(UI[x]["by"], x) for x in LANGS] + [(POSTED_BY[x], x) for x in LANGS]

    def is_byline(ln: str) -> bool:
        return any(ln.startswith(label + " ") or ln.startswith(label) and x in ("ja", "zh", "ko")
                   for label, x in by_labels) and all(a in ln for a in item["authors"])

    def byline_at(k: int) -> str:
        return f"{lines[k]} {lines[k + 1]}" if lines[k] in labels and k + 1 < len(lines) else lines[k]

    def names_block(k: int) -> bool:  # no label: names (avatars, one a line, maybe with a role) only
        n = len(item["authors"])
        return lines[k].startswith(item["authors"][0]) and all(a in " ".join(lines[k:k + 2 * n]) for a in item["authors"])

    by = [(k, byline_at(k)) for k in range(i_sum + 1, len(lines)) if is_byline(byline_at(k)) or names_block(k)]
    if not by:
        fail("no byline line with all authors")
        return problems
    i_by = by[0][0]
    # a blog's post footer holds the byline AFTER the body (AA: Blogger's "Posted by A at 10:15 AM"): when the
    # first byline follows the body's first block, the body is read from the summary on
    first_block = idx(item["body_text"].split("\n\n")[0], i_sum + 1)
    body_from = i_sum if 0 <= first_block < i_by else i_by
    metas = [norm(x) for x in doc.xpath("//meta[@name='author']/@content")]
    if metas and metas != [", ".join(item["authors"])]:
        fail("meta author")
    # body: each block a line, in order, between byline and notice; only captions/read-also around
    blocks = item["body_text"].split("\n\n")
    captions = {im["caption"] for im in item["images"] if im["caption"]}
    read_also = tuple(u["read_also"] for u in ui_any)
    pos, found = body_from, []
    for block in blocks:
        j = idx(block, pos + 1)
        if j < 0:
            fail(f"body block not a line (in order): {block[:60]!r}")
            return problems
        found.append(j)
        pos = j
    # dates: a machine-readable source, else a visible date in the byline (its lines up to the body)
    zone = " ".join(lines[i_sum + 1:found[0]]) + " " + by[0][1]  # the lines between summary and body
    zone += " " + (lines[i_title - 1] if i_title > 0 else "")  # a blog's date header right above the title
    pub, mod = machine_dates(doc)
    if pub:
        if pub[0] != item["published_at"]:
            fail(f"machine date {pub[0]} != {item['published_at']}")
    elif not any(t in zone for t in _day_texts(item["published_at"], now, langs)):
        fail(f"no visible date for {item['published_at']} in {zone!r}")
    after = " ".join(lines[pos + 1:])  # a docs page's "Last updated on …" follows the body
    if item["modified_at"]:
        if mod:
            if mod[0] != item["modified_at"]:
                fail("machine modified date")
        elif not any(t in zone or t in after for t in _day_texts(item["modified_at"], now, langs)):
            fail("no visible modified date")
    end = idx(item["site_notice"], pos + 1) if item["site_notice"] else pos + 1
    if item["site_notice"] and end < 0:
        fail("notice not a line after the body")
        end = pos + 1
    extra = [ln for i, ln in enumerate(lines[found[0]:end], found[0])
             if i not in found and ln not in captions and ln not in chrome and not ln.startswith(read_also)]
    if extra:
        fail(f"unexpected text in the body: {extra[:3]}")
    # images
    imgs = {(urljoin(fetched_url, im.get("src", "")), norm(im.get("alt", ""))) for im in doc.iter("img")}
    for im in item["images"]:
        if (im["url"], im["alt"]) not in imgs:
            fail(f"image {im['url']}")
        if im["caption"] and im["caption"] not in lines:
            fail("caption")
    # after the body
    tail = lines[end:]
    tail_text = " ".join(tail)
    hrefs: dict[str, set[str]] = {}
    for a in doc.iter("a"):
        hrefs.setdefault(norm(a.text_content()).lstrip("#"), set()).add(a.get("href", ""))
    for tag in item["tags"]:
        if not any("/tag/" in h for h in hrefs.get(tag, ())):
            fail(f"tag {tag}")
    # tags shown under the title (a forum topic's chips, a workspace page's "Tags" property) need no "Tags:" label
    head_text = " ".join(lines[i_title:found[0]])
    if item["tags"] and not all(t in head_text for t in item["tags"]) and not any(u["tags"] in tail_text for u in ui_any) \
            and not _tag_pills(doc, item["tags"], tail) and not _labelled_list(tail, item["tags"]):
        fail("tags label")
    if not any(u["share"] in " ".join(lines[i_title:]) for u in ui_any):
        fail("share label")
    if item["total_votes"] is None:
        if any(u["helpful_q"] in tail_text for u in ui_any):
            fail("votes widget shown but expected absent")
    else:
        counts = {norm(format_votes(item["helpful_votes"], item["total_votes"], x, k)) for x in langs for k in (0, 1)}
        if not any(u["helpful_q"] in tail_text for u in ui_any) or not counts & set(tail):
            fail("votes widget / count line")
    if item["related"]:
        i_disc = next((i for i, ln in enumerate(tail) if ln in [u["discover"] for u in ui_any]), -1)
        if i_disc < 0:
            fail("discover heading")
        # a link's accessible name: its aria-label, else its text (one-link cards hold more than the title)
        cards = [(_strip_tracking(urljoin(fetched_url, a.get("href", ""))), norm(a.get("aria-label") or a.text_content()))
                 for a in doc.iter("a")]
        cpos = 0
        for rel in item["related"]:
            hit = next((k for k in range(cpos, len(cards)) if cards[k][0] == rel["url"]
                        and rel["title"] in cards[k][1]), -1)
            if hit < 0:
                fail(f"related card {rel['url']}")
                continue
            cpos = hit + 1
            shown = {rel["snippet"] + e for e in ("...", "…")} if rel["snippet_truncated"] else {rel["snippet"]}
            # the snippet a line of its own, or after the card's category ("AI — snippet…", era I)
            if not shown & set(tail[i_disc:]) and not any(ln.startswith(rel["category"]) and ln.endswith(x)
                                                          for ln in tail[i_disc:] for x in shown):
                fail(f"related snippet {rel['snippet'][:40]!r}")
            if rel["category"] not in tail_text:
                fail("related category")
    return problems


def body_chrome(a, site) -> frozenset[str]:
    """Lines the era's template declares as chrome among the body blocks (U, V: admonition and ad labels, W: sponsor
    box, Y: callout icons, Z: image lightbox details, AB: the read-also link preview card, AC: edit links, the ad label,
    the legacy table of contents)."""
    if a.era not in ("U", "V", "W", "Y", "Z", "AB", "AC"):
        return frozenset()
    from importlib import import_module

    from .view import ArticleView
    return import_module(f".eras_{a.era.lower()}", __package__).body_chrome(ArticleView(a, site))


def check_item(site, item: dict) -> list[str]:
    """Fetch one expected item's page from a running LocalSite and check it (a status other than 200 first)."""
    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    conn.request("GET", item["url"][len(site.base_url):])
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    a = site.site.by_id[int(item["article_id"])]
    problems = check_page(body, resp.getheader("Content-Type", ""), item, item["url"], site.site.clock,
                          body_chrome(a, site.site))
    return [f"status {resp.status}", *problems] if resp.status != 200 else problems


def check_site(site, limit_per_era: int = 0) -> tuple[int, list[tuple[str, str, list[str]]]]:
    """Fetch article pages of a running LocalSite and check them; (pages checked, failures)."""
    seen: dict[str, int] = {}
    failures, n = [], 0
    for item in site.expected_items():
        a = site.site.by_id[int(item["article_id"])]
        if limit_per_era and seen.get(a.era, 0) >= limit_per_era:
            continue
        seen[a.era] = seen.get(a.era, 0) + 1
        n += 1
        problems = check_item(site, item)
        if problems:
            failures.append((a.era, item["url"][len(site.base_url):], problems))
    return n, failures


def main(argv: list[str] | None = None) -> int:
    from .server import LocalSite

    p = argparse.ArgumentParser(prog="python -m tests.localsite.pagecheck")
    p.add_argument("--articles", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--eras", default=None, help="e.g. E,F (default: $LOCALSITE_ERAS or A-D)")
    args = p.parse_args(argv)
    with LocalSite(args.articles, args.seed, eras=args.eras) as site:
        n, failures = check_site(site)
        eras: dict[str, int] = {}
        for a in site.site.articles:
            eras[a.era] = eras.get(a.era, 0) + 1
    for era, path, problems in failures[:30]:
        print(era, path, problems)
    print(f"{n} pages checked {dict(sorted(eras.items()))}; {len(failures)} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
