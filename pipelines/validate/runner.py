"""Run expectation suites on polars tables with Great Expectations (imported lazily, ~3.5 s).

The tables go to GX as pandas frames backed by Arrow (`use_pyarrow_extension_array=True`), so
column types stay exact (`int64[pyarrow]` with nulls, `date32[day][pyarrow]`, ...). Expectations
that name derived columns run on a second frame: the table plus those columns. Results come back
as plain dataclasses; nothing here knows about Dagster.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone

import polars as pl

from pipelines import schema
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
    local = [e for e in todo if not e.requires()]
    results = _local_results(suite.table, df, local, run_date)
    results += _evaluate(suite.table, df, [e for e in todo if e.requires()], tables, run_date)
    order = {e.name: i for i, e in enumerate(todo)}
    results.sort(key=lambda r: order.get(r.name, len(order)))
    return TableResult(suite.table, df.height, results, round(time.monotonic() - started, 3))


# Results of single-table expectations by (table, content, expectations, run date). Each table's
# asset checks run these right after the table is computed; the quality report then runs every
# suite on the same tables. With the in-process executor both happen in one process, and this
# makes the second pass free; elsewhere it is simply empty.
_LOCAL_MEMO: "OrderedDict[tuple, list[ExpectationResult]]" = OrderedDict()
_LOCAL_MEMO_SIZE = 32


def _local_results(table: str, df: pl.DataFrame, todo: list[Expectation], run_date: date) -> list[ExpectationResult]:
    if not todo:
        return []
    key = (table, schema.frame_fingerprint(df), tuple(json.dumps(e.gx_config(), sort_keys=True, default=str) for e in todo), run_date)
    hit = _LOCAL_MEMO.get(key)
    if hit is None:
        hit = _evaluate(table, df, todo, {table: df}, run_date)
        _LOCAL_MEMO[key] = hit
        while len(_LOCAL_MEMO) > _LOCAL_MEMO_SIZE:
            _LOCAL_MEMO.popitem(last=False)
    return [copy.deepcopy(r) for r in hit]


def _evaluate(table: str, df: pl.DataFrame, todo: list[Expectation], tables: dict[str, pl.DataFrame], run_date: date) -> list[ExpectationResult]:
    """GX on `todo`: plain columns on the table, derived ones (`_...`) on a view that adds them."""
    results: list[ExpectationResult] = []
    plain = [e for e in todo if not e.derived_columns]
    derived = [e for e in todo if e.derived_columns]
    if plain:
        results += _run_gx(table, df, plain, tables, run_date)
    if derived:
        cols = [c for e in derived for c in e.derived_columns]
        try:
            view = with_derived(table, df, cols, tables)
        except (ReferenceError, pl.exceptions.PolarsError) as err:
            results += [_error(e, f"cannot compute {', '.join(e.derived_columns)}: {err}") for e in derived]
        else:
            results += _run_gx(table, view, derived, tables, run_date)
    return results


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
    # GX fingerprints every in-memory batch below this size (MD5 of pandas' row hashes) for a batch
    # marker that nothing here reads: 0.8 of the job's 16 CPU s after the parse on the BBC corpus.
    from great_expectations.execution_engine import pandas_execution_engine

    pandas_execution_engine.HASH_THRESHOLD = 0
    return gx


_SOURCE = None  # one ephemeral GX context and pandas data source per process


def _batch_definition(name: str):
    """The whole-dataframe batch definition of asset `name`, created once per process."""
    global _SOURCE
    if _SOURCE is None:
        gx = _gx()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        ctx = gx.get_context(mode="ephemeral")
        ctx.enable_analytics(False)
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        _SOURCE = ctx.data_sources.add_pandas("newsfacts")
    try:
        asset = _SOURCE.get_asset(name)
    except LookupError:
        asset = _SOURCE.add_dataframe_asset(name)
    try:
        return asset.get_batch_definition("all")
    except (KeyError, LookupError):
        return asset.add_batch_definition_whole_dataframe("all")


def _run_gx(table: str, df: pl.DataFrame, todo: list[Expectation], tables: dict[str, pl.DataFrame], run_date: date) -> list[ExpectationResult]:
    _gx()
    from great_expectations.core import ExpectationSuite
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

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

    # Membership in another table's ids is checked by GX on the offending values, computed with a
    # polars anti-join, in a batch of their own: a value set of thousands of ids inside the
    # expectation's kwargs makes GX re-serialise it on every internal access (most of the suite
    # time on a corpus, growing with corpus size times table size).
    refs, membership = _membership_as_nulls(df, runnable, params)
    built: dict[str, Expectation] = {}
    batches: dict[str, list[dict]] = {"table": [], "refs": []}
    for e in runnable:
        try:
            ExpectationConfiguration(**e.gx_config()).to_domain_obj()
        except Exception as err:  # an unknown expectation type or bad kwargs: report it, run the rest
            results.append(_error(e, f"invalid expectation: {_short(err, 300)}"))
            continue
        built[e.name] = e
        if e.name in membership:
            batches["refs"].append(membership[e.name][1])
        else:
            batches["table"].append(e.gx_config())
    for batch, configs in batches.items():
        if not configs:
            continue
        frame = df if batch == "table" else refs
        name = table if batch == "table" else f"{table}__refs"
        # The suite is validated on the batch directly: added to the context, every suite and
        # validation definition re-serialises the context's configuration as YAML.
        batch_obj = _batch_definition(name).get_batch(batch_parameters={"dataframe": frame.to_pandas(use_pyarrow_extension_array=True)})
        res = batch_obj.validate(
            ExpectationSuite(name=name, expectations=configs),
            expectation_parameters=params if batch == "table" else {},
            result_format={"result_format": "SUMMARY", "partial_unexpected_count": SAMPLE},
        )
        # The data source's execution engine keeps the last frame it validated and the metrics it
        # computed; dropped here (a new one is made for the next batch), they are not held all run.
        _SOURCE._execution_engine = None
        for r in res.results:
            e = built.get((r.expectation_config.meta or {}).get("name"))
            if e is None:
                continue
            out = _convert(e, r)
            if e.name in membership:
                nonnull = df.height - df.get_column(membership[e.name][0]).null_count()
                out.unexpected_percent = _round(100.0 * (out.unexpected_count or 0) / nonnull) if nonnull else None
            results.append(out)
    return results


_MEMBERSHIP = {"expect_column_values_to_be_in_set": False, "expect_column_values_to_not_be_in_set": True}


def _membership_as_nulls(df: pl.DataFrame, todo: list[Expectation], params: dict) -> tuple[pl.DataFrame, dict]:
    """A frame of offending values (one column per rewritten expectation, same rows as `df`) and the
    rewritten configurations: set-membership expectations whose value set is a suite parameter (ids of another table),
    rewritten as `expect_column_values_to_be_null` on a derived column holding the offending values.

    Same verdict and same unexpected values as the original (nulls are ignored by both); the
    percentage is recomputed over non-null values as GX does for the original. Expectations with
    other options (`mostly`, conditions) keep the original form.
    """
    extra: dict[str, pl.Expr] = {}
    membership: dict[str, tuple[str, dict]] = {}
    for e in todo:
        negate = _MEMBERSHIP.get(e.type)
        vs = e.kwargs.get("value_set")
        column = e.kwargs.get("column")
        if negate is None or set(e.kwargs) != {"column", "value_set"} or not (isinstance(vs, dict) and "$PARAMETER" in vs):
            continue
        values = params.get(vs["$PARAMETER"])
        if not isinstance(values, list) or column not in df.columns:
            continue
        derived = f"__offending__{e.name}"
        col = pl.col(column)
        inside = col.is_in(pl.Series(values)) if values else pl.lit(False)
        expr = pl.when(inside if negate else ~inside).then(col).otherwise(None)
        try:
            df.head(1).select(expr)  # types that cannot be compared keep the original expectation
        except pl.exceptions.PolarsError:
            continue
        extra[derived] = expr
        config = e.gx_config()
        membership[e.name] = (column, {**config, "type": "expect_column_values_to_be_null", "kwargs": {"column": derived}})
    return df.select(**extra), membership


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
