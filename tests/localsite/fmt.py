"""Locale formatting for the fake site: dates, relative dates, numbers, name lists.

All per-language data is in tables keyed by language code.
"""
from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

LANGS: tuple[str, ...] = ("en", "fr", "de", "es", "it", "pt", "ja", "zh", "ko")
CATEGORIES: tuple[str, ...] = ("ai", "data-science", "machine-learning", "robotics", "semiconductors")

_UI = json.loads((Path(__file__).with_name("ui-strings.json")).read_text(encoding="utf-8"))
UI: dict[str, dict[str, str]] = _UI["ui_strings"]
CATEGORY_NAMES: dict[str, dict[str, str]] = _UI["categories"]

MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
}

# {d} day, {M} month name, {m} month number, {y} year
DATE_FORMAT: dict[str, str] = {
    "en": "{M} {d}, {y}", "fr": "{d} {M} {y}", "de": "{d}. {M} {y}", "es": "{d} de {M} de {y}",
    "it": "{d} {M} {y}", "pt": "{d} de {M} de {y}", "ja": "{y}年{m}月{d}日", "zh": "{y}年{m}月{d}日",
    "ko": "{y}년 {m}월 {d}일",
}

# (singular, plural) "N days ago"
RELATIVE_DAYS: dict[str, tuple[str, str]] = {
    "en": ("{n} day ago", "{n} days ago"), "fr": ("il y a {n} jour", "il y a {n} jours"),
    "de": ("vor {n} Tag", "vor {n} Tagen"), "es": ("hace {n} día", "hace {n} días"),
    "it": ("{n} giorno fa", "{n} giorni fa"), "pt": ("há {n} dia", "há {n} dias"),
    "ja": ("{n}日前", "{n}日前"), "zh": ("{n}天前", "{n}天前"), "ko": ("{n}일 전", "{n}일 전"),
}

READING_TIME: dict[str, str] = {
    "en": "{n} min read", "fr": "{n} min de lecture", "de": "{n} Min. Lesezeit", "es": "{n} min de lectura",
    "it": "{n} min di lettura", "pt": "{n} min de leitura", "ja": "{n}分で読めます", "zh": "阅读时间 {n} 分钟",
    "ko": "{n}분 분량",
}

YES_NO: dict[str, tuple[str, str]] = {
    "en": ("Yes", "No"), "fr": ("Oui", "Non"), "de": ("Ja", "Nein"), "es": ("Sí", "No"), "it": ("Sì", "No"),
    "pt": ("Sim", "Não"), "ja": ("はい", "いいえ"), "zh": ("是", "否"), "ko": ("예", "아니요"),
}

# A blog platform's author label in the post footer or header ("Posted by A at 10:15 AM"; era AA,
# Blogger, in the blog's language); the CJK labels take the names without a space.
POSTED_BY: dict[str, str] = {
    "en": "Posted by", "fr": "Publié par", "de": "Eingestellt von", "es": "Publicado por", "it": "Pubblicato da",
    "pt": "Postado por", "ja": "投稿者：", "zh": "发帖者：", "ko": "게시자:",
}

# (separator between names, separator before the last name)
NAME_JOIN: dict[str, tuple[str, str]] = {
    "en": (", ", " and "), "fr": (", ", " et "), "de": (", ", " und "), "es": (", ", " y "),
    "it": (", ", " e "), "pt": (", ", " e "), "ja": ("、", "、"), "zh": ("、", "、"), "ko": (", ", ", "),
}

QUOTES: dict[str, tuple[str, str]] = {
    "en": ("“", "”"), "fr": ("«\u00a0", "\u00a0»"), "de": ("„", "“"), "es": ("«", "»"), "it": ("«", "»"),
    "pt": ("“", "”"), "ja": ("「", "」"), "zh": ("“", "”"), "ko": ("“", "”"),
}

# thousands separators: the first is used on legacy-encoded pages.
GROUPING: dict[str, tuple[str, ...]] = {
    "en": (",",), "ja": (",",), "zh": (",",), "ko": (",",), "fr": ("\u00a0", "\u202f"),
    "de": (".",), "es": (".",), "it": (".",), "pt": (".",),
}

CJK_NOSPACE: frozenset[str] = frozenset({"ja", "zh"})
TEXT_JOIN: dict[str, str] = {lang: ("" if lang in CJK_NOSPACE else " ") for lang in LANGS}

# Python codec, declared charset names (one is picked per page) for era-D pages.
LEGACY_ENCODING: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": ("cp1252", ("windows-1252",)), "fr": ("cp1252", ("windows-1252",)),
    "de": ("cp1252", ("windows-1252",)), "es": ("cp1252", ("windows-1252",)),
    "it": ("cp1252", ("windows-1252",)), "pt": ("cp1252", ("windows-1252",)),
    "ja": ("shift_jis", ("Shift_JIS",)), "zh": ("gbk", ("gb2312", "GBK")), "ko": ("euc_kr", ("EUC-KR",)),
}

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """NFC, whitespace runs (incl. NBSP) collapsed, trimmed: the item contract."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII slug: accents folded, typographic apostrophes dropped, rest to '-'."""
    text = text.replace("’", "")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:max_len].strip("-")


def format_date(dt: datetime, lang: str) -> str:
    day = "1er" if (lang == "fr" and dt.day == 1) else str(dt.day)
    month = MONTHS[lang][dt.month - 1] if lang in MONTHS else ""
    return DATE_FORMAT[lang].format(d=day, M=month, m=dt.month, y=dt.year)


def format_relative(days: int, lang: str) -> str:
    sing, plur = RELATIVE_DAYS[lang]
    return (sing if days == 1 else plur).format(n=days)


def group_number(value: int, lang: str, variant: int = 0) -> str:
    seps = GROUPING[lang]
    sep = seps[variant % len(seps)]
    return f"{value:,}".replace(",", sep)


def format_votes(yes: int, total: int, lang: str, variant: int = 0) -> str:
    return UI[lang]["helpful"].format(yes=group_number(yes, lang, variant),
                                      total=group_number(total, lang, variant))


def join_names(names: list[str], lang: str) -> str:
    sep, last = NAME_JOIN[lang]
    if len(names) <= 1:
        return "".join(names)
    return sep.join(names[:-1]) + last + names[-1]


def iso_local(dt: datetime) -> str:
    """'2023-07-04T08:15:00+02:00' (the datetime's own offset)."""
    return dt.isoformat(timespec="seconds")


def iso_utc(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_utc(dt: datetime) -> str:
    """The calendar day shown (in the datetime's own zone) at T00:00:00Z."""
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T00:00:00Z"


def relative_day_utc(now: datetime, days: int) -> str:
    return day_utc((now - timedelta(days=days)).astimezone(timezone.utc))


def http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(timezone.utc), usegmt=True)


def word_count(text: str, lang: str) -> int:
    if lang in CJK_NOSPACE:
        return len(_WS.sub("", text))
    return len(text.split())
