"""What the browser tests share besides fixtures: viewport sizes and failure screenshots."""

import re
from pathlib import Path

ARTIFACTS = Path(__file__).resolve().parents[2] / ".browser-artifacts"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 320, "height": 640}


def save_screenshot(page, name):
    """A full-page PNG of `page` in .browser-artifacts/<name>.png; its path, or None when the
    page can no longer be photographed (crashed or closed)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / (re.sub(r"[^\w.-]+", "_", name).strip("_") + ".png")
    try:
        page.screenshot(path=path, full_page=True)
    except Exception:  # the failure report must still be written
        return None
    return path


def failure_note(page, name, error):
    """The message of one failed check in a sweep over many pages, with a screenshot of the
    page as it was (the report's own screenshot shows only the last page visited)."""
    path = save_screenshot(page, name)
    return f"{error}\n  screenshot: {path}" if path else str(error)
