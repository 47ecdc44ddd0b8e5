"""Worker processes for pure, per-document work (cleaning, parsing): ordered, bounded, forked."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context():
    # fork: a worker starts in milliseconds and needs no importable __main__ (spawn and forkserver
    # re-import the caller's main module, which breaks scripts without a main guard). Workers run
    # pure per-document Python (cleaning, spaCy, extractors), never a thread pool inherited from the
    # parent (e.g. polars'), so forking is safe. spawn where fork does not exist.
    method = os.environ.get("NEWSFACTS_MP_START") or ("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    return multiprocessing.get_context(method)


_TRIM = None  # glibc's malloc_trim, False where there is none


def release_free_memory() -> None:
    """Hand memory freed by the last task back to the OS (glibc keeps it otherwise).

    A parse's working memory is freed when the task ends, but glibc keeps the freed pages in its
    arenas, so without this a worker's RSS stays at the high-water mark of the largest task it has
    run (RSS after 51 tasks of 16 BBC articles in one process: +202 MB without it, +72 MB with it).
    No-op without glibc.
    """
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


def forking() -> bool:
    """True when workers start as forks of this process (and so inherit what it has loaded)."""
    return _context().get_start_method() == "fork"


def map_chunks(fn, chunks: Iterable[list], n_process: int, initializer=None, initargs=(), recycle_after: int = 0,
               pool: ProcessPoolExecutor | None = None) -> Iterator:
    """`fn(chunk)` for every chunk in worker processes, results in input order, at most
    `2 * n_process` chunks in flight (memory stays flat however many chunks there are).

    With `recycle_after` > 0 the workers are replaced by fresh ones after that many chunks: whatever
    a long-lived worker accumulates is dropped, which bounds its growth however long the corpus.
    With `pool`, that already running pool is used as it is (and left running).
    """
    chunks = iter(chunks)
    if pool is not None:
        yield from _ordered(pool, fn, chunks, n_process, 0)
        return
    # Frozen, the parent's objects (a loaded model, the corpus) are skipped by the forked workers'
    # garbage collector, whose bookkeeping writes would otherwise copy every page holding them into
    # each worker (-0.24 GiB of PSS on 741 BBC files with two parse workers).
    frozen = forking()
    if frozen:
        # Garbage collected and free heap returned to the OS first: every page the parent still
        # holds is counted again in each worker's RSS.
        gc.collect()
        release_free_memory()
        gc.freeze()
    try:
        while True:
            with ProcessPoolExecutor(max_workers=n_process, mp_context=_context(), initializer=initializer, initargs=initargs) as new:
                done = yield from _ordered(new, fn, chunks, n_process, recycle_after)
            if done:
                return
    finally:
        if frozen:
            gc.unfreeze()


def _ordered(pool: ProcessPoolExecutor, fn, chunks: Iterator[list], n_process: int, limit: int):
    """Results of `fn` over `chunks` on `pool`, in order; stops after `limit` chunks (0: no limit).
    Returns True when the chunks are exhausted."""
    pending: deque = deque()
    submitted = 0
    exhausted = True
    for chunk in chunks:
        pending.append(pool.submit(fn, chunk))
        submitted += 1
        if len(pending) >= 2 * n_process:
            yield pending.popleft().result()
        if limit and submitted >= limit:
            exhausted = False
            break
    while pending:
        yield pending.popleft().result()
    return exhausted


def start_pool(n_process: int, initializer=None, initargs=()) -> ProcessPoolExecutor:
    """A pool whose `n_process` workers are started now (and run `initializer`) rather than at
    the first task."""
    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=_context(), initializer=initializer, initargs=initargs)
    for _ in range(n_process):
        pool.submit(int)
    return pool
