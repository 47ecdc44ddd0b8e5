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
  once furniture has started there, go with it;
- neighbourhood (`_drop_near_furniture`): shapes that are not proof alone (controls opening with an
  interface verb, labels with a value, dated labels, labels naming a page part, the reader addressed
  about the site) go when they touch furniture or sit above the article; so do short lines between
  furniture, blocks that are half furniture, bars of very short lines holding a control, and headline
  lists running into furniture. The article's own headline and bulleted items are left alone.

A line survives unless a rule is sure. Long lines that read as sentences are only removed by the
content rules, and those only fire on lines that talk to the reader. After the rules, a small learned
line classifier (`pipelines.clean.line_classifier`) may add short non-sentence lines above the article
or next to removed furniture that no rule phrase knows (`strip_boilerplate(..., model=False)`: rules only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_TIME_WORDS = (
    "updated|last|published|posted|modified|created|on|at|date|ago|just|now|today|yesterday|"
    "sec|secs|second|seconds|min|mins|minute|minutes|hr|hrs|hour|hours|h|m|d|day|days|week|weeks|month|months|year|years|"
    "am|pm|a\\.m|p\\.m|et|pt|ct|mt|gmt|utc|bst|cet|cest|est|edt|cst|cdt|pst|pdt|wat|cat|eat|sast|ist|amt|local|time"
)
_DATE_TOKEN = re.compile(
    rf"^(?:{_WEEKDAYS}|{_MONTHS}|{_TIME_WORDS}|\d{{1,4}}(?:st|nd|rd|th|h|m|d)?|\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:am|pm)?|"
    rf"\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.+z-]+)?|\d{{1,2}}t\d{{1,2}}|\d{{1,2}}z|[+]\d{{4}})$",
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
    r"see\s+also|also\s+read|more\s+on\s+this\s+story|more\s+to\s+explore|around\s+the\s+web|from\s+around\s+the\s+web)"
    r"\s*[:.…]*\s*$",
    re.I,
)
# "Read more: <headline>", "Tags: a, b", "[Related: ...]": a label, then a link or a list.
LABELLED_LINK = re.compile(
    r"^[\[(]?\s*(?:read\s+(?:more|also|next)|also\s+read|see\s+(?:also|more)|related(?:\s+(?:post|article|story|stories|news|content|coverage|reading|link))?|"
    r"recommended(?:\s+for\s+you)?|[a-z]+\s+(?:reading|coverage|links|stories|articles|videos?)|more|more\s+on|more\s+from\s+[^:]{1,30}|next|previous|prev|up\s+next|watch(?:\s+now)?|listen|"
    r"tags?|topics?|categor(?:y|ies)|filed\s+under|posted\s+in|published\s+in|keywords?|"
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
    r"breaking\s+news\s+alerts?|(?:get|receive)\s+(?:\w+\s+)?alerts|(?:sign|log)\s*in\b|register\s+(?:for|now|to)|keep\s+reading|(?:have|create)\s+an\s+account|if\s+you\s+(?:enjoyed|liked|value|appreciate)|share\s+(?:it|this)|report\s+(?:an?\s+)?(?:error|typo))",
    re.I,
)
_READER_CUE = re.compile(
    r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Oo]ur|us)\b|(?:^|[.?!:]\s+)(?:[Ss]ubscribe|[Ss]ign\s+up|[Jj]oin|[Dd]ownload|[Ff]ollow|[Cc]lick|[Tt]ap|"
    r"[Ss]tay|[Nn]ever\s+miss|[Ss]upport|[Dd]onate|[Rr]egister|[Ll]og\s+in|[Ss]ign\s+in|[Gg]et)\b"
)
_READER_MAX = 320
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all\s+rights\s+reserved)|^(?:\S+\s+){0,10}(?:©|\(c\)\s*\d{4})(?:\s+\S+){0,10}$", re.I)
HASHTAGS = re.compile(r"^(?:[#@][\w-]+[\s,|·]*){1,12}$")
READING_TIME = re.compile(r"^(?:(?:estimated\s+)?(?:reading|read)\s+time\s*:?\s*\d+\s*(?:min|minutes?|mins)\.?|\d+\s*(?:min|minutes?|mins)\.?\s+(?:read|reading|listen))$", re.I)
WIRE_CREDIT = re.compile(
    r"^[(\[—–-]?\s*(?:with\s+)?(?:(?:additional|further)\s+reporting|reporting|writing|editing|compiled|edited|written|reported)\s+by\b.{0,400}$"
    r"|^.{2,120}\b(?:contributed|also\s+contributed)\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?\)?$"
    r"|^[(\[—–-]?\s*(?:with\s+)?(?:additional\s+)?(?:inputs?|reporting|material|information)\s+from\s+(?:[A-Z][\w&.'’-]*[\s,]*(?:and\s+)?){1,4}\)?\.?$",
    re.I,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|bin|al|el|la|le|du|dos))*"
BYLINE = re.compile(
    rf"^(?i:by|written\s+by|posted\s+by|words\s+by|story\s+by|author|reporter|posted\s+by)\s*:?\s+(?P<name>(?:{_NAME}|(?i:admin|administrator|editor|staff|webmaster|guest))"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*)\s*(?:(?:[,|/–—-]|\s(?i:on)\s)\s*(?P<rest>.{{0,80}}))?$"
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
NAV_ARROWS = re.compile(r"^(?:«|‹|<|←|<<|>>|→|»|›)\s*.{3,200}(?<![>›»])$|^(?![<‹«]).{3,200}\s*(?:»|›|→|>>)$")
MENU_SEP = re.compile(r"\s(?:>|»|›|/|\||·|•)\s")

# A sentence ends with its punctuation, possibly inside closing quotes or brackets.
# Contact lines: "Write to Jane at jane@paper.com", "More: https://..."
_URL_OR_EMAIL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b[\w-]+\.(?:com|org|net|co\.uk|io)/\S*")
_CONTACT = re.compile(r"^(?:write\s+to|reach|contact|email|e-mail|follow|find|more)\b", re.I)
_TERMINAL = re.compile(r"[.!?…:][\"”’')\]]*$")
_TERMINAL_SENTENCE = re.compile(r"[a-z]{2,}[.!?…][\"”’')\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_DATE_SPLIT = re.compile(r"[\s,|·•/()\[\]–—:+-]+|(?<=\w)\.(?=\s|$)")


# Nouns of the web page and the reader's relation to the site (broad classes, not phrasings): a short
# line that addresses the reader ("you", "our", "please") about one of these is the page talking.
_SITE_NOUN = re.compile(
    r"\b(?:articles?|site|website|comments?|commenting|newsletters?|inbox|e-?mail\s+address|accounts?|subscri\w+|"
    r"unsubscri\w+|app|cookies?|privacy|ads|ad\s*blocker|browser|javascript|feed|notifications?|playback|"
    r"terms\s+of\s+(?:use|service)|sign(?:ed|ing)?\s+(?:in|up)|log(?:ged|ging)?\s+in|regist(?:er|ered|ering|ration)|"
    r"contribution|journalism|clipboard|bookmarks?|mailing\s+list|free\s+trial|membership|personal\s+(?:data|information)|"
    r"moderated|device|player|audio)\b(?!\.\w)",
    re.I,
)
_PAGE_MACHINERY = re.compile(
    r"\b(?:cookies?|javascript|newsletters?|inbox|browser|ad\s*blocker|notifications?|terms\s+of\s+(?:use|service)|"
    r"privacy|comments?|clipboard|bookmarks?|site|website|playback|moderated)\b",
    re.I,
)
_ADDRESS = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ou're|[Yy]ou've|[Pp]lease)\b")
# (a Title-Case "My" inside a line is an interface label: "Confirm My Choices", "My Account")
_ADDRESS_WE = re.compile(r"\b(?:[Oo]ur|[Uu]s|[Ww]e)\b|(?<=\s)My\b")
# Words that report speech or events: a line with them is news, not the page.
_REPORTING = re.compile(r"\b(?:said|says|told|according|added|insisted|claimed|argued|warned|explained|announced)\b|[\"“”]", re.I)
# The verbs of buttons and controls: a short line that starts with one and does not end a sentence is a control.
_UI_VERB = re.compile(
    r"^(?:share|save|send|gift|copy|print|sign|log|agree|accept|reject|decline|confirm|submit|add|sort|renew|"
    r"contribute|subscribe|register|download|follow|join|load|show|view|read|watch|listen|play|close|cancel|"
    r"continue|click|tap|enable|disable|turn|unlock|get|spread|bookmark|manage|allow|report|upgrade|start|try|"
    r"skip|back|go|return|next|previous|older|newer|most|sorted?|write|leave|post|reply|edit|delete|hide|expand|"
    r"now|loading|success|thanks|thank|support|donate)\b",
    re.I,
)
# "Label: value", "Label, value" lines (image credits, tag lists, link labels): a label of a few words.
_LABEL_VALUE = re.compile(r"^(?P<label>[^\W\d][\w'’ ]{0,30}?)\s*:\s*(?P<rest>.*)$")
# "-- Reuters", "ab/cd (AFP, Reuters)": a credit of a few capitalised words after a long dash (a single
# hyphen is a list bullet), or editors' initials and agencies.
_DASH_CREDIT = re.compile(r"^(?:(?:--|[–—]{1,2})\s*[A-Za-z][\w.&'’-]*(?:[\s,]+[A-Z][\w.&'’-]*){0,3}|[a-z]{2,4}/[a-z]{2,4}\s*\([A-Za-z]+(?:,\s*[A-Za-z]+){0,3}\))$")
_DIGIT = re.compile(r"\d")
_LIST_BULLET = re.compile(r"^[-*•]\s")
_GLUE = frozenset("a an the of to on in at for with by via and or this that your my our us it".split())
_PAGINATION = re.compile(r"^page\s+\d+\s+(?:of|/)\s+\d+$", re.I)
_HANDLE_WORD = re.compile(r"(?:^|\s)@\w{2,}")
# "Jane Smith reported from Nairobi. John Doe contributed from Accra."
_WIRE_FROM = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]+\s+){1,3}(?:also\s+)?(?:reported|contributed|reporting)\s+(?:from|to)\s+[A-Z][^.]{1,60}\.\s*){1,3}$"
)
# A clock time opening a line: "14:05  Headline" in a live list.
_TIME_PREFIX = re.compile(r"^\d{1,2}[:.]\d{2}\s+(?=\S)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
# The page speaking about itself ("This material may not be published ...", "Reader comments are moderated
# ...", "(This story has not been edited by ... and is auto-generated ...)"): a site subject, a publishing verb.
_PAGE_SUBJECT = re.compile(
    r"^[(\[]?\s*(?:(?:this|our)\s+(?:site|website|page|article|story|material|content|newsletter|app|feed|video|podcast)|"
    r"(?:reader\s+|user\s+)?comments?)\b",
    re.I,
)
_PUBLISHING_VERB = re.compile(
    r"\b(?:published|broadcast|rewritten|redistributed|reproduced|moderated|edited|auto-?generated|syndicated|"
    r"available|uses?|stores?|cookies|subscribers?|sponsored|updated\s+(?:regularly|daily)|closed)\b",
    re.I,
)
# Media credit and caption labels ("Image source, ...", "Image caption,", "Photo: ...").
_MEDIA_CREDIT = re.compile(
    r"^(?:image|photo|picture|video|media|graphic|illustration|audio)(?:\s+(?:source|caption|credit|copyright|courtesy))?\s*[,:]", re.I
)
# Engagement counts: "12 comments", "34 thoughts on ...", "1.2K Shares".
_COUNT_LINE = re.compile(r"^[\d.,]+\s*[km]?\s+(?:thoughts?|comments?|responses?|replies|reactions?|shares?|likes?|views?)\b", re.I)
_PHONE = re.compile(r"\+\d{1,3}[\s\d-]{6,}")
# Interface states: "Video Player is loading.", "Link copied", "This is a modal window."
_UI_STATE = re.compile(r"\b(?:loading|copied\s+to|modal|unsupported\s+on|is\s+loading)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def is_page_address(line: str, strong: bool = True) -> bool:
    """A short line in which the page talks to its reader about the site ("Media playback is unsupported
    on your device", "Already have an account? Sign in", "Please enable JavaScript to ..."). Lines that
    report speech (quotes, "said") are news. `strong`: sure on its own (the site as "we"/"our", or two
    different site words); otherwise only next to furniture (how-to articles address their reader too)."""
    if len(line) > 400 or not (_ADDRESS.search(line) or _ADDRESS_WE.search(line)):  # cheap tests first
        return False
    nouns = {m.group(0).lower().rstrip("s") for m in _SITE_NOUN.finditer(line)}
    if not nouns:
        return False
    words = len(_WORD.findall(line))
    if words < 3 or words > 45 or _REPORTING.search(line):
        return False
    if not nouns or (words > 20 and len(nouns) < 2):
        return False
    we = words <= 15 and bool(_ADDRESS_WE.search(line))
    if strong:
        # two site words, one of them about the page's own machinery (not accounts and sign-ups, which
        # service articles explain to their readers)
        return we or (len(nouns) >= 2 and bool(_PAGE_MACHINERY.search(line)) and bool(_ADDRESS.search(line)))
    return we or bool(_ADDRESS.search(line))


def is_control_line(line: str) -> bool:
    """A button or control: at most four words, starting with an interface verb, not a sentence."""
    words = line.split()
    if not words or len(words) > 4 or _TERMINAL_SENTENCE.search(line):
        return False
    return bool(_UI_VERB.match(line.lstrip("‹«<←→›»>▪•·*-–— 📲"))) or is_ui_line(line)


def is_ui_label(line: str) -> bool:
    """A short label naming a part of the page ("Strictly Necessary Cookies", "Discussion about this post",
    "Privacy Preference Center"): at most five words, one of them an interface word or a site noun, not a
    sentence, no digits. Furniture only next to furniture."""
    words = _WORD.findall(line)
    if not words or len(words) > 5 or _TERMINAL_SENTENCE.search(line) or _DIGIT.search(line):
        return False
    return bool(_SITE_NOUN.search(line)) or any(w.lower() in _ui_vocabulary() for w in words)


@lru_cache(maxsize=1)
def _ui_vocabulary() -> frozenset:
    """The words of the interface phrases, without function words."""
    stop = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "by", "and", "or", "this", "your", "my",
            "all", "it", "be", "is", "here", "up", "out", "more", "most", "top", "about", "us", "name", "x", "d", "m",
            # everyday words that are interface words only in company
            "are", "first", "find", "full", "keep", "like", "live", "main", "news", "now", "only", "open", "see", "use",
            "home", "back", "text", "size", "screen", "support", "supported", "story", "stories", "service", "conditions",
            "learn", "got", "help", "paid", "presented", "closed", "exclusive", "premium", "members", "message",
            "content", "conversation", "partnership", "watch", "play", "search", "show", "view", "continue", "zoom",
            "response", "responses", "threads", "pause", "related", "reading", "read", "save"}
    return frozenset(w for p in _UI_PHRASES for w in p.split() if len(w) > 1 and w not in stop)


def _ui_words_in(line: str) -> list[str]:
    return [w for w in _WORD.findall(line) if w.lower() in _ui_vocabulary()]


def is_label_value(line: str) -> bool:
    """"Contributor: Jane Smith", "Read: <headline>", "Image source, Getty Images", "TAGGED: a, b": a
    label of at most four words, then a value that is not a sentence (no full stop)."""
    m = _LABEL_VALUE.match(line)
    if not m or len(line) > 220:
        return False
    label, rest = m.group("label").strip(), m.group("rest").strip()
    if not label or len(label.split()) > 4 or _REPORTING.search(line) or _DIGIT.search(label):
        return False
    if not rest:
        return False
    return len(_WORD.findall(rest)) <= 25 and not _TERMINAL.search(rest) and not is_prose(rest)


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
    _drop_near_furniture(lines, furniture)
    _drop_tail(lines, furniture)
    for i, line in enumerate(lines):
        if line and not furniture[i] and is_contact_line(line):
            furniture[i] = True
    return furniture, author


@lru_cache(maxsize=8192)
def is_prose(line: str) -> bool:
    """Reads as running text: a sentence of some length."""
    words = len(_WORD.findall(line))
    return (words >= 6 and bool(_TERMINAL.search(line))) or words >= 20


def _date_tokens(line: str) -> tuple[int, list[str]] | None:
    """(number of date/time tokens, the other tokens) of a short line with a date anchor, else None."""
    if len(line) > 90 or not _HAS_DATE_ANCHOR.search(line):
        return None
    tokens = [t for t in _DATE_SPLIT.split(line.strip(" -–—|:")) if t]
    other = [t for t in tokens if not _DATE_TOKEN.match(t.rstrip("."))]
    return len(tokens) - len(other), other


def is_date_line(line: str) -> bool:
    """Only dates, times and words like "Updated", "ago": a site's date header or a list's timestamp."""
    counts = _date_tokens(line)
    return counts is not None and counts[0] > 0 and not counts[1]


def is_labelled_date_line(line: str) -> bool:
    """A date or time under a short label or place ("First published on ...", "New Delhi, UPDATED: ...",
    "Video duration 7:18"): at most three other words, outnumbered by the date tokens, and no sentence."""
    counts = _date_tokens(line)
    if counts is None or not counts[1] or re.search(r"[.!?…]\W*$", line):
        return False
    dated, other = counts
    return len(other) <= 3 and dated >= max(2, len(other)) and all(len(t) <= 16 and not t.isdigit() and "@" not in t for t in other)


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
    arrow = bool(re.search(r"\s[>»›]\s", line))
    return seps >= 2 or arrow or parts[0].lower() in {"home", "news", "start", "index"} or all(is_ui_line(p) for p in parts)


def is_furniture_line(line: str) -> bool:
    """Furniture on its own, whatever its neighbours."""
    stripped = line.strip()
    if len(stripped) <= 1:
        return True
    if (is_date_line(stripped) and _EXPLICIT_STAMP.search(stripped)) or is_ui_line(stripped) or READING_TIME.match(stripped):
        return True
    if is_labelled_date_line(stripped) and (_EXPLICIT_STAMP.search(stripped) or _YEAR.search(stripped)):
        return True
    if is_page_address(stripped) or _DASH_CREDIT.match(stripped) or _COUNT_LINE.match(stripped):
        return True
    nwords = len(_WORD.findall(stripped)) if len(stripped) <= 400 else 99
    if nwords <= 30 and _PAGE_SUBJECT.match(stripped) and _PUBLISHING_VERB.search(stripped) and not _REPORTING.search(stripped):
        return True
    if nwords <= 8 and (_MEDIA_CREDIT.match(stripped) or _UI_STATE.search(stripped)):
        return True
    if is_label_value(stripped):
        label = _LABEL_VALUE.match(stripped).group("label")
        if SECTION_HEADER.match(label) or is_control_line(label) or is_ui_label(label):
            return True
    if _PAGINATION.match(stripped) or _WIRE_FROM.match(stripped):
        return True
    if nwords <= 6 and len(_ui_words_in(stripped)) >= max(2, (nwords + 1) // 2) and not _TERMINAL_SENTENCE.search(stripped) \
            and not any(w[0].islower() and w.lower() not in _ui_vocabulary() and w.lower() not in _GLUE for w in _WORD.findall(stripped)):
        return True
    if _HANDLE_WORD.search(stripped) and is_control_line(stripped):
        return True
    if nwords <= 30 and (_EMAIL.search(stripped) or _PHONE.search(stripped)) and (_ADDRESS.search(stripped) or _ADDRESS_WE.search(stripped)):
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


def _dated_or_address(line: str) -> bool:
    """Never a headline: a date (under a label) or the reader addressed about the site."""
    return is_labelled_date_line(line) or is_date_line(line) or is_page_address(line, strong=False)


def headline_lines(lines: list[str], furniture: list[bool]) -> set[int]:
    """The lines `_headline_guard` protects, for the line classifier (same guard as the rules)."""
    first = next((i for i, line in enumerate(lines) if line and not furniture[i] and is_prose(line)), None)
    return _headline_guard(lines, furniture, first)


def _headline_guard(lines: list[str], furniture: list[bool], first: int | None) -> set[int]:
    """The article's own headline, which the neighbourhood rules leave alone: the longest of the last few
    kept lines of two words or more above the first paragraph, and the first of them when it has three
    words or more and not the shape of a control or a label."""
    if first is None:
        return set()
    top = [
        i for i in range(first)
        if lines[i] and not furniture[i] and len(lines[i].split()) >= 2 and not _dated_or_address(lines[i])
    ]
    if not top:
        return set()
    guard = {max(top[-6:], key=lambda i: len(lines[i]))}
    if len(lines[top[0]].split()) >= 3 and not (is_control_line(lines[top[0]]) or is_label_value(lines[top[0]])):
        guard.add(top[0])
    return guard


def _drop_near_furniture(lines: list[str], furniture: list[bool]) -> None:
    """Neighbourhood rules, for lines whose shape alone is not proof:
    - labels with a value ("Contributor: ..."), dates under a label, bare dates: next to furniture or
      above the first paragraph (never the headline);
    - controls (short lines starting with an interface verb): next to furniture or above the article,
      and a bar of them goes as a whole;
    - a short line that is not a sentence between two furniture lines;
    - a block of lines with no blank line between them, none a paragraph, half of them furniture: all of it;
    - a list: a short header line, then two or more headline-shaped lines running into furniture (or
      to the end of the page, when the header or the line above it is furniture)."""
    idx = [i for i, line in enumerate(lines) if line]
    if not idx:
        return
    prose = {i: is_prose(lines[i]) for i in idx}
    body = [i for i in idx if prose[i] and not furniture[i]]
    if not body:
        return
    first = body[0]
    guard = _headline_guard(lines, furniture, first)
    pos = {i: k for k, i in enumerate(idx)}

    def nb(i: int, flags: list[bool]) -> tuple[bool, bool]:
        k = pos[i]
        return (k > 0 and flags[idx[k - 1]]), (k + 1 < len(idx) and flags[idx[k + 1]])

    # dates and labels: next to furniture found by the rules (no chain reaction)
    before = list(furniture)
    for i in idx:
        if furniture[i] or i in guard:
            continue
        line = lines[i]
        if is_page_address(line, strong=False) or (
            not prose[i] and (is_labelled_date_line(line) or is_date_line(line) or is_label_value(line))
        ):
            p, n = nb(i, before)
            if i < first or p or n:
                furniture[i] = True
    # blocks: runs of lines without a blank line between them
    k0 = 0
    while k0 < len(lines):
        if not lines[k0]:
            k0 += 1
            continue
        k1 = k0
        while k1 < len(lines) and lines[k1]:
            k1 += 1
        block = list(range(k0, k1))
        if 2 <= len(block) <= 12 and not any(prose[i] and not furniture[i] for i in block):
            if 2 * sum(furniture[i] for i in block) >= len(block):
                for i in block:
                    if i not in guard and len(lines[i].split()) <= 8:
                        furniture[i] = True
        k0 = k1
    # controls next to furniture, short lines between furniture: until nothing changes
    changed = True
    while changed:
        changed = False
        for i in idx:
            # an item of a bulleted list is the article's, unless a rule knows it
            if furniture[i] or i in guard or prose[i] or _LIST_BULLET.match(lines[i]):
                continue
            line = lines[i]
            p, n = nb(i, furniture)
            if (is_control_line(line) or is_ui_label(line)) and (i < first or p or n):
                furniture[i] = changed = True
            elif p and n and len(line.split()) <= 6 and not _DIGIT.search(line) and not _TERMINAL.search(line):
                furniture[i] = changed = True
    # bars of buttons and menus: three or more very short lines in a row, one of them a control or a label
    # naming a page part; lists whose every line opens with a clock time
    k = 0
    while k < len(idx):
        j = k
        while j < len(idx) and _is_bar_item(lines[idx[j]], furniture[idx[j]], prose[idx[j]]) and idx[j] not in guard:
            j += 1
        run = [idx[t] for t in range(k, j) if not furniture[idx[t]]]
        if j - k >= 3 and any(is_control_line(lines[i]) or is_ui_label(lines[i]) for i in run):
            for i in run:
                furniture[i] = True
        j2 = k
        while j2 < len(idx) and _TIME_PREFIX.match(lines[idx[j2]]) and _is_headline_shaped(_TIME_PREFIX.sub("", lines[idx[j2]])):
            j2 += 1
        if j2 - k >= 3:
            for t in range(k, j2):
                furniture[idx[t]] = True
        k = max(j, j2, k + 1)
    # the header of a list that went: a short line right above two or more furniture lines
    for k, h in enumerate(idx[:-2]):
        line = lines[h]
        if furniture[h] or h in guard or prose[h] or _LIST_BULLET.match(line) or len(line.split()) > 4 \
                or _TERMINAL_SENTENCE.search(line) or _DIGIT.search(line):
            continue
        nxt = idx[k + 1 : k + 3]
        if all(furniture[i] for i in nxt) and any(_is_headline_shaped(lines[i]) for i in nxt):
            furniture[h] = True
    # lists under a short header
    k = 0
    while k < len(idx):
        h = idx[k]
        if h in guard or prose[h] or len(lines[h].split()) > 6 or _TERMINAL_SENTENCE.search(lines[h]) \
                or (lines[h].rstrip().endswith(":") and not furniture[h]):
            k += 1
            continue
        if k > 0:
            above = idx[k - 1]
            if not (prose[above] or furniture[above]) or (h < first and not furniture[above]):
                k += 1
                continue
        j = k + 1
        while j < len(idx) and idx[j] not in guard and not prose[idx[j]] and not furniture[idx[j]] and _is_headline_shaped(lines[idx[j]]):
            j += 1
        # the list runs into furniture (or to the end of the page under a header that is furniture, or
        # below furniture): a list that runs into a paragraph or ends the page is the article's own
        ends = (j < len(idx) and furniture[idx[j]]) or (j == len(idx) and (furniture[h] or (k > 0 and furniture[idx[k - 1]])))
        if j - k - 1 >= 2 and ends:
            for t in range(k, j):
                furniture[idx[t]] = True
            k = j
        else:
            k += 1


def _is_bar_item(line: str, furniture: bool, prose: bool) -> bool:
    """A member of a button bar or menu: furniture already, or at most three words, no sentence, no bullet."""
    if furniture:
        return True
    return not prose and len(line.split()) <= 3 and not _TERMINAL_SENTENCE.search(line) and not _LIST_BULLET.match(line)


_CONTENT_WORD = re.compile(r"\b[a-z]{4,}\b")


def _is_headline_shaped(line: str) -> bool:
    """A headline in a list of links: three words or more, one of them a lowercase content word (not a
    fixture or a result line), no closing full stop (a question mark is fine)."""
    return len(_WORD.findall(line)) >= 3 and bool(_CONTENT_WORD.search(line)) and not re.search(r"[.!…:;,]\W*$", line)
