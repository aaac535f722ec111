"""征求意见管理 in the admin: listing and filters, moderation and responses through the services,
the CSV export without personal data, scoping by department, and no way to add comments."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry

from decisions.factories import (
    FINAL_TEXT,
    CollectiveDecisionFactory,
    MajorDecisionPageFactory,
    PublicCommentFactory,
)
from decisions.models import MajorDecisionPage, ModerationStatus, PublicComment
from decisions.services import comment_moderate, comment_respond
from portal.factories import DepartmentFactory
from portal.models import StaffProfile

pytestmark = pytest.mark.django_db
INDEX = "/admin/decision_comments/"


def edit_url(comment):
    return f"{INDEX}edit/{comment.pk}/"


def form_data(**overrides):
    data = {
        "status": "pending",
        "rejection_reason": "",
        "published_text": "",
        "outcome": "",
        "response_reason": "",
        "changed_passage": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def admin(client, admin_user):
    client.force_login(admin_user)
    return client


def test_listing_shows_comments_and_filters_by_notice_status_and_outcome(admin, notice, section):
    other = MajorDecisionPageFactory(parent=section, issuing_department=notice.issuing_department)
    pending = PublicCommentFactory(notice=notice)
    answered = PublicCommentFactory(notice=notice)
    comment_moderate(comment=answered, status=ModerationStatus.PUBLISHED)
    comment_respond(comment=answered, outcome="not_adopted", reason="与上位法不一致。")
    elsewhere = PublicCommentFactory(notice=other)

    def receipts(query=""):
        html = admin.get(INDEX + query).content.decode()
        return {
            c.receipt_number for c in (pending, answered, elsewhere) if c.receipt_number in html
        }

    assert receipts() == {pending.receipt_number, answered.receipt_number, elsewhere.receipt_number}
    assert receipts(f"?notice={other.pk}") == {elsewhere.receipt_number}
    assert receipts("?status=published") == {answered.receipt_number}
    assert receipts("?outcome=none") == {pending.receipt_number, elsewhere.receipt_number}
    assert receipts("?outcome=not_adopted") == {answered.receipt_number}
    assert receipts(f"?q={pending.receipt_number}") == {pending.receipt_number}
    html = admin.get(INDEX).content.decode()
    assert "征求意见管理" in html and "待审核" in html


def test_editing_moderates_and_answers_through_the_services(admin, notice):
    comment = PublicCommentFactory(
        notice=notice, name="王小明", text="王小明建议：免费时段延长到 60 分钟，电话 13812345678。"
    )
    response = admin.post(
        edit_url(comment),
        form_data(status="published", outcome="adopted", response_reason="已采纳。"),
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "published" and comment.outcome == "adopted"
    assert comment.published_text == "王某某建议：免费时段延长到 60 分钟，电话 138****5678。"
    assert comment.moderated_by is not None and comment.responded_by is not None
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(comment.pk)).values_list("action", flat=True)
    )
    assert actions == {"decisions.comment.moderate", "decisions.comment.respond"}
    # The history shows the receipt number, never the citizen's words.
    assert set(ModelLogEntry.objects.values_list("label", flat=True)) == {comment.receipt_number}


def test_edit_form_shows_the_original_and_refuses_incomplete_decisions(admin, notice):
    comment = PublicCommentFactory(notice=notice, name="王小明", contact="13812345678")
    page = admin.get(edit_url(comment)).content.decode()
    assert comment.text in page and "13812345678" in page  # staff may call the citizen back
    response = admin.post(edit_url(comment), form_data(status="rejected"))
    assert response.status_code == 200
    assert "不予公开须填写理由" in response.content.decode()
    response = admin.post(edit_url(comment), form_data(outcome="partly"))
    assert "答复须填写理由" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "pending" and comment.outcome == ""


def test_the_passage_choice_lists_the_changes_of_the_notice(admin, section, department):
    page = MajorDecisionPageFactory(
        parent=section,
        issuing_department=department,
        opens_at=timezone.now() - datetime.timedelta(days=40),
        final_text=FINAL_TEXT,
        published=False,
    )
    CollectiveDecisionFactory(page=page, date=timezone.localdate())
    page.save_revision().publish()
    page = MajorDecisionPage.objects.get(pk=page.pk)
    comment = PublicCommentFactory(notice=page)
    html = admin.get(edit_url(comment)).content.decode()
    assert "修改 1：第三条 道路停车泊位实行分时段收费，首 60 分钟免费。" in html
    passage = page.changes[0].passage
    response = admin.post(
        edit_url(comment),
        form_data(outcome="adopted", response_reason="已延长。", changed_passage=passage),
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.changed_passage == passage


def test_csv_export_has_no_personal_data_and_cannot_run_formulas(admin, notice):
    PublicCommentFactory(
        notice=notice,
        name="王小明",
        contact="13812345678",
        text='=HYPERLINK("http://x") 我叫王小明，电话13812345678，建议延长免费时段。',
    )
    response = admin.get(INDEX + "?export=csv")
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff回执编号,决策事项,提交时间,界别,审核状态")
    assert "13812345678" not in body and "王小明" not in body
    assert "'=HYPERLINK" in body
    assert "未答复" in body


def test_there_is_no_add_view(admin):
    assert admin.get(INDEX + "new/").status_code == 404
    assert "/admin/decision_comments/new/" not in admin.get(INDEX).content.decode()


def test_department_staff_see_only_their_departments_comments(client, notice, section):
    other_department = DepartmentFactory(name="示例县住房和城乡建设局", code="11331005")
    other = MajorDecisionPageFactory(parent=section, issuing_department=other_department)
    mine = PublicCommentFactory(notice=notice)
    theirs = PublicCommentFactory(notice=other)
    group = Group.objects.create(name="决策意见处理")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_publiccomment"),
        Permission.objects.get(codename="view_publiccomment"),
    )
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("handler", password="x-secret-123")
    user.groups.add(group)
    StaffProfile.objects.create(user=user, department=notice.issuing_department)
    client.force_login(user)
    html = client.get(INDEX).content.decode()
    assert mine.receipt_number in html and theirs.receipt_number not in html
    assert client.get(edit_url(theirs)).status_code == 404
    assert client.get(edit_url(mine)).status_code == 200


def test_comments_need_the_permission(client, notice):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("editor", password="x-secret-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    comment = PublicCommentFactory(notice=notice)
    assert client.get(edit_url(comment)).status_code in (302, 403)
    assert PublicComment.objects.get().status == "pending"
