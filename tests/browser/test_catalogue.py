"""The disclosure catalogue in a browser: filter with the form, then download what is shown."""

import csv
import io

import pytest
from playwright.sync_api import expect

from .sitedata import build_site

HEADER = [
    "索引号",
    "标题",
    "类型",
    "发布机构",
    "文号",
    "成文日期",
    "发布日期",
    "主题分类",
    "有效性",
    "链接",
]


@pytest.fixture
def site(browser_db):
    return build_site(complaints=False)


def test_catalogue_filters_narrow_the_list_and_the_csv_follows_them(page, url, site):
    page.goto(url(site.urls["disclosure_index"]))
    rows = page.locator(".table-wrap table tbody tr")
    # Four disclosure pages, the monthly bulletin and the decision notice.
    expect(rows).to_have_count(6)

    page.select_option("#f-type", label="收费目录")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**type=*")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("行政事业性收费目录")
    expect(page.locator("#f-type option:checked")).to_have_text("收费目录")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV（Excel 可打开）").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    text = download.path().read_bytes().decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == HEADER
    assert len(table) == 2, "the CSV carries the filter: one fee schedule, nothing else"
    fee = site.pages["fee_schedule"]
    row = dict(zip(HEADER, table[1], strict=True))
    assert row["标题"] == "行政事业性收费目录"
    assert row["类型"] == "收费目录"
    assert row["发布机构"] == "示例县市场监督管理局"
    assert row["索引号"] == fee.index_number
    assert row["链接"].endswith(fee.url)


def test_catalogue_clear_link_restores_every_entry(page, url, site):
    page.goto(url(site.urls["disclosure_index"] + "?type=policydocumentpage"))
    expect(page.locator(".table-wrap table tbody tr")).to_have_count(1)
    page.get_by_role("link", name="清除筛选").click()
    expect(page.locator(".table-wrap table tbody tr")).to_have_count(6)
