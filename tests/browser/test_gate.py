"""The gate in front of the browser tests: skip with the install command where Chromium is
missing, fail instead when PORTAL_BROWSER_TESTS_REQUIRED=1 (CI)."""

import pytest

from . import gate


def test_missing_chromium_skips_with_the_install_command(monkeypatch):
    monkeypatch.setattr(gate.shutil, "which", lambda name: None)
    monkeypatch.delenv(gate.REQUIRED_VARIABLE, raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        gate.chromium_executable()
    assert "apt-get install chromium fonts-noto-cjk espeak-ng" in str(skipped.value)


def test_missing_chromium_fails_when_browser_tests_are_required(monkeypatch):
    monkeypatch.setattr(gate.shutil, "which", lambda name: None)
    monkeypatch.setenv(gate.REQUIRED_VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        gate.chromium_executable()
    assert "apt-get install chromium fonts-noto-cjk espeak-ng" in str(failed.value)


def test_chromium_found_is_returned(monkeypatch):
    monkeypatch.setattr(
        gate.shutil, "which", lambda name: "/usr/bin/chromium" if name == "chromium" else None
    )
    monkeypatch.setenv(gate.REQUIRED_VARIABLE, "1")
    assert gate.chromium_executable() == "/usr/bin/chromium"
