"""三审 (初审 → 复审 → 终审) through the admin: each stage, the department rule, "not your own
edit", rejection back to the author, and the publish checks at the final stage."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from disclosure.models import PolicyDocumentPage
from editorial.models import ReviewRefused, ReviewStageTask
from editorial.roles import SITE_ADMIN_GROUP, WORKFLOW_NAME
from portal.publishing import PublishProblem, register_publish_check, unregister_publish_check
from tests.editorial.conftest import make_staff, policy_form_data

pytestmark = pytest.mark.django_db

NEW_TITLE = "教育局关于秋季招生的通知（修订）"


@pytest.fixture
def site_admin2(roles):
    return make_staff("site_admin2", groups=[SITE_ADMIN_GROUP])


def submit(client, user, page, action="action-submit", **changes):
    """Edit `page` as `user` in the admin and send it to review."""
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        policy_form_data(page, **changes, **{action: "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return WorkflowState.objects.for_instance(page).order_by("-pk").first()


def current(page):
    page = PolicyDocumentPage.objects.get(pk=page.pk)
    return page, page.current_workflow_task_state


def act(client, user, page, action="approve", comment=""):
    """Take a workflow action by URL as `user`; returns the response."""
    page, task_state = current(page)
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": comment},
    )


def stage_name(page):
    return current(page)[1].task.name


def test_three_stage_workflow_is_assigned_to_disclosed_and_decision_pages(roles, page_a):
    workflow = page_a.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == ["初审", "复审", "终审"]
    assert [task.department_scoped for task in tasks] == [True, True, False]
    assert all(isinstance(task, ReviewStageTask) for task in tasks)


def test_three_stages_in_order_publish_the_page(
    client, editor_a, reviewer_a, reviewer_a2, site_admin, page_a
):
    state = submit(client, editor_a, page_a, title=NEW_TITLE)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert stage_name(page_a) == "初审"
    assert PolicyDocumentPage.objects.get(pk=page_a.pk).title == page_a.title

    act(client, reviewer_a, page_a)
    assert stage_name(page_a) == "复审"
    act(client, reviewer_a2, page_a)
    assert stage_name(page_a) == "终审"
    act(client, site_admin, page_a)

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    live = PolicyDocumentPage.objects.get(pk=page_a.pk)
    assert live.live and live.title == NEW_TITLE and not live.has_unpublished_changes
    deciders = TaskState.objects.filter(workflow_state=state).values_list(
        "task__name", "finished_by__username"
    )
    assert set(deciders) == {
        ("初审", "reviewer_a"),
        ("复审", "reviewer_a2"),
        ("终审", "site_admin"),
    }


def test_reviewer_of_another_department_is_refused(
    client, editor_a, reviewer_a, reviewer_b, page_a
):
    submit(client, editor_a, page_a, title=NEW_TITLE)
    page, task_state = current(page_a)
    task = task_state.task.specific
    assert task.get_actions(page, reviewer_b) == []
    assert "本部门" in str(task.refusal_reason(page, reviewer_b))
    assert act(client, reviewer_b, page_a).status_code == 403
    with pytest.raises(ReviewRefused):
        task.on_action(task_state, reviewer_b, "approve")
    assert current(page_a)[1].status == TaskState.STATUS_IN_PROGRESS
    assert stage_name(page_a) == "初审"
    # The department's own reviewer may.
    assert [name for name, *_ in task.get_actions(page, reviewer_a)] == [
        "reject",
        "approve",
        "approve",
    ]


def test_editor_cannot_approve_any_stage(client, editor_a, page_a):
    submit(client, editor_a, page_a, title=NEW_TITLE)
    page, task_state = current(page_a)
    assert task_state.task.specific.get_actions(page, editor_a) == []
    act(client, editor_a, page_a)
    assert current(page_a)[1].status == TaskState.STATUS_IN_PROGRESS


def test_page_under_review_is_locked_for_all_but_its_reviewers_and_site_admins(
    client, editor_a, reviewer_a, reviewer_b, site_admin, page_a
):
    submit(client, editor_a, page_a, title=NEW_TITLE)
    page, task_state = current(page_a)
    task = task_state.task.specific
    assert task.locked_for_user(page, editor_a)
    assert task.locked_for_user(page, reviewer_b)
    assert not task.locked_for_user(page, reviewer_a)
    assert not task.locked_for_user(page, site_admin)
    assert not task.user_can_access_editor(page, reviewer_b)


def test_nobody_approves_their_own_edit(client, reviewer_a, reviewer_a2, page_a):
    submit(client, reviewer_a, page_a, title=NEW_TITLE)
    page, task_state = current(page_a)
    task = task_state.task.specific
    assert task.get_actions(page, reviewer_a) == []
    assert "自己" in str(task.refusal_reason(page, reviewer_a))
    response = act(client, reviewer_a, page_a)
    assert response.status_code == 302  # Wagtail's refusal: back to the dashboard
    assert current(page_a)[1].status == TaskState.STATUS_IN_PROGRESS
    with pytest.raises(ReviewRefused, match="自己"):
        task.on_action(task_state, reviewer_a, "approve")
    act(client, reviewer_a2, page_a)
    assert stage_name(page_a) == "复审"


def test_reviewer_who_edits_during_review_cannot_approve_it(
    client, editor_a, reviewer_a, reviewer_a2, page_a
):
    submit(client, editor_a, page_a, title=NEW_TITLE)
    client.force_login(reviewer_a)
    page = PolicyDocumentPage.objects.get(pk=page_a.pk).get_latest_revision_as_object()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page_a.pk]),
        policy_form_data(page, summary="审核人员补充的摘要"),
    )
    assert response.status_code == 302
    page, task_state = current(page_a)
    assert task_state.task.specific.get_actions(page, reviewer_a) == []
    act(client, reviewer_a2, page_a)
    assert stage_name(page_a) == "复审"


def test_second_stage_needs_another_reviewer_than_the_first(
    client, editor_a, reviewer_a, reviewer_a2, page_a
):
    submit(client, editor_a, page_a, title=NEW_TITLE)
    act(client, reviewer_a, page_a)
    assert stage_name(page_a) == "复审"
    page, task_state = current(page_a)
    task = task_state.task.specific
    assert task.get_actions(page, reviewer_a) == []
    assert "前一环节" in str(task.refusal_reason(page, reviewer_a))
    act(client, reviewer_a, page_a)
    assert stage_name(page_a) == "复审"
    act(client, reviewer_a2, page_a)
    assert stage_name(page_a) == "终审"


def test_site_admin_cannot_give_final_approval_to_own_edit(
    client, site_admin, site_admin2, reviewer_a, reviewer_a2, page_a
):
    submit(client, site_admin, page_a, title=NEW_TITLE)
    act(client, reviewer_a, page_a)
    act(client, reviewer_a2, page_a)
    assert stage_name(page_a) == "终审"
    page, task_state = current(page_a)
    assert task_state.task.specific.get_actions(page, site_admin) == []
    act(client, site_admin, page_a)
    assert stage_name(page_a) == "终审"
    act(client, site_admin2, page_a)
    assert PolicyDocumentPage.objects.get(pk=page_a.pk).title == NEW_TITLE


def test_first_stage_reviewers_cannot_give_final_approval(
    client, editor_a, reviewer_a, reviewer_a2, page_a
):
    submit(client, editor_a, page_a, title=NEW_TITLE)
    act(client, reviewer_a, page_a)
    act(client, reviewer_a2, page_a)
    page, task_state = current(page_a)
    assert "终审" in str(task_state.task.specific.refusal_reason(page, reviewer_a2))
    act(client, reviewer_a2, page_a)
    assert stage_name(page_a) == "终审"


def test_rejection_returns_the_page_to_its_author_with_the_comment(
    client, editor_a, reviewer_a, page_a
):
    mail.outbox.clear()
    state = submit(client, editor_a, page_a, title=NEW_TITLE)
    act(client, reviewer_a, page_a, action="reject", comment="请补充文号后再送审。")

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(workflow_state=state, task__name="初审")
    assert rejected.status == TaskState.STATUS_REJECTED
    assert rejected.comment == "请补充文号后再送审。"
    assert rejected.finished_by == reviewer_a
    live = PolicyDocumentPage.objects.get(pk=page_a.pk)
    assert live.title == page_a.title  # nothing was published
    assert live.get_latest_revision_as_object().title == NEW_TITLE  # the draft is kept
    # The author is told by e-mail, and the editor shows the comment and stays editable.
    assert any(editor_a.email in message.to for message in mail.outbox)
    client.force_login(editor_a)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page_a.pk]))
    assert response.status_code == 200
    assert "请补充文号后再送审。" in response.content.decode()
    # Resubmitted, the page starts the rejected stage again.
    submit(
        client, editor_a, live.get_latest_revision_as_object(), document_number="示教发〔2026〕3号"
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert stage_name(page_a) == "初审"


def test_final_approval_refused_while_a_publish_check_blocks(
    client, editor_a, reviewer_a, reviewer_a2, site_admin, page_a
):
    def blocking(page, *, user, action, counts=None):
        if action == "publish" and page.pk == page_a.pk:
            yield PublishProblem(code="test", message="附件「招生简章」已被删除，请重新上传。")

    submit(client, editor_a, page_a, title=NEW_TITLE)
    act(client, reviewer_a, page_a)
    act(client, reviewer_a2, page_a)
    register_publish_check(blocking)
    try:
        response = act(client, site_admin, page_a)
    finally:
        unregister_publish_check(blocking)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[page_a.pk])
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("不能通过终审" in m and "招生简章" in m for m in messages)
    assert stage_name(page_a) == "终审"
    assert current(page_a)[1].status == TaskState.STATUS_IN_PROGRESS
    assert PolicyDocumentPage.objects.get(pk=page_a.pk).title == page_a.title
    act(client, site_admin, page_a)
    assert PolicyDocumentPage.objects.get(pk=page_a.pk).title == NEW_TITLE


def test_awaiting_review_lists_only_what_the_user_may_decide(
    client, editor_a, reviewer_a, reviewer_b, page_a
):
    submit(client, editor_a, page_a, title=NEW_TITLE)
    task_state = current(page_a)[1]
    assert task_state in TaskState.objects.reviewable_by(reviewer_a)
    assert task_state not in TaskState.objects.reviewable_by(reviewer_b)
    assert task_state not in TaskState.objects.reviewable_by(editor_a)
