"""SIGKILL at any moment — before, while and after writing a release — never leaves a broken one.

Two levels:
- `publish_release` in a small subprocess, killed at a sweep of delays and at each named step of
  publishing (the test-only pause hook `NEWSFACTS_TEST_PAUSE_AT` in pipelines/publish/release.py);
- the real `newsfacts run`, killed while extracting and at each step of writing its release.
After every kill `latest.json` points at a whole release whose files match the sha256 in its
datapackage.json, and the next run succeeds (no stale lock, leftovers removed).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from release_integrity import (
    ROWS,
    Proc,
    assert_output_consistent,
    publish,
    run_cli,
    start_cli,
    start_publisher,
    temporaries,
)

pytestmark = pytest.mark.timeout(600)


def latest_version(out: Path) -> str | None:
    p = out / "latest.json"
    return json.loads(p.read_text())["version"] if p.exists() else None


def visible_releases(out: Path) -> set[str]:
    rel = out / "releases"
    return {p.name for p in rel.iterdir() if not p.name.startswith(".")} if rel.is_dir() else set()


def test_publish_killed_at_each_step_and_at_a_sweep_of_delays(tmp_path):
    out = tmp_path / "out"
    publish(out, 0)
    seed = 1

    # 1. At each named step: the outcome is known exactly.
    steps = {
        # step: (latest moves to the new release?, new visible folder?, leftovers?)
        "locked": (False, False, False),
        "writing": (False, False, True),
        "written": (False, False, True),
        "renamed": (False, True, False),
        "latest_written": (False, True, True),
        "published": (True, True, False),
    }
    for step, (moved, new_folder, leftovers) in steps.items():
        before_latest, before_folders = latest_version(out), visible_releases(out)
        proc = start_publisher(out, seed, {"NEWSFACTS_TEST_PAUSE_AT": step})
        proc.wait_for(f"paused at {step}")
        proc.kill()
        seed += 1
        assert_output_consistent(out)
        assert (latest_version(out) != before_latest) == moved, step
        assert (len(visible_releases(out)) == len(before_folders) + 1) == new_folder, step
        assert bool(temporaries(out)) == leftovers, (step, temporaries(out))

    # The next publish is not refused (the kernel dropped the dead process's locks) and cleans up.
    publish(out, seed)
    seed += 1
    assert temporaries(out) == []
    assert_output_consistent(out)

    # 2. At a sweep of delays after the publisher starts, wherever that lands.
    t0 = time.monotonic()
    timed = start_publisher(out, seed)
    timed.wait_for("start")
    start = time.monotonic()
    timed.wait_for("done")
    duration = time.monotonic() - start
    seed += 1
    assert time.monotonic() - t0 < 120
    outcomes = set()
    for k in range(8):
        before = latest_version(out)
        proc = start_publisher(out, seed)
        proc.wait_for("start")
        time.sleep(duration * k / 7)
        proc.kill(may_have_finished=True)
        seed += 1
        latest = assert_output_consistent(out)
        outcomes.add("moved" if latest["version"] != before else "kept")
    assert "kept" in outcomes  # the early kills did land before latest.json moved
    version = publish(out, seed)
    assert temporaries(out) == []
    assert latest_version(out) == version
    assert_output_consistent(out)


def test_same_content_after_kill_between_rename_and_latest_reuses_the_folder(tmp_path):
    out = tmp_path / "out"
    publish(out, 0, rows=50)
    proc = start_publisher(out, 1, {"NEWSFACTS_TEST_PAUSE_AT": "renamed"}, rows=50)
    proc.wait_for("paused at renamed")
    proc.kill()
    assert len(visible_releases(out)) == 2
    again = publish(out, 1, rows=50)
    # The whole folder the killed run renamed into place is reused: no second copy of the same content.
    assert len(visible_releases(out)) == 2
    assert latest_version(out) == again
    assert_output_consistent(out)


@pytest.mark.slow
def test_newsfacts_run_killed_at_many_points(corpus, tmp_path):
    out = tmp_path / "out"
    first = run_cli(corpus, out)
    assert first.returncode == 0, first.stderr
    base = latest_version(out)
    n = 0

    def add_article() -> None:
        nonlocal n
        n += 1
        (corpus / f"added_{n}.txt").write_text(
            f"Harbour pilots in the northern port walked out on day {n} of the dispute over pay, the union said.\n",
            encoding="utf-8",
        )

    # Killed while the graph is still working (after ingest, while extracting): nothing changes.
    add_article()
    proc = Proc(start_cli(corpus, out), stream="stderr")
    proc.wait_for("extract:")
    proc.kill()
    assert latest_version(out) == base
    assert_output_consistent(out)

    # Killed at each step of writing the release.
    # (Every step is covered by the cheaper publisher test above; these are the real CLI's.)
    for step in ("writing", "latest_written"):
        before = latest_version(out)
        add_article()
        proc = Proc(start_cli(corpus, out, env={"NEWSFACTS_TEST_PAUSE_AT": step}), stream="stderr")
        proc.wait_for(f"paused at {step}")
        proc.kill()
        assert latest_version(out) == before, step
        assert_output_consistent(out)

    # The next run is not refused by a stale lock, succeeds, and removes the leftovers.
    assert temporaries(out)
    final = run_cli(corpus, out)
    assert final.returncode == 0, final.stderr
    assert "published new release" in final.stdout
    assert temporaries(out) == []
    latest = assert_output_consistent(out)
    assert latest["version"] != base
    import polars as pl

    docs = pl.read_parquet(out / latest["path"] / "documents.parquet")
    assert {f"added_{i}.txt" for i in range(1, n + 1)} <= set(docs["source"])
