"""FRESH4 furniture templates for the plain-text boilerplate benchmark: a blind split.

Written without looking at the remover (`pipelines/clean/`) and without running the benchmark, in the
styles of sites and CMSs other than those of the earlier splits (WordPress plugins and themes, Blogger,
Disqus, OneTrust/HubSpot consent banners, video.js players, Indian, Chinese, Gulf, African, British and
US outlets, wire services). Every phrasing here is new with respect to the dev, held, fresh, fresh2 and
fresh3 templates in `plaintext_boilerplate.py`.

Self-contained: `plaintext_boilerplate.py` imports `FRESH4` from here, never the other way round. A
template is a callable `f(c) -> list[str]` where `c` is the benchmark's `Ctx` (random fillers).
"""

from __future__ import annotations

_CITIES = ["Nairobi", "Lagos", "Accra", "Johannesburg", "Karachi", "Mumbai", "Manila", "Brussels", "Kampala", "Dhaka"]
_AGENCIES = ["AFP", "Reuters", "AP", "Getty Images", "EPA-EFE", "Xinhua", "Anadolu Agency"]
_ROLES = ["Senior Correspondent", "Business Reporter", "Health Editor", "Investigations Editor", "Digital Producer"]
_SUBSECTIONS = ["Nigeria", "Kenya", "Ghana", "Region", "Metro", "Asia", "Europe", "Markets", "Football"]


def _L(*lines):
    """A template of constant (or callable) lines."""
    return lambda c: [line(c) if callable(line) else line for line in lines]


def _mm(c):
    return f"{c.n(1, 12):02d}"


def _ss(c):
    return f"{c.n(0, 59):02d}"


def _hlist(header, below=None, inline=None, prefix=None, bullet="", lo=4, hi=6):
    """A list of other articles' headlines.

    header: a line (str or callable) or "" for none; below(c): a line printed under each headline
    (a time stamp, a source); inline(c, h): rewrites the headline line itself (stamp on the same line);
    prefix(c, i): text put before the i-th headline (numbering, a time)."""

    def make(c):
        out = []
        head = header(c) if callable(header) else header
        if head:
            out.append(head)
        for i in range(c.n(lo, hi)):
            h = c.headline()
            if inline:
                h = inline(c, h)
            if prefix:
                h = prefix(c, i) + h
            out.append(bullet + h)
            if below:
                out.append(below(c))
        return out

    return make


FRESH4: dict[str, list] = {
    "site_date": [
        # Xinhua-style dateline strip
        lambda c: [f"Source: Xinhua | {c.year()}-{_mm(c)}-{c.dy():02d} {c.hhmm()}:{_ss(c)} | Editor: {c.name()}"],
        # Indian portal style
        lambda c: [f"{c.rng.choice(['New Delhi', 'Mumbai', 'Kolkata'])}, UPDATED: {c.mon()} {c.dy()}, {c.year()} {c.hhmm()} IST"],
        # RFC 822 stamp printed by feed-driven CMSs
        lambda c: [f"{c.day()[:3]}, {c.dy():02d} {c.mon()} {c.year()} {c.hhmm()}:{_ss(c)} +0{c.n(0, 3)}00"],
        # label and value on separate lines
        lambda c: ["Published", f"{c.dy()} {c.month()} {c.year()}", "Updated", f"{c.reltime()} ago"],
        # UK local paper with ordinal
        lambda c: [f"{c.ordinal()} {c.month()}, {c.year()}"],
    ],
    "date_header": [
        lambda c: [f"published_time: {c.year()}-{_mm(c)}-{c.dy():02d}T{c.hhmm()}:00Z"],
        lambda c: [f"Date published: {c.year()}/{_mm(c)}/{c.dy():02d}"],
    ],
    "breadcrumb": [
        lambda c: [f"You are here: Home › News › {c.topic()}"],
        lambda c: [f"NEWS | {c.topic().upper()}"],
        lambda c: [f"News · {c.topic()} · {c.rng.choice(_SUBSECTIONS)}"],
        lambda c: [f"{c.topic()} » {c.rng.choice(_SUBSECTIONS)}"],
    ],
    "player": [
        _L("Getting your Trinity Audio player ready..."),
        lambda c: [f"Read Time:{c.n(1, 6)} Minute, {c.n(1, 59)} Second"],
        lambda c: ["Now Playing", f"00:00 / 0{c.n(1, 9)}:{_ss(c)}"],
        lambda c: [f"Photo: {c.name()}/{c.rng.choice(_AGENCIES)}"],
        _L("Video Player is loading.", "This is a modal window."),
    ],
    "byline": [
        lambda c: [f"Words by {c.name()}"],
        lambda c: [c.name(), c.rng.choice(_ROLES), c.handle()],
        lambda c: [f"Compiled by {c.generic()}"],
        lambda c: [f"Edited By: {c.name()} | Updated: {c.mon()} {c.dy()}, {c.year()}, {c.hhmm()} IST"],
        lambda c: [f"{c.name()} • {c.site()} • {c.reltime()} ago"],
    ],
    "share": [
        lambda c: [f"{c.n(1, 9)}.{c.n(0, 9)}K Shares", "Facebook Messenger", "Telegram"],
        _L("Copy article link", "Link copied to clipboard"),
        _L("Print Friendly, PDF & Email"),
        _L("Share via: Facebook · X · WhatsApp · Telegram"),
        _L("Spread the love"),
        _L("Add to bookmarks", "Share on Reddit"),
    ],
    "read_more": [
        lambda c: [f"CHECK THIS OUT: {c.headline()}"],
        lambda c: [f"Click here to read: {c.headline()}"],
        lambda c: [f"Trending: {c.headline()}"],
        lambda c: ["MORE ON THIS STORY", c.headline(), c.headline()],
        lambda c: [f"You might also like: {c.headline()}"],
    ],
    "newsletter": [
        _L("Never miss a story", "Our editors' picks, sent to your inbox every weekday at 6am.", "Email address", "Sign Up"),
        lambda c: [f"{c.site()} Morning Brief", "Free. Every weekday.", "SUBSCRIBE"],
        _L("You can unsubscribe at any time. Read our privacy notice."),
        _L("Success! You're on the list."),
        _L("Join our mailing list to receive the latest news and updates from our team."),
    ],
    "tags": [
        lambda c: [f"TAGGED: {c.topic()}, {c.topic()}"],
        lambda c: [f"In this article: {c.topic()}, {c.topic()}"],
        lambda c: [f"Labels: {c.topic()}, {c.topic()}, {c.topic()}"],
        lambda c: ["Read more about:", c.topic(), c.topic()],
        lambda c: [f"Story tags: {c.topic()} / {c.topic()}"],
    ],
    "comments": [
        _L("Write a comment", "Your name", "Your e-mail (won't be published)", "Your comment", "Submit comment"),
        _L("Please enable JavaScript to view the comments powered by Disqus."),
        _L("Reader comments are moderated and may take up to 24 hours to appear.", "Comment policy"),
        _L("Sort by", "Newest", "Oldest", "Most liked"),
        _L("Discussion about this post"),
    ],
    "cookies": [
        _L("This website stores cookies on your computer. These cookies are used to collect information about how you "
           "interact with our website and allow us to remember you.", "Accept", "Decline"),
        _L("Cookie Policy", "Our site uses cookies for analytics and to show you relevant advertising. You can change "
           "your settings at any time.", "Got it!"),
        _L("Do Not Sell or Share My Personal Information"),
        _L("Privacy Preference Center", "Strictly Necessary Cookies", "Performance Cookies", "Targeting Cookies",
           "Confirm My Choices"),
        _L("We use cookies and data to deliver and maintain services, measure audience engagement and show personalised ads.",
           "Reject all", "Accept all", "More options"),
    ],
    "latest_timed": [
        _hlist("Recent Posts", below=lambda c: f"{c.month()} {c.dy()}, {c.year()}"),
        _hlist("Happening Now", prefix=lambda c, i: f"{c.hhmm()}  "),
        _hlist("Most Shared", prefix=lambda c, i: f"{i + 1:02d} ", below=lambda c: f"Updated {c.n(1, 23)}h ago"),
        _hlist("Top headlines", inline=lambda c, h: f"{h} — {c.n(1, 11)}h"),
        _hlist(lambda c: f"Elsewhere on {c.site()}", below=lambda c: f"{c.n(2, 6)} days ago"),
    ],
    "related_untimed": [
        _hlist("You might be interested in"),
        _hlist("What others are reading", bullet="→ "),
        _hlist("Around the web", below=lambda c: c.site()),
        _hlist(lambda c: f"MORE IN {c.topic().upper()}", bullet="▪ "),
        _hlist("Related coverage", prefix=lambda c, i: f"{i + 1}) "),
    ],
    "prev_next": [
        lambda c: ["Post navigation", c.headline(), c.headline()],
        lambda c: [f"Next in {c.topic()} »", c.headline()],
        lambda c: [f"‹ Back to {c.topic()}"],
        _L("Next story loading..."),
        lambda c: [f"Page 1 of {c.n(2, 5)}", "Next page »"],
    ],
    "footer": [
        _L("Site Map · RSS · Careers · Advertise With Us"),
        lambda c: [f"© {c.year()} {c.site()} Media Limited. Registered in England and Wales No. {c.n(1000000, 9999999)}. "
                   f"Registered office: {c.n(1, 200)} Gray's Inn Road, London."],
        lambda c: [f"Website designed & hosted by {c.rng.choice(['Fusion Digital', 'Tritech Web Solutions', 'Kijiji Creative'])}"],
        _L("This material may not be published, broadcast, rewritten or redistributed."),
        lambda c: [f"{c.site()} abides by the Editors' Code of Practice and is regulated by the Independent Press Standards Organisation."],
    ],
    "follow": [
        lambda c: [f"📲 Click here to join the {c.site()} WhatsApp channel"],
        _L("Download the app", "Get it on Google Play", "Download on the App Store"),
        _L("Find us on Facebook · Instagram · YouTube"),
        lambda c: [f"Got a story? WhatsApp us on +234 {c.n(700, 999)} {c.n(100, 999)} {c.n(1000, 9999)} or email "
                   f"tips@{c.site().lower().replace('the ', '').replace(' ', '')}.com"],
        _L("Follow us", "Facebook", "Instagram", "YouTube", "TikTok"),
    ],
    "wire_credit": [
        _L("With inputs from PTI"),
        lambda c: [f"(This story has not been edited by {c.site()} staff and is auto-generated from a syndicated feed.)"],
        lambda c: [f"Copyright {c.year()} The Associated Press. All rights reserved."],
        lambda c: [f"{c.name()} reported from {c.rng.choice(_CITIES)}. {c.name()} contributed from {c.rng.choice(_CITIES)}."],
        lambda c: [f"{''.join(c.rng.sample('abcdeklmrst', 3))}/{''.join(c.rng.sample('abcdeklmrst', 2))} "
                   f"({c.rng.choice(['AFP, Reuters', 'AP, dpa', 'Reuters, KNA'])})"],
    ],
    "paywall": [
        lambda c: ["Unlock unlimited access", f"Subscribe for just ${c.n(1, 9)}.99 a month", "Cancel anytime"],
        _L("You've reached your limit of free articles.", "Register for free to keep reading."),
        lambda c: [f"Support {c.site()}", "We rely on readers like you. Make a one-off contribution or become a monthly supporter.",
                   "Contribute"],
        _L("Your subscription has expired.", "Renew now"),
        _L("Turn off your ad blocker to continue reading"),
    ],
}
