"""Era AB's Medium chrome around the story (eras_ab.py describes the page): the top bars, the author
block, the clap toolbar, "Written by", responses, "More from A and IPGirl", "Recommended from Medium"
and the footer. Medium's own words are English on every page."""
from __future__ import annotations

import random
import string

from .eras_no import _e
from .fmt import CATEGORIES, CATEGORY_NAMES, format_date, format_relative
from .view import ArticleView

DOMAIN = "ipgirl.com"
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SVG = '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3v18"></path></svg>'
# Other writers' posts Medium recommends (off-site): invented titles, writers and publications.
RECOMMENDED = (
    ("Seven Things I Learned Shipping a Vector Database", "Mara Quillon", "Byte Harbor"),
    ("Why Your Fine-Tuned Model Forgets Everything", "Tobias Wren", "The Gradient Loop"),
    ("A Calm Guide to Chiplets for Software People", "Ines Halvorsen", ""),
    ("I Rebuilt My Robot Arm With a $40 Camera", "Kofi Mensah-Dale", "Maker Ledger"),
    ("Stop Tuning Learning Rates by Hand", "Priya Castellane", "Byte Harbor"),
    ("The Quiet Return of Symbolic AI", "Jonas Ekholm", "The Gradient Loop"),
)
FOOTER = ("Help", "Status", "About", "Careers", "Press", "Blog", "Privacy", "Terms", "Text to speech", "Teams")


def atoms(rng: random.Random, n: int) -> str:
    """Medium's obfuscated atomic classes: n short lowercase names ("fq fr fs")."""
    letters = string.ascii_lowercase
    return " ".join(rng.choice(letters) + rng.choice(letters) for _ in range(n))


def _source(v: ArticleView, where: str) -> str:
    return f"?source={where}-----{v.a.id:x}--------------------------------"


def shown_day(v: ArticleView, when) -> str:
    """Medium's "Jul 4, 2023" when the chrome is English (3 pages in 4: the rest follow the reader's
    locale), else the localized day."""
    if v.byline_lang == "en" and v.a.id % 4:
        return f"{SHORT_MONTHS[when.month - 1]} {when.day}, {when.year}"
    return format_date(when, v.byline_lang)


def _shown_published(v: ArticleView) -> str:
    if v.a.rel_days:  # a recent post (relative mode, or machine-dated and shown as "3 days ago")
        return format_relative(v.a.rel_days, v.byline_lang)
    return shown_day(v, v.a.published)


def claps(v: ArticleView) -> tuple[str, int]:
    n = (v.a.id * 7919) % 4200 if v.a.id % 3 else (v.a.id * 131) % 90
    shown = str(n) if n < 1000 else f"{n / 1000:.1f}".rstrip("0").rstrip(".") + "K"
    return shown, (v.a.id * 17) % 23


def top_bars(v: ArticleView, rng: random.Random) -> str:
    lang = v.lang
    medium = (f'<div class="{atoms(rng, 6)}"><div class="ab q"><a href="/{lang}/" aria-label="Homepage" '
              f'data-testid="headerLogo" rel="noopener follow"><svg viewBox="0 0 1043.63 592.71" class="ff fg">'
              f'<path d="M588.67 296.36"></path></svg></a><div class="{atoms(rng, 4)}"><div class="ab">{_SVG}'
              f'<input role="combobox" aria-label="search" placeholder="Search" class="{atoms(rng, 5)}"></div></div></div>'
              f'<div class="ab q"><div class="ab"><a href="https://medium.com/new-story{_source(v, "post_page")}" '
              f'data-testid="headerWriteButton" rel="noopener follow"><div class="ab q">{_SVG}<div class="dt">Write'
              f'</div></div></a></div><div class="ab"><a href="https://medium.com/m/signin{_source(v, "post_page")}" '
              f'data-testid="headerSignUpButton" class="{atoms(rng, 6)}">Sign up</a></div><div class="ab"><a '
              f'href="https://medium.com/m/signin" data-testid="headerSignInButton">Sign in</a></div></div>'
              f'<a href="https://rsci.app.link/?%24canonical_url=x" class="{atoms(rng, 3)}" rel="noopener follow">'
              "Open in app</a></div>")
    tabs = "".join(f'<div class="{atoms(rng, 2)}"><a href="/{lang}/category/{c}/" rel="noopener follow">'
                   f"{_e(CATEGORY_NAMES[c][lang])}</a></div>" for c in CATEGORIES)
    pub = (f'<div class="{atoms(rng, 5)}"><a href="/{lang}/" rel="noopener follow"><img alt="IPGirl" '
           f'src="https://miro.medium.com/v2/resize:fit:340/1*ipgirl-logo.png" width="170" height="40"></a>'
           f'<nav class="{atoms(rng, 3)}">{tabs}</nav></div>')
    crumbs = (f'<div class="{atoms(rng, 4)}"><a href="/{lang}/" rel="noopener follow">{_e(v.ui["home"])}</a>'
              f'<span class="eh"> › </span><a href="/{lang}/category/{v.a.category}/" rel="noopener follow">'
              f"{_e(v.category_name)}</a></div>")
    return f"<div class=\"{atoms(rng, 3)}\">{medium}</div>{pub}{crumbs}"


def author_block(v: ArticleView, rng: random.Random, minutes: int) -> str:
    name, slug = v.authors[0]
    href = f"/@{slug}{_source(v, 'post_page')}"
    photos = (f'<div class="{atoms(rng, 3)}"><a href="{href}" rel="noopener follow"><div class="l eq">'
              f'<img alt="{_e(name)}" class="l eq by dd de cx" src="https://miro.medium.com/v2/resize:fill:88:88/'
              f'1*{slug[:8]}.jpeg" width="44" height="44" loading="lazy" data-testid="authorPhoto"></div></a>'
              f'<a href="/{v.lang}/" rel="noopener follow"><img alt="IPGirl" class="l eq by" src="https://miro.medium.com'
              f'/v2/resize:fill:48:48/1*ipgirl.png" width="24" height="24" data-testid="publicationPhoto"></a></div>')
    who = (f'<div class="ab q"><div class="{atoms(rng, 3)}"><a data-testid="authorName" href="{href}" '
           f'rel="noopener follow">{_e(name)}</a></div><span class="{atoms(rng, 2)}" aria-hidden="true"><span>·</span>'
           f'</span><p class="{atoms(rng, 4)}"><button class="{atoms(rng, 6)}">Follow</button></p></div>')
    pub = (f'<div class="{atoms(rng, 3)}"><span>Published in</span> <a data-testid="publicationName" href="/{v.lang}/" '
           f'rel="noopener follow"><p class="{atoms(rng, 4)}"><span>IPGirl</span></p></a></div>')
    when = (f'<div class="ab ae"><span data-testid="storyReadTime">{minutes} min read</span><div class="ih ii l" '
            f'aria-hidden="true"><span>·</span></div><span data-testid="storyPublishDate">{_e(_shown_published(v))}'
            "</span></div>")
    return (f'<div class="speechify-ignore ab cp"><div class="{atoms(rng, 4)}">{photos}<div class="bn bh l">'
            f"{who}{pub}{when}</div></div></div>")


def toolbar(v: ArticleView, rng: random.Random, where: str) -> str:
    """Clap, responses, "Add to list", "Listen", "Share" (top) or clap, responses, list, share (bottom)."""
    shown, n_resp = claps(v)
    listen = (f'<div><button data-testid="audioPlayButton" class="{atoms(rng, 4)}"><div class="ab q">{_SVG}'
              f'<p class="{atoms(rng, 3)}">Listen</p></div></button></div>' if where == "top" else "")
    share_text = f'<p class="{atoms(rng, 3)}">Share</p>' if where == "top" else ""
    return (f'<div class="{atoms(rng, 5)}"><div class="speechify-ignore ab co"><div class="ab q">'
            f'<div data-testid="{where}ClapButton" class="ab q"><button aria-label="clap" class="{atoms(rng, 3)}">'
            f'{_SVG}</button><p class="{atoms(rng, 3)}"><button class="{atoms(rng, 4)}">{shown}</button></p></div>'
            f'<div class="ab q"><button aria-label="responses" class="{atoms(rng, 2)}">{_SVG}</button>'
            f'<p class="{atoms(rng, 3)}"><span class="pw-responses-count">{n_resp}</span></p></div></div>'
            f'<div class="ab q"><div><button aria-label="Add to list" data-testid="{where}BookmarkButton">{_SVG}'
            f"</button></div>{listen}<div><button data-testid=\"{where}SocialShareButton\" class=\"{atoms(rng, 3)}\">"
            f'<div class="ab q">{_SVG}{share_text}</div></button></div><div><button aria-label="More options">'
            f"{_SVG}</button></div></div></div></div>")


def written_by(v: ArticleView, rng: random.Random) -> str:
    name, slug = v.authors[0]
    followers = (v.a.id * 53) % 9000 + 12
    shown = str(followers) if followers < 1000 else f"{followers / 1000:.1f}".rstrip("0").rstrip(".") + "K"
    return (f'<div class="{atoms(rng, 5)}"><div class="ab"><a href="/@{slug}{_source(v, "post_author_info")}" '
            f'rel="noopener follow"><img alt="{_e(name)}" class="l eq by" src="https://miro.medium.com/v2/resize:fill:'
            f'144:144/1*{slug[:8]}.jpeg" width="72" height="72" loading="lazy"></a></div><div class="ab cp">'
            f'<a href="/@{slug}{_source(v, "post_author_info")}" rel="noopener follow"><h2 class="pw-author-name '
            f'{atoms(rng, 6)}"><span class="{atoms(rng, 2)}">Written by {_e(name)}</span></h2></a>'
            f'<div class="{atoms(rng, 3)}"><span><a href="/@{slug}/followers" rel="noopener follow">{shown} followers'
            f'</a></span><span class="fq"> · </span><span>Writer for <a href="/{v.lang}/">IPGirl</a></span></div>'
            f'</div><button class="{atoms(rng, 6)}">Follow</button></div>')


def responses(v: ArticleView, rng: random.Random) -> str:
    _, n = claps(v)
    if not n:
        return f'<div class="{atoms(rng, 4)}"><h2 class="{atoms(rng, 5)}">No responses yet</h2></div>'
    return (f'<div class="{atoms(rng, 4)}"><h2 class="{atoms(rng, 5)}">Responses ({n})</h2><div class="ab">'
            f'<button class="{atoms(rng, 5)}">See all responses</button></div></div>')


def _preview(title: str, summary: str, href: str, by: str, day: str, rng: random.Random) -> str:
    return (f'<article data-testid="post-preview" class="{atoms(rng, 4)}"><div role="link" tabindex="0" '
            f'data-href="{href}"><div class="{atoms(rng, 3)}"><span class="{atoms(rng, 2)}">{by}</span></div>'
            f'<a href="{href}" rel="noopener follow"><div class="{atoms(rng, 3)}"><h2 class="{atoms(rng, 8)}">'
            f'{_e(title)}</h2></div><div class="{atoms(rng, 3)}"><h3 class="{atoms(rng, 8)}">{_e(summary)}</h3>'
            f'</div></a><div class="{atoms(rng, 3)}"><span>{day}</span></div></div></article>')


def more_from(v: ArticleView, rng: random.Random) -> str:
    """Four other posts of the same language from the publication (on-site links, ?source= kept)."""
    name, slug = v.authors[0]
    pool = [t for t in v.site.articles if t.lang == v.lang and t.id != v.a.id and not t.custom]
    if not pool:
        return ""
    picks = random.Random(v.a.id).sample(pool, min(4, len(pool)))
    cards = "".join(_preview(t.title, t.summary_text, t.path + _source(v, "read_next_recirc"),
                             f"{_e(ArticleView(t, v.site).authors[0][0])} in IPGirl",
                             f"{SHORT_MONTHS[t.published.month - 1]} {t.published.day}, {t.published.year}", rng)
                    for t in picks)
    return (f'<div class="{atoms(rng, 4)}"><h2 class="{atoms(rng, 5)}">More from {_e(name)} and IPGirl</h2>'
            f'{cards}<div class="ab"><a href="/@{slug}" rel="noopener follow">See all from {_e(name)}</a></div>'
            f'<div class="ab"><a href="/{v.lang}/" rel="noopener follow">See all from IPGirl</a></div></div>')


def recommended(rng: random.Random) -> str:
    picks = rng.sample(RECOMMENDED, 4)
    cards = "".join(_preview(t, "", f"https://medium.com/@{w.split()[0].lower()}/{t.lower().replace(' ', '-')[:40]}-"
                             f"{rng.getrandbits(40):010x}?source=read_next_recirc", _e(w) + (f" in {p}" if p else ""),
                             f"{rng.choice(SHORT_MONTHS)} {rng.randint(1, 28)}, 2024", rng) for t, w, p in picks)
    return (f'<div class="{atoms(rng, 4)}"><h2 class="{atoms(rng, 5)}">Recommended from Medium</h2>{cards}'
            '<div class="ab"><a href="https://medium.com/?source=read_next_recirc" rel="noopener follow">'
            "See more recommendations</a></div></div>")


def footer() -> str:
    links = "".join(f'<div class="ab"><a href="https://medium.com/{w.lower().replace(" ", "-")}" '
                    f'rel="noopener follow"><p class="be b dy z dx">{w}</p></a></div>' for w in FOOTER)
    return f'<div class="speechify-ignore"><div class="ab q">{links}</div></div>'
