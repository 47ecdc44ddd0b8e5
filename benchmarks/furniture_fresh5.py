"""FRESH5 furniture templates for the plain-text boilerplate benchmark: a blind split.

Written without looking at the remover (`pipelines/clean/`, its classifier weights) and without running
the benchmark, in the styles of sites, CMSs and widgets that neither the earlier splits nor FRESH4
imitate: Ghost, Substack, Medium, Drupal (breadcrumb and book navigation), Arc XP / Washington Post,
Coral and OpenWeb comments, Didomi, Quantcast, Cookiebot and Google Funding Choices consent screens,
Sky News, Al Jazeera (with its scraped "list of N items" markers), Deutsche Welle, France 24 / RFI,
Nation (Kenya), Premium Times, Daily Maverick, The Hindu, Dawn, The Straits Times, SCMP, ABC Australia,
CBC, NPR captions, The Conversation, local US TV station sites (Nexstar), Yahoo News syndication, MSN,
Google AMP pages, podcast embeds, live blogs, X embeds, image galleries, WP-Print pages, RSS footers,
author cards, push-notification prompts, error and loading messages. Every phrasing here is new with
respect to the dev, held, fresh, fresh2, fresh3 and fresh4 templates.

Two kinds are new: "notice" (corrections, editor's notes, translation, sponsorship and age notices)
and "widget" (weather, market tickers, polls, event promos, social embeds, blocked-embed messages).

Self-contained: nothing here imports the benchmark; a template is a callable `f(c) -> list[str]` where
`c` is the benchmark's `Ctx` (random fillers).
"""

from __future__ import annotations

_CITIES = ["Singapore", "Hong Kong", "Karachi", "Chennai", "Toronto", "Brisbane", "Cape Town", "Abuja", "Bonn", "Dakar"]
_REGIONS = ["Southeast Asia", "South Asia", "East Africa", "West Africa", "Middle East", "Europe", "Pacific"]
_ROLES = ["health reporter", "climate correspondent", "data journalist", "political writer", "business columnist"]
_ORGS = ["the Pulitzer Center", "the European Journalism Centre", "the Bill & Melinda Gates Foundation",
         "the Google News Initiative", "the Open Society Foundations", "the Africa Data Hub"]
_LANGS = ["French", "German", "Portuguese", "Arabic", "Spanish", "Hausa", "Swahili"]
_UNIS = ["University of Cape Town", "Monash University", "University of Toronto", "Aga Khan University",
         "National University of Singapore"]


def _L(*lines):
    """A template of constant (or callable) lines."""
    return lambda c: [line(c) if callable(line) else line for line in lines]


def _mm(c):
    return f"{c.n(1, 12):02d}"


def _ss(c):
    return f"{c.n(0, 59):02d}"


def _h12(c, upper=False, space=False):
    """A 12-hour clock time such as 10:22pm / 10:22 PM."""
    suffix = c.rng.choice(["am", "pm"])
    suffix = suffix.upper() if upper else suffix
    return f"{c.n(1, 12)}:{_ss(c)}{' ' if space else ''}{suffix}"


def _domain(c):
    return c.site().lower().replace("the ", "").replace(" ", "") + c.rng.choice([".com", ".co.ke", ".com.ng", ".sg"])


def _abbr(c):
    return "".join(w[0] for w in c.site().replace("The ", "").split()).upper()


def _slug(c):
    words = [w.strip(".,:;'\"‘’“”!?").lower() for w in c.headline().split()]
    return "-".join(w for w in words if w)[:60] or "story"


def _hlist(header, below=None, inline=None, prefix=None, bullet="", footer=None, lo=3, hi=6):
    """A list of other articles' headlines.

    header: a line (str or callable) or "" for none; below(c, i, k): a line printed under the i-th of
    k headlines; inline(c, h): rewrites the headline line itself; prefix(c, i, k): a line printed above
    the i-th headline (or a list of lines, possibly empty); footer: a closing line (str or callable)."""

    def make(c):
        out = []
        head = header(c) if callable(header) else header
        if head:
            out.append(head)
        k = c.n(lo, hi)
        for i in range(k):
            if prefix:
                p = prefix(c, i, k)
                out.extend([p] if isinstance(p, str) else p)
            h = c.headline()
            if inline:
                h = inline(c, h)
            out.append(bullet + h)
            if below:
                out.append(below(c, i, k))
        if footer:
            out.append(footer(c) if callable(footer) else footer)
        return out

    return make


_CIRCLED = "①②③④⑤⑥⑦⑧"


FRESH5: dict[str, list] = {
    "site_date": [
        # Al Jazeera: the visible and the screen-reader date glued together by the scraper
        lambda c: [(lambda d: f"{d}{d}")(f"{c.dy()} {c.mon()} {c.year()}")],
        # SCMP
        lambda c: [f"Published: {_h12(c)}, {c.dy()} {c.mon()}, {c.year()}", f"Updated: {_h12(c)}, {c.dy()} {c.mon()}, {c.year()}"],
        # The Straits Times
        lambda c: [f"PUBLISHED {c.mon().upper()} {c.dy():02d}, {c.year()}, {_h12(c, upper=True, space=True)} SGT"],
        # ABC Australia
        lambda c: [f"Posted {c.day()[:3]} {c.dy()} {c.mon()} {c.year()} at {_h12(c)}, updated {c.day()[:3]} {c.dy()} {c.mon()} "
                   f"{c.year()} at {_h12(c)}"],
        # Nexstar local TV station
        lambda c: [f"Posted: {c.mon()} {c.dy()}, {c.year()} / {c.n(1, 12):02d}:{_ss(c)} {c.rng.choice(['AM', 'PM'])} "
                   f"{c.rng.choice(['CST', 'EST', 'CDT', 'EDT', 'MDT'])}",
                   f"Updated: {c.mon()} {c.dy()}, {c.year()} / {c.n(1, 12):02d}:{_ss(c)} {c.rng.choice(['AM', 'PM'])} "
                   f"{c.rng.choice(['CST', 'EST', 'CDT', 'EDT', 'MDT'])}"],
    ],
    "date_header": [
        # Hugo front matter left in an export
        lambda c: [f'date = "{c.year()}-{_mm(c)}-{c.dy():02d}T{c.hhmm()}:00+0{c.n(0, 8)}:00"'],
        # Chinese-language date line
        lambda c: [f"{c.year()}年{c.n(1, 12)}月{c.dy()}日 {c.hhmm()}"],
        # print view header
        lambda c: [f"Printed from {_domain(c)} on {c.dy():02d}/{_mm(c)}/{c.year()} at {c.hhmm()}"],
        # e-paper edition header
        lambda c: [f"e-Paper | {c.rng.choice(_CITIES)} Edition | {c.dy():02d} {c.month()} {c.year()}"],
    ],
    "breadcrumb": [
        # Drupal: the visually hidden "Breadcrumb" heading is scraped too
        lambda c: ["Breadcrumb", "Homepage", "News", c.topic()],
        # Washington Post kicker
        lambda c: [f"{c.topic().upper()} ∙ {c.rng.choice(['ANALYSIS', 'PERSPECTIVE', 'EXPLAINER'])}"],
        # The Hindu
        lambda c: [f"Home ❯ News ❯ {c.topic()}"],
        # CBC: section and label glued by a middle dot
        lambda c: [f"{c.topic()}·{c.rng.choice(['New', 'Analysis', 'Updated', 'Exclusive'])}"],
        # Drupal field label
        lambda c: [f"Section: {c.topic()} — {c.rng.choice(_REGIONS)}"],
    ],
    "player": [
        # accessibility controls
        _L("Font size", "Small", "Medium", "Large", "Reset"),
        # podcast embed
        lambda c: [f"Episode {c.n(12, 340)} · {c.n(8, 58)} min", "Play episode", "Podcast powered by Acast"],
        # image gallery
        lambda c: [f"Image {c.n(1, 4)} of {c.n(5, 24)}", "Enlarge this image"],
        # Sky News
        _L("Please use Chrome browser for a more accessible video player"),
        # HTML5 audio fallback
        _L("Your browser does not support the audio element."),
        # NPR-style caption controls
        lambda c: ["toggle caption", f"{c.name()}/{c.rng.choice(['NPR', 'AFP via Getty Images', 'Bloomberg via Getty Images'])}"],
    ],
    "byline": [
        # Substack: author, short date, like and comment counts
        lambda c: [c.name(), f"{c.mon()} {c.dy()}", str(c.n(5, 900)), str(c.n(1, 80))],
        # Medium
        lambda c: [c.name(), "·", "Follow", f"Published in {c.site()}", f"{c.n(3, 14)} min read · {c.mon()} {c.dy()}, {c.year()}"],
        # CBC
        lambda c: [f"{c.name()} · {c.site()} · Posted: {c.mon()} {c.dy():02d}, {c.year()} {_h12(c, upper=True, space=True)} ET "
                   f"| Last Updated: {c.month()} {c.dy()}"],
        # Nation (Kenya)
        lambda c: [c.name(), "More by this Author"],
        # The Conversation
        lambda c: ["Author", c.name(), f"{c.rng.choice(['Senior Lecturer', 'Professor', 'Research Fellow'])} in {c.topic()}, "
                   f"{c.rng.choice(_UNIS)}"],
        # Yahoo syndication: time and reading time glued by a dot
        lambda c: [f"Updated {c.mon()} {c.dy()}, {c.year()} at {_h12(c, upper=True, space=True)}·{c.n(2, 9)} min read"],
    ],
    "share": [
        # Substack
        lambda c: [f"{c.n(3, 400)} Likes∙{c.n(1, 40)} Restacks", "Restack"],
        # Al Jazeera
        _L("Click here to share on social media", "share2"),
        # The Hindu
        _L("READ LATER", "Remove", "PRINT"),
        # Dawn (AddThis counters)
        lambda c: ["Facebook Count", "Twitter Share", str(c.n(0, 300))],
        # emoji share bar
        _L("🔗 Copy URL", "✉️ Mail", "💬 WhatsApp"),
    ],
    "read_more": [
        # Sky News
        lambda c: [f"Read more from {c.site()}:", c.headline(), c.headline()],
        # Daily Maverick
        lambda c: [f"Read in {c.site()}: “{c.headline()}”"],
        # CBC
        lambda c: [f"{c.rng.choice(['WATCH', 'LISTEN'])} | {c.headline()}:"],
        # Yahoo syndication
        lambda c: [f"Related video: {c.headline()} ({c.site()})"],
        # emoji pointer
        lambda c: [f"👉 {c.headline()}"],
    ],
    "newsletter": [
        # Substack
        lambda c: [f"Thanks for reading {c.site()}! Subscribe for free to receive new posts and support my work."],
        # Ghost
        _L("Sign up for more like this.", "jamie@example.com",
           "Great! Check your inbox and click the link to confirm your subscription.", "Please enter a valid email address!"),
        # Al Jazeera
        lambda c: [f"Sign up for {c.site()}", c.rng.choice(["Week in Africa", "Americas Coverage Newsletter", "Week in Asia"]),
                   "Catch up on our coverage of the region, all in one place.", "protected by reCAPTCHA"],
        # newsletter picker
        _L("Select the newsletters you'd like to receive", "☐ Daily Digest", "☐ Breaking News", "☐ Weekend Reads"),
        # form error
        _L("Oops! Something went wrong while submitting the form.", "This email is already subscribed."),
        # Medium
        lambda c: [f"Get an email whenever {c.name()} publishes."],
    ],
    "tags": [
        lambda c: [f"🏷️ {c.topic()}, {c.topic()}"],
        # SCMP follow buttons
        lambda c: [c.topic(), "+ FOLLOW", c.topic(), "+ FOLLOW"],
        # Drupal taxonomy fields
        lambda c: [f"Regions: {c.rng.choice(_REGIONS)}", f"Themes: {c.topic()}, {c.topic()}"],
        # The Hindu: unlabelled slash list
        lambda c: [f"{c.rng.choice(_CITIES)} / {c.topic()} / {c.topic()}"],
        lambda c: [f"Browse: {c.topic()} | {c.topic()}"],
    ],
    "comments": [
        # Daily Maverick
        lambda c: [f"Please peer review {c.n(2, 3)} community comments before your comment can be posted"],
        # Ghost
        lambda c: ["Member discussion", f"Become a member of {c.site()} to start commenting."],
        # Coral
        _L("All Comments", "Featured", "Community Guidelines", "Sign in to comment"),
        # reactions widget
        _L("Reactions", "👍 Like", "❤️ Love", "😮 Wow", "😢 Sad", "😡 Angry"),
        # loading error
        _L("Unable to load comments. Please refresh the page."),
    ],
    "cookies": [
        # Didomi
        lambda c: [f"With your agreement, we and our {c.n(120, 900)} partners use cookies or similar technologies to store, "
                   "access, and process personal data like your visit on this website.", "Learn More →", "Disagree and close"],
        # Quantcast
        _L("We and our partners store and/or access information on a device, such as cookies and process personal data, "
           "such as unique identifiers and standard information sent by a device.", "SHOW PURPOSES", "I ACCEPT"),
        # Cookiebot
        _L("Consent", "Details", "About", "Necessary", "Statistics", "Marketing", "Allow selection",
           "Use necessary cookies only"),
        # Google Funding Choices
        lambda c: [f"{c.site()} asks for your consent to use your personal data to:",
                   "Store and/or access information on a device", "Do not consent", "Manage options"],
        # small blog banner
        _L("🍪 Yum! This site runs on cookies.", "Customise", "Okay, thanks"),
    ],
    "latest_timed": [
        # The Hindu
        _hlist("In Case You Missed It",
               below=lambda c, i, k: f"{c.month()} {c.dy():02d}, {c.year()} {_h12(c, space=True)} | Updated {_h12(c, space=True)} IST"),
        # SCMP
        _hlist(lambda c: f"Trending in {c.topic()}", below=lambda c, i, k: f"{c.dy()} {c.mon()} {c.year()} - {_h12(c)}"),
        # Yahoo
        _hlist("Also in the news", below=lambda c, i, k: f"{c.site()} · {c.n(1, 20)}h ago"),
        # Deutsche Welle
        _hlist("Related content", below=lambda c, i, k: f"Date {c.dy():02d}.{_mm(c)}.{c.year()}"),
        # live blog teaser
        _hlist("Live now", inline=lambda c, h: f"🔴 LIVE  {h}", below=lambda c, i, k: f"Updated {c.n(1, 55)} min ago", lo=2, hi=4),
    ],
    "related_untimed": [
        # Al Jazeera, as scraped with its screen-reader list markers
        _hlist("Recommended Stories", prefix=lambda c, i, k: ([f"list of {k} items"] if i == 0 else []) + [f"list {i + 1} of {k}"],
               footer="end of list"),
        # Taboola / Outbrain
        _hlist("From Our Partners", below=lambda c, i, k: f"Sponsored | {c.site()}"),
        # Medium
        _hlist(lambda c: f"More from {c.name()} and {c.site()}", prefix=lambda c, i, k: f"{c.name()} in {c.site()}",
               below=lambda c, i, k: f"{c.n(3, 15)} min read · 👏 {c.n(1, 9)}.{c.n(0, 9)}K", lo=2, hi=4),
        # MSN / Apple News style
        _hlist("More for You", bullet="▸ "),
        # circled numerals
        lambda c: [f"Popular on {c.site()}"] + [f"{_CIRCLED[i]} {c.headline()}" for i in range(c.n(3, 6))],
    ],
    "prev_next": [
        # live blog paging
        _L("Load more"),
        # gallery navigation
        lambda c: ["‹ Prev", f"{c.n(1, 9)} / {c.n(10, 30)}", "Next ›"],
        # Drupal book navigation
        lambda c: [f"‹ {c.headline()}", "Up", f"{c.headline()} ›"],
        # series navigation
        lambda c: (lambda k, n: [f"Part {k} of {n}: {c.headline()}", f"Go to part {k + 1} →"])(c.n(1, 3), c.n(4, 6)),
        # live blog counter
        lambda c: (lambda k: [f"Showing {k}–{k + 9} of {k + c.n(10, 200)} updates"])(c.n(1, 50)),
    ],
    "footer": [
        # CBC
        _L("Audience Relations, CBC P.O. Box 500 Station A Toronto, ON Canada, M5W 1E6"),
        # Google AMP
        _L("View non-AMP version", "⚡ Powered by AMP"),
        # RSS footer added by SEO plugins
        lambda c: [f"The post {c.headline()} appeared first on {c.site()}."],
        # WP-Print page
        lambda c: [f"Article printed from {c.site()}: https://{_domain(c)}",
                   f"URL to article: https://{_domain(c)}/{c.year()}/{_mm(c)}/{_slug(c)}/"],
        # Nexstar local TV station
        lambda c: [f"For the latest news, weather, sports, and streaming video, head to {c.site()}."],
        # The Straits Times registration numbers
        lambda c: [f"MCI (P) {c.n(1, 120):03d}/{_mm(c)}/{c.year()}", f"Co Regn No. {c.n(1970, 2005)}0{c.n(1000, 9999)}E"],
    ],
    "follow": [
        # The Straits Times
        lambda c: [f"Join {_abbr(c)}'s Telegram channel and get the latest breaking news delivered to you."],
        # Ghost author card
        lambda c: (lambda nm: [nm, f"{nm.split()[0]} writes about {c.topic().lower()} and {c.topic().lower()} for {c.site()}.",
                               f"𝕏 {c.handle()}"])(c.name()),
        # push notification prompt
        lambda c: [f"🔔 {c.site()} would like to send you notifications", "Allow", "Not now"],
        # podcast links
        _L("Listen and subscribe: Apple Podcasts | Spotify | Pocket Casts"),
        lambda c: [f"Find us on Bluesky: {c.handle()[1:].lower()}.bsky.social"],
    ],
    "wire_credit": [
        # Yahoo syndication
        lambda c: [f"This article originally appeared on {c.site()}: {c.headline()}"],
        # MSN / Business Insider syndication
        lambda c: [f"Read the original article on {c.site()}."],
        # Daily Maverick sign-off
        lambda c: [c.rng.choice(["DM", "DM/OBP", "DM168"])],
        # ABC Australia
        _L("ABC/Wires"),
        # correspondent tagline
        lambda c: [f"{c.name()} is {c.site()}'s {c.rng.choice(_REGIONS)} correspondent, based in {c.rng.choice(_CITIES)}."],
        lambda c: [f"({c.rng.choice(['ANI', 'IANS', 'Bernama', 'Kyodo', 'APA'])})"],
    ],
    "paywall": [
        # Substack
        lambda c: ["Keep reading with a 7-day free trial",
                   f"Subscribe to {c.site()} to keep reading this post and get 7 days of free access to the full post archives."],
        # Medium
        _L("Member-only story"),
        # Ghost
        _L("Upgrade to a paid plan to get access", "Upgrade your account"),
        # Washington Post offer
        lambda c: ["Limited-time offer", f"Get {c.n(2, 9)}0% off", f"${c.n(1, 4)} every 4 weeks"],
        # The Hindu
        lambda c: ["Dear reader,", f"Thank you for being a loyal reader of {c.site()}. To continue reading uninterrupted, "
                   "please subscribe.", "View plans"],
    ],
    "notice": [
        # correction
        lambda c: [f"Correction, {c.month()} {c.dy()}, {c.year()}: An earlier version of this article incorrectly gave the "
                   f"{c.rng.choice(['spelling of a name', 'title of an official', 'name of a ministry', 'date of a meeting'])}. "
                   "This has been corrected."],
        # editor's note
        _L("Editor's note: This story has been updated with additional information."),
        # translation notice (DW, France 24, RFI)
        lambda c: [f"This article was translated from {c.rng.choice(_LANGS)}.", "Also available in: Français | Español | العربية"],
        # sponsored content / support disclosure
        lambda c: ["Sponsored content", f"This article was produced with the support of {c.rng.choice(_ORGS)}. "
                   f"{c.site()} retains full editorial control."],
        # Sky News
        _L("Why you can trust Sky News"),
        # old-article banner
        lambda c: [f"This article is more than {c.n(2, 9)} years old"],
    ],
    "widget": [
        # weather strip
        lambda c: [c.rng.choice(_CITIES), f"{c.n(8, 36)}°C", c.rng.choice(["Partly cloudy", "Sunny", "Light rain", "Overcast"]),
                   "Full forecast ›"],
        # market ticker
        lambda c: [f"{ix} {c.n(1000, 40000):,}.{c.n(0, 99):02d} {c.rng.choice(['+', '−'])}{c.n(0, 3)}.{c.n(0, 99):02d}%"
                   for ix in c.rng.sample(["NGX ASI", "JSE TOP40", "STI", "HSI", "NIFTY 50", "KSE-100", "S&P/TSX"], 3)],
        # poll
        _L("POLL", "How would you rate our coverage of this story?", "Excellent", "Good", "Poor", "Vote", "View results"),
        # event promo
        lambda c: [f"{c.site()} Live: {c.topic()} Summit {c.year()}", f"{c.month()} {c.dy()} · {c.rng.choice(_CITIES)}",
                   "Get tickets"],
        # X embed signature
        lambda c: [f"— {c.name()} ({c.handle()}) {c.month()} {c.dy()}, {c.year()}"],
        # blocked third-party embed
        _L("This content is hosted by a third party. To view it, please accept cookies for social media.", "Manage consent"),
    ],
}
