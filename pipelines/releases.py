"""Reading published releases: `load("events", root, version="latest")` returns a polars LazyFrame."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from pipelines.publish.release import RELEASES, list_releases, read_latest
from pipelines.storage import is_local, upath

__all__ = ["load", "list_releases", "release_path"]


def release_path(root: str | os.PathLike, version: str = "latest") -> Path:
    root = upath(root)  # a local folder or any fsspec URL (s3://bucket/news, ...)
    if version == "latest":
        latest = read_latest(root)
        if latest is None:
            raise FileNotFoundError(f"no release has been published under {root}")
        return root / latest["path"]
    path = root / RELEASES / version
    if not path.is_dir():
        raise FileNotFoundError(f"release {version!r} does not exist under {root}")
    return path


def load(table: str, root: str | os.PathLike, version: str = "latest") -> pl.LazyFrame:
    folder = release_path(root, version)
    single = folder / f"{table}.parquet"
    if single.exists():
        return _scan(single)
    parts = folder / table
    if parts.is_dir():
        if not is_local(parts):
            return pl.concat([_scan(p) for p in sorted(parts.glob("*.parquet"), key=str)])
        return pl.scan_parquet(parts / "*.parquet")
    raise FileNotFoundError(f"release {folder.name} has no table {table!r}")


# Object stores polars reads itself (lazily, with predicate pushdown); other fsspec filesystems go through fsspec.
_NATIVE = {"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "http", "https", "hf"}


def _scan(path) -> pl.LazyFrame:
    if is_local(path):
        return pl.scan_parquet(path.path if hasattr(path, "protocol") and path.protocol else str(path))
    if path.protocol in _NATIVE:
        return pl.scan_parquet(str(path), storage_options=dict(path.storage_options) or None)
    with path.open("rb") as fh:
        return pl.read_parquet(fh).lazy()
