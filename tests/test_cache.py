"""The extraction cache and the parallel, segmented NLP pass: same output however it is computed."""

import uuid
from datetime import date

import polars as pl
import pytest

from pipelines.extract import cache, parallel
from pipelines.extract.annotate import DocInput
from pipelines.extract.run import extract_candidates
from pipelines.settings import DEFAULT_MODEL

pytestmark = pytest.mark.slow

TEXTS = [
    "The European Commission fined a technology company 2 billion euros on Tuesday, officials in Brussels said.\n\n"
    "Commissioner Maria Lopez told reporters that the company had abused its position.",
    "Protesters gathered outside parliament in Nairobi on Monday to demand lower fuel prices.\n\n"
    "Police fired tear gas, and the interior minister, John Kamau, called for calm.",
    "The central bank raised interest rates by half a point, its governor, Ana Silva, announced in Lisbon.",
    "Heavy rain flooded villages in the north of the country. The Red Cross said thousands had fled their homes.",
    "Former president Peter Novak was elected chairman of the Social Democratic Party at a congress in Prague.",
    "Nothing happened today.",
]


def _docs(texts=TEXTS) -> list[DocInput]:
    return [
        DocInput(doc_id=f"doc_{i:02d}", text=t, published_date=date(2024, 3, 1 + i), dateline_place=None)
        for i, t in enumerate(texts)
    ]


@pytest.fixture(scope="module")
def reference():
    """Candidate tables computed in-process, without any cache."""
    out, stats = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1)
    assert stats.parsed == len(TEXTS) and stats.cached == 0
    assert out["mentions"].height > 5
    return out


def _same(a: dict, b: dict) -> None:
    for table in cache.TABLES:
        assert a[table].schema == b[table].schema, table
        assert a[table].equals(b[table]), table


def test_output_identical_with_and_without_cache(reference, tmp_path):
    cold, s1 = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    assert (s1.parsed, s1.cached) == (len(TEXTS), 0)
    warm, s2 = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    assert (s2.parsed, s2.cached) == (0, len(TEXTS))
    _same(reference, cold)
    _same(reference, warm)
    # Input order decides output order, wherever the rows came from.
    rev, _ = extract_candidates(_docs()[::-1], DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    order = rev["mentions"]["doc_id"].unique(maintain_order=True).to_list()
    assert len(order) > 3 and order == sorted(order, reverse=True)


def test_output_identical_whatever_the_number_of_processes(reference, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 200)  # several chunks in flight on two workers
    out, stats = extract_candidates(_docs(), DEFAULT_MODEL, n_process=2, batch_size=2)
    assert stats.n_process == 2
    _same(reference, out)
    monkeypatch.setattr(parallel, "RECYCLE_TASKS_PER_WORKER", 1)  # fresh workers after every 2 tasks
    recycled, _ = extract_candidates(_docs(), DEFAULT_MODEL, n_process=2, batch_size=2)
    _same(reference, recycled)


def test_output_identical_on_workers_started_before_the_run(reference, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 200)
    assert parallel.start_workers(DEFAULT_MODEL, 2)
    try:
        pool = parallel.started_pool(DEFAULT_MODEL)
        pids = set(pool._processes)
        assert len(pids) == 2  # forked at once, not at the first task
        # Used even when the input alone would be parsed in one process; the same workers serve
        # both runs (memory zones keep them from growing, nothing to recycle).
        small, _ = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, batch_size=2)
        again, _ = extract_candidates(_docs()[::-1], DEFAULT_MODEL, n_process=2, batch_size=2)
        assert set(pool._processes) == pids
    finally:
        parallel.stop_workers()
    assert parallel._STARTED == {}
    _same(reference, small)
    order = again["mentions"]["doc_id"].unique(maintain_order=True).to_list()
    assert order == sorted(reference["mentions"]["doc_id"].unique().to_list(), reverse=True)
    assert again["mentions"].sort("mention_id").equals(reference["mentions"].sort("mention_id"))


def test_workers_started_for_one_parse_stop_after_it(reference, monkeypatch):
    # newsfacts run's workers: they serve its parse step, then go (the job's process is largest after
    # the parse, and idle workers would add theirs to that peak).
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 200)
    assert parallel.start_workers(DEFAULT_MODEL, 2, one_parse=True)
    try:
        processes = list(parallel.started_pool(DEFAULT_MODEL)._processes.values())
        out, stats = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, batch_size=2)
        assert parallel.started_pool(DEFAULT_MODEL) is None
        assert not any(p.is_alive() for p in processes)
    finally:
        parallel.stop_workers()
    assert stats.parsed == len(_docs())
    _same(reference, out)


def test_only_new_or_changed_documents_are_parsed(reference, tmp_path):
    extract_candidates(_docs()[:4], DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    out, stats = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    assert (stats.parsed, stats.cached) == (2, 4)
    _same(reference, out)
    changed = list(TEXTS)
    changed[0] = changed[0].replace("Tuesday", "Wednesday")
    _, stats = extract_candidates(_docs(changed), DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    assert (stats.parsed, stats.cached) == (1, 5)


def test_new_extractor_version_starts_a_new_cache(tmp_path, monkeypatch):
    extract_candidates(_docs()[:2], DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    import pipelines.extract.annotate as annotate

    monkeypatch.setattr(annotate, "EXTRACTOR_VERSION", annotate.EXTRACTOR_VERSION + "-test")
    cache.namespace.cache_clear()
    try:
        _, stats = extract_candidates(_docs()[:2], DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
        assert stats.parsed == 2
    finally:
        cache.namespace.cache_clear()


def test_cache_lives_on_any_fsspec_filesystem(reference):
    root = f"memory://newsfacts-cache-{uuid.uuid4().hex[:8]}"
    cold, s1 = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, cache_dir=root)
    warm, s2 = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, cache_dir=root)
    assert (s1.parsed, s2.parsed, s2.cached) == (len(TEXTS), 0, len(TEXTS))
    _same(reference, warm)


def test_segments_are_compacted(reference, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MAX_SEGMENTS", 2)
    for i in range(len(TEXTS)):
        extract_candidates(_docs()[i : i + 1], DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    store = cache.AnnotationCache(str(tmp_path), DEFAULT_MODEL)
    assert store.compact(max_segments=2)
    assert len(store.segments()) == 1
    out, stats = extract_candidates(_docs(), DEFAULT_MODEL, n_process=1, cache_dir=str(tmp_path))
    assert stats.parsed == 0
    _same(reference, out)


def test_long_document_is_parsed_in_segments_with_whole_text_offsets(monkeypatch):
    text = "\n\n".join(TEXTS[:5] * 4)
    monkeypatch.setattr(parallel, "SEGMENT_CHARS", 300)
    assert len(parallel.split_text(text, 300)) > 5
    out, _ = extract_candidates([DocInput(doc_id="long", text=text)], DEFAULT_MODEL, n_process=1)
    m = out["mentions"]
    assert m.height > 20
    for row in m.iter_rows(named=True):
        assert text[row["start_char"] : row["end_char"]] == row["text"]
    assert m["sentence_index"].is_sorted() and m["sentence_index"].max() >= 20


def test_split_text_keeps_every_character_and_the_limit():
    text = ("A sentence here. " * 40 + "\n\n") * 5 + "x" * 1000
    pieces = parallel.split_text(text, 250)
    assert "".join(pieces) == text
    assert all(len(p) <= 250 for p in pieces)
    assert pieces[0].endswith(". ")  # cut at a sentence end, not mid-word
    assert parallel.split_text("short", 250) == ["short"]


def test_chunks_are_bounded_by_documents_and_characters():
    docs = [DocInput(doc_id=str(i), text="x" * 100) for i in range(10)]
    chunks = list(parallel.chunked(docs, max_docs=4, max_chars=250))
    assert [len(c) for c in chunks] == [2, 2, 2, 2, 2]
    assert [d for c in chunks for d in c] == docs
    assert [len(c) for c in parallel.chunked(docs, max_docs=3, max_chars=10_000)] == [3, 3, 3, 1]


def test_automatic_process_count():
    assert parallel.resolve_n_process(3, 10) == 3
    assert parallel.resolve_n_process(0, 1000) == 1
    big = parallel.resolve_n_process(0, 10**8)
    assert 1 <= big <= parallel.AUTO_MAX_WORKERS and big == min(parallel.available_cores(), parallel.AUTO_MAX_WORKERS)


# --- the pipeline components are a declared requirement --------------------------------------

import re
from pathlib import Path

from pipelines.extract import nlp as nlp_mod

EXTRACT_DIR = Path(nlp_mod.__file__).parent
# Plumbing that never reads a parse.
NOT_EXTRACTORS = {"nlp.py", "parallel.py", "cache.py", "run.py", "tables.py"}


def _attributes_read(source: str) -> set[str]:
    names = "|".join(sorted(map(re.escape, nlp_mod.ATTRIBUTE_COMPONENTS), key=len, reverse=True))
    return set(re.findall(rf"\.({names})\b", source))


def _needed(attrs: set[str]) -> set[str]:
    todo = [c for a in attrs for c in nlp_mod.ATTRIBUTE_COMPONENTS[a]]
    out: set[str] = set()
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo.extend(nlp_mod.COMPONENT_NEEDS.get(c, ()))
    return out


def _violations(source: str, excluded: set[str], pipe_names: set[str]) -> set[str]:
    needed = _needed(_attributes_read(source))
    return (needed & excluded) | (needed - pipe_names)


def test_every_component_an_extractor_reads_is_loaded():
    sources = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(EXTRACT_DIR.rglob("*.py")) if p.name not in NOT_EXTRACTORS
    )
    assert _attributes_read(sources), "the scan found no parse attributes at all"
    nlp = nlp_mod.load_model(DEFAULT_MODEL)
    assert not set(nlp_mod.EXCLUDED_COMPONENTS) & set(nlp.pipe_names)
    assert _violations(sources, set(nlp_mod.EXCLUDED_COMPONENTS), nlp_mod.effective_components(nlp)) == set()


def test_reading_an_attribute_of_an_excluded_component_is_caught():
    pipe = {"tok2vec", "tagger", "parser", "attribute_ruler", "ner"}
    assert _violations("x = token.lemma_.lower()", {"lemmatizer"}, pipe) == {"lemmatizer"}
    assert _violations("for s in doc.sents: pass", {"parser"}, pipe - {"parser"}) == {"parser"}
    assert _violations("for e in doc.ents: pass", {"lemmatizer"}, pipe) == set()


# --- cleaning: cached by raw content, parallel when many --------------------------------------


def _raw_frame():
    from pipelines.ingest import RawDocument, scan_input

    corpus = Path(__file__).parent / "fixtures" / "corpus"
    docs = [d for d in scan_input(corpus, 1 << 20) if isinstance(d, RawDocument)]
    return pl.DataFrame([d.__dict__ for d in docs])


def test_clean_rows_identical_with_and_without_cache_and_processes(tmp_path):
    from pipelines import schema
    from pipelines.clean import clean_document
    from pipelines.clean.cached import clean_rows
    from pipelines.ingest import RawDocument

    raw = _raw_frame()
    reference = list(schema.from_rows("documents", [clean_document(RawDocument(**r)) for r in raw.iter_rows(named=True)]).iter_rows(named=True))
    assert len(reference) >= 4
    assert clean_rows(raw) == reference
    assert clean_rows(raw, cache_dir=str(tmp_path)) == reference  # cold
    assert clean_rows(raw, cache_dir=str(tmp_path), n_process=2) == reference  # warm
    assert clean_rows(raw.reverse(), n_process=2) == reference[::-1]  # fresh, in two processes, input order
    messages = []
    clean_rows(raw.head(2), cache_dir=str(tmp_path), progress=messages.append)
    assert messages == []  # nothing to clean: every row came from the cache


def _pid_and_value(chunk: list[int]) -> tuple[int, int]:
    import os

    return os.getpid(), chunk[0]


def test_recycled_workers_keep_results_in_order_and_are_fresh_processes():
    from pipelines.workers import map_chunks

    out = list(map_chunks(_pid_and_value, ([i] for i in range(7)), 2, recycle_after=2))
    assert [v for _, v in out] == list(range(7))
    pids = [p for p, _ in out]
    # 4 pools (2 + 2 + 2 + 1 tasks): no process serves tasks from two different pools
    pools = [set(pids[i : i + 2]) for i in range(0, 7, 2)]
    assert all(not (a & b) for k, a in enumerate(pools) for b in pools[k + 1 :])
    assert list(map_chunks(_pid_and_value, iter([]), 2, recycle_after=2)) == []
