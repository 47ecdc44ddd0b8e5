"""A head start for `newsfacts run`: its parse workers clean, then parse, while the job starts.

The workers are forked before Dagster and Great Expectations are imported and have nothing to do
until the parse step. Meanwhile the job's process imports Dagster and GX, ingests and runs the first
checks: about 15 s of single-threaded work on the BBC corpus, with the second core idle. So the
workers get the input files at once:

1. **clean**: every file not in the clean cache is read and cleaned (`clean_files`);
2. **parse**: as cleaned rows come back, the English, non-empty ones whose text was not seen
   before are parsed and annotated, a few tasks at a time, until the extract step asks for them.

The steps take what is ready (`take_cleaned`, `take_annotations`) and do the rest themselves. Rows
are matched by content keys (`raw_key` of the raw document; `doc_key` of the `DocInput`, which
covers the text after corpus-level duplicate and furniture marking), and made by the same
functions, so the tables are identical with or without a head start (tests/test_headstart.py,
tests/test_cli.py). The cost is work the job discards: a document parsed early that later proves
a near duplicate, or whose text the corpus-level furniture pass changes.

Imports are light at module level: `clean_files` runs in the lean workers.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections import deque
from concurrent.futures import CancelledError, Future
from pathlib import Path

# Files per cleaning task: small enough that both workers stay busy to the end, large enough that a
# task's overhead (a pickled list of rows) is negligible.
FILES_PER_TASK = 50
# Cleaning tasks whose rows the feeder may still read once the clean step has taken them all.
FEED_BACKLOG_TASKS = 20
ENV_DISABLE = "NEWSFACTS_HEADSTART"  # "0" turns the head start off


def enabled() -> bool:
    return os.environ.get(ENV_DISABLE, "1") != "0"


_SKIP_SETS: dict[str, frozenset[str]] = {}


def _skip_set(path: str | None) -> frozenset[str]:
    """The keys listed in `path`, read once per worker (sent with every task, a large cache's key set
    would be pickled thousands of times)."""
    if not path:
        return frozenset()
    if path not in _SKIP_SETS:
        _SKIP_SETS.clear()
        _SKIP_SETS[path] = frozenset(Path(path).read_text(encoding="ascii").split())
    return _SKIP_SETS[path]


def clean_files(root: str, sources: list[str], max_bytes: int, skip_file: str | None) -> list[tuple[str, dict]]:
    """(raw_key, cleaned row) for each of `sources` (paths relative to `root`) that reads as a
    document and whose key is not listed in `skip_file`. Runs in a worker."""
    from pipelines.clean.documents import clean_document
    from pipelines.ingest.files import RawDocument, raw_key, read_file
    from pipelines.workers import release_free_memory

    skip = _skip_set(skip_file)
    out = []
    for rel in sources:
        item = read_file(root, rel, max_bytes)
        if not isinstance(item, RawDocument):
            continue
        key = raw_key(item.__dict__)
        if key not in skip:
            out.append((key, clean_document(item)))
    release_free_memory()
    return out


class HeadStart:
    """Cleaning tasks, then parse tasks fed by a thread as cleaned rows arrive, on a running pool."""

    def __init__(self, pool, workers: int, batch_size: int, parse_skip: frozenset[str]):
        self._pool = pool
        self._workers = workers
        self._batch_size = batch_size
        self._parse_skip = parse_skip
        self._clean: list[Future] = []
        self._parse: list[tuple[list[str], Future]] = []
        self._stop = threading.Event()
        self._feeder: threading.Thread | None = None
        self._skip_file: str | None = None
        self._unread: deque[Future] = deque()

    def start(self, input_dir: str, max_bytes: int, clean_skip: frozenset[str]) -> None:
        from pipelines.ingest.files import list_sources

        sources = list_sources(input_dir)
        if clean_skip:
            fd, self._skip_file = tempfile.mkstemp(prefix="newsfacts-clean-keys-", suffix=".txt")
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write("\n".join(sorted(clean_skip)))
        self._clean = [
            self._pool.submit(clean_files, input_dir, sources[i : i + FILES_PER_TASK], max_bytes, self._skip_file)
            for i in range(0, len(sources), FILES_PER_TASK)
        ]
        self._unread = deque(self._clean)  # what the feeder has still to read, in order
        self._feeder = threading.Thread(target=self._feed, name="newsfacts-headstart", daemon=True)
        self._feeder.start()

    # -- the feeder thread: parse tasks from cleaned rows, at most 2 per worker in flight ----------

    def _feed(self) -> None:
        try:
            self._feed_tasks()
        except (Exception, CancelledError):  # a cancelled run or a broken pool: fewer documents parsed ahead
            pass

    def _feed_tasks(self) -> None:
        from pipelines.extract.cache import doc_key
        from pipelines.extract.parallel import CHUNK_DOCS, _worker_run, chunked

        inflight: deque[Future] = deque()
        for metas in chunked(self._parse_inputs(), max_docs=max(1, min(self._batch_size, CHUNK_DOCS))):
            while len(inflight) >= 2 * self._workers and not self._stop.is_set():
                inflight.popleft().exception()  # wait (a failed task is simply not used)
            if self._stop.is_set():
                return
            fut = self._pool.submit(_worker_run, metas, self._batch_size)
            self._parse.append(([doc_key(m) for m in metas], fut))
            inflight.append(fut)

    def _parse_inputs(self):
        """Parse inputs of the cleaned rows as they arrive: what the extract step would parse, as far
        as one document tells (exact copies once; near copies are known only to the whole corpus)."""
        from pipelines.extract.cache import doc_key
        from pipelines.extract.run import doc_input, is_extracted

        seen_texts: set[bytes] = set()
        while not self._stop.is_set():
            try:
                fut = self._unread.popleft()
            except IndexError:
                return
            try:
                rows = fut.result()
            except Exception:
                continue
            for _, row in rows:
                if not is_extracted(row):
                    continue
                digest = hashlib.sha256(row["text"].encode("utf-8")).digest()
                if digest in seen_texts:  # an exact copy: the job parses one of them
                    continue
                seen_texts.add(digest)
                meta = doc_input(row)
                if doc_key(meta) not in self._parse_skip:
                    yield meta

    # -- what the steps take --------------------------------------------------------------------

    def take_cleaned(self) -> dict[str, dict]:
        """Every row cleaned early, by raw key (waits for the cleaning tasks; parsing goes on)."""
        rows: dict[str, dict] = {}
        for f in self._clean:
            try:
                rows.update(f.result())
            except (Exception, CancelledError):  # those files are cleaned by the step itself
                continue
        self._clean = []  # the rows now belong to the step
        # Rows the feeder has not read yet are a second copy of the text: keep a bounded backlog.
        while len(self._unread) > FEED_BACKLOG_TASKS:
            self._unread.pop()
        self._remove_skip_file()
        return rows

    def _remove_skip_file(self) -> None:
        if self._skip_file is not None:
            Path(self._skip_file).unlink(missing_ok=True)
            self._skip_file = None

    def take_annotations(self) -> dict[str, object]:
        """Stops the parsing; every annotation made early, by doc key (waits for tasks under way)."""
        self._stop.set()
        if self._feeder is not None:
            self._feeder.join()
        out: dict[str, object] = {}
        for keys, f in self._parse:
            if f.cancel():
                continue
            try:
                out.update(zip(keys, f.result()))
            except (Exception, CancelledError):
                continue
        self._parse = []
        return out

    def cancel(self) -> None:
        self._stop.set()
        for f in self._clean:
            f.cancel()
        for _, f in self._parse:
            f.cancel()
        if self._feeder is not None:
            self._feeder.join()
        for f in self._clean:  # a task may still read the key file
            if not f.cancelled():
                try:
                    f.exception()
                except CancelledError:
                    pass
        self._remove_skip_file()


_active: HeadStart | None = None


def start(pool, workers: int, *, input_dir: str, max_bytes: int, batch_size: int,
          clean_skip: frozenset[str] = frozenset(), parse_skip: frozenset[str] = frozenset()) -> HeadStart:
    global _active
    cancel()
    _active = HeadStart(pool, workers, batch_size, parse_skip)
    _active.start(input_dir, max_bytes, clean_skip)
    return _active


def active() -> bool:
    """True while a head start runs (its feeder thread may be alive: nothing may fork then)."""
    return _active is not None


def take_cleaned() -> dict[str, dict]:
    """For the clean step: rows cleaned early, by raw key (empty without a head start)."""
    return _active.take_cleaned() if _active is not None else {}


def take_annotations() -> dict[str, object]:
    """For the extract step: annotations made early, by doc key (empty without a head start).
    Ends the head start."""
    global _active
    head, _active = _active, None
    return head.take_annotations() if head is not None else {}


def cancel() -> None:
    global _active
    if _active is not None:
        _active.cancel()
    _active = None
