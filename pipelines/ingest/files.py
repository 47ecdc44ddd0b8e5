"""Walk the input root and turn each file into a decoded raw document or a rejection.

Nothing is dropped silently: every regular file under the root ends as exactly one
`RawDocument` or one `Rejection`, and one bad file never fails the run.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from charset_normalizer import from_bytes

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}

# Reasons are a closed vocabulary: the quality suite checks it.
REASONS = (
    "empty",
    "binary",
    "unreadable",
    "undecodable",
    "too_large",
    "outside_root",
    "unsupported_type",
    "hidden",
    "no_text",
)


@dataclass(frozen=True)
class RawDocument:
    source: str  # path relative to the input root, POSIX separators
    format: str  # "text" or "html"
    encoding: str
    raw_text: str
    raw_bytes: int
    content_sha256: str  # of the file's bytes


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str
    detail: str


def scan_input(root: str | os.PathLike, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """Yield one result per file under `root`, in a stable (sorted) order."""
    root_path = Path(root)
    if not root_path.is_dir():
        raise FileNotFoundError(f"input folder does not exist: {root_path}")
    real_root = root_path.resolve()
    for path in _walk(root_path):
        rel = path.relative_to(root_path).as_posix()
        yield _read_one(path, rel, real_root, max_bytes)


def list_sources(root: str | os.PathLike) -> list[str]:
    """The paths `scan_input` reads, relative to `root`, in its order."""
    root_path = Path(root)
    return [p.relative_to(root_path).as_posix() for p in _walk(root_path)]


def read_file(root: str | os.PathLike, rel: str, max_bytes: int) -> RawDocument | Rejection:
    """What `scan_input` gives for the file at `rel` under `root`."""
    root_path = Path(root)
    return _read_one(root_path / rel, rel, root_path.resolve(), max_bytes)


def raw_key(row: dict) -> str:
    """Content key of a raw document (its fields as a dict): every field, so a changed decoding is a
    new key. Cleaning is cached, and done ahead (pipelines.headstart), under this key."""
    payload = json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _walk(root: Path) -> Iterator[Path]:
    """Every non-directory entry below root, sorted; symlinked folders are listed, not followed."""
    entries: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
        base = Path(dirpath)
        for d in list(dirnames):
            if (base / d).is_symlink():
                # A symlinked folder is one entry (so it is accounted for), never walked.
                entries.append(base / d)
                dirnames.remove(d)
        entries.extend(base / f for f in filenames)
    return iter(sorted(entries, key=lambda p: p.as_posix()))


def _read_one(path: Path, rel: str, real_root: Path, max_bytes: int) -> RawDocument | Rejection:
    name = path.name
    if any(part.startswith(".") for part in Path(rel).parts):
        return Rejection(rel, "hidden", "hidden files and folders are not articles")
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return Rejection(rel, "unreadable", f"cannot resolve path: {exc.__class__.__name__}")
    if not real.is_relative_to(real_root):
        return Rejection(rel, "outside_root", "symbolic link leads outside the input folder")
    if real.is_dir():
        return Rejection(rel, "unsupported_type", "symbolic link to a folder is not followed")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        fmt = "text"
    elif suffix in HTML_SUFFIXES:
        fmt = "html"
    else:
        return Rejection(rel, "unsupported_type", f"extension {suffix or '(none)'!r} is not .txt/.text/.md/.html/.htm")
    try:
        size = real.stat().st_size
    except OSError as exc:
        return Rejection(rel, "unreadable", f"{exc.__class__.__name__}: {exc.strerror or exc}")
    if size == 0:
        return Rejection(rel, "empty", "file has no bytes")
    if size > max_bytes:
        return Rejection(rel, "too_large", f"{size} bytes is above the limit of {max_bytes}")
    try:
        data = real.read_bytes()
    except OSError as exc:
        return Rejection(rel, "unreadable", f"{exc.__class__.__name__}: {exc.strerror or exc}")
    if looks_binary(data):
        return Rejection(rel, "binary", "contains NUL or control bytes: not a text file")
    decoded = decode_bytes(data)
    if decoded is None:
        return Rejection(rel, "undecodable", "no text encoding fits the bytes")
    text, encoding = decoded
    if not text.strip():
        return Rejection(rel, "empty", "file holds only whitespace")
    return RawDocument(
        source=rel,
        format=fmt,
        encoding=encoding,
        raw_text=text,
        raw_bytes=size,
        content_sha256=hashlib.sha256(data).hexdigest(),
    )


_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127}


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    head = data[:sample]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM: text with NULs
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.02


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """UTF-8 first (the common case, and unambiguous); otherwise the detector's best guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = best.encoding
        # Single-byte western text is almost always cp1252 (latin-1 plus curly quotes).
        if encoding in {"latin_1", "iso8859_1", "iso8859_15"}:
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
        return str(best), encoding
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return None
