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
        lines += ["", "## Data quality", ""] + _quality_lines(package["quality"])
    if package.get("changes"):
        from pipelines.publish.diff import changes_markdown

        lines += ["", "## Changes since the previous release", ""] + changes_markdown(package["changes"], _esc)
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


def _quality_lines(quality: dict) -> list[str]:
    q = quality.get("summary", {})
    report = quality.get("report", "quality/index.html")
    lines = [
        f"Every table was validated with Great Expectations suites before this release was written: "
        f"{q.get('passed', '?')} of {q.get('evaluated', '?')} expectations passed "
        f"({q.get('warning_failed', 0)} warning failures; critical failures block a release). "
        f"Full report: [{_esc(report)}]({_esc(report)}).",
        "",
    ]
    tables = quality.get("tables") or {}
    if tables:
        lines += ["| table | evaluated | passed | critical failed | warning failed |", "|---|---:|---:|---:|---:|"]
        for name, t in tables.items():
            crit, warn = t.get("critical", {}), t.get("warning", {})
            lines.append(
                f"| `{_esc(name)}` | {t.get('evaluated', 0)} | {t.get('passed', 0)} | {crit.get('failed', 0)} | {warn.get('failed', 0)} |"
            )
    for f in quality.get("failures") or []:
        lines.append(f"- {_esc(f['severity'])} `{_esc(f['table'])}.{_esc(f['expectation'])}`: {_esc(f.get('description') or '')} {_esc(f.get('detail') or '')}".rstrip())
    return lines
