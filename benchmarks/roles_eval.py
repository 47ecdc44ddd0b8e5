"""Roles against the hand-annotated development set (BBC politics articles).

Usage: .venv/bin/python benchmarks/roles_eval.py BBC_ROOT [--gold tests/data/roles_dev.jsonl] [--split dev|heldout|blind..blind6|all]
                                                 [--model NAME] [--errors]

BBC_ROOT is the folder holding `politics/NNN.txt` (e.g. ../shared/corpora/bbc). Each gold article goes
through the product's own path: ingest (`scan_input`) -> clean (`clean_document`) -> the single spaCy
pass (the product's `load_model`, then `mentions.extract_mentions` and `roles.extract_roles` on the parse,
as `annotate_parsed` does).

Gold (`tests/data/roles_dev.jsonl`, one role mention a line): doc, person, title (a canonical title or a
list of acceptable ones), body (an ISO alpha-3 code, an organization name, null, or a list of
acceptable ones), status, an evidence excerpt, and `optional` for facts that are true but need more
than the sentence (coreference) or are not titles (memberships): predicting them is neither rewarded
nor punished. A gold role is one (document, person, title); the predictions are deduplicated the same way.

Scores:
- title level: a prediction is right when its person (surname match, honorifics ignored) and
  canonical title match a gold role of the same document;
- full level: also its status and its body (org_text or country_code; null when gold says so). The gold
  annotates the body the sentence gives, so a body the extractor inferred from the article
  (`body_source` = 'document': a cabinet title in an article about one country) is scored as no body;
  such rows are counted and, with --errors, listed ("DOC-BODY") to be judged by hand.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SPLITS = ["dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"]
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "baron", "president"}


def name_tokens(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    toks = [t.strip(".,'") for t in text.replace("-", " ").split()]
    return [t for t in toks if t and t not in HONORIFICS]


def same_person(gold: str, pred: str) -> bool:
    g, p = name_tokens(gold), name_tokens(pred)
    if not g or not p or g[-1] != p[-1]:
        return False
    return set(g) <= set(p) or set(p) <= set(g)


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def norm_org(text: str) -> str:
    return " ".join(text.lower().replace("the ", " ").replace("'", "").split())


def _text_body(row: dict) -> tuple[str | None, str | None]:
    if row.get("body_source") == "document":
        return None, None
    return row["org_text"], row["country_code"]


def body_matches(gold_body, org: str | None, country: str | None) -> bool:
    for option in as_list(gold_body):
        if option is None:
            if org is None and country is None:
                return True
        elif _is_country_code(option):
            if country == option:
                return True
        elif org and (norm_org(option) in norm_org(org) or norm_org(org) in norm_org(option)):
            return True
    return False


def _is_country_code(option: str) -> bool:
    import pycountry

    return len(option) == 3 and option.isupper() and pycountry.countries.get(alpha_3=option) is not None


def load_gold(path: Path, split: str) -> list[dict]:
    """Gold rows; a row with `none` marks an annotated article without any titled person (its predictions
    all count as false positives)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def predict(root: Path, docs: list[str], model: str) -> dict[str, list[dict]]:
    from pipelines.clean.documents import clean_document
    from pipelines.extract import mentions, roles
    from pipelines.extract.annotate import DocInput
    from pipelines.extract.nlp import load_model
    from pipelines.ingest.files import RawDocument, scan_input

    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            dest = Path(tmp) / d
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / d, dest)
        cleaned = [clean_document(r) for r in scan_input(tmp, 10**7) if isinstance(r, RawDocument)]
    inputs = [DocInput(doc_id=c["source"], text=c["text"], published_date=c["published_date"], dateline_place=c["dateline_place"]) for c in cleaned]
    nlp = load_model(model)
    out = {}
    for doc, meta in nlp.pipe(((d.text, d) for d in inputs), as_tuples=True):
        out[meta.doc_id] = roles.extract_roles(doc, meta, mentions.extract_mentions(doc, meta.doc_id))
    return out


def score(gold: list[dict], preds: dict[str, list[dict]], errors: bool = False) -> dict:
    tp_title = tp_full = fp = 0
    matched_gold: set[int] = set()
    full_gold: set[int] = set()
    fps: list[str] = []
    by_doc: dict[str, list[tuple[int, dict]]] = {}
    for i, g in enumerate(gold):
        by_doc.setdefault(g["doc"], []).append((i, g))
    for doc, rows in preds.items():
        # one prediction per (person, title); keep every row for the status/body check
        groups: dict[tuple[str, str], list[dict]] = {}
        for r in rows:
            groups.setdefault((" ".join(name_tokens(r["person_text"])), r["title"]), []).append(r)
        claimed: set[int] = set()
        for (person, title), rs in groups.items():
            hit = None
            for i, g in by_doc.get(doc, []):
                if title in as_list(g["title"]) and same_person(g["person"], rs[0]["person_text"]):
                    hit = (i, g)
                    break
            if hit is None:
                fp += 1
                fps.append(f"FP {doc}: {rs[0]['person_text']!r} {title!r} [{rs[0]['title_text']}] {rs[0]['status']} org={rs[0]['org_text']} cc={rs[0]['country_code']}")
                continue
            i, g = hit
            if g.get("optional") or i in claimed:
                continue  # optional facts, and a second spelling of an already counted person
            claimed.add(i)
            tp_title += 1
            matched_gold.add(i)
            if any(r["status"] == g["status"] and body_matches(g["body"], *_text_body(r)) for r in rs):
                tp_full += 1
                full_gold.add(i)
            elif errors:
                r = rs[0]
                fps.append(f"STATUS/BODY {doc}: {g['person']!r} {title!r} gold=({g['status']}, {g['body']}) pred=({r['status']}, org={r['org_text']}, cc={r['country_code']})")
    inferred = [r for rows in preds.values() for r in rows if r.get("body_source") == "document"]
    if errors:
        fps.extend(f"DOC-BODY {r['doc_id']}: {r['person_text']!r} {r['title']!r} -> {r['country_code']}" for r in inferred)
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    fns = [f"FN {gold[i]['doc']}: {gold[i]['person']!r} {gold[i]['title']!r} <- {gold[i]['evidence']}" for i in required if i not in matched_gold]
    n_pred_title = tp_title + fp
    res = {
        "gold": len(required),
        "predicted": n_pred_title,
        "title_precision": tp_title / n_pred_title if n_pred_title else 0.0,
        "title_recall": len(matched_gold) / len(required) if required else 0.0,
        "full_precision": tp_full / n_pred_title if n_pred_title else 0.0,
        "full_recall": len(full_gold) / len(required) if required else 0.0,
        "document_bodies": len(inferred),
    }
    if errors:
        res["errors"] = fps + fns
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bbc_root")
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parent.parent / "tests/data/roles_dev.jsonl"))
    ap.add_argument("--split", default="all", choices=[*SPLITS, "all"])
    ap.add_argument("--model", default=None)
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args(argv)

    from pipelines.settings import Settings

    model = args.model or Settings().spacy_model
    gold_all = load_gold(Path(args.gold), "all")
    wanted = sorted({g["doc"] for g in gold_all if args.split == "all" or g["split"] == args.split})
    preds = predict(Path(args.bbc_root), wanted, model)
    splits = [*SPLITS, "all"] if args.split == "all" else [args.split]
    for split in splits:
        marked = [g for g in gold_all if split == "all" or g["split"] == split]
        docs = {g["doc"] for g in marked}
        gold = [g for g in marked if not g.get("none")]
        res = score(gold, {d: r for d, r in preds.items() if d in docs}, errors=args.errors and split == splits[-1])
        print(
            f"{split:8s} gold={res['gold']:3d} predicted={res['predicted']:3d}  "
            f"title P={res['title_precision']:.3f} R={res['title_recall']:.3f}  "
            f"full (title+status+body) P={res['full_precision']:.3f} R={res['full_recall']:.3f}  "
            f"document-inferred bodies={res['document_bodies']}"
        )
        for line in res.get("errors", []):
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
