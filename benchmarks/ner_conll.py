"""People and organization mentions against CoNLL-2003 (entity surface strings per document).

Usage: .venv/bin/python benchmarks/ner_conll.py PATH/conll2003_valid.txt [--model NAME] [--limit N] [--errors N]

Every CoNLL document is written as a plain-text file (one sentence a line, blank line between
sentences, light detokenisation) into a temporary input folder and goes through the product's own
path: ingest (`scan_input`) -> clean (`clean_document`, `mark_duplicates`) -> extract (the product's
`load_model`, i.e. spaCy plus its rule layers, and `extract_mentions`, as `newsfacts run` does). A document's predicted PER/ORG set
is the set of surface strings of its PERSON/ORG mentions; the gold set is CoNLL's PER/ORG strings.
Strings are compared with whitespace removed. Precision/recall/F1 are micro-averaged over
documents. The same clean texts also go through the bare spaCy model (`spacy.load`, no rule
layers), printed beside it.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LABELS = {"PER": "PERSON", "ORG": "ORG"}


def read_conll(path: str) -> list[dict]:
    """Documents as {"sentences": [[token, ...]], "entities": [(type, [tokens])]}."""
    docs: list[dict] = []
    cur: dict | None = None
    sent: list[str] = []
    ent_type, ent_toks = None, []

    def close_entity():
        nonlocal ent_type, ent_toks
        if ent_type and cur is not None:
            cur["entities"].append((ent_type, list(ent_toks)))
        ent_type, ent_toks = None, []

    def close_sentence():
        nonlocal sent
        close_entity()
        if sent and cur is not None:
            cur["sentences"].append(sent)
        sent = []

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            close_sentence()
            cur = {"sentences": [], "entities": []}
            docs.append(cur)
            continue
        if not line.strip():
            close_sentence()
            continue
        parts = line.split()
        tok, tag = parts[0], parts[-1]
        sent.append(tok)
        if tag == "O":
            close_entity()
            continue
        bio, typ = tag.split("-", 1)
        if bio == "B" or typ != ent_type:
            close_entity()
            ent_type = typ
        ent_toks.append(tok)
    close_sentence()
    return [d for d in docs if d["sentences"]]


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]%]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[$]) ")


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def key(surface: str) -> str:
    return "".join(surface.split())


def gold_sets(doc: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {t: set() for t in LABELS}
    for typ, toks in doc["entities"]:
        if typ in out:
            out[typ].add(key(" ".join(toks)))
    return out


def score(pairs: list[tuple[dict[str, set[str]], dict[str, set[str]]]]) -> dict[str, dict[str, float]]:
    res = {}
    for typ in LABELS:
        tp = fp = fn = 0
        for gold, pred in pairs:
            tp += len(gold[typ] & pred[typ])
            fp += len(pred[typ] - gold[typ])
            fn += len(gold[typ] - pred[typ])
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res[typ] = {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}
    return res


def pred_sets(ents: list[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {t: set() for t in LABELS}
    for label, text in ents:
        for typ, spacy_label in LABELS.items():
            if label == spacy_label:
                out[typ].add(key(text))
    return out


def run(path: str, model: str, limit: int | None, errors: int) -> int:
    import spacy

    from pipelines.clean.documents import clean_document, mark_duplicates
    from pipelines.extract.mentions import extract_mentions
    from pipelines.extract.nlp import load_model
    from pipelines.ingest.files import RawDocument, scan_input
    from pipelines.settings import DEFAULT_MAX_FILE_BYTES

    conll = read_conll(path)
    if limit:
        conll = conll[:limit]
    with tempfile.TemporaryDirectory(prefix="ner_conll_") as tmp:
        for i, d in enumerate(conll):
            body = "\n\n".join(detokenize(s) for s in d["sentences"])
            Path(tmp, f"doc_{i:04d}.txt").write_text(body + "\n", encoding="utf-8")
        raws = [r for r in scan_input(tmp, DEFAULT_MAX_FILE_BYTES) if isinstance(r, RawDocument)]
        rows = mark_duplicates([clean_document(r) for r in raws])

    by_source = {r["source"]: r for r in rows}
    todo = []
    for i, d in enumerate(conll):
        row = by_source.get(f"doc_{i:04d}.txt")
        if row is None or row["duplicate_of"] or not row["text"]:
            continue
        todo.append((d, row))
    t0 = time.time()
    nlp = load_model(model)
    mentions = {
        row["doc_id"]: extract_mentions(doc, row["doc_id"])
        for doc, (_, row) in zip(nlp.pipe([row["text"] for _, row in todo]), todo)
    }
    t_pipe = time.time() - t0
    t0 = time.time()
    bare = spacy.load(model)
    bare_docs = list(bare.pipe([row["text"] for _, row in todo]))
    t_bare = time.time() - t0

    ours_pairs, bare_pairs = [], []
    examples: dict[str, Counter] = {"fp": Counter(), "fn": Counter()}
    for (d, row), bdoc in zip(todo, bare_docs):
        gold = gold_sets(d)
        ours = pred_sets([(m["label"], m["text"]) for m in mentions[row["doc_id"]]])
        ours_pairs.append((gold, ours))
        bare_pairs.append((gold, pred_sets([(e.label_, e.text) for e in bdoc.ents])))
        for typ in LABELS:
            for s in ours[typ] - gold[typ]:
                examples["fp"][f"{typ}:{s}"] += 1
            for s in gold[typ] - ours[typ]:
                examples["fn"][f"{typ}:{s}"] += 1

    ours_s, bare_s = score(ours_pairs), score(bare_pairs)
    print(f"CoNLL-2003 {Path(path).name}: {len(todo)} documents evaluated ({len(conll) - len(todo)} skipped as duplicates/empty)")
    print(f"model {model}; pipeline {t_pipe:.1f}s, bare {t_bare:.1f}s")
    print(f"{'':6} {'newsfacts P':>12} {'R':>6} {'F1':>6}   {'bare spaCy P':>12} {'R':>6} {'F1':>6}")
    for typ in LABELS:
        o, b = ours_s[typ], bare_s[typ]
        print(
            f"{typ:6} {o['precision']:12.3f} {o['recall']:6.3f} {o['f1']:6.3f}   "
            f"{b['precision']:12.3f} {b['recall']:6.3f} {b['f1']:6.3f}"
        )
    if errors:
        for kind in ("fp", "fn"):
            print(f"\nmost frequent {kind}:")
            for s, n in examples[kind].most_common(errors):
                print(f"  {n:3d} {s}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="CoNLL-2003 file (e.g. ../shared/gold/conll2003_valid.txt)")
    ap.add_argument("--model", default=None, help="spaCy model (default: the product's default)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent false positives/negatives")
    args = ap.parse_args(argv)
    from pipelines.settings import DEFAULT_MODEL

    return run(args.path, args.model or DEFAULT_MODEL, args.limit, args.errors)


if __name__ == "__main__":
    raise SystemExit(main())
