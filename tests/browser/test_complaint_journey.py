"""A citizen files a complaint with the keyboard alone, looks it up, and rates the reply a
handler writes in the admin: the whole public complaint journey in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from feedback.factories import ComplaintFormPageFactory, handler
from feedback.models import Complaint, Rating, Status
from portal.factories import DepartmentFactory
from tests.utils import make_home

from .keyboard import focused, tab_to

DESCRIPTION = "我到窗口办理营业执照变更，工作人员前后三次要求补交不同的材料，每次只说一样。"


@pytest.fixture
def complaint_site(browser_db):
    home = make_home()
    department = DepartmentFactory(name="示例县市场监督管理局")
    page = ComplaintFormPageFactory(parent=home)
    staff = handler(department, username="handler-market")
    staff.set_password("correct-horse-battery")
    staff.save()
    return {"page": page, "department": department}


def file_complaint_by_keyboard(page, url):
    page.goto(url("/complaints/"))
    tab_to(page, "#id_category")
    page.keyboard.press("ArrowDown")  # the first real category after the empty choice
    page.keyboard.press("Tab")
    assert focused(page, "#id_department")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_subject")
    page.keyboard.type("窗口办事被多次退回材料")
    tab_to(page, "#id_description")
    page.keyboard.type(DESCRIPTION)
    tab_to(page, "#id_name")
    page.keyboard.type("张三")
    tab_to(page, "#id_phone")
    page.keyboard.type("13812345678")
    tab_to(page, "#id_publish_consent")
    page.keyboard.press("Space")
    tab_to(page, "#id_captcha_1")
    page.keyboard.type("PASSED")
    page.keyboard.press("Enter")


def test_complaint_filed_by_keyboard_looked_up_replied_and_rated(
    new_context, page, url, complaint_site
):
    file_complaint_by_keyboard(page, url)

    receipt = page.locator("#form-result")
    expect(receipt.get_by_role("heading", level=1)).to_have_text("投诉已提交")
    codes = receipt.locator(".receipt__code").all_inner_texts()
    tracking_number, query_code = (code.strip() for code in codes)
    assert re.fullmatch(r"TS\d{12}", tracking_number)
    complaint = Complaint.objects.get(tracking_number=tracking_number)
    assert complaint.department == complaint_site["department"]
    assert complaint.publish_consent and complaint.phone == "13812345678"
    # The receipt takes focus, so a screen reader starts reading at the tracking number.
    assert focused(page, "#form-result")

    # The status page, reached and filled with the keyboard.
    tab_to(page, "#form-result a[href$='/complaints/status/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/complaints/status/")
    tab_to(page, "#id_tracking_number")
    page.keyboard.type(tracking_number)
    tab_to(page, "#id_query_code")
    page.keyboard.type(query_code)
    page.keyboard.press("Enter")
    status = page.locator(".status-card")
    expect(status.locator("#status-heading")).to_have_text(f"投诉编号 {tracking_number}")
    expect(status.locator(".status-badge")).to_have_text(str(Status.SUBMITTED.label))

    # A handler of the department accepts and replies through the real admin login and forms.
    staff_page = new_context().new_page()
    staff_page.goto(url("/admin/login/"))
    staff_page.fill("#id_username", "handler-market")
    staff_page.fill("#id_password", "correct-horse-battery")
    staff_page.get_by_role("button", name="登录").click()
    staff_page.wait_for_url(url("/admin/"))
    staff_page.goto(url(f"/admin/complaints/{complaint.pk}/"))
    staff_page.locator("summary", has_text=re.compile("^受理$")).click()
    staff_page.get_by_role("button", name="受理", exact=True).click()
    expect(staff_page.locator(".messages")).to_contain_text("已受理")
    staff_page.locator("summary", has_text=re.compile("^答复$")).click()
    staff_page.fill("#id_reply-reply", "经核查，窗口一次性告知制度未落实，已责令整改并向您致歉。")
    staff_page.get_by_role("button", name="答复", exact=True).click()
    expect(staff_page.locator(".messages")).to_contain_text("答复")
    complaint.refresh_from_db()
    assert complaint.status == Status.REPLIED

    # Back in the citizen's browser: the reply is shown and rated, still by keyboard.
    page.reload()
    expect(page.locator(".status-card__reply")).to_contain_text("已责令整改")
    tab_to(page, "input[name=rating][value=satisfied]")
    page.keyboard.press("Space")
    tab_to(page, "#id_comment")
    page.keyboard.type("处理及时，谢谢。")
    tab_to(page, ".rating button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".status-badge")).to_have_text(str(Status.CLOSED.label))
    complaint.refresh_from_db()
    assert complaint.rating == Rating.SATISFIED
    assert complaint.rating_comment == "处理及时，谢谢。"
