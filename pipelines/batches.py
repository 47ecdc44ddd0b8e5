"""Ingestion batches: new input files grouped into one unit of work, not one per document.

A batch is the set of files that appeared (or changed) in the input folder since the previous batch.
Its manifest, `<state>/batches/<key>.json`, lists each file's relative path, size and mtime; the
key is `b<UTC time>-<hash of the listing>`. Processing a batch (`process_batch`) ingests, cleans and
parses only its files, into the same content-addressed caches the corpus run reads
(`pipelines/clean/cached.py`, `pipelines/extract/cache.py`), so the corpus run that follows parses
nothing. Batches are independent: they can run in parallel, on different machines when the state
folder is on object storage.

Pure core: no Dagster here (see `pipelines/defs/batches.py` for the partitions, job and sensors).
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timezone
from pathlib import Path

from pipelines import storage

MANIFESTS = "batches"


def listing(root: str | os.PathLike) -> dict[str, list[int]]:
    """{relative path: [size, mtime_ns]} of every file under `root` (nothing is read)."""
    out: dict[str, list[int]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            out[Path(os.path.relpath(path, root)).as_posix()] = [st.st_size, st.st_mtime_ns]
    return out


def _folder(state_dir):
    return storage.upath(state_dir) / MANIFESTS


def batch_keys(state_dir) -> list[str]:
    folder = _folder(state_dir)
    if not folder.exists():
        return []
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


def read_manifest(state_dir, key: str) -> dict:
    return json.loads(storage.read_bytes(_folder(state_dir) / f"{key}.json"))


def known_files(state_dir) -> dict[str, list[int]]:
    """Every file of every batch so far, as it was when batched (later batches win)."""
    known: dict[str, list[int]] = {}
    for key in batch_keys(state_dir):
        known.update(read_manifest(state_dir, key)["files"])
    return known


def plan_batch(input_dir, state_dir, now: datetime | None = None) -> tuple[str, dict] | None:
    """Write the manifest of a new batch holding every new or changed file; None when there is none."""
    known = known_files(state_dir)
    files = {rel: meta for rel, meta in listing(input_dir).items() if known.get(rel) != meta}
    if not files:
        return None
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:8]
    key = f"b{(now or datetime.now(timezone.utc)).strftime('%Y%m%dT%H%M%S')}-{digest}"
    manifest = {"key": key, "input_dir": str(input_dir), "files": files}
    storage.write_bytes(_folder(state_dir) / f"{key}.json", json.dumps(manifest, indent=1, sort_keys=True).encode())
    return key, manifest


def process_batch(settings, key: str, progress=None) -> dict:
    """Ingest, clean and parse the files of batch `key` into the caches; returns counts."""
    import polars as pl

    from pipelines import schema
    from pipelines.clean import mark_duplicates
    from pipelines.clean.cached import clean_rows
    from pipelines.extract.run import extract_candidates, inputs_from_documents
    from pipelines.ingest import RawDocument, scan_input

    wanted = set(read_manifest(settings.state_dir, key)["files"])
    raws, rejected = [], 0
    for item in scan_input(settings.input_dir, settings.max_file_bytes):
        if item.source not in wanted:
            continue
        if isinstance(item, RawDocument):
            raws.append(dict(item.__dict__))
        else:
            rejected += 1
    raw = pl.DataFrame(raws) if raws else pl.DataFrame()
    rows = clean_rows(raw, cache_dir=settings.state_dir, n_process=settings.n_process, progress=progress) if raws else []
    docs = schema.from_rows("documents", mark_duplicates(rows))
    _, stats = extract_candidates(
        inputs_from_documents(docs), settings.spacy_model, n_process=settings.n_process, batch_size=settings.batch_size,
        cache_dir=settings.state_dir, progress=progress,
    )
    return {"files": len(wanted), "documents": docs.height, "rejected": rejected, "parsed": stats.parsed, "cached": stats.cached}
