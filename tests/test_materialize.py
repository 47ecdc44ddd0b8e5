"""The whole asset graph, materialized with dagster.materialize on the fixture corpus."""

import json
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from pipelines import schema
from pipelines.definitions import build_definitions

pytestmark = pytest.mark.slow


def _materialize(defs: dg.Definitions) -> dg.ExecuteInProcessResult:
    graph = defs.resolve_asset_graph()
    assets = [a for a in defs.assets]
    return dg.materialize(assets, resources=defs.resources, raise_on_error=False)


def test_full_graph_materializes_on_fixtures(settings_env):
    defs = build_definitions()
    result = _materialize(defs)
    assert result.success
    out = Path(settings_env.output_dir)
    latest = json.loads((out / "latest.json").read_text())
    folder = out / latest["path"]
    for table in schema.RELEASE_TABLES:
        df = pl.read_parquet(folder / f"{table}.parquet")
        assert df.columns == list(schema.TABLES[table]), table

    docs = pl.read_parquet(folder / "documents.parquet")
    rejected = pl.read_parquet(folder / "rejected.parquet")
    # Every input file is accounted for: a document or a rejection.
    files = {p.relative_to(settings_env.input_dir).as_posix() for p in Path(settings_env.input_dir).rglob("*") if p.is_file()}
    assert set(docs["source"]) | set(rejected["source"]) == files
    assert rejected.filter(pl.col("source") == "empty.txt")["reason"].to_list() == ["empty"]
    copy = docs.filter(pl.col("source") == "nested/harbour_strike_copy.txt")
    assert copy["duplicate_of"].to_list() == docs.filter(pl.col("source") == "harbour_strike.txt")["doc_id"].to_list()

    mentions = pl.read_parquet(folder / "mentions.parquet")
    # Offsets point into documents.text.
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for m in mentions.iter_rows(named=True):
        assert texts[m["doc_id"]][m["start_char"] : m["end_char"]] == m["text"]
    # Duplicates and non-English documents are not extracted.
    extracted = set(mentions["doc_id"])
    assert not extracted & set(docs.filter(pl.col("duplicate_of").is_not_null() | (pl.col("language") != "en"))["doc_id"])

    # Metadata on a table asset: row count, schema, preview.
    mat = result.asset_materializations_for_node("documents")[0]
    assert mat.metadata["dagster/row_count"].value == docs.height
    assert "dagster/column_schema" in mat.metadata and "preview" in mat.metadata


def test_second_materialization_publishes_nothing_new(settings_env):
    defs = build_definitions()
    assert _materialize(defs).success
    assert _materialize(defs).success
    assert len(list((Path(settings_env.output_dir) / "releases").iterdir())) == 1
