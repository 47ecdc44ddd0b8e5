"""Releases on object storage (`s3://`, `gs://`, `az://`, any fsspec URL).

Object stores cannot rename a folder or fsync, but one object PUT is atomic and a reader sees a
release only through files that exist. So the release is first built completely by the local
writer (`publish_release` on a temporary folder: same bytes, same descriptor, same card), then
uploaded file by file with `datapackage.json` **last** — a release folder without it is not a
release (`list_releases` skips it) — and only then is `latest.json` replaced in one PUT. A run killed
at any point leaves `latest.json` pointing at the previous whole release; what it uploaded is an
incomplete folder without a descriptor, which the next publish of the same version overwrites.

Only one publisher may write to an output at a time: on local disks `locks.py` enforces it; on
object storage the Dagster pool `newsfacts_publish` (limit 1 in dagster.yaml) does.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from pipelines import storage

DESCRIPTOR = "datapackage.json"


def publish_release_remote(
    tables: dict[str, pl.DataFrame],
    output_root: storage.PathLike,
    *,
    extra: dict | None = None,
    now: datetime | None = None,
):
    from pipelines.publish.release import LATEST, RELEASES, ReleaseResult, fingerprint, publish_release, read_latest, table_bytes

    root = storage.upath(output_root)
    fp = fingerprint({name: table_bytes(df) for name, df in tables.items()})
    latest = read_latest(root)
    if latest and latest.get("fingerprint") == fp and (root / latest["path"] / DESCRIPTOR).exists():
        return ReleaseResult(latest["version"], root / latest["path"], fp, created=False)
    same = _release_with_fingerprint(root / RELEASES, fp)
    if same is not None:  # published before, then superseded: point back at it
        body = json.loads(storage.read_bytes(same / DESCRIPTOR))
        _write_latest(root, same.name, fp, body.get("created"), {r["name"]: r.get("rows") for r in body.get("resources", [])})
        return ReleaseResult(same.name, same, fp, created=False)

    now = now or datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory(prefix="newsfacts-release-") as staging:
        local = publish_release(tables, staging, extra=extra, now=now)
        folder = Path(local.path)
        target = root / RELEASES / local.version
        files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: (p.name == DESCRIPTOR, p.as_posix()))
        for path in files:
            storage.write_bytes(target / path.relative_to(folder).as_posix(), path.read_bytes())
        storage.write_bytes(root / LATEST, (Path(staging) / LATEST).read_bytes())
    return ReleaseResult(local.version, target, fp, created=True)


def _release_with_fingerprint(releases, fp: str):
    if not releases.exists():
        return None
    for folder in sorted(releases.iterdir(), key=lambda p: p.name):
        if folder.name.startswith(".") or not folder.name.endswith(fp[:8]):
            continue
        desc = folder / DESCRIPTOR
        if desc.exists() and json.loads(storage.read_bytes(desc)).get("fingerprint") == fp:
            return folder
    return None


def _write_latest(root, version: str, fp: str, created: str | None, rows: dict) -> None:
    from pipelines.publish.release import LATEST, RELEASES

    body = {"version": version, "path": f"{RELEASES}/{version}", "fingerprint": fp, "created_at": created, "tables": rows}
    storage.write_bytes(root / LATEST, json.dumps(body, indent=2).encode())
