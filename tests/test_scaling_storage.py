"""Releases, working tables and caches on an fsspec filesystem other than the local disk (memory://)."""

import json
import uuid
from datetime import date, datetime, timezone

import polars as pl
import pytest
from upath import UPath

from pipelines import incremental, storage
from pipelines.publish import list_releases, publish_release, read_latest
from pipelines.releases import load


@pytest.fixture
def mem_root():
    root = f"memory://newsfacts-test-{uuid.uuid4().hex[:8]}"
    yield root
    storage.remove_tree(root)


def _tables(n: int = 3) -> dict[str, pl.DataFrame]:
    return {
        "documents": pl.DataFrame({"doc_id": [f"doc_{i}" for i in range(n)], "published_date": [date(2023, 7, 26)] * n}),
        "events": pl.DataFrame({"event_id": [f"evt_{i}" for i in range(n)], "confidence": [0.5] * n}),
    }


def test_storage_roundtrip_on_memory_filesystem(mem_root):
    path = UPath(mem_root) / "a" / "b.bin"
    storage.write_bytes(path, b"one")
    storage.write_bytes(path, b"two")
    assert storage.read_bytes(path) == b"two"
    df = pl.DataFrame({"x": [1, 2, 3]})
    storage.write_parquet(UPath(mem_root) / "t.parquet", df)
    assert storage.read_parquet(UPath(mem_root) / "t.parquet").equals(df)
    storage.remove_tree(UPath(mem_root) / "a")
    assert not path.exists()


def test_local_write_is_atomic_and_leaves_no_temporaries(tmp_path):
    target = tmp_path / "x" / "file.json"
    storage.write_bytes(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]


def test_release_on_memory_filesystem(mem_root):
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    first = publish_release(_tables(), mem_root, now=now)
    assert first.created
    latest = read_latest(mem_root)
    assert latest["version"] == first.version and latest["tables"] == {"documents": 3, "events": 3}
    folder = UPath(mem_root) / latest["path"]
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["README.md", "datapackage.json", "documents.parquet", "events.parquet"]
    pkg = json.loads((folder / "datapackage.json").read_text())
    assert pkg["fingerprint"] == first.fingerprint and pkg["resources"][0]["rows"] == 3
    assert load("events", mem_root).collect().equals(_tables()["events"])

    again = publish_release(_tables(), mem_root, now=now)
    assert not again.created and again.version == first.version

    second = publish_release(_tables(5), mem_root, now=datetime(2026, 1, 3, tzinfo=timezone.utc))
    assert second.created and read_latest(mem_root)["version"] == second.version
    assert [r["version"] for r in list_releases(mem_root)] == [first.version, second.version]
    # Same content as an older release: latest points back at it, no new folder.
    back = publish_release(_tables(), mem_root)
    assert not back.created and back.version == first.version == read_latest(mem_root)["version"]
    assert len(list_releases(mem_root)) == 2


def test_killed_upload_leaves_previous_release_latest(mem_root, monkeypatch):
    first = publish_release(_tables(), mem_root)
    real = storage.write_bytes

    def dies_at_descriptor(path, data):
        if str(path).endswith("datapackage.json"):
            raise KeyboardInterrupt("killed")
        real(path, data)

    monkeypatch.setattr(storage, "write_bytes", dies_at_descriptor)
    with pytest.raises(KeyboardInterrupt):
        publish_release(_tables(7), mem_root, now=datetime(2027, 1, 1, tzinfo=timezone.utc))
    monkeypatch.setattr(storage, "write_bytes", real)
    # The half-uploaded folder has no descriptor: not a release; latest.json untouched.
    assert read_latest(mem_root)["version"] == first.version
    assert [r["version"] for r in list_releases(mem_root)] == [first.version]
    assert load("events", mem_root).collect().height == 3
    # The next publish of that content completes it.
    done = publish_release(_tables(7), mem_root, now=datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert done.created and load("events", mem_root).collect().height == 7


def test_table_io_manager_on_memory_filesystem(mem_root):
    import dagster as dg

    from pipelines.defs.resources import TableIOManager

    manager = TableIOManager(base_dir=mem_root + "/.newsfacts")
    df = pl.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    manager.handle_output(dg.build_output_context(asset_key=dg.AssetKey("mentions")), df)
    loaded = manager.load_input(dg.build_input_context(asset_key=dg.AssetKey("mentions")))
    assert loaded.equals(df)
    assert (UPath(mem_root) / ".newsfacts" / "tables" / "mentions.parquet").exists()


def test_run_fingerprint_sees_new_changed_and_removed_files(tmp_path):
    from pipelines.settings import Settings

    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text("one")
    s = Settings(input_dir=str(inp), output_dir=str(tmp_path / "out"), expectations_dir=str(tmp_path / "none"))
    fp = incremental.run_fingerprint(s)
    assert incremental.run_fingerprint(s) == fp
    (inp / "b.txt").write_text("two")
    fp2 = incremental.run_fingerprint(s)
    assert fp2 != fp
    (inp / "b.txt").write_text("two, longer")
    assert incremental.run_fingerprint(s) != fp2
    (inp / "b.txt").unlink()
    assert incremental.run_fingerprint(s) == fp
    # Nothing recorded yet, or no release: never "unchanged".
    assert incremental.unchanged(s, fp) is None
    publish_release(_tables(), s.output_dir)
    incremental.record(s, fp)
    assert incremental.unchanged(s, fp)["version"] == read_latest(s.output_dir)["version"]
    assert incremental.unchanged(s, fp2) is None
    # A newer release than the one recorded (e.g. published from the UI): run again.
    publish_release(_tables(4), s.output_dir)
    assert incremental.unchanged(s, fp) is None


def test_executor_is_chosen_by_environment(monkeypatch):
    import dagster as dg

    from pipelines.defs.resources import executor_from_env

    monkeypatch.delenv("NEWSFACTS_EXECUTOR", raising=False)
    assert executor_from_env() is dg.in_process_executor
    monkeypatch.setenv("NEWSFACTS_EXECUTOR", "multiprocess:3")
    assert executor_from_env().name == "multiprocess"
    monkeypatch.setenv("NEWSFACTS_EXECUTOR", "dagster:in_process_executor")
    assert executor_from_env() is dg.in_process_executor


# --- ingestion batches (dynamic partitions) ---------------------------------------------------


def test_batches_hold_only_new_or_changed_files(tmp_path):
    from pipelines import batches

    inp, state = tmp_path / "in", tmp_path / "state"
    inp.mkdir()
    (inp / "a.txt").write_text("one")
    (inp / "b.txt").write_text("two")
    key1, m1 = batches.plan_batch(inp, state)
    assert sorted(m1["files"]) == ["a.txt", "b.txt"]
    assert batches.plan_batch(inp, state) is None
    (inp / "c.txt").write_text("three")
    (inp / "a.txt").write_text("one, changed")
    key2, m2 = batches.plan_batch(inp, state)
    assert sorted(m2["files"]) == ["a.txt", "c.txt"] and key2 != key1
    assert batches.batch_keys(state) == sorted([key1, key2])


@pytest.mark.slow
def test_batch_partition_run_fills_the_caches_so_the_corpus_run_parses_nothing(settings_env):
    import dagster as dg

    from pipelines.definitions import build_definitions

    defs = build_definitions()
    instance = dg.DagsterInstance.ephemeral()
    sensor = defs.resolve_sensor_def("new_input_batches")

    def tick():
        return sensor(dg.build_sensor_context(instance=instance))

    result = tick()
    assert len(result.run_requests) == 1
    key = result.run_requests[0].partition_key
    assert [r.partition_keys for r in result.dynamic_partitions_requests] == [[key]]
    assert isinstance(tick(), dg.SkipReason)  # nothing new: no second batch

    instance.add_dynamic_partitions("ingest_batches", [key])
    batch = defs.resolve_job_def("ingest_batch_job").execute_in_process(instance=instance, partition_key=key)
    assert batch.success
    corpus = defs.resolve_job_def("newsfacts_job").execute_in_process(instance=instance)
    assert corpus.success
    mat = corpus.asset_materializations_for_node("parse_documents")[0]
    assert mat.metadata["documents_parsed"].value == 0
    assert mat.metadata["documents_cached"].value >= 3
