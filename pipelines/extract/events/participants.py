"""Who does what to whom: noun phrases for actors and recipients, pronouns, quotes and their speakers."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from pipelines.extract.nlp import doc_text

REPORTING = {
    "say", "tell", "add", "state", "report", "announce", "claim", "confirm", "note", "write", "tweet",
    "quote", "explain", "declare", "stress", "emphasize", "emphasise", "underscore", "reiterate", "argue",
    "insist", "believe", "think", "reply", "respond", "acknowledge", "assert", "post",
}
# Heads whose "of" complement is the real participant: "members of his presidential guard".
PARTITIVE = {
    "member", "some", "part", "group", "element", "unit", "many", "most", "one", "two", "three", "several",
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "all", "rest", "majority", "number",
    "band", "faction", "section", "score", "scores", "handful", "tens", "ten", "contingent", "squad", "battalion", "detachment", "wing",
}
# Heads that are a person or body defined by what follows "of": "the head of ECOWAS".
TITLE_OF = {
    "head", "chief", "leader", "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "commander", "director", "chairman", "chair", "king", "prime", "governor", "mayor", "ambassador", "envoy",
    "government", "army", "ministry", "foreign", "parliament", "court", "people", "citizen", "citizens",
}
FIRST_PERSON = {"i", "we", "me", "us", "our", "my"}
THIRD_PERSON = {"he", "she", "it", "they", "him", "her", "them", "its", "their", "his"}
RELATIVE = {"who", "which", "that", "whom"}
NP_LEFT = {"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "nn", "advmod", "npadvmod"}
OPEN_QUOTES = {"“": "”", '"': '"', "«": "»"}


@dataclass
class Phrase:
    text: str
    start: int  # char offsets of the part that names the participant (used to link it to a mention)
    end: int
    head: object  # spaCy Token the phrase was built from (after pronoun resolution)
    named: bool  # overlaps a named-entity mention
    pronoun: bool = False


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted speech, paragraph by paragraph (an unclosed quote runs to the paragraph end)."""
    regions: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        s, p = para.start(), para.group(0)
        i = 0
        while i < len(p):
            ch = p[i]
            if ch in OPEN_QUOTES:
                close = OPEN_QUOTES[ch]
                j = p.find(close, i + 1)
                if j < 0:
                    regions.append((s + i, s + len(p)))
                    break
                if j - i > 3:
                    regions.append((s + i, s + j + 1))
                i = j + 1
            else:
                i += 1
    return regions


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, pos)
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", pos)
    return start, len(text) if end < 0 else end


class Participants:
    """Per-document helper: mentions by position, quotes and speakers, pronoun antecedents."""

    def __init__(self, doc, mentions: list[dict]):
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = sorted(mentions, key=lambda m: m["start_char"])
        self.quotes = quote_regions(self.text)
        self._speakers: dict[tuple[int, int], Phrase | None] = {}
        self._sents: list | None = None
        self._sent_ends: list[int] = []

    # ---- mentions and quotes
    def mention_at(self, tok) -> dict | None:
        for m in self.mentions:
            if m["start_char"] <= tok.idx < m["end_char"]:
                return m
        return None

    def in_quote(self, tok) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= tok.idx < q[1]:
                return q
        return None

    def speaker(self, quote: tuple[int, int]) -> Phrase | None:
        """The subject of the reporting verb that introduces the quote in its paragraph."""
        if quote in self._speakers:
            return self._speakers[quote]
        self._speakers[quote] = None
        pstart, pend = paragraph_of(self.text, quote[0])
        best = None
        para = self.doc.char_span(pstart, pend, alignment_mode="expand") if pend > pstart else None
        for tok in (self.doc if para is None else para):
            if tok.idx < pstart or tok.idx >= pend or tok.lemma_.lower() not in REPORTING or tok.pos_ != "VERB":
                continue
            if self.in_quote(tok):
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            dist = tok.idx - quote[1] if tok.idx >= quote[1] else (quote[0] - tok.idx) + 1000
            if best is None or dist < best[0]:
                best = (dist, subj)
        if best is not None:
            self._speakers[quote] = self.phrase(best[1], allow_quote=False)
        return self._speakers[quote]

    # ---- noun phrases
    def phrase(self, tok, allow_quote: bool = True) -> Phrase | None:
        """The participant a noun token stands for, pronouns resolved."""
        if tok is None:
            return None
        low = tok.lower_
        if low in FIRST_PERSON | THIRD_PERSON | RELATIVE and tok.pos_ != "PROPN":  # "the US" is not "us"
            return self._resolve_pronoun(tok, allow_quote)
        if tok.pos_ == "PRON":
            return None  # "those involved", "everyone": no participant we can name
        head = self._real_head(tok)
        return self._render(head)

    def _real_head(self, tok):
        seen = 0
        while seen < 3:
            seen += 1
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if tok.lemma_.lower() in PARTITIVE and pobj is not None:
                tok = pobj
                continue
            # "allies France and the United States": a common noun with a named apposition
            appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if appos is not None and tok.pos_ == "NOUN" and self.mention_at(tok) is None:
                tok = appos
                continue
            # "the president of neighbouring Benin, Patrice Talon": the name attached to the of-object
            if tok.lemma_.lower() in TITLE_OF and pobj is not None:
                named = next((c for c in pobj.children if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or (
                    c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "ORG", "NORP", "FAC")))), None)
                if named is not None:
                    tok = named
                    continue
            break
        return tok

    def _span_tokens(self, head) -> list:
        toks = [head]

        def left(t):
            for c in t.children:
                if c.i < head.i and c.dep_ in NP_LEFT:
                    toks.append(c)
                    left(c)

        left(head)
        for c in head.children:
            if c.i > head.i and c.dep_ in ("compound", "flat", "case", "nummod"):
                toks.append(c)
        return sorted(toks, key=lambda t: t.i)

    def _render(self, head) -> Phrase:
        toks = self._span_tokens(head)
        # contiguous words only: a dateline or bracket before the name is not part of it
        for k in range(len(toks) - 1, 0, -1):
            gap = self.doc[toks[k - 1].i + 1: toks[k].i]
            if any(g.text not in ("-", "'", "’", "&") for g in gap) or toks[k - 1].text in (":", "]", ")", "(", "[", ";", "--", "–", "—"):
                toks = toks[k:]
                break
        while len(toks) > 1 and (toks[0].dep_ == "det" or toks[0].tag_ == "PRP$" or toks[0].is_punct):
            toks = toks[1:]
        while len(toks) > 1 and toks[-1].is_punct:
            toks = toks[:-1]
        text_end = toks[-1].idx + len(toks[-1].text)
        # "head of ECOWAS": keep the body in the text
        if head.lemma_.lower() in TITLE_OF and head.pos_ == "NOUN":
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None:
                ptoks = self._span_tokens(pobj)
                text_end = max(text_end, ptoks[-1].idx + len(ptoks[-1].text))
        text = self.text[toks[0].idx:text_end]
        m = self.mention_at(head)
        if m is not None:
            return Phrase(_clean(text), m["start_char"], m["end_char"], head, True)
        named = self._earlier_name(head)
        if named is not None:
            return Phrase(named["text"], named["start_char"], named["end_char"], head, True, pronoun=True)
        # link by the head word's phrase, without a leading possessor ("Niger's president" is not Niger)
        core = [t for t in toks if not _inside_poss(t, head)]
        core = core or [head]
        return Phrase(_clean(text), core[0].idx, core[-1].idx + len(core[-1].text), head, False)

    def _mention_root(self, m: dict):
        return self.doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand").root

    def _earlier_name(self, head) -> dict | None:
        """"The bloc" after "West African regional bloc ECOWAS": the named body introduced with that noun."""
        if head.pos_ != "NOUN" or head.tag_ == "NNS" or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
            return None
        if any(c.dep_ == "prep" for c in head.children):
            return None
        lemma = head.lemma_.lower()
        for t in reversed(self.doc[max(0, head.i - 400): head.i]):
            if t.lemma_.lower() != lemma:
                continue
            for cand in (t, t.head, *[c for c in t.children if c.dep_ == "appos"]):
                m = self.mention_at(cand)
                if m is not None and m["label"] in ("ORG", "GPE", "NORP"):
                    return m
        return None

    # ---- pronouns
    def _resolve_pronoun(self, tok, allow_quote: bool) -> Phrase | None:
        low = tok.lower_
        if low in RELATIVE:
            verb = tok.head
            while verb.dep_ not in ("relcl", "acl") and verb.head.i != verb.i and verb.dep_ in ("conj", "xcomp"):
                verb = verb.head
            if verb.dep_ in ("relcl", "acl"):
                return self.phrase(verb.head)
            return None
        if low in FIRST_PERSON:
            q = self.in_quote(tok) if allow_quote else None
            sp = self.speaker(q) if q else None
            if sp is not None:
                return Phrase(sp.text, sp.start, sp.end, sp.head, sp.named, pronoun=True)
            return None
        # third person: the sayer when the pronoun is the subject of reported speech ("the bloc said it could ...")
        clause = tok.head
        hops = 0
        while clause.dep_ in ("xcomp", "conj", "aux") and clause.head.i != clause.i and hops < 4:
            clause, hops = clause.head, hops + 1
        if clause.dep_ in ("ccomp", "parataxis") and clause.head.lemma_.lower() in REPORTING:
            subj, _ = subject_of(clause.head)
            if subj is not None and subj.pos_ != "PRON" and _compatible(low, subj, self):
                ph = self.phrase(subj)
                if ph is not None:
                    ph.pronoun = True
                return ph
        ante = self._antecedent(tok)
        if ante is None:
            return None
        ph = self.phrase(ante)
        if ph is not None:
            ph.pronoun = True
        return ph

    def _sentences_before(self, start: int) -> list:
        """The (at most two) sentences that end before token `start`, without walking every sentence."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_ends = [s.end for s in self._sents]
        k = bisect.bisect_right(self._sent_ends, start)
        return self._sents[max(0, k - 2) : k]

    def _antecedent(self, tok):
        low = tok.lower_
        sent = tok.sent
        sents = self._sentences_before(sent.start)
        if low in ("he", "she", "him", "her", "his"):
            before = [m for m in self.mentions if m["label"] == "PERSON" and sent.start_char <= m["start_char"] < tok.idx]
            here = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            # object and possessive pronouns: the person named earlier in the same sentence ("... Bazoum after troops detained him")
            if low in ("him", "her", "his") and before:
                return self._mention_root(before[-1])
            if here is not None and here.i != tok.i and (here.ent_type_ == "PERSON" or here.lower_ in ("he", "she")):
                return here if here.pos_ != "PRON" else self._antecedent(here)
            for prev in reversed(sents):
                subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and (subj.ent_type_ == "PERSON" or (self.mention_at(subj) or {}).get("label") == "PERSON"):
                    return subj
                break
            for span in [sent, *reversed(sents)]:
                persons = [m for m in self.mentions if m["label"] == "PERSON" and span.start_char <= m["start_char"] < min(span.end_char, tok.idx)]
                if persons:
                    return self._mention_root(persons[-1])
            return None
        # its / their in a clause whose subject came first: "Mali and Burkina Faso ... after their coups"
        if low in ("its", "their"):
            here = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
            if here is not None and here.pos_ != "PRON" and here.ent_type_ != "PERSON":
                return here
        # it / they: the subject of the previous sentence's main verb when it is not a person
        # (for "it", a singular one, or the country or body that owns a plural one: "Niger's relations")
        for prev in reversed(sents):
            subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.pos_ == "PRON" or subj.ent_type_ == "PERSON":
                continue
            if low in ("it", "its") and subj.tag_ in ("NNS", "NNPS"):
                poss = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if poss is None:
                    continue
                return poss
            if low in ("they", "their", "them") and subj.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in subj.children) \
                    and (self.mention_at(subj) or {}).get("label") not in ("ORG", "NORP", "GPE"):
                continue
            return subj
        for prev in [sent, *reversed(sents)]:
            bodies = [m for m in self.mentions if m["label"] in ("ORG", "GPE", "NORP")
                      and prev.start_char <= m["start_char"] < min(prev.end_char, tok.idx)]
            if bodies:
                return self.doc.char_span(bodies[-1]["start_char"], bodies[-1]["end_char"], alignment_mode="expand").root
        return None


def _compatible(pronoun: str, ante, parts: Participants) -> bool:
    person = ante.ent_type_ == "PERSON" or (parts.mention_at(ante) or {}).get("label") == "PERSON"
    if pronoun in ("he", "she", "him", "her", "his"):
        return person or ante.lemma_.lower() in TITLE_OF
    if pronoun in ("it", "its"):
        return not person
    return True


def _inside_poss(t, head) -> bool:
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "poss":
            return True
        t = t.head
    return False


def _clean(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip(" ,;:-\"“”'")


def subject_of(verb, max_hops: int = 4):
    """The subject of a verb, inherited through control, coordination and participles; (token, passive)."""
    hops = 0
    v = verb
    while v is not None and hops <= max_hops:
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp") and v.head.i != v.i:
            # "refused to deploy": the controller; passive heads give their patient as subject
            v = v.head
            if v.pos_ not in ("VERB", "AUX", "ADJ"):
                if v.dep_ == "pobj" or v.pos_ == "ADP":
                    v = v.head
                    continue
                return None, False
            hops += 1
            continue
        if v.dep_ in ("relcl",):
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                return None, False  # "force to reinstate Bazoum": the noun is not the subject
            return v.head, False
        if v.dep_ == "acl" and v.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # "Russia's decision to withdraw", "the government's move to ban": the possessor acts
            poss = next((c for c in v.head.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss, False
        break
    return None, False
