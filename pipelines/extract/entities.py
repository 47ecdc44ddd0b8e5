"""Resolve mentions to entities: one person_id / org_id per real person or organization.

Within a document a short form ("Bazoum") points to the longest name that ends with it ("Mohamed
Bazoum"), and an acronym to the name it abbreviates. Across documents, names are merged on their
normalised full form, and a lone short form joins the one full name it can belong to. Ids are hashes
of the canonical key, so adding documents never renumbers existing entities.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import polars as pl

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`]s\b", "", text)
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

    @property
    def name(self) -> str:
        # The longest full form, ties broken by frequency then alphabetically.
        return max(self.names, key=lambda n: (len(n.split()), self.names[n], len(n), n))


_ACRONYM_DEF = re.compile(r"(?P<long>(?:[A-Z][\w'’&-]*|of|the|for|and|de|du|des|la|le)(?:\s+(?:[A-Z][\w'’&-]*|of|the|for|and|de|du|des|la|le))+)\s*\((?P<short>[A-Z][A-Za-z.-]{1,12})\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """"Economic Community of West African States (ECOWAS)" -> {"ECOWAS": "Economic Community ..."}."""
    found: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long, short = m.group("long"), m.group("short")
        initials = "".join(w[0] for w in long.split() if w[0].isupper())
        letters = re.sub(r"[^A-Z]", "", short)
        # The long form may carry leading words ("The ruling ..."); trim to the initials' tail.
        words = long.split()
        while words and not initials.endswith(letters[: len(initials)]) and len(words) > 1:
            words = words[1:]
            initials = "".join(w[0] for w in words if w[0].isupper())
        if letters and (initials.startswith(letters[:2]) or letters.startswith(initials[:2])):
            found[short] = " ".join(words)
    return found


def resolve_entities(mentions: pl.DataFrame, documents: pl.DataFrame) -> tuple[pl.DataFrame, list[Cluster]]:
    """Return (mention_id -> entity_id links, clusters)."""
    texts = dict(zip(documents["doc_id"].to_list(), documents["text"].to_list()))
    rows = mentions.filter(pl.col("label").is_in(list(PERSON_LABELS | ORG_LABELS))).sort(["doc_id", "start_char"])
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows.iter_rows(named=True):
        by_doc[r["doc_id"]].append(r)

    clusters: dict[tuple[str, str], Cluster] = {}
    pending_short: list[tuple[str, dict, str]] = []  # (doc_id, mention, short key) unresolved in-doc

    def cluster(kind: str, key: str) -> Cluster:
        c = clusters.get((kind, key))
        if c is None:
            c = clusters[(kind, key)] = Cluster(kind=kind, key=key)
        return c

    for doc_id, ms in by_doc.items():
        acronyms = acronym_definitions(texts.get(doc_id, ""))
        long_to_short = {normalize_name(v): k for k, v in acronyms.items()}
        people = [m for m in ms if m["label"] in PERSON_LABELS]
        full_names = sorted({normalize_name(m["text"]) for m in people}, key=lambda k: -len(k.split()))
        for m in people:
            key = normalize_name(m["text"])
            if not key:
                continue
            target = key
            if len(key.split()) == 1:
                longer = [f for f in full_names if len(f.split()) > 1 and f.split()[-1] == key]
                if len(longer) == 1:
                    target = longer[0]
                elif not longer:
                    pending_short.append((doc_id, m, key))
                    continue
            c = cluster("person", target)
            c.names[m["text"]] += 1
            c.mention_ids.append(m["mention_id"])
            c.doc_ids.add(doc_id)
        for m in ms:
            if m["label"] not in ORG_LABELS:
                continue
            surface = m["text"].strip()
            key = normalize_name(surface)
            if not key:
                continue
            acronym = None
            if surface in acronyms:
                acronym, key = surface, normalize_name(acronyms[surface])
            elif key in long_to_short:
                acronym = long_to_short[key]
            elif surface.isupper() and len(surface) <= 8:
                acronym = surface
            c = cluster("org", key)
            c.names[surface] += 1
            c.acronym = c.acronym or acronym
            c.mention_ids.append(m["mention_id"])
            c.doc_ids.add(doc_id)

    # Acronym-only org clusters join the cluster whose acronym they are.
    by_acronym = {c.acronym: c for c in clusters.values() if c.kind == "org" and c.acronym and c.key != normalize_name(c.acronym)}
    for (kind, key), c in list(clusters.items()):
        if kind == "org" and c.acronym and key == normalize_name(c.acronym) and c.acronym in by_acronym:
            target = by_acronym[c.acronym]
            target.names.update(c.names)
            target.mention_ids.extend(c.mention_ids)
            target.doc_ids |= c.doc_ids
            del clusters[(kind, key)]

    # Short forms with no full name in their own document join the single full name they fit.
    by_last: dict[str, list[Cluster]] = defaultdict(list)
    for (kind, key), c in clusters.items():
        if kind == "person" and len(key.split()) > 1:
            by_last[key.split()[-1]].append(c)
    for doc_id, m, key in pending_short:
        candidates = by_last.get(key, [])
        c = candidates[0] if len(candidates) == 1 else cluster("person", key)
        c.names[m["text"]] += 1
        c.mention_ids.append(m["mention_id"])
        c.doc_ids.add(doc_id)

    result = list(clusters.values())
    links = [
        {"mention_id": mid, "entity_id": entity_id(c)} for c in result for mid in c.mention_ids
    ]
    link_df = pl.DataFrame(links, schema={"mention_id": pl.String, "entity_id": pl.String})
    return link_df, result


def entity_id(c: Cluster) -> str:
    return stable_id("per" if c.kind == "person" else "org", c.key)


def people_rows(clusters: list[Cluster]) -> list[dict]:
    return [
        {
            "person_id": entity_id(c),
            "name": c.name,
            "aliases": sorted(set(c.names) - {c.name}),
            "nationality": None,
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
            "org_type": "other",
            "country_code": None,
            "mention_count": len(c.mention_ids),
            "document_count": len(c.doc_ids),
        }
        for c in sorted(clusters, key=entity_id)
        if c.kind == "org"
    ]
