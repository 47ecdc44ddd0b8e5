"""Remove page furniture from plain-text article dumps, line by line and block by block.

Scrapers save the whole page as text: date headers, player credits, newsletter prompts, comment
forms, "Latest Stories" lists. The rules below look at the shape and content of a line and at its
neighbours; none of them names a particular site. A line survives unless a rule is sure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"

# A site's "today" header, e.g. "Sat. Feb 24th, 2024" or "Monday, 12 March 2024".
SITE_DATE = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})$",
    re.I,
)
# "38 minutes -", "2 hours -", "3 days ago", "-"
RELATIVE_TIME = re.compile(
    r"^(?:-|–|—|\d+\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?)\s*(?:ago)?\s*[-–—|]?)$",
    re.I,
)
SECTION_HEADERS = re.compile(
    r"^(?:latest|related|more|top|trending|popular|recommended|recent|other|editor'?s? picks?)"
    r"(?:\s+(?:stories|news|posts|articles|headlines|reads|videos|from\s+.+))?\s*:?$"
    r"|^(?:read|see)\s+(?:more|also|next)\b.*$|^you (?:may|might) (?:also )?like\s*:?$",
    re.I,
)
NEWSLETTER = re.compile(
    r"^(?:discover more from\b.*|subscribe\b.*|sign up\b.*(?:newsletter|email|updates).*|"
    r".*\b(?:sent to your (?:email|inbox)|join our (?:newsletter|mailing list)|get (?:the latest|our) .*newsletter).*)$",
    re.I,
)
COMMENT_FORM = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|\d+\s+comments?|comments?|cancel reply|"
    r"your email address will not be published\b.*|required fields are marked.*|"
    r"save my name, email,? and website.*|(?:name|email|website)\s*\*?)$",
    re.I,
)
COOKIES = re.compile(r"^.*\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|cookie (?:policy|settings))\b.*$", re.I)
SHARE_BAR = re.compile(
    r"^(?:share(?: this(?: article| story)?)?(?:\s+on)?|tweet|email|print|whatsapp|facebook|twitter|linkedin|telegram|"
    r"pinterest|reddit|copy link)(?:\s*[:|,/·•]\s*(?:facebook|twitter|x|linkedin|whatsapp|email|print|telegram|reddit|pinterest|copy link))*\s*:?$",
    re.I,
)
CREDITS = re.compile(
    r"^(?:.*\bpowered by\b.*|audio (?:by|player)\b.*|listen to (?:this )?article.*|\d+\s*min(?:ute)?s? read|advertisement|"
    r"sponsored|follow us on\b.*|click here\b.*|all rights reserved.*|©.*|copyright\b.*)$",
    re.I,
)
BYLINE = re.compile(r"^(?i:by|written by|posted by)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")
GENERIC_AUTHORS = {"admin", "administrator", "editor", "staff", "webmaster", "newsroom", "desk", "author", "guest"}

_TERMINAL = re.compile(r"[.!?\"”’)\]:]$")


@dataclass
class Cleaned:
    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)
    author: str | None = None


def strip_boilerplate(lines: list[str]) -> Cleaned:
    """Keep article lines; drop furniture. `lines` are stripped, blank lines are ''."""
    keep = [True] * len(lines)
    author: str | None = None

    for i, line in enumerate(lines):
        if not line:
            keep[i] = False
            continue
        byline = BYLINE.match(line)
        if byline:
            keep[i] = False
            name = byline.group("name").strip()
            if name.lower() not in GENERIC_AUTHORS and author is None:
                author = name
            continue
        if _is_furniture_line(line):
            keep[i] = False

    _drop_tail_sections(lines, keep)
    _drop_headline_lists(lines, keep)

    paragraphs = [line for line, k in zip(lines, keep) if k]
    removed = [line for line, k in zip(lines, keep) if not k and line]
    return Cleaned(paragraphs=paragraphs, removed=removed, author=author)


def _is_furniture_line(line: str) -> bool:
    # Long lines that end like sentences are article text, whatever words they contain.
    if len(line) > 160 and _TERMINAL.search(line):
        return False
    return bool(
        SITE_DATE.match(line)
        or RELATIVE_TIME.match(line)
        or NEWSLETTER.match(line)
        or COMMENT_FORM.match(line)
        or COOKIES.match(line)
        or SHARE_BAR.match(line)
        or CREDITS.match(line)
        or SECTION_HEADERS.match(line)
    )


def _drop_tail_sections(lines: list[str], keep: list[bool]) -> None:
    """A "Latest Stories"/"Related" header ends the article when what follows is a list, not prose."""
    for i, line in enumerate(lines):
        if not line or not SECTION_HEADERS.match(line):
            continue
        rest = [j for j in range(i + 1, len(lines)) if lines[j]]
        if not rest:
            continue
        listish = sum(1 for j in rest if _is_list_item(lines[j]) or RELATIVE_TIME.match(lines[j]))
        if listish / len(rest) >= 0.6:
            for j in range(i, len(lines)):
                keep[j] = False
            return


def _drop_headline_lists(lines: list[str], keep: list[bool]) -> None:
    """Runs of short headline-like lines interleaved with relative timestamps are link lists."""
    n = len(lines)
    i = 0
    while i < n:
        if lines[i] and RELATIVE_TIME.match(lines[i]) and lines[i] not in ("-", "–", "—"):
            # Grow a window around timestamp lines.
            start = i
            while start > 0 and (not lines[start - 1] or _is_list_item(lines[start - 1]) or RELATIVE_TIME.match(lines[start - 1])):
                start -= 1
            end = i
            while end + 1 < n and (not lines[end + 1] or _is_list_item(lines[end + 1]) or RELATIVE_TIME.match(lines[end + 1])):
                end += 1
            stamps = sum(1 for j in range(start, end + 1) if lines[j] and RELATIVE_TIME.match(lines[j]))
            if stamps >= 2:
                for j in range(start, end + 1):
                    keep[j] = False
            i = end + 1
        else:
            i += 1


def _is_list_item(line: str) -> bool:
    """A headline: short, no sentence-final punctuation."""
    return len(line) <= 140 and not re.search(r"[.!?\"”]$", line)
