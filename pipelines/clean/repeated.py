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

import re
from collections import Counter

from pipelines.clean.boilerplate import _READER_CUE, _TERMINAL, _WORD, is_prose

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


_TOKEN = re.compile(r"\S+")
_GLUE = {"and", "the", "for", "from", "with", "vs", "via", "into", "onto", "per", "are", "was", "has", "not", "but", "its", "his", "her"}
_EDGE_PUNCT = "\"'“”‘’()[]{}<>,;:.!?…|·•-–—"


def skeleton(paragraph: str) -> str | None:
    """The line with what a site's template fills in masked: capitalised words (names, titles), numbers,
    links. "The post <title> appeared first on <site>.", "<Name> is <site>'s Europe correspondent, based in
    <city>." come out the same on every page of a site. None when too little of the line is left to compare."""
    out: list[str] = []
    lower = 0
    for raw in _TOKEN.findall(paragraph):
        if "://" in raw or raw.startswith("www.") or "@" in raw:
            tok = "U"
        else:
            core = raw.strip(_EDGE_PUNCT)
            if not core:
                continue
            if any(c.isdigit() for c in core):
                tok = "#"
            elif core[0].isupper() or not core[0].isalpha():
                tok = "X"
            else:
                tok = core.lower()
                lower += 1
        if not (tok in ("X", "#") and out and out[-1] == tok):
            out.append(tok)
    if lower < 3 or len(out) < 5:
        # short non-sentences ("Read more from <site>:", "Sponsored | <site>") compare with less left
        if len(out) < 2 or is_prose(paragraph) or not any(len(t) >= 3 and t.isalpha() and t not in _GLUE for t in out):
            return None  # "Chelsea v Arsenal", "Smith and Jones": nothing fixed but glue words
        return "~" + " ".join(out)
    return " ".join(out)


# A page speaking of itself ("This story has been updated", "Editor's note: ..."), which a report's own
# sentences do not do, so a templated one goes even between paragraphs.
_SELF_REFERENCE = re.compile(r"\b(?:this|the)\s+(?:article|story|post|page)\s+(?:was|has|is|first|originally)\b|\beditor'?s'?\s+note\b", re.I)


def _templated(paragraph: str) -> bool:
    """Worth comparing by skeleton: a line of up to 40 words, or a longer one that talks to the reader
    (a cookie notice)."""
    words = len(_WORD.findall(paragraph))
    return 4 <= words <= 40 or (words <= 80 and bool(_READER_CUE.search(paragraph)))


def _short_template(paragraph: str) -> bool:
    return 2 <= len(_WORD.findall(paragraph)) <= 8 and not is_prose(paragraph)


def drop_repeated_lines(rows: list[dict], min_docs: int = MIN_DOCS) -> list[dict]:
    """Rows (with `duplicate_of` already set) with repeated furniture lines removed from `text`."""
    counts: Counter = Counter()
    shapes: Counter = Counter()
    as_title: Counter = Counter()
    for row in rows:
        if row.get("duplicate_of") is None and row["text"]:
            paragraphs = row["text"].split("\n\n")
            counts.update({_key(p) for p in paragraphs if _candidate(p) or _label(p)})
            shapes.update({sk for p in paragraphs if (_templated(p) or _short_template(p)) and (sk := skeleton(p)) is not None})
            as_title[_key(row.get("title") or "")] += 1
    repeated = {k for k, n in counts.items() if n >= min_docs}
    templated = {k for k, n in shapes.items() if n >= min_docs}
    banners = {k for k, n in as_title.items() if k and n >= 2 and k in repeated}
    if not repeated and not templated:
        return rows
    out = []
    for row in rows:
        paragraphs = row["text"].split("\n\n") if row["text"] else []
        title = _key(row.get("title") or "")
        own_title = title if title not in banners else None
        drop = [_key(p) in repeated and _key(p) != own_title and _candidate(p) for p in paragraphs]
        _drop_templated(paragraphs, drop, templated, own_title)
        _drop_labels(paragraphs, drop, repeated)
        if any(drop):
            row = dict(row, text="\n\n".join(p for p, d in zip(paragraphs, drop) if not d))
            row["clean_chars"] = len(row["text"])
            if title in banners:
                row["title"] = None
        out.append(row)
    return out


def _label(paragraph: str) -> bool:
    """A one-word line ("Allow", "Reactions", "+ FOLLOW", "💬 WhatsApp"): too common in articles too (a
    subheading "Analysis") to drop on repetition alone."""
    return len(paragraph) <= 30 and len(_WORD.findall(paragraph)) <= 1 and not _TERMINAL.search(paragraph)


def _drop_labels(paragraphs: list[str], drop: list[bool], repeated: set[str]) -> None:
    """Repeated one-word lines go outside the article's prose, or next to other dropped or repeated lines
    (a poll's "Excellent / Good / Poor / Vote", a cookie dialog's "Customise / Allow")."""
    rep = [_label(p) and _key(p) in repeated for p in paragraphs]
    if not any(rep):
        return
    core = [i for i, p in enumerate(paragraphs) if is_prose(p) and not drop[i]]
    first, last = (core[0], core[-1]) if core else (len(paragraphs), -1)
    n = len(paragraphs)
    for i in range(n):
        if rep[i] and (i < first or i > last or (i > 0 and (rep[i - 1] or drop[i - 1])) or (i + 1 < n and (rep[i + 1] or drop[i + 1]))):
            drop[i] = True


def _drop_templated(paragraphs: list[str], drop: list[bool], templated: set[str], own_title: str | None) -> None:
    """Lines whose skeleton many articles share. Sentences among them go only outside the article's own
    prose (above its first or below its last paragraph that is not templated): a formula an article body
    uses ("Shares in X rose 3% to 120p.") sits between its paragraphs, a site's credit line around them."""
    if not templated:
        return
    skeletons = [skeleton(p) if _templated(p) or _short_template(p) else None for p in paragraphs]
    shaped = [sk is not None and _key(p) != own_title and sk in templated for p, sk in zip(paragraphs, skeletons)]
    if not any(shaped):
        return
    core = [i for i, p in enumerate(paragraphs) if is_prose(p) and not shaped[i] and not drop[i]]
    first, last = (core[0], core[-1]) if core else (len(paragraphs), -1)
    for i, p in enumerate(paragraphs):
        # A longer sentence that many reports share, even after the last paragraph, is the background
        # paragraph of a story series ("Bazoum was ousted in July by ..."), not a site's credit line.
        words = len(_WORD.findall(p))
        outside = (i < first or i > last) and (words <= 25 or _READER_CUE.search(p))
        if not shaped[i]:
            continue
        if skeletons[i].startswith("~"):
            # a short template with little fixed text: only where furniture is, not between paragraphs
            if i < first or i > last or (i > 0 and drop[i - 1]) or (i + 1 < len(paragraphs) and drop[i + 1]):
                drop[i] = True
        elif not is_prose(p) or outside or _SELF_REFERENCE.search(p):
            drop[i] = True
