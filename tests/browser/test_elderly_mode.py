"""The elderly mode (适老化): a plain link switches it, without JavaScript; text grows; the choice
follows the reader from page to page; contrast reaches 7:1 (WCAG AAA) on every page type."""

import re

import pytest
from playwright.sync_api import expect

from .axe import assert_accessible
from .support import failure_note

ELDERLY = re.compile(r"\belderly-mode\b")
ROOT_FONT_SIZE = "getComputedStyle(document.documentElement).fontSize"


@pytest.fixture
def no_script_page(new_context):
    """A page with JavaScript switched off: the switch must be a real link, not a script."""
    return new_context(java_script_enabled=False).new_page()


def test_elderly_mode_switches_without_script_and_persists_across_pages(
    no_script_page, new_context, url, site_data
):
    page = no_script_page
    page.goto(url("/"))
    assert "elderly-mode" not in (page.locator("body").get_attribute("class") or "")
    # Computed styles are read in a scripted page with the same cookies.
    scripted = new_context()
    probe = scripted.new_page()
    probe.goto(url("/"))
    normal_size = probe.evaluate(ROOT_FONT_SIZE)

    page.get_by_role("link", name="长者模式（大字）").click()
    page.wait_for_url(url("/"))
    expect(page.locator("body")).to_have_class(ELDERLY)
    expect(page.get_by_role("link", name="退出长者模式")).to_be_visible()

    # The mode follows the reader to another page.
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="政府信息公开").click()
    page.wait_for_url(url(site_data.urls["disclosure_index"]))
    expect(page.locator("body")).to_have_class(ELDERLY)

    scripted.add_cookies(page.context.cookies())
    probe.goto(url(site_data.urls["disclosure_index"]))
    assert float(probe.evaluate(ROOT_FONT_SIZE).rstrip("px")) >= 1.2 * float(
        normal_size.rstrip("px")
    )

    # Switching off comes back to the same page, in the normal mode.
    page.get_by_role("link", name="退出长者模式").click()
    page.wait_for_url(url(site_data.urls["disclosure_index"]))
    assert "elderly-mode" not in (page.locator("body").get_attribute("class") or "")


def test_elderly_mode_reaches_enhanced_contrast_on_every_page_type(page, url, site_data, request):
    page.goto(url("/elderly-mode/?on=1&next=/"))
    expect(page.locator("body")).to_have_class(ELDERLY)
    failures = []
    for name, path in site_data.urls.items():
        page.goto(url(path))
        try:
            assert "elderly-mode" in page.locator("body").get_attribute("class")
            assert_accessible(page, rules=["color-contrast-enhanced"], where=f"({name}) ")
        except AssertionError as error:
            failures.append(failure_note(page, f"{request.node.name}-{name}", error))
    assert not failures, "\n".join(failures)
