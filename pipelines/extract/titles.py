"""The vocabulary of titles: head nouns, status words, title prefixes, portfolios, and the bodies a
title can belong to (countries, demonyms, parties, institutions), plus the canonical form of a title.

Everything here is general language and reference data (places, institutions, parties); nothing is
specific to any article or person.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Head nouns of a title (lower case) -> canonical form. Plural forms are recognised separately.
HEADS: dict[str, str] = {
    "president": "president", "vice-president": "vice president", "president-elect": "president",
    "premier": "premier", "secy": "secretary", "secy.": "secretary", "chancellor": "chancellor", "minister": "minister", "secretary": "secretary",
    "secretary-general": "secretary-general", "undersecretary": "undersecretary", "under-secretary": "undersecretary",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
    "leader": "leader", "chief": "chief", "head": "head", "boss": "head",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chair": "chair",
    "director": "director", "director-general": "director general", "governor": "governor", "mayor": "mayor",
    "ambassador": "ambassador", "envoy": "envoy", "commissioner": "commissioner", "mp": "mp", "mep": "mep",
    "msp": "msp", "senator": "senator", "congressman": "congressman", "congresswoman": "congresswoman",
    "deputy": "deputy", "speaker": "speaker", "king": "king", "queen": "queen", "emir": "emir", "sultan": "sultan", "monarch": "monarch", "judge": "judge",
    "justice": "justice", "attorney-general": "attorney general", "editor": "editor", "correspondent": "correspondent",
    "adviser": "adviser", "advisor": "adviser", "co-ordinator": "co-ordinator", "coordinator": "co-ordinator",
    "host": "host", "presenter": "presenter", "ruler": "ruler", "commander": "commander", "constable": "constable",
    "executive": "executive", "ceo": "chief executive", "founder": "founder", "treasurer": "treasurer",
    "whip": "whip", "ombudsman": "ombudsman", "councillor": "councillor", "lawmaker": "lawmaker",
    "legislator": "legislator", "negotiator": "negotiator", "mediator": "mediator", "representative": "representative",
    "delegate": "delegate", "consul": "consul", "prosecutor": "prosecutor", "attorney": "attorney", "pope": "pope",
    "archbishop": "archbishop", "bishop": "bishop", "cardinal": "cardinal", "dictator": "dictator",
    "general": "general", "colonel": "colonel", "lieutenant": "lieutenant", "captain": "captain",
    "admiral": "admiral", "brigadier": "brigadier", "marshal": "marshal", "inspector": "inspector",
    "superintendent": "superintendent", "manager": "manager", "chieftain": "chieftain", "warlord": "warlord",
    "strongman": "strongman", "counsel": "counsel", "solicitor": "solicitor", "auditor": "auditor",
    "comptroller": "comptroller", "surgeon": "surgeon", "frontbencher": "frontbencher",
    "backbencher": "backbencher", "supremo": "supremo", "tsar": "tsar", "czar": "tsar", "regent": "regent", "vizier": "vizier", "steward": "steward",
}
PLURAL_HEADS: dict[str, str] = {
    "presidents": "president", "ministers": "minister", "secretaries": "secretary", "leaders": "leader",
    "chiefs": "chief", "heads": "head", "spokesmen": "spokesperson", "spokeswomen": "spokesperson",
    "spokespersons": "spokesperson", "directors": "director", "governors": "governor", "ambassadors": "ambassador",
    "envoys": "envoy", "commissioners": "commissioner", "mps": "mp", "meps": "mep", "senators": "senator",
    "deputies": "deputy", "judges": "judge", "justices": "justice", "generals": "general", "colonels": "colonel",
    "commanders": "commander", "advisers": "adviser", "advisors": "adviser", "editors": "editor",
    "correspondents": "correspondent", "rulers": "ruler", "lawmakers": "lawmaker", "chairmen": "chair",
}
# Military ranks: a title of their own, but a more specific title before them wins ("army chief General X").
RANKS = {"general", "colonel", "lieutenant", "captain", "admiral", "brigadier", "marshal", "commander"}
# Heads that are only a title when written with a capital or right before a name, never inside an ordinary
# noun phrase ("host country", "general strike"): the name must follow directly.
WEAK_HEADS = {"host", "general", "head", "deputy", "chief", "justice", "executive", "captain", "representative",
              "delegate", "manager", "steward", "inspector", "whip", "cardinal", "marshal", "founder", "treasurer"}
# Words that follow a head and belong to it: "Secretary of State", "Attorney General", "Director General".
POSTPOSITIVE = {"general": "general"}
OF_STATE = ("of", "state")

# Status words before a title. "then" and "late" mark a past holder.
STATUS_WORDS: dict[str, str] = {
    "former": "former", "ex": "former", "erstwhile": "former", "onetime": "former", "one-time": "former",
    "then": "former", "late": "former", "previous": "former", "retired": "former", "past": "former",
    "ousted": "ousted", "deposed": "ousted", "toppled": "ousted", "overthrown": "ousted", "exiled": "ousted",
    "acting": "acting", "interim": "interim", "caretaker": "interim", "transitional": "interim",
    "elected": "elected", "newly-elected": "elected", "re-elected": "elected", "elect": "elected",
    "designate": "designate", "incoming": "designate", "nominated": "designate",
    "new": "current", "current": "current", "sitting": "current", "incumbent": "current", "outgoing": "current",
    "serving": "current", "prospective": "designate", "longtime": "current", "long-time": "current", "veteran": "current",
}
# Words that belong to the title itself (kept, never reordered).
PREFIXES = {"deputy", "vice", "assistant", "shadow", "junior", "chief", "prime", "first", "under", "senior",
            "principal", "permanent", "lord", "cabinet", "associate", "executive", "co", "joint", "managing", "general"}
# Prefixes that mean something only before certain heads; elsewhere they are a portfolio ("Defence Secretary").
PORTFOLIO_BEFORE = {"minister", "secretary"}
# Descriptive adjectives that are neither title nor body ("top", "senior" before an envoy are kept as words).
IGNORED = {"top", "powerful", "influential", "controversial", "embattled", "beleaguered", "popular", "outspoken",
           "democratically", "veteran", "respected", "prominent", "leading", "key", "well-known", "firebrand",
           "neighbouring", "neighboring", "fellow", "then-", "now", "now-", "self-declared", "self-proclaimed",
           "self-styled", "de", "facto", "military-led", "paid", "unpaid", "honorary", "only", "sole"}
# Honorifics are part of a name, not a title.
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "baron", "professor",
              "prof", "rev", "reverend", "sheikh", "prince", "princess", "duke", "duchess", "earl", "count", "countess", "mister", "madam", "monsignor", "mr.", "mrs.", "ms.", "dr."}
POSTNOMINALS = {"MP": "mp", "MEP": "mep", "MSP": "msp", "AM": None, "QC": None, "KC": None, "OBE": None, "MBE": None,
                "CBE": None, "TD": None, "PhD": None, "Jr": None, "Sr": None}

# Capitalised words before a title that describe it rather than name its body ("Opposition leader").
TITLE_WORDS = {"opposition", "rebel", "rebels", "coup", "junta", "army", "military", "party", "union", "team", "club",
               "campaign", "election", "committee", "council", "government", "cabinet", "parliamentary", "senior",
               "junior", "chief", "deputy", "acting", "interim", "former", "general", "national", "regional", "local",
               "federal", "state", "city", "county", "district", "provincial", "group", "company", "board", "spy",
               "fire", "prison", "hospital", "school", "university", "church", "tribal", "village", "community"}

# Abbreviations of portfolios ("NI minister").
ABBREVIATIONS = {"NI": "northern ireland"}
# Places below country level that narrow a body rather than name a portfolio ("UKIP Scotland chairman").
PLACES = {"scotland", "wales", "england", "northern ireland", "london", "ulster", "east midlands", "west midlands",
          "midlands", "north east", "north west", "south east", "south west", "yorkshire", "east anglia", "cornwall",
          "merseyside", "tyneside", "highlands", "flanders", "wallonia", "bavaria", "catalonia", "quebec", "ontario"}

# Portfolio words: a modifier that names what a minister or secretary is in charge of.
PORTFOLIO_EXPANSIONS = {"foreign": "foreign affairs", "home": "home affairs", "interior": "interior",
                        "defense": "defence"}
PORTFOLIO_WORDS = {
    "interior", "justice", "finance", "defence", "defense", "foreign", "home", "oil", "petroleum", "mining", "mines",
    "energy", "health", "education", "transport", "trade", "industry", "environment", "agriculture", "culture",
    "tourism", "information", "communications", "economy", "economic", "economics", "planning", "water", "housing",
    "employment", "work", "pensions", "sport", "sports", "media", "women", "youth", "fisheries", "security",
    "commerce", "immigration", "affairs", "development", "government", "local", "constitutional", "europe",
    "european", "international", "northern", "ireland", "wales", "scotland", "labour", "treasury", "budget",
    "science", "technology", "research", "welfare", "social", "family", "children", "rural", "urban", "regional",
    "land", "lands", "forestry", "fishing", "aviation", "railways", "roads", "infrastructure", "public", "works",
    "telecommunications", "digital", "veterans", "religious", "heritage", "arts", "higher", "primary", "police",
    "prisons", "africa", "asia", "middle", "east", "climate", "natural", "resources", "solidarity", "reconciliation",
    "humanitarian", "cooperation", "co-operation", "integration", "tax", "policy", "minorities", "equality",
    "armed", "forces", "procurement", "aid", "disability", "enterprise", "competition", "consumer", "schools",
}

# Institutions that are a body on their own (normalised key -> (display name, country)).
INSTITUTIONS: dict[str, tuple[str, str | None]] = {
    "kremlin": ("Kremlin", "RUS"), "white house": ("White House", "USA"), "state department": ("State Department", "USA"),
    "us state department": ("State Department", "USA"), "pentagon": ("Pentagon", "USA"),
    "home office": ("Home Office", "GBR"), "foreign office": ("Foreign Office", "GBR"),
    "downing street": ("Downing Street", "GBR"), "number 10": ("Downing Street", "GBR"), "no 10": ("Downing Street", "GBR"),
    "elysee": ("Elysee", "FRA"), "quai d orsay": ("Quai d'Orsay", "FRA"), "un": ("United Nations", None),
    "u n": ("United Nations", None), "united nations": ("United Nations", None), "eu": ("European Union", None),
    "european union": ("European Union", None), "european commission": ("European Commission", None),
    "nato": ("NATO", None), "au": ("African Union", None), "african union": ("African Union", None),
    "ecowas": ("ECOWAS", None), "imf": ("IMF", None), "world bank": ("World Bank", None),
    "who": ("WHO", None), "bbc": ("BBC", "GBR"), "treasury": ("Treasury", None), "cabinet office": ("Cabinet Office", "GBR"),
    "foreign ministry": ("Foreign Ministry", None), "defence ministry": ("Defence Ministry", None),
    "ministry of defence": ("Ministry of Defence", None), "commons": ("House of Commons", "GBR"),
    "house of commons": ("House of Commons", "GBR"), "lords": ("House of Lords", "GBR"),
    "house of lords": ("House of Lords", "GBR"), "congress": ("Congress", "USA"), "senate": ("Senate", None),
}
# Political parties written as adjectives or short names (normalised key -> party name).
PARTIES: dict[str, str] = {
    "conservative": "Conservative Party", "conservatives": "Conservative Party", "tory": "Conservative Party",
    "tories": "Conservative Party", "labour": "Labour Party", "liberal democrat": "Liberal Democrats",
    "liberal democrats": "Liberal Democrats", "lib dem": "Liberal Democrats", "lib dems": "Liberal Democrats",
    "ukip": "UKIP", "snp": "SNP", "plaid cymru": "Plaid Cymru", "green": "Green Party", "greens": "Green Party",
    "republican": "Republican Party", "republicans": "Republican Party", "democrat": "Democratic Party",
    "democrats": "Democratic Party", "democratic": "Democratic Party", "gop": "Republican Party",
    "sinn fein": "Sinn Fein", "dup": "DUP", "bnp": "BNP",
}
# Sub-national places whose demonym names a body without an ISO country code of its own.
REGIONS = {"scottish": "Scotland", "welsh": "Wales", "northern irish": "Northern Ireland", "catalan": "Catalonia",
           "kurdish": "Kurdistan", "flemish": "Flanders", "bavarian": "Bavaria", "quebecois": "Quebec",
           "chechen": "Chechnya", "soviet": "Soviet Union", "english": "England"}
# Words that end an institution's name.
INSTITUTION_WORDS = {"office", "department", "ministry", "federation", "council", "commission", "committee", "party",
                     "union", "agency", "bank", "police", "service", "services", "street", "assembly", "parliament",
                     "court", "authority", "association", "institute", "university", "group", "company",
                     "corporation", "campaign", "centre", "center", "board", "chambers", "chamber", "forces", "army",
                     "navy", "guard", "front", "movement", "league", "organisation", "organization", "foundation",
                     "trust", "fund", "bureau", "command", "directorate", "secretariat", "presidency", "government",
                     "junta", "cabinet", "senate", "congress", "executive", "inc", "ltd", "plc", "network"}

# Countries and demonyms come from the gazetteers (`pipelines/extract/gazetteers/country_aliases.tsv`,
# `demonyms.tsv`, pycountry), the one table the entity rules use too; here they are keyed by `norm`.
# Names the gazetteers give to a country but that name a part of it (England, Scotland, Welsh, Kurdish)
# stay places and regions for roles: "Wales Secretary" is a portfolio, "Scottish Finance Minister" a region.
def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def norm(text: str) -> str:
    text = strip_accents(text).lower().replace("’", "'")
    text = re.sub(r"'s?$", "", text.strip())
    text = re.sub(r"^the\s+", "", text)
    return " ".join(text.replace("-", " ").split())


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from pipelines.extract import gazetteers as gz

    return {norm(k): v for k, v in gz.countries().items()}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from pipelines.extract import gazetteers as gz

    return {norm(k): v for k, v in gz.all_demonyms().items()}


def country_code(text: str) -> str | None:
    """ISO alpha-3 for a country name, abbreviation or demonym ("US", "Niger", "Chadian"), else None."""
    key = norm(text)
    if not key or key in PLACES or key in REGIONS:
        return None  # a part of a country, read as a place or region
    if key in _demonyms():
        return _demonyms()[key]
    bare = text.strip().rstrip(".").replace(".", "")
    if bare in {"US", "UK", "USA"}:
        return "GBR" if bare == "UK" else "USA"
    if key in ("us", "uk", "u s", "u k"):
        return None  # "us" the pronoun
    return _country_names().get(key)


def party_name(text: str) -> str | None:
    return PARTIES.get(norm(text))


def institution(text: str) -> tuple[str, str | None] | None:
    return INSTITUTIONS.get(norm(text).replace(".", " ").strip())


def canonical_title(prefixes: list[str], portfolio: list[str], head: str, tail: list[str]) -> str:
    """"Oil Minister" and "Minister of Oil" -> "minister of oil"; "Defence Secretary" -> "secretary of defence".

    prefixes: words that belong to the title ("deputy", "shadow"); portfolio: what a minister or secretary
    is in charge of; tail: a lower-case "of"-phrase after the head ("head of tax").
    """
    words = [w.lower() for w in prefixes]
    port = " ".join(_expand_portfolio(w.lower()) for w in portfolio if w.lower() not in ("the", "and", "&"))
    port_raw = " ".join(w.lower() for w in portfolio if w.lower() != "the").replace(" & ", " and ")
    tail_text = " ".join(w.lower() for w in tail if w.lower() != "the")
    if head in PORTFOLIO_BEFORE and (port or tail_text):
        if port and len(portfolio) == 1:
            what = port
        else:
            what = port_raw
        what = " and ".join(x for x in (what, tail_text) if x)
        if head == "secretary" and what.startswith("state for "):
            what = what[len("state for "):]
        title = " ".join([*words, head, "of", what])
    else:
        title = " ".join([*words, port_raw, head, tail_text]) if tail_text == "" else " ".join(
            [*words, port_raw, head, "of", tail_text])
    title = re.sub(r"\s+", " ", title).strip()
    return title.replace(" for ", " of ")


def _expand_portfolio(word: str) -> str:
    return PORTFOLIO_EXPANSIONS.get(word, word)
