"""Shared checks for the crash, concurrency and bad-input tests: is an output root whole?"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "pipelines.cli"]

# Publishes a documents table whose content depends on argv[2]; prints "start" right before publishing.
PUBLISHER = r"""
import sys, hashlib
from pipelines import schema
from pipelines.publish import publish_release
out, seed, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
docs = schema.from_rows("documents", [
    {"doc_id": f"doc_{seed}_{i}", "source": f"{i}.txt",
     "text": " ".join(hashlib.sha256(f"{seed}-{i}-{j}".encode()).hexdigest() for j in range(4)),
     "raw_chars": 256, "clean_chars": 256}
    for i in range(rows)])
tables = {n: (docs if n == "documents" else schema.empty(n)) for n in schema.RELEASE_TABLES}
print("start", flush=True)
r = publish_release(tables, out)
print("done", r.version, flush=True)
"""


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


ROWS = 20000


class Proc:
    """A child process whose output lines are read in the background."""

    def __init__(self, popen: subprocess.Popen, stream: str = "stdout"):
        self.p = popen
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        fh = getattr(popen, stream)
        threading.Thread(target=self._pump, args=(fh,), daemon=True).start()

    def _pump(self, fh) -> None:
        for line in fh:
            self.lines.put(line)

    def wait_for(self, needle: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.05)
            except queue.Empty:
                if self.p.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if needle in line:
                return
        self.p.kill()
        raise AssertionError(f"never saw {needle!r}; output: {''.join(self.seen)[-2000:]}")

    def kill(self, may_have_finished: bool = False) -> None:
        self.p.send_signal(signal.SIGKILL)
        self.p.wait(timeout=30)
        assert self.p.returncode == -signal.SIGKILL or (may_have_finished and self.p.returncode == 0)


def start_publisher(out: Path, seed: int, env: dict | None = None, rows: int = ROWS) -> Proc:
    e = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    p = subprocess.Popen(
        [sys.executable, "-c", PUBLISHER, str(out), str(seed), str(rows)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=e, cwd=PROJECT,
    )
    return Proc(p)


def publish(out: Path, seed: int, rows: int = ROWS) -> str:
    """Publish to the end in a subprocess; the new latest version."""
    done = subprocess.run([sys.executable, "-c", PUBLISHER, str(out), str(seed), str(rows)], capture_output=True, text=True, cwd=PROJECT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[-1]
