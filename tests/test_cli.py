"""`newsfacts run` end to end on a temp folder, in a subprocess, as a user runs it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-m", "pipelines.cli"]


def run_cli(*args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFACTS_") and k != "DAGSTER_HOME"}
    e.update(env or {})
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=e, timeout=timeout)


def test_run_publishes_then_is_idempotent(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_cli("run", "--input", str(corpus), "--output", str(out))
    assert first.returncode == 0, first.stderr
    assert "published new release" in first.stdout
    assert "ingest:" in first.stderr and "publish:" in first.stderr  # progress
    latest = json.loads((out / "latest.json").read_text())
    docs = pl.read_parquet(out / latest["path"] / "documents.parquet")
    assert docs.height == 6
    second = run_cli("run", "--input", str(corpus), "--output", str(out))
    assert second.returncode == 0, second.stderr
    assert "no change" in second.stdout
    assert len(list((out / "releases").iterdir())) == 1

    listing = run_cli("releases", "--output", str(out), "--json")
    assert listing.returncode == 0
    rels = json.loads(listing.stdout)
    assert len(rels) == 1 and rels[0]["latest"] and rels[0]["rows"]["documents"] == 6


def test_new_file_gives_new_release(corpus, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", "--input", str(corpus), "--output", str(out)).returncode == 0
    (corpus / "extra.txt").write_text("Farmers blocked roads near the capital on Monday to protest low prices.\n")
    assert run_cli("run", "--input", str(corpus), "--output", str(out)).returncode == 0
    assert len(list((out / "releases").iterdir())) == 2


def test_missing_input_is_a_clear_error(tmp_path):
    proc = run_cli("run", "--input", str(tmp_path / "missing"), "--output", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "input folder does not exist" in proc.stderr


def test_failed_run_keeps_previous_release(corpus, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", "--input", str(corpus), "--output", str(out)).returncode == 0
    before = json.loads((out / "latest.json").read_text())
    (corpus / "another.txt").write_text("Dock workers in the port city voted to end their strike on Friday.\n")
    proc = run_cli("run", "--input", str(corpus), "--output", str(out), "--model", "no_such_spacy_model")
    assert proc.returncode == 1
    assert "no_such_spacy_model" in proc.stderr and "no new release" in proc.stderr
    assert json.loads((out / "latest.json").read_text()) == before


def test_concurrent_run_is_refused_while_locked(corpus, tmp_path):
    from filelock import FileLock

    out = tmp_path / "out"
    (out / ".newsfacts").mkdir(parents=True)
    with FileLock(str(out / ".newsfacts" / "run.lock")):
        proc = run_cli("run", "--input", str(corpus), "--output", str(out))
    assert proc.returncode == 3
    assert "another run" in proc.stderr
    assert not (out / "latest.json").exists()


def test_parse_workers_started_before_the_run_give_the_same_tables(corpus, tmp_path):
    # --n-process 2 starts two parse workers before Dagster is imported (pipelines.extract.parallel
    # .start_workers), which clean and parse ahead of the steps (pipelines.headstart); the tables
    # must be those of a run cleaning and parsing in-process.
    outs = {}
    for n in ("1", "2"):
        out = tmp_path / f"out{n}"
        res = run_cli("run", "--input", str(corpus), "--output", str(out), "--n-process", n)
        assert res.returncode == 0, res.stderr
        assert f"({n} process" in res.stderr
        # with workers started early, they clean (and parse) while the job starts: pipelines.headstart
        assert ("cleaned while the run started" in res.stderr) == (n == "2"), res.stderr
        outs[n] = out / json.loads((out / "latest.json").read_text())["path"]
    for table in ("documents", "mentions", "people", "organizations", "roles", "events"):
        a, b = (pl.read_parquet(outs[n] / f"{table}.parquet") for n in ("1", "2"))
        assert a.height > 0 and a.equals(b), table
