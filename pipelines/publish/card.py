"""The dataset card (README.md) shipped inside every release."""

from __future__ import annotations

import html

import polars as pl

from pipelines import schema


def _esc(value) -> str:
    return html.escape(str(value), quote=False).replace("|", "\\|")


def dataset_card(package: dict, tables: dict[str, pl.DataFrame]) -> str:
    version = package["version"]
    lines = [
        f"# newsfacts release {version}",
        "",
        "People, roles, organizations and PLOVER-typed events extracted from news articles. Every row of",
        "`mentions`, `roles` and `events` points at its document (`doc_id`) and at the characters of",
        "`documents.text` that support it (`start_char`, `end_char`).",
        "",
        f"- created: {package['created']}",
        f"- generator: {package['generator']}",
        f"- content fingerprint: `{package['fingerprint']}`",
        "",
        "## Tables",
        "",
        "| table | rows | description |",
        "|---|---:|---|",
    ]
    for name, df in tables.items():
        lines.append(f"| `{name}` | {df.height} | {_esc(schema.DESCRIPTIONS.get(name, ''))} |")
    if package.get("quality"):
        q = package["quality"].get("summary", {})
        lines += ["", "## Data quality", "", f"Validation report: [quality/index.html](quality/index.html).", ""]
        for k, v in q.items():
            lines.append(f"- {_esc(k)}: {_esc(v)}")
    if package.get("changes"):
        lines += ["", "## Changes since the previous release", ""]
        for k, v in package["changes"].items():
            lines.append(f"- {_esc(k)}: {_esc(v)}")
    lines += [
        "",
        "## How it was made",
        "",
        "Raw files were decoded (encoding detected), cleaned of page furniture and mojibake, parsed once",
        "with spaCy, and the tables were extracted, resolved across documents and validated with",
        "Great Expectations suites before this folder was written. Integrity: each file's sha256 is in",
        "`datapackage.json` (`resources[].hash`).",
        "",
        "## How to read it",
        "",
        "```python",
        "import polars as pl",
        f'people = pl.read_parquet("releases/{version}/people.parquet")',
        "```",
        "",
        "```sql",
        "-- DuckDB",
        f"SELECT event_type, count(*) FROM 'releases/{version}/events.parquet' GROUP BY 1 ORDER BY 2 DESC;",
        "```",
        "",
        "```python",
        "from pipelines.releases import load   # the newsfacts package",
        'events = load("events", "datasets/published", version="latest").collect()',
        "```",
        "",
        "## Columns",
        "",
    ]
    for name, df in tables.items():
        lines.append(f"### `{name}`")
        lines.append("")
        lines.append(", ".join(f"`{c}` ({t})" for c, t in df.schema.items()))
        lines.append("")
    return "\n".join(lines)
