"""Cache of per-document extraction results, so that a document is parsed once, ever.

Key of a document: sha256 of every field of its `DocInput` (doc id, clean text, date, dateline, ...).
Namespace of the cache: model name and version, spaCy version, `EXTRACTOR_VERSION` and a hash of
the extractor code and data (everything under `pipelines/extract/`, plus `pipelines/schema.py`).
Changing any of them starts a new, empty namespace, so a stale result can never be served.

Layout (under the output's state folder, any fsspec URL):

    cache/annotations/<namespace>/seg-<time>-<id>/mentions.parquet   candidate rows + _key, _seq
                                                /roles.parquet
                                                /events.parquet
                                                /keys.parquet       written last: the commit marker

A segment is immutable and becomes visible only once `keys.parquet` exists, which works on object
stores (no rename needed) as well as on disk. Runs append segments; when there are more than
`MAX_SEGMENTS`, they are merged into one. Rows are stored as typed Parquet, so a cached document
comes back as columns, without a Python object per row.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import uuid
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import polars as pl

from pipelines import storage

TABLES = ("mentions", "roles", "events")
KEY = "_key"
SEQ = "_seq"
KEYS_FILE = "keys.parquet"
MAX_SEGMENTS = 32

_PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extractor code and data files (and the data contract)."""
    return code_hash(_PACKAGE / "extract", _PACKAGE / "schema.py")


@lru_cache(maxsize=8)
def namespace(model: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    from pipelines.extract.annotate import EXTRACTOR_VERSION

    try:
        spacy_version = version("spacy")
    except PackageNotFoundError:
        spacy_version = "?"
    model_version = "?"
    for dist in (model, model.replace("_", "-")):
        try:
            model_version = version(dist)
            break
        except PackageNotFoundError:
            continue
    ident = f"{model}\0{model_version}\0{spacy_version}\0{EXTRACTOR_VERSION}\0{code_fingerprint()}"
    slug = re.sub(r"[^A-Za-z0-9_.-]", "_", model)[:40]
    return f"{slug}-{hashlib.sha256(ident.encode()).hexdigest()[:16]}"


def doc_key(doc) -> str:
    """Content key of one `DocInput`: every field, so new fields are covered automatically."""
    payload = json.dumps(dataclasses.asdict(doc), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def code_hash(*folders: Path, extra: str = "") -> str:
    """Hash of every file under `folders` (sources and data), plus `extra`."""
    h = hashlib.sha256(extra.encode())
    for folder in folders:
        files = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for p in files:
            h.update(p.relative_to(_PACKAGE).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


class SegmentCache:
    """Rows of several tables per key, in immutable segments under `root` (any fsspec URL)."""

    def __init__(self, root: storage.PathLike, tables: tuple[str, ...]):
        self.root = storage.upath(root)
        self.tables = tables

    def segments(self) -> list:
        """Committed segments, oldest first."""
        if not self.root.exists():
            return []
        segs = [p for p in self.root.iterdir() if p.name.startswith("seg-") and (p / KEYS_FILE).exists()]
        return sorted(segs, key=lambda p: p.name)

    def keys(self) -> pl.DataFrame:
        """(segment, _key) of every cached document; a key stored twice counts once (oldest)."""
        frames = [
            storage.read_parquet(seg / KEYS_FILE, columns=[KEY]).with_columns(pl.lit(seg.name).alias("_segment"))
            for seg in self.segments()
        ]
        if not frames:
            return pl.DataFrame(schema={KEY: pl.String, "_segment": pl.String})
        return pl.concat(frames).unique(KEY, keep="first", maintain_order=True)

    def lookup(self, keys: list[str]) -> tuple[set[str], dict[str, list[pl.DataFrame]]]:
        """The keys found, and their rows (with `_key`, `_seq`) per table."""
        index = self.keys().filter(pl.col(KEY).is_in(keys))
        hits: set[str] = set(index[KEY].to_list())
        out: dict[str, list[pl.DataFrame]] = {t: [] for t in self.tables}
        for seg_name, part in index.group_by("_segment", maintain_order=True):
            wanted = part[KEY]
            for table in self.tables:
                df = storage.read_parquet(self.root / seg_name[0] / f"{table}.parquet")
                out[table].append(df.filter(pl.col(KEY).is_in(wanted.implode())))
        return hits, out

    def store(self, keys: list[str], frames: dict[str, pl.DataFrame]) -> str | None:
        """Write one new segment holding `keys` (documents) and their rows; returns its name."""
        if not keys:
            return None
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        seg = self.root / f"seg-{stamp}-{uuid.uuid4().hex[:8]}"
        for table in self.tables:
            storage.write_parquet(seg / f"{table}.parquet", frames[table])
        storage.write_parquet(seg / KEYS_FILE, pl.DataFrame({KEY: keys}, schema={KEY: pl.String}))
        return seg.name

    def compact(self, max_segments: int = MAX_SEGMENTS) -> bool:
        """Merge all segments into one when there are too many. Call while holding the run lock."""
        self._remove_abandoned()
        segs = self.segments()
        if len(segs) <= max_segments:
            return False
        index = self.keys()
        merged: dict[str, pl.DataFrame] = {}
        for table in self.tables:
            parts = [storage.read_parquet(seg / f"{table}.parquet").with_columns(pl.lit(seg.name).alias("_segment")) for seg in segs]
            merged[table] = pl.concat(parts, how="vertical_relaxed").join(index, on=[KEY, "_segment"], how="semi").drop("_segment")
        self.store(index[KEY].to_list(), merged)
        for seg in segs:
            storage.remove_tree(seg)
        return True

    def _remove_abandoned(self, older_than_hours: float = 6.0) -> None:
        """Segments a killed run began but never committed (no keys file), once surely dead."""
        if not self.root.exists():
            return
        now = datetime.now(timezone.utc)
        for p in self.root.iterdir():
            if not p.name.startswith("seg-") or (p / KEYS_FILE).exists():
                continue
            try:
                started = datetime.strptime(p.name.split("-")[1], "%Y%m%dT%H%M%S%f").replace(tzinfo=timezone.utc)
            except (IndexError, ValueError):
                continue
            if (now - started).total_seconds() > older_than_hours * 3600:
                storage.remove_tree(p)


class AnnotationCache(SegmentCache):
    """Per-document extraction results (mentions, roles, events) for one model and extractor code."""

    def __init__(self, state_dir: storage.PathLike, model: str):
        super().__init__(storage.upath(state_dir) / "cache" / "annotations" / namespace(model), TABLES)
