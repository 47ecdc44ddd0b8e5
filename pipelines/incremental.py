"""Is there anything to do? Fingerprints of a run's inputs, so an unchanged input costs a listing.

A run's fingerprint covers everything its release depends on: every input file's relative path,
size and modification time (no file is read), the same for the expectation suites, the code and
data of the `pipelines` package, the versions of spaCy and the model, and the settings that change
output. After a successful run `newsfacts run` records it in `<output>/.newsfacts/last_run.json`;
when the next run finds the same fingerprint and the release it produced is still the latest, it
reports that release and stops: nothing is read, parsed or written.

Anything else (a new, changed, renamed or deleted file, new code, another model) runs the job, and
inside the job only new documents are parsed (see `pipelines/extract/cache.py`).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from pipelines import __version__, storage

STATE_FILE = "last_run.json"
_PACKAGE = Path(__file__).resolve().parent


def listing_fingerprint(root: str | os.PathLike) -> tuple[str, int, int]:
    """Hash of every file's relative path, size and mtime under `root`, the number of files and their
    total size: cheap, no file is read."""
    h = hashlib.sha256()
    count = total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            count += 1
            total += st.st_size
        for name in sorted(dirnames):  # symlinked folders are entries too
            path = os.path.join(dirpath, name)
            if os.path.islink(path):
                h.update(f"{os.path.relpath(path, root)}\0link\0{os.readlink(path)}\n".encode())
    return h.hexdigest(), count, total


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    h = hashlib.sha256(__version__.encode())
    for p in sorted(_PACKAGE.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc",):
            h.update(p.relative_to(_PACKAGE).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def _versions(model: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for dist in ("spacy", "dagster", "polars", "great-expectations", "trafilatura", model.replace("_", "-")):
        try:
            out.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist}=?")
    return ",".join(out)


def run_fingerprint(settings, listing: tuple[str, int, int] | None = None) -> str:
    """`listing`: the input folder's `listing_fingerprint`, when the caller already has it."""
    h = hashlib.sha256()
    h.update((listing or listing_fingerprint(settings.input_dir))[0].encode())
    if os.path.isdir(settings.expectations_dir):
        h.update(listing_fingerprint(settings.expectations_dir)[0].encode())
    h.update(code_fingerprint().encode())
    h.update(_versions(settings.spacy_model).encode())
    h.update(f"{settings.input_dir}\0{settings.spacy_model}\0{settings.max_file_bytes}".encode())
    return h.hexdigest()


def _state(settings):
    return storage.upath(settings.state_dir) / STATE_FILE


def unchanged(settings, fingerprint: str) -> dict | None:
    """The latest release's descriptor when the last successful run had this fingerprint and it still stands."""
    from pipelines.publish import read_latest

    state = _state(settings)
    try:
        last = json.loads(storage.read_bytes(state))
    except (OSError, ValueError):
        return None
    if last.get("fingerprint") != fingerprint:
        return None
    latest = read_latest(settings.output_dir)
    if not latest or latest.get("version") != last.get("version"):
        return None
    if not (storage.upath(settings.output_dir) / latest["path"] / "datapackage.json").exists():
        return None
    return latest


def record(settings, fingerprint: str) -> None:
    from pipelines.publish import read_latest

    latest = read_latest(settings.output_dir) or {}
    body = {"fingerprint": fingerprint, "version": latest.get("version")}
    storage.write_bytes(_state(settings), json.dumps(body, indent=2).encode())
