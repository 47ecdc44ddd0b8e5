"""The PLOVER trigger lexicon (`pipelines/extract/plover/triggers.tsv`) and matching it on a parse."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipelines.extract.nlp import doc_text

LEXICON_PATH = Path(__file__).resolve().parent.parent / "plover" / "triggers.tsv"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
POS = {"v": {"VERB"}, "n": {"NOUN", "PROPN"}, "a": {"ADJ"}}
# Nouns a pattern may look through to the word that names the event.
GENERIC = {"day", "week", "month", "series", "round", "wave", "part", "number", "spate", "effort", "bid",
           "attempt", "campaign", "process", "initiative", "programme", "program", "plan", "package", "all", "some"}
PERSON_WORDS = {"i", "you", "he", "she", "we", "they", "him", "her", "us", "them", "me"}


@dataclass(frozen=True)
class Entry:
    event_type: str  # "-" blocks the phrase
    mode: str
    pos: str
    words: tuple[tuple[str, ...], ...]  # alternatives per position; "@dep" or "@dep:ENT" for a dependency slot

    @property
    def specificity(self) -> int:
        return len(self.words)


@dataclass(frozen=True)
class Match:
    entry: Entry
    anchor: object  # spaCy Token
    tokens: tuple  # every token the pattern consumed, anchor first
    slots: tuple = ()  # tokens matched by a "@dep" slot: participants, not part of the trigger phrase


@lru_cache(maxsize=1)
def load_lexicon(path: str = str(LEXICON_PATH)) -> dict[str, list[Entry]]:
    by_anchor: dict[str, list[Entry]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise ValueError(f"bad lexicon line: {line!r}")
        etype, mode, pos, pattern = (p.strip() for p in parts)
        if etype != "-" and etype not in EVENT_TYPES:
            raise ValueError(f"unknown PLOVER type {etype!r} in {line!r}")
        if pos not in POS:
            raise ValueError(f"unknown POS {pos!r} in {line!r}")
        words = tuple(tuple(a if a.startswith("@") else a.lower() for a in w.split("|")) for w in pattern.split())
        entry = Entry(etype, mode, pos, words)
        for anchor in words[0]:
            by_anchor.setdefault(anchor, []).append(entry)
    return by_anchor


def _key(tok) -> str:
    return tok.lemma_.lower()


def _slot_ok(child, slot: str) -> bool:
    dep, _, ent = slot[1:].partition(":")
    if child.dep_ != dep:
        return False
    if not ent:
        return True
    if ent in ("ADJ", "NOUN", "VERB", "PROPN"):
        return child.pos_ == ent
    if ent == "PERSON":
        return child.ent_type_ == "PERSON" or child.lower_ in PERSON_WORDS
    return child.ent_type_ == ent


def _follow(tok, rest: tuple[tuple[str, ...], ...], used: tuple) -> tuple | None:
    """Match the remaining words among the dependents of the last matched word (or, for attachment
    ambiguities such as "took part in", of any word matched so far)."""
    if not rest:
        return used
    alts = rest[0]
    candidates = list(tok.children) + [c for u in used if u.i != tok.i for c in u.children]
    # "launched 10 days of war games", "ended mediation efforts": look through measure and generic nouns
    for c in list(candidates):
        if _key(c) in GENERIC and c.i not in {u.i for u in used}:
            candidates.extend(x for x in c.children if x.dep_ == "compound")
            of = next((x for x in c.children if x.dep_ == "prep" and x.lower_ == "of"), None)
            if of is not None:
                candidates.extend(x for x in of.children if x.dep_ == "pobj")
    for child in candidates:
        if child in used:
            continue
        hy = _hyphen_forms(child)
        ok = any(_slot_ok(child, a) if a.startswith("@") else (_key(child) == a or child.lower_ == a or a in hy) for a in alts)
        if ok:
            got = _follow(child, rest[1:], used + (child,))
            if got is not None:
                return got
    return None


VERBAL_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "pcomp"}
VERBAL_CHILDREN = {"nsubj", "nsubjpass", "aux", "auxpass", "dobj"}


def _verb_like(tok) -> bool:
    """A word the tagger did not call a verb but the parse uses as one ("Rebels shell the town": NOUN with a
    subject and an object): small-model tagging errors should not hide a trigger."""
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.dep_ not in VERBAL_DEPS:
        return False
    deps = {c.dep_ for c in tok.children}
    return "dobj" in deps or "auxpass" in deps or ("aux" in deps and ("nsubj" in deps or "nsubjpass" in deps))


HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
_HYPHEN_CACHE: list = [None, {}]  # the last document seen and its index: one pass over the text per document


def _hyphen_index(doc) -> dict[int, tuple[str, str]]:
    if _HYPHEN_CACHE[0] is doc:
        return _HYPHEN_CACHE[1]
    index: dict[int, tuple[str, str]] = {}
    text = doc_text(doc)
    if "-" in text:
        for m in HYPHENATED.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is None or len(span) < 3:
                continue
            toks = list(span)
            if any(t.text != "-" for t in toks[1::2]):
                continue
            heads = [t for t in toks if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
            if heads:
                written = m.group(0).lower()
                index[heads[0].i] = (written, written[: written.rfind("-") + 1] + toks[-1].lemma_.lower())
    _HYPHEN_CACHE[0], _HYPHEN_CACHE[1] = doc, index
    return index


def _hyphen_forms(tok) -> tuple[str, ...]:
    """The tokenizer splits "sit-in", "cease-fire", "pull-out" into three tokens: the whole word (as written
    and with its last part lemmatized), given to the part the rest of the sentence attaches to."""
    return _hyphen_index(tok.doc).get(tok.i, ())


def _forms(tok) -> list[str]:
    """The lemma, then the word itself and naive de-inflections (the lemmatizer gives "staged" -> "stag")."""
    low = tok.lower_
    forms = [_key(tok), low, *_hyphen_forms(tok)]
    if _verb_like(tok):
        for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                forms.append(low[: -len(suffix)] + repl)
    return forms


# Nominalisation suffixes and the verb endings they may come from ("condemnation" -> "condemn",
# "accusation" -> "accuse", "denial" -> "deny", "imprisonment" -> "imprison", "looting" -> "loot").
NOMINAL_SUFFIXES = (
    ("ization", ("ize",)), ("isation", ("ise",)), ("ication", ("y",)), ("iation", ("iate",)),
    ("ation", ("ate", "", "e")), ("ition", ("ite", "e")), ("ssion", ("ss",)), ("sion", ("d", "de", "t")),
    ("tion", ("t", "te")), ("ment", ("",)), ("ial", ("y",)), ("al", ("", "e")), ("ure", ("e",)),
    ("ing", ("", "e")),
)
# Derived nouns that usually name a group, a quality or a thing rather than an event.
NOT_NOMINAL_EVENTS = {"opposition", "resistance", "offering", "government", "backing", "feeling", "building",
                      "recording", "funding", "finance", "ruling", "standing", "setting", "meaning", "evening",
                      "morning", "wedding", "clothing", "housing", "spending", "training", "warning", "approval",
                      "suspense", "dismissal", "final", "encouragement", "disagreement", "contribution", "implication", "implications", "contributions", "disagreements", "congratulations", "congratulation", "arrival", "arrivals", "patience", "presence", "fence", "defence", "defense",
                      "nature", "feature", "future", "culture", "structure", "pressure", "measure", "procedure"}


def _verb_stems(low: str) -> list[str]:
    out = []
    for suffix, repls in NOMINAL_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            out.extend(stem + r for r in repls)
            if suffix == "ing" and len(stem) >= 4 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "kidnapping" -> "kidnap"
    return out


@lru_cache(maxsize=4096)
def _derived_entries(low: str) -> tuple[Entry, ...]:
    """Nominal events derived from single-word verb entries of the lexicon."""
    if low in NOT_NOMINAL_EVENTS or len(low) < 7:
        return ()
    lex = load_lexicon()
    for stem in _verb_stems(low):
        verbs = [e for e in lex.get(stem, ()) if e.pos == "v" and len(e.words) == 1 and e.event_type != "-"]
        if verbs:
            e = verbs[0]
            return (Entry(e.event_type, e.mode, "n", ((low,),)),)
    return ()


_MATCHABLE_POS = frozenset().union(*POS.values(), {"VERB", "NOUN", "PROPN", "ADJ"})  # see _verb_like


def match_token(tok) -> Match | None:
    """The most specific lexicon entry anchored on this token, if any ("-" entries included); a noun the
    lexicon does not list may still name an event by derivation from a listed verb."""
    if tok.pos_ not in _MATCHABLE_POS:  # no entry accepts it and it cannot be verb-like: skip the lookups
        return None
    lex = load_lexicon()
    entries, seen = [], set()
    for f in dict.fromkeys(_forms(tok)):
        for e in lex.get(f, ()):
            if id(e) not in seen:
                seen.add(id(e))
                entries.append(e)
    if not entries and tok.pos_ == "NOUN":
        entries = _derived_entries(tok.lower_) or _derived_entries(_key(tok))
    if not entries:
        return None
    best: Match | None = None
    for entry in entries:
        if tok.pos_ not in POS[entry.pos] and not (entry.pos == "v" and _verb_like(tok)):
            continue
        got = _follow(tok, entry.words[1:], (tok,))
        if got is None:
            continue
        if best is None or entry.specificity > best.entry.specificity:
            slots = tuple(t for t, alts in zip(got, entry.words) if all(a.startswith("@") for a in alts))
            best = Match(entry, tok, got, slots)
    return best
