"""The head start (pipelines.headstart): rows cleaned and documents parsed by the idle workers
before the job's steps ask for them are exactly what the steps would compute themselves."""

import shutil
import time
from pathlib import Path

import polars as pl
import pytest

from pipelines import headstart, schema
from pipelines.clean import clean_document
from pipelines.clean.cached import clean_rows
from pipelines.extract import parallel
from pipelines.extract.annotate import DocInput, annotate
from pipelines.extract.cache import doc_key
from pipelines.ingest import RawDocument, scan_input
from pipelines.ingest.files import raw_key
from pipelines.settings import DEFAULT_MODEL

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
MAX_BYTES = 1 << 20


@pytest.fixture
def corpus_with_copy(tmp_path) -> Path:
    """The fixture corpus plus an exact copy of one article (parsed once, not twice)."""
    dest = tmp_path / "input"
    shutil.copytree(CORPUS, dest, symlinks=True)
    shutil.copy(dest / "harbour_strike.txt", dest / "harbour_strike_copy.txt")
    return dest


@pytest.fixture
def pool():
    assert parallel.start_workers(DEFAULT_MODEL, 2)
    try:
        yield parallel.started_pool(DEFAULT_MODEL)
    finally:
        headstart.cancel()
        parallel.stop_workers()


def _raw(root: Path) -> list[RawDocument]:
    return [d for d in scan_input(root, MAX_BYTES) if isinstance(d, RawDocument)]


def _finish_feeding(head: headstart.HeadStart, timeout: float = 120) -> None:
    """Wait until the feeder has submitted everything and the workers are done (a test only
    wants to see every document parsed early; the job takes whatever is ready)."""
    deadline = time.monotonic() + timeout
    while head._feeder.is_alive() or not all(f.done() for _, f in head._parse):
        assert time.monotonic() < deadline, "head start did not finish"
        time.sleep(0.1)


def test_rows_cleaned_early_are_those_of_clean_document(pool, corpus_with_copy):
    raws = _raw(corpus_with_copy)
    head = headstart.start(pool, 2, input_dir=str(corpus_with_copy), max_bytes=MAX_BYTES, batch_size=64)
    early = head.take_cleaned()
    # every readable file, keyed by its raw content; empty, binary and other rejected files are not
    assert set(early) == {raw_key(r.__dict__) for r in raws}
    for r in raws:
        assert early[raw_key(r.__dict__)] == clean_document(r)


def test_clean_rows_takes_early_rows_and_gives_the_same_documents(pool, corpus_with_copy):
    raw = pl.DataFrame([d.__dict__ for d in _raw(corpus_with_copy)])
    reference = clean_rows(raw)
    headstart.start(pool, 2, input_dir=str(corpus_with_copy), max_bytes=MAX_BYTES, batch_size=64)
    messages = []
    assert clean_rows(raw, progress=messages.append) == reference
    assert messages == [f"clean: {raw.height} documents, 0 from cache, {raw.height} cleaned while the run started"]


def test_documents_parsed_early_match_an_in_process_parse(pool, corpus_with_copy):
    head = headstart.start(pool, 2, input_dir=str(corpus_with_copy), max_bytes=MAX_BYTES, batch_size=2)
    rows = list(head.take_cleaned().values())
    _finish_feeding(head)
    early = headstart.take_annotations()
    english = [r for r in rows if r["language"] == "en" and r["clean_chars"]]
    assert any(r["language"] == "fr" for r in rows)  # not parsed: extraction skips it
    metas = {doc_key(m): m for m in (DocInput(r["doc_id"], r["text"], r["published_date"], r["dateline_place"]) for r in english)}
    # exact copies (the one added here, and one the fixture corpus has) are parsed once
    assert len(metas) == len({r["text"] for r in english}) <= len(english) - 2
    assert set(early) == set(metas) and len(early) >= 3
    reference = {doc_key(m): a for m, a in zip(metas.values(), annotate(metas.values(), DEFAULT_MODEL))}
    for key, ann in early.items():
        assert ann == reference[key]
    assert sum(len(a.mentions) for a in early.values()) > 5


def test_cached_documents_are_skipped(pool, corpus_with_copy):
    raws = _raw(corpus_with_copy)
    skip = frozenset(raw_key(r.__dict__) for r in raws[:2])
    head = headstart.start(pool, 2, input_dir=str(corpus_with_copy), max_bytes=MAX_BYTES, batch_size=64, clean_skip=skip)
    skip_file = Path(head._skip_file)  # the keys go to the workers as a file, not with every task
    assert set(skip_file.read_text().split()) == skip
    early = head.take_cleaned()
    assert set(early) == {raw_key(r.__dict__) for r in raws[2:]}
    assert not skip_file.exists()
    # documents already in the annotation cache are not parsed early
    parse_skip = frozenset(
        doc_key(DocInput(row["doc_id"], row["text"], row["published_date"], row["dateline_place"])) for row in early.values()
    )
    head = headstart.start(pool, 2, input_dir=str(corpus_with_copy), max_bytes=MAX_BYTES, batch_size=64, parse_skip=parse_skip)
    head.take_cleaned()
    _finish_feeding(head)
    assert headstart.take_annotations() == {}


def test_nothing_taken_without_a_head_start():
    assert headstart.take_cleaned() == {}
    assert headstart.take_annotations() == {}


def test_the_job_continues_when_the_head_start_is_cancelled(pool, corpus_with_copy, capfd):
    raw = pl.DataFrame([d.__dict__ for d in _raw(corpus_with_copy)])
    reference = list(schema.from_rows("documents", [clean_document(RawDocument(**r)) for r in raw.iter_rows(named=True)]).iter_rows(named=True))
    head = headstart.start(pool, 2, input_dir=str(corpus_with_copy), max_bytes=MAX_BYTES, batch_size=1)
    head.take_cleaned()
    time.sleep(0.5)  # the feeder is now submitting or waiting on parse tasks
    headstart.cancel()
    assert not head._feeder.is_alive()
    assert clean_rows(raw) == reference
    assert "Traceback" not in capfd.readouterr().err  # the feeder stops quietly
