"""Publish group: the versioned release, written atomically under the output root."""


import dagster as dg
import polars as pl

from pipelines.defs.metadata import report
from pipelines.defs.resources import NewsfactsSettings
from pipelines.publish import publish_release
from pipelines.publish.diff import release_diff


def release_extra(quality_report: dict, tables: dict[str, pl.DataFrame], output_dir: str) -> dict:
    """datapackage.json additions: the quality summary, the diff against the latest release, and the
    report files (`quality/index.html`, `quality/results.json`)."""
    from pipelines.validate.report import package_summary, report_files
    from pipelines.validate.runner import QualityReport

    quality = QualityReport.from_dict(quality_report)
    return {
        "quality": package_summary(quality),
        "changes": release_diff(tables, output_dir),
        "_files": report_files(quality),
    }


@dg.asset(
    group_name="publish",
    kinds={"parquet", "json"},
    ins={name: dg.AssetIn(name) for name in ("documents", "rejected", "mentions", "people", "organizations", "roles", "role_timeline", "events", "quality_report")},
    pool="newsfacts_publish",  # one publisher per output at a time, also on object storage (dagster.yaml)
)
def release(
    context: dg.AssetExecutionContext,
    settings: NewsfactsSettings,
    documents: pl.DataFrame,
    rejected: pl.DataFrame,
    mentions: pl.DataFrame,
    people: pl.DataFrame,
    organizations: pl.DataFrame,
    roles: pl.DataFrame,
    role_timeline: pl.DataFrame,
    events: pl.DataFrame,
    quality_report: dict,
) -> dg.MaterializeResult:
    """An immutable release folder plus `latest.json`; identical content publishes nothing new."""
    tables = {
        "documents": documents,
        "rejected": rejected,
        "mentions": mentions,
        "people": people,
        "organizations": organizations,
        "roles": roles,
        "role_timeline": role_timeline,
        "events": events,
    }
    result = publish_release(tables, settings.output_dir, extra=release_extra(quality_report, tables, settings.output_dir))
    verb = "published" if result.created else "unchanged, still"
    report(context, f"publish: {verb} release {result.version} at {result.path}")
    rows = "\n".join(f"| `{n}` | {df.height} |" for n, df in tables.items())
    return dg.MaterializeResult(
        metadata={
            "version": result.version,
            "path": dg.MetadataValue.path(str(result.path)),
            "new_release": result.created,
            "fingerprint": result.fingerprint,
            "tables": dg.MetadataValue.md("| table | rows |\n|---|---:|\n" + rows),
        }
    )
