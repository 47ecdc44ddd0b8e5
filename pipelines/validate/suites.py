"""Expectation suites: one GX 1.x suite JSON per table in the expectations folder.

Reading the suites needs no Great Expectations import (definitions load them to declare the Dagster
asset checks). Every expectation carries `meta.severity` (`critical` blocks the release, `warning`
is reported) and may carry `meta.name` (the asset check's name; derived from type and columns when
absent) and `description` (shown in the report and in failure messages).

Cross-table expectations are ordinary GX expectations that use
- suite parameters `{"$PARAMETER": "<table>__<column>"}` (the column's distinct values),
  `"<table>__rows"`, `"entity_ids"` (people and organization ids), `"run_date"`, `"max_event_date"`;
- derived columns whose names start with `_` (see `pipelines/validate/references.py`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

SEVERITIES = ("critical", "warning")
NAME_RE = re.compile(r"^[A-Za-z0-9_]+$")


class SuiteError(ValueError):
    """A suite file that cannot be used (bad JSON, missing severity, duplicate names, ...)."""


@dataclass(frozen=True)
class Expectation:
    table: str
    name: str
    type: str
    kwargs: dict
    severity: str
    description: str
    meta: dict = field(default_factory=dict)

    @property
    def parameters(self) -> list[str]:
        return [v["$PARAMETER"] for v in self.kwargs.values() if isinstance(v, dict) and "$PARAMETER" in v]

    @property
    def columns(self) -> list[str]:
        cols = [self.kwargs[k] for k in ("column", "column_A", "column_B") if isinstance(self.kwargs.get(k), str)]
        if self.type != "expect_table_columns_to_match_ordered_list":
            cols += [c for c in self.kwargs.get("column_list") or [] if isinstance(c, str)]
        return cols

    @property
    def derived_columns(self) -> list[str]:
        return [c for c in self.columns if c.startswith("_")]

    def requires(self) -> set[str]:
        """Other tables this expectation reads (through parameters or derived columns)."""
        from pipelines.validate.references import tables_for_derived, tables_for_parameter

        needed: set[str] = set()
        for p in self.parameters:
            needed |= tables_for_parameter(p)
        for c in self.derived_columns:
            needed |= tables_for_derived(self.table, c)
        needed.discard(self.table)
        return needed

    def signature(self) -> str:
        """`expect_x(column=..., ...)` with long value lists shortened, for messages."""
        parts = []
        for k, v in self.kwargs.items():
            if isinstance(v, dict) and "$PARAMETER" in v:
                text = "$" + str(v["$PARAMETER"])
            elif isinstance(v, list) and len(v) > 6:
                text = json.dumps(v[:6])[:-1] + f", … {len(v) - 6} more]"
            else:
                text = json.dumps(v, default=str)
            parts.append(f"{k}={text}")
        return f"{self.type}({', '.join(parts)})"

    def gx_config(self) -> dict:
        return {
            "type": self.type,
            "kwargs": self.kwargs,
            "meta": {**self.meta, "name": self.name, "severity": self.severity},
            "severity": self.severity,
            **({"description": self.description} if self.description else {}),
        }


@dataclass(frozen=True)
class Suite:
    table: str
    path: str
    expectations: list[Expectation]

    def local(self) -> list[Expectation]:
        """Expectations that need only this table (run inside the table's own asset)."""
        return [e for e in self.expectations if not e.requires()]

    def cross_table(self) -> list[Expectation]:
        return [e for e in self.expectations if e.requires()]


def _derive_name(e: dict) -> str:
    base = e["type"].removeprefix("expect_").replace("column_values_to_", "").replace("column_", "")
    cols = [e.get("kwargs", {}).get(k) for k in ("column", "column_A", "column_B")]
    stem = "_".join(c.lstrip("_") for c in cols if isinstance(c, str)) or "table"
    return re.sub(r"[^A-Za-z0-9_]", "_", f"{stem}__{base}")


def parse_suite(table: str, data: dict, path: str = "<memory>") -> Suite:
    if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
        raise SuiteError(f"{path}: a suite is a JSON object with an 'expectations' list")
    out: list[Expectation] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["expectations"]):
        where = f"{path}: expectation {i + 1}"
        if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
            raise SuiteError(f"{where}: needs a 'type'")
        meta = dict(raw.get("meta") or {})
        severity = meta.get("severity")
        if severity not in SEVERITIES:
            raise SuiteError(f"{where} ({raw['type']}): meta.severity must be one of {SEVERITIES}, not {severity!r}")
        if raw.get("severity") not in (None, severity):
            raise SuiteError(f"{where}: 'severity' {raw['severity']!r} disagrees with meta.severity {severity!r}")
        name = meta.get("name") or _derive_name(raw)
        if not NAME_RE.match(name):
            raise SuiteError(f"{where}: name {name!r} may only use letters, digits and _")
        if name in seen:
            raise SuiteError(f"{where}: duplicate name {name!r}; set a distinct meta.name")
        seen.add(name)
        out.append(
            Expectation(
                table=table,
                name=name,
                type=raw["type"],
                kwargs=dict(raw.get("kwargs") or {}),
                severity=severity,
                description=str(raw.get("description") or meta.get("notes") or ""),
                meta={k: v for k, v in meta.items() if k not in ("name", "severity")},
            )
        )
    return Suite(table=table, path=path, expectations=out)


def load_suite(path: str | Path) -> Suite:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise SuiteError(f"{path}: cannot read suite: {e}") from e
    return parse_suite(path.stem, data, str(path))


def load_suites(folder: str | Path) -> dict[str, Suite]:
    """Every `<table>.json` in the folder, by table name. A missing folder gives no suites."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {p.stem: load_suite(p) for p in sorted(folder.glob("*.json"))}
