"""Remove page furniture from plain-text article dumps, line by line and block by block.

Scrapers save the whole page as text: date headers, breadcrumbs, player credits, share bars,
newsletter prompts, comment forms, "Latest Stories" lists. The rules look at three things, and none
of them names a particular site:

- shape: a line made only of dates and times, only of interface words ("Share", "Email", "Next"),
  only of separated menu items ("Home > World > Africa"), a single character;
- content: phrases that address the reader about the page rather than report news ("sign up for our
  newsletter", "we use cookies", "follow us on", "leave a reply"), labelled links ("Read more: ...",
  "Tags: ..."), bylines and wire credits;
- position: a list header ("Latest Stories", "Most read") takes the headline list under it; short
  label lines next to furniture at the top, and everything short after the last article paragraph
  once furniture has started there, go with it.

A line survives unless a rule is sure. Long lines that read as sentences are only removed by the
content rules, and those only fire on lines that talk to the reader. After the rules, a small learned
line classifier (`pipelines.clean.line_classifier`) may add short non-sentence lines above the article
or next to removed furniture that no rule phrase knows (`strip_boilerplate(..., model=False)`: rules only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_TIME_WORDS = (
    "updated|last|published|posted|modified|created|on|at|date|ago|just|now|today|yesterday|"
    "sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|h|m|d|day|days|week|weeks|month|months|year|years|"
    "am|pm|a\\.m|p\\.m|et|pt|ct|mt|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|wat|cat|eat|sast|ist|amt|local|time|"
    "mst|mdt|akst|akdt|hst|ast|adt|nst|ndt|wet|west|eet|eest|msk|gst|pkt|npt|ict|wib|sgt|myt|pht|hkt|jst|kst|"
    "awst|acst|aest|aedt|acdt|nzst|nzdt|brt|art|clt|cot|pet|vet|read|listen"
)
_DATE_TOKEN = re.compile(
    rf"^(?:{_WEEKDAYS}|{_MONTHS}|{_TIME_WORDS}|\d{{1,4}}(?:st|nd|rd|th|h|m|d)?|\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:am|pm)?|"
    rf"\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.+z-]+)?)$",
    re.I,
)
# A date line saying what it is ("Updated ...", "3 hours ago") is furniture anywhere; a bare date only
# above the article, in a list of timestamped links, or among furniture after it.
_EXPLICIT_STAMP = re.compile(r"\b(?:updated|published|posted|modified|created|ago|just\s+now)\b|^\d+\s*(?:h|m|d|hrs?|mins?)\b", re.I)
_HAS_DATE_ANCHOR = re.compile(
    rf"\b(?:{_WEEKDAYS}|{_MONTHS})\b|\b(?:just now|today|yesterday|ago)\b|\d{{1,2}}[:.]\d{{2}}|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|"
    rf"\d+\s*(?:h|m|d|hrs?|mins?|minutes?|hours?|days?|weeks?)\b|\d{{3,4}}\s+(?:gmt|utc|bst|cet|est|edt|pst|wat|cat|eat)\b",
    re.I,
)

# Interface words: a line made only of these (and separators, counts) is page furniture.
_UI_PHRASES = [
    "share", "share this", "share this article", "share this story", "share this post", "share on", "share via",
    "shares", "tweet", "pin", "pin it", "email", "e-mail", "print", "save", "copy", "copy link", "link", "like", "like this",
    "loading", "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "pinterest", "reddit", "instagram",
    "youtube", "tiktok", "messenger", "flipboard", "tumblr", "threads", "bluesky", "sms", "google news",
    "comment", "comments", "reply", "replies", "cancel reply", "post comment", "post a comment", "submit", "send",
    "view comments", "show comments", "hide comments", "load comments", "join the conversation", "add comment",
    "name", "website", "url", "your name", "your email", "your comment", "message",
    "home", "menu", "search", "close", "open", "skip to content", "skip to main content", "back to top", "top",
    "login", "log in", "logout", "log out", "sign in", "sign up", "sign out", "register", "my account", "account",
    "subscribe", "subscribe now", "unsubscribe", "donate", "support us", "contact", "contact us", "about", "about us",
    "privacy", "privacy policy", "cookie policy", "cookie settings", "cookies settings", "terms", "terms of use",
    "terms of service", "terms and conditions", "terms & conditions", "sitemap", "advertise", "advertise with us",
    "careers", "newsletter", "newsletters", "rss", "feed", "help", "faq", "disclaimer",
    "accept", "accept all", "accept cookies", "accept all cookies", "reject", "reject all", "decline", "ok", "okay",
    "got it", "manage preferences", "manage cookies", "preferences", "settings", "more options",
    "next", "previous", "prev", "next article", "previous article", "next post", "previous post", "next story",
    "previous story", "older", "newer", "older posts", "newer posts", "more", "read more", "continue reading",
    "see more", "show more", "load more", "view all", "see all", "more stories", "more news",
    "advertisement", "advertisements", "ad", "ads", "sponsored", "sponsored content", "promoted", "paid content",
    "play", "pause", "play video", "watch", "watch video", "listen", "listen now", "listen to this article",
    "video", "audio", "photo", "photos", "gallery", "image", "images", "podcast", "live", "watch live",
    "text size", "font size", "zoom", "mute", "unmute", "fullscreen", "full screen", "embed",
    "tags", "topics", "categories", "category", "related", "related articles", "related posts", "related stories",
    "related topics", "full article", "share full article", "share this page", "skip", "skip ad", "skip advertisement",
    "scroll to continue", "min", "mins", "supported by", "sponsored by", "presented by", "in partnership with",
    "by", "add a comment", "responses", "response", "premium", "premium content", "exclusive", "members only",
    "subscriber exclusive", "keep reading", "read on", "full story", "read full story", "read the full story",
    "find out more", "find out more here", "learn more", "more info", "click here", "click", "tap", "comment on this story", "comment on this article", "be the first to comment", "comments are closed",
]
_UI_SEPARATORS = r"(?:[\s|/·•,.:;*»«›‹>\-–—…+()\[\]]|\b(?:or|and|on|via|with|to|the|this|article|story|post|page|here)\b)"
_UI_LINE = re.compile(
    r"^(?:%s|\d+)*(?:(?:%s)(?:%s|\d+(?::\d\d)?)*)+$"
    % (_UI_SEPARATORS, "|".join(re.escape(p) for p in sorted(_UI_PHRASES, key=len, reverse=True)), _UI_SEPARATORS),
    re.I,
)

# A list header: the headline list below it is furniture.
SECTION_HEADER = re.compile(
    r"^(?:(?:the\s+)?(?:latest|related|discover|explore|more|top|trending|popular|most\s+(?:read|popular|viewed|shared|watched|commented)|"
    r"recommended|recent|other|editor'?s'?|must|don'?t|also|up|what'?s|in\s+other|further|similar|suggested|featured)"
    r"(?:\s+(?:more|stories|story|news|now|posts|post|articles|article|headlines|reads|read|videos|picks?|choice|coverage|"
    r"links|content|topics|for\s+you|miss|next|new|this\s+week|today|on\s+\S+(?:\s+\S+)?|from\s+.{1,40}|in\s+.{1,30}))*"
    r"|you\s+(?:may|might|could|will)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|read\s+(?:next|this\s+next|also)|"
    r"read\s+more\s+(?:from|on|about)\s+[^,;.!?]{1,40}|"  # bare "Read more" is a button (a UI line)
    r"see\s+also|also\s+read|more\s+on\s+this\s+story|more\s+to\s+explore|around\s+the\s+web|from\s+around\s+the\s+web)"
    r"\s*[:.…]*\s*$",
    re.I,
)
# "Read more: <headline>", "Tags: a, b", "[Related: ...]": a label, then a link or a list.
LABELLED_LINK = re.compile(
    r"^[\[(]?\s*(?:read\s+(?:more|also|next)|also\s+read|see\s+(?:also|more)|related(?:\s+(?:post|article|story|stories|news|content|coverage|reading|link))?|"
    r"recommended(?:\s+for\s+you)?|[a-z]+\s+(?:reading|coverage|links|stories|articles|videos?)|more|more\s+on|more\s+from\s+[^:]{1,30}|next|previous|prev|up\s+next|watch(?:\s+now)?|listen|"
    r"tags?|topics?|categor(?:y|ies)|filed\s+under|posted\s+in|published\s+in|keywords?|browse|"
    r"must\s+read|don'?t\s+miss|trending|latest|popular|top\s+stories|suggested|further\s+reading|"
    r"image|images|photo|photos|picture|video|credit|source|via|download|contact|email|follow|subscribe)\s*[:|\-–—]\s*(?P<rest>.{1,220})$",
    re.I,
)
# Labels whose rest may be a whole sentence (a link title can end with "?" or "!").
_POSTED_IN = re.compile(r"^(?:posted|filed|published)\s+in\s+[\w ,&|/-]{1,60}$", re.I)

# The page talking to its reader, not news. Unambiguous on any line up to _READER_MAX characters.
READER_STRONG = re.compile(
    r"\b(?:email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|"
    r"(?:we|this\s+(?:web)?site)\s+uses?\s+cookies|our\s+use\s+of\s+cookies|cookies?\s+(?:policy|settings|preferences|consent)|"
    r"accept\s+(?:all\s+)?cookies|(?:we|partners)\s+use\s+cookies|cookies\s+on\s+this\s+(?:web)?site|we\s+value\s+your\s+privacy|"
    r"thank\s+you\s+for\s+(?:signing\s+up|subscribing|registering)|create\s+a\s+(?:free\s+)?account\s+to|"
    r"this\s+(?:web)?site\s+uses\s+\w+\s+to|by\s+continuing\s+to\s+(?:browse|use)\s+(?:this|our|the)\s+(?:site|website)|"
    r"leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|notify\s+me\s+of|logged\s+in\s+to\s+(?:post|comment|reply)|"
    r"(?:save|remember)\s+my\s+name|comment\s+data\s+is\s+processed|"
    r"opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)|free\s+(?:articles?|stories)\s+(?:remaining|left)|"
    r"already\s+(?:a\s+)?(?:subscriber|member|registered)|subscribers?\s+only|"
    r"all\s+rights\s+reserved|reproduction\s+in\s+whole|without\s+(?:prior\s+)?(?:written\s+)?permission\s+is\s+prohibited|"
    r"not\s+responsible\s+for\s+the\s+content\s+of\s+external|listen\s+to\s+this\s+(?:article|story)|"
    r"sent\s+to\s+your\s+(?:email|inbox)|delivered\s+(?:straight\s+)?to\s+your\s+inbox|"
    r"for\s+your\s+personal,?\s+non-?commercial\s+use|(?:log\s*in|sign\s*in)\s+or\s+(?:subscribe|register|sign\s+up)|"
    r"to\s+continue\s+reading|on\s+social\s+media\s*$|please\s+try\s+again\s+later|"
    r"if\s+you\s+(?:enjoyed|liked)\s+this\s+(?:article|story|post)|like\s+this\s+(?:story|article)\?|share\s+it\s+with\s+a\s+friend)",
    re.I,
)
# Words that are furniture only when the line talks to the reader (or is not a sentence) and is short.
READER_SOFT = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|sign\s+up|stay\s+connected|inbox|your\s+email|e-?mail\s+address|"
    r"(?:follow|like|find|join)\s+(?-i:us)\s+(?:on|at|in)\b|join\s+our|follow\s+[\w.@ ]{1,40}\s+on\s+(?:twitter|x|facebook|instagram|google\s+news|youtube|linkedin|tiktok|telegram|whatsapp|threads)|"
    r"(?:download|get)\s+(?:our|the)\s+(?:free\s+)?(?:\w+\s+)?app|click\s+(?:here|to)|tap\s+here|"
    r"continue\s+reading|continues?\s+below|story\s+continues|powered\s+by|(?:audio|voiced|narrated)\s+by|"
    r"have\s+your\s+say|what\s+you\s+think|what\s+do\s+you\s+think|join\s+the\s+(?:conversation|discussion|debate)|"
    r"support\s+(?:our|independent|quality|local)\s+journalism|donate|want\s+more\s+(?:stories|news|articles|like\s+this)|stay\s+(?:informed|up\s+to\s+date|in\s+the\s+know)|"
    r"breaking\s+news\s+alerts?|(?:get|receive)\s+(?:\w+\s+)?alerts|if\s+you\s+(?:enjoyed|liked|value|appreciate)|share\s+(?:it|this)|report\s+(?:an?\s+)?(?:error|typo))",
    re.I,
)
_READER_CUE = re.compile(
    r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Oo]ur|us)\b|(?:^|[.?!:]\s+)(?:[Ss]ubscribe|[Ss]ign\s+up|[Jj]oin|[Dd]ownload|[Ff]ollow|[Cc]lick|[Tt]ap|"
    r"[Ss]tay|[Nn]ever\s+miss|[Ss]upport|[Dd]onate|[Gg]et\s+(?:the|our|a|free|breaking|daily|weekly))\b"
)
_READER_MAX = 320
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all\s+rights\s+reserved)|^(?:\S+\s+){0,10}(?:©|\(c\)\s*\d{4})(?:\s+\S+){0,10}$", re.I)
HASHTAGS = re.compile(r"^(?:[^\s#@A-Za-z0-9.,:;()]{1,2}\s+)?(?:[#@][\w-]+[\s,|·]*){1,12}$")  # "𝕏 @Paper": a platform mark, then handles
READING_TIME = re.compile(r"^(?:(?:estimated\s+)?(?:reading|read)\s+time\s*:?\s*\d+\s*(?:min|minutes?|mins)\.?|\d+\s*(?:min|minutes?|mins)\.?\s+(?:read|reading|listen))$", re.I)
WIRE_CREDIT = re.compile(
    r"^[(\[—–-]?\s*(?:with\s+)?(?:(?:additional|further)\s+reporting|reporting|writing|editing|compiled|edited|written|reported)\s+by\b.{0,400}$"
    r"|^.{2,120}\b(?:contributed|also\s+contributed)\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?\)?$"
    r"|^\((?:afp|ap|ani|apa|ians|pti|uni|dpa|reuters|xinhua|kyodo|bernama|yonhap|anadolu|tass|efe|ansa|kuna|wam|spa|irna|nan|mena|cna|aap|pa)\)$",  # "(ANI)": a wire agency's credit
    re.I,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|bin|al|el|la|le|du|dos))*"
BYLINE = re.compile(
    rf"^(?i:by|written\s+by|posted\s+by|words\s+by|story\s+by|author|reporter|posted\s+by)\s*:?\s+(?P<name>(?:{_NAME}|(?i:admin|administrator|editor|staff|webmaster|guest))"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*)\s*(?:[,|/–—-]\s*(?P<rest>.{{0,80}}))?$"
)
# "— Jane Smith, Reuters": a signature under the article.
SIGNOFF = re.compile(r"^[—–-]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}$")
ROLE_BYLINE = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}),?\s+(?:senior\s+|chief\s+|political\s+|foreign\s+|staff\s+|special\s+|our\s+)?"
    r"(?:reporter|correspondent|writer|editor|contributor|staff\s+writer|staff|journalist|columnist)$",
    re.I,
)
GENERIC_AUTHORS = {
    "admin", "administrator", "editor", "editors", "staff", "webmaster", "newsroom", "desk", "author", "guest",
    "web desk", "news desk", "staff reporter", "staff writer", "reporter", "correspondent", "the editor", "team",
    "editorial", "editorial team", "editorial staff", "online desk", "digital desk", "agencies", "news agencies",
}
BULLET = re.compile(r"^(?:[-–—•*·▪►▸]\s+|\d{1,2}[.)]\s+|\d{1,2}\s+(?=[A-Z]))")
# "Headline [INSIGHT]", "Headline (VIDEO)": a link with a section tag.
TAGGED_LINK = re.compile(
    r"^.{8,200}[^.]\s(?:\[[A-Z][A-Z &'-]{2,20}\]|\((?:VIDEO|VIDEOS|PHOTOS?|PICTURES|WATCH|LISTEN|LIVE|UPDATE[SD]?|INSIGHT|POLL|OPINION|ANALYSIS|GALLERY)\))\s*\|?$"
)
NAV_ARROWS = re.compile(r"^(?:«|‹|<|←|<<)\s*.{3,200}(?<![>›»])$|^(?![<‹«]).{3,200}\s*(?:»|›|→|>>)$")
MENU_SEP = re.compile(r"\s(?:>|»|›|❯|▸|/|\||·|•|∙)\s")

# A sentence ends with its punctuation, possibly inside closing quotes or brackets.
# Contact lines: "Write to Jane at jane@paper.com", "More: https://..."
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b[\w-]+\.(?:com|org|net|co\.uk|io)/\S*")
_CONTACT = re.compile(r"^(?:write\s+to|reach|contact|email|e-mail|follow|find|more)\b", re.I)
_TERMINAL = re.compile(r"[.!?…:][\"”’')\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class Cleaned:
    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)
    author: str | None = None


def strip_boilerplate(lines: list[str], model: bool = True) -> Cleaned:
    """Keep article lines; drop furniture. `lines` are stripped, blank lines are ''.

    The rules below decide first; the learned line classifier (`pipelines.clean.line_classifier`) then
    may add lines the rules kept (unknown phrasings of furniture), never take any back."""
    furniture, author = rule_furniture(lines)
    if model:
        from pipelines.clean.line_classifier import furniture_by_model

        for i in furniture_by_model(lines, furniture):
            furniture[i] = True
    paragraphs = [line for line, f in zip(lines, furniture) if line and not f]
    removed = [line for line, f in zip(lines, furniture) if line and f]
    return Cleaned(paragraphs=paragraphs, removed=removed, author=author)


def rule_furniture(lines: list[str]) -> tuple[list[bool], str | None]:
    """The rules' verdict per line (True: furniture) and the byline's author, if any."""
    n = len(lines)
    furniture = [False] * n
    author: str | None = None
    for i, line in enumerate(lines):
        if not line:
            continue
        name = byline_name(line)
        if name is not None:
            furniture[i] = True
            if author is None and name.lower() not in GENERIC_AUTHORS:
                author = name
        elif is_furniture_line(line):
            furniture[i] = True

    _drop_listed_sections(lines, furniture)
    _drop_stamped_lists(lines, furniture)
    author = _drop_head_labels(lines, furniture) or author
    _drop_tail(lines, furniture)
    for i, line in enumerate(lines):
        if line and not furniture[i] and is_contact_line(line):
            furniture[i] = True
    return furniture, author


def is_prose(line: str) -> bool:
    """Reads as running text: a sentence of some length."""
    words = len(_WORD.findall(line))
    return (words >= 6 and bool(_TERMINAL.search(line))) or words >= 20


_GLUED_AMPM = re.compile(r"^\d{1,2}(?:am|pm)$", re.I)


def is_date_line(line: str, stamped: bool = False) -> bool:
    """Only dates, times and words like "Updated", "ago": a site's date header or a list's timestamp.
    `stamped`: the line says it is a stamp ("Published: 9:13pm, ..."), so an hour with a glued "pm" counts
    too; without that word, "Friday 9pm" is a timeline entry of the article."""
    if len(line) > 80 or not _HAS_DATE_ANCHOR.search(line):
        return False
    tokens = [t for t in re.split(r"[\s,|·•/()\[\]–—:-]+|(?<=\w)\.(?=\s|$)", line.strip(" -–—|:")) if t]
    if not tokens:
        return False
    return all(_DATE_TOKEN.match(t.rstrip(".")) or (stamped and _GLUED_AMPM.match(t.rstrip("."))) for t in tokens)


def is_ui_line(line: str) -> bool:
    if len(line) > 120:
        return False
    return bool(_UI_LINE.match(line.strip()))


def is_menu_line(line: str) -> bool:
    """"Home > World > Africa", "News | Sport | Business | Culture": short items between separators."""
    if len(line) > 200 or (line.startswith("|") and line.endswith("|")):  # a table row, not a menu
        return False
    parts = [p.strip() for p in MENU_SEP.split(" " + line + " ") if p.strip()]
    seps = len(MENU_SEP.findall(" " + line + " "))
    if seps < 1 or len(parts) < 2:
        return False
    if any(len(p.split()) > 4 or _TERMINAL.search(p) for p in parts):
        return False
    if not all(p[0].isupper() or p[0].isdigit() for p in parts):
        return False
    return seps >= 2 or parts[0].lower() in {"home", "news", "start", "index", "sponsored", "promoted", "advertisement", "paid post", "partner content"} \
        or all(is_ui_line(p) for p in parts)


def is_furniture_line(line: str) -> bool:
    """Furniture on its own, whatever its neighbours."""
    stripped = line.strip()
    if len(stripped) <= 1:
        return True
    if (_EXPLICIT_STAMP.search(stripped) and is_date_line(stripped, stamped=True)) or is_ui_line(stripped) or READING_TIME.match(stripped):
        return True
    if len(stripped) <= _READER_MAX and (READER_STRONG.search(stripped) or COPYRIGHT.match(stripped)):
        return True
    if (
        len(_WORD.findall(stripped)) <= 30
        and READER_SOFT.search(stripped)
        and (_READER_CUE.search(stripped) or not is_prose(stripped) or " | " in stripped)
    ):
        return True
    if WIRE_CREDIT.match(stripped) or ROLE_BYLINE.match(stripped) or SIGNOFF.match(stripped) or HASHTAGS.match(stripped):
        return True
    if SECTION_HEADER.match(stripped):
        return True
    m = LABELLED_LINK.match(stripped)
    if m and len(_WORD.findall(m.group("rest"))) <= 25 and not (is_prose(m.group("rest")) and m.group("rest").endswith(".")):
        return True
    if _POSTED_IN.match(stripped):
        return True
    if TAGGED_LINK.match(stripped):
        return True
    if not is_prose(stripped) and (NAV_ARROWS.match(stripped) or is_menu_line(stripped)):
        return True
    return False


def is_contact_line(line: str) -> bool:
    """"Write to Jane at jane@paper.com", "More: https://...": dropped, but weak evidence, so it does not
    pull its neighbours with it. Bare links stay: measured on the HTML benchmark, link lists are more often
    part of the article (product lists, references) than furniture."""
    if not _URL_OR_EMAIL.search(line) or len(_WORD.findall(line)) > 30:
        return False
    return bool(_CONTACT.match(line))


def byline_name(line: str) -> str | None:
    """The name in a byline ("By Jane Smith", "By JANE SMITH | May 2, 2024"), or None when the line is not one."""
    if len(line) > 160:
        return None
    m = BYLINE.match(line.strip())
    if not m:
        return None
    rest = m.group("rest")
    if rest and not (is_date_line(rest) or ROLE_BYLINE.match("X " + rest) or len(rest.split()) <= 5):
        return None
    name = re.split(r"\s*(?:,|\band\b|&)\s*", m.group("name"))[0].strip()
    if name.isupper():
        name = name.title()
    return name


def _is_list_item(line: str) -> bool:
    """A headline or link: short, not a sentence (a question headline counts)."""
    if not line or len(line) > 200:
        return False
    return not is_prose(line) or (line.endswith("?") and len(_WORD.findall(line)) <= 15)


def _next_content(lines: list[str], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j]:
            return j
    return None


def _drop_listed_sections(lines: list[str], furniture: list[bool]) -> None:
    """A list header ("Latest Stories", "Most read", "Related: ...") takes the run of list items under it."""
    n = len(lines)
    for i, line in enumerate(lines):
        if not line or not furniture[i]:
            continue
        header = bool(SECTION_HEADER.match(line)) or bool(LABELLED_LINK.match(line)) or is_ui_line(line)
        if not header:
            continue
        bulleted_only = not SECTION_HEADER.match(line)
        j = i + 1
        while j < n:
            cur = lines[j]
            if cur:
                if furniture[j]:
                    pass
                elif bulleted_only and not (BULLET.match(cur) and _is_list_item(cur)):
                    break
                elif not bulleted_only and not (_is_list_item(cur) or is_date_line(cur)):
                    break
                elif not bulleted_only and not _list_continues(lines, j):
                    break
                furniture[j] = True
            j += 1


def _list_continues(lines: list[str], j: int) -> bool:
    """A list item under a header is followed by another item, a timestamp, furniture or the end, not by prose
    (a short line right before prose is a subheading of the article)."""
    k = _next_content(lines, j)
    return k is None or _is_list_item(lines[k]) or is_furniture_line(lines[k])


def _drop_stamped_lists(lines: list[str], furniture: list[bool]) -> None:
    """Runs of headline-like lines interleaved with dates or relative timestamps are link lists."""
    n = len(lines)
    i = 0
    while i < n:
        if lines[i] and is_date_line(lines[i]):
            start = i
            while start > 0 and (not lines[start - 1] or _is_list_item(lines[start - 1])):
                start -= 1
            end = i
            while end + 1 < n and (not lines[end + 1] or _is_list_item(lines[end + 1])):
                end += 1
            idx = [j for j in range(start, end + 1) if lines[j]]
            stamped = [is_date_line(lines[j]) for j in idx]
            # item, stamp, item, stamp, ...: at least two links each directly followed by its timestamp.
            k = 0
            while k < len(idx) - 1:
                run = k
                while run + 1 < len(idx) and not stamped[run] and not furniture[idx[run]] and stamped[run + 1]:
                    run += 2
                if run - k >= 4:
                    for m in range(k, run):
                        furniture[idx[m]] = True
                k = max(run, k + 1)
            i = end + 1
        else:
            i += 1


def _drop_head_labels(lines: list[str], furniture: list[bool]) -> str | None:
    """Above the first paragraph: one- and two-word labels after furniture (breadcrumb and menu items)
    go, unless the next line is prose (then it is a short headline); a bare name next to a date line
    is a byline. Returns the byline's name, if any."""
    first = next((i for i, line in enumerate(lines) if line and not furniture[i] and is_prose(line)), None)
    if first is None:
        return None
    author = None
    prev_furniture = kept_any = False
    for i in range(first):
        line = lines[i]
        if not line:
            continue
        if furniture[i] or is_date_line(line):
            furniture[i] = True
            prev_furniture = True
            continue
        nxt = _next_content(lines, i)
        next_is_prose = nxt is not None and is_prose(lines[nxt]) and not furniture[nxt]
        words = line.split()
        if prev_furniture and len(words) <= 2 and not _TERMINAL.search(line) and (kept_any or not next_is_prose):
            furniture[i] = True
            continue
        m = _NAME_BAR.match(line)
        if m:
            furniture[i] = True
            author = author or m.group("name")
            prev_furniture = True
            continue
        near_date = any(
            k is not None and lines[k] and is_date_line(lines[k])
            for k in (_next_content(lines, i), _prev_content(lines, i))
        )
        if near_date and 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in words):
            furniture[i] = True
            author = author or line
            prev_furniture = True
            continue
        prev_furniture = False
        kept_any = True
    return author


# Above the article: "Jane Smith | The Daily Ledger", "Jane Smith, Reuters".
_NAME_BAR = re.compile(r"^(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3})\s*[|,]\s*(?:[A-Z][\w.&'’-]*\s*){1,5}$")


def _prev_content(lines: list[str], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j]:
            return j
    return None


def _drop_tail(lines: list[str], furniture: list[bool]) -> None:
    """After the last paragraph of the article, once furniture starts, short lines are furniture too
    (tag lists, link titles, menu items)."""
    last = max((i for i, line in enumerate(lines) if line and not furniture[i] and is_prose(line)), default=None)
    if last is None:
        return
    started = False
    for i in range(last + 1, len(lines)):
        if not lines[i]:
            continue
        if furniture[i]:
            started = True
        elif started:
            furniture[i] = True
