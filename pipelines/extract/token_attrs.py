"""spaCy's `attribute_ruler` + `lemmatizer`, memoised per word form: same output, a fraction of the cost.

Together the two components cost about a fifth of the small English model's parse, almost all of it
Python work per token (a Matcher over ~180 patterns, then one method call per token). Their output
for a token is a function of a few of its attributes: the ruler's single-token patterns look at
TAG, LOWER, DEP and IS_SPACE, and the rule lemmatizer at the text, POS and morphology the ruler set.
So `TokenAttrs` computes each (orth, tag, dep) once, with the real components' own code
(`set_token_attrs` with the ruler's patterns in their precedence order, then `Lemmatizer.lemmatize`),
and copies the result onto every later token with the same key. The ruler's few multi-token patterns
("there is", "gon na", "let 's") are matched explicitly and applied in the same precedence order.

Anything this evaluator does not understand (pattern operators, other attributes, another lemmatizer
mode) makes `supported()` false, and `load_model` keeps the original components. The equivalence on
a corpus is checked by `benchmarks/token_attrs_equivalence.py` and by `tests/test_token_attrs.py`.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT = "newsfacts_token_attrs"
REPLACES = ("attribute_ruler", "lemmatizer")
# Entries kept per process (~25 MB); past this the memo, and the lemmatizer's own cache, are cleared
# (word forms follow Zipf's law, so they refill with the frequent ones first).
MAX_MEMO = 100_000

_TOKEN_ATTRS = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
    "ORTH": lambda t: t.orth_,
    "TEXT": lambda t: t.text,
}


@dataclass(frozen=True)
class _Pattern:
    attr_id: int  # precedence: the ruler applies matches sorted by this, so later patterns win
    tests: tuple[Callable[[Token], bool], ...]  # one per pattern token
    index: int  # which token of the match gets the attributes
    tag: str | None = None  # the first token's TAG and LOWER when the pattern fixes them (for indexing)
    lower: str | None = None


def _test(attr: str, value) -> Callable[[Token], bool]:
    get = _TOKEN_ATTRS[attr]
    if isinstance(value, dict):
        (op, arg), = value.items()
        if op == "IN":
            s = set(arg)
            return lambda t: get(t) in s
        if op == "NOT_IN":
            s = set(arg)
            return lambda t: get(t) not in s
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda t: bool(rx.search(get(t)))
        raise ValueError(op)
    return lambda t: get(t) == value


def _compile(ruler) -> tuple[list[_Pattern], list[_Pattern]] | None:
    """(single-token, multi-token) patterns of `ruler`, or None if one uses something not handled."""
    single: list[_Pattern] = []
    multi: list[_Pattern] = []
    for attr_id, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            tests = []
            for spec in pattern:
                if not isinstance(spec, dict) or "OP" in spec:
                    return None
                checks = []
                for attr, value in spec.items():
                    if attr not in _TOKEN_ATTRS:
                        return None
                    if isinstance(value, dict) and (len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX")):
                        return None
                    checks.append(_test(attr, value))
                tests.append(lambda t, checks=tuple(checks): all(c(t) for c in checks))
            index = entry.get("index", 0)
            if index < 0:
                index += len(pattern)
            if not 0 <= index < len(pattern):
                return None
            first = pattern[0]
            tag = first.get("TAG") if isinstance(first.get("TAG"), str) else None
            lower = first.get("LOWER") if isinstance(first.get("LOWER"), str) else None
            (single if len(pattern) == 1 else multi).append(_Pattern(attr_id, tuple(tests), index, tag, lower))
    return single, multi


def supported(nlp: Language) -> bool:
    """True if this model's ruler and lemmatizer can be replaced exactly."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return False
    names = nlp.pipe_names
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False  # something runs between them; keep the originals
    lem = nlp.get_pipe("lemmatizer")
    if getattr(lem, "mode", None) != "rule" or getattr(lem, "overwrite", True):
        return False
    return _compile(nlp.get_pipe("attribute_ruler")) is not None


def install(nlp: Language) -> bool:
    """Put `TokenAttrs` in place of the ruler and lemmatizer (which stay, disabled). True if done."""
    if COMPONENT in nlp.pipe_names:
        return True
    if not supported(nlp):
        return False
    comp = nlp.add_pipe(COMPONENT, before="attribute_ruler")
    comp.bind(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True


@Language.factory(COMPONENT)
def make_token_attrs(nlp: Language, name: str):
    return TokenAttrs()


class TokenAttrs:
    def __init__(self):
        # (orth, tag, dep) -> (single-token pattern ids that match, multi-token pattern numbers whose
        # first token matches): the ruler's matching, which only reads those attributes.
        self.matches: dict[tuple[int, int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        # (orth, tag, dep) -> (tag, pos, morph key, lemma) after the ruler and the lemmatizer, for
        # tokens that no multi-token pattern touched.
        self.values: dict[tuple[int, int, int], tuple[int, int, int, int]] = {}
        # Keys added inside a spaCy memory zone: their lemma or morphology string may have been
        # transient (a word the model's vocabulary does not know), so they are re-checked after it.
        self._zone_keys: list | None = None
        self._recheck: list = []

    @contextmanager
    def memory_zone(self, mem=None):
        """Called by `Language.memory_zone`: remembers the memo entries added inside the zone.

        Their lemma or morphology may be a string the zone frees (a word the model's vocabulary does
        not know). `forget_freed`, called once the zone has ended, drops those; an entry not checked
        by then is dropped before the next document, so a freed string is never copied onto a token.
        """
        self._zone_keys = []
        try:
            yield mem
        finally:
            self._recheck.extend(self._zone_keys)
            self._zone_keys = None

    def forget_freed(self, strings) -> None:
        values = self.values
        for key in self._recheck:
            hit = values.get(key)
            if hit is not None and (hit[3] not in strings or hit[2] not in strings):
                del values[key]
        self._recheck = []

    def bind(self, ruler, lemmatizer) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        compiled = _compile(ruler)
        if compiled is None:
            raise ValueError("attribute_ruler patterns not supported")
        self._single, self._multi = compiled
        # Single-token patterns bucketed by the TAG/LOWER they require, so a new word form is tested
        # against a handful of patterns rather than all of them.
        self._buckets: dict[tuple[str | None, str | None], list[_Pattern]] = {}
        for p in self._single:
            self._buckets.setdefault((p.tag, p.lower), []).append(p)
        self._attrs = ruler.attrs  # normalised {attr id: value}, indexed like ruler.patterns
        self._set = set_token_attrs
        self._lemmatizer = lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        self.matches.clear()
        self.values.clear()

    def _match(self, token: Token) -> tuple[tuple[int, ...], tuple[int, ...]]:
        tag, lower, get = token.tag_, token.lower_, self._buckets.get
        candidates = [*get((tag, lower), ()), *get((tag, None), ()), *get((None, lower), ()), *get((None, None), ())]
        single = tuple(sorted(p.attr_id for p in candidates if p.tests[0](token)))
        starts = tuple(k for k, p in enumerate(self._multi) if p.tests[0](token))
        return single, starts

    def _compute(self, token: Token, attr_ids: list[int]) -> None:
        """Exactly what the ruler then the lemmatizer do to `token`, given the patterns that matched it."""
        for attr_id in sorted(attr_ids):  # the ruler sorts matches by attribute id; stable for ties
            self._set(token, self._attrs[attr_id])
        if token.lemma == 0:
            token.lemma_ = self._lemmatizer.lemmatize(token)[0]

    def __call__(self, doc: Doc) -> Doc:
        matches, values = self.matches, self.values
        if self._recheck:  # a zone ended without forget_freed: drop its entries unchecked
            for key in self._recheck:
                values.pop(key, None)
            self._recheck = []
        if len(values) > MAX_MEMO or len(matches) > MAX_MEMO or len(self._lemmatizer.cache) > MAX_MEMO:
            matches.clear()
            values.clear()
            self._lemmatizer.cache.clear()
        # 1. Matching, on the attributes as the tagger and parser left them (as the ruler's Matcher does).
        keys = [(t.orth, t.tag, t.dep) for t in doc]
        found = []
        special: dict[int, list[int]] = {}
        n = len(keys)
        for i, key in enumerate(keys):
            m = matches.get(key)
            if m is None:
                m = matches[key] = self._match(doc[i])
            found.append(m)
            for k in m[1]:
                p = self._multi[k]
                width = len(p.tests)
                if i + width <= n and all(p.tests[j](doc[i + j]) for j in range(1, width)):
                    special.setdefault(i + p.index, []).append(p.attr_id)
        # 2. Attributes and lemmas: copied from an earlier token with the same key, else computed.
        for i, token in enumerate(doc):
            key = keys[i]
            if i in special:
                self._compute(token, list(found[i][0]) + special[i])
                continue
            hit = values.get(key)
            if hit is None:
                self._compute(token, list(found[i][0]))
                values[key] = (token.tag, token.pos, token.morph.key, token.lemma)
                if self._zone_keys is not None:
                    self._zone_keys.append(key)
            else:
                tag, pos, morph, lemma = hit
                if tag != key[1]:
                    token.tag = tag
                token.pos = pos
                token.set_morph(morph)
                token.lemma = lemma
        return doc
