"""The single NLP pass: parse each document once and run every per-document extractor on the parse.

Per-document output only depends on the document's text, date and the extractor code, so it can be
cached by content hash; everything that needs the whole corpus (entity ids, clusters) comes later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator

from pipelines.extract import events, mentions, roles

# Bump when any per-document extractor changes its output.
EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class DocInput:
    doc_id: str
    text: str
    published_date: date | None = None
    dateline_place: str | None = None


@dataclass
class DocAnnotations:
    doc_id: str
    mentions: list[dict]
    roles: list[dict]
    events: list[dict]


def annotate_parsed(doc, meta: DocInput) -> DocAnnotations:
    """All extractors on one parsed document."""
    ments = mentions.extract_mentions(doc, meta.doc_id)
    return DocAnnotations(
        doc_id=meta.doc_id,
        mentions=ments,
        roles=roles.extract_roles(doc, meta, ments),
        events=events.extract_events(doc, meta, ments),
    )


def annotate(
    docs: Iterable[DocInput], model: str, n_process: int = 1, batch_size: int = 64
) -> Iterator[DocAnnotations]:
    """Parse and annotate `docs` in input order; see `pipelines.extract.parallel` for how it scales."""
    from pipelines.extract.parallel import annotate_stream

    yield from annotate_stream(docs, model, n_process=n_process, batch_size=batch_size)
