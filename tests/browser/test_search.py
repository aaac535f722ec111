"""Search in a browser: type a query in the header box, then narrow it with the filters."""

import pytest
from playwright.sync_api import expect

from disclosure.factories import (
    DisclosureIndexPageFactory,
    PolicyDocumentPageFactory,
    ServiceProcedurePageFactory,
    publish,
)
from portal.factories import DepartmentFactory
from tests.utils import make_home


@pytest.fixture
def pages(browser_db):
    home = make_home()
    market = DepartmentFactory(name="示例县市场监督管理局")
    tax = DepartmentFactory(name="示例县税务局")
    catalogue = publish(DisclosureIndexPageFactory(parent=home, live=False))
    return {
        "procedure": ServiceProcedurePageFactory(
            parent=catalogue, title="营业执照变更登记办事指南", issuing_department=market
        ),
        "market_policy": PolicyDocumentPageFactory(
            parent=catalogue, title="关于营业执照全程电子化的通知", issuing_department=market
        ),
        "tax_policy": PolicyDocumentPageFactory(
            parent=catalogue, title="关于凭营业执照办理税务登记的通知", issuing_department=tax
        ),
        "other": PolicyDocumentPageFactory(
            parent=catalogue, title="关于做好防汛工作的通知", issuing_department=tax
        ),
    }


def result_titles(page):
    return sorted(page.locator(".search-results__title").all_inner_texts())


def test_search_from_header_then_filter_by_type_and_department(page, url, pages):
    page.goto(url("/"))
    page.get_by_role("searchbox", name="站内搜索").fill("营业执照")
    page.get_by_role("searchbox", name="站内搜索").press("Enter")
    page.wait_for_url("**/search/?q=*")
    expect(page.locator(".search-summary")).to_contain_text("共找到 3 条结果")
    assert result_titles(page) == sorted(
        [pages["procedure"].title, pages["market_policy"].title, pages["tax_policy"].title]
    )

    filters = page.get_by_role("navigation", name="筛选搜索结果")
    filters.get_by_role("link", name="政策文件").click()
    expect(page.locator(".search-summary")).to_contain_text("共找到 2 条结果")
    assert result_titles(page) == sorted([pages["market_policy"].title, pages["tax_policy"].title])
    expect(filters.locator("a[aria-current=true]")).to_contain_text("政策文件")

    filters.get_by_role("link", name="示例县税务局").click()
    expect(page.locator(".search-summary")).to_contain_text("共找到 1 条结果")
    assert result_titles(page) == [pages["tax_policy"].title]

    filters.get_by_role("link", name="清除全部筛选").click()
    expect(page.locator(".search-summary")).to_contain_text("共找到 3 条结果")


def test_search_without_results_offers_help(page, url, pages):
    page.goto(url("/search/?q=%E7%81%AB%E6%98%9F%E7%A7%BB%E6%B0%91"))
    expect(page.get_by_role("heading", name="没有找到相关内容")).to_be_visible()
