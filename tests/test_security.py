"""Security: no network at run time, document text escaped wherever it is shown, nothing read outside
the input root or written outside the output root.

The whole job runs once in-process under a Python audit hook (PEP 578) that blocks every socket
connection and name lookup and records every file the run opens, renames or deletes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from release_integrity import PROJECT

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
XSS = "<script>alert(1)</script>"
HOSTILE_HTML = f"""<!doctype html><html><head><title>{XSS.replace('<', '&lt;').replace('>', '&gt;')} Port strike ends</title>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"><script src="http://127.0.0.1:9/x.js"></script>
<meta property="og:image" content="http://127.0.0.1:9/og.png"></head>
<body><article><h1>&lt;script&gt;alert(1)&lt;/script&gt; Port strike ends</h1>
<p>![pixel](http://127.0.0.1:9/pixel.png) [more](javascript:alert(3)) **Dock workers** in the port city
ended their strike on Friday after the port authority agreed to review their wages, union officials said.</p>
<img src="http://127.0.0.1:9/photo.jpg" onerror="alert(2)">
<p>The stoppage had left dozens of ships waiting offshore, the harbour master | said | in a `statement`.
Read more at https://example.invalid/story and www.example.invalid.</p></article></body></html>
"""
HOSTILE_TEXT = (
    "<img src=x onerror=alert(2)> Farmers | blocked | roads\n\n"
    "Farmers blocked roads near the capital on Monday to protest low prices, the agriculture ministry "
    "said. <script>alert(1)</script> Talks with the farmers' union are planned for next week.\n"
)


class Audit:
    """Blocks network access and records file access while `active`; the hook itself stays installed."""

    def __init__(self) -> None:
        self.active = False
        self.thread: int | None = None
        self.network: list[tuple] = []
        self.opened: list[tuple[str, str]] = []  # (path, "r"/"w")
        self.changed: list[tuple[str, str]] = []  # (event, path)

    def __call__(self, event: str, args: tuple) -> None:
        if not self.active:
            return
        if event in ("socket.connect", "socket.connect_ex", "socket.sendto", "socket.sendmsg"):
            sock, address = args[0], args[1] if len(args) > 1 else None
            if getattr(sock, "family", None) in (socket.AF_INET, socket.AF_INET6):
                self.network.append((event, address))
                raise OSError(f"network access blocked by test: {event} {address}")
        elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
            self.network.append((event, args[0] if args else None))
            raise OSError(f"name lookup blocked by test: {args[0] if args else ''}")
        elif event == "open":
            path, mode, flags = (list(args) + [None, None, None])[:3]
            if isinstance(path, int) or path is None:
                return
            path = os.fsdecode(path)
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND)
            )
            self.opened.append((os.path.abspath(path), "w" if writing else "r"))
        elif event in ("os.rename", "os.replace", "os.remove", "os.unlink", "os.rmdir", "os.mkdir", "shutil.rmtree", "os.symlink", "os.truncate"):
            for a in args[:2]:
                if isinstance(a, (str, bytes, os.PathLike)):
                    self.changed.append((event, os.path.abspath(os.fsdecode(a))))


AUDIT = Audit()
sys.addaudithook(AUDIT)


def _tree_digest(root: Path) -> dict[str, str]:
    out = {}
    for dirpath, _, filenames in os.walk(root, followlinks=False):
        for f in filenames:
            p = Path(dirpath) / f
            out[p.relative_to(root).as_posix()] = os.readlink(p) if p.is_symlink() else hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def audited_run(tmp_path_factory):
    import dagster as dg

    from pipelines.definitions import build_definitions
    from pipelines.settings import Settings

    base = tmp_path_factory.mktemp("sec")
    root, outside, out = base / "input", base / "outside", base / "out"
    shutil.copytree(CORPUS, root, symlinks=True)
    (root / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (root / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET " * 50, encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "leak.txt")
    os.symlink(outside, root / "leak-folder")
    before = _tree_digest(root)

    settings = Settings(input_dir=str(root), output_dir=str(out), n_process=1)
    with pytest.MonkeyPatch.context() as mp:
        for k, v in settings.to_env().items():
            mp.setenv(k, v)
        mp.delenv("DAGSTER_HOME", raising=False)
        mp.setenv("DAGSTER_DISABLE_TELEMETRY", "1")
        defs = build_definitions()  # loading the definitions is part of "run time" too
        job = defs.resolve_job_def("newsfacts_job")
        instance = dg.DagsterInstance.ephemeral()
        AUDIT.__init__()
        AUDIT.active = True
        try:
            result = job.execute_in_process(instance=instance, raise_on_error=False)
        finally:
            AUDIT.active = False
    latest = json.loads((out / "latest.json").read_text()) if (out / "latest.json").exists() else None
    return {
        "result": result, "root": root, "outside": outside, "out": out, "latest": latest,
        "folder": out / latest["path"] if latest else None, "before": before,
        "network": list(AUDIT.network), "opened": list(AUDIT.opened), "changed": list(AUDIT.changed),
    }


def test_run_succeeds_without_any_network_access(audited_run):
    failures = [e.message for e in audited_run["result"].all_events if e.is_step_failure]
    assert audited_run["result"].success, failures
    assert audited_run["network"] == [], f"the run tried to reach the network: {audited_run['network'][:5]}"


def test_the_audit_hook_does_block_and_record_network_access():
    """The guard above is real: a connection attempt under it is refused and recorded."""
    AUDIT.__init__()
    AUDIT.active = True
    try:
        with pytest.raises(OSError, match="blocked by test"):
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        with pytest.raises(OSError, match="blocked by test"):
            socket.getaddrinfo("example.invalid", 80)
        with pytest.raises(OSError, match="blocked by test"):
            with urlopen_quiet("http://127.0.0.1:9/"):
                pass
    finally:
        AUDIT.active = False
    assert len(AUDIT.network) >= 3


def urlopen_quiet(url: str):
    import urllib.request

    return urllib.request.urlopen(url, timeout=1)


def _under(path: str, root: Path) -> bool:
    root_s = os.path.realpath(root)
    return path == root_s or path.startswith(root_s + os.sep) or path == str(root) or path.startswith(str(root) + os.sep)


def test_nothing_is_read_outside_the_input_root(audited_run):
    outside = audited_run["outside"]
    leaked = [p for p, _ in audited_run["opened"] if _under(p, outside) or _under(os.path.realpath(p), outside)]
    assert leaked == [], f"files outside the input root were opened: {leaked}"
    folder = audited_run["folder"]
    for f in folder.rglob("*"):
        if f.is_file():
            assert b"SECRET" not in f.read_bytes(), f
    # The run did open the input files it was given (the audit sees real reads).
    read_inputs = {p for p, mode in audited_run["opened"] if mode == "r" and _under(p, audited_run["root"])}
    assert any(p.endswith("harbour_strike.txt") for p in read_inputs), sorted(read_inputs)[:10]


def test_nothing_is_written_outside_the_output_root(audited_run):
    out, root = audited_run["out"], audited_run["root"]
    allowed_tmp = Path(tempfile.gettempdir())
    bad = []
    for p, mode in audited_run["opened"]:
        if mode != "w" or p.startswith(("/dev/", "/proc/")) or "/__pycache__/" in p:
            continue
        if _under(p, out):
            continue
        # Scratch files of libraries in the system temp folder are fine; the input root and the
        # project tree are not.
        if _under(p, allowed_tmp) and not _under(p, root):
            continue
        bad.append(p)
    for event, p in audited_run["changed"]:
        if "/__pycache__/" in p:  # Python's own bytecode cache
            continue
        if _under(p, root) or (_under(p, PROJECT) and not _under(p, out)):
            bad.append(f"{event} {p}")
    assert bad == [], f"written outside the output root: {bad[:10]}"
    assert _tree_digest(root) == audited_run["before"], "the input folder was modified"


def _markdown_values(result) -> dict[str, str]:
    import dagster as dg

    out = {}
    for event in result.all_events:
        if event.event_type_value != "ASSET_MATERIALIZATION":
            continue
        mat = event.event_specific_data.materialization
        for key, value in mat.metadata.items():
            if isinstance(value, dg.MarkdownMetadataValue):
                out[f"{mat.asset_key.to_user_string()}/{key}"] = value.md_str or ""
    return out


RAW_HTML = re.compile(r"<\s*(script|img|iframe|svg|a|style|link|object|embed)\b", re.I)
MD_ACTIVE = re.compile(r"(?<!\\)!?(?<!\\)\[[^\]]*(?<!\\)\]\(")  # an unescaped markdown link or image


def test_markdown_metadata_shows_document_text_escaped(audited_run):
    values = _markdown_values(audited_run["result"])
    assert any(k.startswith("documents/") for k in values), sorted(values)
    for key, md in values.items():
        assert not RAW_HTML.search(md), f"{key} carries raw HTML from a document: {RAW_HTML.search(md).group(0)}"
        assert not MD_ACTIVE.search(md), f"{key} carries an active markdown link/image: {MD_ACTIVE.search(md).group(0)}"
    preview = values["documents/preview"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in preview  # the title, shown as text
    assert "hostile.html" in preview and "hostile.txt" in preview


def test_preview_escaping_rules():
    import polars as pl

    from pipelines.defs.metadata import markdown_preview

    df = pl.DataFrame({"title": [XSS, "![i](http://x/y.png) [l](javascript:alert(1))", "a | b", "`code` *em* _u_ ~s~ \\"]})
    md = markdown_preview(df)
    lines = md.splitlines()
    assert len(lines) == 2 + df.height  # header, rule, one line per row: no row broke the table
    assert all(line.count("|") - line.count("\\|") == 2 for line in lines[2:])
    assert not RAW_HTML.search(md) and not MD_ACTIVE.search(md)
    assert "&lt;script&gt;" in md


def test_dataset_card_escapes_untrusted_values(audited_run):
    from pipelines.publish.card import dataset_card

    card = (audited_run["folder"] / "README.md").read_text(encoding="utf-8")
    assert not RAW_HTML.search(card)
    # Values that come from documents (names of new people, failing values in quality details).
    package = json.loads((audited_run["folder"] / "datapackage.json").read_text(encoding="utf-8"))
    package.setdefault("quality", {}).setdefault("summary", {})
    package["quality"]["failures"] = [
        {"severity": "warning", "table": "documents", "expectation": "url_format",
         "description": "<img src=x onerror=alert(2)>", "detail": f"unexpected: {XSS}"}
    ]
    package["changes"] = {
        "previous_version": "<iframe src=//x>",
        "tables": {},
        "new_people": {"count": 2, "sample": [XSS, "<img src=x onerror=alert(2)>"]},
    }
    hostile = dataset_card(package, {})
    assert not RAW_HTML.search(hostile), RAW_HTML.search(hostile).group(0)
    assert hostile.count("&lt;script&gt;") >= 2


def _report_module():
    try:
        from pipelines.validate import report, runner, suites  # noqa: F401
    except ImportError:
        pytest.skip("no quality report in this version")
    return report, runner, suites


def test_quality_report_escapes_document_values(audited_run, tmp_path):
    """The release's HTML report shows values from documents (failing rows) as text, in a real browser."""
    report, runner, _ = _report_module()
    folder = audited_run["folder"]
    shipped = folder / report.REPORT_PATH
    assert shipped.exists(), "the release ships no quality report"
    assert not re.search(r"<script", shipped.read_text(encoding="utf-8"), re.I)

    hostile = runner.ExpectationResult(
        table="documents", name=f"name {XSS}", type="expect_column_values_to_match_regex", severity="warning",
        description="<img src=x onerror=alert(2)>", expectation=f"expect(column='{XSS}')", success=False,
        element_count=3, unexpected_count=1, unexpected_percent=33.3,
        unexpected_values=[{"value": XSS + "<img src=x onerror=alert(2)>", "count": 2}],
        observed_value="<iframe src=javascript:alert(4)>", error="<svg onload=alert(5)>",
    )
    rep = runner.QualityReport(
        run_date="2026-01-01", created="2026-01-01T00:00:00", suites_dir="<b>x</b>",
        tables={"documents": runner.TableResult("documents", 3, [hostile])},
    )
    page_html = report.render_html(rep, version=XSS)
    body = page_html.split("</style>", 1)[1]
    hostile_tags = re.compile(r"<\s*(script|img|iframe|svg|object|embed)\b|href\s*=\s*[\"']?\s*javascript:", re.I)
    assert not hostile_tags.search(body), hostile_tags.search(body).group(0)
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")

    from browser.chromium import browser_page, chromium_path

    if chromium_path() is None and not os.environ.get("CI"):
        return  # the escaping above is checked; the browser part needs Chromium
    with browser_page(tmp_path / "profile") as page:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        text = page.locator("body").inner_text()
        assert XSS + "<img src=x onerror=alert(2)>" in text
        assert page.js_dialogs == []
        assert page.locator("body script, body img, body iframe, body svg").count() == 0
