"""Clean group: the `documents` table, with repaired text, no page furniture, and metadata."""


import dagster as dg
import polars as pl

from pipelines import schema
from pipelines.clean import clean_document, mark_duplicates
from pipelines.defs.checks import table_check_specs, validated
from pipelines.defs.metadata import schema_metadata, table_metadata, report
from pipelines.defs.resources import NewsfactsSettings
from pipelines.ingest import RawDocument


@dg.asset(
    group_name="clean",
    kinds={"polars", "parquet"},
    metadata=schema_metadata(schema.TABLES["documents"]),
    check_specs=table_check_specs("documents"),
)
@validated("documents")
def documents(context: dg.AssetExecutionContext, settings: NewsfactsSettings, raw_documents: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per article: clean body text, title, outlet, date, language, and `duplicate_of` for copies.

    Boilerplate removed here would otherwise become fake people, organizations and events downstream.
    """
    from pipelines.clean.cached import clean_rows

    # Same rows as clean_document on each raw document; those cleaned before by the same code come
    # from the cache under the state folder, new ones are cleaned in worker processes when many.
    rows = clean_rows(raw_documents, cache_dir=settings.to_settings().state_dir, n_process=settings.n_process,
                      progress=lambda msg: report(context, msg))
    df = schema.from_rows("documents", mark_duplicates(rows)).sort("source")
    dups = df.filter(pl.col("duplicate_of").is_not_null()).height
    report(context, f"clean: {df.height} documents ({dups} duplicates)")
    preview = df.with_columns(pl.col("text").str.slice(0, 120))
    return dg.Output(
        df,
        metadata=table_metadata(df, preview=dg.MetadataValue.md(_preview(preview)), duplicates=dups),
    )


def _preview(df: pl.DataFrame) -> str:
    from pipelines.defs.metadata import markdown_preview

    return markdown_preview(df.select("doc_id", "source", "title", "published_date", "language", "clean_chars", "duplicate_of", "text"))
