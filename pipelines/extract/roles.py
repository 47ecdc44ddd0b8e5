"""Role candidates (person, title, body, status) from the parse.

A role is read only from the sentence that states it, in the ways news writes titles:

- a title before a name: "Oil Minister Mahamane Sani Mahamadou", "US Secretary of State Antony Blinken",
  "Niger's President Mohamed Bazoum", "ousted President ...", "Lord Justices Clarke and Rix" (a plural
  title before several names);
- an apposition after a name: "Abdulsalami Abubakar, a former military ruler of Nigeria,",
  "Matthew Miller, State Department Spokesperson said", "X, who is now Veritas' deputy leader";
- a title, a comma, then the name: "The president of neighbouring Benin, Patrice Talon,";
- a predicate: "Ms Short resigned as international development secretary", "saw Bazoum elected president";
- a post-nominal: "Tom McCabe MSP".

The words of a title phrase are sorted into status ("former", "ousted", "acting"), body (a country,
party or institution: "US", "Kremlin", "PNDS-Tarayya", a possessive owner, an "of"-phrase), title
prefixes ("deputy", "shadow") and portfolio ("Oil", "Trade and Industry"); `titles.canonical_title`
puts the rest in one canonical order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.extract import titles as T
from pipelines.extract.nlp import doc_text, ents_by_sentence

PUNCT_END = {",", ".", ";", ":", ")", "(", "!", "?", "\"", "“", "”", "'", "’", "–", "—", "-", "[", "]"}
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "any", "every", "each", "some",
               "no", "another", "other", "these", "those"}
# Capitalised words that follow a title word in other uses ("General Election", "General Motors").
NOT_NAMES = {"election", "elections", "strike", "motors", "electric", "hospital", "practitioner", "practitioners",
             "assembly", "debate", "studies", "knowledge", "public", "interest"}
STOP_NAME_WORDS = {"The", "A", "An", "In", "On", "At", "But", "And", "Or", "He", "She", "It", "They", "We", "I",
                   "His", "Her", "Their", "This", "That", "These", "Those", "There", "When", "While", "After",
                   "Before", "As", "If", "Since", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                   "Saturday", "Sunday", "God", "Twitter", "Parliament", "Government", "State", "Office"}
# Kinship words written with a capital inside a title ("the Queen Mother"): not a name.
KIN_WORDS = {"mother", "father", "mum", "dad", "son", "daughter", "brother", "sister", "wife", "husband", "widow"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"}
NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "dos",
                  "del", "ould", "ag", "abu", "ben", "d'"}
PAST_VERBS = {"resign": "former", "quit": "former", "step": "former", "retire": "former", "serve": None,
              "elect": "elected", "re-elect": "elected", "appoint": "current", "name": "designate",
              "nominate": "designate", "swear": "current", "install": "current", "oust": "ousted",
              "depose": "ousted", "remove": "ousted", "sack": "ousted", "dismiss": "ousted", "replace": None}


@dataclass
class Word:
    text: str
    start: int  # char offsets in the document
    end: int
    t0: int  # token indices [t0, t1)
    t1: int
    pos: str
    ent: str
    lemma: str
    dep: str = ""
    tag: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_punct(self) -> bool:
        return self.pos == "PUNCT" or self.text in PUNCT_END


@dataclass
class Phrase:
    """A title phrase: word indices [start, end] (inclusive) and what its words say."""
    start: int
    end: int
    head: str
    plural: bool = False
    status: str | None = None
    org: str | None = None
    country: str | None = None
    title: str = ""
    rank: bool = False
    parts: dict = field(default_factory=dict)


def merge_words(sent, text_all: str) -> list[Word]:
    """Tokens joined by a hyphen with no space ("PNDS-Tarayya", "Secretary-General", "Ex-chat") become one word."""
    words: list[Word] = []
    toks = list(sent)
    i = 0
    while i < len(toks):
        j = i
        while (
            j + 2 < len(toks)
            and toks[j + 1].text in ("-", "–")
            and not toks[j].whitespace_
            and not toks[j + 1].whitespace_
            and toks[j].text[:1].isalnum()
            and toks[j + 2].text[:1].isalnum()
        ):
            j += 2
        first, last = toks[i], toks[j]
        text = text_all[first.idx : last.idx + len(last.text)]
        ent = next((t.ent_type_ for t in toks[i : j + 1] if t.ent_type_), "")
        words.append(Word(text, first.idx, last.idx + len(last.text), first.i, last.i + 1, last.pos_, ent, last.lemma_.lower(), last.dep_, last.tag_))
        i = j + 1
    return words


def _person_words(words: list[Word], sent_ents: list) -> set[int]:
    ents = [e for e in sent_ents if e.label_ == "PERSON"]
    out = set()
    for k, w in enumerate(words):
        if any(e.start_char <= w.start and w.end <= e.end_char for e in ents):
            out.add(k)
    return out


# ---------------------------------------------------------------- vocabulary helpers

def head_at(words: list[Word], k: int) -> tuple[str, int, bool, str | None] | None:
    """(canonical head, last word index, plural, status from a suffix) when a title head starts at word k."""
    w = words[k]
    lw = w.lower.rstrip(".")
    status = None
    for suffix, st in (("-elect", "elected"), ("-designate", "designate")):
        if lw.endswith(suffix):
            lw, status = lw[: -len(suffix)], st
    plural = False
    end = k
    if lw == "high" and k + 1 < len(words) and words[k + 1].lower in ("commissioner", "commissioners") and words[k + 1].cap == w.cap:
        # "High Commissioner": one title (not a "High" body)
        return "high commissioner", k + 1, words[k + 1].lower.endswith("s"), status
    co = lw.startswith("co-") and lw[3:] in T.HEADS
    if co:
        head = "co-" + T.HEADS[lw[3:]]  # "co-chairman" -> "co-chair"
    elif lw in T.HEADS:
        head = T.HEADS[lw]
    elif lw in T.PLURAL_HEADS:
        head, plural = T.PLURAL_HEADS[lw], True
    else:
        return None
    nxt = [x.lower for x in words[k + 1 : k + 3]]
    if head in ("secretary", "undersecretary", "minister") and nxt[:2] == ["of", "state"]:
        head, end = f"{head} of state", k + 2
    elif head in ("secretary", "attorney", "director", "solicitor", "governor", "inspector", "surgeon") and nxt[:1] == ["general"] and words[k + 1].cap == w.cap:
        head, end = ("secretary-general" if head == "secretary" else f"{head} general"), k + 1
    return head, end, plural, status


def _is_name_word(w: Word) -> bool:
    t = w.text
    if not t[:1].isupper() or t in STOP_NAME_WORDS:
        return False
    if t.isupper() and len(t) > 1 and t not in ("II", "III", "IV"):
        return False  # acronyms and post-nominals (MP, QC) are not names
    return any(c.isalpha() for c in t)


def _is_body_word(text: str) -> bool:
    return bool(T.country_code(text) or T.party_name(text) or T.institution(text))


def _body_like(w: Word) -> bool:
    """A capitalised word that opens a body's name: a country, party, institution, acronym or tagged organization."""
    return (_is_body_word(w.text) or _is_acronym(w.text) or w.ent in ("ORG", "NORP", "GPE")) and w.lower not in T.PORTFOLIO_WORDS


def name_at(words: list[Word], k: int, persons: set[int]) -> tuple[int, int] | None:
    """The word span [k, e] of a person's name starting at word k, or None."""
    if k >= len(words):
        return None
    w = words[k]
    if w.lower in T.HONORIFICS and k + 1 < len(words) and _is_name_word(words[k + 1]):
        span = name_at(words, k + 1, persons)
        return (k, span[1]) if span else None
    if not _is_name_word(w) or (_is_body_word(w.text) and k not in persons) or head_at(words, k):
        return None
    if w.lower in KIN_WORDS and k not in persons:
        return None
    if w.text in MONTHS and k + 1 < len(words) and words[k + 1].text[:1].isdigit():
        return None
    e = k
    while e + 1 < len(words) and e - k < 5:
        nxt = words[e + 1]
        if nxt.text.startswith("'") or nxt.text.startswith("’"):
            break
        particle = nxt.lower in NAME_PARTICLES and e + 2 < len(words) and _is_name_word(words[e + 2])
        surname = (e + 1) in persons and e in persons and not (e + 2 < len(words) and _is_name_word(words[e + 2]))
        if (_is_name_word(nxt) and (not head_at(words, e + 1) or surname) and not (T.country_code(nxt.text) or T.institution(nxt.text))) or particle:
            e += 1
        elif nxt.text == "." and len(words[e].text) == 1:
            e += 1
        else:
            break
    # A name recognised by the tagger wins when it goes further.
    while (e + 1 < len(words) and (e + 1) in persons and not words[e + 1].is_punct and not head_at(words, e + 1)
           and words[e + 1].text not in T.POSTNOMINALS):  # "Judge Charles Harris QC": QC is not his name
        e += 1
    if k not in persons and words[k].pos not in ("PROPN", "NOUN", "ADJ", "X"):
        return None
    if e + 1 < len(words) and head_at(words, e + 1) and not any(x in persons for x in range(k, e + 1)):
        return None  # "Deputy Prime Minister": capitalised words that run into a title are part of it
    if any(words[x].lower in T.INSTITUTION_WORDS or words[x].lower in NOT_NAMES for x in range(k, e + 1)) and not any(x in persons for x in range(k, e + 1)):
        return None  # "Deputy High Court", "the forthcoming General Election"
    return k, e


def _names_after(words, k, persons, plural: bool) -> list[tuple[int, int]]:
    first = name_at(words, k, persons)
    if not first:
        return []
    spans = [first]
    if plural:
        e = first[1]
        while e + 2 < len(words) and words[e + 1].lower in (",", "and", "&"):
            j = e + 2
            if words[j].lower == "and" and words[e + 1].lower == ",":
                j += 1
            nxt = name_at(words, j, persons)
            if not nxt:
                break
            spans.append(nxt)
            e = nxt[1]
    return spans


# ---------------------------------------------------------------- title phrase

def _left_extent(words: list[Word], h: int, persons: set[int], limit: int = 0) -> int:
    """The first word of the title phrase whose head starts at word h, walking left over its modifiers."""
    j = h - 1
    start = h
    while j >= limit and h - j <= 9:
        w = words[j]
        lw = w.lower
        if j in persons and lw not in T.HONORIFICS:
            # a party or country the tagger took for a name ("Lib Dem") is still a body
            r = j
            while r - 1 >= limit and (r - 1) in persons:
                r -= 1
            if not (_is_body_word(" ".join(x.text for x in words[r : j + 1])) or (r == j and _is_acronym(words[j].text))):
                break  # an acronym the tagger took for a name ("ODPM committee chairman") is a body too
            start = r
            j = r - 1
            continue
        if lw in ("'s", "'", "’s", "’") and j > limit:
            # possessive: take its owner and stop
            o = j - 1
            while o >= limit and o - 1 >= limit and j - o < 7 and (
                    (words[o - 1].cap and not words[o - 1].is_punct and words[o - 1].lower not in DETERMINERS)
                    or (words[o - 1].lower in ("of", "and", "&") and o - 2 >= limit and words[o - 2].cap)):
                o -= 1  # "the Association of Chief Police Officers' spokesman"
            if o >= limit and not words[o].is_punct:
                if o - 1 >= limit and words[o - 1].lower == "the":
                    o -= 1
                start = o
            break
        if lw in T.STATUS_WORDS and T.STATUS_WORDS[lw] is not None or lw.startswith("ex-"):
            if w.pos == "VERB" and w.dep not in ("amod", "compound", "nmod"):
                break  # "soldiers ousted President X", "have removed President X": a verb, not a status
            start = j
        elif (not w.cap and w.pos in ("NOUN", "VERB", "ADJ") and j + 1 < h and words[j + 1].cap and _body_like(words[j + 1])
              and lw not in T.PREFIXES and lw not in T.PORTFOLIO_WORDS and lw not in T.IGNORED):
            break  # "critics claim depict Tory leader", "the announcement WLGA finance spokesman": a body opens the phrase
        elif not w.cap and lw in T.PREFIXES and w.pos in ("VERB", "NOUN", "ADJ", "PROPN", "ADV"):
            start = j  # "and shadow chancellor X": the tagger's verb is the title's own word
        elif w.tag in ("JJR", "RBR") and lw not in T.PREFIXES and (j == limit or words[j - 1].is_punct):
            break  # "Earlier Foreign Secretary X": a clause-opening adverb
        elif (w.tag == "NNS" and not w.cap and lw not in T.PORTFOLIO_WORDS) or w.ent in ("DATE", "TIME") or (
                w.ent in ("CARDINAL", "ORDINAL") and lw not in T.PREFIXES):
            break  # "cabinet colleagues Foreign Secretary", "Monday school inspection chief"
        elif lw == "of" and j - 1 >= limit and words[j - 1].cap and words[j + 1].cap and words[j - 1].pos == "PROPN" and not head_at(words, j - 1):
            start = j  # "Bank of England governor"
        elif lw in ("and", "&") and j - 1 >= limit and words[j - 1].lower in T.PORTFOLIO_WORDS and words[j + 1].cap == words[j - 1].cap and not head_at(words, j - 1):
            start = j
        elif lw in T.HONORIFICS and lw != "lord":
            break
        elif lw in T.IGNORED:
            start = j
        elif w.is_punct or lw in DETERMINERS:
            break
        elif (w.pos == "VERB" and w.tag in ("VB", "VBP") and not w.cap and j - 1 >= limit and words[j - 1].pos == "NOUN"
              and not words[j - 1].cap):
            start = j  # "chat show host": a noun the tagger read as a verb, inside a compound
        elif w.pos in ("VERB", "AUX", "ADP", "SCONJ", "PRON", "CCONJ", "NUM", "DET", "PART", "INTJ", "SYM") and not w.cap:
            break
        elif w.pos == "ADV" and lw not in T.IGNORED and lw not in T.STATUS_WORDS:
            break
        elif not w.cap and w.pos not in ("NOUN", "ADJ", "PROPN") and lw not in T.IGNORED:
            break
        elif w.cap and w.pos in ("VERB", "AUX", "ADP", "PRON", "DET", "ADV", "SCONJ", "CCONJ") and lw not in T.STATUS_WORDS and not _is_body_word(w.text) and lw not in T.PORTFOLIO_WORDS and lw not in T.PREFIXES:
            break
        else:
            start = j
        j -= 1
    return start


def _of_phrase(words: list[Word], k: int, persons: set[int], stop_at_person: bool,
               allow_in: bool = False) -> tuple[int, list[Word], Word | None]:
    """Words of an "of"/"for" phrase starting at word k ("of the British Chambers of Commerce", "of tax").

    Returns (last index, words, possessive owner)."""
    if k >= len(words) or words[k].lower not in ("of", "for", "to", "in"):
        return k - 1, [], None
    if words[k].lower == "in" and not (allow_in and k + 1 < len(words) and words[k + 1].cap):
        return k - 1, [], None  # "the senior judge in England and Wales, Lord Woolf": only before a comma and a name
    if words[k].lower == "to" and not (k + 1 < len(words) and (words[k + 1].cap or words[k + 1].lower == "the")):
        return k - 1, [], None  # "adviser to the Tote", "ambassador to France"; not "to say"

    j = k + 1
    got: list[Word] = []
    owner = None
    while j < len(words):
        w = words[j]
        if stop_at_person and j in persons and got:
            break
        if w.lower in ("the", "neighbouring", "neighboring") and not got:
            j += 1
            continue
        if w.pos == "NUM" or w.ent in ("DATE", "TIME", "ORDINAL", "CARDINAL"):
            break  # "premier of the 20th century": a time, not a body
        if w.lower in ("'s", "’s", "'", "’") and got:
            owner = got[-1] if len(got) == 1 else Word(" ".join(x.text for x in got), got[0].start, got[-1].end, got[0].t0, got[-1].t1, "PROPN", got[0].ent, "")
            got = []
            j += 1
            continue
        if w.cap and not w.is_punct:
            got.append(w)
        elif w.lower in ("of", "and", "&") and got and got[-1].cap and j + 1 < len(words) and words[j + 1].cap and not (stop_at_person and j + 1 in persons):
            got.append(w)
        elif not w.cap and w.pos in ("NOUN", "ADJ") and (not got or not got[-1].cap):
            got.append(w)
        else:
            break
        j += 1
    if not got and owner is None:
        return k - 1, [], None
    return j - 1, got, owner


def build_phrase(words: list[Word], start: int, head: tuple, ext: tuple[int, list[Word], Word | None], persons: set[int]) -> Phrase:
    canon, hend, plural, suffix_status = head
    h = _head_start(words, start, hend)
    ph = Phrase(start=start, end=max(hend, ext[0]), head=canon, plural=plural, status=suffix_status)
    ph.rank = canon in T.RANKS
    prefixes: list[str] = []
    portfolio: list[str] = []
    mods = list(words[start:h])
    i = 0
    owner_done = False
    title_started = False  # bodies come before the title's own words ("UK Foreign Secretary", not "Northern Ireland")
    while i < len(mods):
        w = mods[i]
        lw = w.lower
        # possessive owner: the words before 's
        poss = next((p for p in range(i, len(mods)) if mods[p].lower in ("'s", "'", "’s", "’")), None)
        if poss is not None and not owner_done:
            owner = [m for m in mods[i:poss] if m.lower != "the"]
            _set_body(ph, owner, persons_words=persons, words=words)
            owner_done = True
            i = poss + 1
            continue
        if lw.startswith("ex-"):
            ph.status = ph.status or "former"
            rest = w.text[3:]
            if rest:  # "ex-UKIP MEP", "Ex-chat show host": the rest is read like any other word
                mods[i] = Word(rest, w.start + 3, w.end, w.t0, w.t1, w.pos, w.ent, rest.lower(), w.dep)
            else:
                i += 1
            continue
        proper = w.cap and i + 1 < len(mods) and mods[i + 1].cap and w.pos == "PROPN" and T.STATUS_WORDS.get(lw) == "current"
        if lw in T.STATUS_WORDS and T.STATUS_WORDS[lw] and not proper:  # "New York attorney general": a name
            if not (lw == "general"):
                ph.status = _stronger(ph.status, T.STATUS_WORDS[lw])
                i += 1
                continue
        if lw in T.IGNORED or (w.tag in ("JJS", "RBS") and not w.cap):
            i += 1  # "the youngest premier": a description, not part of the title
            continue
        if w.text in T.ABBREVIATIONS:
            portfolio.extend(T.ABBREVIATIONS[w.text].split())
            title_started = True
            i += 1
            continue
        if (ph.org or ph.country) and canon not in T.PORTFOLIO_BEFORE and w.cap and _is_place(w):
            i += 1  # "UKIP Scotland chairman": a place after the body only narrows it
            continue
        # longest run of words from i that names a body
        matched = 0
        known = False
        for n in range(min(5, len(mods) - i), 0, -1) if not title_started else ():
            chunk = mods[i : i + n]
            if any(m.lower in ("'s", "'") for m in chunk):
                continue
            text = " ".join(m.text for m in chunk)
            if _body_of(text, chunk, canon):
                known = _is_body_word(text) or bool(T.REGIONS.get(T.norm(text)))
                matched = n
                break
        run = _cap_run(mods, i) if not title_started and not words[h].cap and ph.org is None and ph.country is None else 0
        if run >= 2 and run > matched and not known and lw not in T.PREFIXES and lw not in T.TITLE_WORDS and lw not in T.PORTFOLIO_WORDS and not all(
                m.lower in T.PORTFOLIO_WORDS or not m.cap for m in mods[i : i + run]):
            matched = run  # "Buckingham Palace press spokesman", "Association of Chief Police Officers president"
        if matched:
            _set_body(ph, mods[i : i + matched], persons_words=persons, words=words)
        if (not matched and not title_started and ph.org is None and ph.country is None and canon not in T.PORTFOLIO_BEFORE
                and w.cap and w.pos == "PROPN" and w.ent in ("", "ORG") and i + 1 < len(mods) + 1
                and lw not in T.TITLE_WORDS and lw not in T.PORTFOLIO_WORDS and lw not in T.PREFIXES
                and not head_at(mods, i) and (i + 1 == len(mods) or not mods[i + 1].cap or all(m.lower in T.PREFIXES for m in mods[i + 1 :]))):
            _set_body(ph, [w], persons_words=persons, words=words)  # "Marsh chief executive", "Suffolk Chief Constable"
            matched = 1
        if matched:
            i += matched
            continue
        if canon in T.PORTFOLIO_BEFORE and not w.cap and w.pos == "ADJ" and lw not in T.PORTFOLIO_WORDS and lw not in T.PREFIXES:
            i += 1  # "confident shadow home secretary"
            continue
        title_started = title_started or w.cap
        if canon in T.PORTFOLIO_BEFORE and lw in T.PREFIXES and lw not in T.PORTFOLIO_WORDS:
            prefixes.append(lw)
        elif canon in T.PORTFOLIO_BEFORE:
            portfolio.append(lw)
        else:
            prefixes.append(lw)
        i += 1
    # an "of"/"for" phrase after the head: a body when it is a proper name, else part of the title
    tail: list[str] = []
    ext_words, ext_owner = ext[1], ext[2]
    prep = words[hend + 1].lower if hend + 1 < len(words) else ""
    if prep == "to" and (ph.org or ph.country):
        ext_words, ext_owner = [], None  # "the UK's high commissioner to South Africa": the posting, not the body
    if ext_owner is not None:
        _set_body(ph, [ext_owner], persons_words=persons, words=words, override=True)
    if ext_words and not ext_words[0].cap and ext_words[-1].cap:
        # "director of civil liberties pressure group Liberty": the description goes, the name is the body
        ext_words = ext_words[next(i for i, m in enumerate(ext_words) if m.cap):]
    if ext_words:
        text = " ".join(m.text for m in ext_words)
        portfolio_like = canon in T.PORTFOLIO_BEFORE and (
            all(m.lower in T.PORTFOLIO_WORDS or m.lower in ("and", "&", "of") for m in ext_words)
            or not _body_of(text, ext_words, "")  # "Minister for Defence Procurement": what, not whose
        )
        if ext_words[0].cap and not portfolio_like:
            _set_body(ph, ext_words, persons_words=persons, words=words, override=True)
        elif ext_owner is None or ext_words[0].cap:
            tail = [m.lower for m in ext_words]
    ph.title = T.canonical_title(prefixes, portfolio, canon, tail)
    ph.status = ph.status or "current"
    return ph


def _cap_run(mods: list[Word], i: int) -> int:
    """Length of the run of capitalised words (with inner "of"/"and") from mods[i] up to a lower-case word."""
    n = i
    while n < len(mods):
        m = mods[n]
        if m.lower in ("'s", "'", "’s", "’") or m.is_punct:
            return 0
        if m.cap:
            n += 1
        elif m.lower in ("of", "and", "&") and n > i and n + 1 < len(mods) and mods[n + 1].cap:
            n += 1
        else:
            break
    return n - i


def _head_start(words, start, hend) -> int:
    for k in range(start, hend + 1):
        hd = head_at(words, k)
        if hd and hd[1] == hend:
            return k
    return hend


def _stronger(old: str | None, new: str) -> str:
    if old in (None, "current"):
        return new
    return old


def _body_of(text: str, chunk: list[Word], head: str) -> bool:
    if not chunk[0].cap:
        return False  # bodies are proper names: "Labour leader", not "labour affairs correspondent"
    if head in T.PORTFOLIO_BEFORE and all(m.lower in T.PORTFOLIO_WORDS for m in chunk) and not T.party_name(text):
        return False  # "Armed Forces Minister": a portfolio"
    if _is_body_word(text) or T.REGIONS.get(T.norm(text)):
        return True
    if T.norm(text) in T.PLACES:
        return head not in T.PORTFOLIO_BEFORE  # "East Midlands MEP", but "Wales Secretary" is a portfolio
    last = chunk[-1]
    inner = all(m.cap or (m.lower in ("of", "and", "&") and 0 < n < len(chunk) - 1) for n, m in enumerate(chunk))
    portfolio = all(m.lower in T.PORTFOLIO_WORDS for m in chunk if m.cap)
    if inner and not all(m.cap for m in chunk) and last.cap and not portfolio and (
            last.lower in T.INSTITUTION_WORDS or _is_body_word(last.text)
            or (any(m.lower == "of" for m in chunk) and all(m.ent in ("ORG", "GPE", "FAC") for m in chunk if m.cap))):
        return True  # "Bank of England", "Chambers of Commerce"; not "Trade and Industry"
    if all(m.cap for m in chunk):
        if last.lower in T.INSTITUTION_WORDS and len(chunk) > 1:
            return True
        if len(chunk) == 1 and _is_acronym(last.text):
            return True
        if all(m.ent in ("ORG", "GPE", "NORP", "LOC") for m in chunk) and not any(m.lower in T.PORTFOLIO_WORDS or m.lower in T.PREFIXES for m in chunk):
            return head not in T.PORTFOLIO_BEFORE or len(chunk) > 1 or chunk[0].ent in ("GPE", "NORP")
    return False


def _is_place(w: Word) -> bool:
    return w.ent in ("GPE", "LOC") or bool(T.country_code(w.text)) or T.norm(w.text) in T.PLACES


def _is_acronym(text: str) -> bool:
    first = text.split("-")[0]
    letters = [c for c in first if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and text.upper() not in ("MP", "MEP", "MSP")


def _set_body(ph: Phrase, chunk: list[Word], persons_words: set[int], words: list[Word], override: bool = False) -> None:
    if not chunk:
        return
    text = " ".join(m.text for m in chunk if m.lower != "the").strip()
    if not text or not chunk[0].cap and not _is_body_word(text):
        return  # "the magazine's editor": a common noun is not a body we can name
    if any(m.ent == "PERSON" for m in chunk) and not _is_body_word(text) and not override and not (
            len(chunk) == 1 and _is_acronym(chunk[0].text)):
        return  # "Blair's spokesman": a person is not a body (an "of"-phrase, "head of Yukos", is)
    if T.HEADS.get(chunk[-1].lower) or T.PLURAL_HEADS.get(chunk[-1].lower):
        return  # "the minister's spokesman"
    code = T.country_code(text)
    if code:
        if override or ph.country is None:
            ph.country = code
        return
    party = T.party_name(text)
    inst = T.institution(text)
    region = T.REGIONS.get(T.norm(text))
    if party:
        name, country = party, None
    elif inst:
        name, country = inst
    elif region:
        name, country = region, None
    else:
        name, country = text, None
    place = not (party or inst) and all(_is_place(m) for m in chunk)
    if override or ph.org is None or (ph.parts.get("place") and not place):
        ph.org = name  # "London UKIP MEP": the party, not the city, is the body
        ph.parts["place"] = place
    if country and ph.country is None:
        ph.country = country


# ---------------------------------------------------------------- extraction

def extract_roles(doc, meta, mentions: list[dict]) -> list[dict]:
    rows: list[dict] = []
    text = doc_text(doc)
    sent_places: list[tuple[set[str], int]] = []
    # surnames of the people the tagger named in full: "Notts police chief Steve Green ... chief constable Green"
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text[:1].isupper()}
    by_sentence = ents_by_sentence(doc)
    for sent in doc.sents:
        got = _sentence_roles(sent, meta, text, surnames, by_sentence[sent.start])
        places = _places(by_sentence[sent.start])
        sent_places.extend([places] * len(got))
        rows.extend(got)
    main = _main_country(doc, meta)
    if main:
        for r, (codes, regions) in zip(rows, sent_places):
            # "Oil Minister X" in an article about Niger's junta: a cabinet title with no body of its own belongs
            # to the article's one country, when the sentence names no other country and no region
            if r["body_source"] is None and _government_title(r["title"]) and codes <= {main} and not regions:
                r["country_code"] = main
                r["body_source"] = "document"
    return _dedupe(rows)


def _government_title(title: str) -> bool:
    """A cabinet title of a national government: any minister (not a shadow one, not a devolved first or
    chief minister) or a secretary with a portfolio (not a secretary of state, a title other countries use)."""
    words = title.split()
    if not words or words[0] == "shadow" or title in ("first minister", "chief minister") or "state" in words:
        return False
    return "minister" in words or title.startswith("secretary of ")


def _places(ents) -> tuple[set[str], int]:
    """(countries, number of sub-national regions) the entities of a span name."""
    from pipelines.extract import gazetteers as gz

    codes: set[str] = set()
    regions = 0
    for e in ents:
        if e.label_ not in ("GPE", "NORP", "LOC"):
            continue
        key = T.norm(e.text)
        if key in T.PLACES or key in T.REGIONS:
            regions += 1
            continue
        code = T.country_code(e.text) or gz.cities().get(gz.fold(e.text))
        if code:
            codes.add(code)
    return codes, regions


def _main_country(doc, meta) -> str | None:
    """The one country an article is about: named at least three times and at least twice as often as any
    other (1.5 times when the lead, the first two sentences, names it), no more than one mention of a region
    below country level (Scotland, Wales), the dateline, when there is one, in the same country, and its
    government named ("Niger's junta"). Else None."""
    from collections import Counter

    from pipelines.extract import gazetteers as gz

    counts: Counter = Counter()
    regions = 0
    for e in doc.ents:
        c, r = _places([e])
        counts.update(c)
        regions += r
    if not counts or regions > 1:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n < 3 or n < 1.5 * second:
        return None
    if n < 2 * second:
        lead = list(doc.sents)[:2]
        if not lead or top not in _places([e for s in lead for e in s.ents])[0]:
            return None
    place = getattr(meta, "dateline_place", None)
    if place:
        dl = T.country_code(place) or gz.cities().get(gz.fold(place))
        if dl and dl != top:
            return None
    # The article must speak of that country's government ("Niger's junta", "the British government", "the
    # junta in charge of Niger") and of no other country's: an article about a foreign country quotes
    # ministers of its own one ("the government has offered the Indonesian government ... and the Sri Lankan
    # government").
    governed = {c for e in doc.ents if _governs(doc, e) for c in _places([e])[0]}
    return top if governed == {top} else None


GOVERNMENT_WORDS = {"government", "junta", "cabinet", "regime", "authorities", "ministers", "leadership"}


def _governs(doc, e) -> bool:
    i = e.end
    if i < len(doc) and doc[i].text in ("'s", "’s", "'", "’"):
        i += 1
    after = [t.lower_ for t in doc[i : i + 2]]
    if after and (after[0] in GOVERNMENT_WORDS or (after[0] in ("military", "transitional", "interim", "new")
                                                   and after[1:] and after[1] in GOVERNMENT_WORDS | {"leaders", "rulers"})):
        return True
    j = e.start - 1
    if j >= 1 and doc[j].lower_ in ("of", "in"):
        return any(t.lower_ in GOVERNMENT_WORDS for t in doc[max(0, j - 3) : j])
    return False


def _dedupe(rows: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for r in rows:
        key = (r["person_start"], r["title"])
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def _sentence_roles(sent, meta, text: str, surnames: frozenset, sent_ents: list) -> list[dict]:
    words = merge_words(sent, text)
    if not words:
        return []
    persons = _person_words(words, sent_ents)
    # a surname the document gave in full is a name here too, even when it is also a party ("Green")
    named = {k for k, w in enumerate(words) if w.text in surnames and k not in persons and k > 0
             and head_at(words, k - 1) and not (k + 1 < len(words) and words[k + 1].cap)}
    persons |= named
    found: list[tuple[Phrase, tuple[int, int], float]] = []
    k = 0
    claimed: set[int] = set()
    while k < len(words):
        hd = head_at(words, k)
        if not hd:
            k += 1
            continue
        canon, hend, plural, _ = hd
        if canon in T.WEAK_HEADS and not words[k].cap and not _names_after(words, hend + 1, persons, plural):
            k += 1
            continue
        if words[k].pos == "VERB" and not words[k].cap and k > 0 and (words[k - 1].pos in ("AUX", "PART", "PRON") or words[k - 1].tag == "MD"):
            k += 1  # "Cafod will host Mr Brown's speech": a verb, not a title
            continue
        start = _left_extent(words, k, persons)
        # A: title then name ("Oil Minister Mahamane Sani Mahamadou"); an "of"-phrase may sit between.
        ext = (hend, [], None)
        after_head = hend + 2 if hend + 1 < len(words) and words[hend + 1].text == "]" else hend + 1
        names = _names_after(words, after_head, persons, plural)
        if names and (canon in T.WEAK_HEADS or canon in T.RANKS) and not _strong_names(words, names, persons, start, k):
            names = []  # "the General Election": a weak head needs a recognised or multi-word name
        if not names and canon in T.PORTFOLIO_BEFORE and hend + 1 < len(words) and words[hend + 1].lower in ("of", "for"):
            ext2 = _of_phrase(words, hend + 1, persons, stop_at_person=True)
            if ext2[1] and (ext2[0] + 1) in persons and not any(m.lower in T.HONORIFICS for m in ext2[1]):
                names = _names_after(words, ext2[0] + 1, persons, plural)
                ext = ext2 if names else ext
        if names:
            # "armed forces chief General X": the rank is a title too, the phrase before it another.
            ph = build_phrase(words, start, hd, ext, persons)
            inner = _inner_head(words, start, k)
            if inner is not None and ph.rank:
                outer = build_phrase(words, start, head_at(words, inner), (inner, [], None), persons)
                rank = build_phrase(words, k, hd, ext, persons)
                for n in names:
                    found.append((outer, n, 0.85))
                    found.append((rank, n, 0.8))
            else:
                _country_after_name(words, names, ph)
                for n in names:
                    found.append((ph, n, 0.9 if n[0] in persons else 0.7))
                # "Ex-BBC chat show host and East Midlands MEP Robert Kilroy-Silk": both titles are his
                if len(names) == 1 and start >= 2 and words[start - 1].lower == "and":
                    first = _head_ending_at(words, start - 2)
                    s0 = _left_extent(words, first[0], persons) if first is not None else 0
                    if first is not None and not first[2] and (s0 == 0 or words[s0 - 1].lower not in DETERMINERS):
                        # not "Both the prime minister and Chancellor Gordon Brown": two people
                        found.append((build_phrase(words, s0, head_at(words, first[0]), (start - 2, [], None), persons), names[0], 0.8))
                        claimed.update(range(s0, start))
            claimed.update(range(start, max(n[1] for n in names) + 1))
            k = max(n[1] for n in names) + 1
            continue
        if plural:
            k = hend + 1
            continue
        ext = _of_phrase(words, hend + 1, persons, stop_at_person=False, allow_in=True)
        end = ext[0]
        # C: title, comma, name ("The president of neighbouring Benin, Patrice Talon,").
        if end + 2 < len(words) and words[end + 1].text == "," and k not in claimed:
            holder = _name_after_comma(words, end + 2, persons)
            if holder and _apposition_ends(words, holder[1] + 1, start, words):
                ph = build_phrase(words, start, hd, ext, persons)
                if start >= 2 and words[start - 1].lower == "as" and words[start - 2].lower in ("predecessor", "predecessors"):
                    ph.status = "former"
                found.append((ph, holder, 0.8))
                k = end + 1
                continue
        k = hend + 1
    found.extend(_appositions(words, persons, claimed, {span for _, span, _ in found}))
    found.extend(_predicates(words, persons, sent))
    found.extend(_fronted_as(words, persons))
    found.extend(_postnominals(words, persons))
    rows = [_row(text, sent, meta, words, ph, span, conf) for ph, span, conf in found]
    for r, (ph, span, _) in zip(rows, found):
        if r["body_source"] is None and _org_title(ph.title):
            _body_from_reporting_subject(r, words[span[1]], sent, sent_ents)
    return rows


ORG_TITLE_ENDS = ("secretary-general", "spokesperson", "director", "director general", "chief executive", "chair",
                  "co-chair", "president", "head", "chief", "commissioner")
REPORT_VERBS = {"say", "announce", "confirm", "state", "add", "report", "tell", "insist", "warn", "deny", "explain"}


def _org_title(title: str) -> bool:
    return title.endswith(ORG_TITLE_ENDS)


def _body_from_reporting_subject(row: dict, name_word: Word, sent, sent_ents: list) -> None:
    """"The United Nations said Secretary-General Antonio Guterres was ...": an organisation that reports what
    the title holder did is the body of an organisation's title (spokesperson, secretary-general, chair ...)
    that has none of its own. Only when the name is the subject of the reported clause."""
    doc = sent.doc
    tok = doc[name_word.t1 - 1]
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORT_VERBS:
        return
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ != "ORG":
        return
    ent = next((e for e in sent_ents if e.start <= subj.i < e.end and e.label_ == "ORG"), None)
    if ent is None:
        return
    text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    party, inst = T.party_name(text), T.institution(text)
    row["org_text"] = party or (inst[0] if inst else text)
    if inst and inst[1] and row["country_code"] is None:
        row["country_code"] = inst[1]
    row["body_source"] = "sentence"


def _head_ending_at(words, e):
    """(start word, canonical head, plural) of a title head that ends at word e, if any."""
    for k in range(max(0, e - 2), e + 1):
        hd = head_at(words, k)
        if hd and hd[1] == e:
            return k, hd[0], hd[2]
    return None


def _country_after_name(words, names, ph: Phrase) -> None:
    """"King Abdullah of Jordan": a country right after the name is the title's body."""
    last = names[-1][1]
    if len(names) != 1 or ph.country or last + 2 >= len(words) or words[last + 1].lower != "of":
        return
    run = []
    for w in words[last + 2 : last + 6]:
        if not w.cap or w.is_punct:
            break
        run.append(w.text)
    for n in range(len(run), 0, -1):
        code = T.country_code(" ".join(run[:n]))
        if code:
            ph.country = code
            return


def _strong_names(words, names, persons, start, k) -> bool:
    """A weak head ("General", "Justice") takes a name only when the name is clearly one."""
    if len(names) == 1 and names[0][0] == names[0][1] and start > 0 and words[start - 1].lower in DETERMINERS:
        return False  # "the Criminal Justice Bill": one capitalised word after "the ... Justice" is not a name
    if len(names) > 1 or any(s in persons or e in persons or e > s for s, e in names):
        return True
    # "Lord Justice May" yes, "the General Election" no
    return words[k].cap and (start == 0 or words[start - 1].lower not in DETERMINERS) and words[names[0][0]].pos == "PROPN"


def _inner_head(words, start, k) -> int | None:
    for j in range(k - 1, start - 1, -1):
        hd = head_at(words, j)
        if hd and hd[1] == j and hd[0] not in T.RANKS:
            return j
    return None


def _name_after_comma(words, j, persons):
    """The name after a comma, directly or behind a title of its own ("..., Conservative MP Boris Johnson")."""
    span = name_at(words, j, persons)
    if span and (j in persons or span[1] in persons or (span[1] > span[0] and all(w.pos == "PROPN" for w in words[span[0] : span[1] + 1]))):
        return span
    for h in range(j, min(j + 6, len(words))):
        hd = head_at(words, h)
        if hd and _left_extent(words, h, persons, limit=j) == j:
            s = name_at(words, hd[1] + 1, persons)
            return s
        if words[h].is_punct:
            break
    return None


def _apposition_ends(words, j, phrase_start, _words) -> bool:
    if j + 1 < len(words) and words[j].lower == "of" and words[j + 1].cap:
        j += 1  # "Lord Irvine of Lairg": a peer's territorial designation
        while j < len(words) and words[j].cap and not words[j].is_punct:
            j += 1
    if j >= len(words):
        return True
    if words[j].text in (",", ".", ";", ":", ")", "!", "?", "”", "\"") or words[j].text.upper() in T.POSTNOMINALS:
        return True
    # "The new chairman of the Bar Council, Guy Mansfield QC warned": the phrase opens the sentence.
    lead = phrase_start
    while lead > 0 and (words[lead - 1].lower in DETERMINERS or words[lead - 1].is_punct):
        lead -= 1
    return lead == 0 and words[j].pos in ("VERB", "AUX")


def _appositions(words, persons, claimed, names=frozenset()) -> list:
    """Name, [a|the|who is] title: "Abdulsalami Abubakar, a former military ruler of Nigeria". The name is a
    tagged person or one a title before it already gave ("Suffolk Chief Constable X, the ... spokesman")."""
    out = []
    given = {s: e for s, e in names}
    k = 0
    while k < len(words):
        if k in given and k not in persons:
            e = given[k]
        elif k not in persons or (k > 0 and (k - 1) in persons):
            k += 1
            continue
        else:
            e = k
            while e + 1 < len(words) and e + 1 in persons and words[e + 1].text not in T.POSTNOMINALS:
                e += 1
        j = e + 1
        relative = j + 1 < len(words) and words[j].lower == "who" and words[j + 1].lower in ("is", "was")
        if j >= len(words) or (words[j].text != "," and not relative):
            k = e + 1
            continue
        if words[j].text == ",":
            j += 1
        status = None
        opener = j
        if j + 1 < len(words) and words[j].lower == "who" and words[j + 1].lower in ("is", "was", "has", "had"):
            status = "current" if words[j + 1].lower == "is" else ("former" if words[j + 1].lower == "was" else None)
            j += 2
            if j < len(words) and words[j].lower == "been":
                j += 1
            if j < len(words) and words[j].lower in ("now", "currently", "also", "still"):
                j += 1
        if j < len(words) and words[j].lower in ("a", "an", "the"):
            j += 1
        # the title head: first head after j whose modifiers reach back to j
        for h in range(j, min(j + 8, len(words))):
            hd = head_at(words, h)
            if hd:
                if _left_extent(words, h, persons, limit=j) != j or hd[2]:
                    break
                hend = hd[1]
                ext = _of_phrase(words, hend + 1, persons, stop_at_person=False)
                after = ext[0] + 1
                if after < len(words) and words[after].pos in ("NOUN", "PROPN") and not words[after].is_punct and after not in persons:
                    continue  # the head is not the end of the phrase ("assistant chief constable")
                if after < len(words) and words[after].lower in ("'s", "'"):
                    break
                if after < len(words) and words[after].pos in ("VERB", "AUX") and not _clause_start(words, k):
                    break  # "Echoing ... Condoleezza Rice, the prime minister said": not an apposition
                if after < len(words) and words[after].pos in ("VERB", "AUX") and words[opener].lower in ("the", "a", "an"):
                    break
                ph = build_phrase(words, j, hd, ext, persons)
                if status and ph.status == "current":
                    ph.status = status
                if h not in claimed:
                    s0 = k - 1 if k > 0 and words[k - 1].lower in T.HONORIFICS else k
                    out.append((ph, (s0, e), 0.85))
                break
            if words[h].is_punct and words[h].lower not in ("'s", "'", "’s", "’") or (h in persons):
                break
        k = e + 1
    return out


def _fronted_as(words, persons) -> list:
    """"As foreign secretary in the early 1970s, Lord Callaghan kept ...": a fronted "as"-phrase whose
    subject is the name right after the comma. A date inside the phrase puts the role in the past."""
    out = []
    for a, w in enumerate(words):
        if w.lower != "as" or not _clause_start(words, a):
            continue
        j = a + 1
        if j < len(words) and words[j].lower in ("the", "a", "an"):
            j += 1
        for h in range(j, min(j + 6, len(words))):
            hd = head_at(words, h)
            if not hd:
                if words[h].is_punct or h in persons:
                    break
                continue
            if _left_extent(words, h, persons, limit=j) != j or hd[2]:
                break
            ext = _of_phrase(words, hd[1] + 1, persons, stop_at_person=False)
            q = ext[0] + 1
            dated = False
            while q < len(words) and q - ext[0] <= 8 and words[q].text != ",":
                if q in persons or words[q].pos in ("VERB", "AUX") or words[q].is_punct:
                    q = len(words)
                    break
                dated = dated or words[q].ent == "DATE"
                q += 1
            if q >= len(words) or words[q].text != ",":
                break
            span = name_at(words, q + 1, persons)
            if not span or not (q + 1 in persons or span[1] in persons or span[1] > span[0]):
                break
            nxt = span[1] + 1
            while nxt < len(words) and words[nxt].pos == "ADV":
                nxt += 1
            if nxt >= len(words) or words[nxt].pos not in ("VERB", "AUX"):
                break  # the name must be the clause's subject
            ph = build_phrase(words, j, hd, ext, persons)
            if dated and ph.status == "current":
                ph.status = "former"
            out.append((ph, span, 0.75))
            break
    return out


def _clause_start(words, k) -> bool:
    """Word k opens a clause: sentence start, or after a comma or a conjunction ("Earlier, Matthew Miller, ...")."""
    j = k - 1
    while j >= 0 and words[j].lower in T.HONORIFICS:
        j -= 1
    return j < 0 or words[j].text in (",", ";", ":", "\"", "“") or words[j].lower in ("and", "but")


def _predicates(words, persons, sent) -> list:
    """"Ms Short resigned as international development secretary", "saw Bazoum elected president",
    "David Blunkett has become a paid adviser to ...", "X makes his money as a director of BAE Systems"."""
    out = []
    toks = list(sent)
    base = toks[0].i if toks else 0
    word_of = {t: k for k, w in enumerate(words) for t in range(w.t0, w.t1)}
    for a in range(1, len(words) - 1):
        w = words[a]
        need_body = False
        if w.lower == "as":
            v = a - 1
            if words[v].lower in ("down", "in"):
                v -= 1
            verb_status = PAST_VERBS.get(words[v].lemma, "skip") if v >= 0 else "skip"
            if verb_status == "skip":
                # any other verb ("makes his money as a director of X"): only with a named body
                verb_status, need_body = "current", True
                gov = toks[w.t0 - base].head
                while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                    gov = gov.head
                v = word_of.get(gov.i, a - 1)
            elif verb_status is None:  # "served as": tense decides
                verb_status = "former" if words[v].text.endswith("ed") else "current"
            j = a + 1
        elif w.lemma in ("elect", "re-elect", "appoint", "name", "nominate") and w.pos in ("VERB", "ADJ", "AUX") and w.text.endswith("ed"):
            verb_status = PAST_VERBS[w.lemma]
            j, v = a + 1, a
        elif w.lemma in ("become", "remain") and w.pos in ("VERB", "AUX"):
            verb_status, j, v = "current", a + 1, a
        else:
            continue
        if j < len(words) and words[j].lower in ("the", "a", "an", "its", "their"):
            j += 1
        holder = _subject_before(words, v, persons) or _parsed_subject(words, v, persons, toks, base, word_of)
        if not holder:
            continue
        if _future(words, v):
            # "is to step down as MP" still holds it; "is to become high commissioner" will
            verb_status = "designate" if verb_status in ("current", "elected") else ("current" if verb_status == "former" else verb_status)
        for h in range(j, min(j + 6, len(words))):
            hd = head_at(words, h)
            if hd:
                if _left_extent(words, h, persons, limit=j) != j or hd[2]:
                    break
                ext = _of_phrase(words, hd[1] + 1, persons, stop_at_person=False)
                after = ext[0] + 1
                if after < len(words) and words[after].pos in ("NOUN", "PROPN") and after not in persons:
                    continue
                if after < len(words) and after in persons:
                    break  # "elected President X": the title belongs to X (pattern A)
                ph = build_phrase(words, j, hd, ext, persons)
                if need_body and not (ph.org or ph.country):
                    break
                ph.status = verb_status if ph.status == "current" else ph.status
                out.append((ph, holder, 0.75))
                break
            if words[h].is_punct or h in persons:
                break
    return out


def _parsed_subject(words, v, persons, toks, base, word_of):
    """The person the parser gives as the subject of the verb at word v."""
    if v < 0 or v >= len(words):
        return None
    verb = toks[words[v].t1 - 1 - base]
    for _ in range(3):  # "X is to become ...": the subject sits on the governing verb
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                k = word_of.get(child.i)
                if k is not None and k in persons:
                    s = e = k
                    while s - 1 >= 0 and (s - 1) in persons:
                        s -= 1
                    while e + 1 < len(words) and (e + 1) in persons:
                        e += 1
                    return s, e
                return None
        if verb.dep_ not in ("xcomp",) or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _future(words, v) -> bool:
    """The verb at word v is in the future: "will become", "is to step down", "is set to become"."""
    j = v - 1
    if j >= 0 and words[j].lower in ("will", "would", "shall", "'ll"):
        return True
    if j >= 0 and words[j].lower == "to":
        k = j - 1
        if k >= 0 and words[k].lower in ("set", "due", "expected", "poised", "likely", "going"):
            k -= 1
        return k >= 0 and words[k].lower in ("is", "are", "was", "were", "'s", "be")
    return False


def _subject_before(words, v, persons):
    """The person right before a verb, allowing auxiliaries: "Ms Short resigned", "X was elected"."""
    j = v - 1
    if _future(words, v):
        j -= 1  # "X is to step down as ...", "X will become ..."
        while j >= 0 and words[j].lower in ("set", "due", "expected", "poised", "likely", "going"):
            j -= 1
    while j >= 0 and words[j].lower in ("was", "has", "had", "been", "is", "be", "who", "later", "then", "also", "recently", "subsequently"):
        j -= 1
    if j >= 1 and words[j].text == ",":
        # "Paul Boateng, Chief Secretary to the Treasury, is to step down": the subject before its apposition
        c = next((c for c in range(j - 1, max(-1, j - 10), -1) if words[c].text == ","), None)
        if c is not None and c - 1 >= 0 and (c - 1) in persons:
            j = c - 1
    if j < 0:
        return None
    if j not in persons:
        # a surname the tagger missed ("saw Bazoum elected president"): a proper noun that names no place or body
        w = words[j]
        if not (w.pos == "PROPN" and _is_name_word(w) and not _is_body_word(w.text) and w.ent in ("", "ORG")
                and not head_at(words, j) and (j == 0 or not words[j - 1].cap or words[j - 1].lower in T.HONORIFICS)):
            return None
        s = j
        if s - 1 >= 0 and words[s - 1].lower in T.HONORIFICS:
            s -= 1
        return s, j
    s = j
    while s - 1 >= 0 and (s - 1) in persons:
        s -= 1
    if s - 1 >= 0 and words[s - 1].lower in T.HONORIFICS:
        s -= 1
    return s, j


def _postnominals(words, persons) -> list:
    out = []
    for k, w in enumerate(words):
        title = T.POSTNOMINALS.get(w.text)
        if not title or k == 0 or (k - 1) not in persons:
            continue
        if name_at(words, k + 1, persons):
            continue  # "Green MEP Caroline Lucas": the title of the name after it, not of "Green"
        e = k - 1
        s = e
        while s - 1 >= 0 and (s - 1) in persons:
            s -= 1
        ph = Phrase(start=k, end=k, head=title, title=title, status="current")
        out.append((ph, (s, e), 0.7))
    return out


def _row(text: str, sent, meta, words: list[Word], ph: Phrase, span: tuple[int, int], conf: float) -> dict:
    ps, pe = span
    person_text = text[words[ps].start : words[pe].end]
    start = min(words[ph.start].start, words[ps].start)
    end = max(words[ph.end].end, words[pe].end)
    title_text = text[words[ph.start].start : words[ph.end].end]
    return {
        "person_id": None,
        "person_text": person_text,
        "title": ph.title,
        "title_text": title_text,
        "org_id": None,
        "country_code": ph.country,
        "status": ph.status or "unknown",
        "doc_id": meta.doc_id,
        "sentence_text": sent.text,
        "start_char": start,
        "end_char": end,
        "as_of_date": meta.published_date,
        "confidence": conf,
        "person_start": words[ps].start,
        "person_end": words[pe].end,
        "org_text": ph.org,
        "body_source": "text" if (ph.org or ph.country) else None,
    }
