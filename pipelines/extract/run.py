"""The extraction step as a whole: cached documents are read back, only new ones are parsed.

`extract_candidates(docs, ...)` returns the three candidate tables (mentions, roles, events) in
input order, identical whether rows came from the cache or from a fresh parse, and whatever the
number of processes: every row carries its document's key and its position within the document,
and the final order is (document position in the input, position within the document).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import polars as pl

from pipelines import headstart
from pipelines.extract import cache as cache_mod
from pipelines.extract.annotate import DocAnnotations, DocInput, annotate
from pipelines.extract.parallel import parse_finished, resolve_n_process
from pipelines.workers import release_free_memory

# Parsed documents are turned into frames and written to the cache in segments of this many: a
# killed run keeps most of its work, and the job's process holds at most this many documents'
# annotations as Python objects (with 1,000, its memory rose by ~50 MB during the parse of the BBC
# corpus, and glibc kept the high-water mark).
FLUSH_DOCS = 250


@dataclass
class ExtractStats:
    documents: int = 0
    cached: int = 0
    parsed: int = 0
    n_process: int = 1
    seconds: float = 0.0
    segments_written: list[str] = field(default_factory=list)


def is_extracted(row: dict) -> bool:
    """What is extracted: English documents with text that are not duplicates of another."""
    return row["duplicate_of"] is None and row["language"] == "en" and row["clean_chars"] > 0


def doc_input(row: dict) -> DocInput:
    """The parse input of a `documents` row."""
    return DocInput(doc_id=row["doc_id"], text=row["text"], published_date=row["published_date"], dateline_place=row["dateline_place"])


def inputs_from_documents(documents: pl.DataFrame) -> list[DocInput]:
    return [doc_input(r) for r in documents.iter_rows(named=True) if is_extracted(r)]


def frames_of(annotations: list[DocAnnotations], keys: list[str]) -> dict[str, pl.DataFrame]:
    """Candidate frames for `annotations`, each row tagged with its document key and position in it."""
    from pipelines.extract import tables

    out = tables.candidate_tables(annotations)
    for table, attr in (("mentions", "mentions"), ("roles", "roles"), ("events", "events")):
        row_keys = [k for a, k in zip(annotations, keys) for _ in getattr(a, attr)]
        out[table] = out[table].with_columns(pl.Series(cache_mod.KEY, row_keys, dtype=pl.String)).with_columns(
            pl.int_range(pl.len(), dtype=pl.Int64).over(cache_mod.KEY).alias(cache_mod.SEQ)
        )
    return out


def _assemble(parts: list[pl.DataFrame], order: pl.DataFrame, empty: pl.DataFrame) -> pl.DataFrame:
    parts = [p for p in parts if p.height] or [empty]
    df = pl.concat([p.select(empty.columns) for p in parts], how="vertical_relaxed")
    return (
        df.join(order, on=cache_mod.KEY, how="inner")
        .sort(["_pos", cache_mod.SEQ])
        .drop(["_pos", cache_mod.KEY, cache_mod.SEQ])
        .select([pl.col(c).cast(t) for c, t in empty.schema.items() if c not in (cache_mod.KEY, cache_mod.SEQ)])
    )


def extract_candidates(
    docs: list[DocInput],
    model: str,
    *,
    n_process: int = 0,
    batch_size: int = 64,
    cache_dir: str | None = None,
    progress=None,
) -> tuple[dict[str, pl.DataFrame], ExtractStats]:
    """Candidate tables for `docs`; with `cache_dir`, documents seen before are not parsed again."""
    started = time.monotonic()
    stats = ExtractStats(documents=len(docs))
    keys = [cache_mod.doc_key(d) for d in docs]
    order = pl.DataFrame({cache_mod.KEY: keys, "_pos": range(len(keys))}, schema={cache_mod.KEY: pl.String, "_pos": pl.Int64})
    store = cache_mod.AnnotationCache(cache_dir, model) if cache_dir else None

    parts: dict[str, list[pl.DataFrame]] = {t: [] for t in cache_mod.TABLES}
    hits: set[str] = set()
    if store is not None:
        hits, cached = store.lookup(keys)
        for t in cache_mod.TABLES:
            parts[t].extend(cached[t])
    todo = [(d, k) for d, k in zip(docs, keys) if k not in hits]
    stats.cached = len(docs) - len(todo)
    # Documents `newsfacts run` had its idle workers parse while the job started (pipelines.headstart).
    early = headstart.take_annotations()
    ready = [(early[k], k) for _, k in todo if k in early]
    todo = [(d, k) for d, k in todo if k not in early]
    stats.n_process = resolve_n_process(n_process, sum(len(d.text) for d, _ in todo))
    if progress:
        head = f"; {len(ready)} parsed while the run started" if early else ""
        progress(f"extract: {len(docs)} documents, {stats.cached} from cache, parsing {len(todo) + len(ready)} with {model} ({stats.n_process} process{'es' if stats.n_process > 1 else ''}{head})")

    pending_anns: list[DocAnnotations] = []
    pending_keys: list[str] = []

    def flush() -> None:
        if not pending_anns:
            return
        frames = frames_of(pending_anns, pending_keys)
        for t in cache_mod.TABLES:
            parts[t].append(frames[t])
        if store is not None:
            stats.segments_written.append(store.store(list(pending_keys), frames))
        stats.parsed += len(pending_anns)
        pending_anns.clear()
        pending_keys.clear()
        release_free_memory()

    def annotated():
        yield from ready
        if todo:
            yield from zip(annotate((d for d, _ in todo), model, n_process=stats.n_process, batch_size=batch_size), (k for _, k in todo))

    for ann, k in annotated():
        pending_anns.append(ann)
        pending_keys.append(k)
        if len(pending_anns) >= FLUSH_DOCS:
            flush()
    flush()
    parse_finished()  # workers started for this one parse (newsfacts run) are not needed any more
    if store is not None:
        store.compact()

    empties = frames_of([], [])
    out = {t: _assemble(parts[t], order, empties[t]) for t in cache_mod.TABLES}
    stats.seconds = time.monotonic() - started
    if progress and (todo or ready):
        progress(f"extract: parsed {stats.parsed} documents in {stats.seconds:.1f}s")
    return out, stats
