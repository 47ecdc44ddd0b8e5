"""Rule layers on top of spaCy's statistical NER (the `newsfacts_entity_rules` pipeline component).

The small English model mislabels places as people, misses acronyms, reads ALL-CAPS headlines
badly and keeps titles and determiners inside names. This component runs right after `ner` and
rewrites `doc.ents` in a fixed order:

1. ALL-CAPS lines (headlines, datelines, tables) are re-cased from the casing the same words have
   elsewhere in the document (else Title Case) and re-read by the model's own `tok2vec`+`ner`; the
   entities found there replace the line's original entities (offsets are unchanged: same length).
2. Datelines ("LONDON 1996-08-30", "NIAMEY, July 27 (Reuters) -") give a place.
3. Spans are trimmed: leading determiners and titles ("President", "Gen.", "Chadian"), trailing
   possessives, numbers, punctuation, titles and lower-case words; a bare portfolio word tagged ORG
   ("Justice" in "Justice Minister") is dropped.
4. Gazetteers (countries, capitals and cities, regions, nationalities, well-known bodies with their
   acronyms) fix labels and add what the model missed.
5. A name tagged GPE/PERSON whose head word names an institution ("... Ministry", "... Party") is ORG.
6. Consistency within a document: a person's full name or surname elsewhere in the document is that
   person; an organization's name repeated is the organization.
7. In sports reports, a city, county or state named as an actor (not "in"/"at" a place) is a team (ORG).

All lists are general (places, institutions, titles); none names a person.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipelines.extract import gazetteers as gz
from pipelines.extract.nlp import doc_text

COMPONENT = "newsfacts_entity_rules"
LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "of", "via", "towards", "toward"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
PLACE_LABELS = {"GPE", "LOC"}
MAX_GAZ_TOKENS = 8
TIME_ZONES = {"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "PST", "PDT", "MST", "MDT", "IST", "JST"}
_DATE_TOKEN = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}(/\d{2,4})?$")
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")


@dataclass
class Ent:
    start: int
    end: int
    label: str
    locked: bool = False  # decided by a rule with strong evidence; later heuristics leave it alone


@Language.factory(COMPONENT)
def make_entity_rules(nlp: Language, name: str):
    return EntityRules(nlp)


class EntityRules:
    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        ents = [Ent(e.start, e.end, e.label_) for e in doc.ents]
        ents = recase_shouting_lines(self.nlp, doc, ents)
        ents = mark_datelines(doc, ents)
        ents = [t for t in (trim(doc, e) for e in ents) if t is not None]
        ents = apply_gazetteers(doc, ents)
        ents = institution_heads(doc, ents)
        ents = initial_surnames(doc, ents)
        sports = is_sports_report(doc)
        if sports:
            team_sport = not is_individual_sport(doc)
            if team_sport:
                ents = sports_teams(doc, ents)
            ents = sports_lines(doc, ents, team_sport=team_sport)
        ents = propagate_names(doc, ents, single_word_orgs=sports)
        doc.ents = to_spans(doc, ents)
        doc.user_data.pop("newsfacts_text", None)
        return doc


# ---------------------------------------------------------------- helpers


_text = doc_text  # the document's text, read once per document


def _fold_tokens(doc: Doc, start: int, end: int) -> str:
    return gz.fold(doc[start:end].text)


def _capitalised(tok) -> bool:
    return bool(tok.text[:1].isupper())


def to_spans(doc: Doc, ents: list[Ent]) -> list[Span]:
    """Non-overlapping spans: locked first, then longer ones, then earlier ones."""
    taken = [False] * len(doc)
    out = []
    for e in sorted(ents, key=lambda e: (not e.locked, -(e.end - e.start), e.start)):
        if e.end <= e.start or any(taken[e.start : e.end]):
            continue
        for i in range(e.start, e.end):
            taken[i] = True
        out.append(Span(doc, e.start, e.end, label=e.label))
    return sorted(out, key=lambda s: s.start)


def _overlapping(ents: list[Ent], start: int, end: int) -> list[Ent]:
    return [e for e in ents if e.start < end and e.end > start]


# ---------------------------------------------------------------- 1. ALL-CAPS lines


def _is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.9 and any(len(w) >= 3 and w.isalpha() and w.isupper() for w in text.split())


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def casing_table(doc: Doc, skip: list[tuple[int, int]]) -> dict[str, str]:
    """Lower-cased word -> its most frequent written form outside ALL-CAPS lines (not sentence-initial)."""
    counts: dict[str, Counter] = {}
    for tok in doc:
        if not tok.is_alpha or tok.is_upper or tok.is_sent_start:
            continue
        if any(a <= tok.idx < b for a, b in skip):
            continue
        counts.setdefault(tok.lower_, Counter())[tok.text] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def common_words(nlp: Language):
    """A membership test for ordinary English words (the rule lemmatizer's word index), or None."""
    if "lemmatizer" not in nlp.component_names:  # loaded, even if `token_attrs` runs in its place
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return None
    index = lookups.get_table("lemma_index")
    tables = [index[k] for k in index.keys()]

    def known(word: str) -> bool:
        forms = {word, re.sub(r"(?:es|s|ed|ing|ly)$", "", word), re.sub(r"(?:s|d)$", "", word)}
        return any(f in t for t in tables for f in forms if f)

    return known


def recase(text: str, casing: dict[str, str], stop_words: set[str], is_common=None) -> str:
    """Same-length re-cased copy of an ALL-CAPS line: the word's casing elsewhere in the document,
    else lower case for function words and ordinary English words, else Title Case."""
    acronyms = {k for k, v in gz.known_orgs().items() if v.acronym and gz.fold(v.acronym) == k}

    def one(m: re.Match) -> str:
        w = m.group(0)
        low = w.lower()
        if low in casing:
            return casing[low]
        if low in acronyms or not re.search(r"[aeiouy]", low):
            return w
        if low in stop_words:
            return low
        if is_common is not None and is_common(low) and not gz.place_country(low) and low not in gz.known_orgs():
            return low
        return w[0] + w[1:].lower()

    out = re.sub(r"[A-Za-z]+(?:['’][A-Za-z]+)?", one, text)
    # The first word of a line is capitalised whatever it is.
    return re.sub(r"^(\W*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


def recase_shouting_lines(nlp: Language, doc: Doc, ents: list[Ent]) -> list[Ent]:
    lines = [(a, b) for a, b in _line_spans(_text(doc)) if _is_shouting(_text(doc)[a:b])]
    if not lines or "ner" not in nlp.pipe_names:
        return ents
    casing = casing_table(doc, lines)
    stop = nlp.Defaults.stop_words
    texts = [recase(_text(doc)[a:b], casing, stop, common_words(nlp)) for a, b in lines]
    docs = [nlp.make_doc(t) for t in texts]
    for name in ("tok2vec", "ner"):
        if name in nlp.pipe_names:
            proc = nlp.get_pipe(name)
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    kept = []
    for e in ents:
        s, t = doc[e.start].idx, doc[e.end - 1].idx + len(doc[e.end - 1])
        if not any(a <= s and t <= b for a, b in lines):
            kept.append(e)
    for (a, _b), rdoc in zip(lines, docs):
        for re_ent in rdoc.ents:
            span = doc.char_span(a + re_ent.start_char, a + re_ent.end_char, alignment_mode="contract")
            if span is not None and len(span):
                kept.append(Ent(span.start, span.end, re_ent.label_))
    return kept


# ---------------------------------------------------------------- 2. datelines

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3})"
    r"(?:\s*\[[^\]]*\])?"
    r"(?=\s+\d{4}-\d{2}-\d{2}\b|\s*,\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)|\s*\((?:[A-Z][\w ]+)\)\s*[-–—:])"
)


def mark_datelines(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """The place that opens a dateline is a place, whatever the model said."""
    for a, b in _line_spans(_text(doc))[:4]:
        m = _DATELINE.match(_text(doc)[a:b])
        if not m:
            continue
        span = doc.char_span(a + m.start("place"), a + m.end("place"), alignment_mode="contract")
        if span is None or not len(span):
            continue
        if gz.fold(span.text) in gz.known_orgs():
            continue
        ents = [e for e in ents if not (e.start < span.end and e.end > span.start)]
        ents.append(Ent(span.start, span.end, "GPE", locked=True))
    return ents


# ---------------------------------------------------------------- 3. trimming


def _is_score(tok) -> bool:
    """A trailing figure that is not part of a name: "Durham 114", "6-3"; "Radio 4", "Formula One" keep theirs."""
    return bool(re.fullmatch(r"\d[\d.,:/-]*", tok.text)) and (len(tok.text) > 1 or not tok.text.isdigit())


def _is_acronym_key(text: str) -> bool:
    known = gz.known_orgs().get(gz.fold(text))
    return known is not None and known.acronym is not None and gz.fold(known.acronym) == gz.fold(text)


def _is_title_token(tok) -> bool:
    f = gz.fold(tok.text)
    return f in gz.titles() or f.rstrip(".") in gz.titles() or f in gz.portfolios()


def trim(doc: Doc, e: Ent) -> Ent | None:
    start, end = e.start, e.end
    # A spaced dash separates a headline's section label from the name: "CRICKET - LEICESTERSHIRE".
    for i in range(end - 1, start, -1):
        if doc[i].text in ("-", "–", "—", "--") and doc[i].whitespace_ and doc[i - 1].whitespace_:
            start = i + 1
            break
    # Cut at a bracket: "Party for Democracy (PNDS" keeps the part before it.
    for i in range(start, end):
        if doc[i].text in ("(", "[", "\n", "\n\n") or doc[i].is_space:
            if i > start:
                end = i
                break
    while start < end and ((doc[start].lower_ in DETERMINERS and doc[start].whitespace_) or doc[start].is_punct or doc[start].is_space):
        start += 1
    if e.label == "PERSON":
        while start < end - 1 and (_is_title_token(doc[start]) or gz.fold(doc[start].text) in gz.demonyms()):
            start += 1
    while end > start:
        tok = doc[end - 1]
        if tok.is_punct and tok.text not in (".",) or tok.is_space or _is_score(tok) or tok.lower_ in ("'s", "’s", "'", "’"):
            end -= 1
        elif tok.text == "." and end - 1 > start and len(doc[end - 2].text) > 1 and not doc[end - 2].text.isupper():
            end -= 1
        elif e.label == "ORG" and end - 1 > start and (_is_title_token(tok) and gz.fold(tok.text) not in gz.portfolios() or tok.is_lower and doc[end - 2].whitespace_):
            end -= 1
        elif e.label == "PERSON" and end - 1 > start and tok.is_lower:
            end -= 1
        else:
            break
    if end <= start or not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
        return None
    if e.label == "ORG" and all(gz.fold(t.text) in gz.portfolios() for t in doc[start:end]):
        nxt = doc[end] if end < len(doc) else None
        prev = doc[start - 1] if start > 0 else None
        if (nxt is not None and _is_title_token(nxt)) or (prev is not None and prev.lower_ == "of" and start > 1 and _is_title_token(doc[start - 2])):
            return None  # "Justice" of "Justice Minister", "State" of "Secretary of State"
    if e.label == "ORG" and doc[start:end].text.upper() in TIME_ZONES:
        return None
    if e.label == "ORG" and _titled_person(doc, start, end):
        label = "PERSON"
        while start < end - 1 and _is_title_token(doc[start]):
            start += 1
        return Ent(start, end, label, e.locked)
    if e.label == "PERSON" and all(_is_title_token(t) for t in doc[start:end]):
        return None
    if e.label == "PERSON" and end - start == 1 and end < len(doc) and doc[end].text == ":" and doc[start].is_sent_start:
        return None  # "Attendance: 200", "Scorers:" -- a field label, not a name
    if e.label == "PERSON":
        start = _extend_name_left(doc, start)
    return Ent(start, end, e.label, e.locked)


HONORIFICS = {"mr", "mrs", "ms", "dr", "gen", "president", "prime minister", "sen", "rep", "lt", "col", "capt", "sir", "prof",
              "rt", "rev", "lord", "lady", "dame", "baroness"}


def _titled_person(doc: Doc, start: int, end: int) -> bool:
    """An "organization" that is a title or an initial plus a name: "Gen Pervez Musharraf", "G Rowntree"."""
    toks = list(doc[start:end])
    if len(toks) < 2 or not all(t.text[:1].isupper() for t in toks):
        return False
    rest_words = [t.text for t in toks[1:]]
    if _institution_type(rest_words) or gz.fold(" ".join(rest_words)) in gz.known_orgs() or gz.place_country(" ".join(rest_words)):
        return False
    first = gz.fold(toks[0].text).rstrip(".")
    if len(toks[0].text.rstrip(".")) == 1 and toks[0].is_alpha or re.fullmatch(r"[A-Z]\.", toks[0].text):
        return len(toks) == 2 and toks[1].is_alpha and not toks[1].is_upper
    if first in HONORIFICS:
        return all(t.is_alpha and not t.is_upper for t in toks[1:])
    return False


def _extend_name_left(doc: Doc, start: int) -> int:
    """"President Mahamat [Idriss Deby]" -> the given name the model left out, up to the title."""
    i = start
    while i > 0:
        tok = doc[i - 1]
        if not (tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and len(tok) > 1):
            break
        f = gz.fold(tok.text)
        if f in gz.titles() or f in gz.portfolios() or f in gz.demonyms() or gz.place_country(tok.text) or tok.is_stop:
            break
        if tok.ent_type_ and tok.ent_type_ != "PERSON":
            break
        i -= 1
    if i < start and i > 0 and _is_title_token(doc[i - 1]):
        return i
    return start


# ---------------------------------------------------------------- 4. gazetteers


def _person_name_parts(doc: Doc, ents: list[Ent]) -> set[str]:
    parts = set()
    for e in ents:
        if e.label == "PERSON" and e.end - e.start > 1:
            parts.update(gz.fold(t.text) for t in doc[e.start : e.end])
    return parts


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, tuple[str, str]], frozenset[str]]:
    """Folded name -> (label, kind), first list wins; and the first word of every name (a cheap pre-filter)."""
    table: dict[str, tuple[str, str]] = {}
    for names, label, kind in ((gz.known_orgs(), "ORG", "org"), (gz.countries(), "GPE", "country"), (gz.cities(), "GPE", "city"),
                               (gz.regions(), "LOC", "region"), (gz.demonyms(), "NORP", "demonym")):
        for name in names:
            table.setdefault(name, (label, kind))
    firsts = frozenset(m.group(0) for k in table if (m := _FIRST_WORD.match(k)))
    return table, firsts


_FIRST_WORD = re.compile(r"\w+")


def gazetteer_matches(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, label, kind) for the longest gazetteer match at each position; kind says which list."""
    table, firsts = _gazetteer()
    folded = [gz.fold(t.text) + t.whitespace_ for t in doc]
    out = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        first = _FIRST_WORD.match(folded[i])
        if not (_capitalised(tok) or tok.text[:1].isdigit()) or first is None or first.group(0) not in firsts:
            i += 1
            continue
        found = None
        for j in range(min(n, i + MAX_GAZ_TOKENS), i, -1):
            if doc[j - 1].is_space:
                continue
            hit = table.get("".join(folded[i:j]).strip())
            if hit:
                found = (i, j, hit[0], hit[1])
                break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def apply_gazetteers(doc: Doc, ents: list[Ent]) -> list[Ent]:
    person_parts = _person_name_parts(doc, ents)
    for start, end, label, kind in gazetteer_matches(doc):
        span_text = doc[start:end].text
        if kind == "org" and _is_acronym_key(span_text) and not span_text.replace(".", "").isupper():
            continue  # "Who" is not the WHO: an acronym counts only as written, in capitals
        if kind == "org" and span_text.isupper() and len(span_text) <= 3 and span_text.lower() in {"who", "it", "us", "is", "ap", "fed", "ft", "dw"}:
            # Short acronyms that are also words need a context the model already agreed with.
            if not any(e.start == start and e.end == end and e.label == "ORG" for e in ents):
                continue
        if end - start == 1 and gz.fold(span_text) in person_parts and kind != "org":
            continue  # "Jordan" after "Michael Jordan" is the man
        over = _overlapping(ents, start, end)
        if any(e.start <= start and e.end >= end and (e.end - e.start) > (end - start) for e in over):
            # Inside a longer name ("Bank of England", "New York Stock Exchange"): the longer name wins,
            # unless it is a person made of the place plus a title-like word.
            continue
        if kind == "demonym" and over and all(e.label in ("PERSON", "ORG") and (e.start < start or e.end > end) for e in over):
            continue
        ents = [e for e in ents if e not in over]
        ents.append(Ent(start, end, label, locked=True))
    return ents


# ---------------------------------------------------------------- 5. institution heads


def _institution_type(words: list[str]) -> str | None:
    text = " " + " ".join(words) + " "
    for kw, typ in gz.org_keywords():
        if f" {kw} " in text:
            return typ
    return None


def institution_heads(doc: Doc, ents: list[Ent]) -> list[Ent]:
    out = []
    for e in ents:
        if e.label in ("GPE", "PERSON", "NORP", "FAC", "LOC") and not e.locked and e.end - e.start > 1:
            last = doc[e.end - 1].text
            if _institution_type([last]) is not None and doc[e.end - 1].text[:1].isupper():
                e = Ent(e.start, e.end, "ORG", e.locked)
        out.append(e)
    return out


# ---------------------------------------------------------------- 6. consistency within a document


def propagate_names(doc: Doc, ents: list[Ent], single_word_orgs: bool = False) -> list[Ent]:
    """Full names and surnames of people, and repeated organization names, get one label per document."""
    people: dict[tuple[str, ...], str] = {}
    orgs: dict[tuple[str, ...], str] = {}
    for e in ents:
        words = tuple(t.text for t in doc[e.start : e.end])
        if e.label == "PERSON" and len(words) > 1:
            people[words] = "PERSON"
            last = words[-1]
            if last[:1].isupper() and len(last) > 1 and not _is_title_token(doc[e.end - 1]):
                people.setdefault((last,), "PERSON")
        elif e.label == "ORG" and (len(words) > 1 or single_word_orgs and e.locked or words[0].isupper() and len(words[0]) > 1):
            orgs.setdefault(words, "ORG")
    table = {**orgs, **people}
    if not table:
        return ents
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in table:
        by_first.setdefault(words[0].lower(), []).append(words)
    for v in by_first.values():
        v.sort(key=len, reverse=True)
    covered = {}
    for e in ents:
        for i in range(e.start, e.end):
            covered[i] = e
    added = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        cands = by_first.get(tok.lower_)
        if not cands or not _capitalised(tok):
            i += 1
            continue
        hit = None
        for words in cands:
            j = i + len(words)
            if j <= len(doc) and all(doc[i + k].text.lower() == w.lower() for k, w in enumerate(words)):
                if all(doc[i + k].text == w or doc[i + k].is_upper or (w.isupper() and doc[i + k].is_title) for k, w in enumerate(words)):
                    hit = (i, j, table[words])
                    break
        if not hit:
            i += 1
            continue
        s, t, label = hit
        over = {id(e): e for k in range(s, t) if (e := covered.get(k)) is not None}
        clash = [e for e in over.values() if e.locked or e.start < s or e.end > t]
        if not clash and (not over or all(e.label != label for e in over.values())):
            ents = [e for e in ents if id(e) not in over]
            new = Ent(s, t, label)
            added.append(new)
            for k in range(s, t):
                covered[k] = new
        i = t
    return ents + added


# ---------------------------------------------------------------- 7. sports teams

_SPORT_HEADS = {"soccer", "football", "cricket", "baseball", "basketball", "tennis", "golf", "rugby", "hockey",
                "athletics", "cycling", "boxing", "squash", "motor racing", "formula one", "nfl", "nba", "nhl",
                "rugby union", "rugby league", "ice hockey", "american football", "sport", "sports"}


def is_sports_report(doc: Doc) -> bool:
    head = _text(doc).lstrip()[:60]
    m = re.match(r"([A-Za-z][A-Za-z ]{2,25}?)\s*[-–—:]", head)
    if m and gz.fold(m.group(1)) in _SPORT_HEADS:
        return True
    words = gz.sports_words()
    hits = sum(1 for t in doc if t.lower_ in words)
    return hits >= 8 and len(_SCORE.findall(_text(doc))) >= 2


def sports_teams(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """In a sports report a town, county or state that acts (beats, loses, scores) is the team."""
    countries, regions = gz.countries(), gz.regions()
    person_parts = _person_name_parts(doc, ents)
    out = []
    for e in ents:
        if e.label in ("GPE", "PERSON", "FAC", "LOC") and not (e.locked and e.label == "GPE" and _is_dateline_place(doc, e)):
            key = _fold_tokens(doc, e.start, e.end)
            prev = doc[e.start - 1].lower_ if e.start > 0 else ""
            is_place = e.label == "GPE" or key in gz.subdivisions() or key in gz.cities()
            if is_place and key not in countries and key not in regions and key not in person_parts and prev not in LOCATIVE and _acts(doc, e):
                e = Ent(e.start, e.end, "ORG", locked=True)
        out.append(e)
    return out


def _acts(doc: Doc, e: Ent) -> bool:
    """The name is a participant (subject, object, conjunct), not a modifier ("the Melbourne crowd")."""
    if not doc.has_annotation("DEP"):
        return True
    root = doc[e.start : e.end].root
    nxt = doc[e.end] if e.end < len(doc) else None
    if nxt is not None and nxt.like_num:
        return True
    return root.dep_ not in ("compound", "amod", "nmod", "poss", "npadvmod")


def _is_dateline_place(doc: Doc, e: Ent) -> bool:
    line_start = _text(doc).rfind("\n", 0, doc[e.start].idx) + 1
    line_end = _text(doc).find("\n", doc[e.start].idx)
    line = _text(doc)[line_start : line_end if line_end >= 0 else len(_text(doc))]
    return bool(_DATELINE.match(line)) and doc[e.start].idx == line_start


_INDIVIDUAL_SPORTS = {"tennis", "golf", "athletics", "boxing", "squash", "cycling", "motor racing", "formula one",
                      "swimming", "skiing", "badminton", "table tennis", "judo", "wrestling", "snooker", "chess"}
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of|de|la|del|van|von|St|[A-Z][\w'’.-]*))*"
_RESULT = re.compile(rf"^(?:\d+\.?\s+)?(?P<a>{_NAME})\s+(?P<s1>\d+)\s+(?P<b>{_NAME})\s+(?P<s2>\d+)\b")
_VERSUS = re.compile(rf"^(?:\d+\.?\s+)?(?P<a>{_NAME})\s+(?:v|vs\.?|versus)\s+(?P<b>{_NAME})\b")
_TABLE_ROW = re.compile(rf"^(?:\d+\.?\s+)?(?P<a>{_NAME})(?:\s+\((?P<c>[^)]+)\))?(?:\s+\d+(?:[.:,-]\d+)*){{2,}}")
_MINUTE = re.compile(r"(?:pen(?:alty)?\.?\s*)?\d{1,3}(?:st|nd|rd|th)?(?:\s*(?:min(?:ute)?|pen(?:alty)?|og|o\.g\.))?(?:,\s*\d{1,3}(?:st|nd|rd|th)?)*", re.I)
_NAME_COUNTRY = re.compile(rf"(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}})\s+\((?P<c>[^)]{{2,30}})\)")


_TEAM_WORDS = {"football", "soccer", "rugby", "cricket", "baseball", "basketball", "hockey", "club", "clubs", "side",
               "team", "teams", "league", "striker", "midfielder", "goalkeeper", "innings", "wicket", "wickets"}
_SOLO_WORDS = {"tennis", "golf", "athletics", "boxing", "squash", "cycling", "marathon", "seed", "seeded", "sprinter",
               "golfer", "boxer", "grand slam", "birdie", "bogey", "knockout", "tiebreak", "tie-break"}


def is_individual_sport(doc: Doc) -> bool:
    """A report on players competing alone (tennis, golf, athletics...), by its section label or its words."""
    m = re.match(r"\s*([A-Za-z][A-Za-z ]{2,25}?)\s*[-–—:]", _text(doc)[:60])
    if m and gz.fold(m.group(1)) in _SPORT_HEADS:
        return gz.fold(m.group(1)) in _INDIVIDUAL_SPORTS
    words = Counter(t.lower_ for t in doc)
    return sum(words[w] for w in _SOLO_WORDS) > sum(words[w] for w in _TEAM_WORDS)


def _put(doc: Doc, ents: list[Ent], a: int, b: int, label: str) -> list[Ent]:
    span = doc.char_span(a, b, alignment_mode="contract")
    if span is None or not len(span):
        return ents
    if any(e.locked and e.start < span.end and e.end > span.start and e.label != label for e in ents):
        return ents
    ents = [e for e in ents if not (e.start < span.end and e.end > span.start)]
    ents.append(Ent(span.start, span.end, label, locked=True))
    return ents


def _team_label(name: str) -> str:
    return "GPE" if gz.fold(name) in gz.countries() else "ORG"


def sports_lines(doc: Doc, ents: list[Ent], team_sport: bool) -> list[Ent]:
    """Result lines and tables: "Hull 2 Chester 1", "Ayr v Clyde", "Surrey 12 5 3 4 182" are teams
    (national sides stay places); "Vasily Kaptyukh (Belarus) 66.24" and rows of individual sports are people."""
    for a, b in _line_spans(_text(doc)):
        line = _text(doc)[a:b]
        m = _RESULT.match(line) or _VERSUS.match(line)
        if m:
            for g in ("a", "b"):
                ents = _put(doc, ents, a + m.start(g), a + m.end(g), _team_label(m.group(g)))
            continue
        m = _TABLE_ROW.match(line)
        if m:
            name = m.group("a")
            person = (not team_sport or m.group("c")) and gz.fold(name) not in gz.countries()
            ents = _put(doc, ents, a + m.start("a"), a + m.end("a"), "PERSON" if person else _team_label(name))
            if m.group("c") and gz.place_country(m.group("c")):
                ents = _put(doc, ents, a + m.start("c"), a + m.end("c"), "GPE")
            continue
        for m in _NAME_COUNTRY.finditer(line):
            name, paren = m.group("a"), m.group("c")
            if gz.place_country(name) or gz.fold(name) in gz.known_orgs() or _institution_type(name.split()):
                continue
            # "Vasily Kaptyukh (Belarus)", "J Lewsey (Wasps)": a player and the country or club he plays for;
            # "Cosmin Contra (31st)", "Alan Shearer (pen 54)": a scorer and the minute.
            if gz.place_country(paren) or re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}", paren) or _MINUTE.fullmatch(paren):
                ents = _put(doc, ents, a + m.start("a"), a + m.end("a"), "PERSON")
    return ents


_INITIAL_NAME = re.compile(r"(?<![\w.])[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\b")


def initial_surnames(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """"M. McCague", "J.R. Smith": an initial and a surname is a person unless a list says otherwise."""
    for m in _INITIAL_NAME.finditer(_text(doc)):
        surname = m.group(0).split(".")[-1].strip()
        if gz.place_country(surname) or gz.fold(surname) in gz.known_orgs() or gz.fold(surname) in gz.titles():
            continue
        if _institution_type([surname]):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or not len(span):
            continue
        over = _overlapping(ents, span.start, span.end)
        if any(e.locked or e.label == "PERSON" or (e.end - e.start) > (span.end - span.start) for e in over):
            continue
        ents = [e for e in ents if e not in over]
        ents.append(Ent(span.start, span.end, "PERSON"))
    return ents
