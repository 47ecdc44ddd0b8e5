"""The role timeline: one row per (person, title) across all documents, so that "President Bazoum"
in July 2023 and "ousted President Bazoum" later read as one story.

Pure polars over the published `roles` and `people` tables.
"""

from __future__ import annotations

import hashlib

import polars as pl

from pipelines import schema

# Of two statuses on the same date, the one that reports a change wins as the latest.
_STATUS_RANK = {"current": 0, "unknown": 0, "elected": 1, "designate": 1, "acting": 2, "interim": 2, "former": 3, "ousted": 4}


def role_timeline(roles: pl.DataFrame, people: pl.DataFrame) -> pl.DataFrame:
    """timeline_id, person_id (or, for an unresolved name, null and its text), title, body, first/last date seen,
    statuses in the order they were first seen, the latest status, and how often the role is stated."""
    if roles.height == 0:
        return schema.empty("role_timeline")
    names = people.select("person_id", pl.col("name").alias("_name")) if people.height else pl.DataFrame(
        schema={"person_id": pl.String, "_name": pl.String}
    )
    if "body_source" not in roles.columns:
        roles = roles.with_columns(pl.lit(None, dtype=pl.String).alias("body_source"))
    df = (
        _fold_general_titles(roles).with_columns(
            # one key per person: the resolved id, else the name as written
            pl.coalesce(pl.col("person_id"), pl.lit("text:") + pl.col("person_text").str.to_lowercase()).alias("_person"),
            pl.col("status").replace_strict(_STATUS_RANK, default=0, return_dtype=pl.Int64).alias("_rank"),
        )
        .join(names, on="person_id", how="left")
        .sort(["as_of_date", "_rank", "doc_id", "start_char"], nulls_last=True)
    )
    out = df.group_by(["_person", "title"], maintain_order=True).agg(
        pl.col("person_id").first(),
        pl.coalesce(pl.col("_name").first(), pl.col("person_text").mode().sort().first()).alias("person_name"),
        pl.col("org_id").drop_nulls().mode().sort().first().alias("org_id"),
        # a country the text gives wins over one inferred from the article (body_source 'document')
        pl.coalesce(
            pl.col("country_code").filter(pl.col("body_source").fill_null("") != "document").drop_nulls().mode().sort().first(),
            pl.col("country_code").drop_nulls().mode().sort().first(),
        ).alias("country_code"),
        pl.col("as_of_date").min().alias("first_seen"),
        pl.col("as_of_date").max().alias("last_seen"),
        pl.col("status").unique(maintain_order=True).alias("statuses"),
        # the status of the latest dated statement; with no dates, the strongest change seen
        pl.coalesce(
            pl.col("status").filter(pl.col("as_of_date").is_not_null()).last(),
            pl.col("status").sort_by("_rank").last(),
        ).alias("latest_status"),
        pl.len().cast(pl.Int64).alias("mention_count"),
        pl.col("doc_id").n_unique().cast(pl.Int64).alias("document_count"),
        pl.col("role_id").sort().alias("role_ids"),
    )
    out = out.with_columns(
        (pl.col("_person") + "|" + pl.col("title"))
        .map_elements(lambda k: "tl_" + hashlib.sha1(k.encode()).hexdigest()[:16], return_dtype=pl.String)
        .alias("timeline_id")
    )
    return schema.conform("role_timeline", out).sort(["person_name", "title", "first_seen"], nulls_last=True)


def _fold_general_titles(roles: pl.DataFrame) -> pl.DataFrame:
    """A bare title joins the one more specific title of the same person that it is the head of:
    "Secretary Blinken" and "US Secretary of State Antony Blinken" are one role, "secretary of state"."""
    key = pl.coalesce(pl.col("person_id"), pl.lit("text:") + pl.col("person_text").str.to_lowercase())
    pairs = roles.select(key.alias("_k"), "title").unique()
    titles_of: dict[str, set[str]] = {}
    for k, t in pairs.iter_rows():
        titles_of.setdefault(k, set()).add(t)
    mapping: dict[tuple[str, str], str] = {}
    for k, ts in titles_of.items():
        for t in ts:
            if " " in t:
                continue
            specific = [o for o in ts if o != t and (o.startswith(t + " of ") or o.endswith(" " + t))]
            if len(specific) == 1:
                mapping[(k, t)] = specific[0]
    if not mapping:
        return roles
    keys = roles.select(key.alias("_k"))["_k"].to_list()
    folded = [mapping.get((k, t), t) for k, t in zip(keys, roles["title"].to_list())]
    return roles.with_columns(pl.Series("title", folded, dtype=pl.String))
