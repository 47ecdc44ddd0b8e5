"""Reading published releases: `load("events", root, version="latest")` returns a polars LazyFrame."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from pipelines.publish.release import RELEASES, list_releases, read_latest

__all__ = ["load", "list_releases", "release_path"]


def release_path(root: str | os.PathLike, version: str = "latest") -> Path:
    root = Path(root)
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
        return pl.scan_parquet(single)
    parts = folder / table
    if parts.is_dir():
        return pl.scan_parquet(parts / "*.parquet")
    raise FileNotFoundError(f"release {folder.name} has no table {table!r}")
