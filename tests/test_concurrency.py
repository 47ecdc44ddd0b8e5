"""Two runs on the same output at once: both finish, or one refuses with a clear message — never a
corrupt or half-written release. Covers the CLI, a Dagster run as the UI launches it, and the core
publisher used by both.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from release_integrity import (
    assert_output_consistent,
    assert_whole_release,
    publish,
    start_cli,
    start_publisher,
    temporaries,
)

pytestmark = pytest.mark.timeout(600)

HOLD_LOCK = r"""
import fcntl, os, sys, time
path = sys.argv[1]
os.makedirs(os.path.dirname(path), exist_ok=True)
fd = os.open(path, os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(120)
"""


@pytest.mark.slow
def test_two_cli_runs_at_once(corpus, tmp_path):
    out = tmp_path / "out"
    procs = [start_cli(corpus, out), start_cli(corpus, out)]
    results = [(p.communicate(timeout=600), p.returncode) for p in procs]
    results = [(code, out_, err) for (out_, err), code in results]
    codes = sorted(code for code, _, _ in results)
    assert codes in ([0, 0], [0, 3]), results
    for code, stdout, stderr in results:
        if code == 3:
            assert "another run is already writing to" in stderr and "wait for it to finish" in stderr
        else:
            assert "newsfacts:" in stdout
    assert_output_consistent(out)
    assert temporaries(out) == []
    assert len(list((out / "releases").iterdir())) == 1  # same input: one release, never two copies


def _hold(lock: Path) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(lock)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_ui_run_refuses_while_another_run_holds_the_output(settings_env):
    """A run launched from the UI (here: the same job, in-process) takes the same lock as the CLI."""
    import dagster as dg

    from pipelines.definitions import build_definitions

    out = Path(settings_env.output_dir)
    holder = _hold(out / ".newsfacts" / "run.lock")  # e.g. `newsfacts run` in another terminal
    try:
        job = build_definitions().resolve_job_def("newsfacts_job")
        started = time.monotonic()
        result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
        assert time.monotonic() - started < 120  # refused at once, not after doing the work
    finally:
        holder.kill()
        holder.wait()
    assert not result.success
    messages = []
    for event in result.all_events:
        err = getattr(event.event_specific_data, "error", None)
        while err is not None:
            messages.append(err.message)
            err = err.cause
    assert any("another run is already writing to" in m for m in messages), messages
    assert not (out / "latest.json").exists()
    assert not (out / "releases").exists() or not any((out / "releases").iterdir())


def test_cli_refuses_while_a_ui_run_holds_the_output(corpus, tmp_path):
    out = tmp_path / "out"
    holder = _hold(out / ".newsfacts" / "run.lock")  # e.g. a run launched from the UI
    try:
        proc = start_cli(corpus, out)
        _, stderr = proc.communicate(timeout=120)
        code = proc.returncode
    finally:
        holder.kill()
        holder.wait()
    assert code == 3
    assert f"another run is already writing to {out}" in stderr
    assert not (out / "latest.json").exists()


def test_concurrent_publishers_are_serialized_and_readers_only_see_whole_releases(tmp_path):
    out = tmp_path / "out"
    publish(out, 0, rows=2000)
    stop = threading.Event()
    seen: list[str] = []
    problems: list[str] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                latest = json.loads((out / "latest.json").read_text())
                assert_whole_release(out / latest["path"])
                seen.append(latest["version"])
            except Exception as exc:  # any torn read is a failure
                problems.append(repr(exc))
            time.sleep(0.01)

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    procs = [start_publisher(out, seed, rows=4000) for seed in range(1, 5)]
    for p in procs:
        p.wait_for("done", timeout=300)
        assert p.p.wait(timeout=60) == 0
    stop.set()
    t.join(timeout=30)
    assert not problems, problems[:3]
    assert seen
    folders = [p for p in (out / "releases").iterdir()]
    assert len(folders) == 5 and temporaries(out) == []
    for folder in folders:
        assert_whole_release(folder)
    latest = assert_output_consistent(out)
    versions = {line.split()[-1] for p in procs for line in p.seen if line.startswith("done")}
    assert latest["version"] in versions


def test_a_waiting_publisher_never_removes_a_live_temporary_folder(tmp_path):
    out = tmp_path / "out"
    publish(out, 0, rows=500)
    live = start_publisher(out, 1, {"NEWSFACTS_TEST_PAUSE_AT": "writing"}, rows=500)
    live.wait_for("paused at writing")
    tmp_before = temporaries(out)
    assert tmp_before  # the live publisher's temporary folder
    waiting = start_publisher(out, 2, rows=500)
    waiting.wait_for("start")
    time.sleep(3)
    assert waiting.p.poll() is None, "the second publisher did not wait for the first"
    assert temporaries(out) == tmp_before
    live.kill()
    waiting.wait_for("done", timeout=120)
    assert waiting.p.wait(timeout=60) == 0
    assert temporaries(out) == []  # the dead publisher's leftovers are gone
    assert_output_consistent(out)
