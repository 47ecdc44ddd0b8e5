"""Files on any fsspec filesystem (local disk, `s3://`, `gs://`, `memory://`) through universal-pathlib.

Object stores have no atomic rename and no fsync, but a single object PUT is atomic: readers see the
old object or the new one, never half of it. So every writer here follows one rule that holds on
both kinds of storage: **write the data first, then one small commit object that makes it visible**.
On a local disk each file is additionally written to a temporary name, fsynced and renamed into
place, so a killed process never leaves a half-written file under the final name.
"""

from __future__ import annotations

import io
import os
import uuid
from typing import Union

import polars as pl
from upath import UPath

PathLike = Union[str, os.PathLike, UPath]

LOCAL_PROTOCOLS = ("", "file", "local")


def upath(path: PathLike) -> UPath:
    return path if isinstance(path, UPath) else UPath(path)


def is_local(path: PathLike) -> bool:
    return upath(path).protocol in LOCAL_PROTOCOLS


def _local(path: UPath) -> str:
    return path.path if path.protocol else str(path)


def write_bytes(path: PathLike, data: bytes) -> None:
    """Write `path` so that readers see either its old content or all of `data`."""
    path = upath(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not is_local(path):
        with path.open("wb") as fh:  # one PUT on object stores: atomic
            fh.write(data)
        return
    final = _local(path)
    tmp = f"{final}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def read_bytes(path: PathLike) -> bytes:
    with upath(path).open("rb") as fh:
        return fh.read()


def parquet_bytes(df: pl.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.write_parquet(buf, compression="zstd", compression_level=3, statistics=True)
    return buf.getvalue()


def write_parquet(path: PathLike, df: pl.DataFrame) -> None:
    write_bytes(path, parquet_bytes(df))


def read_parquet(path: PathLike, columns: list[str] | None = None) -> pl.DataFrame:
    path = upath(path)
    if is_local(path):
        return pl.read_parquet(_local(path), columns=columns)
    with path.open("rb") as fh:
        return pl.read_parquet(fh, columns=columns)


def remove_tree(path: PathLike) -> None:
    path = upath(path)
    if not path.exists():
        return
    if is_local(path):
        import shutil

        shutil.rmtree(_local(path), ignore_errors=True)
    else:
        path.fs.rm(path.path, recursive=True)
