"""Every way a disclosure page goes live through the admin stamps its 索引号 and 发布日期 exactly
once, and nothing later changes them: publish after a saved draft or an autosave, the create
view, 三审 final approval, scheduled publishing, bulk publish, revert and publish, copy and
publish, unpublish and republish."""

import datetime
import re
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from disclosure.models import IndexNumberSequence, PolicyDocumentPage
from editorial.roles import EDITOR_GROUP
from tests.editorial.conftest import make_staff, policy_form_data
from tests.editorial.test_scheduled import move_schedule_into_the_past

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r"11330001-A-\d{4}-(\d{6})")
ADD_URL_ARGS = ("disclosure", "policydocumentpage")
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # what Wagtail's autosave controller sends


def new_policy(department, slug="notice", **changes):
    """The add form of a new policy document, as the editor fills it in."""
    fields = {
        "title": "教育局关于秋季招生的通知",
        "slug": slug,
        "summary": "秋季招生安排。",
        "kind": "policy",
        "body": "<p>招生安排如下。</p>",
        "issuing_department_id": department.pk,
        "document_number": "",
        "date_written": None,
        "topic": "general",
        "keywords": "",
        "validity": "valid",
    }
    return policy_form_data(SimpleNamespace(**fields), **changes)


def add(client, user, catalogue, department, slug="notice", headers=None, **changes):
    """Create a page through the admin's add view; returns the stored page."""
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=[*ADD_URL_ARGS, catalogue.pk]),
        new_policy(department, slug=slug, **changes),
        **(headers or {}),
    )
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    return PolicyDocumentPage.objects.get(slug=slug)


def edit(client, user, page, url=None, headers=None, **changes):
    """Post the edit form of `page` (its latest revision) as `user`."""
    client.force_login(user)
    page = PolicyDocumentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    response = client.post(
        url or reverse("wagtailadmin_pages:edit", args=[page.pk]),
        policy_form_data(page, **changes),
        **(headers or {}),
    )
    assert response.status_code in (200, 302), response.content.decode()[:2000]
    return response


def publish(client, user, page, **changes):
    return edit(client, user, page, **{"action-publish": "1"}, **changes)


def stored(page):
    return PolicyDocumentPage.objects.get(pk=page.pk)


def assert_stamped_once(page, sequence=1):
    """Live, with the department's `sequence`-th number and today's date, in the row, the live
    revision and the public API alike."""
    page = stored(page)
    assert page.live
    match = NUMBER.fullmatch(page.index_number or "")
    assert match and int(match.group(1)) == sequence, page.index_number
    assert page.date_published == timezone.localdate()
    live = page.live_revision.as_object()
    assert (live.index_number, live.date_published) == (page.index_number, page.date_published)
    assert page.live_revision.content["index_number"] == page.index_number
    return page


def issued():
    return sum(IndexNumberSequence.objects.values_list("last_value", flat=True))


def test_publish_after_saving_a_draft(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)  # 保存草稿
    assert not page.live and page.index_number is None
    publish(client, site_admin, page)
    assert_stamped_once(page)
    assert issued() == 1
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["index_number"] == stored(page).index_number
    assert data["date_published"] == timezone.localdate().isoformat()


def test_publish_after_autosave_created_the_draft(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a, headers=AUTOSAVE)
    assert not page.live
    edit(client, site_admin, page, headers=AUTOSAVE, title="自动保存后的标题")
    publish(client, site_admin, page, title="自动保存后的标题")
    page = assert_stamped_once(page)
    assert page.title == "自动保存后的标题" and issued() == 1


def test_create_and_publish_in_one_request_issues_one_number(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a, **{"action-publish": "1"})
    assert_stamped_once(page)
    assert issued() == 1


def test_autosave_and_edits_of_a_live_page_keep_its_stamp(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)
    publish(client, site_admin, page)
    first = assert_stamped_once(page)
    edit(client, site_admin, page, headers=AUTOSAVE, title="修订稿")
    publish(client, site_admin, page, title="修订稿")
    page = assert_stamped_once(page)
    assert (page.index_number, page.date_published) == (first.index_number, first.date_published)
    assert page.title == "修订稿" and issued() == 1


def test_final_review_approval_stamps(
    client, site_admin, reviewer_a, reviewer_a2, catalogue, dept_a
):
    editor = make_staff("editor_new", groups=[EDITOR_GROUP], department=dept_a)
    page = add(client, editor, catalogue, dept_a)
    edit(client, editor, page, **{"action-submit": "1"})
    for user in (reviewer_a, reviewer_a2, site_admin):
        task_state = stored(page).current_workflow_task_state
        client.force_login(user)
        response = client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
        assert response.status_code in (200, 302)
    assert_stamped_once(page)


def test_scheduled_publication_stamps_when_it_goes_live(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)
    go_live = timezone.localtime() + datetime.timedelta(hours=2)
    publish(client, site_admin, page, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    page = stored(page)
    assert not page.live and page.index_number is None and issued() == 0
    move_schedule_into_the_past(page, go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled", stdout=StringIO())
    assert_stamped_once(page)


def test_bulk_publish_stamps(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)
    client.force_login(site_admin)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={page.pk}&next=/admin/pages/"
    )
    assert client.post(url, {"include_descendants": ""}).status_code == 302
    assert_stamped_once(page)


def test_revert_to_an_older_revision_and_publish(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)
    first_draft = stored(page).latest_revision
    edit(client, site_admin, page, title="第二稿")
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first_draft.pk])
    edit(
        client,
        site_admin,
        page,
        url=revert,
        title=first_draft.content["title"],
        **{"action-publish": "1"},
    )
    page = assert_stamped_once(page)
    # A later revert to a revision saved before the first publication keeps the stamp.
    number = page.index_number
    edit(client, site_admin, page, url=revert, **{"action-publish": "1"})
    assert assert_stamped_once(page).index_number == number and issued() == 1


def test_copy_and_publish_gets_its_own_number(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)
    publish(client, site_admin, page)
    original = assert_stamped_once(page)
    client.force_login(site_admin)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "副本",
            "new_slug": "notice-copy",
            "new_parent_page": catalogue.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = assert_stamped_once(PolicyDocumentPage.objects.get(slug="notice-copy"), sequence=2)
    assert copy.index_number != original.index_number
    assert assert_stamped_once(page).index_number == original.index_number


def test_copy_as_draft_then_publish_gets_its_own_number(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)
    publish(client, site_admin, page)
    client.force_login(site_admin)
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "副本", "new_slug": "notice-copy", "new_parent_page": catalogue.pk},
    )
    copy = PolicyDocumentPage.objects.get(slug="notice-copy")
    assert not copy.live and copy.index_number is None
    publish(client, site_admin, copy)
    assert_stamped_once(copy, sequence=2)


def test_unpublish_then_republish_keeps_the_first_number(client, site_admin, catalogue, dept_a):
    page = add(client, site_admin, catalogue, dept_a)
    publish(client, site_admin, page)
    first = assert_stamped_once(page)
    client.force_login(site_admin)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302 and not stored(page).live
    publish(client, site_admin, page, title="重新发布")
    page = assert_stamped_once(page)
    assert (page.index_number, page.date_published) == (first.index_number, first.date_published)
    assert issued() == 1


def test_a_number_reserved_by_an_interrupted_publication_takes_the_go_live_date(
    client, site_admin, catalogue, dept_a
):
    """The edit view stamps before Wagtail's publish action runs; if that action then fails, the
    page keeps its reserved number but is dated the day it really goes live."""
    page = add(client, site_admin, catalogue, dept_a)
    stamp_day = timezone.localdate() - datetime.timedelta(days=2)
    stored(page).stamp_publication()
    PolicyDocumentPage.objects.filter(pk=page.pk).update(date_published=stamp_day)
    reserved = stored(page).index_number
    publish(client, site_admin, page)
    page = assert_stamped_once(page)
    assert page.index_number == reserved and issued() == 1
