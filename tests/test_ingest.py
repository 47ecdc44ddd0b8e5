import os
from pathlib import Path

import pytest

from pipelines.ingest import RawDocument, Rejection, scan_input
from pipelines.ingest.files import decode_bytes, looks_binary


def _by_source(root, max_bytes=10**6):
    return {r.source: r for r in scan_input(root, max_bytes)}


def test_every_fixture_file_is_accounted_for(corpus):
    results = _by_source(corpus)
    files = {p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file()}
    assert set(results) == files
    assert isinstance(results["nested/deeper/flood_report.html"], RawDocument)
    assert results["nested/deeper/flood_report.html"].format == "html"
    assert results["nested/summit.md"].format == "text"
    assert results["empty.txt"] == Rejection("empty.txt", "empty", "file has no bytes")


def test_latin1_is_detected_not_mangled(corpus):
    doc = _by_source(corpus)["latin1_cafe.txt"]
    assert isinstance(doc, RawDocument)
    assert "Montréal" in doc.raw_text and "Valérie Plante" in doc.raw_text
    assert doc.encoding != "utf-8"


def test_bad_files_become_rejections(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text("A real sentence about the world.\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 2)
    (root / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (root / "whitespace.txt").write_text("   \n\n\t\n")
    (root / "image.png").write_bytes(b"\x89PNG")
    (root / ".hidden.txt").write_text("secret")
    outside = tmp_path / "outside.txt"
    outside.write_text("outside the root")
    (root / "link_out.txt").symlink_to(outside)
    (root / "link_in.txt").symlink_to(root / "good.txt")
    (root / "big.txt").write_text("x" * 2000)
    results = _by_source(root, max_bytes=1000)
    reasons = {k: (v.reason if isinstance(v, Rejection) else "ok") for k, v in results.items()}
    assert reasons == {
        "good.txt": "ok",
        "binary.txt": "binary",
        "binary.html": "binary",
        "whitespace.txt": "empty",
        "image.png": "unsupported_type",
        ".hidden.txt": "hidden",
        "link_out.txt": "outside_root",
        "link_in.txt": "ok",
        "big.txt": "too_large",
    }


def test_unreadable_file_is_rejected(tmp_path, monkeypatch):
    root = tmp_path / "in"
    root.mkdir()
    (root / "locked.txt").write_text("text")
    (root / "fine.txt").write_text("A sentence that can be read.")
    real_read = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    # Root reads any file whatever its mode, so the denial is simulated at the read call.
    monkeypatch.setattr(Path, "read_bytes", deny)
    results = _by_source(root)
    assert results["locked.txt"].reason == "unreadable"
    assert "Permission denied" in results["locked.txt"].detail
    assert isinstance(results["fine.txt"], RawDocument)


def test_unreadable_dangling_link(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    assert _by_source(root)["dangling.txt"].reason == "unreadable"


def test_decoding():
    assert decode_bytes("naïve “quotes”".encode("utf-8")) == ("naïve “quotes”", "utf-8")
    assert decode_bytes("\ufeffbom".encode("utf-8")) == ("bom", "utf-8-sig")
    text, enc = decode_bytes("Les élèves ont manifesté à Besançon contre la réforme.".encode("cp1252"))
    assert text == "Les élèves ont manifesté à Besançon contre la réforme."
    assert decode_bytes("utf16 text".encode("utf-16"))[0] == "utf16 text"
    assert looks_binary(b"abc\x00def") and not looks_binary("plain text\n".encode())


def test_missing_input_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(scan_input(tmp_path / "nope", 100))


def test_30_mb_file_is_rejected_before_reading(tmp_path, monkeypatch):
    """Files above the limit (16 MiB by default; NEWSFACTS_MAX_FILE_BYTES) are refused with a reason, and
    never read into memory: no news article is that large, and one such file must not sink the run."""
    from pipelines.settings import DEFAULT_MAX_FILE_BYTES

    root = tmp_path / "in"
    root.mkdir()
    with open(root / "huge.html", "wb") as f:  # sparse: 30 MB on paper, no disk or memory used
        f.truncate(30 * 1024 * 1024)
    (root / "fine.txt").write_text("A sentence that can be read.")
    real_read = Path.read_bytes

    def guarded(self):
        assert self.name != "huge.html", "the oversized file was read"
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    results = _by_source(root, max_bytes=DEFAULT_MAX_FILE_BYTES)
    assert results["huge.html"].reason == "too_large"
    assert str(30 * 1024 * 1024) in results["huge.html"].detail
    assert isinstance(results["fine.txt"], RawDocument)
