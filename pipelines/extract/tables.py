"""Corpus-level assembly of the extracted tables from per-document candidates.

Pure polars: links mentions to resolved entities, then gives roles and events their entity ids.
"""

from __future__ import annotations

import hashlib

import polars as pl

from pipelines import schema
from pipelines.extract.annotate import DocAnnotations
from pipelines.extract.entities import Cluster, organization_rows, people_rows, resolve_entities


def candidate_tables(annotations: list[DocAnnotations]) -> dict[str, pl.DataFrame]:
    return {
        "mentions": schema.from_rows("mentions", [m for a in annotations for m in a.mentions]),
        "roles": schema.candidates_from_rows("roles", [r for a in annotations for r in a.roles]),
        "events": schema.candidates_from_rows("events", [e for a in annotations for e in a.events]),
    }


def link_mentions(mentions: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    out = mentions.drop("entity_id").join(links, on="mention_id", how="left")
    return schema.conform("mentions", out).sort(["doc_id", "start_char"])


_RESOLVED: dict[tuple, tuple[pl.DataFrame, list[Cluster]]] = {}


def resolve(mentions: pl.DataFrame, documents: pl.DataFrame) -> tuple[pl.DataFrame, list[Cluster]]:
    """Entity resolution, computed once per input in a process: the `entity_links`, `people` and
    `organizations` assets all ask for it with the same frames."""
    key = (schema.frame_fingerprint(mentions), schema.frame_fingerprint(documents.select("doc_id", "text")))
    hit = _RESOLVED.get(key)
    if hit is None:
        _RESOLVED.clear()
        hit = _RESOLVED[key] = resolve_entities(mentions, documents)
    return hit


def people_table(clusters: list[Cluster]) -> pl.DataFrame:
    return schema.from_rows("people", people_rows(clusters))


def organizations_table(clusters: list[Cluster]) -> pl.DataFrame:
    return schema.from_rows("organizations", organization_rows(clusters))


def entity_at(mentions: pl.DataFrame, doc_id: str, start: int | None, end: int | None) -> str | None:
    """The resolved entity of the mention overlapping [start, end) in a document, if any."""
    if start is None or end is None:
        return None
    hit = mentions.filter(
        (pl.col("doc_id") == doc_id) & (pl.col("start_char") < end) & (pl.col("end_char") > start) & pl.col("entity_id").is_not_null()
    )
    return hit["entity_id"][0] if hit.height else None


def _span_join(cands: pl.DataFrame, mentions: pl.DataFrame, start: str, end: str, out: str) -> pl.DataFrame:
    """Attach the entity id of the mention overlapping each candidate's [start, end) span."""
    linked = mentions.filter(pl.col("entity_id").is_not_null()).select(
        "doc_id", pl.col("start_char").alias("_ms"), pl.col("end_char").alias("_me"), pl.col("entity_id").alias(out)
    )
    keyed = cands.with_row_index("_row")
    hits = (
        keyed.select("_row", "doc_id", start, end)
        .join(linked, on="doc_id", how="inner")
        .filter((pl.col("_ms") < pl.col(end)) & (pl.col("_me") > pl.col(start)))
        .sort(["_row", "_ms"])
        .group_by("_row", maintain_order=True)
        .agg(pl.col(out).first())
    )
    return keyed.drop(out).join(hits, on="_row", how="left").sort("_row").drop("_row")


def roles_table(
    candidates: pl.DataFrame, mentions: pl.DataFrame, organizations: pl.DataFrame, people: pl.DataFrame | None = None
) -> pl.DataFrame:
    if candidates.height == 0:
        return schema.empty("roles")
    # Only people: a name the tagger also read as an organization elsewhere must not give an org id.
    people_mentions = mentions.filter(pl.col("label") == "PERSON")
    df = _span_join(candidates, people_mentions, "person_start", "person_end", "person_id")
    if people is not None and people.height:
        df = _link_person_by_name(df, people)
    if "org_text" in df.columns and organizations.height:
        df = _link_org_by_name(df, organizations)
    df = df.with_columns(
        pl.concat_str(["doc_id", "person_start", "title", "start_char"], separator="|", ignore_nulls=True)
        .map_elements(lambda k: "role_" + hashlib.sha1(k.encode()).hexdigest()[:16], return_dtype=pl.String)
        .alias("role_id")
    )
    return schema.conform("roles", df).unique("role_id", keep="first", maintain_order=True)


def _link_person_by_name(df: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """A role whose name the tagger did not mark as a person there ("Bazoum" read as ORG) still gets the
    person_id of the one person written that way elsewhere."""
    from pipelines.extract.entities import normalize_name
    from pipelines.extract.titles import HONORIFICS

    def key(name: str) -> str:
        words = normalize_name(name).split()
        while words and words[0] in HONORIFICS:
            words = words[1:]
        return " ".join(words)

    ids: dict[str, set[str]] = {}
    for r in people.iter_rows(named=True):
        for n in [r["name"], *(r["aliases"] or [])]:
            if n and key(n):
                ids.setdefault(key(n), set()).add(r["person_id"])
    unique = {k: next(iter(v)) for k, v in ids.items() if len(v) == 1}
    return df.with_columns(
        pl.when(pl.col("person_id").is_null())
        .then(pl.col("person_text").map_elements(lambda t: unique.get(key(t)) if t else None, return_dtype=pl.String))
        .otherwise(pl.col("person_id"))
        .alias("person_id")
    )


def _link_org_by_name(df: pl.DataFrame, organizations: pl.DataFrame) -> pl.DataFrame:
    from pipelines.extract.entities import normalize_name

    names: dict[str, str] = {}
    for r in organizations.iter_rows(named=True):
        for n in [r["name"], *(r["aliases"] or []), r["acronym"]]:
            if n:
                key = normalize_name(n)
                for k in (key, key.removeprefix("the ")):
                    names.setdefault(k, r["org_id"])
    def find(text: str | None) -> str | None:
        if not text:
            return None
        key = normalize_name(text)
        # "Labour Party" also matches an organization written "Labour"
        for k in (key, key.removeprefix("the "), key.removesuffix(" party")):
            if k in names:
                return names[k]
        return None

    return df.with_columns(
        pl.when(pl.col("org_id").is_null())
        .then(pl.col("org_text").map_elements(find, return_dtype=pl.String))
        .otherwise(pl.col("org_id"))
        .alias("org_id")
    )


def events_table(candidates: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    if candidates.height == 0:
        return schema.empty("events")
    df = _span_join(candidates, mentions, "actor_start", "actor_end", "actor_entity_id")
    df = _span_join(df, mentions, "recipient_start", "recipient_end", "recipient_entity_id")
    df = df.with_columns(
        pl.concat_str(["doc_id", "event_type", "trigger", "start_char", "end_char", "actor_text", "recipient_text"], separator="|", ignore_nulls=True)
        .map_elements(lambda k: "evt_" + hashlib.sha1(k.encode()).hexdigest()[:16], return_dtype=pl.String)
        .alias("event_id")
    )
    df = df.unique("event_id", keep="first", maintain_order=True)
    from pipelines.extract.events import cluster_events

    return schema.conform("events", cluster_events(df))
