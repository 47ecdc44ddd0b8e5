"""Corpus-level furniture: short non-sentence lines repeated across many different articles.

A site prints the same furniture around every article ("We care about your privacy", "Gift this
article", "-- dpa"), whatever its wording; no list of phrases can know them all, but a collection
scraped from a few sites shows them again and again. A line is dropped here when it

- is not a sentence (no closing punctuation) of 2 to 25 words, or a short one (up to 15 words) that
  talks to the reader ("you", "our"),
- is not the document's own title (unless it is the "title" of several documents: a banner),
- and appears in at least `min_docs` different articles (near-duplicate copies count once).

Quotes shared by several outlets' reports of the same event are sentences and are never touched.
"""

from __future__ import annotations

from collections import Counter

from pipelines.clean.boilerplate import _READER_CUE, _TERMINAL, _WORD

# Site furniture repeats on nearly every page of a site; list items shared by a few reports of the same
# event (award winners, fixtures) must not reach this count.
MIN_DOCS = 5


def _key(paragraph: str) -> str:
    return " ".join(paragraph.lower().split())


def _candidate(paragraph: str) -> bool:
    words = len(_WORD.findall(paragraph))
    if not _TERMINAL.search(paragraph):
        return 2 <= words <= 25
    return 2 <= words <= 15 and bool(_READER_CUE.search(paragraph))


def drop_repeated_lines(rows: list[dict], min_docs: int = MIN_DOCS) -> list[dict]:
    """Rows (with `duplicate_of` already set) with repeated furniture lines removed from `text`."""
    counts: Counter = Counter()
    as_title: Counter = Counter()
    for row in rows:
        if row.get("duplicate_of") is None and row["text"]:
            counts.update({_key(p) for p in row["text"].split("\n\n") if _candidate(p)})
            as_title[_key(row.get("title") or "")] += 1
    repeated = {k for k, n in counts.items() if n >= min_docs}
    banners = {k for k, n in as_title.items() if k and n >= 2 and k in repeated}
    if not repeated:
        return rows
    out = []
    for row in rows:
        paragraphs = row["text"].split("\n\n") if row["text"] else []
        title = _key(row.get("title") or "")
        own_title = title if title not in banners else None
        kept = [p for p in paragraphs if not (_key(p) in repeated and _key(p) != own_title and _candidate(p))]
        if len(kept) != len(paragraphs):
            row = dict(row, text="\n\n".join(kept))
            row["clean_chars"] = len(row["text"])
            if title in banners:
                row["title"] = None
        out.append(row)
    return out
