"""审计日志: page and model history plus complaint and symposium-view events in one admin list,
filtered, paged, exported, and closed to users outside the oversight groups."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from disclosure.factories import DisclosureIndexPageFactory, PolicyDocumentPageFactory
from feedback.factories import (
    ComplaintFactory,
    SymposiumIndexPageFactory,
    SymposiumPageFactory,
    supervisor,
    symposium_view,
)
from feedback.permissions import SUPERVISOR_GROUP
from oversight.selectors import audit_entries, audit_rows
from portal.factories import DepartmentFactory
from portal.permissions import SITE_ADMIN_GROUP

from .conftest import make_admin_user

pytestmark = pytest.mark.django_db

URL = "/admin/reports/audit-log/"


@pytest.fixture
def market(db):
    return DepartmentFactory(name="示例县市场监督管理局", code="11331003")


@pytest.fixture
def transport(db):
    return DepartmentFactory(name="示例县交通运输局", code="11331010")


@pytest.fixture
def trail(home, superuser, market, transport):
    """One entry of each source: a published page of `market`, a department edit, a complaint
    submitted against `market`, a symposium view assigned to `transport`."""
    catalogue = DisclosureIndexPageFactory(parent=home)
    page = PolicyDocumentPageFactory(
        parent=catalogue, title="=关于印发示例办法的通知", issuing_department=market
    )
    page.save_revision(user=superuser).publish(user=superuser)
    log(instance=transport, action="wagtail.edit", user=superuser)
    complaint = ComplaintFactory(department=market, name="李四", phone="13900001111")
    symposiums = SymposiumIndexPageFactory(parent=home)
    session = SymposiumPageFactory(parent=symposiums, host_department=market)
    view = symposium_view(session, actor=supervisor(), handling_department=transport)
    return {"page": page, "complaint": complaint, "view": view}


def rows(**filters):
    return audit_rows(list(audit_entries(filters)))


def test_every_source_appears_newest_first(trail):
    found = rows()
    sources = [row["source"] for row in found]
    assert {"页面", "其他对象", "投诉办理", "座谈会意见办理"} <= {str(s) for s in sources}
    times = [row["timestamp"] for row in found]
    assert times == sorted(times, reverse=True)


def test_complaint_rows_show_tracking_number_never_personal_data(client, superuser, trail):
    client.force_login(superuser)
    html = client.get(URL).content.decode()
    assert trail["complaint"].tracking_number in html
    assert "李四" not in html and "13900001111" not in html
    assert f"/admin/complaints/{trail['complaint'].pk}/" in html


def test_filter_by_source_action_user_department_and_name(trail, superuser, market, transport):
    assert {str(r["source"]) for r in rows(source="complaint")} == {"投诉办理"}
    submit = rows(action="complaint:submit")
    assert [r["object_label"] for r in submit] == [trail["complaint"].tracking_number]
    published = rows(action="log:wagtail.publish")
    assert {r["object_label"] for r in published} == {trail["page"].title}
    by_user = rows(user=superuser)
    assert by_user and all(r["user"] in ("chief", superuser.get_full_name()) for r in by_user)
    market_rows = rows(department=market)
    assert {str(r["source"]) for r in market_rows} == {"页面", "投诉办理"}
    assert all(r["department"] == market.name for r in market_rows)
    transport_rows = rows(department=transport)
    assert {str(r["source"]) for r in transport_rows} == {"座谈会意见办理"}
    assert [r["object_label"] for r in rows(q=trail["complaint"].tracking_number)] == [
        trail["complaint"].tracking_number
    ]


def test_filter_by_date_range(trail):
    old = timezone.now() - datetime.timedelta(days=40)
    PageLogEntry.objects.update(timestamp=old)
    today = timezone.localdate()
    recent = rows(date_from=today - datetime.timedelta(days=1), date_to=today)
    assert "页面" not in {str(r["source"]) for r in recent}
    earlier = rows(date_to=today - datetime.timedelta(days=30))
    assert {str(r["source"]) for r in earlier} == {"页面"}


def test_admin_view_filters_and_rejects_a_reversed_range(client, superuser, trail):
    client.force_login(superuser)
    response = client.get(URL, {"source": "view"})
    assert response.status_code == 200
    html = response.content.decode()
    assert str(trail["view"]) in html and trail["complaint"].tracking_number not in html
    bad = client.get(URL, {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert "开始日期不能晚于结束日期" in bad.content.decode()


def test_pagination_pages_across_sources(client, superuser, trail):
    for _ in range(55):
        log(instance=superuser, action="wagtail.edit", user=superuser)
    client.force_login(superuser)
    first = client.get(URL)
    second = client.get(URL, {"p": 2})
    total = len(audit_entries({}))
    assert first.context["page_obj"].paginator.count == total
    assert len(first.context["rows"]) == 50
    assert len(second.context["rows"]) == total - 50


def test_query_count_does_not_grow_with_entries(
    client, superuser, trail, django_assert_max_num_queries
):
    for _ in range(60):
        log(instance=superuser, action="wagtail.edit", user=superuser)
    client.force_login(superuser)
    with django_assert_max_num_queries(40):
        assert client.get(URL).status_code == 200


def test_csv_export_neutralises_formulas(client, superuser, trail):
    client.force_login(superuser)
    response = client.get(URL, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][:4] == ["时间", "记录类型", "对象类型", "对象"]
    labels = [line[3] for line in table[1:]]
    assert "'=关于印发示例办法的通知" in labels
    assert trail["complaint"].tracking_number in labels
    assert "李四" not in response.content.decode("utf-8-sig")


def test_xlsx_export_follows_the_filters(client, superuser, trail):
    client.force_login(superuser)
    response = client.get(URL, {"export": "xlsx", "source": "complaint"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "时间"
    assert [line[3] for line in values[1:]] == [trail["complaint"].tracking_number]


@pytest.mark.parametrize("groups", [(SITE_ADMIN_GROUP,), (SUPERVISOR_GROUP,)])
def test_oversight_groups_may_read_the_log(client, trail, groups):
    client.force_login(make_admin_user("reader", groups=groups))
    assert client.get(URL).status_code == 200
    assert client.get(URL, {"export": "csv"}).status_code == 200


def test_other_admin_users_and_visitors_may_not(client, editor, trail):
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL, {"export": "csv"}).status_code in (302, 403)
    client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_menu_item_shown_only_to_readers(rf, superuser, editor):
    from oversight.wagtail_hooks import register_audit_menu_item

    item = register_audit_menu_item()
    request = rf.get("/admin/")
    request.user = superuser
    assert item.is_shown(request)
    request.user = editor
    assert not item.is_shown(request)
