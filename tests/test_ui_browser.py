"""The Dagster UI as a user sees it: `dagster dev` on a free localhost port, driven by headless Chromium.

Opens the asset graph, checks every asset is drawn, clicks "Materialize all", waits for the run to
succeed, then opens the `documents` asset page and checks its row count, markdown preview and asset
checks. Document text shown in the preview is escaped: a title `<script>alert(1)</script>` is text.

Screenshots go to tests/artifacts/ui/ (git-ignored). Uses Debian's /usr/bin/chromium through
Playwright (its own browser download is never used). Skipped only when Chromium or Playwright is
missing outside CI; in CI (`CI` set) a missing browser is a failure, since .ci/run installs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser.chromium import browser_page, require_browser
from release_integrity import PROJECT, assert_output_consistent

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.timeout(1200)]

ARTIFACTS = Path(__file__).parent / "artifacts" / "ui"
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
XSS_TITLE = "<script>alert(1)</script> Harbour strike ends"
XSS_HTML = """<!doctype html><html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Harbour strike ends</title></head>
<body><article><h1>&lt;script&gt;alert(1)&lt;/script&gt; Harbour strike ends</h1>
<p>![pixel](http://127.0.0.1:9/pixel.png) [more](javascript:alert(3)) Dock workers in the port city
ended their strike on Friday after the port authority agreed to review their wages, union officials
said on Saturday.</p>
<p>The stoppage had left dozens of ships waiting offshore for more than a week, the harbour master
said. &lt;img src=x onerror=alert(2)&gt; Talks resume next week.</p></article></body></html>
"""
STARTUP_TIMEOUT = 360  # dagster dev on a busy 2-core machine
RUN_TIMEOUT = 900
UI_TIMEOUT_MS = 120_000


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class DagsterUI:
    url: str
    proc: subprocess.Popen
    log: Path
    input_dir: Path
    output_dir: Path
    state: dict = field(default_factory=dict)

    def gql(self, query: str, variables: dict | None = None, timeout: float = 60) -> dict:
        req = urllib.request.Request(
            self.url + "/graphql",
            data=json.dumps({"query": query, "variables": variables or {}}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = json.loads(resp.read())
        assert not body.get("errors"), body["errors"]
        return body["data"]

    def log_tail(self, n: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-n:] if self.log.exists() else ""


def _wait_until_loaded(ui: DagsterUI) -> None:
    query = """{ workspaceOrError { __typename ... on Workspace { locationEntries { name
        locationOrLoadError { __typename ... on PythonError { message } } } } } }"""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last = None
    while time.monotonic() < deadline:
        if ui.proc.poll() is not None:
            pytest.fail(f"dagster dev exited with {ui.proc.returncode}:\n{ui.log_tail()}")
        try:
            entries = ui.gql(query, timeout=10)["workspaceOrError"]["locationEntries"]
        except (OSError, AssertionError, KeyError, ValueError) as exc:
            last = exc
            time.sleep(2)
            continue
        loaded = [e["locationOrLoadError"] for e in entries if e["locationOrLoadError"]]
        errors = [e["message"] for e in loaded if e["__typename"] == "PythonError"]
        if errors:
            pytest.fail("the code location failed to load in the UI:\n" + "\n".join(errors))
        if loaded and all(e["__typename"] == "RepositoryLocation" for e in loaded):
            return
        time.sleep(2)
    pytest.fail(f"dagster dev did not load within {STARTUP_TIMEOUT}s (last: {last!r}):\n{ui.log_tail()}")


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    require_browser()
    base = tmp_path_factory.mktemp("ui")
    home = base / "dagster_home"
    home.mkdir()
    shutil.copy(PROJECT / "dagster.yaml", home / "dagster.yaml")
    input_dir = base / "input"
    shutil.copytree(CORPUS, input_dir, symlinks=True)
    (input_dir / "xss.html").write_text(XSS_HTML, encoding="utf-8")
    output_dir = base / "published"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = ARTIFACTS / "dagster-dev.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSFACTS_")}
    env.update(
        DAGSTER_HOME=str(home),
        NEWSFACTS_INPUT=str(input_dir),
        NEWSFACTS_OUTPUT=str(output_dir),
        PYTHONUNBUFFERED="1",
    )
    port = free_port()
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dagster", "dev", "-m", "pipelines.definitions", "-h", "127.0.0.1", "-p", str(port)],
            cwd=base,  # as `make ui` does, but with a temporary DAGSTER_HOME
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: webserver, daemon and code server stop together
        )
    handle = DagsterUI(f"http://127.0.0.1:{port}", proc, log, input_dir, output_dir)
    try:
        _wait_until_loaded(handle)
        yield handle
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="module")
def page(ui, tmp_path_factory):
    with browser_page(tmp_path_factory.mktemp("chromium-profile"), timeout_ms=UI_TIMEOUT_MS) as pg:
        yield pg


@pytest.fixture
def shot(page, request):
    """Screenshot helper; on failure the page is saved too."""

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    failed_before = request.session.testsfailed
    yield take
    if request.session.testsfailed > failed_before:  # the call failed: keep what the page showed
        take(f"failed-{request.node.name}")


def dismiss_welcome(page) -> None:
    """A fresh DAGSTER_HOME greets the first visitor with a newsletter dialog; skip it as a user would."""
    skip = page.get_by_role("button", name="Skip")
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        if skip.count() and skip.first.is_visible():
            skip.first.click()
            return
        time.sleep(0.25)


def expected_definitions() -> tuple[set[str], dict[str, set[str]]]:
    """Asset names and asset checks per asset, from the definitions themselves."""
    from pipelines.definitions import build_definitions

    graph = build_definitions().resolve_asset_graph()
    assets = {k.to_user_string() for k in graph.get_all_asset_keys()}
    checks: dict[str, set[str]] = {}
    for ck in graph.asset_check_keys:
        checks.setdefault(ck.asset_key.to_user_string(), set()).add(ck.name)
    return assets, checks


def test_asset_graph_shows_every_asset(ui, page, shot):
    assets, _ = expected_definitions()
    nodes = ui.gql("{ assetNodes { assetKey { path } } }")["assetNodes"]
    assert {"/".join(n["assetKey"]["path"]) for n in nodes} == assets

    page.goto(ui.url + "/asset-groups")
    page.get_by_role("button", name=re.compile("Materialize all")).wait_for()
    dismiss_welcome(page)
    # Groups start collapsed; expand them as a user does (right-click the canvas), then reload so the
    # graph is laid out to fit the window.
    box = page.locator("svg").last.bounding_box() or {"x": 900, "y": 700, "width": 10, "height": 10}
    page.mouse.click(box["x"] + box["width"] * 0.9, box["y"] + box["height"] * 0.9, button="right")
    page.get_by_role("menuitem", name=re.compile("Expand all groups")).click()
    page.reload()
    page.get_by_role("button", name=re.compile("Materialize all")).wait_for()
    missing = []
    for name in sorted(assets):
        node = page.get_by_text(name, exact=True)
        try:
            node.first.wait_for(state="visible", timeout=30_000)
        except Exception:
            missing.append(name)
    shot("01-asset-graph")
    assert not missing, f"assets not drawn on the graph: {missing}"


def test_materialize_all_succeeds(ui, page, shot):
    runs_query = "{ runsOrError { ... on Runs { results { runId status } } } }"
    before = {r["runId"] for r in ui.gql(runs_query)["runsOrError"]["results"]}
    if "/asset-groups" not in page.url:
        page.goto(ui.url + "/asset-groups")
        dismiss_welcome(page)
    page.get_by_role("button", name=re.compile("Materialize all")).click()
    page.get_by_text(re.compile("Launched run")).first.wait_for()
    shot("02-run-launched")

    run_id, status = None, None
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        runs = [r for r in ui.gql(runs_query)["runsOrError"]["results"] if r["runId"] not in before]
        if runs:
            run_id, status = runs[0]["runId"], runs[0]["status"]
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                break
        time.sleep(3)
    assert run_id, "no run was launched by Materialize all"
    ui.state["run_id"] = run_id
    page.goto(f"{ui.url}/runs/{run_id}")
    if status == "SUCCESS":
        page.get_by_text("Success", exact=True).first.wait_for()
        page.get_by_text(re.compile(r"^Succeeded \([1-9]\d*\)$")).first.wait_for()
    shot("03-run")
    assert status == "SUCCESS", f"run {run_id} ended {status}:\n" + "\n".join(_failures(ui, run_id))

    # The UI run published a whole release into the output folder.
    latest = assert_output_consistent(ui.output_dir)
    assert latest is not None, "the run succeeded but published no latest.json"
    ui.state["latest"] = latest


def _failures(ui: DagsterUI, run_id: str) -> list[str]:
    query = """query($id: ID!) { logsForRun(runId: $id) { ... on EventConnection { events { __typename
        ... on MessageEvent { message } ... on ExecutionStepFailureEvent { stepKey error { message } }
        ... on EngineEvent { error { message } } } } } }"""
    out = []
    for e in ui.gql(query, {"id": run_id})["logsForRun"]["events"]:
        err = (e.get("error") or {}).get("message")
        if err or "Failure" in e["__typename"]:
            out.append(f"{e['__typename']} {e.get('stepKey') or ''}: {(err or e.get('message') or '')[:1500]}")
    return out or ["(no failure events)"]


def test_asset_page_shows_row_count_preview_and_checks(ui, page, shot):
    latest = ui.state.get("latest")
    assert latest, "needs the successful run of test_materialize_all_succeeds"
    rows = latest["tables"]["documents"]

    page.goto(ui.url + "/assets/documents")
    page.get_by_text("Row count", exact=True).first.wait_for()
    body = page.locator("body").inner_text()
    m = re.search(r"Row count\s*\n\s*([\d,]+)", body)
    assert m and int(m.group(1).replace(",", "")) == rows, f"row count on the page: {m and m.group(1)}, release: {rows}"
    shot("04-asset-overview")

    # The markdown preview of the table, opened from the metadata table.
    preview_row = page.locator("tr", has_text="preview").filter(has=page.get_by_text("[Show Markdown]"))
    button = preview_row.first.get_by_text("[Show Markdown]")
    button.scroll_into_view_if_needed()
    button.click()
    dialog = page.get_by_role("dialog").first
    dialog.get_by_text("doc_id", exact=True).first.wait_for()
    text = dialog.inner_text()
    for col in ("doc_id", "source", "title", "language"):
        assert col in text
    for source in ("harbour_strike.txt", "latin1_cafe.txt", "xss.html"):
        assert source in text, f"{source} missing from the preview"
    ui.state["preview_text"] = text
    ui.state["preview_script_tags"] = dialog.locator("script").count()
    ui.state["preview_img_tags"] = dialog.locator("img").count()
    ui.state["preview_links"] = [a.get_attribute("href") for a in dialog.locator("a").all()]
    shot("05-preview-markdown")
    page.keyboard.press("Escape")

    # Asset checks: every check the definitions declare for `documents` ran in this run and is listed.
    _, checks = expected_definitions()
    expected = checks.get("documents", set())
    assert expected, "the documents asset declares no asset checks"
    query = """{ assetNodes { assetKey { path } assetChecksOrError { ... on AssetChecks { checks { name
        executionForLatestMaterialization { status runId evaluation { severity } } } } } } }"""
    nodes = {"/".join(n["assetKey"]["path"]): n for n in ui.gql(query)["assetNodes"]}
    got = {c["name"]: c for c in nodes["documents"]["assetChecksOrError"]["checks"]}
    assert set(got) == expected
    not_run = [n for n, c in got.items() if not c["executionForLatestMaterialization"]]
    assert not not_run, f"checks that did not run: {not_run}"
    failed_errors = [
        n for n, c in got.items()
        if c["executionForLatestMaterialization"]["status"] != "SUCCEEDED"
        and (c["executionForLatestMaterialization"].get("evaluation") or {}).get("severity") != "WARN"
    ]
    assert not failed_errors, f"blocking checks not succeeded: {failed_errors}"
    assert {c["executionForLatestMaterialization"]["runId"] for c in got.values()} == {ui.state["run_id"]}

    page.goto(ui.url + "/assets/documents?view=checks")
    page.get_by_text(f"Checks ({len(expected)})", exact=True).wait_for()
    for name in sorted(expected):  # the list fills in after the page: wait for every row
        page.get_by_text(name, exact=True).first.wait_for(state="attached")
    page.get_by_text("Passed", exact=True).first.wait_for()
    page_text = page.locator("body").inner_text()
    shot("06-asset-checks")
    assert "Not Evaluated" not in page_text, "a check shows as not evaluated after the run"


def test_document_text_is_escaped_in_the_ui(ui, page):
    text = ui.state.get("preview_text")
    assert text, "needs the preview opened by the previous test"
    assert XSS_TITLE in text, "the title should show literally, as text"
    assert "![pixel](http://127.0.0.1:9/pixel.png)" in text, "markdown in document text shows literally"
    assert ui.state["preview_script_tags"] == 0 and ui.state["preview_img_tags"] == 0
    assert not [h for h in ui.state["preview_links"] if h and "javascript" in h.lower()]
    assert page.js_dialogs == [], f"document text ran as script in the UI: {page.js_dialogs}"
