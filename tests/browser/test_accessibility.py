"""axe-core on every public page type and on each public form's error state, at 320 px and at
1280 px: zero WCAG 2.2 AA violations. Also: error summaries take focus, every field has a
label, and the captcha can be heard."""

import itertools

import pytest
from playwright.sync_api import expect

from feedback.factories import ComplaintFormPageFactory
from tests.utils import make_home

from .axe import assert_accessible
from .support import DESKTOP, MOBILE, failure_note

WIDTHS = pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["320px", "1280px"])

# Controls a person fills in, without an accessible name from a <label>, aria-label or
# aria-labelledby. Hidden inputs and the honeypot (hidden from everyone) are not controls.
UNLABELLED = """() => [...document.querySelectorAll('main input, main select, main textarea')]
    .filter((el) => el.type !== 'hidden' && !el.closest('[aria-hidden=true]'))
    .filter((el) => el.offsetParent !== null)
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
        && !el.getAttribute('aria-labelledby'))
    .map((el) => el.name || el.id)"""


@WIDTHS
def test_every_public_page_type_has_no_wcag_violations(page, url, site_data, viewport, request):
    page.set_viewport_size(viewport)
    failures = []
    for name, path in site_data.urls.items():
        page.goto(url(path))
        try:
            assert_accessible(page, where=f"({name}, {viewport['width']}px) ")
        except AssertionError as error:
            failures.append(failure_note(page, f"{request.node.name}-{name}", error))
    assert not failures, "\n".join(failures)


def submit_complaint_empty(page, url, site_data):
    page.goto(url(site_data.urls["complaint_form"]))
    page.get_by_role("button", name="提交投诉").click()


def submit_status_lookup_wrong(page, url, site_data):
    page.goto(url(site_data.urls["complaint_status"]))
    page.get_by_label("投诉编号").fill("TS202601010001")
    page.get_by_label("查询码").fill("WRONG123")
    page.get_by_role("button", name="查询").click()


def submit_comment_empty(page, url, site_data):
    page.goto(url(site_data.urls["decision"]))
    page.locator("form.comment-form").get_by_role("button", name="提交意见").click()


FORMS = {
    "complaint": submit_complaint_empty,
    "status_lookup": submit_status_lookup_wrong,
    "decision_comment": submit_comment_empty,
}


def test_form_error_states_are_accessible_and_focus_the_error_summary(
    page, url, site_data, request
):
    failures = []
    for (name, submit), viewport in itertools.product(FORMS.items(), (MOBILE, DESKTOP)):
        page.set_viewport_size(viewport)
        submit(page, url, site_data)
        summary = page.locator(".error-summary")
        try:
            expect(summary).to_be_visible()
            assert summary.get_attribute("tabindex") == "-1", f"{name}: summary not focusable"
            assert summary.get_attribute("role") == "alert", f"{name}: summary not an alert"
            assert page.evaluate("document.activeElement.classList.contains('error-summary')"), (
                f"{name}: the error summary did not take focus"
            )
            assert_accessible(page, where=f"({name} errors, {viewport['width']}px) ")
        except AssertionError as error:
            label = f"{request.node.name}-{name}-{viewport['width']}"
            failures.append(failure_note(page, label, error))
    assert not failures, "\n".join(failures)


def test_every_form_field_has_a_label(page, url, site_data):
    for name in ("complaint_form", "complaint_status", "decision", "search", "disclosure_index"):
        page.goto(url(site_data.urls[name]))
        assert page.evaluate(UNLABELLED) == [], f"unlabelled fields on {name}"
        assert page.locator("main input:not([type=hidden]), main select, main textarea").count()


def test_captcha_has_a_spoken_alternative(page, url, browser_db):
    complaint_page = ComplaintFormPageFactory(parent=make_home())
    page.goto(url(complaint_page.url))
    image = page.locator(".captcha img")
    assert "算术题" in image.get_attribute("alt")
    audio = page.get_by_role("link", name="收听语音验证码（普通话）")
    expect(audio).to_be_visible()
    response = page.request.get(url(audio.get_attribute("href")))
    assert response.status == 200
    assert response.headers["content-type"] == "audio/wav"
    assert response.body()[:4] == b"RIFF"
