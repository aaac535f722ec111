"""The gate in front of the browser tests: find Chromium, or skip (locally) or fail (in CI)."""

import os
import shutil

import pytest

REQUIRED_VARIABLE = "PORTAL_BROWSER_TESTS_REQUIRED"
INSTALL_HINT = (
    "Chromium not found: the browser tests need Debian's chromium. Install it with "
    "`apt-get install chromium fonts-noto-cjk espeak-ng` (as root), then run "
    "`.venv/bin/python -m pytest tests/browser`."
)


def chromium_executable():
    """The path of the Chromium binary; skips the test without one, or fails it when
    PORTAL_BROWSER_TESTS_REQUIRED=1 (set by .ci/run, so CI can never pass these silently)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get(REQUIRED_VARIABLE) == "1":
        pytest.fail(f"{INSTALL_HINT} ({REQUIRED_VARIABLE}=1 turns this skip into a failure.)")
    pytest.skip(INSTALL_HINT)
