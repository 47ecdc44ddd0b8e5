"""Resolve mentions to entities: one person_id / org_id per real person or organization.

People. Within a document a short form ("Bazoum") points to the one longer name that ends with it
("Mohamed Bazoum"). Across documents full names merge on their normalised form; a lone short form
joins the single full name whose surname it is, or -- for spelling and transliteration variants
("Tchiani" for "Tiani") -- the single full name whose surname is a close variant *and* that shares
evidence with it: the same title before the name ("General") or a mention in the same document.
Two people who share a surname stay apart (a lone surname that fits both joins neither). Full names
with the same given name and a variant surname merge under the same evidence rule.

Organizations. Gazetteer bodies ("U.N.", "UN", "United Nations") resolve to one canonical name with
acronym, type and country; acronyms defined in the text ("Economic Community of West African States
(ECOWAS)") tie the acronym to its expansion; a bare name joins the one name that is it plus a
generic word ("Wagner" -> "Wagner Group"). Type and country otherwise come from keywords in the
name ("... Ministry" -> government) and from a country or nationality in or right before it.

Nationality of a person is the ISO 3166-1 alpha-3 code of a nationality adjective written right
before the name or its title ("Chadian President ..." -> "TCD"), most frequent if several.

Ids are hashes of a canonical key (a person's full normalised name; an organization's acronym if it
has one, else its normalised name), so adding documents never renumbers existing entities.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import polars as pl

from pipelines.extract import gazetteers as gz

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}
ORG_TYPES = ("government", "military", "intergovernmental", "political_party", "media", "armed_group", "company", "ngo", "other")
# Words that may follow an organization's distinctive name without changing what it names.
GENERIC_ORG_TAILS = {"group", "party", "company", "co", "inc", "corp", "corporation", "ltd", "plc", "movement",
                     "organisation", "organization", "network", "agency", "news", "news agency"}
VARIANT_SIMILARITY = 80  # rapidfuzz ratio between surname variants ("tiani" / "tchiani" = 83)


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`]s\b", "", text)
    text = re.sub(r"(?<=\b[A-Za-z])\.(?=[A-Za-z]\b)|(?<=\b[A-Za-z]\.[A-Za-z])\.", "", text)  # U.N. -> UN
    text = re.sub(r"[^\w\s-]", " ", text.lower())
    return " ".join(text.replace("-", " ").split())


def stable_id(prefix: str, key: str) -> str:
    return f"{prefix}_{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


@dataclass
class Cluster:
    kind: str  # "person" or "org"
    key: str
    names: Counter = field(default_factory=Counter)
    acronym: str | None = None
    mention_ids: list[str] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)
    titles: Counter = field(default_factory=Counter)
    nationalities: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    org_type: str | None = None
    canonical: str | None = None  # gazetteer name, when the body is a known one

    @property
    def name(self) -> str:
        if self.canonical:
            return self.canonical
        # The longest full form, ties broken by frequency then alphabetically; an acronym is the
        # name only when nothing longer was seen.
        candidates = [n for n in self.names if n != self.acronym] or list(self.names)
        return max(candidates, key=lambda n: (len(n.split()), self.names[n], len(n), n))

    def absorb(self, other: "Cluster") -> None:
        self.names.update(other.names)
        self.mention_ids.extend(other.mention_ids)
        self.doc_ids |= other.doc_ids
        self.titles.update(other.titles)
        self.nationalities.update(other.nationalities)
        self.countries.update(other.countries)
        self.acronym = self.acronym or other.acronym
        self.org_type = self.org_type or other.org_type
        self.canonical = self.canonical or other.canonical

    @property
    def surname(self) -> str:
        return self.key.split()[-1] if self.key else ""


_WORD = r"(?:[A-Z][\w'’&-]*|of|the|for|and|on|de|du|des|la|le|in|et|pour)"
_ACRONYM_DEF = re.compile(rf"(?P<long>{_WORD}(?:\s+{_WORD})+)\s*\((?P<short>[A-Z][A-Za-z.-]{{1,14}})\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """"Economic Community of West African States (ECOWAS)" -> {"ECOWAS": "Economic Community ..."}."""
    found: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long, short = m.group("long"), m.group("short")
        letters = re.sub(r"[^A-Z]", "", short.split("-")[0])
        if len(letters) < 2:
            continue
        words = long.split()
        # Leading words that are not part of the name ("The ruling ...") go: trim to the first word
        # whose initial is one of the acronym's letters.
        while len(words) > 1 and (words[0][0] not in letters or words[0].lower() in ("the", "of", "and")):
            words = words[1:]
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(words) > 1 and len(set(letters[:3]) & set(initials)) >= min(2, len(set(letters[:3]))):
            found[short] = " ".join(words)
    return found


# ---------------------------------------------------------------- context around a mention

_TITLE_TAIL = re.compile(r"((?:[A-Z][\w.’'-]*\s+|[a-z-]+\s+){0,4})$")


def preceding_words(text: str, start: int, n: int = 5) -> list[str]:
    return re.findall(r"[\w.’'-]+", text[max(0, start - 80) : start])[-n:]


def title_and_nationality(text: str, start: int) -> tuple[list[str], str | None]:
    """Title words right before a name ("Justice Minister") and a nationality before them ("Chadian")."""
    words = preceding_words(text, start)
    titles, nationality = [], None
    for w in reversed(words):
        f = gz.fold(w)
        if f in gz.titles() or f.rstrip(".") in gz.titles() or f in gz.portfolios():
            titles.append(f.rstrip("."))
            continue
        if f in gz.demonyms() and nationality is None:
            nationality = gz.demonyms()[f]
        break
    return titles, nationality


def country_near_org(text: str, start: int, surface: str) -> str | None:
    """A country or nationality inside the org's name, or right before it ("Niger's army")."""
    words = re.findall(r"[\w’'-]+", surface)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            code = gz.countries().get(gz.fold(" ".join(words[i : i + n]))) or gz.demonyms().get(gz.fold(" ".join(words[i : i + n])))
            if code:
                return code
    before = preceding_words(text, start, 3)
    if before:
        w = re.sub(r"[’']s$", "", before[-1])
        return gz.countries().get(gz.fold(w)) or gz.demonyms().get(gz.fold(w))
    return None


def org_type_of(names: list[str]) -> str | None:
    for n in sorted(names, key=len, reverse=True):
        text = " " + " ".join(re.findall(r"[\w.&-]+", n)) + " "
        for kw, typ in gz.org_keywords():
            if f" {kw} " in text or f" {kw.lower()} " in text.lower() and len(kw) > 4:
                return typ
    return None


def known_org(surface: str) -> gz.KnownOrg | None:
    orgs = gz.known_orgs()
    return orgs.get(gz.fold(surface)) or orgs.get(gz.fold(surface.replace(".", "")))


# ---------------------------------------------------------------- resolution


def resolve_entities(mentions: pl.DataFrame, documents: pl.DataFrame) -> tuple[pl.DataFrame, list[Cluster]]:
    """Return (mention_id -> entity_id links, clusters)."""
    texts = dict(zip(documents["doc_id"].to_list(), documents["text"].to_list()))
    rows = mentions.filter(pl.col("label").is_in(list(PERSON_LABELS | ORG_LABELS))).sort(["doc_id", "start_char"])
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows.iter_rows(named=True):
        by_doc[r["doc_id"]].append(r)

    clusters: dict[tuple[str, str], Cluster] = {}
    pending_short: list[tuple[str, dict, str, list[str], str | None]] = []

    def cluster(kind: str, key: str) -> Cluster:
        c = clusters.get((kind, key))
        if c is None:
            c = clusters[(kind, key)] = Cluster(kind=kind, key=key)
        return c

    def add(c: Cluster, m: dict, titles: list[str] = (), nationality: str | None = None) -> None:
        c.names[m["text"]] += 1
        c.mention_ids.append(m["mention_id"])
        c.doc_ids.add(m["doc_id"])
        c.titles.update(titles)
        if nationality:
            c.nationalities[nationality] += 1

    for doc_id, ms in by_doc.items():
        text = texts.get(doc_id, "") or ""
        _resolve_people_in_doc(doc_id, ms, text, cluster, add, pending_short)
        _resolve_orgs_in_doc(ms, text, cluster, add)

    _merge_orgs(clusters)
    _merge_people(clusters, pending_short, cluster, add)

    result = list(clusters.values())
    for c in result:
        if c.kind == "org" and c.org_type is None:
            c.org_type = org_type_of(list(c.names)) or "other"
    links = [{"mention_id": mid, "entity_id": entity_id(c)} for c in result for mid in c.mention_ids]
    link_df = pl.DataFrame(links, schema={"mention_id": pl.String, "entity_id": pl.String})
    return link_df, result


def _resolve_people_in_doc(doc_id, ms, text, cluster, add, pending_short) -> None:
    people = [m for m in ms if m["label"] in PERSON_LABELS]
    full_names = sorted({normalize_name(m["text"]) for m in people if len(normalize_name(m["text"]).split()) > 1}, key=lambda k: -len(k.split()))
    for m in people:
        key = normalize_name(m["text"])
        if not key:
            continue
        titles, nationality = title_and_nationality(text, m["start_char"])
        if len(key.split()) == 1:
            longer = [f for f in full_names if f.split()[-1] == key]
            if len(longer) == 1:
                add(cluster("person", longer[0]), m, titles, nationality)
            else:
                # Unknown here, or ambiguous between two people of this surname: decided across documents.
                pending_short.append((doc_id, m, key, titles, nationality))
            continue
        add(cluster("person", key), m, titles, nationality)


def _resolve_orgs_in_doc(ms, text, cluster, add) -> None:
    acronyms = acronym_definitions(text)
    long_to_short = {normalize_name(v): k for k, v in acronyms.items()}
    for m in ms:
        if m["label"] not in ORG_LABELS:
            continue
        surface = m["text"].strip()
        key = normalize_name(surface)
        if not key:
            continue
        known = known_org(surface)
        acronym = None
        if known is not None:
            acronym = known.acronym
            key = normalize_name(known.acronym or known.name)
        elif surface in acronyms:
            acronym = surface
            key = normalize_name(surface)
        elif key in long_to_short:
            acronym = long_to_short[key]
            key = normalize_name(acronym)
        elif surface.replace(".", "").isupper() and 2 <= len(surface.replace(".", "")) <= 8 and " " not in surface:
            acronym = surface.replace(".", "")
        c = cluster("org", key)
        add(c, m)
        c.acronym = c.acronym or acronym
        if known is not None:
            c.canonical = known.name
            c.org_type = c.org_type or known.org_type
            if known.country_code:
                c.countries[known.country_code] += 5
        elif key == normalize_name(acronym or "") and surface in acronyms:
            c.names[acronyms[surface]] += 0  # the expansion is a name of the body even if written once
        code = country_near_org(text, m["start_char"], surface)
        if code and (known is None or known.org_type not in ("intergovernmental",)):
            c.countries[code] += 1


def _merge_orgs(clusters: dict[tuple[str, str], Cluster]) -> None:
    orgs = {key: c for (kind, key), c in clusters.items() if kind == "org"}
    # A name-only cluster joins the acronym cluster whose expansion it is (seen in another document).
    expansions: dict[str, Cluster] = {}
    for c in orgs.values():
        if c.acronym:
            for n in c.names:
                if normalize_name(n) != normalize_name(c.acronym):
                    expansions.setdefault(normalize_name(n), c)
    for key, c in list(orgs.items()):
        target = expansions.get(key)
        if target is not None and target is not c and not c.acronym:
            target.absorb(c)
            del clusters[("org", key)]
            del orgs[key]
    # "Wagner" joins "Wagner Group" when that is the only such name.
    for key, c in list(orgs.items()):
        # Same as scanning every org for "<key> <generic tail>", by direct lookup (linear, not quadratic).
        longer = [orgs[k] for k in (f"{key} {tail}" for tail in GENERIC_ORG_TAILS) if k in orgs]
        if len(longer) == 1:
            longer[0].absorb(c)
            del clusters[("org", key)]
            del orgs[key]


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return a != b and a[:1] == b[:1] and min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= VARIANT_SIMILARITY


def _evidence(c: Cluster, doc_ids: set[str], titles: Counter | list[str]) -> bool:
    """Shared title before the name, or a mention in the same document."""
    shared_titles = set(titles) & set(c.titles) - {"mr", "mrs", "ms", "dr", "former"}
    return bool(shared_titles) or bool(doc_ids & c.doc_ids)


def _merge_people(clusters, pending_short, cluster, add) -> None:
    people = lambda: [c for (k, key), c in clusters.items() if k == "person" and len(key.split()) > 1]  # noqa: E731
    # Full names with the same given name and a variant surname ("Abdourahamane Tchiani").
    # Candidates are looked up by their given names (all words but the last): same pairs, in the
    # same order, as scanning every person for every person, without the quadratic cost.
    by_given: dict[tuple, list[Cluster]] = defaultdict(list)
    for o in people():
        by_given[tuple(o.key.split()[:-1])].append(o)
    for c in sorted(people(), key=lambda c: (-len(c.mention_ids), c.key)):
        if ("person", c.key) not in clusters:
            continue
        for o in [o for o in by_given[tuple(c.key.split()[:-1])] if clusters.get(("person", o.key)) is o]:
            if o is c:
                continue
            if _similar(o.surname, c.surname) and _evidence(c, o.doc_ids, o.titles):
                c.absorb(o)
                del clusters[("person", o.key)]
    by_last: dict[str, list[Cluster]] = defaultdict(list)
    for c in people():
        by_last[c.surname].append(c)
    by_initial: dict[str, list[str]] = defaultdict(list)
    for last in by_last:
        by_initial[last[:1]].append(last)
    # Lone surnames are decided per written form, over all the documents that use it, so that every
    # "Tchiani" ends in the same entity whatever the order of documents.
    groups: dict[str, list[tuple]] = defaultdict(list)
    for item in pending_short:
        groups[item[2]].append(item)
    for key, items in sorted(groups.items()):
        candidates = by_last.get(key, [])
        if len(candidates) > 1:
            # Several people share the surname: the one named in the same document, else none.
            for doc_id, m, _key, titles, nationality in items:
                here = [c for c in candidates if doc_id in c.doc_ids]
                add(here[0] if len(here) == 1 else cluster("person", key), m, titles, nationality)
            continue
        if not candidates:
            doc_ids = {it[0] for it in items}
            titles = [t for it in items for t in it[3]]
            # _similar needs the same first letter: only those surnames are compared.
            candidates = [c for last in by_initial.get(key[:1], ()) if _similar(key, last) for c in by_last[last] if _evidence(c, doc_ids, titles)]
        target = candidates[0] if len(candidates) == 1 else cluster("person", key)
        for doc_id, m, _key, titles, nationality in items:
            add(target, m, titles, nationality)


def entity_id(c: Cluster) -> str:
    return stable_id("per" if c.kind == "person" else "org", c.key)


def _top(counter: Counter) -> str | None:
    return max(counter, key=lambda k: (counter[k], k)) if counter else None


def people_rows(clusters: list[Cluster]) -> list[dict]:
    return [
        {
            "person_id": entity_id(c),
            "name": c.name,
            "aliases": sorted(set(c.names) - {c.name}),
            "nationality": _top(c.nationalities),
            "mention_count": len(c.mention_ids),
            "document_count": len(c.doc_ids),
        }
        for c in sorted(clusters, key=entity_id)
        if c.kind == "person"
    ]


def organization_rows(clusters: list[Cluster]) -> list[dict]:
    return [
        {
            "org_id": entity_id(c),
            "name": c.name,
            "acronym": c.acronym,
            "aliases": sorted(set(c.names) - {c.name}),
            "org_type": c.org_type if c.org_type in ORG_TYPES else "other",
            "country_code": _top(c.countries),
            "mention_count": len(c.mention_ids),
            "document_count": len(c.doc_ids),
        }
        for c in sorted(clusters, key=entity_id)
        if c.kind == "org"
    ]
