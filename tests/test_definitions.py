import subprocess
import sys

import dagster as dg

from pipelines.definitions import build_definitions

TABLE_ASSETS = {
    "raw_documents": "ingest",
    "rejected": "ingest",
    "documents": "clean",
    "mention_candidates": "extract",
    "role_candidates": "extract",
    "event_candidates": "extract",
    "entity_links": "extract",
    "mentions": "extract",
    "people": "extract",
    "organizations": "extract",
    "roles": "extract",
    "events": "extract",
    "release": "publish",
}


def test_definitions_load_with_groups_kinds_docs_and_schema():
    defs = build_definitions()
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert set(TABLE_ASSETS) <= keys
    for key, group in TABLE_ASSETS.items():
        node = graph.get(dg.AssetKey(key))
        assert node.group_name == group, key
        assert node.kinds, key
        assert node.description, key
        if key != "release":
            assert "dagster/column_schema" in node.metadata, key
    assert defs.resolve_job_def("newsfacts_job") is not None
    sensor = defs.resolve_sensor_def("new_input_files")
    assert sensor.default_status == dg.DefaultSensorStatus.STOPPED


def test_definitions_load_without_spacy_or_great_expectations():
    code = (
        "import sys; from pipelines.definitions import build_definitions; build_definitions(); "
        "bad = [m for m in ('spacy', 'great_expectations', 'trafilatura') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_sensor_requests_run_only_when_input_changes(settings_env, corpus):
    defs = build_definitions()
    sensor = defs.resolve_sensor_def("new_input_files")
    ctx = dg.build_sensor_context()
    first = sensor.evaluate_tick(ctx)
    assert len(first.run_requests) == 1
    ctx2 = dg.build_sensor_context(cursor=first.cursor)
    assert sensor.evaluate_tick(ctx2).run_requests == []
    (corpus / "new_article.txt").write_text("A new article arrived about a strike.")
    ctx3 = dg.build_sensor_context(cursor=first.cursor)
    assert len(sensor.evaluate_tick(ctx3).run_requests) == 1


def test_dagster_yaml_is_a_valid_instance_config(tmp_path):
    import shutil
    from pathlib import Path

    shutil.copy(Path(__file__).parent.parent / "dagster.yaml", tmp_path / "dagster.yaml")
    instance = dg.DagsterInstance.from_config(str(tmp_path))
    try:
        assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 2
    finally:
        instance.dispose()
