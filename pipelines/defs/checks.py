"""Validate group: the GX suites in `expectations/` as Dagster asset checks, and the quality report.

- Every table asset declares one asset check per expectation of its suite that needs only that table
  (`check_specs=table_check_specs("mentions")`, results yielded by the `@validated("mentions")` wrapper
  right after the table is computed). Critical expectations are blocking: a failure stops the run
  before anything downstream, so no release is written.
- `quality_report` (group `validate`) runs every suite on the finished tables, including the
  cross-table expectations (references between tables, offsets into `documents.text`), which are
  its own asset checks; `release` depends on it and ships the report.

Great Expectations is imported only when a check runs, never when the definitions load.
"""


import functools
import inspect
from typing import Iterator

import dagster as dg
import polars as pl

from pipelines import schema
from pipelines.defs.metadata import _cell, report
from pipelines.settings import Settings
from pipelines.validate.suites import Expectation, Suite, load_suites

VALIDATED_TABLES = schema.RELEASE_TABLES


@functools.lru_cache(maxsize=8)
def _suites_in(folder: str) -> dict[str, Suite]:
    return load_suites(folder)


def suites() -> dict[str, Suite]:
    """The suites of this code location (`NEWSFACTS_EXPECTATIONS`, default `expectations/`), read once."""
    return _suites_in(Settings.from_env().expectations_dir)


def _spec(e: Expectation, asset: str, name: str | None = None, deps: set[str] | None = None) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name=name or e.name,
        asset=asset,
        description=f"[{e.severity}] {e.description or e.signature()}",
        blocking=e.severity == "critical",
        additional_deps=sorted(deps or ()),
        metadata={"severity": e.severity, "expectation": e.signature()},
    )


def table_check_specs(table: str) -> list[dg.AssetCheckSpec]:
    """One asset check per single-table expectation of the table's suite (critical ones blocking)."""
    suite = suites().get(table)
    return [_spec(e, table) for e in suite.local()] if suite else []


def _cross_name(e: Expectation) -> str:
    return f"{e.table}__{e.name}"


def cross_table_check_specs() -> list[dg.AssetCheckSpec]:
    return [
        _spec(e, "quality_report", _cross_name(e), e.requires() | {e.table})
        for table in VALIDATED_TABLES
        if table in suites()
        for e in suites()[table].cross_table()
    ]


def check_result(r, asset: str, name: str | None = None) -> dg.AssetCheckResult:
    """A GX expectation result as a Dagster asset check result, unexpected values in the metadata."""
    meta = {
        "expectation": r.expectation,
        "severity": r.severity,
        "table": r.table,
    }
    if r.element_count is not None:
        meta["element_count"] = dg.MetadataValue.int(int(r.element_count))
    if r.unexpected_count is not None:
        meta["unexpected_count"] = dg.MetadataValue.int(int(r.unexpected_count))
        meta["unexpected_percent"] = dg.MetadataValue.float(float(r.unexpected_percent or 0.0))
    if r.unexpected_values:
        rows = "\n".join(f"| {_md(v['value'])} | {v['count']} |" for v in r.unexpected_values)
        meta["unexpected_values"] = dg.MetadataValue.md("| value | rows |\n|---|---:|\n" + rows)
    if r.observed_value is not None:
        meta["observed_value"] = r.observed_value
    if r.error:
        meta["error"] = r.error
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=name or r.name,
        passed=bool(r.success),
        severity=dg.AssetCheckSeverity.ERROR if r.severity == "critical" else dg.AssetCheckSeverity.WARN,
        description=r.message() if not r.success else (r.description or r.expectation),
        metadata=meta,
    )


def _md(value: str) -> str:
    return _cell(value) or "&nbsp;"


def table_check_results(table: str, df: pl.DataFrame) -> Iterator[dg.AssetCheckResult]:
    suite = suites().get(table)
    if suite is None or not suite.local():
        return
    from pipelines.validate.runner import validate_table

    result = validate_table(suite, df, expectations=suite.local())
    for r in result.results:
        yield check_result(r, table)


def validated(*tables: str):
    """Wrap a table asset's function: after each table output, yield its suite's check results.

    `@validated("mentions")` for an asset returning `dg.Output(df)`; for a multi-asset, the outputs
    whose names are in `tables` are validated. Put it under `@dg.asset(..., check_specs=...)`.
    """

    def wrap(fn):
        @functools.wraps(fn)
        def run(*args, **kwargs):
            out = fn(*args, **kwargs)
            for item in out if inspect.isgenerator(out) else [out]:
                yield item
                if isinstance(item, dg.Output) and isinstance(item.value, pl.DataFrame):
                    name = item.output_name if item.output_name in tables else tables[0] if item.output_name == "result" else None
                    if name is not None:
                        yield from table_check_results(name, item.value)

        return run

    return wrap


@dg.asset(
    group_name="validate",
    kinds={"great_expectations", "json"},
    ins={t: dg.AssetIn(t) for t in VALIDATED_TABLES},
    check_specs=cross_table_check_specs(),
)
def quality_report(context: dg.AssetExecutionContext, **tables: pl.DataFrame):
    """Every table's GX suite run on the finished tables, cross-table expectations included.

    The release depends on this report and ships it (`quality/index.html`, summary in
    `datapackage.json`). A failed critical expectation here stops the release.
    """
    from pipelines.validate.runner import validate_release

    folder = Settings.from_env().expectations_dir
    result = validate_release(suites(), tables, suites_dir=folder)
    s = result.summary()
    report(
        context,
        f"validate: {s['passed']}/{s['evaluated']} expectations passed "
        f"({s['critical_failed']} critical, {s['warning_failed']} warning failures) in {result.seconds:.1f}s",
    )
    for r in result.failures:
        (context.log.error if r.blocking_failure else context.log.warning)(r.message())
    yield dg.Output(
        result.to_dict(),
        metadata={
            "evaluated": s["evaluated"],
            "passed": s["passed"],
            "critical_failed": s["critical_failed"],
            "warning_failed": s["warning_failed"],
            "tables": dg.MetadataValue.md(_summary_md(result)),
        },
    )
    declared = {spec.name for spec in cross_table_check_specs()}
    seen = set()
    for r in result.results:
        name = _cross_name(r)
        if name in declared:
            seen.add(name)
            yield check_result(r, "quality_report", name)
    # Single-table expectations were checked (and blocking) on the table assets; if a stale table
    # got here anyway, or the suites changed since the definitions loaded, still refuse to publish.
    missed = [r for r in result.blocking if _cross_name(r) not in seen]
    if missed:
        raise dg.Failure(
            description="; ".join(r.message() for r in missed[:5]),
            metadata={"failed": len(missed)},
        )


def _summary_md(result) -> str:
    lines = ["| table | rows | evaluated | passed | critical failed | warning failed |", "|---|---:|---:|---:|---:|---:|"]
    for name, t in result.tables.items():
        c = t.counts()
        lines.append(
            f"| `{name}` | {t.rows if t.rows is not None else '—'} | {c['evaluated']} | {c['passed']} | "
            f"{c['critical']['failed']} | {c['warning']['failed']} |" + (f" {t.note}" if t.note else "")
        )
    return "\n".join(lines)
