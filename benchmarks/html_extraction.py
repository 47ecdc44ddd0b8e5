"""Article-body extraction from HTML, scored like scrapinghub/article-extraction-benchmark.

    .venv/bin/python benchmarks/html_extraction.py ../shared/corpora/article-extraction-benchmark

For every page: 4-gram shingles (`\\w+` tokens) of the gold `articleBody` and of the prediction, counted
with multiplicity; tp/fp/fn normalised per page; precision and recall averaged over pages (pages with
no predicted / no gold shingles are left out of the respective mean, as in the benchmark's evaluate.py);
F1 from the two means. Printed for newsfacts' HTML cleaner (`pipelines.clean.html.extract_html`, the
same code the `documents` asset runs, after the same decoding and mojibake repair) and, in the same
run, for plain `trafilatura.extract()` on the same decoded page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"f1": 2 * precision * recall / (precision + recall), "precision": precision, "recall": recall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="folder with ground-truth.json and html/*.html.gz")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages (0: all)")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages with the most lost shingles")
    args = parser.parse_args(argv)

    import trafilatura

    from pipelines.clean.html import extract_html
    from pipelines.clean.normalize import repair
    from pipelines.ingest.files import decode_bytes

    gold = json.loads((args.path / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[: args.limit or None]
    ours, plain = [], []
    t_ours = t_plain = 0.0
    for key in keys:
        data = gzip.decompress((args.path / "html" / f"{key}.html.gz").read_bytes())
        decoded = decode_bytes(data)
        html = decoded[0] if decoded else data.decode("utf-8", errors="replace")
        body = gold[key].get("articleBody", "")
        t0 = time.perf_counter()
        ours.append(tp_fp_fn(body, extract_html(repair(html)).text))
        t1 = time.perf_counter()
        plain.append(tp_fp_fn(body, trafilatura.extract(html) or ""))
        t2 = time.perf_counter()
        t_ours += t1 - t0
        t_plain += t2 - t1

    print(f"pages: {len(keys)}")
    for name, counts, secs in (("newsfacts", ours, t_ours), ("trafilatura.extract", plain, t_plain)):
        m = score(counts)
        print(f"{name:<20} F1 {m['f1']:.4f}  precision {m['precision']:.4f}  recall {m['recall']:.4f}  ({secs:.1f} s)")
    if args.worst:
        rows = sorted(zip(keys, ours), key=lambda kc: -(kc[1][1] + kc[1][2]))[: args.worst]
        for key, c in rows:
            print(f"  {key[:12]}  P {_precision(*c):.2f}  R {_recall(*c):.2f}  {gold[key].get('url', '')[:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
