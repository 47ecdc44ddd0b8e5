"""Entity mentions from the parse, with offsets into the clean text and their sentence index."""

from __future__ import annotations

KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}


def sentence_index_of(doc) -> dict[int, int]:
    """Map from a sentence's first token index to its position in the document."""
    return {sent.start: i for i, sent in enumerate(doc.sents)}


def extract_mentions(doc, doc_id: str) -> list[dict]:
    starts = sentence_index_of(doc)
    rows = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        text = ent.text
        start, end = ent.start_char, ent.end_char
        # Possessive "'s" belongs to the grammar, not the name.
        for suffix in ("'s", "’s"):
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                end -= len(suffix)
        text = text.strip()
        if not text:
            continue
        rows.append(
            {
                "mention_id": f"{doc_id}:{start}-{end}",
                "doc_id": doc_id,
                "sentence_index": starts.get(ent.sent.start, 0),
                "start_char": start,
                "end_char": end,
                "text": text,
                "label": ent.label_,
            }
        )
    return rows
