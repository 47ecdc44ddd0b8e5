"""Resolving date expressions ("on Wednesday", "last week", "Aug. 6", "July 2023") to calendar dates.

Relative expressions are resolved against the document's publication date; without one only absolute
dates that carry a year resolve. Durations ("five years", "the last two years") are not dates.
`resolve_date` returns (date, precision) with precision one of day, week, month, year, or None.
Weeks are represented by their Monday, months by their first day, years by 1 January.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}

_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:1[89]|20)\d\d)"
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

_ISO = re.compile(r"\b" + _YEAR + r"-(\d\d)-(\d\d)\b")
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?:,?\s+" + _YEAR + r")?")
_DAY_MONTH = re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR + r"\b")
_MONTH_ONLY = re.compile(r"^(?:(?:early|late|mid|mid-|the end of|the start of|the beginning of)\s*-?\s*)?" + _MONTH + r"$")
_YEAR_ONLY = re.compile(r"^(?:in |the year |early |late |mid-?)?" + _YEAR + r"$")
_WEEKDAY_RE = re.compile(r"\b(last|next|this|on|early|late)?\s*" + _WEEKDAY + r"\b")
_AGO = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b")
_RELATIVE = re.compile(r"\b(last|past|previous|this|next|coming|earlier this|later this)\s+(week|month|year|weekend)\b")
_DURATION = re.compile(r"\b(for|over|during|within|in)\s+the\s+(last|past|next|coming)\s+\w+\s+(days|weeks|months|years)\b|\b\d+\s*-?\s*(day|week|month|year)s?\b(?!\s+ago)")


def _year_for(month: int, day: int, published: date, future: bool) -> int:
    """The year of a month/day without one: the occurrence nearest the publication date, looking back for past events."""
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return year
    if future:
        if candidate < published - timedelta(days=60):
            return year + 1
        return year
    if candidate > published + timedelta(days=60):
        return year - 1
    return year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _shift_month(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def resolve_date(text: str, published: date | None = None, future: bool = False) -> tuple[date, str] | None:
    """(date, precision) for a date expression, or None when it does not name a resolvable date."""
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"^(on|in|at|by|from|of|during)\s+", "", t)
    if not t:
        return None

    m = _ISO.search(t)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d, "day") if d else None
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        m = pattern.search(t)
        if m and m.group(month_group).rstrip(".") in MONTHS:
            month, day = MONTHS[m.group(month_group).rstrip(".")], int(m.group(day_group))
            if m.group(3):
                d = _safe_date(int(m.group(3)), month, day)
            elif published:
                d = _safe_date(_year_for(month, day, published, future), month, day)
            else:
                d = None
            return (d, "day") if d else None
    m = _MONTH_YEAR.search(t)
    if m and m.group(1).rstrip(".") in MONTHS:
        return date(int(m.group(2)), MONTHS[m.group(1).rstrip(".")], 1), "month"
    m = _YEAR_ONLY.match(t)
    if m:
        return date(int(m.group(1)), 1, 1), "year"

    if published is None:
        return None
    if _DURATION.search(t):
        return None

    if re.search(r"\b(today|tonight|this (morning|afternoon|evening)|earlier today)\b", t):
        return published, "day"
    if re.search(r"\b(yesterday|last night)\b", t):
        return published - timedelta(days=1), "day"
    if re.search(r"\btomorrow\b", t):
        return published + timedelta(days=1), "day"
    m = _WEEKDAY_RE.search(t)
    if m:
        wd = WEEKDAYS[m.group(2)]
        qualifier = m.group(1)
        if qualifier == "next" or (future and qualifier not in ("last",)):
            delta = (wd - published.weekday()) % 7
            return published + timedelta(days=delta if qualifier != "next" or delta else 7), "day"
        delta = (published.weekday() - wd) % 7
        if qualifier == "last" and delta == 0:
            delta = 7
        return published - timedelta(days=delta), "day"
    m = _AGO.search(t)
    if m:
        n = NUMBERS.get(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        if n is None:
            return None
        unit = m.group(2)
        if unit == "day":
            return published - timedelta(days=n), "day"
        if unit == "week":
            return _monday(published - timedelta(weeks=n)), "week"
        if unit == "month":
            return _shift_month(published, -n), "month"
        return date(published.year - n, 1, 1), "year"
    m = _RELATIVE.search(t)
    if m:
        which, unit = m.group(1), m.group(2)
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit in ("week", "weekend"):
            return _monday(published) + timedelta(weeks=step), "week"
        if unit == "month":
            return _shift_month(published, step), "month"
        return date(published.year + step, 1, 1), "year"
    m = _MONTH_ONLY.match(t)
    if m and m.group(1).rstrip(".") in MONTHS:
        month = MONTHS[m.group(1).rstrip(".")]
        year = published.year
        if not future and month > published.month:
            year -= 1
        if future and month < published.month:
            year += 1
        return date(year, month, 1), "month"
    return None


_PHRASE = re.compile(
    r"\b(?:"
    + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d\d)?"  # Aug. 6, July 26, 2023
    + r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?:1[89]|20)\d\d)?"  # 26 July 2023
    + r"|" + _MONTH + r",?\s+(?:1[89]|20)\d\d"  # July 2023
    + r"|(?:1[89]|20)\d\d-\d\d-\d\d"
    + r"|(?:last|next|this|on|late|early)?\s*" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?"
    + r"|(?:earlier|later)?\s*(?:this|last|next|past|previous|coming)\s+(?:week|month|year|weekend|morning|afternoon|evening)"
    + r"|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week|month|year)s?\s+ago"
    + r"|yesterday|today|tonight|tomorrow|last\s+night"
    + r")\b",
    re.IGNORECASE,
)


def date_phrases(text: str) -> list[tuple[int, int]]:
    """Character spans of date expressions in `text` (a complement to the tagger's DATE entities)."""
    out = []
    for m in _PHRASE.finditer(text):
        g = m.group(0)
        if g.strip():
            start = m.start() + (len(g) - len(g.lstrip()))
            out.append((start, m.start() + len(g.rstrip())))
    return out
