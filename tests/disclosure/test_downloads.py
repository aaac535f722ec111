"""Honest downloads: a readable ASCII filename beside the RFC 5987 one, typed XLSX cells."""

import datetime
import io
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from disclosure.factories import FeeItemFactory, FeeSchedulePageFactory
from portal.exports import ascii_filename, xlsx_response

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("政府信息公开目录-20261206.csv", "zhengfuxinxigongkaimulu-20261206.csv"),
        ("月通报-2026-11.json", "yuetongbao-2026-11.json"),
        ("示例县 收费（2026）.xlsx", "shilixian-shoufei-2026.xlsx"),
        ("audit-log-2026-12-07.csv", "audit-log-2026-12-07.csv"),
        ("“”.csv", "export.csv"),
        ("名单", "mingdan"),
    ],
)
def test_ascii_fallback_names_say_what_the_file_is(name, expected):
    assert ascii_filename(name) == expected


def test_catalogue_csv_names_the_file_in_pinyin_and_utf8(client, catalogue):
    response = client.get("/disclosure/", {"format": "csv"})
    stamp = timezone.localdate().strftime("%Y%m%d")
    disposition = response["Content-Disposition"]
    assert f'filename="zhengfuxinxigongkaimulu-{stamp}.csv"' in disposition
    assert f"filename*=UTF-8''{quote(f'政府信息公开目录-{stamp}.csv')}" in disposition


@pytest.fixture
def schedule(catalogue):
    page = FeeSchedulePageFactory(
        parent=catalogue, title="不动产登记收费目录", items=[], published=False
    )
    FeeItemFactory(
        page=page,
        name="不动产登记费",
        amount=Decimal("80.50"),
        unit="件",
        valid_from=datetime.date(2026, 1, 1),
    )
    page.save_revision().publish()
    return page


def test_fee_xlsx_has_numbers_as_numbers_and_dates_as_dates(client, schedule):
    response = client.get(schedule.url, {"format": "xlsx"})
    assert 'filename="budongchandengjishoufeimulu-' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, row = list(sheet.values)
    values = dict(zip(header, row, strict=True))
    assert values["金额（元）"] == 80.5 and isinstance(values["金额（元）"], float)
    assert values["计费单位"] == "件"
    assert values["执行起始日期"] == datetime.datetime(2026, 1, 1)
    cell = sheet.cell(row=2, column=header.index("执行起始日期") + 1)
    assert cell.is_date and cell.data_type == "d"


def test_xlsx_writes_aware_datetimes_in_local_time_and_neutralises_formulas():
    moment = datetime.datetime(2026, 12, 1, 2, 30, tzinfo=datetime.UTC)
    response = xlsx_response("表", ["时间", "文字", "数"], [[moment, "=1+1", 3]])
    sheet = load_workbook(io.BytesIO(response.content)).active
    _header, row = list(sheet.values)
    assert row == (datetime.datetime(2026, 12, 1, 10, 30), "'=1+1", 3)
