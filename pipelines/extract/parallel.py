"""The NLP pass at scale: worker processes, bounded streaming, and long documents in segments.

Each worker process loads the spaCy model once and runs the parse *and* every per-document
extractor on its chunk of documents, returning only the small extracted rows. Nothing heavy (no
`Doc`) crosses a process boundary, which is what makes this cheaper than `nlp.pipe(n_process=N)`
followed by extraction in the main process.

Memory stays flat in the corpus size: documents are sent in chunks bounded by count and by
characters, at most `2 * workers` chunks are in flight, and results are handed on in input order as
they arrive. A very long document is parsed in segments of at most `SEGMENT_CHARS` characters
(cut at paragraph, line, sentence or word boundaries) that are joined back into one `Doc` with
`Doc.from_docs`, so offsets and sentence indices are those of the whole text and the parser never
sees more than one segment at a time.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Iterable, Iterator

from pipelines.extract.annotate import DocAnnotations, DocInput, annotate_parsed
from pipelines.extract.nlp import load_model, memory_zone, warm_tokenizer
from pipelines.workers import available_cores, forking, map_chunks, release_free_memory, start_pool

# Longest piece of text handed to the parser at once. spaCy's parser and NER need roughly 1 GB of
# working memory per 100,000 characters in the worst case; articles are far shorter.
SEGMENT_CHARS = 100_000
# A task sent to a worker: at most this many documents and characters. Small tasks keep both
# workers busy to the end (with 64-document tasks the last one ran alone for several seconds);
# spaCy's own batching gains nothing measurable beyond ~16 documents on CPU.
# The characters bound also sets a worker's peak memory: a parse's working memory grows with the
# task's text (BBC, 2 workers: largest worker 0.45 GiB with 60,000, 0.36 with 30,000, same parse
# time; with 15,000 the tech articles parsed 10% slower).
CHUNK_DOCS = 16
CHUNK_CHARS = 30_000
# Below this many characters to parse, worker start-up (a model load each) costs more than it saves.
AUTO_PARALLEL_MIN_CHARS = 400_000
# Upper bound for the automatic worker count (each worker holds its own model, ~0.3-0.5 GB).
AUTO_MAX_WORKERS = 4
# Workers are replaced after this many tasks each (~500 documents). Memory zones and trimming (see
# annotate_chunk, _worker_run) already keep a worker's vocabulary and heap from growing with the
# corpus; fresh forks from the parent's untouched model also drop whatever else accumulates.
RECYCLE_TASKS_PER_WORKER = 32
# Workers run at a lower priority than the job's process: its work is the serial part of a run (start,
# ingest, checks, assembling tables), theirs is throughput, and with a head start
# (pipelines.headstart) both compete for the same cores. 300 BBC files: 29.0 and 27.1 s at nice 5
# against 29.7 and 31.2 s at nice 0.
WORKER_NICE = 5

_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]['\"’”)]*\s+"), re.compile(r"\s+"))


def resolve_n_process(requested: int, total_chars: int) -> int:
    """`requested` > 0 is taken as is; 0 means automatic: one process for small inputs, else one per core."""
    if requested and requested > 0:
        return requested
    if total_chars < AUTO_PARALLEL_MIN_CHARS:
        return 1
    return max(1, min(available_cores(), AUTO_MAX_WORKERS))


def split_text(text: str, limit: int = SEGMENT_CHARS) -> list[str]:
    """Pieces of at most `limit` characters whose concatenation is exactly `text`.

    Each cut falls after the last paragraph break in the window, else the last line break, else the
    last sentence end, else the last whitespace; a window with none of those is cut hard.
    """
    if len(text) <= limit:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window)]
            ends = [e for e in ends if e < len(window)] or ends
            if ends and ends[-1] > limit // 4:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_texts(nlp, texts: list[str], batch_size: int) -> list:
    """`nlp.pipe` over `texts`, with long texts parsed in segments and joined into one Doc each."""
    from spacy.tokens import Doc

    pieces: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        for piece in split_text(text, SEGMENT_CHARS):
            pieces.append(piece)
            owners.append(i)
    parts: list[list] = [[] for _ in texts]
    for owner, doc in zip(owners, nlp.pipe(pieces, batch_size=batch_size)):
        parts[owner].append(doc)
    return [p[0] if len(p) == 1 else Doc.from_docs(p, ensure_whitespace=False) for p in parts]


# id() of the models whose tokenizer cache this process has warmed (inherited by forks, as the cache is).
_warmed: set[int] = set()


def annotate_chunk(nlp, metas: list[DocInput], batch_size: int) -> list[DocAnnotations]:
    if id(nlp) not in _warmed:  # first task: fill the tokenizer cache before any memory zone
        warm_tokenizer(nlp, [m.text for m in metas])
        _warmed.add(id(nlp))
    # Only plain rows leave the zone: the Docs, and the vocabulary entries of new words, are freed.
    with memory_zone(nlp):
        docs = parse_texts(nlp, [m.text for m in metas], batch_size)
        return [annotate_parsed(doc, meta) for doc, meta in zip(docs, metas)]


def chunked(docs: Iterable[DocInput], max_docs: int, max_chars: int = CHUNK_CHARS) -> Iterator[list[DocInput]]:
    chunk: list[DocInput] = []
    chars = 0
    for d in docs:
        if chunk and (len(chunk) >= max_docs or chars + len(d.text) > max_chars):
            yield chunk
            chunk, chars = [], 0
        chunk.append(d)
        chars += len(d.text)
    if chunk:
        yield chunk


# --- worker process side -------------------------------------------------------------------

_worker_model: str | None = None


def _worker_init(model: str) -> None:
    global _worker_model
    _worker_model = model
    try:
        nice = int(os.environ.get("NEWSFACTS_WORKER_NICE", WORKER_NICE))
        if nice > 0:
            os.nice(nice)
    except (ValueError, OSError):  # a bad setting must not break the pool: the worker keeps its priority
        pass


def _worker_run(metas: list[DocInput], batch_size: int) -> list[DocAnnotations]:
    # Loaded at the first task (a cache hit in forks of a parent that loaded it).
    out = annotate_chunk(load_model(_worker_model), metas, batch_size)
    release_free_memory()
    return out


# --- workers started early --------------------------------------------------------------------

_STARTED: dict[str, tuple] = {}  # model -> (pool, number of workers, stop once the parse step is over)


def start_workers(model: str, n_process: int, *, one_parse: bool = False) -> bool:
    """Start the parse workers now, for a later `annotate_stream`.

    Called by `newsfacts run` before it imports Dagster and Great Expectations: forked from a
    process that holds almost nothing, the workers do not carry those (~300 MB each, counted again
    in every worker's RSS). Each loads the model at its first task: loaded at once, the two loads
    competed with the run's start and cleaning (+4 s there on the BBC corpus). The workers live
    until `stop_workers`; memory zones and trimming keep them from growing. With `one_parse`, they
    are stopped by `parse_finished` as soon as the parse step is over.
    """
    if n_process <= 1 or not forking() or model in _STARTED:
        return False
    _STARTED[model] = (start_pool(n_process, initializer=_worker_init, initargs=(model,)), n_process, one_parse)
    return True


def parse_finished() -> None:
    """Stop the workers started for one parse (`newsfacts run`'s): idle from here on, they would
    hold ~0.25 GiB each while the job builds, validates and publishes the tables, which is when the
    job's own process is largest."""
    for model, (pool, _, one_parse) in list(_STARTED.items()):
        if one_parse:
            del _STARTED[model]
            pool.shutdown(wait=True, cancel_futures=True)


def started_pool(model: str):
    """The pool `start_workers` started for `model`, or None."""
    started = _STARTED.get(model)
    return started[0] if started is not None else None


def stop_workers() -> None:
    while _STARTED:
        _, (pool, _, _) = _STARTED.popitem()
        pool.shutdown(wait=True, cancel_futures=True)


def annotate_stream(
    docs: Iterable[DocInput], model: str, n_process: int = 1, batch_size: int = 64
) -> Iterator[DocAnnotations]:
    """Annotations for `docs`, in input order, whatever the number of processes."""
    chunks = chunked(docs, max_docs=max(1, min(batch_size, CHUNK_DOCS)))
    started = _STARTED.get(model)
    if started is not None:  # workers with the model loaded are waiting: cheaper than any other way
        pool, workers, _ = started
        for result in map_chunks(functools.partial(_worker_run, batch_size=batch_size), chunks, workers, pool=pool):
            yield from result
        return
    if n_process <= 1:
        nlp = load_model(model)
        for chunk in chunks:
            yield from annotate_chunk(nlp, chunk, batch_size)
        return
    run = functools.partial(_worker_run, batch_size=batch_size)
    if forking():
        # Loaded once here, the model is inherited by every (re)forked worker: no load per worker,
        # and its pages are shared rather than copied.
        load_model(model)
    recycle = RECYCLE_TASKS_PER_WORKER * n_process
    for result in map_chunks(run, chunks, n_process, initializer=_worker_init, initargs=(model,), recycle_after=recycle):
        yield from result
