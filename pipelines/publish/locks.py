"""Locks on an output root, taken by every way of running (CLI, Dagster UI, plain Python).

    <output>/.newsfacts/run.lock      held for a whole run: one run at a time writes the working
                                      state under `.newsfacts/` (the Dagster IO manager takes it)
    <output>/.newsfacts/publish.lock  held while a release folder and `latest.json` are written

They are flock(2) locks: the kernel drops them when the holder dies, even by SIGKILL, so a killed
run never leaves a stale lock behind. A lock is re-entrant within one thread (the CLI takes the run
lock, then the Dagster run it starts in-process takes it again); other threads and processes wait
or are refused.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

STATE_DIR = ".newsfacts"
RUN_LOCK = "run.lock"
PUBLISH_LOCK = "publish.lock"


class LockedError(RuntimeError):
    """Another run holds the lock."""


_held: dict[tuple[str, int], list[int]] = {}  # (lock path, thread id) -> [fd, depth]
_guard = threading.Lock()


def lock_path(output_root: str | os.PathLike, name: str) -> Path:
    return Path(output_root) / STATE_DIR / name


def acquire(path: str | os.PathLike, timeout: float, what: str = "another run") -> None:
    """Take the lock at `path`, waiting at most `timeout` seconds (0: do not wait)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = (os.path.realpath(path), threading.get_ident())
    with _guard:
        if key in _held:
            _held[key][1] += 1
            return
    fd = os.open(key[0], os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise LockedError(f"{what} is already writing to {path.parent.parent} (lock: {path})") from None
            time.sleep(0.05)
    with _guard:
        _held[key] = [fd, 1]


def release(path: str | os.PathLike) -> None:
    key = (os.path.realpath(path), threading.get_ident())
    with _guard:
        entry = _held.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] > 0:
            return
        del _held[key]
    fcntl.flock(entry[0], fcntl.LOCK_UN)
    os.close(entry[0])


@contextmanager
def locked(path: str | os.PathLike, timeout: float, what: str = "another run") -> Iterator[None]:
    acquire(path, timeout, what)
    try:
        yield
    finally:
        release(path)
