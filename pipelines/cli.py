"""`newsfacts`: run the asset graph headless, list releases.

`newsfacts run` materializes the very same Dagster job the UI shows, in-process; only the settings
come from flags instead of environment variables.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from pipelines.settings import DEFAULT_MODEL, Settings

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsfacts", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="ingest, clean, extract, validate and publish a folder of articles")
    defaults = Settings()
    run.add_argument("--input", default=defaults.input_dir, help="folder of .txt/.md/.html files (default: datasets/raw)")
    run.add_argument("--output", default=defaults.output_dir, help="release root (default: datasets/published)")
    run.add_argument("--expectations", default=defaults.expectations_dir, help="folder of GX suites (default: expectations/)")
    run.add_argument("--model", default=os.environ.get("NEWSFACTS_SPACY_MODEL", DEFAULT_MODEL), help="installed spaCy model package name")
    run.add_argument("--n-process", type=int, default=int(os.environ.get("NEWSFACTS_N_PROCESS", "0")), help="parser worker processes (default 0: automatic, one per core up to 4 for large inputs)")
    run.add_argument("--batch-size", type=int, default=int(os.environ.get("NEWSFACTS_BATCH_SIZE", "64")))
    run.add_argument("--quiet", action="store_true", help="print only the result")
    run.add_argument("--force", action="store_true", help="run the job even when nothing changed since the last run")

    rel = sub.add_parser("releases", help="list the releases under an output root")
    rel.add_argument("--output", default=defaults.output_dir)
    rel.add_argument("--json", action="store_true", help="machine-readable output")

    args = parser.parse_args(argv)
    if args.command == "run":
        return _run(args)
    return _releases(args)


def _run(args) -> int:
    input_dir = Path(args.input).resolve()
    output_dir = Path(args.output).resolve()
    expectations_dir = Path(args.expectations).resolve()
    if not input_dir.is_dir():
        print(f"newsfacts: input folder does not exist: {input_dir}", file=sys.stderr)
        return EXIT_USAGE
    if not expectations_dir.is_dir():
        print(f"newsfacts: expectations folder does not exist: {expectations_dir}", file=sys.stderr)
        return EXIT_USAGE
    from pipelines.validate.suites import SuiteError, load_suites

    try:
        load_suites(expectations_dir)  # JSON only (no GX import): a broken suite is a usage error
    except SuiteError as e:
        print(f"newsfacts: {e}", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings(
        input_dir=str(input_dir),
        output_dir=str(output_dir),
        expectations_dir=str(expectations_dir),
        spacy_model=args.model,
        n_process=args.n_process,
        batch_size=args.batch_size,
    )
    os.environ.update(settings.to_env())
    Path(settings.state_dir).mkdir(parents=True, exist_ok=True)

    from pipelines.publish import locks

    # The Dagster IO manager takes the same lock for every run (UI runs too); taking it here first
    # refuses at once, before anything is loaded. It is re-entrant, so the in-process run gets it.
    lock = locks.lock_path(output_dir, locks.RUN_LOCK)
    try:
        locks.acquire(lock, timeout=0)
    except locks.LockedError:
        print(
            f"newsfacts: another run is already writing to {output_dir}; wait for it to finish "
            f"(lock: {lock})",
            file=sys.stderr,
        )
        return EXIT_LOCKED
    try:
        return _execute(settings, quiet=args.quiet, force=args.force)
    finally:
        locks.release(lock)


def _execute(settings: Settings, quiet: bool, force: bool = False) -> int:
    from pipelines import incremental

    started = time.monotonic()
    # Same input files, suites, code and model as the last successful run: nothing to do.
    listing = incremental.listing_fingerprint(settings.input_dir)
    fingerprint = incremental.run_fingerprint(settings, listing)
    unchanged = None if force else incremental.unchanged(settings, fingerprint)
    if unchanged is not None:
        print(f"newsfacts: no change; latest release is still {unchanged['version']} (input, code and settings as in the last run; checked in {time.monotonic() - started:.1f}s)")
        print(f"  {Path(settings.output_dir) / unchanged['path']}")
        return EXIT_OK

    from pipelines import headstart
    from pipelines.extract.parallel import resolve_n_process, start_workers, started_pool, stop_workers

    # Parse workers forked now, before Dagster and Great Expectations are imported (see start_workers),
    # as many as the parse step will want for an input of this size, stopped once it is over.
    workers = resolve_n_process(settings.n_process, listing[2])
    start_workers(settings.spacy_model, workers, one_parse=True)
    try:
        pool = started_pool(settings.spacy_model)
        if pool is not None and headstart.enabled():
            # Idle until the parse step, they clean and parse meanwhile (pipelines.headstart). Only a
            # saving: if it cannot start, the steps do all the work as they would anyway.
            try:
                clean_skip, parse_skip = _cached_keys(settings)
                headstart.start(pool, workers, input_dir=settings.input_dir, max_bytes=settings.max_file_bytes,
                                batch_size=settings.batch_size, clean_skip=clean_skip, parse_skip=parse_skip)
            except Exception:
                headstart.cancel()
        return _materialize(settings, quiet, fingerprint, started)
    finally:
        headstart.cancel()
        stop_workers()


def _cached_keys(settings: Settings) -> tuple[frozenset[str], frozenset[str]]:
    """Keys the clean and annotation caches already hold: the head start skips those documents."""
    from pipelines.clean.cached import clean_cache
    from pipelines.extract.cache import KEY, AnnotationCache

    clean = clean_cache(settings.state_dir)
    parsed = AnnotationCache(settings.state_dir, settings.spacy_model)
    return frozenset(clean.keys()[KEY].to_list()), frozenset(parsed.keys()[KEY].to_list())


def _materialize(settings: Settings, quiet: bool, fingerprint, started: float) -> int:
    from pipelines import incremental
    import dagster as dg

    from pipelines.definitions import build_definitions
    from pipelines.publish import read_latest

    _setup_progress(quiet)
    defs = build_definitions()
    job = defs.resolve_job_def("newsfacts_job")
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    before = (read_latest(settings.output_dir) or {}).get("version")
    result = job.execute_in_process(
        instance=instance,
        raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
    )
    elapsed = time.monotonic() - started
    if not result.success:
        for line in _failure_messages(result):
            print(f"newsfacts: {line}", file=sys.stderr)
        print(f"newsfacts: run failed after {elapsed:.1f}s; no new release was published", file=sys.stderr)
        return EXIT_FAILED
    incremental.record(settings, fingerprint)
    latest = read_latest(settings.output_dir) or {}
    new = latest.get("version") != before
    state = "published new release" if new else "no change; latest release is still"
    print(f"newsfacts: {state} {latest.get('version')} in {elapsed:.1f}s")
    print(f"  {Path(settings.output_dir) / latest.get('path', '')}")
    for table, rows in (latest.get("tables") or {}).items():
        print(f"  {table:<14} {rows:>7} rows")
    _print_quality(Path(settings.output_dir) / latest.get("path", ""))
    return EXIT_OK


def _print_quality(folder: Path) -> None:
    """The release's quality summary and any warning-level failures (critical ones block a release)."""
    try:
        quality = json.loads((folder / "datapackage.json").read_text(encoding="utf-8")).get("quality") or {}
    except (OSError, ValueError):
        return
    s = quality.get("summary")
    if not s:
        return
    print(f"  quality: {s.get('passed')}/{s.get('evaluated')} expectations passed; report: {folder / quality.get('report', '')}")
    for f in quality.get("failures") or []:
        print(f"  {f['severity']}: {f['table']}.{f['expectation']} failed ({f.get('detail') or f.get('description') or ''})")


def _failure_messages(result) -> list[str]:
    out = []
    for event in result.all_events:
        if event.is_step_failure:
            data = event.step_failure_data
            err = data.error
            message = err.message.strip() if err else "unknown error"
            # Dagster wraps user errors; the cause holds the real message.
            cause = err.cause if err else None
            while cause is not None:
                message = cause.message.strip()
                cause = cause.cause
            out.append(f"step {event.step_key!r} failed: {message}")
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            ev = event.event_specific_data
            if not ev.passed and ev.severity.value == "ERROR":
                # Quality-gate checks describe themselves: "critical expectation 'x' failed on table 'y': ..."
                if ev.description:
                    out.append(f"check {ev.check_name!r} on {ev.asset_key.to_user_string()!r} failed: {ev.description}")
                else:
                    desc = ev.metadata.get("expectation") if ev.metadata else None
                    detail = f" ({desc.value})" if desc is not None else ""
                    out.append(f"check failed: {ev.asset_key.to_user_string()} / {ev.check_name}{detail}")
    return out or ["the run failed; see the Dagster event log"]


class _Progress(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        # Dagster prefixes user log messages with run/step details; keep ours short.
        if " - " in msg:
            msg = msg.rsplit(" - ", 1)[-1]
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _setup_progress(quiet: bool) -> None:
    logger = logging.getLogger("newsfacts")
    logger.handlers[:] = []
    if not quiet:
        logger.addHandler(_Progress())
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _releases(args) -> int:
    from pipelines.publish import list_releases

    rels = list_releases(args.output)
    if args.json:
        print(json.dumps(rels, indent=2, default=str))
        return EXIT_OK
    if not rels:
        print(f"no releases under {Path(args.output).resolve()}")
        return EXIT_OK
    for r in rels:
        mark = "*" if r["latest"] else " "
        counts = ", ".join(f"{k}={v}" for k, v in r["rows"].items())
        quality = r.get("quality")
        q = ""
        if quality:
            q = f"  quality: {quality.get('passed', '?')}/{quality.get('evaluated', '?')} passed"
        print(f"{mark} {r['version']}  {r['created']}  {counts}{q}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
