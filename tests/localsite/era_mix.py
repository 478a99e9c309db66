"""What varies from page to page within each template era: the chrome's language and how a page is dated."""
from __future__ import annotations

# Per era, the share of pages whose chrome is in English rather than the page's language
# (B: never; eras not listed: 0.15).
ENGLISH_UI_SHARE: dict[str, float] = {"A": 0.7, "F": 0.3, "G": 0.4, "N": 0.3, "O": 0.2, "P": 0.3, "Q": 0.2, "R": 0.25,
                                     "S": 0.25, "T": 0.2, "U": 0.3, "V": 0.2, "W": 0.2,
                                     "X": 0.25, "Y": 0.3, "Z": 0.25, "AA": 0.25, "AB": 0.5, "AC": 0.25}

# How each era dates its pages: (cumulative share, mode) drawn with one random number; a mode
# alone takes no draw. F: microdata meta, visible (maybe a day-only meta), relative. G and N:
# time[datetime] full instant, day-only / no datetime, "3 days ago" (N: after the body). I:
# abbr.published[title], or a day-only / no abbr. O: itemprop meta + absolute text, meta +
# relative text, visible only, relative only. P, Q, R: below.
DATE_MODES: dict[str, tuple[tuple[float, str], ...]] = {
    **dict.fromkeys("ABKM", ((1.0, "machine"),)),
    "F": ((0.4, "machine"), (0.8, "visible"), (1.0, "relative")),
    "E": ((0.25, "relative"), (1.0, "visible")),
    "G": ((0.55, "machine"), (0.9, "visible"), (1.0, "relative")),
    "N": ((0.45, "machine"), (0.85, "visible"), (1.0, "relative")),
    "O": ((0.5, "machine"), (0.65, "machine_rel"), (0.85, "visible"), (1.0, "relative")),
    "I": ((0.7, "machine"), (1.0, "visible")),
    # P: time[datetime] instant, relative-time[datetime] instant shown as "3 days ago", visible, relative.
    # Q: article:published_time + time.entry-date, visible, relative. R: JSON-LD + day-only datetime,
    # visible, relative.
    "P": ((0.45, "machine"), (0.6, "machine_rel"), (0.85, "visible"), (1.0, "relative")),
    "Q": ((0.5, "machine"), (0.85, "visible"), (1.0, "relative")),
    "R": ((0.5, "machine"), (0.8, "visible"), (1.0, "relative")),
    # S: time[datetime] instant shown as a day, the same shown as "3 days ago", visible, relative.
    # T: article:published_time + JSON-LD + time[datetime] with the clock time, visible, relative.
    "S": ((0.4, "machine"), (0.65, "machine_rel"), (0.85, "visible"), (1.0, "relative")),
    "T": ((0.65, "machine"), (0.85, "visible"), (1.0, "relative")),
    # U: time[datetime] instant shown as a day, visible (a day at 00:00Z or a span), relative.
    # V: article:published_time + time[datetime], the same shown as "3 days ago", visible, relative.
    "U": ((0.45, "machine"), (0.8, "visible"), (1.0, "relative")),
    "V": ((0.45, "machine"), (0.6, "machine_rel"), (0.85, "visible"), (1.0, "relative")),
    # W: an emailed issue shows the day it was sent, never "3 days ago"; the archive adds
    # article:published_time on some pages.
    "W": ((0.45, "machine"), (1.0, "visible")),
    # X: a site builder's dynamic page shows a bound date field; the SEO settings' JSON-LD on some.
    "X": ((0.4, "machine"), (0.85, "visible"), (1.0, "relative")),
    # Y: a published workspace page shows its date property (a day, or Notion's "Relative" format);
    # the wrapper adds JSON-LD or article:* metas on some. Z: a forum post's time[datetime] + microdata,
    # else the post's date as text, or "3 days ago".
    "Y": ((0.35, "machine"), (0.8, "visible"), (1.0, "relative")),
    "Z": ((0.5, "machine"), (0.8, "visible"), (1.0, "relative")),
    # AA: a Blogger post's abbr.published[title] instant (the post footer's time, the day in the date
    # header), else a template without the timestamp: the date header's day only; Blogger never says "3 days ago".
    "AA": ((0.55, "machine"), (1.0, "visible")),
    # AB: a Medium post carries article:published_time + JSON-LD (shown as a day, or "3 days ago" when
    # recent); Medium's lightweight render drops those metas: a visible day, or "3 days ago" only.
    "AB": ((0.5, "machine"), (0.65, "machine_rel"), (0.9, "visible"), (1.0, "relative")),
    # AC: a wiki shows absolute days (infobox, footer), never "3 days ago"; the structured-data
    # extension's JSON-LD on the machine-dated pages.
    "AC": ((0.45, "machine"), (1.0, "visible")),
}
DEFAULT_DATE_MODES = ((0.3, "relative"), (1.0, "visible"))
