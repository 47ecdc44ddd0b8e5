"""Plain-text furniture removal on REAL page furniture: naive text dumps of real news pages.

    .venv/bin/python benchmarks/plaintext_real_pages.py ../shared/corpora/article-extraction-benchmark [--half dev|test|both]

The article-extraction benchmark holds 181 real HTML pages (`html/<key>.html.gz`) with the gold article
body of each (`ground-truth.json`, `articleBody`). Each page is rendered to plain text the way a naive
scraper dump would save it: every text node of `<body>`, `script`/`style`/`noscript`/`template`/`svg`/
`iframe` dropped, one line per block element (`p`, `div`, `li`, headings, table cells, `br`, ...). No CSS
is evaluated, so hidden menus and cookie dialogs are in the dump, as they are in real scraped dumps.

Each non-blank line is labelled:
- article: its words are in the gold body (a line of up to 3 words must equal a whole gold paragraph;
  a longer one must have at least half of its words covered by 3-word sequences of the gold body), and
  a line repeated in the dump only as many times as the gold body has it (the first copies);
- headline: the page's `<h1>` (or `og:title`) text, which is not part of the gold body but is kept by
  design (it becomes the document title); not scored;
- furniture: everything else (menus, share bars, cookie text, related links, footers, ...).

The dump goes through `clean_document` as a plain-text file. Scores are line-level: article lines that
come out unchanged (kept) and furniture lines that do not (removed), micro-averaged over lines, plus
the mean per page.

Pages are split deterministically by a hash of their key into a dev half (may be inspected and used to
train `pipelines/clean/line_classifier.py`) and a test half (scores only: `--show` refuses it).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_TOKEN = re.compile(r"\w+")
_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "embed", "canvas", "select", "option"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
    "input", "label", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "textarea", "tfoot", "th", "thead", "tr", "ul", "menu", "center", "picture", "video", "audio",
}


def half_of(key: str) -> str:
    """Deterministic split: 'dev' or 'test'."""
    return "dev" if hashlib.sha256(("plaintext-real-pages:" + key).encode()).digest()[0] % 2 == 0 else "test"


def render_text(html: str) -> tuple[str, list[str]]:
    """A naive scraper's text dump of the page body, and the page's headline candidates (h1, og:title)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - an unparsable page dumps nothing
        return "", []
    titles = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            titles.append(" ".join((meta.get("content") or "").split()))
    body = root.find("body")
    if body is None:
        body = root
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment or processing instruction: only its tail is text
            if el.tail:
                out.append(el.tail)
            return
        tag = tag.lower()
        if tag in _DROP:
            if el.tail:
                out.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    walk(body)
    text = "".join(out)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    # Blocks are separated by one blank line (as a text dump of paragraphs usually is).
    text = "\n\n".join(line for line in lines if line)
    return text, [t for t in titles if t]


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


class GoldIndex:
    def __init__(self, body: str):
        self.paragraphs = {tuple(_tokens(p)) for p in body.split("\n") if p.strip()}
        toks = _tokens(body)
        self.joined = " " + " ".join(toks) + " "
        self.trigrams = {tuple(toks[i : i + 3]) for i in range(len(toks) - 2)}
        self.used: Counter = Counter()

    def copies(self, line: str) -> int:
        """How many times the line's words occur in the gold body (at least once for a covered line)."""
        return max(1, self.joined.count(" " + " ".join(_tokens(line)) + " "))

    def is_article(self, line: str) -> bool:
        toks = _tokens(line)
        if not toks:
            return False
        if len(toks) <= 3:
            return tuple(toks) in self.paragraphs
        covered = [False] * len(toks)
        for i in range(len(toks) - 2):
            if tuple(toks[i : i + 3]) in self.trigrams:
                covered[i] = covered[i + 1] = covered[i + 2] = True
        return sum(covered) >= 0.5 * len(toks)


def label_lines(text: str, titles: list[str], body: str) -> list[tuple[str, str]]:
    """('article' | 'headline' | 'furniture', line) for every non-blank line of the dump."""
    gold = GoldIndex(body)
    title_keys = {tuple(_tokens(t)) for t in titles if _tokens(t)}
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        toks = tuple(_tokens(line))
        if toks and toks in title_keys and not gold.is_article(line):
            out.append(("headline", line))
        elif gold.is_article(line) and gold.used[toks] < gold.copies(line):
            # A line repeated in the dump (a teaser of the article in a link list) is article text only
            # as often as the gold body has it.
            gold.used[toks] += 1
            out.append(("article", line))
        else:
            out.append(("furniture", line))
    return out


def load_pages(root: Path, half: str = "both") -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(key, dumped text, labelled lines) for the pages of one half ('dev', 'test' or 'both')."""
    from pipelines.clean.normalize import repair
    from pipelines.ingest.files import decode_bytes

    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        if half != "both" and half_of(key) != half:
            continue
        data = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        decoded = decode_bytes(data)
        html = decoded[0] if decoded else data.decode("utf-8", errors="replace")
        text, titles = render_text(repair(html))
        body = repair(gold[key].get("articleBody", ""))
        pages.append((key, text, label_lines(text, titles, body)))
    return pages


def score_pages(pages, show: int = 0) -> dict:
    from pipelines.clean.documents import clean_document
    from pipelines.clean.normalize import repair
    from pipelines.ingest.files import RawDocument

    totals: Counter = Counter()
    per_page_kept, per_page_removed, errors = [], [], []
    for key, text, labelled in pages:
        sha = hashlib.sha256(text.encode()).hexdigest()
        doc = clean_document(RawDocument(f"{key}.txt", "text", "utf-8", text, len(text), sha))
        kept = Counter(" ".join(p.split()) for p in doc["text"].split("\n\n"))
        c: Counter = Counter()
        for label, line in labelled:
            k = " ".join(repair(line).split())
            survived = kept[k] > 0
            if survived:
                kept[k] -= 1
            c[label + "_n"] += 1
            c[label + "_ok"] += survived if label != "furniture" else not survived
            if label != "headline" and (label == "article") != survived and len(errors) < show:
                errors.append(f"{'LOST' if label == 'article' else 'KEPT'} {key[:8]} {line[:140]}")
        totals.update(c)
        if c["article_n"]:
            per_page_kept.append(c["article_ok"] / c["article_n"])
        if c["furniture_n"]:
            per_page_removed.append(c["furniture_ok"] / c["furniture_n"])
    return {
        "pages": len(pages),
        "kept": totals["article_ok"] / max(totals["article_n"], 1),
        "removed": totals["furniture_ok"] / max(totals["furniture_n"], 1),
        "kept_page_mean": sum(per_page_kept) / max(len(per_page_kept), 1),
        "removed_page_mean": sum(per_page_removed) / max(len(per_page_removed), 1),
        "headline_kept": totals["headline_ok"] / max(totals["headline_n"], 1),
        "totals": totals,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="folder with ground-truth.json and html/*.html.gz")
    parser.add_argument("--half", choices=("dev", "test", "both"), default="both")
    parser.add_argument("--show", type=int, default=0, help="dev half only: print up to N wrongly kept or lost lines")
    parser.add_argument("--rules-only", action="store_true", help="switch the learned line classifier off (the rules alone)")
    args = parser.parse_args(argv)
    if args.rules_only:
        import pipelines.clean.line_classifier as line_classifier

        line_classifier.ENABLED = False
    halves = ("dev", "test") if args.half == "both" else (args.half,)
    for half in halves:
        res = score_pages(load_pages(args.path, half), show=args.show if half == "dev" else 0)
        t = res["totals"]
        print(
            f"{half} half: {res['pages']} pages, article lines kept {res['kept']:.4f} ({t['article_ok']}/{t['article_n']}), "
            f"furniture lines removed {res['removed']:.4f} ({t['furniture_ok']}/{t['furniture_n']}); "
            f"per-page means kept {res['kept_page_mean']:.4f} removed {res['removed_page_mean']:.4f}; "
            f"headline lines kept {res['headline_kept']:.3f} (not scored)"
        )
        for e in res["errors"]:
            print("    " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
