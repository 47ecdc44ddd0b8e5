"""Cleaning at scale: each raw document is cleaned once (cached by content), in worker processes.

`clean_rows(raw_documents, cache_dir=...)` gives the same rows, in the same order, as
`[clean_document(RawDocument(**r)) for r in raw_documents.iter_rows(named=True)]` (passed through
the `documents` schema), but a document whose raw fields were cleaned before by the same code is read
back from `<state>/cache/clean/<code hash>/`, and new ones are cleaned in parallel when there are many.
The code hash covers `pipelines/clean/`, `pipelines/ingest/`, `pipelines/schema.py` and the versions
of the libraries cleaning uses, so changed cleaning code never serves stale rows.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import polars as pl

from pipelines import headstart, schema
from pipelines.ingest.files import raw_key
from pipelines.storage import upath
from pipelines.extract.cache import KEY, SEQ, SegmentCache, code_hash

# Below this many documents to clean, starting worker processes costs more than it saves.
PARALLEL_MIN_DOCS = 400
CHUNK_DOCS = 100
_LIBS = ("ftfy", "trafilatura", "htmldate", "py3langid", "charset-normalizer", "lxml", "lxml_html_clean", "justext")

_PACKAGE = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def namespace() -> str:
    from importlib.metadata import PackageNotFoundError, version

    libs = []
    for dist in _LIBS:
        try:
            libs.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            libs.append(f"{dist}=-")
    return code_hash(_PACKAGE / "clean", _PACKAGE / "ingest", _PACKAGE / "schema.py", extra=",".join(libs))[:20]


def clean_cache(state_dir) -> SegmentCache:
    """Cleaned `documents` rows by raw key, for the current cleaning code."""
    return SegmentCache(upath(state_dir) / "cache" / "clean" / namespace(), ("documents",))


def _clean_chunk(rows: list[dict]) -> list[dict]:
    from pipelines.clean import clean_document
    from pipelines.ingest import RawDocument

    return [clean_document(RawDocument(**r)) for r in rows]


def _frame(rows: list[dict], keys: list[str]) -> pl.DataFrame:
    return schema.from_rows("documents", rows).with_columns(
        pl.Series(KEY, keys, dtype=pl.String), pl.lit(0, dtype=pl.Int64).alias(SEQ)
    )


def clean_rows(raw: pl.DataFrame, cache_dir=None, n_process: int = 0, progress=None) -> list[dict]:
    """`documents` rows (before duplicate marking) for every raw document, in input order."""
    from pipelines.workers import available_cores, map_chunks

    rows = list(raw.iter_rows(named=True))
    keys = [raw_key(r) for r in rows]
    store = clean_cache(cache_dir) if cache_dir else None
    hits: set[str] = set()
    parts: list[pl.DataFrame] = []
    if store is not None:
        hits, cached = store.lookup(keys)
        parts.extend(cached["documents"])
    todo = [(r, k) for r, k in zip(rows, keys) if k not in hits]
    # Rows `newsfacts run` had its idle workers clean while the job started (pipelines.headstart).
    early = headstart.take_cleaned()
    if todo:
        ready = {k: early[k] for _, k in todo if k in early}
        rest = [(r, k) for r, k in todo if k not in ready]
        procs = n_process if n_process > 0 else (min(available_cores(), 4) if len(rest) >= PARALLEL_MIN_DOCS else 1)
        if headstart.active() or len(rest) <= 1:
            # No forking while the head start's feeder thread runs (a fork copies only this thread,
            # and any lock the other holds stays locked in the child); with it, little is left anyway.
            procs = 1
        if progress:
            msg = f"clean: {len(rows)} documents, {len(rows) - len(todo)} from cache"
            if ready:
                msg += f", {len(ready)} cleaned while the run started"
            if rest or not ready:
                msg += f", cleaning {len(rest)} ({procs} process{'es' if procs > 1 else ''})"
            progress(msg)
        todo_rows = [r for r, _ in rest]
        if procs <= 1:
            cleaned = _clean_chunk(todo_rows)
        else:
            # The first document is cleaned here: it loads every lazy model (language identifier, ...)
            # once, and the forked workers inherit it.
            cleaned = _clean_chunk(todo_rows[:1])
            chunks = [todo_rows[i : i + CHUNK_DOCS] for i in range(1, len(todo_rows), CHUNK_DOCS)]
            for out in map_chunks(_clean_chunk, chunks, procs):
                cleaned.extend(out)
        by_key = dict(ready)
        by_key.update(zip((k for _, k in rest), cleaned))
        fresh = _frame([by_key[k] for _, k in todo], [k for _, k in todo])
        parts.append(fresh)
        if store is not None:
            store.store([k for _, k in todo], {"documents": fresh})
            store.compact()
    if not parts:
        return []
    order = pl.DataFrame({KEY: keys, "_pos": range(len(keys))}, schema={KEY: pl.String, "_pos": pl.Int64})
    df = pl.concat(parts, how="vertical_relaxed").join(order, on=KEY, how="inner").sort("_pos")
    return list(df.drop([KEY, SEQ, "_pos"]).iter_rows(named=True))

