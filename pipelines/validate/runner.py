"""Run expectation suites on polars tables with Great Expectations (imported lazily, ~3.5 s).

The tables go to GX as pandas frames backed by Arrow (`use_pyarrow_extension_array=True`), so
column types stay exact (`int64[pyarrow]` with nulls, `date32[day][pyarrow]`, ...). Expectations
that name derived columns run on a second frame: the table plus those columns. Results come back
as plain dataclasses; nothing here knows about Dagster.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone

import polars as pl

from pipelines.validate.references import ReferenceError, parameter_value, with_derived
from pipelines.validate.suites import Expectation, Suite

SAMPLE = 20  # unexpected values kept per expectation


@dataclass
class ExpectationResult:
    table: str
    name: str
    type: str
    severity: str
    description: str
    expectation: str  # the expectation's signature, e.g. expect_column_values_to_be_in_set(column="label", ...)
    success: bool
    element_count: int | None = None
    unexpected_count: int | None = None
    unexpected_percent: float | None = None
    unexpected_values: list[dict] = field(default_factory=list)  # [{"value": str, "count": int}]
    observed_value: str | None = None
    error: str | None = None

    @property
    def blocking_failure(self) -> bool:
        return not self.success and self.severity == "critical"

    def message(self) -> str:
        head = f"{self.severity} expectation {self.name!r} failed on table {self.table!r}: {self.expectation}"
        if self.description:
            head += f" — {self.description}"
        return head + self.detail()

    def detail(self) -> str:
        if self.error:
            return f" (error: {self.error})"
        if self.unexpected_count:
            vals = ", ".join(f"{v['value']!r}" + (f" ×{v['count']}" if v["count"] > 1 else "") for v in self.unexpected_values[:5])
            return f" ({self.unexpected_count} of {self.element_count} rows unexpected: {vals})"
        if self.observed_value is not None:
            return f" (observed: {self.observed_value})"
        return ""


@dataclass
class TableResult:
    table: str
    rows: int | None
    results: list[ExpectationResult]
    seconds: float = 0.0
    note: str | None = None  # e.g. "no suite", "table not in this release"

    def counts(self) -> dict:
        out = {"evaluated": len(self.results), "passed": sum(r.success for r in self.results)}
        out["failed"] = out["evaluated"] - out["passed"]
        for sev in ("critical", "warning"):
            rs = [r for r in self.results if r.severity == sev]
            out[sev] = {"evaluated": len(rs), "passed": sum(r.success for r in rs), "failed": sum(not r.success for r in rs)}
        return out


@dataclass
class QualityReport:
    run_date: str
    created: str
    suites_dir: str
    tables: dict[str, TableResult]
    seconds: float = 0.0

    @property
    def results(self) -> list[ExpectationResult]:
        return [r for t in self.tables.values() for r in t.results]

    @property
    def failures(self) -> list[ExpectationResult]:
        return [r for r in self.results if not r.success]

    @property
    def blocking(self) -> list[ExpectationResult]:
        return [r for r in self.results if r.blocking_failure]

    def summary(self) -> dict:
        rs = self.results
        out = {
            "evaluated": len(rs),
            "passed": sum(r.success for r in rs),
            "failed": sum(not r.success for r in rs),
            "critical_failed": sum(r.blocking_failure for r in rs),
            "warning_failed": sum((not r.success) and r.severity == "warning" for r in rs),
            "success": not any(r.blocking_failure for r in rs),
            "validation_seconds": round(self.seconds, 2),
        }
        return out

    def to_dict(self) -> dict:
        return {
            "run_date": self.run_date,
            "created": self.created,
            "suites_dir": self.suites_dir,
            "seconds": self.seconds,
            "tables": {
                n: {"table": t.table, "rows": t.rows, "seconds": t.seconds, "note": t.note, "results": [asdict(r) for r in t.results]}
                for n, t in self.tables.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict) -> "QualityReport":
        from pipelines.schema import RELEASE_TABLES

        order = {n: i for i, n in enumerate(RELEASE_TABLES)}
        tables = {
            n: TableResult(t["table"], t["rows"], [ExpectationResult(**r) for r in t["results"]], t.get("seconds", 0.0), t.get("note"))
            for n, t in sorted(data["tables"].items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        }
        return cls(data["run_date"], data["created"], data["suites_dir"], tables, data.get("seconds", 0.0))


def today() -> date:
    return datetime.now(timezone.utc).date()


def validate_table(
    suite: Suite,
    df: pl.DataFrame,
    tables: dict[str, pl.DataFrame] | None = None,
    *,
    expectations: list[Expectation] | None = None,
    run_date: date | None = None,
) -> TableResult:
    """Run `expectations` (default: the whole suite) on `df`; `tables` supplies the referenced tables."""
    started = time.monotonic()
    run_date = run_date or today()
    tables = {**(tables or {}), suite.table: df}
    todo = suite.expectations if expectations is None else expectations
    results: list[ExpectationResult] = []
    plain = [e for e in todo if not e.derived_columns]
    derived = [e for e in todo if e.derived_columns]
    if plain:
        results += _run_gx(suite.table, df, plain, tables, run_date)
    if derived:
        cols = [c for e in derived for c in e.derived_columns]
        try:
            view = with_derived(suite.table, df, cols, tables)
        except (ReferenceError, pl.exceptions.PolarsError) as err:
            results += [_error(e, f"cannot compute {', '.join(e.derived_columns)}: {err}") for e in derived]
        else:
            results += _run_gx(suite.table, view, derived, tables, run_date)
    order = {e.name: i for i, e in enumerate(todo)}
    results.sort(key=lambda r: order.get(r.name, len(order)))
    return TableResult(suite.table, df.height, results, round(time.monotonic() - started, 3))


def validate_release(
    suites: dict[str, Suite],
    tables: dict[str, pl.DataFrame],
    *,
    suites_dir: str = "",
    run_date: date | None = None,
) -> QualityReport:
    """Every suite on its table; tables without a suite and suites without a table are noted."""
    started = time.monotonic()
    run_date = run_date or today()
    out: dict[str, TableResult] = {}
    for name in [*tables, *[s for s in suites if s not in tables]]:
        if name not in suites:
            out[name] = TableResult(name, tables[name].height, [], note="no suite")
        elif name not in tables:
            out[name] = TableResult(name, None, [], note="table not in this release")
        else:
            out[name] = validate_table(suites[name], tables[name], tables, run_date=run_date)
    return QualityReport(
        run_date=run_date.isoformat(),
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        suites_dir=suites_dir,
        tables=out,
        seconds=round(time.monotonic() - started, 3),
    )


def _error(e: Expectation, message: str) -> ExpectationResult:
    return ExpectationResult(e.table, e.name, e.type, e.severity, e.description, e.signature(), success=False, error=message)


def _gx():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    for name in ("great_expectations", "great_expectations.core", "great_expectations.expectations"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return gx


def _run_gx(table: str, df: pl.DataFrame, todo: list[Expectation], tables: dict[str, pl.DataFrame], run_date: date) -> list[ExpectationResult]:
    gx = _gx()
    from great_expectations.core import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration
    from great_expectations.data_context.types.base import ProgressBarsConfig

    params: dict = {}
    runnable: list[Expectation] = []
    results: list[ExpectationResult] = []
    for e in todo:
        try:
            for p in e.parameters:
                params[p] = parameter_value(p, tables, run_date)
        except ReferenceError as err:
            results.append(_error(e, str(err)))
            continue
        runnable.append(e)
    if not runnable:
        return results

    ctx = gx.get_context(mode="ephemeral")
    ctx.enable_analytics(False)
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch_def = ctx.data_sources.add_pandas("newsfacts").add_dataframe_asset(table).add_batch_definition_whole_dataframe("all")
    built: dict[str, Expectation] = {}
    configs = []
    for e in runnable:
        try:
            ExpectationConfiguration(**e.gx_config()).to_domain_obj()
        except Exception as err:  # an unknown expectation type or bad kwargs: report it, run the rest
            results.append(_error(e, f"invalid expectation: {_short(err, 300)}"))
            continue
        built[e.name] = e
        configs.append(e.gx_config())
    if not configs:
        return results
    suite = ctx.suites.add(ExpectationSuite(name=table, expectations=configs))
    vd = ctx.validation_definitions.add(gx.ValidationDefinition(name=f"{table}-validation", data=batch_def, suite=suite))
    frame = df.to_pandas(use_pyarrow_extension_array=True)
    res = vd.run(
        batch_parameters={"dataframe": frame},
        expectation_parameters=params,
        result_format={"result_format": "SUMMARY", "partial_unexpected_count": SAMPLE},
    )
    for r in res.results:
        cfg = r.expectation_config
        e = built.get((cfg.meta or {}).get("name"))
        if e is None:
            continue
        results.append(_convert(e, r))
    return results


def _convert(e: Expectation, r) -> ExpectationResult:
    info = r.exception_info or {}
    error = None
    if isinstance(info, dict):
        if info.get("raised_exception"):
            error = info.get("exception_message")
        for v in info.values():
            if isinstance(v, dict) and v.get("raised_exception"):
                error = v.get("exception_message")
    result = r.result or {}
    counts = result.get("partial_unexpected_counts")
    if counts is None:
        vals = result.get("partial_unexpected_list") or []
        counts = [{"value": v, "count": 1} for v in vals]
    observed = result.get("observed_value")
    return ExpectationResult(
        e.table,
        e.name,
        e.type,
        e.severity,
        e.description,
        e.signature(),
        success=bool(r.success) and error is None,
        element_count=result.get("element_count"),
        unexpected_count=result.get("unexpected_count"),
        unexpected_percent=_round(result.get("unexpected_percent")),
        unexpected_values=[{"value": _short(c["value"]), "count": int(c["count"])} for c in counts[:SAMPLE]],
        observed_value=None if observed is None else _short(observed, 300),
        error=None if error is None else _short(error.strip().splitlines()[-1] if error.strip() else error, 500),
    )


def _missing(value) -> bool:
    import pandas as pd

    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays
        return False


def _round(x):
    return None if x is None else round(float(x), 4)


def _short(value, limit: int = 120) -> str:
    text = "null" if _missing(value) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
