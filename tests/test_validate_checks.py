"""The suites as Dagster asset checks: declared on the table assets, blocking when critical, with the
unexpected values in the check's metadata (what the UI shows)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg

from pipelines.defs.checks import suites
from pipelines.definitions import build_definitions

SUITES = Path(__file__).resolve().parent.parent / "expectations"


def test_table_assets_declare_their_expectations_as_checks():
    defs = build_definitions()
    graph = defs.resolve_asset_graph()
    assert graph.get(dg.AssetKey("quality_report")).group_name == "validate"
    assert dg.AssetKey("quality_report") in graph.get(dg.AssetKey("release")).parent_keys
    specs = {}
    for a in defs.assets:
        for spec in getattr(a, "check_specs", []):
            specs[(spec.asset_key.to_user_string(), spec.name)] = spec
    for table, suite in suites().items():
        if dg.AssetKey(table) not in graph.get_all_asset_keys():
            continue
        for e in suite.expectations:
            key = (table, e.name) if not e.requires() else ("quality_report", f"{table}__{e.name}")
            assert key in specs, key
            assert specs[key].blocking == (e.severity == "critical"), key
    # Cross-table checks declare the tables they read.
    spec = specs[("quality_report", "mentions__doc_id_references_documents")]
    assert {d.asset_key.to_user_string() for d in spec.additional_deps} >= {"documents", "mentions"}


SCRIPT = """
import json, dagster as dg
from pipelines.definitions import build_definitions
defs = build_definitions()
ingest = [a for a in defs.assets if dg.AssetKey("rejected") in getattr(a, "keys", ())]
result = dg.materialize(ingest, resources=defs.resources, raise_on_error=False)
out = {"success": result.success, "checks": []}
for ev in result.get_asset_check_evaluations():
    out["checks"].append({"asset": ev.asset_key.to_user_string(), "name": ev.check_name, "passed": ev.passed,
                          "severity": ev.severity.value, "description": ev.description,
                          "unexpected": ev.metadata["unexpected_values"].value if "unexpected_values" in ev.metadata else None})
print(json.dumps(out))
"""


def test_failed_critical_check_blocks_with_unexpected_values_in_metadata(tmp_path, corpus):
    folder = tmp_path / "suites"
    shutil.copytree(SUITES, folder)
    suite = json.loads((folder / "rejected.json").read_text())
    suite["expectations"].append({
        "type": "expect_column_values_to_be_in_set", "kwargs": {"column": "reason", "value_set": ["binary"]},
        "meta": {"name": "only_binary_rejections", "severity": "critical"}, "description": "Impossible on purpose.",
    })
    (folder / "rejected.json").write_text(json.dumps(suite))
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFACTS_") and k != "DAGSTER_HOME"}
    env.update(NEWSFACTS_INPUT=str(corpus), NEWSFACTS_OUTPUT=str(tmp_path / "out"), NEWSFACTS_EXPECTATIONS=str(folder))
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not out["success"]  # the blocking check failed the step
    checks = {c["name"]: c for c in out["checks"]}
    bad = checks["only_binary_rejections"]
    assert bad["asset"] == "rejected" and not bad["passed"] and bad["severity"] == "ERROR"
    assert "| empty |" in bad["unexpected"] and "only_binary_rejections" in bad["description"]
    assert checks["reason_in_set"]["passed"]
