"""The data contract: every published table and its column types.

Consumers rely on these names and types. Extend, never rename. `empty(table)` gives a typed empty
frame so a table with no rows still carries its full schema into the release.
"""

from __future__ import annotations

import hashlib

import polars as pl

Str = pl.String
Int = pl.Int64

TABLES: dict[str, dict[str, pl.DataType]] = {
    "documents": {
        "doc_id": Str,
        "source": Str,
        "title": Str,
        "author": Str,
        "outlet": Str,
        "url": Str,
        "published_date": pl.Date,
        "dateline_place": Str,
        "dateline_month_day": Str,
        "language": Str,
        "format": Str,
        "encoding": Str,
        "text": Str,
        "raw_chars": Int,
        "clean_chars": Int,
        "content_sha256": Str,
        "duplicate_of": Str,
    },
    "rejected": {
        "source": Str,
        "reason": Str,
        "detail": Str,
    },
    "mentions": {
        "mention_id": Str,
        "doc_id": Str,
        "sentence_index": Int,
        "start_char": Int,
        "end_char": Int,
        "text": Str,
        "label": Str,
        "entity_id": Str,
    },
    "people": {
        "person_id": Str,
        "name": Str,
        "aliases": pl.List(Str),
        "nationality": Str,
        "mention_count": Int,
        "document_count": Int,
    },
    "organizations": {
        "org_id": Str,
        "name": Str,
        "acronym": Str,
        "aliases": pl.List(Str),
        "org_type": Str,
        "country_code": Str,
        "mention_count": Int,
        "document_count": Int,
    },
    "roles": {
        "role_id": Str,
        "person_id": Str,
        "person_text": Str,
        "title": Str,
        "title_text": Str,
        "org_id": Str,
        "country_code": Str,
        "body_source": Str,
        "status": Str,
        "doc_id": Str,
        "sentence_text": Str,
        "start_char": Int,
        "end_char": Int,
        "as_of_date": pl.Date,
        "confidence": pl.Float64,
    },
    "role_timeline": {
        "timeline_id": Str,
        "person_id": Str,
        "person_name": Str,
        "title": Str,
        "org_id": Str,
        "country_code": Str,
        "first_seen": pl.Date,
        "last_seen": pl.Date,
        "statuses": pl.List(Str),
        "latest_status": Str,
        "mention_count": Int,
        "document_count": Int,
        "role_ids": pl.List(Str),
    },
    "events": {
        "event_id": Str,
        "doc_id": Str,
        "event_type": Str,
        "event_mode": Str,
        "trigger": Str,
        "actor_text": Str,
        "actor_entity_id": Str,
        "recipient_text": Str,
        "recipient_entity_id": Str,
        "event_date": pl.Date,
        "date_text": Str,
        "date_precision": Str,
        "location_text": Str,
        "country_code": Str,
        "negated": pl.Boolean,
        "modality": Str,
        "sentence_text": Str,
        "start_char": Int,
        "end_char": Int,
        "confidence": pl.Float64,
        "event_cluster_id": Str,
        "source_count": Int,
    },
}

# Per-document extractor output ("candidates") = the contract's columns plus these working columns,
# which link a candidate to its mentions before ids are assigned. They are not published.
CANDIDATE_EXTRAS: dict[str, dict[str, pl.DataType]] = {
    "roles": {"person_start": Int, "person_end": Int, "org_text": Str},
    "events": {"actor_start": Int, "actor_end": Int, "recipient_start": Int, "recipient_end": Int},
}


def candidate_schema(table: str) -> dict[str, pl.DataType]:
    return {**TABLES[table], **CANDIDATE_EXTRAS.get(table, {})}


def candidates_from_rows(table: str, rows: list[dict]) -> pl.DataFrame:
    full = candidate_schema(table)
    if not rows:
        return pl.DataFrame(schema=full)
    df = pl.DataFrame(rows, schema_overrides={k: v for k, v in full.items() if k in rows[0]}, infer_schema_length=None)
    return df.select([pl.col(c).cast(t) if c in df.columns else pl.lit(None, dtype=t).alias(c) for c, t in full.items()])


# Tables that make up a release, in publishing order.
RELEASE_TABLES = ["documents", "rejected", "mentions", "people", "organizations", "roles", "role_timeline", "events"]

DESCRIPTIONS: dict[str, str] = {
    "documents": "One row per ingested article: clean body text and metadata.",
    "rejected": "Input files that could not be used, each with the reason.",
    "mentions": "Named-entity mentions with character offsets into documents.text.",
    "people": "One row per resolved person, with every alias seen.",
    "organizations": "One row per resolved organization, with acronym, type and country.",
    "roles": "Who holds which title, for which body, with status, date and evidence.",
    "role_timeline": "One row per person and title across documents: first and last date seen, statuses seen.",
    "events": "PLOVER-typed events with actor, recipient, date, place and evidence.",
}


def schema(table: str) -> pl.Schema:
    return pl.Schema(TABLES[table])


def empty(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=schema(table))


def conform(table: str, df: pl.DataFrame) -> pl.DataFrame:
    """Select the contract's columns in order, cast to their types, add missing ones as nulls."""
    cols = []
    for name, dtype in TABLES[table].items():
        if name in df.columns:
            cols.append(pl.col(name).cast(dtype))
        else:
            cols.append(pl.lit(None, dtype=dtype).alias(name))
    return df.select(cols)


def from_rows(table: str, rows: list[dict]) -> pl.DataFrame:
    if not rows:
        return empty(table)
    return conform(table, pl.DataFrame(rows, schema_overrides=_overrides(table, rows), infer_schema_length=None))


def _overrides(table: str, rows: list[dict]) -> dict[str, pl.DataType]:
    keys = set().union(*(r.keys() for r in rows))
    return {k: v for k, v in TABLES[table].items() if k in keys}


def frame_fingerprint(df: pl.DataFrame) -> str:
    """A digest of a frame's schema and every value (row hashes, in order): the key of the in-process
    memos that let several assets share one computation (entity resolution, single-table checks)."""
    h = hashlib.sha256(repr(list(df.schema.items())).encode())
    h.update(str(df.height).encode())
    if df.height and df.width:
        h.update(df.hash_rows(seed=0).to_numpy().tobytes())
    return h.hexdigest()
