"""Write a release so that readers only ever see whole releases.

Layout of the output root:

    latest.json                  -> {"version", "path", "fingerprint", "created_at", "tables"}
    releases/<version>/          one immutable folder per release
        <table>.parquet, datapackage.json, README.md
    .newsfacts/                  working state (intermediate tables, caches, lock)

A release is written into a hidden temporary folder, fsynced, renamed into place, and only then is
`latest.json` replaced (write temp + os.replace). A run killed at any moment leaves the previous
release whole and `latest.json` pointing at it. The version's fingerprint is a hash of the tables'
contents, so the same input and code give the same release and no new folder.

Publishing holds `.newsfacts/publish.lock` (see `locks.py`), so runs started from the UI, the CLI or
Python never write releases at the same time; while holding it, the temporary leftovers of killed
runs (`releases/.tmp-*`, `.latest.json.*.tmp`) are removed, since no live publisher can own them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from pipelines import __version__, schema
from pipelines.storage import is_local, upath
from pipelines.publish import locks
from pipelines.publish.card import dataset_card

LATEST = "latest.json"
RELEASES = "releases"
TMP_PREFIX = ".tmp-"
# How long a publisher waits for another one to finish writing its release.
PUBLISH_LOCK_TIMEOUT = 600.0


@dataclass(frozen=True)
class ReleaseResult:
    version: str
    path: Path
    fingerprint: str
    created: bool  # False when the content equals the latest release


def table_bytes(df: pl.DataFrame) -> bytes:
    """Deterministic Parquet bytes: same frame, same bytes (no timestamps, fixed compression)."""
    buf = io.BytesIO()
    df.write_parquet(buf, compression="zstd", compression_level=3, statistics=True)
    return buf.getvalue()


def fingerprint(blobs: dict[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(blobs):
        h.update(name.encode() + b"\0" + hashlib.sha256(blobs[name]).hexdigest().encode() + b"\n")
    return h.hexdigest()


def read_latest(output_root: str | os.PathLike) -> dict | None:
    path = upath(output_root) / LATEST  # any fsspec URL (s3://...) as well as a local folder
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def list_releases(output_root: str | os.PathLike) -> list[dict]:
    """Every whole release under the output root, oldest first, with its descriptor summary."""
    root = upath(output_root) / RELEASES
    out = []
    if not root.is_dir():
        return out
    latest = (read_latest(output_root) or {}).get("version")
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        pkg_path = folder / "datapackage.json"
        if not pkg_path.exists():
            continue
        pkg = json.loads(pkg_path.read_text(encoding="utf-8"))
        out.append(
            {
                "version": pkg.get("version", folder.name),
                "created": pkg.get("created"),
                "path": str(folder),
                "latest": pkg.get("version") == latest,
                "rows": {r["name"]: r.get("rows") for r in pkg.get("resources", [])},
                "quality": pkg.get("quality", {}).get("summary"),
            }
        )
    return out


def publish_release(
    tables: dict[str, pl.DataFrame],
    output_root: str | os.PathLike,
    *,
    extra: dict | None = None,
    now: datetime | None = None,
) -> ReleaseResult:
    """Publish `tables` as a new release unless the latest release already holds exactly them."""
    if not is_local(output_root):  # object storage: same release, uploaded descriptor-last (remote.py)
        from pipelines.publish.remote import publish_release_remote

        return publish_release_remote(tables, output_root, extra=extra, now=now)
    root = Path(output_root)
    blobs = {name: table_bytes(df) for name, df in tables.items()}
    fp = fingerprint(blobs)
    lock = locks.lock_path(root, locks.PUBLISH_LOCK)
    with locks.locked(lock, PUBLISH_LOCK_TIMEOUT, what="another run's publish step"):
        _test_pause("locked")
        remove_stale_temporaries(root)
        return _publish_locked(tables, blobs, fp, root, extra or {}, now)


def _publish_locked(tables, blobs, fp, root: Path, extra: dict, now) -> ReleaseResult:
    releases = root / RELEASES
    releases.mkdir(parents=True, exist_ok=True)
    latest = read_latest(root)
    if latest and latest.get("fingerprint") == fp and (root / latest["path"]).is_dir():
        return ReleaseResult(latest["version"], root / latest["path"], fp, created=False)

    now = now or datetime.now(timezone.utc)
    same = _release_with_fingerprint(releases, fp)
    if same is not None:  # same content published before (then superseded, or a run died before latest.json)
        _write_latest(root, same.name, fp, now, tables)
        return ReleaseResult(same.name, same, fp, created=False)
    version = now.strftime("%Y%m%dT%H%M%SZ") + "-" + fp[:8]
    final = releases / version

    tmp = releases / f"{TMP_PREFIX}{version}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        resources = []
        for name, df in tables.items():
            data = blobs[name]
            _write_file(tmp / f"{name}.parquet", data)
            resources.append(_resource(name, df, data))
            _test_pause("writing")
        package = {
            "profile": "data-package",
            "name": "newsfacts",
            "title": "newsfacts: people, roles, organizations and events from news",
            "version": version,
            "created": now.isoformat(),
            "fingerprint": fp,
            "generator": f"newsfacts {__version__}",
            "resources": resources,
            **{k: v for k, v in extra.items() if not k.startswith("_")},  # "_files" are written below
        }
        _write_file(tmp / "datapackage.json", json.dumps(package, indent=2, default=str).encode())
        _write_file(tmp / "README.md", dataset_card(package, tables).encode())
        for name, content in (extra.get("_files") or {}).items():
            target = tmp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_file(target, content if isinstance(content, bytes) else content.encode())
        _fsync_dir(tmp)
        _test_pause("written")
        os.rename(tmp, final)
        _fsync_dir(releases)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _test_pause("renamed")
    _write_latest(root, version, fp, now, tables)
    _test_pause("published")
    return ReleaseResult(version, final, fp, created=True)


def _release_with_fingerprint(releases: Path, fp: str) -> Path | None:
    """A whole release folder already holding exactly this content, if any."""
    for folder in sorted(releases.glob(f"*-{fp[:8]}")):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            pkg = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if pkg.get("fingerprint") == fp:
            return folder
    return None


def remove_stale_temporaries(output_root: str | os.PathLike) -> list[str]:
    """Delete what killed publishers left: `releases/.tmp-*` folders and `.latest.json.*.tmp` files.

    Call only while holding the publish lock: then no live publisher owns any of them.
    """
    root = Path(output_root)
    removed = []
    releases = root / RELEASES
    if releases.is_dir():
        for p in releases.iterdir():
            if p.name.startswith(TMP_PREFIX) and p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
                removed.append(str(p))
    if root.is_dir():
        for p in root.glob(f".{LATEST}.*.tmp"):
            if p.is_file() and not p.is_symlink():
                p.unlink(missing_ok=True)
                removed.append(str(p))
    return removed


def _test_pause(point: str) -> None:
    """Test-only crash hook, inert unless NEWSFACTS_TEST_PAUSE_AT names this point.

    tests/test_crash.py sets it, waits for the line below on stderr, and SIGKILLs the process while
    it sleeps here, so that a kill lands exactly between two steps of publishing.
    """
    if os.environ.get("NEWSFACTS_TEST_PAUSE_AT") == point:
        print(f"newsfacts-test: paused at {point}", file=sys.stderr, flush=True)
        time.sleep(600)


def _resource(name: str, df: pl.DataFrame, data: bytes) -> dict:
    return {
        "name": name,
        "path": f"{name}.parquet",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "rows": df.height,
        "description": schema.DESCRIPTIONS.get(name, ""),
        "schema": {"fields": [{"name": c, "type": _frictionless_type(t)} for c, t in df.schema.items()]},
    }


def _frictionless_type(dtype: pl.DataType) -> str:
    if dtype == pl.String:
        return "string"
    if dtype.is_integer():
        return "integer"
    if dtype.is_float():
        return "number"
    if dtype == pl.Boolean:
        return "boolean"
    if dtype == pl.Date:
        return "date"
    if dtype == pl.Datetime:
        return "datetime"
    if isinstance(dtype, pl.List):
        return "array"
    return "any"


def _write_latest(root: Path, version: str, fp: str, now: datetime, tables: dict[str, pl.DataFrame]) -> None:
    body = {
        "version": version,
        "path": f"{RELEASES}/{version}",
        "fingerprint": fp,
        "created_at": now.isoformat(),
        "tables": {n: df.height for n, df in tables.items()},
    }
    tmp = root / f".{LATEST}.{uuid.uuid4().hex[:8]}.tmp"
    _write_file(tmp, json.dumps(body, indent=2).encode())
    _test_pause("latest_written")
    os.replace(tmp, root / LATEST)
    _fsync_dir(root)


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
