"""The 重大决策 section: filters by status, department and year, the directory table, and the
CSV, JSON and Atom downloads."""

import datetime
import json
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from decisions.factories import (
    CollectiveDecisionFactory,
    DirectoryEntryFactory,
    MajorDecisionPageFactory,
    PublicCommentFactory,
)
from decisions.models import DecisionIndexPage, MajorDecisionPage
from portal.factories import DepartmentFactory

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def notices(section, department):
    other = DepartmentFactory(name="示例县住房和城乡建设局", code="11331005")
    now = timezone.now()
    open_now = MajorDecisionPageFactory(
        parent=section, issuing_department=department, title="城区停车收费管理办法"
    )
    upcoming = MajorDecisionPageFactory(
        parent=section,
        issuing_department=other,
        title="养老服务设施布局规划",
        opens_at=now + datetime.timedelta(days=3),
    )
    old = MajorDecisionPageFactory(
        parent=section,
        issuing_department=other,
        title="老旧小区改造计划",
        opens_at=datetime.datetime(2025, 3, 1, 9, tzinfo=SHANGHAI),
        final_text="<p>改造计划。</p>",
        published=False,
    )
    CollectiveDecisionFactory(page=old, date=datetime.date(2025, 4, 15))
    old.save_revision().publish()
    draft = MajorDecisionPageFactory(
        parent=section, issuing_department=department, title="未发布的草稿", published=False
    )
    PublicCommentFactory(notice=open_now)
    PublicCommentFactory(notice=open_now)
    return {"open": open_now, "upcoming": upcoming, "decided": old, "draft": draft}


def titles(response):
    return [row["title"] for row in response.context["rows"]]


def test_lists_live_notices_newest_period_first_with_status_and_count(client, section, notices):
    response = client.get(section.url)
    assert titles(response) == ["养老服务设施布局规划", "城区停车收费管理办法", "老旧小区改造计划"]
    html = response.content.decode()
    assert "未发布的草稿" not in html
    assert "收到意见 2 条" in html
    assert 'status-badge--decided">已决策' in html
    assert "正在征求意见（1 项）" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=open", ["城区停车收费管理办法"]),
        ("status=upcoming", ["养老服务设施布局规划"]),
        ("status=decided", ["老旧小区改造计划"]),
        ("status=terminated", []),
        ("year=2025", ["老旧小区改造计划"]),
        ("status=nonsense&year=abc&department=x", None),
    ],
)
def test_filters(client, section, notices, query, expected):
    response = client.get(f"{section.url}?{query}")
    assert response.status_code == 200
    if expected is None:  # malformed filters are ignored, never an error
        assert len(titles(response)) == 3
    else:
        assert titles(response) == expected


def test_department_filter(client, section, notices, department):
    response = client.get(f"{section.url}?department={department.pk}")
    assert titles(response) == ["城区停车收费管理办法"]
    options = dict(response.context["department_options"])
    assert set(options.values()) == {"示例县发展和改革局", "示例县住房和城乡建设局"}


def test_csv_export_opens_in_excel(client, section, notices):
    response = client.get(f"{section.url}?format=csv&status=open")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff索引号,决策事项,发布机构,状态")
    assert "城区停车收费管理办法" in body and "征求意见中" in body
    assert "老旧小区改造计划" not in body


def test_json_export(client, section, notices):
    payload = json.loads(client.get(f"{section.url}?format=json").content)
    assert payload["count"] == 3
    row = next(item for item in payload["results"] if item["title"] == "城区停车收费管理办法")
    assert row["status"] == "open" and row["comment_count"] == 2
    assert row["url"].startswith("http://") and row["index_number"]


def test_atom_feed(client, section, notices):
    response = client.get(f"{section.url}?format=atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<feed" in body and "【征求意见中】城区停车收费管理办法" in body
    assert body.count("<entry>") == 3


def test_unknown_format_is_not_found(client, section):
    assert client.get(f"{section.url}?format=pdf").status_code == 404


def test_directory_table_for_the_year_with_progress(client, section, notices, department):
    year = timezone.localdate().year
    DirectoryEntryFactory(
        page=section,
        year=year,
        title="城区停车收费管理办法",
        department=department,
        notice=notices["open"],
        hearing_planned=True,
        sort_order=1,
    )
    DirectoryEntryFactory(
        page=section,
        year=year,
        title="县域医疗卫生服务体系建设方案",
        department=department,
        sort_order=2,
    )
    DirectoryEntryFactory(page=section, year=2025, title="老旧小区改造计划", department=department)
    section = DecisionIndexPage.objects.get(pk=section.pk)
    html = client.get(section.url).content.decode()
    assert f"{year} 年度重大行政决策事项目录" in html
    assert ">征求意见中</a>" in html and "尚未公示" in html
    assert "县域医疗卫生服务体系建设方案" in html
    assert 'href="?year=2025#directory"' in html
    older = client.get(f"{section.url}?year=2025").content.decode()
    assert "2025 年度重大行政决策事项目录" in older
    csv = client.get(f"{section.url}?format=csv&table=directory&year={year}").content
    text = csv.decode("utf-8-sig")
    assert text.startswith("序号,决策事项名称,承办单位") and "是" in text
    assert "县域医疗卫生服务体系建设方案" in text and "老旧小区改造计划" not in text


def test_directory_defaults_to_the_latest_year_on_record(client, section, department):
    DirectoryEntryFactory(
        page=section, year=2024, title="农村公路养护管理办法", department=department
    )
    html = client.get(section.url).content.decode()
    assert "2024 年度重大行政决策事项目录" in html


def test_listing_queries_do_not_grow_with_the_number_of_notices(client, section, department):
    def count():
        client.get(section.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(section.url).status_code == 200
        return len(queries)

    MajorDecisionPageFactory(parent=section, issuing_department=department)
    few = count()
    for _ in range(5):
        MajorDecisionPageFactory(parent=section, issuing_department=department)
    assert count() == few


def test_notice_json_is_complete_and_private(client, notices):
    page = MajorDecisionPage.objects.get(pk=notices["decided"].pk)
    payload = client.get(page.url + "?format=json").json()
    assert payload["status"] == {"value": "decided", "label": "已决策"}
    assert payload["consultation"]["days"] == 30
    assert payload["decision"]["date"] == "2025-04-15"
    assert payload["steps"][0]["kind_label"] == "集体讨论决定"
    assert payload["adoption_report"]["total"] == 0
    assert payload["draft_text"].startswith("第一条")


def test_notice_queries_do_not_grow_with_its_records(client, section, department):
    from decisions.factories import DecisionStepFactory, TrackingUpdateFactory
    from decisions.services import comment_moderate

    page = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() - datetime.timedelta(days=60),
        final_text="<p>第一条 新的条文。</p>",
        published=False,
    )
    CollectiveDecisionFactory(page=page, date=timezone.localdate())
    TrackingUpdateFactory(page=page, responsible_unit=department)
    page.save_revision().publish()

    def count():
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    few = count()
    for _ in range(4):
        DecisionStepFactory(page=page, date=timezone.localdate())
        TrackingUpdateFactory(page=page, responsible_unit=department)
        comment_moderate(comment=PublicCommentFactory(notice=page), status="published")
    MajorDecisionPage.objects.get(pk=page.pk).save_revision().publish()
    assert count() == few
