"""A citizen comments on a draft decision open for comment, in a real browser."""

import pytest
from playwright.sync_api import expect

from decisions.factories import DecisionIndexPageFactory, MajorDecisionPageFactory
from decisions.models import PublicComment
from tests.utils import make_home

TEXT = "建议将首次免费停车时间延长到 60 分钟，方便到政务服务中心办事的群众。"


@pytest.fixture
def decision(browser_db):
    index = DecisionIndexPageFactory(parent=make_home())
    return MajorDecisionPageFactory(
        parent=index, title="示例县城区停车收费管理办法（征求意见稿）", slug="parking"
    )


def test_comment_on_open_decision_gets_a_receipt(page, url, decision):
    page.goto(url(decision.url))
    form = page.locator("form.comment-form")
    form.get_by_label("意见内容").fill(TEXT)
    form.get_by_label("所属界别（选填）").select_option(index=1)
    form.get_by_label("姓名（选填，不公开）").fill("李四")
    form.get_by_label("验证码").fill("PASSED")
    form.get_by_role("button", name="提交意见").click()

    receipt = page.locator("#comment-result")
    expect(receipt).to_be_visible()
    number = receipt.locator(".receipt-number").inner_text().strip()
    comment = PublicComment.objects.get(receipt_number=number)
    assert comment.notice_id == decision.pk
    assert comment.text == TEXT
    assert comment.name == "李四"
    # The receipt takes focus, so it is read out first.
    assert page.evaluate("document.activeElement.id") == "comment-result"


def test_comment_too_short_is_refused_with_a_focused_error_summary(page, url, decision):
    page.goto(url(decision.url))
    form = page.locator("form.comment-form")
    form.get_by_label("意见内容").fill("太短了")
    form.get_by_label("验证码").fill("PASSED")
    form.get_by_role("button", name="提交意见").click()

    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("意见内容至少 10 个字")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert not PublicComment.objects.exists()
    # The error links to its field, and following it puts the cursor there.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_text"
