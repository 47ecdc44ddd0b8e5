"""Corpus-level furniture: lines a site prints around every article, found by repetition across a collection.

A site prints the same furniture around every article ("We care about your privacy", "Gift this
article", "-- dpa"), whatever its wording; no list of phrases can know them all, but a collection
scraped from a few sites shows them again and again. Three kinds of line go, each only when it occurs in
at least `min_docs` different articles (near-duplicate copies count once) and is not the document's own
title (unless it is the "title" of several documents: a banner):

- the same line: a non-sentence of 2 to 25 words, or a short sentence (up to 15 words) that talks to the
  reader ("you", "our");
- the same template (`skeleton`: names, numbers and links masked): non-sentences above or below the
  article's prose or beside dropped lines; sentences only when they speak of the page, or, around the
  prose, to the reader;
- the same one-word label, above or below the prose or beside dropped or repeated lines.

The article's own sentences are never dropped for repeating: quotes shared by several outlets' reports
of the same event, a wire story's closing formula, a series' background paragraph.
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


_DIGIT = re.compile(r"\d")
_GLUE = {"and", "the", "for", "from", "with", "vs", "via", "into", "onto", "per", "are", "was", "has", "not", "but", "its", "his", "her"}
_EDGE_PUNCT = "\"'“”‘’()[]{}<>,;:.!?…|·•-–—"


def skeleton(paragraph: str) -> str | None:
    """The line with what a site's template fills in masked: capitalised words (names, titles), numbers,
    links. "The post <title> appeared first on <site>.", "<Name> is <site>'s Europe correspondent, based in
    <city>." come out the same on every page of a site. None when too little of the line is left to compare."""
    out: list[str] = []
    lower = 0
    for raw in paragraph.split():
        if "://" in raw or raw.startswith("www.") or "@" in raw:
            tok = "U"
        else:
            core = raw.strip(_EDGE_PUNCT)
            if not core:
                continue
            if _DIGIT.search(core):
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
        if len(out) < 2 or len(out) > 12 or is_prose(paragraph) or not any(len(t) >= 3 and t.isalpha() and t not in _GLUE for t in out):
            return None  # "Chelsea v Arsenal", "Smith and Jones": nothing fixed but glue words
        return "~" + " ".join(out)
    return " ".join(out)


_QUOTED = re.compile(r"[\"“][^\"“”]{0,400}[\"”]")
# A page speaking of itself ("This story has been updated", "Editor's note: ..."), which a report's own
# sentences do not do, so a templated one goes even between paragraphs.
_SELF_REFERENCE = re.compile(
    r"\bthis\s+(?:article|story|post|page)\s+(?:was|has|is|first|originally)\b|\b(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at)\b|"
    r"\beditor'?s'?\s+note\b", re.I)  # not "The story was first reported by Bloomberg": that is news


EDGE = 5  # a reader-addressed notice is dropped only above or below the article: look for it near the ends


def _comparable(paragraph: str, edge: bool) -> bool:
    """Worth a skeleton: a non-sentence of 2 to 40 words, or a sentence (up to 80 words) that speaks of the
    page, or, within `EDGE` paragraphs of either end (`edge`), to the reader. The article's own sentences
    are never dropped for their shape, so they are not compared (most of a collection's text: this keeps
    the pass fast)."""
    if len(paragraph) > 700:
        return False
    words = len(paragraph.split())  # whitespace words: cheaper than _WORD, and the same in both passes
    if words < 2 or words > 80:
        return False
    if (words >= 6 and _TERMINAL.search(paragraph)) or words >= 20:  # a sentence
        if _self_reference(paragraph):
            return True
        return edge and bool(_READER_CUE.search(_QUOTED.sub(" ", paragraph)))
    return words <= 40


def _self_reference(paragraph: str) -> bool:
    low = paragraph.lower()
    return ("note" in low or "article" in low or "story" in low or "post" in low or "page" in low) and bool(
        _SELF_REFERENCE.search(paragraph))


def _skeletons(paragraphs: list[str]) -> dict[int, str]:
    n = len(paragraphs)
    out = {}
    for i, p in enumerate(paragraphs):
        if _comparable(p, i < EDGE or i >= n - EDGE):
            sk = skeleton(p)
            if sk is not None:
                out[i] = sk
    return out


def drop_repeated_lines(rows: list[dict], min_docs: int = MIN_DOCS) -> list[dict]:
    """Rows (with `duplicate_of` already set) with repeated furniture lines removed from `text`."""
    counts: Counter = Counter()
    shapes: Counter = Counter()
    as_title: Counter = Counter()
    skeletons: dict[int, dict[int, str]] = {}  # row -> {paragraph: skeleton}, kept for the second pass
    for r, row in enumerate(rows):
        if row["text"]:
            paragraphs = row["text"].split("\n\n")
            skeletons[r] = _skeletons(paragraphs)
            if row.get("duplicate_of") is None:
                counts.update({_key(p) for p in paragraphs if _candidate(p) or _label(p)})
                shapes.update(set(skeletons[r].values()))
                as_title[_key(row.get("title") or "")] += 1
    repeated = {k for k, n in counts.items() if n >= min_docs}
    templated = {k for k, n in shapes.items() if n >= min_docs}
    banners = {k for k, n in as_title.items() if k and n >= 2 and k in repeated}
    if not repeated and not templated:
        return rows
    out = []
    for r, row in enumerate(rows):
        paragraphs = row["text"].split("\n\n") if row["text"] else []
        title = _key(row.get("title") or "")
        own_title = title if title not in banners else None
        drop = [_key(p) in repeated and _key(p) != own_title and _candidate(p) for p in paragraphs]
        _drop_templated(paragraphs, drop, skeletons.get(r, {}), templated, own_title)
        _drop_labels(paragraphs, drop, repeated, own_title)
        if any(drop):
            row = dict(row, text="\n\n".join(p for p, d in zip(paragraphs, drop) if not d))
            row["clean_chars"] = len(row["text"])
            if title in banners:
                row["title"] = None
        out.append(row)
    return out


def _prose_span(paragraphs: list[str], is_core) -> tuple[int, int]:
    """First and last index of the article's own prose (`is_core(i)`), or (len, -1) when there is none:
    lines before `first` or after `last` are above or below the article."""
    n = len(paragraphs)
    first = next((i for i in range(n) if is_core(i)), n)
    last = next((i for i in range(n - 1, first - 1, -1) if is_core(i)), -1)
    return first, last


def _label(paragraph: str) -> bool:
    """A one-word line ("Allow", "Reactions", "+ FOLLOW", "💬 WhatsApp"): too common in articles too (a
    subheading "Analysis") to drop on repetition alone."""
    return len(paragraph) <= 30 and len(_WORD.findall(paragraph)) == 1 and not _TERMINAL.search(paragraph)


def _drop_labels(paragraphs: list[str], drop: list[bool], repeated: set[str], own_title: str | None = None) -> None:
    """Repeated one-word lines go outside the article's prose, or next to other dropped or repeated lines
    (a poll's "Excellent / Good / Poor / Vote", a cookie dialog's "Customise / Allow")."""
    rep = [_label(p) and _key(p) in repeated and _key(p) != own_title for p in paragraphs]
    if not any(rep):
        return
    first, last = _prose_span(paragraphs, lambda i: not drop[i] and is_prose(paragraphs[i]))
    n = len(paragraphs)
    for i in range(n):
        if rep[i] and (i < first or i > last or (i > 0 and (rep[i - 1] or drop[i - 1])) or (i + 1 < n and (rep[i + 1] or drop[i + 1]))):
            drop[i] = True


def _drop_templated(paragraphs: list[str], drop: list[bool], skeletons: dict[int, str], templated: set[str],
                    own_title: str | None) -> None:
    """Lines whose skeleton many articles share. Non-sentences go above or below the article's prose, or
    next to other dropped lines; sentences only when they speak of the page or to its reader ("This story
    has been updated", "We and our partners store ... your device"). A story's own formulas stay wherever
    they are: "X did not immediately respond to a request for comment.", "Chelsea beat Arsenal 2-1 at
    Stamford Bridge.", a series' background paragraph, the subheading "What did the report find?"."""
    shaped = {i for i, sk in skeletons.items() if sk in templated and _key(paragraphs[i]) != own_title}
    if not shaped:
        return
    n = len(paragraphs)
    prose = {i: is_prose(paragraphs[i]) for i in shaped}
    cue = set()
    for i in shaped:
        if prose[i]:
            if _self_reference(paragraphs[i]):
                drop[i] = True
            elif _READER_CUE.search(_QUOTED.sub(" ", paragraphs[i])):
                cue.add(i)

    first, last = _prose_span(paragraphs, lambda i: i not in cue and not drop[i] and (
        prose[i] if i in prose else is_prose(paragraphs[i])))
    for i in cue:
        if i < first or i > last:
            drop[i] = True
    # non-sentences: outside the prose, then beside what has gone (both directions, so a run goes whole)
    loose = sorted(i for i in shaped if not prose[i])
    for order in (loose, loose[::-1]):
        for i in order:
            if not drop[i] and (i < first or i > last or (i > 0 and drop[i - 1]) or (i + 1 < n and drop[i + 1])):
                drop[i] = True
