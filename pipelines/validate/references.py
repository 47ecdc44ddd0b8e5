"""What cross-table expectations read: suite parameters and derived columns, computed with polars.

Suite parameters (`{"$PARAMETER": name}` in an expectation's kwargs):
- `<table>__<column>`: the column's distinct non-null values (e.g. `documents__doc_id`)
- `<table>__rows`: the table's row count
- `entity_ids`: every `people.person_id` and `organizations.org_id`
- `run_date`: the validation date (UTC, ISO); `max_event_date`: run date + 366 days

Derived columns (added to a copy of the table for the expectations that name them):
- `_doc_chars`: length of the row's document text (`documents.text`, by `doc_id`), null if no document
- `_doc_span`: `documents.text[start_char:end_char]` of the row's document
- `_evidence_in_text`: the evidence sentence and the text at the row's offsets overlap (one
  contains the other), i.e. the offsets point at the evidence
- `_text_chars` (documents): length of `text`
- `_mentions_linked` (people, organizations): mentions rows whose `entity_id` is this row's id
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

SEP = "__"  # GX parameter names must be identifiers: `documents__doc_id`
ENTITY_TABLES = {"people": "person_id", "organizations": "org_id"}

_DERIVED_NEEDS = {
    "_doc_chars": {"documents"},
    "_doc_span": {"documents"},
    "_evidence_in_text": {"documents"},
    "_text_chars": set(),
    "_mentions_linked": {"mentions"},
}


class ReferenceError(KeyError):
    """An expectation names a parameter or derived column that cannot be computed."""

    def __str__(self) -> str:
        return str(self.args[0])


def tables_for_parameter(name: str) -> set[str]:
    if name in ("run_date", "max_event_date"):
        return set()
    if name == "entity_ids":
        return set(ENTITY_TABLES)
    if SEP in name:
        return {name.split(SEP, 1)[0]}
    return set()


def tables_for_derived(table: str, column: str) -> set[str]:
    return set(_DERIVED_NEEDS.get(column, set()))


def parameter_value(name: str, tables: dict[str, pl.DataFrame], run_date: date):
    if name == "run_date":
        return run_date.isoformat()
    if name == "max_event_date":
        return (run_date + timedelta(days=366)).isoformat()
    if name == "entity_ids":
        ids: list[str] = []
        for t, col in ENTITY_TABLES.items():
            ids += _distinct(_table(tables, t), col)
        return sorted(set(ids))
    if SEP in name:
        table, col = name.split(SEP, 1)
        df = _table(tables, table)
        if col == "rows":
            return df.height
        return _distinct(df, col)
    raise ReferenceError(f"unknown suite parameter {name!r}")


def _table(tables: dict[str, pl.DataFrame], name: str) -> pl.DataFrame:
    if name not in tables:
        raise ReferenceError(f"table {name!r} is not part of this release")
    return tables[name]


def _distinct(df: pl.DataFrame, col: str) -> list:
    if col not in df.columns:
        raise ReferenceError(f"column {col!r} does not exist")
    return df.get_column(col).drop_nulls().unique().sort().to_list()


def with_derived(table: str, df: pl.DataFrame, columns: list[str], tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """`df` plus the requested derived columns (row order and count unchanged)."""
    wanted = [c for c in dict.fromkeys(columns) if c not in df.columns]
    if not wanted:
        return df
    unknown = [c for c in wanted if c not in _DERIVED_NEEDS]
    if unknown:
        raise ReferenceError(f"unknown derived column(s) {unknown}")
    out = df
    if {"_doc_chars", "_doc_span", "_evidence_in_text"} & set(wanted):
        docs = _table(tables, "documents").select("doc_id", pl.col("text").alias("__doc_text")).unique("doc_id", keep="first")
        out = out.join(docs, on="doc_id", how="left", maintain_order="left")
        start, length = pl.col("start_char"), pl.col("end_char") - pl.col("start_char")
        span = pl.when(length >= 0).then(pl.col("__doc_text").str.slice(start, length))
        out = out.with_columns(
            pl.col("__doc_text").str.len_chars().cast(pl.Int64).alias("_doc_chars"),
            span.alias("_doc_span"),
        )
        if "_evidence_in_text" in wanted:
            s, e = pl.col("sentence_text"), pl.col("_doc_span")
            out = out.with_columns(
                (s.is_not_null() & e.is_not_null() & (s.str.contains(e, literal=True) | e.str.contains(s, literal=True)))
                .fill_null(False)
                .alias("_evidence_in_text")
            )
        out = out.drop("__doc_text")
    if "_text_chars" in wanted:
        out = out.with_columns(pl.col("text").str.len_chars().cast(pl.Int64).alias("_text_chars"))
    if "_mentions_linked" in wanted:
        key = ENTITY_TABLES.get(table)
        if key is None:
            raise ReferenceError(f"_mentions_linked is defined for {sorted(ENTITY_TABLES)}, not {table!r}")
        counts = (
            _table(tables, "mentions")
            .filter(pl.col("entity_id").is_not_null())
            .group_by("entity_id")
            .agg(pl.len().cast(pl.Int64).alias("_mentions_linked"))
        )
        out = out.join(counts, left_on=key, right_on="entity_id", how="left", maintain_order="left").with_columns(
            pl.col("_mentions_linked").fill_null(0)
        )
    return out.select([*df.columns, *[c for c in wanted]])
