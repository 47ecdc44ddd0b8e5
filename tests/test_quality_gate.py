"""The quality gate end to end through `newsfacts run --expectations DIR`, as a user runs it.

A clean run publishes a release with its quality report; a failed warning-level expectation
publishes with the failure in the report; a failed critical expectation (on a table, or across
tables) publishes nothing, exits non-zero and names the expectation and the table.
"""

import json
import shutil
from pathlib import Path

import pytest

from test_cli import run_cli

pytestmark = pytest.mark.slow

SUITES = Path(__file__).resolve().parent.parent / "expectations"


def _add(suites: Path, table: str, expectation: dict) -> None:
    path = suites / f"{table}.json"
    suite = json.loads(path.read_text())
    suite["expectations"].append(expectation)
    path.write_text(json.dumps(suite, indent=2))


def _releases(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "releases").iterdir() if not p.name.startswith("."))


def test_quality_gate_blocks_critical_and_reports_warnings(corpus, tmp_path):
    suites = tmp_path / "suites"
    shutil.copytree(SUITES, suites)
    out = tmp_path / "out"
    run = lambda: run_cli("run", "--input", str(corpus), "--output", str(out), "--expectations", str(suites))  # noqa: E731

    # 1. Clean run: every expectation passes, the report ships inside the release.
    first = run()
    assert first.returncode == 0, first.stderr
    latest = json.loads((out / "latest.json").read_text())
    folder = out / latest["path"]
    package = json.loads((folder / "datapackage.json").read_text())
    q = package["quality"]
    total = sum(len(json.loads(p.read_text())["expectations"]) for p in SUITES.glob("*.json"))
    assert q["summary"]["evaluated"] == total and q["summary"]["failed"] == 0, q["failures"]
    assert set(q["tables"]) >= {"documents", "mentions", "people", "organizations", "roles", "events", "rejected"}
    assert q["tables"]["mentions"]["critical"]["evaluated"] > 0
    page = (folder / "quality" / "index.html").read_text()
    assert "<title>Data quality report" in page and "columns_match_contract" in page
    assert "quality/index.html" in (folder / "README.md").read_text()
    assert package["changes"]["previous_version"] is None
    assert f"quality: {total}/{total} expectations passed" in first.stdout
    listing = run_cli("releases", "--output", str(out))
    assert f"quality: {total}/{total} passed" in listing.stdout

    # 2. A failing warning-level expectation: published, with the failure in the report and card.
    _add(suites, "documents", {
        "type": "expect_column_values_to_be_in_set", "kwargs": {"column": "format", "value_set": ["pdf"]},
        "meta": {"name": "format_is_pdf", "severity": "warning"}, "description": "Only PDF documents (cannot hold).",
    })
    (corpus / "second.txt").write_text("Dock workers in the port city voted on Friday to end their strike after talks.\n")
    second = run()
    assert second.returncode == 0, second.stderr
    assert "format_is_pdf" in second.stdout
    latest2 = json.loads((out / "latest.json").read_text())
    assert latest2["version"] != latest["version"]
    folder2 = out / latest2["path"]
    package2 = json.loads((folder2 / "datapackage.json").read_text())
    assert package2["quality"]["summary"]["warning_failed"] == 1 and package2["quality"]["summary"]["critical_failed"] == 0
    assert [f["expectation"] for f in package2["quality"]["failures"]] == ["format_is_pdf"]
    assert "format_is_pdf" in (folder2 / "quality" / "index.html").read_text()
    assert "format_is_pdf" in (folder2 / "README.md").read_text()
    changes = package2["changes"]
    assert changes["previous_version"] == latest["version"]
    assert changes["tables"]["documents"]["added"] == 1 and changes["tables"]["documents"]["removed"] == 0

    # 3. An impossible critical expectation on a table: blocked, nothing published, message names it.
    _add(suites, "documents", {
        "type": "expect_table_row_count_to_be_between", "kwargs": {"max_value": 0},
        "meta": {"name": "impossible_no_documents", "severity": "critical"}, "description": "No documents at all.",
    })
    (corpus / "third.txt").write_text("Farmers blocked roads near the capital on Monday to protest low prices.\n")
    third = run()
    assert third.returncode == 1, third.stdout + third.stderr
    assert "impossible_no_documents" in third.stderr and "'documents'" in third.stderr
    assert "no new release" in third.stderr
    assert json.loads((out / "latest.json").read_text()) == latest2
    assert _releases(out) == sorted([latest["version"], latest2["version"]])

    # 4. An impossible critical cross-table expectation: blocked at the quality report.
    suite = json.loads((suites / "documents.json").read_text())
    suite["expectations"] = [e for e in suite["expectations"] if e["meta"]["name"] != "impossible_no_documents"]
    (suites / "documents.json").write_text(json.dumps(suite))
    _add(suites, "mentions", {
        "type": "expect_column_values_to_not_be_in_set", "kwargs": {"column": "doc_id", "value_set": {"$PARAMETER": "documents__doc_id"}},
        "meta": {"name": "impossible_orphans", "severity": "critical"}, "description": "Mentions point at no known document.",
    })
    fourth = run()
    assert fourth.returncode == 1, fourth.stdout + fourth.stderr
    assert "impossible_orphans" in fourth.stderr and "mentions" in fourth.stderr
    assert json.loads((out / "latest.json").read_text()) == latest2
    assert len(_releases(out)) == 2


def test_broken_suite_is_a_usage_error(corpus, tmp_path):
    suites = tmp_path / "suites"
    suites.mkdir()
    (suites / "documents.json").write_text(json.dumps({"expectations": [
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "doc_id"}, "meta": {}}]}))
    proc = run_cli("run", "--input", str(corpus), "--output", str(tmp_path / "out"), "--expectations", str(suites))
    assert proc.returncode == 2
    assert "documents.json" in proc.stderr and "meta.severity" in proc.stderr
    assert not (tmp_path / "out" / "latest.json").exists()
