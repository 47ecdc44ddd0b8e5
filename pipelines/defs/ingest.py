"""Ingest group: every file under the input folder becomes a raw document or a rejected row."""


import dagster as dg
import polars as pl

from pipelines import schema
from pipelines.defs.checks import table_check_specs, validated
from pipelines.defs.metadata import schema_metadata, table_metadata, report
from pipelines.defs.resources import NewsfactsSettings
from pipelines.ingest import RawDocument, scan_input

RAW_SCHEMA = {
    "source": pl.String,
    "format": pl.String,
    "encoding": pl.String,
    "raw_text": pl.String,
    "raw_bytes": pl.Int64,
    "content_sha256": pl.String,
}


@dg.multi_asset(
    outs={
        "raw_documents": dg.AssetOut(
            group_name="ingest",
            kinds={"polars", "parquet"},
            description="Decoded text of every usable input file (plain text or HTML), one row per file.",
            metadata=schema_metadata(RAW_SCHEMA),
        ),
        "rejected": dg.AssetOut(
            group_name="ingest",
            kinds={"polars", "parquet"},
            description="Input files that could not be used (empty, binary, unreadable, outside the input root, ...), with the reason. Nothing is dropped silently.",
            metadata=schema_metadata(schema.TABLES["rejected"]),
        ),
    },
    check_specs=table_check_specs("rejected"),
)
@validated("rejected")
def ingest_files(context: dg.AssetExecutionContext, settings: NewsfactsSettings):
    """Scan the input folder recursively; one bad file never fails the run."""
    docs, rejections = [], []
    for item in scan_input(settings.input_dir, settings.max_file_bytes):
        if isinstance(item, RawDocument):
            docs.append(
                {
                    "source": item.source,
                    "format": item.format,
                    "encoding": item.encoding,
                    "raw_text": item.raw_text,
                    "raw_bytes": item.raw_bytes,
                    "content_sha256": item.content_sha256,
                }
            )
        else:
            rejections.append({"source": item.source, "reason": item.reason, "detail": item.detail})
    raw = pl.DataFrame(docs, schema=RAW_SCHEMA)
    rejected = schema.from_rows("rejected", rejections)
    report(context, f"ingest: {raw.height} documents, {rejected.height} rejected from {settings.input_dir}")
    yield dg.Output(raw, output_name="raw_documents", metadata=table_metadata(raw.drop("raw_text")))
    yield dg.Output(rejected, output_name="rejected", metadata=table_metadata(rejected))
