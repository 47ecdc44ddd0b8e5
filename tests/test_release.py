import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import polars as pl
import pytest

from pipelines import schema
from pipelines.publish import list_releases, publish_release, read_latest
from pipelines.publish import release as release_mod
from pipelines.releases import load

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def tables(n: int = 2) -> dict[str, pl.DataFrame]:
    docs = schema.from_rows(
        "documents",
        [{"doc_id": f"doc_{i}", "source": f"{i}.txt", "text": f"Text {i}.", "raw_chars": 7, "clean_chars": 7} for i in range(n)],
    )
    return {name: (docs if name == "documents" else schema.empty(name)) for name in schema.RELEASE_TABLES}


def test_publish_writes_whole_release(tmp_path):
    res = publish_release(tables(), tmp_path, now=T0)
    assert res.created
    latest = read_latest(tmp_path)
    assert latest["version"] == res.version and (tmp_path / latest["path"]).is_dir()
    pkg = json.loads((res.path / "datapackage.json").read_text())
    names = [r["name"] for r in pkg["resources"]]
    assert names == schema.RELEASE_TABLES
    docs = next(r for r in pkg["resources"] if r["name"] == "documents")
    assert docs["rows"] == 2 and docs["hash"].startswith("sha256:")
    assert {"name": "published_date", "type": "date"} in docs["schema"]["fields"]
    import hashlib

    for r in pkg["resources"]:
        assert "sha256:" + hashlib.sha256((res.path / r["path"]).read_bytes()).hexdigest() == r["hash"]
    card = (res.path / "README.md").read_text()
    assert "DuckDB" in card and "polars" in card
    assert load("documents", tmp_path).collect().height == 2


def test_same_content_gives_same_release(tmp_path):
    a = publish_release(tables(), tmp_path, now=T0)
    b = publish_release(tables(), tmp_path, now=T0 + timedelta(hours=1))
    assert not b.created and b.version == a.version
    assert len(list((tmp_path / "releases").iterdir())) == 1
    c = publish_release(tables(3), tmp_path, now=T0 + timedelta(hours=2))
    assert c.created and c.version != a.version
    assert [r["version"] for r in list_releases(tmp_path)] == [a.version, c.version]
    assert load("documents", tmp_path, version=a.version).collect().height == 2
    assert load("documents", tmp_path).collect().height == 3


def test_failure_while_writing_leaves_previous_release(tmp_path, monkeypatch):
    first = publish_release(tables(), tmp_path, now=T0)
    calls = {"n": 0}
    real = release_mod._write_file

    def flaky(path, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(path, data)

    monkeypatch.setattr(release_mod, "_write_file", flaky)
    with pytest.raises(OSError):
        publish_release(tables(5), tmp_path, now=T0 + timedelta(hours=1))
    assert read_latest(tmp_path)["version"] == first.version
    # No half-written folder is left behind, hidden or not.
    assert [p.name for p in (tmp_path / "releases").iterdir()] == [first.version]
    assert load("documents", tmp_path).collect().height == 2


def test_load_unknown_table_or_version(tmp_path):
    with pytest.raises(FileNotFoundError):
        load("documents", tmp_path)
    publish_release(tables(), tmp_path, now=T0)
    with pytest.raises(FileNotFoundError):
        load("nope", tmp_path)
    with pytest.raises(FileNotFoundError):
        load("documents", tmp_path, version="v999")
