"""Plain-text furniture removal, measured on real articles with realistic page furniture inserted.

    .venv/bin/python benchmarks/plaintext_boilerplate.py ../shared/corpora/bbc [--docs 600] [--seed 7]

Real BBC article texts (headline + paragraphs) are wrapped in page furniture of the kinds scrapers save
with the text: site date headers, breadcrumbs, bylines, share bars, audio/player credits, reading times,
"Read more"/"Related" links between paragraphs, newsletter and app prompts, tags, comment forms, cookie
notices, "Latest Stories"/"Most read" lists with and without timestamps, previous/next links, copyright
footers, wire credits. The article itself is laid out in varied ways (one paragraph a line, blank lines or
not, one sentence a line, indented lines) so that short real lines (quotes, one-sentence paragraphs)
are exercised too.

The furniture templates are split in two: DEV templates were looked at while writing the rules in
`pipelines/clean/boilerplate.py`; HELD-OUT templates (whole kinds, and other phrasings of the dev kinds,
written in the style of other sites) were not, and measure how far the rules generalise. Scores are
line-level: the share of article lines that survive `clean_document` unchanged (kept) and the share
of furniture lines that do not (removed), printed for each split and kind.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SITES = ["The Coastal Herald", "Metro Daily", "Sahel Monitor", "Northern Ledger", "CityWire", "The Evening Post",
         "Lakeside Times", "Global Dispatch", "Riverside Gazette", "NewsHub Africa", "Pacific Chronicle", "The Insider Report"]
FIRST = ["Sarah", "James", "Amina", "Kwame", "Li", "Maria", "Tom", "Fatima", "Oluwaseun", "Elena", "David", "Priya", "Jean-Paul"]
LAST = ["Mensah", "Okafor", "Carter", "Nguyen", "Rossi", "Haddad", "Kowalski", "Adeyemi", "Fischer", "Moreau", "Patel", "Brown"]
GENERIC = ["Admin", "admin", "Editor", "Staff", "Web Desk", "News Desk", "Staff Reporter", "Guest", "Newsroom"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["Politics", "World", "Africa", "Business", "Sport", "Tech", "Entertainment", "Health", "Opinion", "Local News"]


class Ctx:
    """Random fillers for templates."""

    def __init__(self, rng: random.Random, headlines: list[str]):
        self.rng = rng
        self.headlines = headlines

    def site(self): return self.rng.choice(SITES)
    def name(self): return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
    def generic(self): return self.rng.choice(GENERIC)
    def headline(self): return self.rng.choice(self.headlines)
    def topic(self): return self.rng.choice(TOPICS)
    def n(self, a=1, b=59): return self.rng.randint(a, b)
    def year(self): return self.rng.randint(2015, 2025)
    def month(self): return self.rng.choice(MONTHS)
    def mon(self): return self.rng.choice(MONTHS)[:3]
    def day(self): return self.rng.choice(DAYS)
    def dy(self): return self.rng.randint(1, 28)
    def handle(self): return "@" + self.site().replace(" ", "").replace("The", "")
    def hhmm(self): return f"{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}"
    def ampm(self): return f"{self.rng.randint(1, 12)}:{self.rng.randint(0, 59):02d} {self.rng.choice(['AM', 'PM', 'am', 'pm'])}"
    def ordinal(self):
        d = self.dy()
        return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"
    def reltime(self):
        u = self.rng.choice(["minutes", "hours", "hour", "mins", "days", "h", "m"])
        return f"{self.n(1, 12 if u in ('hours', 'hour', 'h', 'days') else 59)}{'' if len(u) == 1 else ' '}{u}"


# Each kind: where it goes and (dev templates, held-out templates). A template is a function of Ctx
# returning the furniture lines.
def _L(*lines):
    return lambda c: [line(c) if callable(line) else line for line in lines]


def _headline_list(header, stamp=None, numbered=False, bullet=""):
    def make(c: Ctx):
        out = [header] if header else []
        for i in range(c.n(3, 8)):
            h = c.headline()
            if numbered:
                h = f"{i + 1}. {h}" if numbered is True else f"{i + 1} {h}"
            out.append(bullet + h)
            if stamp:
                out.append(stamp(c))
        return out
    return make


KINDS: dict[str, dict] = {
    "site_date": dict(pos="top", dev=[
        lambda c: [f"{c.day()[:3]}. {c.mon()} {c.ordinal()}, {c.year()}"],
        lambda c: [f"{c.day()}, {c.dy()} {c.month()} {c.year()}"],
        lambda c: [f"{c.month()} {c.dy()}, {c.year()}"],
    ], held=[
        lambda c: [f"{c.day()} {c.month()} {c.dy()}, {c.year()} | {c.ampm()}"],
        lambda c: [f"Last updated: {c.dy()} {c.mon()} {c.year()}, {c.hhmm()} GMT"],
        lambda c: [f"{c.dy():02d}/{c.n(1, 12):02d}/{c.year()}"],
        lambda c: [f"Published {c.reltime()} ago"],
        lambda c: [f"{c.day().upper()}, {c.month().upper()} {c.dy()}, {c.year()}"],
    ]),
    "date_header": dict(pos="first", dev=[lambda c: [f"date {c.year()}-{c.n(1, 12):02d}-{c.dy():02d}"]], held=[]),
    "breadcrumb": dict(pos="top", dev=[], held=[
        lambda c: [f"Home > {c.topic()} > {c.topic()}"],
        lambda c: [f"Home / {c.topic()} / {c.topic()}"],
        lambda c: [f"Home » {c.topic()}"],
        lambda c: ["Home", c.topic(), c.topic()],
        lambda c: [" | ".join(["Home"] + c.rng.sample(TOPICS, 5))],
    ]),
    "player": dict(pos="top", dev=[
        _L("Audio By Carbonatix"),
        _L("Listen to this article"),
        lambda c: [f"{c.n(2, 9)} min read"],
        _L("Advertisement"),
    ], held=[
        lambda c: ["Listen", f"{c.n(1, 9)}:{c.n(10, 59)}"],
        lambda c: [f"Reading time: {c.n(2, 9)} minutes"],
        _L("Play video", "Loading..."),
        _L("ADVERTISEMENT"),
        lambda c: [f"Estimated read time {c.n(2, 9)} min"],
        _L("Text size", "A", "A", "A"),
        _L("Voiced by Amazon Polly"),
    ]),
    "byline": dict(pos="top", dev=[
        lambda c: [f"By {c.generic()}"],
        lambda c: [f"By {c.name()}"],
        lambda c: [f"Posted by {c.generic()}"],
    ], held=[
        lambda c: [f"By {c.name()} | {c.month()} {c.dy()}, {c.year()}"],
        lambda c: [f"Written by {c.name()}, {c.rng.choice(['Senior Reporter', 'Staff Writer', 'Political Editor', 'Correspondent'])}"],
        lambda c: [f"{c.name()}", f"{c.month()} {c.dy()}, {c.year()}"],
        lambda c: [f"By {c.name().upper()}"],
        lambda c: [f"Author: {c.generic()}"],
        lambda c: [f"By {c.name()} and {c.name()}"],
        lambda c: [f"{c.site()} Reporter"],
    ]),
    "share": dict(pos="any", dev=[
        _L("Share this article"),
        _L("Share", "Tweet", "Email"),
        _L("Facebook", "Twitter", "WhatsApp", "LinkedIn"),
        _L("Share this:"),
    ], held=[
        _L("Share on Facebook", "Share on Twitter", "Share via Email"),
        _L("Click to share on Facebook (Opens in new window)", "Click to share on X (Opens in new window)", "Click to email a link to a friend (Opens in new window)"),
        _L("Share this story"),
        _L("Facebook Twitter Pinterest WhatsApp Email"),
        _L("SHARE", "Copy link"),
        _L("Like this:", "Like Loading..."),
    ]),
    "read_more": dict(pos="middle", dev=[
        lambda c: [f"Read more: {c.headline()}"],
        lambda c: [f"RELATED: {c.headline()}"],
        lambda c: [f"Also read: {c.headline()}"],
    ], held=[
        lambda c: [f"READ ALSO: {c.headline()}"],
        lambda c: [f"SEE ALSO: {c.headline()}"],
        lambda c: [f"Related: {c.headline()}", f"- {c.headline()}", f"- {c.headline()}"],
        lambda c: [f"[Related: {c.headline()}]"],
        lambda c: ["DON'T MISS", f"{c.headline()} [INSIGHT]", f"{c.headline()} [VIDEO]"],
        lambda c: [f"Story continues below advertisement"],
        lambda c: [f"Continue reading below"],
        lambda c: [f"Recommended: {c.headline()}"],
    ]),
    "newsletter": dict(pos="bottom", dev=[
        lambda c: [f"Discover more from {c.site()}", "Subscribe to get the latest posts sent to your email."],
        lambda c: ["Sign up for our newsletter"],
        lambda c: [f"Subscribe to {c.site()}"],
    ], held=[
        lambda c: [f"Get the day's top headlines delivered to your inbox every morning by subscribing to our newsletter."],
        lambda c: ["Enter your email address", "Subscribe"],
        lambda c: [f"Want more stories like this? Sign up to the {c.site()} daily briefing."],
        lambda c: ["Type your email…", "Subscribe", "Continue reading"],
        lambda c: [f"Join {c.n(10, 90)},000 readers who get our free newsletter every weekday."],
        lambda c: ["Stay informed: sign up for breaking news alerts."],
    ]),
    "tags": dict(pos="bottom", dev=[
        lambda c: [f"Tags: {c.topic()}, {c.topic()}, {c.topic()}"],
        lambda c: [f"Filed under: {c.topic()}"],
    ], held=[
        lambda c: [f"Posted in {c.topic()}"],
        lambda c: [f"Categories: {c.topic()} | {c.topic()}"],
        lambda c: ["Tags", f"{c.topic()}", f"{c.topic()}", f"{c.topic()}"],
        lambda c: [f"Topics: {c.topic()}, {c.topic()}"],
        lambda c: [f"More on: {c.topic()}"],
    ]),
    "comments": dict(pos="bottom", dev=[
        _L("Leave a Reply", "Your email address will not be published. Required fields are marked *"),
        _L("Leave a Reply", "Cancel reply", "Comment *", "Name *", "Email *", "Website",
           "Save my name, email, and website in this browser for the next time I comment."),
        lambda c: [f"{c.n(0, 40)} Comments"],
    ], held=[
        _L("Post a Comment", "Post Comment", "Notify me of follow-up comments by email.", "Notify me of new posts by email."),
        _L("Join the conversation"),
        _L("View comments"),
        _L("Comments", "comments"),
        _L("Tell us what YOU think..."),
        _L("You must be logged in to post a comment."),
        lambda c: [f"Comments ({c.n(0, 99)})"],
        _L("This site uses Akismet to reduce spam. Learn how your comment data is processed."),
    ]),
    "cookies": dict(pos="top_or_bottom", dev=[], held=[
        _L("We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.", "Ok"),
        _L("This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish.", "Accept", "Read More"),
        _L("By continuing to browse this site you agree to our use of cookies.", "Accept all cookies", "Manage preferences"),
        _L("Cookie Settings", "Accept All"),
    ]),
    "latest_timed": dict(pos="bottom", dev=[
        _headline_list("Latest Stories", stamp=lambda c: f"{c.reltime()} -"),
        _headline_list("Related Posts", stamp=lambda c: f"{c.reltime()} ago"),
    ], held=[
        _headline_list("Trending Now", stamp=lambda c: f"{c.month()} {c.dy()}, {c.year()}"),
        _headline_list("Most Read", numbered=True),
        _headline_list("More from " + "this section", stamp=lambda c: f"{c.n(1, 23)}h ago"),
        _headline_list("Top Stories", stamp=lambda c: f"{c.dy()} {c.mon()} {c.year()}"),
        _headline_list("Editor's Picks"),
        _headline_list("RECOMMENDED FOR YOU", bullet="• "),
        _headline_list("", stamp=lambda c: f"{c.reltime()} ago"),
    ]),
    "related_untimed": dict(pos="bottom", dev=[
        _headline_list("You may also like"),
        _headline_list("Related Articles"),
    ], held=[
        _headline_list("More stories", bullet="- "),
        _headline_list("Also on " + "our site"),
        _headline_list("Read Next"),
        _headline_list("In other news", bullet="* "),
    ]),
    "prev_next": dict(pos="bottom", dev=[], held=[
        lambda c: ["Previous article", c.headline(), "Next article", c.headline()],
        lambda c: [f"« {c.headline()}", f"{c.headline()} »"],
        lambda c: ["Previous Post", "Next Post"],
        lambda c: [f"Next: {c.headline()}"],
        lambda c: ["PREVIOUS", c.headline(), "NEXT", c.headline()],
    ]),
    "footer": dict(pos="last", dev=[
        lambda c: [f"© {c.year()} {c.site()}. All rights reserved."],
        _L("WP2Social Auto Publish Powered By : XYZScripts.com"),
        lambda c: [f"Copyright {c.year()} {c.site()}"],
    ], held=[
        _L("Terms of Use | Privacy Policy | Contact Us"),
        _L("About Us", "Contact", "Privacy Policy", "Terms and Conditions"),
        lambda c: [f"Copyright © {c.year()} {c.site()} Ltd. All Rights Reserved. Reproduction in whole or in part without permission is prohibited."],
        lambda c: [f"{c.site()} is not responsible for the content of external sites."],
        _L("Back to top"),
        lambda c: [f"Proudly powered by WordPress | Theme: {c.rng.choice(['Newsup', 'ColorMag', 'Newspaper'])} by {c.name()}."],
    ]),
    "follow": dict(pos="bottom", dev=[
        lambda c: [f"Follow us on Twitter {c.handle()}"],
        _L("Follow us on Facebook"),
    ], held=[
        lambda c: [f"Like {c.site()} on Facebook and follow us on X and Instagram."],
        _L("Join our WhatsApp channel for the latest news"),
        lambda c: [f"Follow {c.site()} on Google News"],
        _L("Download our app for breaking news alerts"),
    ]),
    "wire_credit": dict(pos="last_para", dev=[
        lambda c: [f"(Reporting by {c.name()}; Editing by {c.name()})"],
    ], held=[
        lambda c: [f"Reporting by {c.name()} in {c.rng.choice(['Lagos', 'Nairobi', 'Paris', 'Dakar'])}; Writing by {c.name()}; Editing by {c.name()} and {c.name()}"],
        lambda c: [f"Additional reporting by {c.name()}"],
        lambda c: [f"{c.name()} contributed to this report."],
    ]),
    "paywall": dict(pos="middle_or_bottom", dev=[], held=[
        lambda c: [f"You have {c.n(1, 5)} free articles remaining this month.", "Subscribe now", "Already a subscriber? Log in"],
        _L("Support independent journalism. Donate today."),
        _L("Sign in", "Register"),
        _L("This content is for subscribers only."),
    ]),
}

def add_split(split: str, templates: dict[str, list]) -> None:
    """Register a furniture split: `templates` by kind; kinds it does not cover get none, and a kind
    the other splits do not have is placed anywhere on the page."""
    splits = {k for spec in KINDS.values() for k in spec if k != "pos"}
    for kind, temps in templates.items():
        KINDS.setdefault(kind, {"pos": "any", **{s: [] for s in splits}})[split] = list(temps)
    for spec in KINDS.values():
        spec.setdefault(split, [])


# FRESH templates were written after the rules were frozen and run once, to measure generality honestly
# (the HELD-OUT split above was looked at during development after its first measurement).
FRESH: dict[str, list] = {
    "site_date": [
        lambda c: [f"Updated {c.ampm()} ET, {c.day()} {c.month()} {c.dy()}, {c.year()}"],
        lambda c: [f"{c.dy()} {c.month()}, {c.year()} {c.hhmm()} WAT"],
        lambda c: [f"Posted on {c.month()} {c.dy()}, {c.year()}"],
    ],
    "byline": [
        lambda c: [f"BY {c.name().upper()}, ASSOCIATED PRESS"],
        lambda c: [f"Story by {c.name()}"],
        lambda c: [f"{c.name()}", f"{c.site()}"],
    ],
    "share": [
        _L("Share full article"),
        _L("Share this page", "Facebook", "Email", "X"),
        _L("Click to share on WhatsApp (Opens in new window)"),
    ],
    "player": [
        _L("Listen · 4:12 min"),
        _L("Skip Advertisement"),
        lambda c: [f"Watch: {c.headline()}"],
        _L("Supported by"),
    ],
    "read_more": [
        lambda c: [f"READ MORE | {c.headline()}"],
        lambda c: [f"ALSO READ | {c.headline()}"],
        lambda c: [f"MORE: {c.headline()}"],
        lambda c: ["Advertisement - Scroll to continue"],
    ],
    "newsletter": [
        _L("Get our free daily newsletter"),
        lambda c: [f"Sign up here for {c.site()}'s free morning email."],
        _L("Thank you for signing up!"),
        _L("Get alerts on breaking news as it happens."),
    ],
    "comments": [
        lambda c: [f"Show comments ({c.n(1, 200)})"],
        _L("Be the first to comment"),
        _L("Comment on this story"),
        _L("Add a comment..."),
    ],
    "tags": [
        lambda c: [f"Related Topics", c.topic(), c.topic()],
        lambda c: [f"Explore more on these topics", c.topic(), c.topic()],
        lambda c: [f"TOPICS: {c.topic().upper()}, {c.topic().upper()}"],
    ],
    "latest_timed": [
        _headline_list("Latest news", stamp=lambda c: f"{c.hhmm()}"),
        _headline_list("Most viewed"),
        _headline_list("Just In", stamp=lambda c: f"{c.n(2, 50)} minutes ago"),
    ],
    "footer": [
        lambda c: [f"© Copyright {c.year()}, {c.site()} Media Group"],
        _L("Privacy Notice | Cookie Notice | Accessibility"),
        lambda c: [f"{c.site()} © {c.year()}"],
    ],
    "follow": [
        lambda c: [f"Follow {c.site()} on WhatsApp"],
        _L("Get the app"),
        lambda c: [f"For the latest updates, follow us on Telegram."],
    ],
    "cookies": [
        _L("We value your privacy", "We and our partners use cookies to personalise content and ads.", "Accept", "Reject"),
        _L("Your choices regarding cookies on this site"),
    ],
    "prev_next": [
        lambda c: ["Up Next", c.headline()],
        lambda c: [f"← {c.headline()}"],
    ],
    "wire_credit": [
        lambda c: [f"Editing by {c.name()}"],
        lambda c: [f"— {c.name()}, {c.rng.choice(['Reuters', 'AP', 'AFP'])}"],
    ],
    "paywall": [
        _L("Subscribe to continue reading"),
        _L("Create a free account to read this article"),
    ],
}
add_split("fresh", FRESH)

# FRESH2 templates were written after FRESH was tuned to; measured once, then looked at.
FRESH2: dict[str, list] = {
    "site_date": [
        lambda c: [f"Published On {c.dy()} {c.month()} {c.year()}"],
        lambda c: [f"{c.month()} {c.dy()}, {c.year()} at {c.ampm()}"],
        lambda c: [f"Last Modified: {c.day()}, {c.month()} {c.dy()}, {c.year()} {c.hhmm()} IST"],
    ],
    "byline": [
        lambda c: [f"Written by: {c.name()}"],
        lambda c: [f"From {c.name()} in {c.rng.choice(['Abuja', 'Accra', 'Brussels'])}"],
        lambda c: [f"{c.name()} | {c.site()}"],
        lambda c: [f"By {c.name()} For Dailymail.com"],
    ],
    "share": [
        _L("Share this with", "Email", "Facebook", "Messenger", "Twitter", "Pinterest", "WhatsApp", "LinkedIn"),
        _L("Share or comment on this article:"),
        _L("Tweet Share Share Email"),
    ],
    "player": [
        _L("Watch the video"),
        _L("Click to play"),
        _L("Advertisement", "Sponsored Links"),
    ],
    "read_more": [
        lambda c: [f"ALSO READ: {c.headline()}"],
        lambda c: [f"Suggested Reading: {c.headline()}"],
        lambda c: [f"Keep Reading"],
    ],
    "newsletter": [
        _L("Subscribe to our newsletter for the latest news and updates."),
        _L("Get the latest news and updates, straight to your inbox."),
        _L("I'd like to receive the newsletter"),
    ],
    "comments": [
        _L("Have your say: leave a comment below"),
        lambda c: [f"{c.n(2, 90)} Responses"],
        _L("Comments are closed."),
    ],
    "tags": [
        lambda c: [f"#{c.topic().replace(' ', '')} #{c.topic().replace(' ', '')}"],
        lambda c: [f"Keywords: {c.topic()}; {c.topic()}"],
    ],
    "latest_timed": [
        _headline_list("Latest Articles", stamp=lambda c: f"{c.mon()} {c.dy()}, {c.year()}"),
        _headline_list("Top News", bullet="> "),
        _headline_list("POPULAR POSTS"),
    ],
    "footer": [
        lambda c: [f"All content © {c.year()} {c.site()}."],
        _L("Privacy | Terms | Contact | Advertise"),
        lambda c: [f"Copyright © {c.site()}. All rights reserved. Powered by {c.site()}."],
    ],
    "follow": [
        lambda c: [f"Follow us on Instagram, TikTok and YouTube"],
        lambda c: [f"Stay connected with {c.site()} on social media"],
    ],
    "cookies": [
        _L("This site uses cookies. By continuing to browse the site you are agreeing to our use of cookies.", "Find out more here"),
    ],
    "prev_next": [
        lambda c: ["Previous Story", c.headline(), "Next Story", c.headline()],
    ],
    "wire_credit": [
        lambda c: [f"— With reporting by {c.name()}"],
        lambda c: [f"Source: {c.rng.choice(['Reuters', 'AFP', 'News Agency of Nigeria'])}"],
    ],
    "paywall": [
        _L("To continue reading, please log in or subscribe."),
        _L("Premium content"),
    ],
}
add_split("fresh2", FRESH2)

# FRESH3 templates were written after the last rule change and measured once, never tuned to: the honest
# estimate of how the rules do on furniture they have not seen. (FRESH and FRESH2 played that role
# before them; their first-run numbers are kept in the README.)
FRESH3: dict[str, list] = {
    "site_date": [
        lambda c: [f"{c.dy()}.{c.n(1, 12)}.{c.year()}"],
        lambda c: [f"First published on {c.day()} {c.dy()} {c.month()} {c.year()} {c.hhmm()} BST"],
        lambda c: [f"Today is {c.day()}, {c.month()} {c.dy()}, {c.year()}"],
    ],
    "byline": [
        lambda c: [f"Reported by {c.name()}"],
        lambda c: [f"by {c.name()} on {c.month()} {c.dy()}, {c.year()}"],
        lambda c: [f"Contributor: {c.name()}"],
        lambda c: [f"{c.name()}, {c.rng.choice(['BBC News', 'CNN', 'Al Jazeera'])}"],
    ],
    "share": [
        _L("Share", "Save", "Gift this article"),
        _L("Send to a friend"),
        _L("Share this article on WhatsApp"),
    ],
    "player": [
        _L("Media playback is unsupported on your device"),
        lambda c: [f"Video duration {c.n(1, 9)}:{c.n(10, 59)}"],
        _L("Image source, Getty Images", "Image caption,"),
    ],
    "read_more": [
        lambda c: [f"Read: {c.headline()}"],
        lambda c: [f">> {c.headline()}"],
        lambda c: [f"PHOTOS: {c.headline()}"],
    ],
    "newsletter": [
        _L("Sign up for free and get the best of our journalism every morning"),
        _L("Your email", "Sign me up"),
        _L("By signing up, you agree to our Terms of Use and Privacy Policy."),
    ],
    "comments": [
        _L("Load comments"),
        _L("What do you think? Let us know in the comments below."),
        lambda c: [f"{c.n(2, 90)} thoughts on “{c.headline()}”"],
    ],
    "tags": [
        lambda c: [f"Published in {c.topic()}"],
        lambda c: [f"Related: {c.topic()}, {c.topic()}"],
    ],
    "latest_timed": [
        _headline_list("Headlines", stamp=lambda c: f"{c.hhmm()} GMT"),
        _headline_list("More News", bullet="› "),
    ],
    "footer": [
        lambda c: [f"{c.site()} — Independent news since {c.year() - 40}"],
        _L("Contact the newsroom | Corrections | Ethics policy"),
    ],
    "follow": [
        lambda c: [f"Follow {c.handle()} for more"],
        _L("Add us to your Google News feed"),
    ],
    "cookies": [
        _L("We care about your privacy", "We use cookies and similar technologies to provide our services.", "Agree and close"),
    ],
    "prev_next": [
        lambda c: ["Older Post", "Newer Post"],
        lambda c: [f"Next article: {c.headline()}"],
    ],
    "wire_credit": [
        lambda c: [f"Reporting by {c.name()}"],
        lambda c: [f"-- {c.rng.choice(['Reuters', 'AFP', 'dpa'])}"],
    ],
    "paywall": [
        _L("This article is available to subscribers."),
        _L("Already have an account? Sign in"),
    ],
}
add_split("fresh3", FRESH3)

POSITIONS_TOP = ("top", "first")
ORIGINAL_SPLITS = ("dev", "held", "fresh", "fresh2", "fresh3")
# Blind splits: each in a module of its own (benchmarks/furniture_<split>.py), written by someone who
# never saw the remover, and scored only when asked for by name (never by the default --splits).
BLIND_SPLITS = ("fresh4", "fresh5", "fresh6")
ALL_SPLITS = ORIGINAL_SPLITS + BLIND_SPLITS


def load_blind(split: str) -> bool:
    """Merge the blind split `split` from benchmarks/furniture_<split>.py into KINDS, when that module
    exists (imported only when the split is asked for). Returns whether it was found."""
    if any(split in spec for spec in KINDS.values()):
        return True
    import importlib
    import importlib.util

    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    module = f"furniture_{split}"
    if importlib.util.find_spec(module) is None:
        return False
    add_split(split, getattr(importlib.import_module(module), split.upper()))
    return True


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r'(?:(?<=[.!?])|(?<=[.!?]["”]))\s+(?=["“A-Z0-9])', paragraph) if s]


def compose(article: list[str], rng: random.Random, ctx: Ctx, split: str) -> tuple[str, list[tuple[str, str]]]:
    """A page text and its labelled non-blank lines: ('article', line) or (kind, line)."""
    headline, paras = article[0], article[1:]
    layout = rng.choice(["para_blank", "para_tight", "sentences", "sentences_blank", "indented"])
    if layout.startswith("sentences"):
        body = [s for p in paras for s in split_sentences(p)]
    else:
        body = list(paras)

    def furniture(kind: str) -> list[tuple[str, str]]:
        templates = KINDS[kind][split]
        if not templates:
            return []
        return [(kind, line) for line in rng.choice(templates)(ctx)]

    kinds = [k for k, spec in KINDS.items() if spec[split]]
    chosen = rng.sample(kinds, k=min(len(kinds), rng.randint(3, 7)))
    top, after_head, middle, bottom, last = [], [], [], [], []
    for kind in chosen:
        pos = KINDS[kind]["pos"]
        if pos == "first":
            top.insert(0, furniture(kind))
        elif pos == "top":
            (top if rng.random() < 0.6 else after_head).append(furniture(kind))
        elif pos == "middle":
            middle.append(furniture(kind))
        elif pos == "any":
            rng.choice([top, after_head, middle, bottom]).append(furniture(kind))
        elif pos == "top_or_bottom":
            rng.choice([top, last]).append(furniture(kind))
        elif pos == "middle_or_bottom":
            rng.choice([middle, bottom]).append(furniture(kind))
        elif pos == "last_para":
            bottom.insert(0, furniture(kind))
        elif pos == "last":
            last.append(furniture(kind))
        else:
            bottom.append(furniture(kind))

    blocks: list[list[tuple[str, str]]] = []
    blocks += top
    blocks.append([("article", headline)])
    blocks += after_head
    body_blocks = [[("article", line)] for line in body]
    for block in middle:
        at = rng.randint(1, max(1, len(body_blocks) - 1))
        body_blocks.insert(at, block)
    blocks += body_blocks
    blocks += bottom
    blocks += last

    sep = {"para_blank": "\n\n", "para_tight": "\n", "sentences": "\n", "sentences_blank": "\n\n", "indented": "\n\n"}[layout]
    pieces = []
    for block in blocks:
        lines = [line for _, line in block]
        if layout == "indented":
            lines = [" " + line + " " for line in lines]
        pieces.append("\n".join(lines))
    text = sep.join(pieces)
    labelled = [(label, line) for block in blocks for label, line in block]
    return text, labelled


def load_articles(root: Path) -> list[list[str]]:
    arts = []
    for path in sorted(root.glob("*/*.txt")):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        lines = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(lines) >= 3:
            arts.append(lines)
    return arts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="the bbc corpus folder (topic folders of .txt files)")
    parser.add_argument("--docs", type=int, default=400, help="articles per split (5 splits)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", action="store_true",
                        help="treat each split as one collection, as the documents asset does: near-duplicates and lines repeated across articles")
    parser.add_argument("--show", type=int, default=0, help="print up to N wrongly kept or dropped lines per split")
    parser.add_argument("--splits", default=",".join(ORIGINAL_SPLITS),
                        help=f"comma-separated splits to score (default: {','.join(ORIGINAL_SPLITS)}; the blind splits "
                             f"{', '.join(BLIND_SPLITS)} only when named, and when benchmarks/furniture_<split>.py exists)")
    parser.add_argument("--rules-only", action="store_true", help="switch the learned line classifier off (the rules alone)")
    args = parser.parse_args(argv)
    if args.rules_only:
        import pipelines.clean.line_classifier as line_classifier

        line_classifier.ENABLED = False
    wanted = [s.strip() for s in args.splits.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in ALL_SPLITS]
    if unknown:
        parser.error(f"unknown split(s) {unknown}; choose from {list(ALL_SPLITS)}")
    for split in BLIND_SPLITS:
        if split in wanted and not load_blind(split):
            print(f"{split}: benchmarks/furniture_{split}.py not found, skipped")
            wanted.remove(split)

    from pipelines.clean.documents import clean_document
    from pipelines.clean.normalize import repair
    from pipelines.clean.documents import mark_duplicates
    from pipelines.ingest.files import RawDocument

    articles = load_articles(args.path)
    headlines = [a[0] for a in articles]
    rng = random.Random(args.seed)
    splits = ORIGINAL_SPLITS
    sample = rng.sample(articles, k=min(len(articles), len(splits) * args.docs))
    # Pages are composed for every original split in order, whichever are scored, so that the random
    # stream (and with it each split's pages) does not depend on --splits. Each blind split has a stream of its own.
    pages: dict[str, list] = {}
    for si, split in enumerate(splits):
        ctx = Ctx(rng, headlines)
        pages[split] = []
        for article in sample[si * args.docs : (si + 1) * args.docs]:
            ctx.headlines = [h for h in headlines if h != article[0]]
            pages[split].append(compose(article, rng, ctx, split))
    for split in (s for s in BLIND_SPLITS if s in wanted):
        rng_b = random.Random(f"{split}-{args.seed}")
        ctx = Ctx(rng_b, headlines)
        pages[split] = []
        for article in rng_b.sample(articles, k=min(len(articles), args.docs)):
            ctx.headlines = [h for h in headlines if h != article[0]]
            pages[split].append(compose(article, rng_b, ctx, split))
    results = {}
    for split in wanted:
        counts: dict[str, Counter] = defaultdict(Counter)
        errors: list[str] = []
        docs = []
        for n, (text, labelled) in enumerate(pages[split]):
            sha = hashlib.sha256(text.encode()).hexdigest()
            doc = clean_document(RawDocument(f"{split}/{n:04d}.txt", "text", "utf-8", text, len(text), sha))
            docs.append((doc, labelled))
        if args.corpus:
            # The split's articles as one collection, as the documents asset sees it: near-duplicates
            # marked (the BBC set holds a few repeated articles), then furniture repeated across articles goes.
            by_source = {row["source"]: row for row in mark_duplicates([doc for doc, _ in docs])}
            docs = [(by_source[doc["source"]], labelled) for doc, labelled in docs]
        for doc, labelled in docs:
            kept = Counter(" ".join(p.split()) for p in doc["text"].split("\n\n"))
            for label, line in labelled:
                key = " ".join(repair(line).split())
                survived = kept[key] > 0
                if survived:
                    kept[key] -= 1
                counts[label]["n"] += 1
                counts[label]["ok"] += survived if label == "article" else not survived
                if (label == "article") != survived and len(errors) < args.show:
                    errors.append(f"{'LOST' if label == 'article' else 'KEPT'} [{label}] {line[:140]}")
        results[split] = counts
        art = counts["article"]
        furn_n = sum(c["n"] for k, c in counts.items() if k != "article")
        furn_ok = sum(c["ok"] for k, c in counts.items() if k != "article")
        name = {"dev": "dev furniture", "held": "held-out furniture (seen in development)", "fresh": "fresh furniture (seen after its first run)",
                "fresh2": "fresh2 furniture (seen after its first run)",
                "fresh3": "fresh3 furniture (never tuned to by the shipped rules; its misses studied in session 5 for rules then reverted)",
                "fresh4": "fresh4 (blind when written; its misses studied in session 5 for rules then reverted)",
                "fresh5": "fresh5 (blind when written; its per-kind rates read in session 5)",
                "fresh6": "fresh6 (blind, written by someone who never saw the remover)"}[split]
        print(f"{name}: {args.docs} articles, article lines kept {art['ok'] / art['n']:.4f} ({art['ok']}/{art['n']}), "
              f"boilerplate lines removed {furn_ok / max(furn_n, 1):.4f} ({furn_ok}/{furn_n})")
        for kind in sorted(k for k in counts if k != "article"):
            c = counts[kind]
            print(f"    {kind:<16} removed {c['ok'] / c['n']:.3f} ({c['ok']}/{c['n']})")
        for e in errors:
            print("    " + e)
    total_art = sum(r["article"]["ok"] for r in results.values()) / sum(r["article"]["n"] for r in results.values())
    f_ok = sum(c["ok"] for r in results.values() for k, c in r.items() if k != "article")
    f_n = sum(c["n"] for r in results.values() for k, c in r.items() if k != "article")
    print(f"all: article lines kept {total_art:.4f}, boilerplate lines removed {f_ok / f_n:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
