"""Publish checks: mandated metadata, dead links and missing attachments, 错敏词 — through
publish_problems and through the admin's edit view (publish, submit, reviewer confirmation)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import rich_text

from disclosure.factories import PolicyDocumentPageFactory, ServiceProcedurePageFactory
from disclosure.models import PolicyDocumentPage
from editorial.wording import SensitiveWord, SensitiveWordConfirmation
from portal.publishing import publish_problems
from tests.editorial.conftest import policy_form_data

pytestmark = pytest.mark.django_db

CONFIRM_LABEL = "已核对错敏词提示，确认无误"


@pytest.fixture(autouse=True)
def words(db):
    """A small list; the generation moves on before and after, so no other test sees it."""
    SensitiveWord.objects.create(word="做为", replacement="作为", note="“作为”不写作“做为”。")
    SensitiveWord.objects.create(word="工商局", replacement="市场监督管理局", note="")
    SensitiveWord.list_changed()
    yield
    SensitiveWord.list_changed()


def codes(problems):
    return [problem.code for problem in problems]


def page_link(page):
    return f'<a linktype="page" id="{page.pk}">{page.title}</a>'


def edit(client, user, page, *, body, action=None, **extra):
    client.force_login(user)
    data = policy_form_data(page, body=rich_text(body), **extra)
    if action:
        data[action] = "1"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def errors_of(response):
    form = response.context["form"]
    return [str(error) for error in form.non_field_errors()]


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def live(page):
    return PolicyDocumentPage.objects.get(pk=page.pk)


# -- publish_problems directly ------------------------------------------------------------------


def test_clean_page_has_no_problems(page_a):
    assert publish_problems(page_a, action="publish") == []
    assert publish_problems(page_a, action="submit") == []


def test_missing_mandated_elements_are_a_metadata_problem(catalogue, dept_a):
    page = ServiceProcedurePageFactory(parent=catalogue, issuing_department=dept_a)
    assert "metadata" not in codes(publish_problems(page))
    page.location = ""
    page.supervision_phone = ""
    [problem] = publish_problems(page)
    assert problem.code == "metadata" and problem.blocking and not problem.confirmable
    assert "办理地点" in problem.message and "监督投诉电话" in problem.message


def test_link_to_unpublished_page_is_a_broken_link(page_a, catalogue, dept_a):
    draft = PolicyDocumentPageFactory(
        parent=catalogue, issuing_department=dept_a, published=False, title="招生简章"
    )
    page_a.body = f"<p>详见{page_link(draft)}。</p>"
    [problem] = publish_problems(page_a)
    assert problem.code == "broken_link" and problem.blocking
    assert "正文" in problem.message and "链接的页面未发布" in problem.message
    assert str(draft.pk) in problem.message


def test_deleted_document_is_a_missing_document(page_a):
    document = get_document_model().objects.create(
        title="招生简章", file=ContentFile(b"%PDF-1.4", name="brochure.pdf")
    )
    page_a.body = f'<p><a linktype="document" id="{document.pk}">招生简章</a></p>'
    assert publish_problems(page_a) == []
    document.delete()
    [problem] = publish_problems(page_a)
    assert problem.code == "missing_document"
    assert "附件不存在" in problem.message


def test_sensitive_word_blocks_publish_and_warns_on_submit(page_a):
    page_a.body = "<p>做为试点单位，做为示范。</p>"
    [on_publish] = publish_problems(page_a, action="publish")
    [on_submit] = publish_problems(page_a, action="submit")
    assert on_publish.code == "sensitive_word" and on_publish.blocking and on_publish.confirmable
    assert not on_submit.blocking and on_submit.confirmable
    assert "“正文”中出现“做为”（2 处），建议改为“作为”" in on_publish.message


def test_unknown_action_is_refused(page_a):
    with pytest.raises(ValueError):
        publish_problems(page_a, action="approve")


# -- the admin edit view ------------------------------------------------------------------------


def test_publish_with_link_to_unpublished_page_is_refused_with_the_field_named(
    client, site_admin, page_a, catalogue, dept_a
):
    draft = PolicyDocumentPageFactory(
        parent=catalogue, issuing_department=dept_a, published=False, title="招生简章"
    )
    response = edit(
        client, site_admin, page_a, body=f"<p>详见{page_link(draft)}</p>", action="action-publish"
    )
    assert response.status_code == 200
    [error] = errors_of(response)
    assert "链接失效" in error and "正文" in error and "链接的页面未发布" in error
    assert "详见" not in live(page_a).body

    draft.save_revision().publish()
    response = edit(
        client, site_admin, page_a, body=f"<p>详见{page_link(draft)}</p>", action="action-publish"
    )
    assert response.status_code == 302
    assert "详见" in live(page_a).body


def test_submit_with_missing_document_is_refused(client, editor_a, page_a):
    document = get_document_model().objects.create(
        title="招生简章", file=ContentFile(b"%PDF-1.4", name="brochure.pdf")
    )
    body = f'<p><a linktype="document" id="{document.pk}">招生简章</a></p>'
    document.delete()
    response = edit(client, editor_a, page_a, body=body, action="action-submit")
    assert response.status_code == 200
    assert any("附件不存在" in error for error in errors_of(response))
    assert WorkflowState.objects.for_instance(page_a).count() == 0


def test_saving_a_draft_runs_no_checks(client, editor_a, page_a):
    response = edit(client, editor_a, page_a, body="<p>做为试点。</p>")
    assert response.status_code == 302


def test_editor_submit_with_sensitive_word_warns_and_goes_to_review(client, editor_a, page_a):
    response = edit(client, editor_a, page_a, body="<p>做为试点。</p>", action="action-submit")
    assert response.status_code == 302
    assert any("做为" in message and "作为" in message for message in messages_of(response))
    state = WorkflowState.objects.for_instance(page_a).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_editor_submit_without_sensitive_word_has_no_warning(client, editor_a, page_a):
    response = edit(client, editor_a, page_a, body="<p>作为试点。</p>", action="action-submit")
    assert response.status_code == 302
    assert not any("错敏词" in message for message in messages_of(response))


def test_publish_with_sensitive_word_is_refused_until_confirmed(client, site_admin, page_a):
    body = "<p>原工商局办公楼。</p>"
    response = edit(client, site_admin, page_a, body=body, action="action-publish")
    assert response.status_code == 200
    [error] = errors_of(response)
    assert "工商局" in error and "市场监督管理局" in error
    assert "原工商局" not in live(page_a).body
    assert CONFIRM_LABEL in response.content.decode()  # offered again with the refusal

    response = edit(
        client, site_admin, page_a, body=body, action="action-publish", confirm_problems="on"
    )
    assert response.status_code == 302
    assert "原工商局" in live(page_a).body
    confirmation = SensitiveWordConfirmation.objects.get(page=page_a)
    assert confirmation.user == site_admin
    assert [hit["word"] for hit in confirmation.hits] == ["工商局"]


def test_confirmation_box_is_shown_to_reviewers_only_when_there_are_hits(
    client, editor_a, reviewer_a, page_a
):
    url = reverse("wagtailadmin_pages:edit", args=[page_a.pk])
    client.force_login(reviewer_a)
    assert CONFIRM_LABEL not in client.get(url).content.decode()  # no hits

    edit(client, editor_a, page_a, body="<p>做为试点。</p>")  # a draft with a hit
    client.force_login(editor_a)
    assert CONFIRM_LABEL not in client.get(url).content.decode()
    client.force_login(reviewer_a)
    content = client.get(url).content.decode()
    assert CONFIRM_LABEL in content
    assert "“正文”中出现“做为”" in content  # the hits are listed next to the box


def test_editor_cannot_confirm(client, editor_a, page_a):
    response = edit(
        client,
        editor_a,
        page_a,
        body="<p>做为试点。</p>",
        action="action-submit",
        confirm_problems="on",
    )
    assert response.status_code == 302
    assert not SensitiveWordConfirmation.objects.exists()
    page = live(page_a).get_latest_revision_as_object()
    assert codes(publish_problems(page, action="publish")) == ["sensitive_word"]


def test_editor_blocked_reviewer_confirms_publish_allowed_new_hit_blocks_again(
    client, editor_a, reviewer_a, site_admin, page_a
):
    """The whole 错敏词 flow: the confirmation covers exactly the hits the reviewer saw."""
    body = "<p>做为试点单位。</p>"
    assert edit(client, editor_a, page_a, body=body).status_code == 302  # the editor's draft
    response = edit(client, site_admin, page_a, body=body, action="action-publish")
    assert response.status_code == 200
    assert any("做为" in error for error in errors_of(response))
    assert "做为" not in live(page_a).body

    # The reviewer of the department reads the hint and confirms it on the edit form.
    response = edit(client, reviewer_a, page_a, body=body, confirm_problems="on")
    assert response.status_code == 302, errors_of(response)
    confirmation = SensitiveWordConfirmation.objects.get(page=page_a)
    assert confirmation.user == reviewer_a

    response = edit(client, site_admin, page_a, body=body, action="action-publish")
    assert response.status_code == 302, errors_of(response)
    assert "做为试点单位" in live(page_a).body

    # A later edit adds another occurrence: blocked again until someone confirms it.
    response = edit(
        client, site_admin, page_a, body="<p>做为试点单位，做为示范。</p>", action="action-publish"
    )
    assert response.status_code == 200
    assert any("（2 处）" in error for error in errors_of(response))
    assert "做为示范" not in live(page_a).body


def approve_in_editor(client, user, page, **extra):
    """Approve the current review stage from the edit view, as the reviewer's button does,
    posting the content under review unchanged."""
    page = live(page).get_latest_revision_as_object()
    return edit(
        client,
        user,
        page,
        body=page.body,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        **extra,
    )


def test_reviewer_confirms_while_approving_without_becoming_an_author(
    client, editor_a, reviewer_a, page_a
):
    body = "<p>做为试点单位。</p>"
    assert edit(client, editor_a, page_a, body=body, action="action-submit").status_code == 302
    revisions = live(page_a).revisions.count()

    response = approve_in_editor(client, reviewer_a, page_a, confirm_problems="on")
    assert response.status_code == 302, errors_of(response)
    assert live(page_a).revisions.count() == revisions  # ticking the box is not an edit
    assert SensitiveWordConfirmation.objects.get(page=page_a).user == reviewer_a
    page = live(page_a)
    assert page.current_workflow_task.name == "复审"
    assert publish_problems(page.get_latest_revision_as_object(), action="publish") == []


def test_final_approval_refused_while_sensitive_word_is_unconfirmed(
    client, editor_a, reviewer_a, reviewer_a2, site_admin, page_a
):
    body = "<p>做为试点单位。</p>"
    assert edit(client, editor_a, page_a, body=body, action="action-submit").status_code == 302
    for reviewer in (reviewer_a, reviewer_a2):
        response = approve_in_editor(client, reviewer, page_a)
        assert response.status_code == 302, errors_of(response)
    client.force_login(site_admin)
    page = live(page_a)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", page.current_workflow_task_state.pk],
        ),
        {"comment": ""},
    )
    assert "做为" not in live(page_a).body
    assert any("不能通过终审" in m and "做为" in m for m in messages_of(response))


def test_approving_in_editor_is_checked_but_sending_back_never_is(
    client, editor_a, reviewer_a, page_a, catalogue, dept_a
):
    target = PolicyDocumentPageFactory(parent=catalogue, issuing_department=dept_a, title="简章")
    body = f"<p>详见{page_link(target)}</p>"
    assert edit(client, editor_a, page_a, body=body, action="action-submit").status_code == 302
    target.unpublish()

    response = approve_in_editor(client, reviewer_a, page_a)
    assert response.status_code == 200
    assert any("链接的页面未发布" in error for error in errors_of(response))
    assert live(page_a).current_workflow_task.name == "初审"

    page = live(page_a).get_latest_revision_as_object()
    response = edit(
        client,
        reviewer_a,
        page,
        body=page.body,
        **{
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": "链接的文件已撤回，请修改。"}',
        },
    )
    assert response.status_code == 302, errors_of(response)
    assert live(page_a).current_workflow_task is None or (
        live(page_a).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    )


# -- bulk publishing ----------------------------------------------------------------------------


def bulk_publish(client, user, page):
    client.force_login(user)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={page.pk}&next=/admin/pages/"
    )
    return client.post(url, {"include_descendants": ""})


def test_bulk_publish_refuses_a_draft_with_a_blocking_problem(client, site_admin, page_a):
    edit(client, site_admin, page_a, body="<p>原工商局办公楼。</p>")  # a draft, no checks
    response = bulk_publish(client, site_admin, page_a)
    assert response.status_code == 302
    assert any("工商局" in message for message in messages_of(response))
    assert "原工商局" not in live(page_a).body


def test_bulk_publish_of_a_clean_draft_goes_live(client, site_admin, page_a):
    edit(client, site_admin, page_a, body="<p>新的办公地址。</p>")
    response = bulk_publish(client, site_admin, page_a)
    assert response.status_code == 302
    assert "新的办公地址" in live(page_a).body
