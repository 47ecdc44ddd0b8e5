"""Debian's Chromium, driven through Playwright (Playwright's own browser download is never used)."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("NEWSFACTS_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def require_browser() -> str:
    """The Chromium binary; skip when it or Playwright is missing, except in CI where that fails."""
    problems = []
    path = chromium_path()
    if path is None:
        problems.append("Chromium is not installed (apt-get install chromium chromium-driver)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the playwright package is missing (make setup installs the dev extras)")
    if problems:
        msg = "; ".join(problems)
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {msg}")
        pytest.skip(msg)
    return path


@contextmanager
def browser_page(profile_dir: Path, width: int = 1600, height: int = 1100, timeout_ms: int = 120_000) -> Iterator:
    """A page in a fresh headless Chromium profile; `page.js_dialogs` records any alert() that fired."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            user_data_dir=str(profile_dir),
            executable_path=require_browser(),
            headless=True,
            args=FLAGS,
            viewport={"width": width, "height": height},
        )
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(timeout_ms)
        page.js_dialogs = []
        page.on("dialog", lambda d: (page.js_dialogs.append(d.message), d.dismiss()))
        try:
            yield page
        finally:
            context.close()
