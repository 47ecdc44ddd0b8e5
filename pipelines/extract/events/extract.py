"""PLOVER event candidates from one parsed document.

Per sentence: lexicon triggers on the dependency parse (longest match wins), nested triggers that are only
the content of a verbal event ("accused France of planning to release ...", "demanded the release") folded
into it, reporting verbs skipped but what they report kept, then actor/recipient, negation, modality,
date, place and confidence for each event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.extract.dates import date_phrases, resolve_date
from pipelines.extract.events.lexicon import PERSON_WORDS, Entry, Match, _forms, match_token
from pipelines.extract.events.participants import REPORTING, Participants, Phrase, subject_of
from pipelines.extract.events.places import country_code
from pipelines.extract.nlp import ents_by_sentence

# Verbal events whose complement is what they are about, not a separate event.
CONTENT_TYPES = {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE", "CONCEDE"}
CONTENT_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acomp", "oprd", "attr", "compound", "dative", "acl", "amod", "nsubjpass"}
VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT"}
CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
LIGHT_VERBS = {"hold", "stage", "launch", "carry", "conduct", "mount", "begin", "start", "continue", "resume", "take",
               "join", "organize", "organise", "lead", "make", "issue", "unleash", "step", "intensify", "announce",
               "support", "undertake", "pursue", "attempt", "try", "order", "call", "led",
               # "paid a visit", "opened talks", "waged an offensive", "lodged a complaint", "gave a warning"
               "pay", "enter", "engage", "wage", "file", "lodge", "offer", "extend", "give", "commit", "perpetrate",
               "initiate", "spearhead", "renew", "reiterate", "repeat"}
RECIPIENT_PREPS = {"on", "against", "to", "with", "at", "of", "from", "upon", "between", "into"}
LOC_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "into"}
BAD_DATE_PREPS = {"after", "since", "before", "until", "following", "ahead", "prior", "till", "from"}
HYPOTHETICAL_AUX = {"could", "might", "may", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
OBLIGATION_AUX = {"must", "should"}
# PLOVER manual, AGREE: CONSULT, SUPPORT, COOPERATE and AID reported in future tense are intentions.
AGREE_IF_FUTURE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
# Visitors whose arrival is not a consultation: access granted (RETREAT) or aid delivered (AID).
ACCESS_VISITORS = {w: ("RETREAT", "access") for w in ("inspector", "observer", "monitor", "peacekeeper", "investigator")}
ACCESS_VISITORS.update({w: ("AID", "") for w in ("convoy", "shipment", "aid", "relief", "rescuer", "medic", "doctor")})
ARRIVING_GROUPS = {"deployment", "patch", "batch", "contingent", "group", "team", "unit", "wave", "detachment", "element"}


def _visitor_kind(tok) -> str:
    """Who arrives: "the first deployment of NATO peacekeeping troops" are peacekeepers."""
    for _ in range(2):
        if tok.lemma_.lower() not in ARRIVING_GROUPS:
            break
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = _pobj(of) if of is not None else None
        if obj is None:
            break
        tok = obj
    lemma = tok.lemma_.lower()
    if lemma in ("troop", "troops", "force", "soldier", "contingent", "mission") and any(
            c.lower_ in ("peacekeeping", "peace-keeping") for c in tok.children):
        return "peacekeeper"
    return lemma


# Wanting to cooperate is an intent to cooperate (AGREE).
DESIRE_WORDS = {"hope", "want", "wish", "desire", "seek", "keen", "eager", "determined", "strive", "endeavour", "endeavor", "aim"}
DESIRE_GOVERNORS = {"gov:" + w for w in DESIRE_WORDS}
# Subjects of "X is to <verb>" that make it a definition, not a plan ("the aim is to provide").
ABSTRACT_SUBJECTS = {"aim", "goal", "plan", "idea", "purpose", "task", "objective", "intention", "priority", "challenge",
                     "problem", "question", "answer", "point", "solution", "way", "hope", "job", "role", "mission",
                     "strategy", "policy", "target", "focus", "step", "option", "alternative", "thing", "what", "this", "that", "it"}
FUTURE_GOVERNORS = {"plan", "intend", "prepare", "expect", "set", "due", "schedule", "aim"}
MODES_BY_CONTENT = {  # mode of REQUEST/REJECT from the type of what is asked or refused
    "RETREAT": "yield", "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet", "AID": "assist",
    "COOPERATE": "assist", "SUPPORT": "assist",
}
THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations", "PROTEST": "restrict"}
KEYWORD_MODES = [
    ("yield", {"release", "free", "freedom", "liberation", "ceasefire", "withdraw", "withdrawal", "lift", "ease", "reinstate", "restore", "restoration", "return"}),
    ("meet", {"talk", "talks", "negotiation", "negotiate", "meeting", "meet", "dialogue", "mediation", "summit", "table", "delegation", "mission", "visit", "envoy"}),
    ("assist", {"aid", "help", "assistance", "support", "cooperation", "asylum", "refuge", "fund", "loan"}),
    ("change", {"reform", "resign", "resignation", "removal", "remove", "change", "election", "step", "constitution", "constitutional", "policy"}),
]
THREAT_KEYWORDS = [
    ("violence", {"force", "attack", "war", "military", "strike", "violence", "bloodshed", "intervention", "retaliate", "retaliation", "offensive", "kill", "bomb"}),
    ("restrict", {"sanction", "sanctions", "boycott", "blockade", "curfew", "ban", "embargo", "border", "borders"}),
    ("relations", {"relation", "relations", "ties", "talks", "negotiation", "negotiations", "aid", "withdraw"}),
    ("arrest", {"arrest", "detain", "prosecute", "jail", "imprison"}),
    ("expel", {"expel", "deport"}),
    ("territory", {"occupy", "annex", "territory", "seize"}),
]


@dataclass
class Trigger:
    match: Match
    event_type: str
    mode: str
    nominal: bool
    tokens: list
    parent: "Trigger | None" = None
    suppressed: bool = False
    children: list = field(default_factory=list)
    light: object = None  # light verb of a nominal event ("staged demonstrations")
    order_like: bool = False
    demand: bool = False  # "Russia said Sudan must return the helicopter": a demand with no lexicon trigger

    @property
    def anchor(self):
        return self.match.anchor

    @property
    def clause(self):
        """The verb whose clause carries the event."""
        if not self.nominal:
            a = self.anchor
            if a.pos_ == "ADJ" and a.dep_ in ("acomp", "amod") and a.head.pos_ in ("AUX", "VERB"):
                return a.head
            return a
        if self.light is not None:
            return self.light
        return _governing_verb(self.anchor)


def _governing_verb(tok, max_hops: int = 5):
    t, hops = tok, 0
    while t.head.i != t.i and hops < max_hops:
        t, hops = t.head, hops + 1
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _sentence_triggers(sent) -> list[Trigger]:
    matches = [m for m in (match_token(t) for t in sent) if m is not None]
    matches.sort(key=lambda m: (-m.entry.specificity, m.anchor.i))
    consumed: set[int] = set()
    triggers = []
    for m in matches:
        if m.anchor.i in consumed:
            continue
        # a typed pattern's "@dep" slot words stay free to be events themselves ("wants the US to withdraw")
        consumed.update(t.i for t in m.tokens if m.entry.event_type == "-" or t not in m.slots)
        if m.entry.event_type == "-":
            continue
        if m.entry.pos == "v" and m.anchor.dep_ == "amod":
            continue  # "the suspected militants", "the declared takeover": description, not an event
        if m.entry.pos == "n" and m.anchor.dep_ == "compound" and m.anchor.head.lemma_.lower() not in GENERIC_HEADS:
            continue  # "aid agencies", "protest leaders"
        own = [t for t in m.tokens if t not in m.slots] if m.slots else list(m.tokens)
        triggers.append(Trigger(m, m.entry.event_type, m.entry.mode, m.entry.pos == "n", own))
    taken = consumed | {t.i for trig in triggers for t in trig.tokens}
    triggers.extend(_demands(sent, taken))
    triggers.sort(key=lambda t: t.anchor.i)
    return triggers


DEMAND_SAYERS = (REPORTING - {"think", "believe"}) | {"conclude"}
DEMAND_ENTRY = Entry("REQUEST", "*", "v", (("@demand",),))
NOT_DEMANDS = {"be", "see", "seem", "appear", "expect", "feel", "know", "become", "remain", "have", "get", "find",
               "hear", "look", "think", "consider", "regard", "note", "realise", "realize", "understand", "wonder",
               # outcomes a speaker predicts rather than asks for: "Nvidia should benefit", "City must win"
               "win", "beat", "benefit", "recover", "rise", "fall", "gain", "succeed", "grow", "lose", "struggle",
               "suffer", "face", "reach", "hit", "top", "exceed", "outperform", "improve", "pay", "cost", "last"}


def _demands(sent, taken: set[int]) -> list[Trigger]:
    """"Russia said on Tuesday that Sudan must return a helicopter": what a named party is told it must or
    should do is a demand (CAMEO 10) even when the demanded act is in no lexicon. Only for a content clause
    of a reporting verb with a named subject: "prices should rise, analysts said" has no party to demand of."""
    out = []
    for v in sent:
        if v.i in taken or v.pos_ not in ("VERB", "AUX") or v.dep_ != "ccomp" or v.head.lemma_.lower() not in DEMAND_SAYERS:
            continue
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if not aux & OBLIGATION_AUX or "have" in aux or any(c.dep_ == "neg" for c in v.children):
            continue  # "should have acted" is hindsight; "must not" is left to the lexicon's own triggers
        if v.lemma_.lower() in NOT_DEMANDS:
            continue  # "payers should see little change", "it should be seen as": expectation, not a demand
        if any(c.dep_ == "nsubjpass" for c in v.children):
            continue  # "Blair should be judged by results": an opinion about a party, not a demand of it
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN") or subj.lemma_.lower() in NOT_ACTORS:
            continue
        named = subj.pos_ == "PROPN" or subj.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or any(
            c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for c in subj.children if c.dep_ in ("compound", "amod", "nmod", "poss", "conj"))
        if not named:
            continue
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX and c.i < subj.i for c in v.children):
            continue  # "a bid for him should the captain decide to switch": a condition, not a demand
        if "be" in aux and v.tag_ == "VBG":
            continue  # "must be wondering": a guess
        sayer = next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if sayer is None or not _named_speaker(sayer):
            continue  # "analysts said Apple should beat estimates", "fans said he should retire"
        out.append(Trigger(Match(DEMAND_ENTRY, v, (v,)), "REQUEST", "*", False, [v], demand=True))
    return out


CAPTIVE_WORDS = {
    "prisoner", "hostage", "detainee", "captive", "inmate", "convict", "journalist", "reporter", "photographer", "worker",
    "soldier", "officer", "policeman", "minister", "official", "activist", "member", "people", "person", "man", "woman",
    "child", "children", "citizen", "national", "student", "suspect", "leader", "president", "opponent", "politician",
    "dissident", "protester", "demonstrator", "civilian", "refugee", "migrant", "sailor", "crew", "passenger", "tourist",
    "missionary", "priest", "monk", "nun", "businessman", "diplomat", "lawmaker", "deputy", "mp", "general", "commander",
    "fighter", "militant", "rebel", "family", "wife", "husband", "son", "daughter", "staff", "employee", "adviser",
    "advisor", "expert", "engineer", "doctor", "nurse", "volunteer", "pilot", "driver", "fisherman", "farmer", "villager",
    "resident", "body", "remains", "girl", "boy", "teenager", "mother", "father", "colleague", "candidate", "cleric",
    "chief", "governor", "mayor", "senator", "ambassador", "envoy", "head", "founder", "owner", "director", "pow", "pows",
}


def _human(tok) -> bool:
    """Someone who can be held and freed: a person, a group of people, a pronoun or a count of them."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what")
    if tok.pos_ == "NUM" or tok.ent_type_ in ("PERSON", "NORP"):
        return True
    if tok.pos_ == "PROPN":  # "the DS", "its Xbox": a person's name takes no article
        return tok.ent_type_ not in ("PRODUCT", "WORK_OF_ART", "ORG", "EVENT", "LAW", "MONEY", "DATE") and not any(
            c.dep_ in ("det", "poss") for c in tok.children)
    return tok.lemma_.lower() in CAPTIVE_WORDS or tok.lower_ in CAPTIVE_WORDS


def _named_speaker(tok) -> bool:
    """A government, organisation or named person speaks ("Russia", "the Red Cross operating in Iraq",
    "Foreign Minister Lavrov", "he"), not a crowd of commentators ("analysts", "most voters")."""
    if tok.lower_ in ("he", "she"):
        return True
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in tok.subtree if t.i <= tok.i + 6)


def _infinitival_relcl(tok) -> bool:
    """"authorize force to reinstate Bazoum", "a deadline to reinstate": parsed as relative clauses, but they
    are complements of the noun (no subject of their own)."""
    return tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _owner(tok, token_owner: dict[int, Trigger], stop=None):
    """The nearest trigger above `tok` in the tree and the dependency relations on the way."""
    path = []
    t = tok
    while t.head.i != t.i:
        path.append("acl" if _infinitival_relcl(t) else t.dep_)
        t = t.head
        if t.i in token_owner and token_owner[t.i] is not stop:
            return token_owner[t.i], path
    return None, path


def _has_own_actor(trig: Trigger) -> bool:
    a = trig.anchor
    if trig.nominal:
        if a.dep_ == "compound" and a.head.pos_ in ("NOUN", "PROPN"):
            a = a.head
        return any(c.dep_ in ("poss", "agent") or (c.dep_ == "prep" and c.lower_ == "by") for c in a.children) or \
            any(c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for c in a.children)
    if a.dep_ == "acl" and a.head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in a.head.children):
        return True  # "Russia's decision to withdraw"
    return any(c.dep_ in ("nsubj", "agent") for c in a.children)


CONDITION_MARKS = {"if", "unless", "before", "until", "once", "whether", "lest"}
BARRIER_DEPS = {"relcl", "parataxis", "nsubj", "csubj", "npadvmod", "advmod", "appos"}
GENERIC_HEADS = {"effort", "bid", "attempt", "campaign", "operation", "mission", "process", "initiative", "talk",
                 "plan", "programme", "program", "package", "convoy", "shipment", "team", "force", "round"}
CIRCUMSTANTIAL_PREPS = {"after", "before", "since", "during", "following", "despite", "amid", "amidst", "until", "because",
                        "over", "ahead", "prior", "as", "like", "unlike", "besides", "throughout"}
PARTICIPANT_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"}
# Subjects that make a trigger word figurative (markets "rally", prices "fight back").
NOT_ACTORS = {"dollar", "euro", "pound", "yen", "share", "stock", "market", "price", "index", "currency", "oil",
              "bond", "economy", "sale", "profit", "shareholder", "investor", "team", "side", "club", "striker",
              "goal", "match", "film", "song", "album", "show", "way"}
NEGATIVE_GOVERNORS = {"impossible", "unable", "fail", "unwilling", "reluctant"}
ORDER_VERBS = {"order", "force", "compel", "instruct"}
# Statements that announce a decision: "announced it would prohibit all aid" is the act, not a threat.
DECISION_VERBS = {"announce", "decide", "confirm"}
# Agreeing to someone else's measure ("agreed to the suspension") is not threatening it.
CONSENT_VERBS = {"agree", "accept", "consent", "approve"}


def _link(triggers: list[Trigger]) -> None:
    """Fold each trigger that is only the content of another ("refused to deploy", "demanded the release")."""
    owner = {t.i: trig for trig in triggers for t in trig.tokens}
    for trig in triggers:
        head_tok = trig.anchor
        if trig.nominal and trig.anchor.dep_ == "compound":
            head_tok = trig.anchor.head
        parent, path = _owner(head_tok, owner, stop=trig)
        if parent is None:
            continue
        trig.parent = parent
        # a condition of another event ("... unless Baghdad accepted its conditions") is not an event
        t = head_tok
        for _ in path:
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children):
                trig.suppressed = True
                break
            t = t.head
        if trig.suppressed:
            continue
        if path[-1] in BARRIER_DEPS | {"conj", "cc"} or any(d in BARRIER_DEPS for d in path):
            continue
        t, circumstantial = head_tok, False
        for _ in path:
            t = t.head
            if t.dep_ == "prep" and t.lower_ in CIRCUMSTANTIAL_PREPS:
                circumstantial = True
        if circumstantial:
            continue
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in head_tok.children) or head_tok.dep_ in ("pcomp", "acl")
        content = all(d in CONTENT_DEPS or d == "conj" or (d == "advcl" and purpose) for d in path)
        if not content:
            continue
        if parent.event_type in CONTENT_TYPES or parent.anchor.lemma_.lower() in ORDER_VERBS or not _has_own_actor(trig):
            trig.suppressed = True
            parent.children.append(trig)


def _content_mode(trig: Trigger) -> str:
    """Mode of REQUEST/REJECT/THREATEN from the folded content or its words."""
    kinds = [c.event_type for c in trig.children]
    words = {t.lemma_.lower() for t in trig.anchor.subtree} | {t.lower_ for t in trig.anchor.subtree}
    if trig.event_type == "THREATEN":
        for c in trig.children:
            if c.event_type == "COERCE":
                return "arrest" if c.mode == "arrest" else "restrict"
            if c.event_type == "SANCTION":
                return "expel" if c.mode == "expel" else "relations"
            if c.event_type in THREAT_MODES:
                return THREAT_MODES[c.event_type]
        for mode, kw in THREAT_KEYWORDS:
            if words & kw:
                return mode
        return ""
    for k in kinds:
        if k in MODES_BY_CONTENT:
            return MODES_BY_CONTENT[k]
    for mode, kw in KEYWORD_MODES:
        if words & kw:
            return mode
    return ""


def _conditioned(clause, marks: tuple[str, ...] = ("unless",)) -> bool:
    """The clause carries a condition of its own: "will withdraw its force unless ..."."""
    return clause is not None and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children) for c in clause.children)


def _aux_lemmas(verb) -> set[str]:
    out = set()
    if verb.lemma_.lower() in FUTURE_GOVERNORS and verb.pos_ == "VERB" and any(
            c.dep_ in ("xcomp", "auxpass") or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        out.add("gov:" + verb.lemma_.lower())  # "the talks are scheduled for", "plans to" (not "set fire to")
    v, hops = verb, 0
    while v is not None and hops < 4:
        for c in v.children:
            if c.dep_ in ("aux", "auxpass", "neg"):
                out.add(c.lower_)
                out.add(c.lemma_.lower())
        if v.dep_ in ("xcomp", "conj") and v.head.i != v.i:
            if v.dep_ == "xcomp" and v.head.lemma_.lower() == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
                # "was wrong to dismiss", "it was in their interest to reject", "is to be condemned" (obligation)
                predicative = any(c.dep_ in ("acomp", "attr", "prep") for c in v.head.children) or any(
                    c.dep_ == "auxpass" for c in v.children)
                if subj is not None and not predicative and subj.lemma_.lower() not in ABSTRACT_SUBJECTS and subj.pos_ in ("PROPN", "NOUN", "PRON"):
                    out.add("be-to")  # "the Tories are to back the plans", "the minister is to visit Paris"
            v, hops = v.head, hops + 1
            if v.dep_ == "xcomp" or v.lemma_.lower() in FUTURE_GOVERNORS | {"be", "have", "need", "try"}:
                out.add("gov:" + v.lemma_.lower())
            out.update("gov:" + f for f in _forms(v) if f in DESIRE_WORDS)  # "hopes" (lemmatized "hop")
            continue
        break
    return out


def _negated(trig: Trigger) -> bool:
    toks = [trig.anchor]
    if trig.clause is not None and trig.clause.i != trig.anchor.i and not trig.nominal:
        toks.append(trig.clause)
    if trig.nominal and trig.light is not None:
        toks.append(trig.light)
    # "made it impossible to host the envoys", "failed to reach a deal"
    v = trig.clause
    if v is not None and v.dep_ == "xcomp" and (v.head.lemma_.lower() in NEGATIVE_GOVERNORS):
        return True
    for t in toks:
        for c in t.children:
            if c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("neg", "det", "advmod"):
                return True
    return False


def _reporter(trig: Trigger, parts: Participants):
    """(reporting verb, sayer phrase) when the event is what someone says; the sayer of a quote otherwise."""
    v = trig.clause
    hops = 0
    while v is not None and v.head.i != v.i and hops < 4:
        if v.dep_ in ("ccomp", "parataxis") and v.head.lemma_.lower() in (DEMAND_SAYERS if trig.demand else REPORTING):
            subj = next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                agent = next((c for c in v.head.children if c.dep_ == "agent"), None)
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return v.head, parts.phrase(subj) if subj is not None else None
        if v.dep_ in ("conj", "xcomp", "advcl"):
            v, hops = v.head, hops + 1
            continue
        break
    q = parts.in_quote(trig.anchor)
    if q is not None:
        return None, parts.speaker(q)
    return None, None


def _according_to(sent) -> bool:
    text = sent.text.lower()
    return "according to" in text or " reportedly " in text or " allegedly " in text


def _same(a: Phrase | None, b: Phrase | None) -> bool:
    if a is None or b is None:
        return False
    return a.head.i == b.head.i or (a.start == b.start and a.end == b.end) or a.text.lower() == b.text.lower()


def _nominal_roles(trig: Trigger, parts: Participants):
    """Actor and recipient of a nominal event, and how sure we are of the actor."""
    a = trig.anchor
    head = a.head if a.dep_ == "compound" and a.head.pos_ in ("NOUN", "PROPN") else a
    actor = recipient = None
    patient_noun = a.lemma_.lower() in PATIENT_NOMINALS
    if patient_noun and any(c.dep_ == "prep" and c.lower_ == "of" and _pobj(c) is not None for c in a.children):
        patient_noun = False  # "the government's imprisonment of the journalists": the possessor is the agent
    for h in (a, head):
        for c in h.children:
            if c.dep_ == "poss" and patient_noun:
                recipient = recipient or c
            elif actor is None and c.dep_ == "poss":
                actor = c
            elif actor is None and c.dep_ == "compound" and c.i not in {t.i for t in trig.tokens} and (
                c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or parts.mention_at(c)):
                actor = c
            elif actor is None and c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
                actor = c
            elif c.dep_ == "prep" and c.lower_ == "by":
                actor = next((p for p in c.children if p.dep_ == "pobj"), actor)
            elif c.dep_ == "acl":
                agent = next((x for x in c.children if x.dep_ == "agent"), None)
                if agent is not None:
                    actor = next((p for p in agent.children if p.dep_ == "pobj"), actor)
            elif recipient is None and c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "with", "for", "between") and c.i not in {t.i for t in trig.tokens}:
                recipient = _pobj(c)
    sure = actor is not None
    if actor is None:
        # a light verb ("staged demonstrations", "took part in a rally") or a purpose ("in the capital for mediation efforts")
        t, hops, purpose = head, 0, False
        while t.head.i != t.i and hops < 5 and t.dep_ in ("dobj", "pobj", "prep", "attr", "nsubjpass", "oprd", "nmod"):
            if t.dep_ == "pobj" and t.head.lower_ == "for":
                purpose = True
            t, hops = t.head, hops + 1
            if t.pos_ in ("VERB", "AUX"):
                light = any(f in LIGHT_VERBS for f in _forms(t))  # lemma, word, "staged" -> "stage"
                if light or purpose:
                    subj, _ = subject_of(t)
                    if subj is not None and subj.i in {x.i for x in trig.tokens}:
                        # passive light verb: "a protest was staged by students"
                        agent = next((c for c in t.children if c.dep_ == "agent"), None)
                        subj = _pobj(agent) if agent is not None else None
                    if subj is not None and subj.i not in {x.i for x in trig.tokens}:
                        actor = subj
                        trig.light = t if light else None
                        sure = trig.light is not None
                break
    if actor is None and trig.event_type in ("CONSULT", "ASSAULT", "COOPERATE"):
        # two-sided events ("talks between Iran and Iraq", "clashes between police and protesters"): both are actors
        holders = (a, head) + ((head.head,) if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB" else ())
        # "clashes erupted between police and protesters": the preposition may hang on the verb
        between = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if between is not None and _pobj(between) is not None:
            actor, sure = _pobj(between), True
            if recipient is not None and recipient.head.i == between.i:
                recipient = None
    return actor, recipient, sure


RECIPIENT_PREP_ORDER = ["to", "for", "on", "against", "with", "at", "upon", "between", "into", "from", "of"]
PATIENT_NOMINALS = {"release", "arrest", "detention", "killing", "assassination", "kidnapping", "abduction", "expulsion",
                    "deportation", "execution", "capture", "imprisonment", "torture", "overthrow", "removal", "ouster",
                    "freedom", "liberation", "extradition", "trial", "prosecution"}


def _is_time(tok) -> bool:
    return tok.ent_type_ in ("DATE", "TIME")


def _pobj(prep):
    return next((p for p in prep.children if p.dep_ == "pobj" and not _is_time(p)), None)


def _prep_recipient(tokens, own: set[int]):
    found = {}
    for t in tokens:
        for c in t.children:
            if c.i in own or c.dep_ not in ("prep", "dative") or c.lower_ not in RECIPIENT_PREP_ORDER:
                continue
            p = _pobj(c)
            if p is not None and p.i not in own:
                found.setdefault(c.lower_, p)
    for prep in RECIPIENT_PREP_ORDER:
        if prep in found:
            return found[prep]
    return None


def _verb_roles(trig: Trigger):
    v = trig.clause if trig.anchor.pos_ == "ADJ" else trig.anchor
    own = {t.i for t in trig.tokens}
    subj, passive_subj = subject_of(v)
    passive = passive_subj or any(c.dep_ == "auxpass" for c in v.children)
    if subj is not None and subj.i in own:
        # "the borders closed and a curfew imposed": the pattern's own noun is the patient
        subj, passive = None, True
    actor = recipient = None
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    agent_obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if passive:
        actor, recipient = agent_obj, subj
        if recipient is None:
            named = _prep_recipient(trig.tokens, own)  # "a curfew was imposed on Gaza"
            if named is not None and (named.pos_ == "PROPN" or named.ent_type_ in NAMED_TYPES):
                recipient = named
    else:
        actor = subj
        for c in trig.anchor.children:
            if c.i in own or _is_time(c):
                continue
            if c.dep_ == "dobj" and recipient is None:
                recipient = c
            elif c.dep_ == "dative" and recipient is None:
                recipient = _pobj(c) if c.pos_ == "ADP" else c
        if recipient is None:
            for t in trig.tokens[1:]:
                if t.dep_ in ("prep", "dative") and t.pos_ == "ADP":
                    recipient = recipient or next((p for p in t.children if p.dep_ == "pobj" and p.i not in own and not _is_time(p)), None)
        if recipient is None:
            recipient = _prep_recipient(trig.tokens, own)
        if recipient is None:
            # "called for Bazoum's release": the possessor of the pattern's noun
            for t in trig.tokens[1:]:
                for c in t.children:
                    if c.dep_ == "poss" and c.i not in own:
                        recipient = recipient or c
    if recipient is not None and recipient.i in own:
        recipient = None
    return actor, recipient


def _through_nominal(tok, triggers_by_anchor: dict[int, Trigger]):
    """"demanded the release of Bazoum": the participant behind a folded nominal event."""
    child = triggers_by_anchor.get(tok.i)
    if child is None or not child.nominal:
        return tok
    for c in tok.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "against"):
            p = _pobj(c)
            if p is not None:
                return p
    return tok


ABSTRACT_PREPS = ["of", "by", "from", "against", "to", "for", "between", "on"]


def _through_abstract(tok, parts: Participants):
    """"dismissed an appeal from President Gbago", "tortured scores of refugees": the party behind a common noun."""
    if tok.pos_ != "NOUN" or parts.mention_at(tok) is not None:
        return tok
    preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
    for p in ABSTRACT_PREPS:
        if p in preps:
            obj = _pobj(preps[p])
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return tok


def _from_content(child: Trigger, parts: Participants):
    """Recipient of a verbal event from what it is about: "demanded that the US cancel ..." (the US),
    "threatened to break relations with Russia" (Russia)."""
    a = child.anchor
    if child.nominal:
        _, rec, _ = _nominal_roles(child, parts)
        return rec
    own_subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if own_subj is not None and a.dep_ in ("ccomp",) and own_subj.lower_ not in ("it", "they", "he", "she", "we", "i"):
        return own_subj
    _, rec = _verb_roles(child)
    if rec is not None:
        rec = _through_abstract(rec, parts)
    return rec


NAMED_TYPES = {"ORG", "GPE", "NORP", "PERSON", "LOC", "FAC"}
VAGUE_SUBJECTS = {"it", "this", "that", "there", "which", "what", "who"}
TARGET_PREPS = {"against", "to", "at", "on", "upon", "for", "with", "into", "between"}


def _named(tok, parts) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in NAMED_TYPES or tok.lower_ in PERSON_WORDS or parts.mention_at(tok) is not None


def _content_recipient(trig: Trigger):
    """Who a statement is about when it has no object: the subject of its content clause ("demanded that
    the US cancel", "allowed Ouattara to run", "its demand that Israel ease"), else a target of the
    controlled verb ("threatened to deliver blows to the United States")."""
    own = {t.i for t in trig.tokens}
    heads = list(trig.tokens) + ([trig.light] if trig.light is not None else [])
    for h in heads:
        for c in h.children:
            if c.dep_ not in ("ccomp", "xcomp", "acl") or c.pos_ not in ("VERB", "AUX") or c.i in own:
                continue
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                if subj.lower_ not in VAGUE_SUBJECTS and subj.pos_ in ("PROPN", "NOUN", "PRON"):
                    return subj
                continue
            if c.dep_ == "xcomp":
                objs = [c] + [x for x in c.children if x.dep_ == "dobj"]
                for t in objs:
                    for p in t.children:
                        if p.dep_ == "prep" and p.lower_ in TARGET_PREPS:
                            obj = _pobj(p)
                            if obj is not None and obj.pos_ == "PROPN":
                                return obj
    return None


def _named_prep_recipient(trig: Trigger, recipient, parts):
    """"mobilized reservists for a war against Iraq", "fired shells at targets in Jericho": when the object is
    a common noun, a named party behind a target preposition nearby is the recipient."""
    frontier = [recipient] + list(trig.tokens)
    for _ in range(2):
        nxt = []
        for t in frontier:
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in TARGET_PREPS:
                    obj = _pobj(p)
                    if obj is None:
                        continue
                    if _named(obj, parts) and (obj.lower_ not in PERSON_WORDS or obj.pos_ == "PROPN"):
                        return obj
                    nxt.append(obj)
        frontier = nxt
    return None


def _conjuncts(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(_conjuncts(c))
    return out


def _dates(sent, owner: dict[int, Trigger], reporting: set[int], sent_ents: list) -> dict[int, list]:
    """DATE entities of a sentence (`sent_ents`), by the trigger (or reporting verb, keyed by token index) they modify."""
    out: dict[int, list] = {}
    spans = [e for e in sent_ents if e.label_ in ("DATE", "TIME")]
    for start, end in date_phrases(sent.text):
        span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is not None and not any(e.start < span.end and span.start < e.end for e in spans):
            spans.append(span)
    for ent in spans:
        t = ent.root
        ok = True
        hops = 0
        while t.head.i != t.i and hops < 6:
            if t.dep_ == "pobj" and t.head.lower_ in BAD_DATE_PREPS:
                ok = False
                break
            if t.dep_ in ("relcl", "acl") and hops:
                ok = False
                break
            t, hops = t.head, hops + 1
            if t.i in owner:
                key = id(owner[t.i])
                break
            if t.i in reporting:
                key = -t.i - 1
                break
        else:
            ok = False
        if ok and (t.i in owner or t.i in reporting):
            out.setdefault(key, []).append(ent)
    return out


def _location(trig: Trigger, sent, owner: dict[int, Trigger], exclude: set[int], sent_ents: list):
    for tok in sent:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOC_PREPS or tok.i in exclude:
            continue
        cand = tok
        name_tok = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name_tok is not None:  # "the capital Niamey"
            cand = name_tok
        if not (cand.ent_type_ in ("GPE", "LOC", "FAC") or country_code(cand.text)):
            continue
        t, hops = tok.head, 0
        found = False
        while t.head.i != t.i and hops < 5:
            t, hops = t.head, hops + 1
            if t.i in owner:
                found = owner[t.i] is trig
                break
        if not found:
            continue
        ent = next((e for e in sent_ents if e.start <= cand.i < e.end), None)
        text = ent.text if ent is not None else cand.text
        return text, country_code(text)
    return None


def _confidence(trig: Trigger, actor: Phrase | None, recipient: Phrase | None, modality: str, sure_actor: bool, converted: bool) -> float:
    c = 0.45 + 0.08 * min(trig.match.entry.specificity - 1, 2)
    if actor is not None:
        c += 0.15 if sure_actor else 0.07
        if actor.named:
            c += 0.05
        if actor.pronoun:
            c -= 0.05
    if recipient is not None:
        c += 0.05
    if trig.nominal:
        c -= 0.08
    if converted:
        c -= 0.05
    if modality != "asserted":
        c -= 0.05
    return round(max(0.05, min(0.95, c)), 3)


def extract_events(doc, meta, mentions: list[dict]) -> list[dict]:
    parts = Participants(doc, mentions)
    published = getattr(meta, "published_date", None)
    dateline = getattr(meta, "dateline_place", None)
    rows: list[dict] = []
    by_sentence = ents_by_sentence(doc)
    for sent in doc.sents:
        if len(sent) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        triggers = _sentence_triggers(sent)
        if not triggers:
            continue
        _link(triggers)
        owner = {t.i: trig for trig in triggers for t in trig.tokens}
        reporting = {t.i for t in sent if t.lemma_.lower() in REPORTING and t.pos_ == "VERB"}
        sent_ents = by_sentence[sent.start]
        dates = _dates(sent, owner, reporting, sent_ents)
        for trig in triggers:
            if trig.suppressed:
                continue
            rows.extend(_event_rows(trig, sent, parts, meta, published, dateline, dates, owner, sent_ents))
    return rows


def _event_rows(trig, sent, parts, meta, published, dateline, dates, owner, sent_ents) -> list[dict]:
    etype, mode = trig.event_type, trig.mode
    sure_actor = True
    if trig.nominal:
        actor_tok, recipient_tok, sure_actor = _nominal_roles(trig, parts)
        if actor_tok is None:
            # a nominal event needs a clear actor, unless someone says it must happen ("there should be talks")
            gov = trig.clause
            if gov is None or trig.anchor.head.i != gov.i or not (_aux_lemmas(gov) & OBLIGATION_AUX) or _reporter(trig, parts)[1] is None:
                return []
    else:
        actor_tok, recipient_tok = _verb_roles(trig)
    if recipient_tok is not None:
        recipient_tok = _through_nominal(recipient_tok, {c.anchor.i: c for c in trig.children})
        recipient_tok = _through_abstract(recipient_tok, parts)
    elif trig.children:
        recipient_tok = _from_content(trig.children[0], parts)
    if recipient_tok is None:
        recipient_tok = _content_recipient(trig)
    elif not _named(recipient_tok, parts):
        recipient_tok = _named_prep_recipient(trig, recipient_tok, parts) or recipient_tok
    if actor_tok is not None and (actor_tok.pos_ not in PARTICIPANT_POS or actor_tok.lemma_.lower() in NOT_ACTORS):
        if actor_tok.lower_ == "sides" and etype in VERBAL | COOPERATIVE and any(
                t.ent_type_ in ("NORP", "GPE", "ORG") for t in actor_tok.subtree if t.i < actor_tok.i):
            pass  # "the Turkish and Greek sides agreed": the parties; "the two sides met in the final": teams
        elif actor_tok.lemma_.lower() in ARRIVING_GROUPS and any(c.dep_ == "prep" and c.lower_ == "of" for c in actor_tok.children):
            pass  # "a team of UN inspectors arrived": the group is who follows "of"
        elif actor_tok.lemma_.lower() in NOT_ACTORS:
            return []  # "the dollar rallied", "shares attacked the record"
        else:
            actor_tok = None
    if recipient_tok is not None and recipient_tok.pos_ not in PARTICIPANT_POS:
        recipient_tok = None
    if etype == "RETREAT" and mode == "release" and not trig.nominal and recipient_tok is not None and not _human(recipient_tok):
        return []  # "Nintendo will release the DS", "the album was released": products, not captives
    negated = _negated(trig)
    clause = trig.clause
    aux = _aux_lemmas(clause) if clause is not None else set()
    report_verb, sayer = _reporter(trig, parts)
    recipient = parts.phrase(recipient_tok) if recipient_tok is not None else None
    converted = False

    # "X said Bazoum must be released": the sayer demands it
    if sayer is not None and aux & OBLIGATION_AUX and (etype not in ("REQUEST",) or trig.demand):
        content_type = etype
        recipient = parts.phrase(subject_of(clause)[0]) if clause is not None else recipient
        etype, mode = "REQUEST", MODES_BY_CONTENT.get(content_type, "change" if content_type in ("AGREE",) else "")
        if content_type == "AGREE":
            mode = "meet"
        actor_phrases = [sayer]
        converted = True
    else:
        actor_phrases = [parts.phrase(t) for t in _conjuncts(actor_tok)] if actor_tok is not None else [None]
        actor_phrases = [p for p in actor_phrases if p is not None] or [None]
    if trig.demand and not converted:
        return []  # no one to make the demand: "X should do Y" alone is an opinion of the writer
    if actor_phrases[0] is None and actor_tok is not None and actor_tok.pos_ == "PRON" and not converted:
        return []  # "I condemn it" with no one to say who "I" is: the actor is not clear
    if actor_phrases[0] is None and (trig.nominal or recipient is None):
        return []  # a nominal event needs a clear actor; any event needs a participant
    # "ordered the newspaper to suspend publication": an enforced order is the act itself
    if trig.anchor.lemma_.lower() in ORDER_VERBS:
        acts = [c for c in trig.children if c.event_type in CONFLICT]
        if acts:
            etype, mode, converted = acts[0].event_type, acts[0].mode, True
    actor0 = actor_phrases[0]
    if etype == "CONSULT" and actor_tok is not None and not converted:
        # "UN inspectors arrived in Baghdad": the host lets them in; "a relief convoy arrived": aid delivered
        kind = ACCESS_VISITORS.get(_visitor_kind(actor_tok))
        if kind is not None:
            etype, mode, converted = kind[0], kind[1], True
            if recipient is None:
                place = next((_pobj(c) for c in trig.anchor.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "at")
                              and _pobj(c) is not None and _pobj(c).ent_type_ in ("GPE", "LOC")), None)
                recipient = parts.phrase(place) if place is not None else None
    if recipient is not None and any(_same(a, recipient) for a in actor_phrases):
        recipient = None  # "offered his congratulations": the possessor is the actor, not a recipient

    # modality
    sent_has_if = any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in (clause.children if clause is not None else []))
    by_actor = sayer is not None and actor0 is not None and _same(actor0, sayer)
    if aux & HYPOTHETICAL_AUX or sent_has_if or ("would" in aux and report_verb is None and sayer is None):
        modality = "hypothetical"
    elif aux & FUTURE_AUX or "would" in aux or any(a.startswith("gov:") and a[4:] in FUTURE_GOVERNORS for a in aux) or "going" in aux \
            or "be-to" in aux:  # "the minister is to visit Paris"
        modality = "future"
    elif sayer is not None and not by_actor and not converted:
        modality = "reported"
    elif _according_to(sent):
        modality = "reported"
    else:
        modality = "asserted"

    if negated and etype in ("AGREE", "SUPPORT") and trig.anchor.lemma_.lower() in ("accept", "agree", "support", "back", "endorse", "recognize", "recognise", "allow", "permit", "welcome"):
        etype, mode, negated, converted = "REJECT", "", False, True
    intent = {"will", "shall", "'ll", "would"} & aux or "gov:plan" in aux or "gov:intend" in aux or "be-to" in aux
    failed = etype == "AGREE" and clause is not None and clause.dep_ == "xcomp" and clause.head.lemma_.lower() in ("fail", "unable")
    if negated and not converted and etype in COOPERATIVE | {"AGREE", "CONCEDE"} and (
            aux & (FUTURE_AUX | {"would", "can", "could", "ca"}) or by_actor or failed):
        # "failed to reach agreement": talks that end without a deal are a rejection (CAMEO 12)
        # "said it would not withdraw", "will not negotiate with", "cannot accept": declining to cooperate or yield
        mode = "" if etype == "AGREE" else MODES_BY_CONTENT.get(etype, "")
        etype, negated, converted = "REJECT", False, True
        if _conditioned(clause, ("unless", "if")):
            etype, mode = "THREATEN", "relations"  # "will not attend the talks unless ...": a conditional refusal
        modality = "reported" if sayer is not None and not by_actor and actor0 is not None else "asserted"
    if not converted and not negated and etype in ("ASSAULT", "COERCE") and "gov:prepare" in aux:
        # "the army prepared to resume shelling": readiness short of force
        etype, mode, converted, modality = "MOBILIZE", "troops", True, "asserted"
    if not converted and not negated and etype in COOPERATIVE and aux & DESIRE_GOVERNORS and (
            sayer is None or by_actor or actor0 is None):
        # "Iran hopes to improve relations", "is keen to resume talks": an intention to cooperate
        mode, etype, converted = "", "AGREE", True
    decision = report_verb is not None and report_verb.lemma_.lower() in DECISION_VERBS and not sent_has_if
    if not converted and modality in ("future", "hypothetical") and not negated and (not trig.nominal or trig.light is not None):
        # future cooperation is an intent (AGREE); future meetings and visits too, even when only expected
        if etype == "RETREAT" and (intent or modality == "future"):
            # manual, RETREAT: "announced ... would withdraw troops" is a promise of a retreat, CONCEDE
            mode, etype, converted = "", "CONCEDE", True
        elif etype in COOPERATIVE and (intent or (modality == "future" and etype in AGREE_IF_FUTURE)) and (
                sayer is None or by_actor or actor0 is None or modality == "future"):
            # manual, AGREE: CONSULT/SUPPORT/COOPERATE/AID "reported in future tense" are intentions,
            # whoever reports them ("Finland will give Tanzania a grant, the ministry said")
            mode, etype, converted = "", "AGREE", True
        elif etype in CONFLICT | {"PROTEST"} and (_conditioned(clause) or not (decision and modality == "future") and (
                by_actor or (sayer is None and parts.in_quote(trig.anchor) is None and report_verb is None and intent))):
            # "will withdraw its force unless the president arranges a ceasefire" (whoever reports it), or force
            # promised by its own actor: a threat
            mode = THREAT_MODES.get(etype, "arrest" if mode == "arrest" else "restrict")
            etype, converted = "THREATEN", True
    if etype == "AGREE" and trig.anchor.lemma_.lower() not in CONSENT_VERBS and any(c.event_type in CONFLICT for c in trig.children):
        child = next(c for c in trig.children if c.event_type in CONFLICT)
        etype, mode, converted = "THREATEN", THREAT_MODES.get(child.event_type, "restrict"), True
    if mode == "*" or (etype in ("REQUEST", "REJECT", "THREATEN") and not mode):
        mode = _content_mode(trig) if etype == trig.event_type or converted else ""
    if mode == "*":
        mode = ""

    # date: the trigger's own, a coordinated trigger's, or for verbal events the statement's
    ents = dates.get(id(trig), [])
    if not ents and trig.parent is not None and trig.anchor.dep_ == "conj":
        ents = dates.get(id(trig.parent), [])
    if not ents and report_verb is not None and etype in VERBAL:
        ents = dates.get(-report_verb.i - 1, [])
    event_date = date_text = precision = None
    for ent in ents:
        got = resolve_date(ent.text, published, future=modality == "future")
        if got is not None:
            event_date, precision = got
            date_text = ent.text
            break

    exclude = {t.i for t in (actor_tok, recipient_tok) if t is not None}
    loc = _location(trig, sent, owner, exclude, sent_ents)
    if loc is None and dateline:
        loc = (dateline, country_code(dateline))
    location_text, ccode = loc if loc else (None, None)

    extra = {trig.light} if trig.light is not None else set()
    extra |= {c.anchor for c in trig.children if c.event_type == trig.event_type and not c.nominal
              and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.anchor.children)}  # "traveled to ... to mediate"
    trig_toks = sorted(set(trig.tokens) | extra, key=lambda t: t.i)
    trigger_text = " ".join(t.text for t in trig_toks)
    raw = sent.text
    sentence_text = raw.strip()
    sent_start = sent.start_char + (len(raw) - len(raw.lstrip()))
    rows = []
    for actor in actor_phrases:
        rows.append({
            "doc_id": meta.doc_id,
            "event_type": etype,
            "event_mode": mode or None,
            "trigger": trigger_text,
            "actor_text": actor.text if actor else None,
            "actor_start": actor.start if actor else None,
            "actor_end": actor.end if actor else None,
            "recipient_text": recipient.text if recipient else None,
            "recipient_start": recipient.start if recipient else None,
            "recipient_end": recipient.end if recipient else None,
            "event_date": event_date,
            "date_text": date_text,
            "date_precision": precision,
            "location_text": location_text,
            "country_code": ccode,
            "negated": bool(negated),
            "modality": modality,
            "sentence_text": sentence_text,
            "start_char": sent_start,
            "end_char": sent_start + len(sentence_text),
            "confidence": _confidence(trig, actor, recipient, modality, sure_actor, converted),
        })
    return rows
