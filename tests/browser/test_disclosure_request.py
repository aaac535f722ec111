"""An applicant asks for government information in a real browser, keeps the receipt, looks
the request up and, once answered, opens the reply letter and downloads its PDF."""

import re

import pytest
from playwright.sync_api import expect

from disclosure_requests import services
from disclosure_requests.factories import (
    DisclosureGuidePageFactory,
    DisclosureRequestIndexPageFactory,
    request_handler,
)
from disclosure_requests.models import DisclosureRequest, Outcome, Status
from portal.factories import DepartmentFactory
from tests.utils import make_home


@pytest.fixture
def request_site(browser_db):
    home = make_home()
    department = DepartmentFactory(name="示例县住房和城乡建设局", code="11331020")
    index = DisclosureRequestIndexPageFactory(parent=home)
    DisclosureGuidePageFactory(parent=index)
    return {"department": department, "handler": request_handler(department)}


def test_apply_online_look_up_and_read_the_reply(page, url, request_site):
    page.goto(url("/requests/"))
    expect(page.get_by_role("link", name="政府信息公开指南").first).to_be_visible()
    page.get_by_label("自然人").check()
    page.fill("#id_name", "王五")
    page.fill("#id_id_number", "11010519491231002X")
    page.fill("#id_phone", "13812345678")
    page.select_option("#id_department", label="示例县住房和城乡建设局")
    page.fill("#id_description", "请提供2025年城关镇老旧小区改造项目的资金安排文件。")
    page.get_by_label("电子", exact=True).check()
    page.get_by_label("网上获取").check()
    page.fill("#id_captcha_1", "PASSED")
    page.get_by_role("button", name="提交申请").click()

    receipt = page.locator("#form-result")
    expect(receipt.get_by_role("heading", level=1)).to_have_text("政府信息公开申请已提交")
    number, code = (text.strip() for text in receipt.locator(".receipt__code").all_inner_texts())
    assert re.fullmatch(r"YS\d{12}", number)
    req = DisclosureRequest.objects.get(tracking_number=number)
    assert req.status == Status.SUBMITTED

    handler = request_site["handler"]
    req = services.request_confirm_receipt(request=req, actor=handler)
    services.request_reply(
        request=req, actor=handler, outcome=Outcome.DISCLOSED, text="资金安排文件见告知书。"
    )

    receipt.get_by_role("link", name="前往查询办理进度").click()
    page.wait_for_url("**/requests/status/")
    page.fill("#id_tracking_number", number)
    page.fill("#id_query_code", code)
    page.get_by_role("button", name="查询").click()
    card = page.locator(".status-card")
    expect(card.locator(".status-badge")).to_have_text(str(Status.CONCLUDED.label))
    expect(card).to_contain_text("资金安排文件见告知书。")

    card.get_by_role("link", name="查看答复告知书").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开申请答复告知书")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 PDF").click()
    assert download.value.suggested_filename == f"{number}.pdf"
