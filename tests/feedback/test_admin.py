"""投诉办理 in the admin: department scoping by URL, actions, filters, export, contact data."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback.factories import ComplaintFactory, advance, handler
from feedback.models import Complaint, Status
from feedback.permissions import HANDLER_GROUP, SUPERVISOR_GROUP
from feedback.uploads import CleanUpload
from tests.utils import minimal_pdf

pytestmark = pytest.mark.django_db

INDEX = "/admin/complaints/"


@pytest.fixture
def market_complaint(market):
    return ComplaintFactory(
        department=market,
        subject="<script>alert('market')</script>窗口态度",
        name="张三",
        phone="13812345678",
        email="zhangsan@example.com",
        attachments=[CleanUpload(kind="pdf", content=b"%PDF-1.4\n%%EOF\n", original_name="a.pdf")],
    )


@pytest.fixture
def transport_complaint(transport):
    return ComplaintFactory(department=transport, subject='=HYPERLINK("http://evil")运输证收费')


def urls(complaint):
    attachment = complaint.attachments.first()
    pk = complaint.pk
    found = [f"{INDEX}{pk}/"]
    if attachment:
        found.append(f"{INDEX}{pk}/attachments/{attachment.pk}/")
    return found


def test_groups_exist_with_the_permissions_they_need(db):
    def feedback_and_admin(group):
        return set(
            group.permissions.filter(
                content_type__app_label__in=["feedback", "wagtailadmin"]
            ).values_list("codename", flat=True)
        )

    handlers = Group.objects.get(name=HANDLER_GROUP)
    supervisors = Group.objects.get(name=SUPERVISOR_GROUP)
    assert feedback_and_admin(handlers) == {
        "access_admin",
        "handle_complaint",
        "handle_symposiumview",
    }
    assert feedback_and_admin(supervisors) == {
        "access_admin",
        "supervise_complaint",
        "record_symposiumview",
        "record_inspection",
    }


def test_handler_lists_only_their_department(
    client, market_handler, market_complaint, transport_complaint
):
    client.force_login(market_handler)
    html = client.get(INDEX).content.decode()
    assert market_complaint.tracking_number in html
    assert transport_complaint.tracking_number not in html
    # HTML typed by the citizen is shown as text in the list.
    assert "<script>alert('market')" not in html
    assert "&lt;script&gt;alert(&#x27;market&#x27;)&lt;/script&gt;" in html


def test_handler_gets_404_for_another_departments_complaint_by_url(
    client, market_handler, transport_complaint
):
    client.force_login(market_handler)
    transport_complaint = Complaint.objects.get(pk=transport_complaint.pk)
    for url in urls(transport_complaint):
        assert client.get(url).status_code == 404, url
    for action in ("accept", "reject", "assign", "reply", "extend", "close", "refer"):
        response = client.post(
            f"{INDEX}{transport_complaint.pk}/actions/{action}/", {f"{action}-reason": "越权操作"}
        )
        assert response.status_code == 404, action
    assert Complaint.objects.get(pk=transport_complaint.pk).status == Status.SUBMITTED


def test_handler_export_contains_only_their_department(
    client, market_handler, market_complaint, transport_complaint
):
    client.force_login(market_handler)
    response = client.get(f"{INDEX}?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert market_complaint.tracking_number in body
    assert transport_complaint.tracking_number not in body


def test_supervisor_sees_and_exports_everything(
    client, chief, market_complaint, transport_complaint
):
    client.force_login(chief)
    html = client.get(INDEX).content.decode()
    assert market_complaint.tracking_number in html and transport_complaint.tracking_number in html
    for complaint in (market_complaint, transport_complaint):
        for url in urls(complaint):
            assert client.get(url).status_code == 200, url


def test_export_has_no_personal_data_no_formulas_and_a_bom(
    client, chief, market_complaint, transport_complaint
):
    client.force_login(chief)
    response = client.get(f"{INDEX}?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][:3] == ["投诉编号", "提交时间", "投诉类别"]
    text = "\n".join(",".join(row) for row in rows)
    assert "张三" not in text and "13812345678" not in text and "zhangsan@" not in text
    subjects = [row[5] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")运输证收费' in subjects
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_contact_data_only_for_those_who_handle_it(
    client, market_handler, transport_handler, chief, market_complaint
):
    detail = f"{INDEX}{market_complaint.pk}/"
    for user in (market_handler, chief):
        client.force_login(user)
        html = client.get(detail).content.decode()
        assert "13812345678" in html and "zhangsan@example.com" in html
    client.force_login(transport_handler)
    assert client.get(detail).status_code == 404
    editor = get_user_model().objects.create_user("editor", password="pw-123456789")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    for url in (detail, INDEX):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "13812345678" not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, market_complaint):
    response = client.get(f"{INDEX}{market_complaint.pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_handler_without_a_department_sees_nothing(client, market_complaint):
    user = handler(market_complaint.department, username="lost")
    user.staff_profile.delete()
    client.force_login(get_user_model().objects.get(pk=user.pk))
    response = client.get(INDEX, follow=True)
    html = response.content.decode()
    assert market_complaint.tracking_number not in html
    assert "尚未指定所属部门" in html


def test_accept_then_reply_through_the_admin(client, market_handler, market_complaint):
    client.force_login(market_handler)
    base = f"{INDEX}{market_complaint.pk}/actions/"
    response = client.post(f"{base}accept/", {"accept-department": market_complaint.department.pk})
    assert response.status_code == 302
    response = client.post(f"{base}reply/", {"reply-reply": "短"})
    assert response.status_code == 400
    assert "答复内容至少 10 个字" in response.content.decode()
    response = client.post(f"{base}reply/", {"reply-reply": "经核查，已对窗口人员批评教育。"})
    assert response.status_code == 302
    complaint = Complaint.objects.get(pk=market_complaint.pk)
    assert complaint.status == Status.REPLIED
    assert complaint.events.last().actor == market_handler


def test_an_action_not_allowed_in_the_state_is_refused(client, market_handler, market_complaint):
    client.force_login(market_handler)
    response = client.post(
        f"{INDEX}{market_complaint.pk}/actions/reply/", {"reply-reply": "还没受理就答复的内容。"}
    )
    assert response.status_code == 409
    assert "不能进行“答复”操作" in response.content.decode()
    assert Complaint.objects.get(pk=market_complaint.pk).status == Status.SUBMITTED


def test_a_handler_cannot_use_supervisor_actions(client, market_handler, market_complaint):
    advance(market_complaint, Status.REPLIED, actor=market_handler)
    client.force_login(market_handler)
    response = client.post(
        f"{INDEX}{market_complaint.pk}/actions/refer/", {"refer-reason": "处理员越权转问责"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Complaint.objects.get(pk=market_complaint.pk).status == Status.REPLIED
    assert client.post(f"{INDEX}{market_complaint.pk}/actions/nonsense/").status_code == 404
    page = client.get(f"{INDEX}{market_complaint.pk}/").content.decode()
    assert "actions/refer/" not in page
    assert "评价期结束后方可办结" in page


def test_supervisor_refers_a_complaint(client, chief, market_handler, market_complaint):
    advance(market_complaint, Status.REPLIED, actor=market_handler)
    client.force_login(chief)
    response = client.post(
        f"{INDEX}{market_complaint.pk}/actions/refer/", {"refer-reason": "涉嫌吃拿卡要，核实。"}
    )
    assert response.status_code == 302
    assert Complaint.objects.get(pk=market_complaint.pk).status == Status.REFERRED


def test_list_filters_and_search(client, chief, market, market_handler, transport_complaint):
    overdue = ComplaintFactory(department=market, now=None)
    Complaint.objects.filter(pk=overdue.pk).update(accept_deadline="2020-01-02")
    client.force_login(chief)
    html = client.get(f"{INDEX}?overdue=true").content.decode()
    assert overdue.tracking_number in html and transport_complaint.tracking_number not in html
    assert "已超期" in html
    html = client.get(f"{INDEX}?handling_department={market.pk}").content.decode()
    assert overdue.tracking_number in html and transport_complaint.tracking_number not in html
    html = client.get(f"{INDEX}?q={transport_complaint.tracking_number}").content.decode()
    assert transport_complaint.tracking_number in html and overdue.tracking_number not in html
    html = client.get(f"{INDEX}?status=submitted&category=service_attitude").content.decode()
    assert overdue.tracking_number in html
    assert client.get(f"{INDEX}?status=<script>&submitted_at_after=garbage").status_code == 200


def test_workload_counts_overdue_per_department(client, chief, market, transport_complaint):
    overdue = ComplaintFactory(department=market)
    Complaint.objects.filter(pk=overdue.pk).update(accept_deadline="2020-01-02")
    client.force_login(chief)
    response = client.get(f"{INDEX}workload/")
    assert response.status_code == 200
    rows = {row["department"]: row for row in response.context["rows"]}
    assert rows[market]["overdue"] == 1
    assert rows[transport_complaint.department]["overdue"] == 0
    home = client.get("/admin/").content.decode()
    assert "已超期 <strong>1</strong> 件" in home


def test_attachment_is_served_as_a_download(client, chief, market_complaint):
    client.force_login(chief)
    attachment = market_complaint.attachments.get()
    response = client.get(f"{INDEX}{market_complaint.pk}/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_menu_item_only_for_complaint_roles(client, chief, market_handler):
    client.force_login(chief)
    assert INDEX in client.get("/admin/").content.decode()
    editor = get_user_model().objects.create_user("editor2", password="pw-123456789")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert INDEX not in client.get("/admin/").content.decode()


def test_upload_through_the_form_reaches_the_admin(client, complaint_page, chief):
    from tests.feedback.conftest import form_data

    client.post(
        "/complaints/",
        {**form_data(), "attachments": [SimpleUploadedFile("x.pdf", minimal_pdf())]},
    )
    complaint = Complaint.objects.get()
    client.force_login(chief)
    assert "附件 1（PDF" in client.get(f"{INDEX}{complaint.pk}/").content.decode()


def test_group_editor_shows_the_complaint_permissions(admin_client):
    group = Group.objects.get(name=HANDLER_GROUP)
    html = admin_client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    assert "办理本部门承办的投诉（受理、转办、答复）" in html
    assert "督查全县投诉（全部可见，可转入问责审查）" in html
