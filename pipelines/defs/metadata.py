"""Metadata every table asset reports: row count, column schema and an escaped markdown preview."""


import html
import logging
import re

import dagster as dg
import polars as pl

PREVIEW_ROWS = 10
CELL_CHARS = 80


def column_schema(df: pl.DataFrame) -> dg.TableSchema:
    return dg.TableSchema(columns=[dg.TableColumn(name=n, type=str(t)) for n, t in df.schema.items()])


_MD_SPECIAL = re.compile(r"[\\`*_\[\]~|]")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    if len(text) > CELL_CHARS:
        text = text[: CELL_CHARS - 1] + "…"
    # Document text is untrusted: escape markdown inline syntax (links, images, emphasis, code, table
    # pipes) with backslashes, then HTML, so a cell always renders as the literal text.
    return html.escape(_MD_SPECIAL.sub(r"\\\g<0>", text), quote=False)


def markdown_preview(df: pl.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    if df.width == 0:
        return "_no columns_"
    head = df.head(rows)
    lines = ["| " + " | ".join(_cell(c) for c in head.columns) + " |", "|" + "---|" * head.width]
    for row in head.iter_rows():
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    if df.height == 0:
        lines.append("| " + " | ".join("" for _ in head.columns) + " |")
        lines.append(f"\n_no rows_")
    elif df.height > rows:
        lines.append(f"\n_{rows} of {df.height} rows_")
    return "\n".join(lines)


def table_metadata(df: pl.DataFrame, **extra) -> dict:
    meta = {
        "dagster/row_count": dg.MetadataValue.int(df.height),
        "dagster/column_schema": column_schema(df),
        "preview": dg.MetadataValue.md(markdown_preview(df)),
    }
    meta.update(extra)
    return meta


def schema_metadata(columns: dict[str, pl.DataType]) -> dict:
    """Static (definition-time) column schema, so the UI shows it before the first run."""
    return {
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(name=n, type=str(t)) for n, t in columns.items()]
        )
    }


_progress = logging.getLogger("newsfacts")


def report(context, message: str) -> None:
    """Log to the Dagster event log (UI) and to the `newsfacts` logger (CLI progress)."""
    context.log.info(message)
    _progress.info(message)
