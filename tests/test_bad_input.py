"""Bad input never costs good data: every file ends as a document or a rejected row with a reason.

One folder of hostile files (built at test time; the 30 MB file is generated, never committed) goes
through the same job the CLI and the UI run, in-process so that an unreadable file can be simulated
(tests run as root, who can read anything).
"""

from __future__ import annotations

import builtins
import codecs
import io
import json
import os
import pathlib
import shutil
from pathlib import Path

import polars as pl
import pytest

from release_integrity import assert_output_consistent

pytestmark = pytest.mark.slow

ARTICLE = (
    "Dock workers in the port of Mombasa ended a three-day strike on Friday after the Kenya Ports "
    "Authority agreed to review their wages, union officials said.\n\n"
    "The stoppage had left dozens of ships waiting offshore. Transport minister Kipchumba Murkomen "
    "said talks would resume next week.\n"
)
FRENCH = (
    "Les agriculteurs ont bloqué plusieurs routes près de la capitale lundi pour protester contre la "
    "baisse des prix. Le gouvernement a promis de recevoir leurs représentants cette semaine, selon "
    "un communiqué publié dans la soirée.\n"
)
RUSSIAN = (
    "Жители города вышли на улицы в воскресенье, требуя отставки мэра после многодневных перебоев с "
    "электричеством. Полиция сообщила о нескольких задержаниях.\n"
)
CHINESE = "周一，数千名工人在首都举行集会，要求提高最低工资。政府发言人表示，将在下周与工会代表举行会谈。\n"
ARABIC = "أعلنت الحكومة يوم الأحد عن خطة جديدة لدعم المزارعين المتضررين من الجفاف في المناطق الجنوبية من البلاد.\n"
CP1252 = (
    "Café owners in the old town said on Tuesday that the new tax “would ruin them”, and the mayor’s "
    "office promised a meeting — the first since the protests began.\n"
)
HTML_WITH_SCRIPTS = """<!doctype html><html><head><title>Port strike ends</title>
<script>alert("head-script-payload")</script><style>body{color:red}</style></head>
<body><nav><a href="/">Home</a></nav><article><h1>Port strike ends</h1>
<p>Dock workers in the port city ended their strike on Friday after the port authority agreed to
review their wages, union officials said. The stoppage had left dozens of ships waiting offshore.</p>
<script>document.write("body-script-payload")</script>
<p onclick="steal()">Talks between the union and the authority will resume next week, the transport
minister said in a statement.</p><img src=x onerror="alert('img-payload')"></article></body></html>
"""
BIG_BYTES = 30 * 1024 * 1024


def build_corpus(root: Path, outside: Path) -> dict[str, set[str] | None]:
    """Write the hostile input folder; returns source -> acceptable outcomes (None: must be a document)."""
    root.mkdir(parents=True)
    outside.mkdir(parents=True)
    expect: dict[str, set[str] | None] = {}

    def put(rel: str, data: bytes, outcome: set[str] | None) -> Path:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        expect[rel] = outcome
        return p

    put("article.txt", ARTICLE.encode(), None)
    put("empty.txt", b"", {"empty"})
    put("whitespace.txt", b"  \n\t\r\n   \n", {"empty", "no_text"})
    put("empty.html", b"", {"empty"})
    put("binary.txt", bytes(range(256)) * 64, {"binary"})
    put("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096), {"binary"})
    put("random.html", os.urandom(8192), {"binary", "undecodable"})
    put("cp1252.txt", CP1252.encode("cp1252"), None)
    put("latin1 café.txt", FRENCH.encode("latin-1"), None)
    put("utf16.txt", codecs.BOM_UTF16_LE + ARTICLE.replace("Friday", "Monday").encode("utf-16-le"), None)
    put("bom.md", codecs.BOM_UTF8 + ("# Strike\n\n" + ARTICLE.replace("three-day", "four-day")).encode(), None)
    put("crlf.txt", ARTICLE.replace("Mombasa", "Lamu").replace("\n", "\r\n").encode(), None)
    put("non-english/français.txt", FRENCH.encode(), None)
    put("non-english/русский.txt", RUSSIAN.encode(), None)
    put("non-english/中文.txt", CHINESE.encode(), None)
    put("non-english/عربي.txt", ARABIC.encode(), None)
    put("dupes/exact copy.txt", ARTICLE.encode(), None)
    put("dupes/near copy.txt", ("  " + ARTICLE.replace("\n\n", "\n \n").upper() + "\n\n").encode(), None)
    put("dupes/edited copy.txt", ARTICLE.replace("dozens of", "at least 40").encode(), None)
    put("names/with spaces and (parens) [1].txt", ARTICLE.replace("Friday", "Sunday").encode(), None)
    put("names/Zürich – Ünïcödé ✓.html", f"<html><body><p>{ARTICLE.replace('Friday', 'Thursday')}</p></body></html>".encode(), None)
    put("a/b/c/d/e/deep.md", ARTICLE.replace("Friday", "Saturday").encode(), None)
    put("scripts.html", HTML_WITH_SCRIPTS.encode(), None)
    put("notes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", {"unsupported_type"})
    put("README", b"no extension", {"unsupported_type"})
    put(".DS_Store", b"\x00\x00\x00\x01Bud1", {"hidden"})
    put(".git/config", b"[core]\n", {"hidden"})
    put("locked.txt", ARTICLE.replace("Friday", "Tuesday").encode(), {"unreadable"})
    # 30 MB of real text: above the default size limit, rejected before it is read.
    with open(root / "huge.txt", "wb") as fh:
        line = ("The council met again on Monday to discuss the budget. " * 20 + "\n").encode()
        for _ in range(BIG_BYTES // len(line) + 1):
            fh.write(line)
    expect["huge.txt"] = {"too_large"}

    # Links: outside the root (file, folder, dangling, a loop), and one inside the root (fine).
    secret = outside / "secret.txt"
    secret.write_text("SECRET-OUTSIDE-ROOT " + ARTICLE, encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "inner.txt").write_text("SECRET-IN-OUTSIDE-FOLDER " + ARTICLE, encoding="utf-8")
    links = {
        "links/outside.txt": (secret, {"outside_root"}),
        "links/etc-passwd.txt": (Path("/etc/passwd"), {"outside_root"}),
        "links/outside-folder": (outside / "folder", {"outside_root", "unsupported_type"}),
        "links/dangling.txt": (root / "no-such-file.txt", {"unreadable"}),
        "links/loop.txt": (root / "links" / "loop.txt", {"unreadable"}),
        "links/relative-escape.txt": (Path("../../outside/secret.txt"), {"outside_root", "unreadable"}),
        "links/inside.txt": (Path("../article.txt"), None),
    }
    (root / "links").mkdir()
    for rel, (target, outcome) in links.items():
        os.symlink(target, root / rel)
        expect[rel] = outcome
    # A FIFO named like an article: reading it would block forever.
    os.mkfifo(root / "pipe.txt")
    expect["pipe.txt"] = {"unreadable", "unsupported_type", "empty"}
    # A folder named like a file, with an article inside.
    put("folder.txt/inside.txt", ARTICLE.replace("Friday", "Wednesday").encode(), None)
    return expect


def entries(root: Path) -> set[str]:
    """Every non-folder entry under root, symlinked folders included, without following links."""
    out = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        out |= {(base / d).relative_to(root).as_posix() for d in dirnames if (base / d).is_symlink()}
        out |= {(base / f).relative_to(root).as_posix() for f in filenames}
    return out


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    import dagster as dg

    base = tmp_path_factory.mktemp("bad")
    root, outside, out = base / "input", base / "outside", base / "out"
    expect = build_corpus(root, outside)
    locked = (root / "locked.txt").resolve()

    real_open, real_path_open, real_os_open = builtins.open, pathlib.Path.open, os.open

    def denied(path) -> bool:
        try:
            return Path(os.fsdecode(path)).resolve() == locked
        except (TypeError, OSError, RuntimeError):
            return False

    def guard(real):
        def opener(file, *a, **k):
            if not isinstance(file, int) and denied(file):
                raise PermissionError(13, "Permission denied", str(file))
            return real(file, *a, **k)

        return opener

    from pipelines.definitions import build_definitions
    from pipelines.settings import Settings

    settings = Settings(input_dir=str(root), output_dir=str(out))
    with pytest.MonkeyPatch.context() as mp:
        for k, v in settings.to_env().items():
            mp.setenv(k, v)
        mp.delenv("DAGSTER_HOME", raising=False)
        # root reads everything: simulate a file this user may not read, at every way of opening it.
        mp.setattr(builtins, "open", guard(real_open))
        mp.setattr(io, "open", guard(real_open))
        mp.setattr(pathlib.Path, "open", lambda self, *a, **k: guard(lambda _f, *a2, **k2: real_path_open(self, *a2, **k2))(self, *a, **k))
        mp.setattr(os, "open", guard(real_os_open))
        job = build_definitions().resolve_job_def("newsfacts_job")
        result = job.execute_in_process(instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    latest = json.loads((out / "latest.json").read_text()) if (out / "latest.json").exists() else None
    folder = out / latest["path"] if latest else None
    return {
        "result": result,
        "root": root,
        "out": out,
        "expect": expect,
        "documents": pl.read_parquet(folder / "documents.parquet") if folder else None,
        "rejected": pl.read_parquet(folder / "rejected.parquet") if folder else None,
        "folder": folder,
    }


def test_run_succeeds_and_release_is_whole(bad_run):
    failures = [e.message for e in bad_run["result"].all_events if e.is_step_failure]
    assert bad_run["result"].success, failures
    assert bad_run["folder"] is not None
    assert_output_consistent(bad_run["out"])


def test_every_input_file_is_accounted_for_exactly_once(bad_run):
    docs, rej = bad_run["documents"], bad_run["rejected"]
    sources = docs["source"].to_list() + rej["source"].to_list()
    assert len(sources) == len(set(sources)), "a file is counted twice"
    on_disk = entries(bad_run["root"])
    assert set(sources) == on_disk
    assert set(bad_run["expect"]) <= on_disk  # the test's own bookkeeping is complete


@pytest.mark.parametrize(
    "source",
    [
        "empty.txt", "whitespace.txt", "empty.html", "binary.txt", "binary.html", "random.html", "notes.pdf", "README",
        ".DS_Store", ".git/config", "locked.txt", "huge.txt", "links/outside.txt", "links/etc-passwd.txt",
        "links/outside-folder", "links/dangling.txt", "links/loop.txt", "links/relative-escape.txt", "pipe.txt",
    ],
)
def test_bad_file_is_rejected_with_a_reason(bad_run, source):
    from pipelines.ingest.files import REASONS

    row = bad_run["rejected"].filter(pl.col("source") == source)
    assert row.height == 1, f"{source} is not rejected: {bad_run['documents'].filter(pl.col('source') == source).to_dicts()}"
    reason, detail = row["reason"][0], row["detail"][0]
    assert reason in bad_run["expect"][source], (source, reason, detail)
    assert reason in REASONS and detail and detail.strip()


def test_every_rejection_has_a_known_reason_and_detail(bad_run):
    from pipelines.ingest.files import REASONS

    rej = bad_run["rejected"]
    assert rej.filter(~pl.col("reason").is_in(list(REASONS)) | pl.col("detail").is_null() | (pl.col("detail") == "")).height == 0


def test_good_files_are_documents(bad_run):
    docs = bad_run["documents"]
    wanted = {s for s, outcome in bad_run["expect"].items() if outcome is None}
    assert wanted <= set(docs["source"])
    for row in docs.filter(pl.col("source").is_in(list(wanted))).iter_rows(named=True):
        assert row["text"] and row["text"].strip(), row["source"]
        assert row["clean_chars"] > 0 and row["doc_id"], row["source"]


def _text(bad_run, source: str) -> dict:
    rows = bad_run["documents"].filter(pl.col("source") == source).to_dicts()
    assert len(rows) == 1, source
    return rows[0]


def test_encodings_are_detected_not_mangled(bad_run):
    assert "Café owners" in _text(bad_run, "cp1252.txt")["text"]
    assert "“would ruin them”" in _text(bad_run, "cp1252.txt")["text"]
    assert "bloqué plusieurs routes" in _text(bad_run, "latin1 café.txt")["text"]
    assert "Monday" in _text(bad_run, "utf16.txt")["text"]
    assert "Lamu" in _text(bad_run, "crlf.txt")["text"] and "\r" not in _text(bad_run, "crlf.txt")["text"]
    assert not _text(bad_run, "bom.md")["text"].startswith("\ufeff")
    for row in bad_run["documents"].iter_rows(named=True):
        assert "Ã©" not in row["text"] and "â€" not in row["text"] and "\ufffd" not in row["text"], row["source"]


def test_non_english_text_kept_and_tagged(bad_run):
    for source, script in [("non-english/français.txt", "agriculteurs"), ("non-english/русский.txt", "Жители"),
                           ("non-english/中文.txt", "工人"), ("non-english/عربي.txt", "الحكومة")]:
        row = _text(bad_run, source)
        assert script in row["text"]
        assert row["language"] != "en", (source, row["language"])
    assert _text(bad_run, "non-english/français.txt")["language"] == "fr"
    assert _text(bad_run, "non-english/русский.txt")["language"] == "ru"


def test_duplicates_point_at_the_first_copy(bad_run):
    original = _text(bad_run, "article.txt")
    assert original["duplicate_of"] is None
    assert _text(bad_run, "dupes/exact copy.txt")["duplicate_of"] == original["doc_id"]
    assert _text(bad_run, "links/inside.txt")["duplicate_of"] == original["doc_id"]
    # Same words, different case and spacing.
    assert _text(bad_run, "dupes/near copy.txt")["duplicate_of"] == original["doc_id"]
    # An edited copy stays a document; if it is marked, it points at the original.
    assert _text(bad_run, "dupes/edited copy.txt")["duplicate_of"] in (None, original["doc_id"])
    assert bad_run["documents"]["doc_id"].n_unique() == bad_run["documents"].height


def test_scripts_and_markup_do_not_reach_the_text(bad_run):
    row = _text(bad_run, "scripts.html")
    assert "ended their strike on Friday" in row["text"]
    assert "resume next week" in row["text"]
    for payload in ("payload", "alert(", "document.write", "onclick", "onerror", "<script", "color:red"):
        assert payload not in row["text"], payload
    assert row["title"] in (None, "Port strike ends")


def test_nothing_from_outside_the_root_is_read(bad_run):
    for table in ("documents", "rejected"):
        df = bad_run[table]
        for row in df.iter_rows(named=True):
            blob = json.dumps(row, default=str)
            assert "SECRET-" not in blob and "root:x:0:0" not in blob, (table, row["source"])
    for folder in [bad_run["folder"], bad_run["out"] / ".newsfacts"]:
        for p in folder.rglob("*"):
            if p.is_file() and not p.name.endswith(".lock"):
                data = p.read_bytes()
                assert b"SECRET-" not in data and b"root:x:0:0" not in data, p


def test_30mb_file_is_read_when_the_limit_allows(tmp_path):
    from pipelines.ingest import RawDocument, scan_input

    root = tmp_path / "in"
    root.mkdir()
    line = "Der Stadtrat tagte am Montag erneut über den Haushalt, hieß es aus dem Rathaus. " * 10 + "\n"
    lines = BIG_BYTES // len(line.encode()) + 1
    (root / "huge.txt").write_text(line * lines, encoding="utf-8")
    size = (root / "huge.txt").stat().st_size
    assert size >= BIG_BYTES
    [item] = list(scan_input(root, max_bytes=size))
    assert isinstance(item, RawDocument) and item.raw_bytes == size
    assert item.encoding.startswith("utf") and item.raw_text.count("Rathaus") == lines * 10
    [item] = list(scan_input(root, max_bytes=size - 1))
    assert item.reason == "too_large"
