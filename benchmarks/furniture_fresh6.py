"""FRESH6 furniture templates for the plain-text boilerplate benchmark: a blind split.

Written without looking at the remover (`pipelines/clean/`, its classifier weights) and without running
the benchmark, in the styles of sites, CMSs and widgets that neither the earlier splits nor FRESH4 and
FRESH5 imitate: English editions of Le Monde and Der Spiegel (pay-or-consent walls, one-device notices),
NHK World, Kyodo, Yonhap, Anadolu, Euronews, Politico Europe, Axios, The Hill, Bloomberg, the Financial
Times, The Economist, Forbes contributor pages, Vox Media, BuzzFeed, Newsweek, Reuters Connect, Lee
Enterprises (BLOX/TownNews) and Gannett local papers, aggregators (NewsNow, Flipboard, Google News
cards, Ground News coverage bars), WordPress news themes (Jannah, Newspaper by tagDiv), Joomla (article
info blocks, pagination, Komento), Squarespace and Wix blogs, Mailchimp embeds, AMP story pages,
Usercentrics, TrustArc and Complianz consent banners, Global Privacy Control notices, accessibility
overlays (UserWay-like), audio narration players (ElevenLabs, BeyondWords, Ad Auris), reading-progress
bars, AI-summary boxes, fact-check rating boxes, Reuters-style update notes, Creative Commons
republishing notes, opinion disclaimers, "report an error" forms, chat widgets, election results,
currency converters, lottery results, horoscopes and job boards. Every phrasing here is new with
respect to the dev, held, fresh, fresh2, fresh3, fresh4 and fresh5 templates.

Same kinds as FRESH5 (including "notice" and "widget"), none new.

Self-contained: nothing here imports the benchmark; a template is a callable `f(c) -> list[str]` where
`c` is the benchmark's `Ctx` (random fillers).
"""

from __future__ import annotations

_CITIES = ["Seoul", "Osaka", "Ankara", "Istanbul", "Lyon", "Hamburg", "Johannesburg", "Accra", "Mombasa", "Denver",
           "Tulsa", "Des Moines"]
_REGIONS = ["Middle East & Africa", "Asia", "Europe", "The Americas", "Britain", "China", "United States"]
_TZ = ["ET", "CT", "PT"]
_AGGS = ["Bloomberg", "Reuters", "Politico", "Axios", "The Hill", "Euronews", "NHK World", "Kyodo News",
         "Yonhap", "Anadolu Agency", "TRT World", "SABC News", "KBC", "GBC Online", "Newsweek"]
_JOBS = ["Senior Accountant", "Registered Nurse", "Delivery Driver", "Junior Developer", "Grants Officer",
         "Sales Associate", "Civil Engineer"]
_CURR = ["KES", "ZAR", "GHS", "NGN", "JPY", "KRW", "TRY", "EUR"]
_PARTIES = ["ANC", "DA", "EFF", "MK", "IFP", "NPP", "NDC", "UDA", "ODM", "LDP", "CDU", "SPD"]
_SIGNS = ["♈ Aries", "♉ Taurus", "♊ Gemini", "♋ Cancer", "♌ Leo", "♍ Virgo", "♎ Libra", "♏ Scorpio",
          "♐ Sagittarius", "♑ Capricorn", "♒ Aquarius", "♓ Pisces"]
_KEYCAPS = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣"]


def _L(*lines):
    """A template of constant (or callable) lines."""
    return lambda c: [line(c) if callable(line) else line for line in lines]


def _two(c, a, b):
    return f"{c.n(a, b):02d}"


def _clock(c, style="us"):
    """A 12-hour time: 'us' 2:22 PM, 'ap' 2:22 p.m., 'lc' 2:22pm."""
    h, m = c.n(1, 12), _two(c, 0, 59)
    pm = c.rng.random() < 0.5
    if style == "ap":
        return f"{h}:{m} {'p.m.' if pm else 'a.m.'}"
    if style == "lc":
        return f"{h}:{m}{'pm' if pm else 'am'}"
    return f"{h}:{m} {'PM' if pm else 'AM'}"


def _host(c):
    return c.site().lower().replace("the ", "").replace(" ", "") + c.rng.choice([".com", ".co.za", ".eu", ".news"])


def _mail(c, name=None):
    first, last = (name or c.name()).split()[:2]
    return f"{first[0].lower()}{last.lower()}@{_host(c)}"


def _hlist(header, below=None, inline=None, prefix=None, bullet="", footer=None, lo=3, hi=6):
    """A list of other articles' headlines.

    header: a line (str or callable) or "" for none; below(c, i): a line under the i-th headline;
    inline(c, h): rewrites the headline line; prefix(c, i): a line above the i-th headline;
    footer: a closing line (str or callable)."""

    def make(c):
        out = []
        head = header(c) if callable(header) else header
        if head:
            out.append(head)
        for i in range(c.n(lo, hi)):
            if prefix:
                out.append(prefix(c, i))
            h = c.headline()
            out.append(bullet + (inline(c, h) if inline else h))
            if below:
                out.append(below(c, i))
        if footer:
            out.append(footer(c) if callable(footer) else footer)
        return out

    return make


FRESH6: dict[str, list] = {
    "site_date": [
        # Yonhap
        lambda c: [f"{c.year()}-{_two(c, 1, 12)}-{c.dy():02d} {c.hhmm()} KST"],
        # NHK World
        lambda c: [f"{c.mon()}. {c.dy()}, {c.year()} {c.hhmm()} JST"],
        # Anadolu Agency
        lambda c: (lambda d: [f"{d} - Update : {d}"])(f"{c.dy():02d}.{_two(c, 1, 12)}.{c.year()}"),
        # Politico Europe
        lambda c: [f"{c.month()} {c.dy()}, {c.year()} {_clock(c, 'lc')} {c.rng.choice(['CET', 'CEST'])}"],
        # Euronews
        lambda c: [f"Published on {c.dy():02d}/{_two(c, 1, 12)}/{c.year()} - {c.hhmm()} GMT+{c.n(1, 3)} "
                   f"• Updated {c.hhmm()}"],
        # The Hill
        lambda c: [f"{_two(c, 1, 12)}/{c.dy():02d}/{c.year() % 100:02d} {_clock(c)} {c.rng.choice(_TZ)}"],
    ],
    "date_header": [
        # Jekyll front matter left at the top of a Markdown export
        lambda c: ["---", "layout: post", f"date: {c.year()}-{_two(c, 1, 12)}-{c.dy():02d} {c.hhmm()}:{_two(c, 0, 59)} +0{c.n(0, 9)}00",
                   "---"],
        # archive.today snapshot header
        lambda c: [f"archived {c.dy()} {c.mon()} {c.year()} {c.hhmm()}:{_two(c, 0, 59)} UTC"],
        # Evernote / Notion web clipper
        lambda c: [f"Clipped on {c.month()} {c.dy()}, {c.year()} from {_host(c)}"],
        # Joomla article info, date first
        lambda c: [f"Created: {c.day()}, {c.dy():02d} {c.month()} {c.year()} {c.hhmm()}"],
        # read-later export
        lambda c: [f"Saved {c.dy()}/{c.n(1, 12)}/{c.year() % 100} · Source: {_host(c)}"],
    ],
    "breadcrumb": [
        # Forbes
        lambda c: [f"{c.site()} › {c.topic()} › {c.topic()}"],
        # The Economist rubric (section | fly-title label)
        lambda c: [f"{c.rng.choice(_REGIONS)} | {c.rng.choice(['Briefing', 'Leaders', 'Letters', 'Graphic detail'])}"],
        # Wix blog category bar
        lambda c: ["All Posts", c.topic(), c.topic(), c.topic()],
        # NHK World section strip
        lambda c: [f"{c.rng.choice(_REGIONS)} ▸ {c.topic()}"],
        # Gannett local paper: section and subsection stacked in capitals
        lambda c: [c.topic().upper(), c.rng.choice(["CRIME", "EDUCATION", "COUNTY GOVERNMENT", "HIGH SCHOOL SPORTS"])],
    ],
    "player": [
        # ElevenLabs narration
        lambda c: ["Voiced by AI", "1.0x", f"-{c.n(1, 14)}:{_two(c, 0, 59)}", "Powered by ElevenLabs"],
        # BeyondWords
        lambda c: [f"🔊 Article audio · {c.n(2, 18)} mins", "BeyondWords"],
        # Ad Auris
        _L("Audio narration produced by Ad Auris"),
        # reading-progress bar
        lambda c: [f"Reading progress: {c.n(0, 100)}%"],
        # UserWay-style accessibility overlay
        _L("Accessibility Menu", "Contrast +", "Bigger Text", "Text Spacing", "Dyslexia Friendly", "Hide Images",
           "Reset All Accessibility Settings"),
        # Jannah theme post meta
        lambda c: ["Less than a minute", f"{c.n(10, 9000):,} Views"],
    ],
    "byline": [
        # Forbes contributor page
        lambda c: [c.name(), "Contributor", f"I write about {c.topic().lower()} and how it shapes everyday life.",
                   f"Opinions expressed by {c.site()} contributors are their own."],
        # Joomla info block without author
        lambda c: ["Article Info", f"Category: {c.topic()}", f"Hits: {c.n(12, 9000)}"],
        # Axios
        lambda c: [f"{c.name()}, author of {c.site()} {c.rng.choice(_CITIES)}"],
        # The Hill
        lambda c: [f"BY {c.name().upper()} - {_two(c, 1, 12)}/{c.dy():02d}/{c.year() % 100:02d} {_clock(c)} ET"],
        # Lee Enterprises / BLOX
        lambda c: (lambda nm: [f"{nm} {c.rng.choice(['Courts reporter', 'Education reporter', 'Agriculture editor'])}", _mail(c, nm), f"{c.mon()} {c.dy()}, {c.year()} Updated {c.n(2, 11)} hrs ago"])(c.name()),
        # BuzzFeed
        lambda c: ["by", c.name(), f"{c.site()} Staff"],
    ],
    "share": [
        # Vox Media
        lambda c: [f"Share All sharing options for: {c.headline()}"],
        # Newspaper by tagDiv
        _L("Tweet on Twitter", "ReddIt", "Tumblr", "Digg"),
        # AddToAny
        _L("Share to Bluesky", "Share to Threads", "Share to Mastodon"),
        # Flipboard
        _L("Flip", "Save to Flipboard"),
        # Squarespace blog
        lambda c: [f"{c.n(0, 40)} Likes", "Share ↗"],
    ],
    "read_more": [
        # Axios
        lambda c: [f"Go deeper: {c.headline()}"],
        # Forbes
        lambda c: [f"From {c.site()}'s archive", c.headline(), c.headline()],
        # Google News card
        lambda c: ["Full Coverage", c.headline(), "See more headlines & perspectives"],
        lambda c: [f"📖 Worth your time: {c.headline()}"],
        # Le Monde in English
        lambda c: [f"Subscriber article · {c.headline()}"],
    ],
    "newsletter": [
        # Axios local
        lambda c: [f"Subscribe to {c.site()} {c.rng.choice(_CITIES)} for free — the local stories you need in a five-minute read."],
        # The Economist
        lambda c: [f"Subscribers can sign up to our {c.topic()} newsletter, which brings together the best of our writing "
                   "on the subject."],
        # BLOX / TownNews
        _L("Get local news delivered to your inbox!", "Sign Up Today",
           "* I understand and agree that registration on or use of this site constitutes agreement to its user agreement "
           "and privacy policy."),
        # Squarespace newsletter block
        _L("Sign up with your email address to receive news and updates.", "First Name", "Last Name",
           "We'll only email you about things you've asked for.", "Thank you!"),
        # Mailchimp embed
        _L("* indicates required", "Marketing Permissions", "Intuit Mailchimp"),
    ],
    "tags": [
        # Financial Times
        lambda c: ["Follow the topics in this article", c.topic(), "Add to myFT", c.topic(), "Add to myFT"],
        # Reuters Connect metadata
        lambda c: [f"Subjects: {c.topic()} · {c.topic()}", f"Location: {c.rng.choice(_CITIES)}"],
        lambda c: ["People in this story", c.name(), c.name()],
        lambda c: [f"Indexed under {c.topic()} · {c.topic()}"],
        # AMP page footer
        lambda c: [f"Categorized as {c.topic()}"],
    ],
    "comments": [
        # Viafoura
        lambda c: ["Conversation", f"{c.n(2, 300)} commenters",
                   "Be respectful. Comments that break the community rules will be removed."],
        # Facebook comments plugin
        _L("Comments powered by Facebook", "Log in to Facebook to comment"),
        # giscus (GitHub Discussions) on a blog
        lambda c: [f"{c.n(0, 40)} reactions", "Sign in with GitHub", "Powered by giscus"],
        # Joomla Komento
        _L("There are no comments posted here yet"),
        # report-an-error form
        _L("Report an error", "Describe the mistake you found", "Name (optional)", "Send report"),
    ],
    "cookies": [
        # Usercentrics
        _L("Privacy Settings", "This site uses third-party website tracking technologies to provide and continually "
           "improve our services, and to display advertisements according to users' interests.", "Deny", "Agree"),
        # TrustArc
        _L("How we use cookies", "Agree and Proceed", "Advanced Settings"),
        # Complianz (WordPress)
        _L("Consent to cookies & data processing", "To provide the best experiences, we use technologies like cookies to store "
           "and/or access device information.", "Functional", "Always active", "View preferences", "Save preferences"),
        # pay-or-consent wall (Spiegel, Le Monde)
        lambda c: (lambda st: [f"Read {st} with advertising and tracking", "Agree and continue",
                               f"Or go ad-free with {st} PUR for €{c.n(3, 9)},99 a month"])(c.site()),
        # Global Privacy Control
        _L("Your Privacy Choices ✅",
           "We detected a Global Privacy Control signal from your browser and have opted you out of the sale of your data."),
    ],
    "latest_timed": [
        # NewsNow
        _hlist("", inline=lambda c, h: f"{h}  {c.rng.choice(_AGGS)}  {c.n(1, 59)}m"),
        # Ground News coverage bars
        _hlist("Similar News Topics", below=lambda c, i: f"{c.n(40, 95)}% Center coverage: {c.n(3, 120)} sources"),
        # Google News cards
        _hlist("Your briefing", prefix=lambda c, i: c.rng.choice(_AGGS),
               below=lambda c, i: f"{c.reltime()} ago • By {c.name()}"),
        # NHK World
        _hlist("Catch up on the latest", inline=lambda c, h: f"{h}  {c.mon()}. {c.dy()}, {c.hhmm()} JST"),
        # Flipboard
        _hlist("", below=lambda c, i: f"{c.name()} flipped into {c.topic()} · {c.n(1, 23)}h"),
    ],
    "related_untimed": [
        # Jannah theme
        _hlist("Check Also", footer="Close", lo=1, hi=3),
        # Der Spiegel International
        _hlist("Further Reading", bullet="– "),
        # The Economist: rubric above each headline
        _hlist(lambda c: f"More from {c.rng.choice(_REGIONS)}", prefix=lambda c, i: c.topic()),
        # keycap numerals
        lambda c: ["Readers also viewed"] + [f"{_KEYCAPS[i]} {c.headline()}" for i in range(c.n(3, 6))],
        # recommendation widget
        _hlist("Promoted Stories", below=lambda c, i: f"Ad • {c.rng.choice(_AGGS)}", footer="Recommended by"),
    ],
    "prev_next": [
        # Joomla multi-page article index
        lambda c: ["Article Index"] + [f"Page {i}" for i in range(1, c.n(3, 5))] + ["All Pages"],
        # Joomla pagination, as its screen-reader labels
        _L("Go to start page", "Go to previous page", "Go to page 2", "Go to next page", "Go to end page"),
        # gallery keyboard hint
        _L("Use ← → keys to navigate"),
        # live blog
        lambda c: ["📌 Pinned post", "Jump to latest", f"Show {c.n(2, 9)} new updates"],
        # AMP story page
        _L("Tap to continue", "Swipe up for the next story"),
    ],
    "footer": [
        # Bloomberg
        lambda c: [f"Before it's here, it's on the {c.site()} Terminal.", "Request a Demo"],
        # Gannett
        _L("Help Center · e-Edition · Archives · Reprints & Permissions"),
        # Lee Enterprises / BLOX
        _L("Powered by BLOX Content Management System from TownNews.com."),
        # Joomla site
        lambda c: [f"{c.site()} {c.year()}", "Joomla! is Free Software released under the GNU General Public License."],
        # Wix
        lambda c: [f"©{c.year()} by {c.site()}. Proudly created with Wix.com"],
        # The Economist
        _L("Reuse this content", "The Trust Project"),
    ],
    "follow": [
        # Google "preferred sources"
        lambda c: [f"⭐ Add {c.site()} as a preferred source on Google"],
        # NHK World / Japanese outlets
        lambda c: [f"Add {c.site()} as a friend on LINE"],
        # Chinese outlets
        _L("Scan the QR code to follow us on WeChat"),
        lambda c: [f"▶️ Subscribe to {c.site()} TV on YouTube"],
        lambda c: [f"{c.site()} on Mastodon: @news@{_host(c)}"],
        lambda c: [f"RSS feed: {c.topic()}"],
    ],
    "wire_credit": [
        # Yonhap
        lambda c: [_mail(c), "(END)"],
        # Anadolu Agency
        _L("Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News "
           "Broadcasting System (HAS), and in summarized form. Please contact us for subscription options."),
        # Kyodo
        _L("==Kyodo"),
        # Reuters
        _L("Our Standards: The Thomson Reuters Trust Principles."),
        # Bloomberg
        lambda c: [f"—With assistance from {c.name()} and {c.name()}."],
        lambda c: (lambda nm: [f"To contact the reporter on this story: {nm} in {c.rng.choice(_CITIES)} at {_mail(c, nm)}"])(c.name()),
    ],
    "paywall": [
        # Financial Times
        lambda c: ["Try unlimited access", f"Only ${c.n(1, 5)} for 4 weeks",
                   f"Then ${c.n(40, 75)} per month. Complete digital access to quality journalism on any device. "
                   "Cancel anytime during your trial."],
        # Le Monde
        _L("You can read this publication on one device at a time.", "Read here instead"),
        # Spiegel+
        lambda c: (lambda st: [f"{st}+", f"Get full access to all {st}+ articles", f"First month for just €{c.n(1, 2)}"])(c.site()),
        # registration wall with social sign-in
        _L("Continue with Google", "Continue with Apple", "or continue with email"),
        # Vox-style contribution box
        lambda c: ["Choose your monthly amount", f"${c.n(3, 9)}/month", f"${c.n(10, 25)}/month", "Other",
                   "We accept credit card, Apple Pay, and Google Pay."],
    ],
    "notice": [
        # AI summary box
        _L("✨ Key points generated by AI",
           "Summaries are produced with the help of AI and checked by our journalists before publication.",
           "Was this summary helpful? 👍 👎"),
        # correction naming a person
        lambda c: [f"Clarification ({c.mon()}. {c.dy()}, {c.year()}): A previous version of this story misspelled "
                   f"{c.name()}'s surname and gave an incorrect job title."],
        # Reuters-style update note
        lambda c: [f"(Adds details in paragraphs {c.n(3, 6)}-{c.n(7, 12)}, updates headline)"],
        # fact-check rating box
        _L("FACT CHECK", "Verdict: Misleading", "How we rate claims →"),
        # Creative Commons republishing
        lambda c: [f"This article is republished from {c.site()} under a Creative Commons BY-ND 4.0 licence."],
        # opinion disclaimer (Gannett, Newsweek)
        lambda c: [f"The views expressed in this column are the author's own and do not necessarily reflect those of {c.site()}."],
    ],
    "widget": [
        # election results
        lambda c: [f"Election {c.year()}: live results", f"{c.n(50, 380)} of 400 seats declared"]
                  + [f"{p} {c.n(2, 180)}" for p in c.rng.sample(_PARTIES, 3)] + [f"Last updated {c.hhmm()}"],
        # currency converter
        lambda c: ["Currency converter", f"1 USD = {c.n(1, 1400)}.{_two(c, 0, 99)} {c.rng.choice(_CURR)}", "Convert"],
        # lottery results
        lambda c: ["Lotto results", f"Draw {c.n(1000, 3000)} · {c.day()} {c.dy()} {c.month()}",
                   " · ".join(f"{x:02d}" for x in sorted(c.rng.sample(range(1, 50), 6))), f"Bonus ball: {c.n(1, 49)}"],
        # horoscope teaser
        lambda c: ["Daily horoscope"] + c.rng.sample(_SIGNS, 3) + ["See all star signs"],
        # job board
        lambda c: ["Jobs", f"{c.rng.choice(_JOBS)} – {c.rng.choice(_CITIES)}", f"{c.n(2, 20)}d ago · Full-time",
                   "Browse all jobs", "Obituaries | Classifieds | Place an ad"],
        # chat / feedback widget
        _L("💬 Chat with us", "Hi there 👋 How can we help?", "Feedback"),
    ],
}
