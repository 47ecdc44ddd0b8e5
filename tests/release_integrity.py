"""Shared checks for the crash, concurrency and bad-input tests: is an output root whole?"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "pipelines.cli"]


def assert_whole_release(folder: Path) -> dict:
    """Every resource of the release's datapackage.json exists and matches its sha256 and row count."""
    import polars as pl

    assert folder.is_dir(), f"release folder missing: {folder}"
    assert not folder.name.startswith("."), f"a temporary folder is published: {folder}"
    pkg = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["version"] == folder.name
    assert pkg["resources"], "a release without tables"
    for res in pkg["resources"]:
        data = (folder / res["path"]).read_bytes()
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest(), f"{folder.name}/{res['path']} does not match its hash"
        assert res["bytes"] == len(data)
        assert pl.read_parquet(folder / res["path"]).height == res["rows"]
    assert (folder / "README.md").read_text(encoding="utf-8").startswith("# newsfacts release")
    return pkg


def assert_output_consistent(out: Path) -> dict | None:
    """latest.json (if any) points at a whole release; every visible release folder is whole too."""
    latest_path = out / "latest.json"
    latest = None
    if latest_path.exists():
        latest = json.loads(latest_path.read_text(encoding="utf-8"))
        pkg = assert_whole_release(out / latest["path"])
        assert pkg["fingerprint"] == latest["fingerprint"]
        assert {r["name"]: r["rows"] for r in pkg["resources"]} == latest["tables"]
    releases = out / "releases"
    if releases.is_dir():
        for folder in releases.iterdir():
            if not folder.name.startswith("."):
                assert_whole_release(folder)
    return latest


def temporaries(out: Path) -> list[str]:
    """Leftovers a killed publisher may leave (removed by the next publish)."""
    found = [p.name for p in (out / "releases").glob(".tmp-*")] if (out / "releases").is_dir() else []
    found += [p.name for p in out.glob(".latest.json.*.tmp")]
    return sorted(found)


def cli_env(extra: dict | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFACTS_") and k != "DAGSTER_HOME"}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra or {})
    return env


def start_cli(input_dir: Path, out: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, "run", "--input", str(input_dir), "--output", str(out), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(env),
        cwd=PROJECT,
    )


def run_cli(input_dir: Path, out: Path, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, "run", "--input", str(input_dir), "--output", str(out), *args],
        capture_output=True,
        text=True,
        env=cli_env(env),
        cwd=PROJECT,
        timeout=timeout,
    )
