"""A small learned line classifier for page furniture that no rule names.

The rules in `pipelines.clean.boilerplate` are precise but know phrasings; a site style they have never
seen ("Gift this article", "Video duration 7:18") gets through. This model looks at what any furniture
line shares instead of its words: shape (length, word count, capitalised words, closing punctuation,
function words, digits, separators, URLs/handles/©), position (above the first or below the last
paragraph, distance to the nearest paragraph) and neighbours (next to lines the rules removed, inside
a block of short lines). It is a logistic regression over those features (with a few products of them),
trained by `benchmarks/train_line_classifier.py` on data we may tune on only: the dev/held/fresh/fresh2
furniture templates of `benchmarks/plaintext_boilerplate.py` around BBC articles, and the dev half of
the real page dumps of `benchmarks/plaintext_real_pages.py`. Its weights are in `line_classifier.json`.

It only ever adds furniture to what the rules found, and lines that read as sentences need a much
higher score than short lines: article lines are the thing to keep.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from pipelines.clean.boilerplate import _WORD

WEIGHTS_PATH = Path(__file__).with_name("line_classifier.json")
# Kept lines right above the first paragraph among which the headline is looked for.
HEADLINE_WINDOW = 6
# Lines of this many words or more are never the model's to remove.
MAX_WORDS = 6
# Benchmarks switch the model off (`--rules-only`) to measure the rules alone.
ENABLED = True

# English function words: running text has many, furniture (labels, names, menus) few.
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for from with by and or but if as is was are were be been being has have had "
    "will would can could should may might must do does did not no it its it's he she they we i you his her "
    "their our my this that these those there here which who whom whose what when where why how than then "
    "also after before about over into up out more most said says told".split()
)
_VERBISH = re.compile(
    r"\b(?:is|was|are|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|"
    r"said|says|told|says|[a-z]{3,}ed|[a-z]{3,}ing)\b",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_COLON_END = re.compile(r":\s*$")
_SEPARATORS = re.compile(r"\s[|•·»›>/–—-]\s|^[|•·»›>–—-]|[|•·»›>–—-]$")
_URLISH = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\b[\w-]+\.(?:com|org|net|co\.\w\w|io|de|fr|ru|in)\b", re.I)
_HANDLE = re.compile(r"(?:^|\s)[@#][\w-]+")
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.I)
_BULLET = re.compile(r"^(?:[-–—•*·▪►▸›>]\s+|\d{1,2}[.)]\s+)")
_QUOTE_START = re.compile(r"^[\"“‘'«„]")
_DIGITS = re.compile(r"\d")
_BRACKETED = re.compile(r"^[\[(].*[\])]$")
# Running text in scripts written without spaces (Chinese, Japanese): a long line ending in a full stop.
_CJK_SENTENCE = re.compile(r"^(?=.{20,})(?=.*[\u3040-\u30ff\u4e00-\u9fff]).*[。！？!?][」』）)\"”]*$")

FEATURES = [
    "bias", "log_chars", "words_scaled", "words_le2", "words_le5", "words_ge15", "terminal", "colon_end",
    "prose", "cap_share", "all_caps", "function_share", "verbish", "digit_share", "date_anchor", "date_line",
    "separators", "url_or_email", "handle", "copyright", "bullet", "quote_start", "bracketed", "reader_cue",
    "reader_soft", "ui_word_share", "rel_pos", "before_first_prose", "after_last_prose", "log_dist_prose",
    "prev_rule", "next_rule", "prev_prose", "next_prose", "log_run_nonprose", "rule_share_window",
    "dup_in_doc", "first_line", "short_x_run", "nonprose_x_before", "nonprose_x_after", "short_x_rule_nb",
    "nonterminal_x_outside", "prose_x_outside", "name_like", "between_rule", "next_is_first_prose",
]


_GATE_FEATURES = [
    "bias", "log_chars", "words_scaled", "terminal", "colon_end", "prose", "verbish", "before_first_prose",
    "prev_rule", "next_rule",
]


@lru_cache(maxsize=1)
def _ui_words() -> frozenset:
    from pipelines.clean.boilerplate import _UI_PHRASES

    words = {w for p in _UI_PHRASES for w in p.split() if len(w) > 1}
    return frozenset(words - _FUNCTION_WORDS)


def features(
    lines: list[str], furniture: list[bool], prose: list[bool] | None = None, rows: set[int] | None = None
) -> tuple[np.ndarray, list[int]]:
    """Feature rows for the non-blank lines of one document (given the rules' furniture flags), and
    their indices in `lines`. With `rows` (positions among the non-blank lines), only those rows are
    complete; the others hold just what `eligible` reads (`_GATE_FEATURES`)."""
    from pipelines.clean.boilerplate import _HAS_DATE_ANCHOR, _READER_CUE, READER_SOFT, is_date_line, is_prose

    idx = [i for i, line in enumerate(lines) if line]
    m = len(idx)
    if not m:
        return np.zeros((0, len(FEATURES))), idx
    texts = [lines[i] for i in idx]
    rule = [furniture[i] for i in idx]
    if prose is None:
        prose_flags = [(is_prose(t) or bool(_CJK_SENTENCE.search(t))) and not r for t, r in zip(texts, rule)]
    else:
        prose_flags = [prose[i] and not furniture[i] for i in idx]
    prose_pos = [k for k in range(m) if prose_flags[k]]
    first_prose = prose_pos[0] if prose_pos else m
    last_prose = prose_pos[-1] if prose_pos else -1
    # distance (in non-blank lines) to the nearest prose line
    dist = [m] * m
    last = None
    for k in range(m):
        if prose_flags[k]:
            last = k
        if last is not None:
            dist[k] = k - last
    last = None
    for k in range(m - 1, -1, -1):
        if prose_flags[k]:
            last = k
        if last is not None:
            dist[k] = min(dist[k], last - k)
    # length of the run of non-prose lines each line sits in
    run = [0] * m
    k = 0
    while k < m:
        if prose_flags[k]:
            k += 1
            continue
        j = k
        while j < m and not prose_flags[j]:
            j += 1
        for t in range(k, j):
            run[t] = j - k
        k = j
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    ui = _ui_words()

    X = np.zeros((m, len(FEATURES)))
    gate_cols = [FEATURES.index(f) for f in _GATE_FEATURES]
    for k, s in enumerate(texts):
        if rows is not None and k not in rows and (rule[k] or prose_flags[k]):
            # never eligible: only what `eligible` reads to skip it (and to end a colon-introduced list)
            X[k, gate_cols[0]] = 1.0
            X[k, gate_cols[5]] = prose_flags[k]
            if not rule[k] and _COLON_END.search(s):  # a sentence introducing a list
                X[k, gate_cols[2]] = min(len(_WORD.findall(s)), 40) / 40
                X[k, gate_cols[4]] = 1.0
                X[k, gate_cols[6]] = bool(_VERBISH.search(s))
            continue
        words = _WORD.findall(s)
        nw = len(words)
        if rows is not None and k not in rows:
            X[k, gate_cols] = (
                1.0,
                math.log1p(len(s)) / 6,
                min(nw, 40) / 40,
                bool(_TERMINAL.search(s)),
                bool(_COLON_END.search(s)),
                prose_flags[k],
                bool(_VERBISH.search(s)),
                k < first_prose,
                k > 0 and rule[k - 1],
                k + 1 < m and rule[k + 1],
            )
            continue
        lw = [w.lower() for w in words]
        letters = [c for c in s if c.isalpha()]
        caps = sum(1 for w in words if w[0].isupper())
        terminal = bool(_TERMINAL.search(s))
        before = k < first_prose
        after = k > last_prose
        outside = before or after
        prev_rule = k > 0 and rule[k - 1]
        next_rule = k + 1 < m and rule[k + 1]
        lo, hi = max(0, k - 3), min(m, k + 4)
        window_rule = (sum(rule[lo:hi]) - rule[k]) / max(1, hi - lo - 1)
        short = nw <= 5
        np_ = not prose_flags[k]
        X[k] = (
            1.0,
            math.log1p(len(s)) / 6,
            min(nw, 40) / 40,
            nw <= 2,
            short,
            nw >= 15,
            terminal,
            bool(_COLON_END.search(s)),
            prose_flags[k],
            caps / nw if nw else 0.0,
            len(letters) >= 2 and all(c.isupper() for c in letters),
            sum(1 for w in lw if w in _FUNCTION_WORDS) / nw if nw else 0.0,
            bool(_VERBISH.search(s)),
            len(_DIGITS.findall(s)) / max(1, len(s)),
            bool(_HAS_DATE_ANCHOR.search(s)),
            is_date_line(s),
            bool(_SEPARATORS.search(s)),
            bool(_URLISH.search(s)),
            bool(_HANDLE.search(s)),
            bool(_COPYRIGHT.search(s)),
            bool(_BULLET.match(s)),
            bool(_QUOTE_START.match(s)),
            bool(_BRACKETED.match(s)),
            bool(_READER_CUE.search(s)),
            bool(READER_SOFT.search(s)),
            sum(1 for w in lw if w in ui) / nw if nw else 0.0,
            k / max(1, m - 1),
            before,
            after,
            math.log1p(min(dist[k], 50)) / 4,
            prev_rule,
            next_rule,
            k > 0 and prose_flags[k - 1],
            k + 1 < m and prose_flags[k + 1],
            math.log1p(run[k]) / 4,
            window_rule,
            counts[s] > 1,
            k == 0,
            short * math.log1p(run[k]) / 4,
            np_ and before,
            np_ and after,
            short and (prev_rule or next_rule),
            (not terminal) and outside,
            prose_flags[k] and outside,
            2 <= nw <= 4 and caps == nw and not terminal and not any(w in _FUNCTION_WORDS for w in lw),
            prev_rule and next_rule,
            k + 1 == first_prose,
        )
    return X, idx


@lru_cache(maxsize=1)
def _model() -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
    if not WEIGHTS_PATH.exists():
        return None
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    if data.get("features") != FEATURES:
        raise ValueError(f"{WEIGHTS_PATH.name} was trained on other features; rerun benchmarks/train_line_classifier.py")
    return (
        np.asarray(data["weights"], dtype=float),
        np.asarray(data["mean"], dtype=float),
        np.asarray(data["scale"], dtype=float),
        float(data["threshold"]),
    )


def eligible(X: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """Lines the model may remove: kept by the rules, not a sentence (closing punctuation or running
    text: short quotes and one-sentence paragraphs are never the model's to drop), and either above
    the first paragraph (except the headline) or next to a line the rules removed. Lines between
    paragraphs or after the last one with no furniture next to them (fixture lists, names) stay."""
    col = FEATURES.index
    gate = kept & (X[:, col("prose")] == 0) & (X[:, col("terminal")] == 0)
    before = X[:, col("before_first_prose")] > 0
    if not X[:, col("prose")].any():  # no paragraph at all: nothing to measure "above the article" against
        before = np.zeros_like(before)
    gate &= before | (X[:, col("prev_rule")] + X[:, col("next_rule")] > 0)
    # A short line right above a paragraph is its heading (or the headline): it stays.
    gate[:-1] &= X[1:, col("prose")] == 0
    # So does a line of headline length (titles of the article and of its sections).
    gate &= X[:, col("words_scaled")] * 40 < MAX_WORDS
    # A list introduced by a sentence ending in a colon ("The protesters listed three demands:") is
    # the article's own list.
    intro = False
    for r in range(len(gate)):
        if not kept[r] or X[r, col("prose")]:
            intro = False
        if intro:
            gate[r] = False
        if kept[r] and X[r, col("colon_end")] and X[r, col("verbish")] and X[r, col("words_scaled")] * 40 >= 3:
            intro = True
    # The headline: the longest of the last few kept lines above the first paragraph (of 3 words or
    # more) stays; menus and teaser lists higher up do not hide it.
    top = np.nonzero((X[:, col("before_first_prose")] > 0) & kept)[0][-HEADLINE_WINDOW:]
    if len(top):
        best = top[np.argmax(X[top, col("log_chars")])]
        if X[best, col("words_scaled")] * 40 >= 3:
            gate[best] = False
    return gate


def scores(X: np.ndarray, weights: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
    z = ((X - mean) / scale) @ weights
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def furniture_by_model(lines: list[str], furniture: list[bool], prose: list[bool] | None = None) -> list[int]:
    """Indices of lines the rules kept that the model calls furniture."""
    model = _model() if ENABLED else None
    if model is None or not any(line and not f for line, f in zip(lines, furniture)):
        return []
    weights, mean, scale, threshold = model
    X, idx = features(lines, furniture, prose, rows=set())
    kept = np.asarray([not furniture[i] for i in idx])
    gate = eligible(X, kept)
    if not gate.any():
        return []
    X, idx = features(lines, furniture, prose, rows=set(np.nonzero(gate)[0].tolist()))
    p = scores(X[gate], weights, mean, scale)
    rows = np.nonzero(gate)[0]
    return [idx[r] for r, q in zip(rows, p) if q >= threshold]
